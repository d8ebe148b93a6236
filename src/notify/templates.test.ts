import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LADDER } from '../supervision/ladder.js';
import { TEMPLATES, escapeHtml, isKnownTemplate, renderEmail, renderNotice, renderSms, type NoticeTemplate } from './templates.js';

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
    /sms\([^,()]+,\s*'([\w.]+)'/g,
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
  const OWN_MODULES = (t: string) => t.startsWith('duty.') || t.startsWith('party.') || t.startsWith('feedback.') || t.startsWith('deadline.') || t.startsWith('bundle.');
  it.each((Object.keys(TEMPLATES) as NoticeTemplate[]).filter((t) => !OWN_MODULES(t)))('%s renders Chinese text naming the case from a realistic payload', (t) => {
    const n = renderNotice(t, realistic);
    expect(n.title.length).toBeGreaterThan(1);
    expect(n.text).toMatch(/[\u4e00-\u9fff]/);
    expect(n.text).toContain('QW20260302000012');
    expect(n.text).not.toMatch(/undefined|null|\[object/);
    expect(n.link).toBe(`/cases/${CASE_ID}`);
  });

  it('bundle.progress names the 一件事, its number and what happened (src/things/bundleHook.ts)', () => {
    const n = renderNotice('bundle.progress', { bundleId: CASE_ID, bundleNo: 'YJS620524202603020001', queryCode: '834512', thingName: '新生儿出生一件事', summary: '“出生医学证明首次签发”未获办理；其余事项照常办理' });
    expect(n.text).toBe('您的新生儿出生一件事（编号YJS620524202603020001）：“出生医学证明首次签发”未获办理；其余事项照常办理。可凭编号和查询码834512查询进度。');
    expect(n.link).toBe(`/bundles/${CASE_ID}`);
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
    expect(renderNotice('case.jointMeeting', realistic).text).not.toContain('政务服务中心召集');
    expect(renderNotice('case.jointMeeting', { ...realistic, calledBy: 'center' }).text).toContain('）由政务服务中心召集联审会议，时间');
    expect(renderNotice('case.suspended', realistic).text).toContain('专家评审');
    expect(renderNotice('case.decided', { ...realistic, outcome: 'denied', verdict: '不予给付' }).title).toBe('办件已作出决定：不予给付');
  });

  it('says the state truthfully, in the item’s own words', () => {
    // 最低生活保障 is a 行政给付: the producer passes 准予给付, never 准予许可.
    const approved = renderNotice('case.decided', { ...realistic, verdict: '准予给付' });
    expect(approved.title).toBe('办件已作出决定：准予给付');
    expect(approved.text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已作出准予给付的决定。办理结果制作完成后将另行通知领取。');
    const denied = renderNotice('case.decided', { ...realistic, outcome: 'denied', verdict: '不予给付' }).text;
    expect(denied).toContain('已作出不予给付的决定，理由见决定书；如不服，可依法申请行政复议或提起行政诉讼。');
    // An old row with only the outcome does not claim a licence either.
    expect(renderNotice('case.decided', { ...realistic, verdict: undefined }).title).toBe('办件已作出决定：准予办理');
    expect(renderNotice('case.decided', { ...realistic, deemed: true, verdict: '准予许可' }).text).toContain('已按超时默认视为同意，作出准予许可的决定');
    // 结果待领取 is not 已办结.
    const ready = renderNotice('case.resultReady', realistic);
    expect(ready.title).toBe('办理结果待领取');
    expect(ready.text).toBe('您的办件QW20260302000012（最低生活保障审核确认）的办理结果已制作完成，请携带身份证件到窗口领取，或按约定方式送达。');
    expect(ready.text).not.toContain('办结');
    expect(renderNotice('case.completed', realistic).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已办结，感谢您的支持。');
    expect(renderNotice('case.refused', realistic).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）不予受理，理由见不予受理通知书；如不服，可依法申请行政复议或提起行政诉讼。');
    expect(renderNotice('case.returned', realistic).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已退回，退回理由见退回告知书。');
    expect(renderNotice('case.extended', realistic).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）经批准延期10个工作日办理，详见延期告知书。');
    expect(renderNotice('case.reportedUp', realistic).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已上报天水市民政局审查，等待答复期间不计入办理时限。');
    expect(renderNotice('case.dueMoved', { ...realistic, from: '2026-03-23', to: '2026-03-24' }).text).toBe('因节假日（工作日）安排调整，您的办件QW20260302000012（最低生活保障审核确认）的承诺办结日期由2026-03-23变更为2026-03-24。');
    expect(renderNotice('case.pledgeOverdueApplicant', { ...realistic, owedBy: '2026-03-09' }).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）的容缺材料补齐期限（2026-03-09）已过，请尽快到窗口补齐；补齐前办理结果不予送达。');
    expect(renderNotice('fee.notice', { ...realistic, amount: '80.00', payBeforeDelivery: true }).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已开具缴款通知书，应缴80.00元。请到政务服务大厅银行收费窗口或网上缴纳，款项直接缴入财政专户，缴款后领取办理结果。');
  });

  it('names the missing materials as the guide does', () => {
    const text = renderNotice('case.supplementNotice', { ...realistic, missing: ['居民身份证', '双方近期2寸半身免冠合影照片'] }).text;
    expect(text).toBe('您的办件QW20260302000012（最低生活保障审核确认）材料需要补正：居民身份证、双方近期2寸半身免冠合影照片。请按一次性告知书一次补齐；补正期间不计入办理时限。');
  });

  it('signs every SMS with the center’s name', () => {
    for (const template of Object.keys(TEMPLATES)) {
      expect(renderSms(template, { ...realistic, centerName: '清渭县政务服务中心' }), template).toMatch(/^【清渭县政务服务中心】\S/);
      expect(renderSms(template, {}), template).toMatch(/^【政务服务中心】/);
    }
    expect(renderSms('case.completed', { ...realistic, centerName: '城关镇便民服务中心' })).toBe('【城关镇便民服务中心】您的办件QW20260302000012（最低生活保障审核确认）已办结，感谢您的支持。');
  });

  it('words the complaint, rating and staff messages', () => {
    expect(renderNotice('feedback.complaintAccepted', { no: 'TS2026000001', due: '2026-03-20' }).text).toBe('您的投诉（编号TS2026000001）已受理，将于2026-03-20前办结答复。');
    expect(renderNotice('feedback.complaintExcluded', { no: 'TS2026000001', reasonLabel: '属诉讼途径解决的事项', reply: '请依法向人民法院起诉。' }).text).toBe('您的投诉（编号TS2026000001）不予受理，理由：属诉讼途径解决的事项。请依法向人民法院起诉。');
    expect(renderNotice('feedback.complaintExtended', { no: 'TS2026000001', due: '2026-03-27', reason: '需调取监控' }).text).toBe('您的投诉（编号TS2026000001）情况复杂，办理期限延长至2026-03-27，理由：需调取监控。');
    expect(renderNotice('feedback.complaintResult', { no: 'TS2026000001', result: '已责令窗口整改。' }).text).toBe('您的投诉（编号TS2026000001）已办结：已责令窗口整改。');
    expect(renderNotice('feedback.invite', { ...realistic, link: 'https://x/rate?token=a', validDays: 7 }).text).toBe('您的办件QW20260302000012（最低生活保障审核确认）已办结，请对本次服务作出评价：https://x/rate?token=a（7日内有效）');
    expect(renderNotice('case.assigned', realistic).text).toBe('办件QW20260302000012（最低生活保障审核确认）已分办给您，请及时办理。');
    expect(renderNotice('case.deemedApproved', { ...realistic, deemedOn: '2026-03-24' }).text).toContain('已于2026-03-24按超时默认视为同意');
    expect(renderNotice('duty.leaderMisses', { department: '民政局', leader: '王局长', count: 3, days: ['2026-03-02', '2026-03-09', '2026-03-16'] }).text).toBe('【现场办公】民政局王局长连续3次未履行现场办公（2026-03-02、2026-03-09、2026-03-16），请核查处理。');
    expect(renderNotice('duty.leaderMisses', { department: '民政局', leader: '王局长', count: 3, duty: '坐班制度', to: '清渭县纪委监委', days: ['2026-03-02', '2026-03-09', '2026-03-16'] }).text)
      .toBe('清渭县纪委监委：【现场办公】民政局王局长连续3次未履行坐班制度（2026-03-02、2026-03-09、2026-03-16），请核查处理。');
    expect(renderNotice('party.termAlert', { orgName: '民政局党支部', endOn: '2026-06-30' }).text).toBe('民政局党支部本届任期将于2026-06-30届满，请及时做好换届选举工作。');
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
