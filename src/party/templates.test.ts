import { describe, expect, it } from 'vitest';
import { renderNotice } from '../notify/templates.js';

describe('party reminder wording', () => {
  it('names the member, the anniversary and the day the talk is due', () => {
    const n = renderNotice('party.birthdayTalk', { name: '刘志强', anniversary: '2026-12-06', years: 15, dueBy: '2026-12-12' });
    expect(n.title).toBe('政治生日谈话：刘志强');
    expect(n.text).toBe('刘志强同志2026-12-06入党15周年，请在2026-12-12前进行政治生日谈话。');
    expect(n.link).toBe('/party?tab=members');
  });
  it('says whether a term is ending or has ended', () => {
    expect(renderNotice('party.termAlert', { orgName: '第一党支部', endOn: '2027-01-31', expired: false }).text).toBe('第一党支部本届任期将于2027-01-31届满，请及时做好换届选举工作。');
    expect(renderNotice('party.termAlert', { orgName: '第一党支部', endOn: '2026-11-30', expired: true }).text).toContain('已于2026-11-30届满');
  });
});
