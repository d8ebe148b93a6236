import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LADDER } from '../supervision/ladder.js';
import { TEMPLATES, escapeHtml, isKnownTemplate, renderEmail, renderNotice, type NoticeTemplate } from './templates.js';

const CASE_ID = '6f1c0a52-3b7e-4d2a-9f8e-1a2b3c4d5e6f';
/** What the producers put in payloads (see each enqueue site); one payload serves every template. */
const realistic = {
  caseId: CASE_ID, caseNo: 'QW20260302000012', itemName: '最低生活保障审核确认', queryCode: '834512', promisedDue: '2026-03-23',
  missing: ['家庭经济状况核对授权书'], procedure: 'expertReview', workingDays: 10, outcome: 'approved', authority: '天水市民政局',
  redoDue: '2026-03-20', opinion: 'agreeWithConditions', at: '2026-03-10T01:30:00Z', place: '三楼联审会议室', task: '用地审查',
  subDue: '2026-03-09', why: 'subLimitPassed', docNo: '清渭县政务服务中心督字〔2026〕第000012号', answerDue: '2026-03-13', stepId: 'x', departmentId: 'y',
};

/**
 * Every template name the code enqueues, read from the source: the call shapes that produce
 * notices (`template: '…'`, `applicantSms(row, '…')`, joint `inApp(row, to, '…')`,
 * `noticesFor(person, '…')`) and the ladder's `supervision.${kind}`.
 */
function templatesUsedInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.includes('.test.') ? [path.join(dir, e.name)] : []);
  const shapes = [
    /template:\s*'([\w.]+)'/g,
    /applicantSms\([^,()]+,\s*'([\w.]+)'/g,
    /inApp\([^()]*?,\s*'([\w.]+)'/g,
    /noticesFor\([^,()]+,\s*'([\w.]+)'/g,
  ];
  for (const file of walk(path.join(import.meta.dirname, '..'))) {
    const src = fs.readFileSync(file, 'utf8');
    for (const re of shapes) for (const m of src.matchAll(re)) found.add(m[1]);
  }
  for (const rung of Object.values(LADDER)) found.add(`supervision.${rung.kind}`);
  return [...found].sort();
}

describe('notice wording registry', () => {
  it('has wording for every template the code enqueues', () => {
    const used = templatesUsedInSource();
    // The grep must see the producers at all, or this test would pass vacuously.
    expect(used).toEqual(expect.arrayContaining(['case.accepted', 'case.assigned', 'case.jointTask', 'case.redoOrdered', 'supervision.order', 'supervision.escalated']));
    expect(used.filter((t) => !isKnownTemplate(t))).toEqual([]);
  });

  // Duty notices, party reminders and feedback notices (complaints, reviews) are about people or
  // complaints, not one case, and link to their own screens: their modules' tests read their wording.
  const OWN_MODULES = (t: string) => t.startsWith('duty.') || t.startsWith('party.') || t.startsWith('feedback.') || t.startsWith('deadline.');
  it.each((Object.keys(TEMPLATES) as NoticeTemplate[]).filter((t) => !OWN_MODULES(t)))('%s renders Chinese text naming the case from a realistic payload', (t) => {
    const n = renderNotice(t, realistic);
    expect(n.title.length).toBeGreaterThan(1);
    expect(n.text).toMatch(/[\u4e00-\u9fff]/);
    expect(n.text).toContain('QW20260302000012');
    expect(n.text).not.toMatch(/undefined|null|\[object/);
    expect(n.link).toBe(`/cases/${CASE_ID}`);
  });

  it('deadline.moved names the deadline, its subject and both dates (src/core/deadlines)', () => {
    const n = renderNotice('deadline.moved', { label: '督办答复期限', ref: '督办单清渭县监察督字〔2026〕第000001号', from: '2026-03-24', to: '2026-03-25', link: '/cases/x' });
    expect(n).toEqual({ title: '督办答复期限变更', text: '因工作日历调整，督办单清渭县监察督字〔2026〕第000001号的督办答复期限由2026-03-24变更为2026-03-25。', link: '/cases/x' });
  });

  it.each(Object.keys(TEMPLATES) as NoticeTemplate[])('%s tolerates an empty payload', (t) => {
    const n = renderNotice(t, {});
    expect(n.text).not.toMatch(/undefined|null|\[object/);
    if (!t.startsWith('feedback.')) expect(n.link).toBeNull(); // feedback notices link to a fixed screen
  });

  it('words the acceptance SMS, the supervision order and the meeting as people read them', () => {
    expect(renderNotice('case.accepted', realistic).text).toContain('您的办件QW20260302000012（最低生活保障审核确认）已受理，承诺办结日期2026-03-23');
    expect(renderNotice('case.accepted', { ...realistic, conditional: true }).text).toContain('已容缺受理');
    const order = renderNotice('supervision.order', realistic);
    expect(order.title).toBe('督办单：QW20260302000012');
    expect(order.text).toContain('请于2026-03-13前书面答复');
    expect(order.text).toContain('督字〔2026〕第000012号');
    expect(renderNotice('case.jointMeeting', realistic).text).toContain('时间2026-03-10 09:30'); // Beijing time
    expect(renderNotice('case.suspended', realistic).text).toContain('专家评审');
    expect(renderNotice('case.decided', { ...realistic, outcome: 'denied' }).title).toBe('办件已作出决定：不予许可');
  });

  it('falls back to a generic text for an unknown template or a broken payload, never throwing', () => {
    expect(renderNotice('case.somethingNew', realistic)).toEqual({ title: '办事通知', text: '办件QW20260302000012（最低生活保障审核确认）有新进展，请登录查看。', link: `/cases/${CASE_ID}` });
    expect(renderNotice('nope', null).text).toBe('您有一条新通知，请登录查看。');
    expect(renderNotice('case.assigned', 'not an object').text).toContain('已分办给您');
    const hostile = { get caseNo() { throw new Error('boom'); } };
    expect(() => renderNotice('case.assigned', hostile)).not.toThrow();
  });

  it('escapes payload values in the e-mail HTML and keeps them verbatim in the plain text', () => {
    const p = { ...realistic, itemName: '<script>alert("x")</script> & 低保', caseId: 'a"b' };
    const mail = renderEmail('case.assigned', p, 'https://banshi.example.gov.cn/');
    expect(mail.subject).toBe('新分办：QW20260302000012');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 低保');
    expect(mail.html).toContain('href="https://banshi.example.gov.cn/cases/a%22b"');
    expect(mail.text).toContain('<script>alert("x")</script> & 低保');
    expect(mail.text.endsWith('\n\nhttps://banshi.example.gov.cn/cases/a%22b')).toBe(true);
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});
