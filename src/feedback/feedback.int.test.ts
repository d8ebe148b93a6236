import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { MARRIAGE, applyOnline, must, walkIn } from '../../test/cases.js';
import { outbox } from '../core/outbox/schema.js';
import { users } from '../core/auth/schema.js';
import { windows } from '../core/org/schema.js';
import { accountabilityRecords } from '../supervision/schema.js';
import { sealAll, verifyAuditChain } from '../core/audit/seal.js';
import { evaluations } from './schema.js';
import ExcelJS from 'exceljs';

let t: TestApp;
let citizen: Client, citizen3: Client, window1: Client, coord: Client, chief: Client, admin: Client, super1: Client;
const ids: Record<string, string> = {};
const PROVIDED = { provided: ['id-card', 'photo', 'declaration'] };

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-24T01:00:00Z' }); // Fri 09:00 Shanghai
  [citizen, citizen3, window1, coord, chief, admin, super1] = await Promise.all(['citizen1', 'citizen3', 'window1', 'coord1', 'chief1', 'admin', 'super1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = async () => (await t.anon.post('/api/test/sweep')).body.changed as Record<string, number>;
const notices = (template: string) => t.ctx.db.select().from(outbox).where(eq(outbox.template, template));

/** A 即办 marriage registration completed at window 1: online by `by` (an applicant), else walk-in. */
async function completedCase(by?: Client) {
  const created = by ? await applyOnline(by, MARRIAGE) : await window1.post('/api/cases', walkIn(MARRIAGE));
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.id as string;
  await must(window1, id, 'accept', PROVIDED);
  await must(window1, id, 'decide', { outcome: 'approved' });
  await must(window1, id, 'markResultReady');
  await must(window1, id, 'deliver', { mode: 'pickup' });
  await must(window1, id, 'complete');
  return id;
}

describe('rating a case', () => {
  let mine: string;
  it('the applicant rates their completed case once; nobody else can', async () => {
    const accepted = await applyOnline(citizen, MARRIAGE);
    await must(window1, accepted.body.id, 'accept', PROVIDED);
    const early = await citizen.post('/api/feedback/evaluations', { caseId: accepted.body.id, grade: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_completed');

    mine = await completedCase(citizen);
    const other = await citizen3.post('/api/feedback/evaluations', { caseId: mine, grade: 5 });
    expect(other.status).toBe(403);
    const staff = await window1.post('/api/feedback/evaluations', { caseId: mine, grade: 5 });
    expect(staff.status).toBe(403);
    expect(staff.body.error.messageZh).toContain('工作人员');
    const anon = await t.anon.post('/api/feedback/evaluations', { caseId: mine, grade: 5 });
    expect(anon.status).toBe(401);

    const badScore = await citizen.post('/api/feedback/evaluations', { caseId: mine, grade: 5, scores: { attitude: 5 } });
    expect(badScore.status).toBe(400); // online case: attitude is a window sub-score
    expect(badScore.body.error.details[0].field).toBe('body.scores.attitude');
    const badGrade = await citizen.post('/api/feedback/evaluations', { caseId: mine, grade: 6 });
    expect(badGrade.status).toBe(400);
    expect(badGrade.body.error.details[0].field).toMatch(/grade/);

    const ok = await citizen.post('/api/feedback/evaluations', { caseId: mine, grade: 5, scores: { efficiency: 5, guideAccuracy: 4, convenience: 5, platform: 5 }, comment: '很方便' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ stage: 'completion', grade: 5, state: 'rated', rectifyDue: null });
    const again = await citizen.post('/api/feedback/evaluations', { caseId: mine, grade: 1, comment: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
    const my = await citizen.get('/api/feedback/evaluations/mine');
    expect(my.body.items).toEqual([expect.objectContaining({ caseId: mine, grade: 5, gradeLabel: '非常满意' })]);
  });

  it('the portal shows the item’s rating summary', async () => {
    const s = await t.anon.get('/api/public/feedback/summary?groupBy=item');
    expect(s.status).toBe(200);
    expect(s.body.items).toEqual([expect.objectContaining({ label: '内地居民结婚登记', rated: 1, good: 1, goodRate: 100, avgGrade: 5 })]);
    expect((await t.anon.get(`/api/public/feedback/summary?itemCode=${MARRIAGE}`)).body.items).toHaveLength(1);
    expect((await t.anon.get('/api/public/feedback/summary?itemCode=62052400MZ-JF-0005')).body.items).toHaveLength(0);
    const d = await t.anon.get('/api/public/feedback/summary?groupBy=department');
    expect(d.body.items).toEqual([expect.objectContaining({ label: '清渭县民政局', rated: 1 })]);
  });
});

describe('rating at acceptance, where the center enables it', () => {
  it('is refused until the office turns it on, then taken once per stage', async () => {
    const c = await applyOnline(citizen, MARRIAGE);
    await must(window1, c.body.id, 'accept', PROVIDED);
    const off = await citizen.post('/api/feedback/evaluations', { caseId: c.body.id, stage: 'acceptance', grade: 4 });
    expect(off.body.error.code).toBe('acceptance_rating_off');
    const settings = (await admin.get('/api/feedback/settings')).body;
    expect(settings).toMatchObject({ inviteAfterDays: 3, rectifyDays: 15, complaintDays: 5, complaintMaxDays: 15, acceptanceRating: false });
    expect((await coord.put('/api/feedback/settings', { ...settings, acceptanceRating: true })).status).toBe(403);
    const bad = await admin.put('/api/feedback/settings', { ...settings, complaintDays: 20 });
    expect(bad.status).toBe(422);
    expect((await admin.put('/api/feedback/settings', { ...settings, acceptanceRating: true })).status).toBe(200);
    const ok = await citizen.post('/api/feedback/evaluations', { caseId: c.body.id, stage: 'acceptance', grade: 4 });
    expect(ok.body).toMatchObject({ stage: 'acceptance', state: 'rated' });
    expect((await citizen.post('/api/feedback/evaluations', { caseId: c.body.id, stage: 'acceptance', grade: 4 })).body.error.code).toBe('already_rated');
    await admin.put('/api/feedback/settings', settings);
  });
});

describe('the bad-review flow across the Labour Day holiday', () => {
  let caseId: string, evalId: string;
  it('a bad review is assigned to the department at once, rectification due in 15 working days', async () => {
    caseId = await completedCase(citizen);
    const noComment = await citizen.post('/api/feedback/evaluations', { caseId, grade: 2 });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.details[0].field).toBe('body.comment');
    const bad = await citizen.post('/api/feedback/evaluations', { caseId, grade: 2, comment: '窗口让我来回跑了两次' });
    expect(bad.status).toBe(200);
    // Fri 04-24 + 15 working days: Apr 27–30 (4), May 1–5 holiday, May 6–8 (7), Sat May 9 adjusted workday (8), May 11–15 (13), 18, 19.
    expect(bad.body).toMatchObject({ state: 'assigned', rectifyDue: '2026-05-19' });
    evalId = bad.body.id;
    const told = await notices('feedback.badReview');
    expect(told.map((n) => n.recipientUserId).sort()).toEqual([ids.coord1, ids.chief1, ids.leader1].sort());
    const list = await coord.get('/api/feedback/evaluations?bad=true');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([evalId]);
    expect(list.body.items[0]).toMatchObject({ light: 'green', actions: ['verify'], applicant: '王*军' });
    // Another department sees nothing of it.
    const other = await (await t.login('sc_coord')).get('/api/feedback/evaluations');
    expect(other.body.items.map((e: { id: string }) => e.id)).not.toContain(evalId);
  });

  it('verify (substantiated, with reasons), wrong role 403, wrong state 409, stale version 409', async () => {
    await setNow('2026-04-27T01:00:00Z');
    const v = (await coord.get(`/api/feedback/evaluations/${evalId}`)).body.version;
    expect((await admin.post(`/api/feedback/evaluations/${evalId}/actions/verify`, { version: v, finding: 'substantiated', reason: '属实' })).status).toBe(403);
    expect((await coord.post(`/api/feedback/evaluations/${evalId}/actions/rectify`, { version: v, measures: '整改' })).status).toBe(409);
    const noReason = await coord.post(`/api/feedback/evaluations/${evalId}/actions/verify`, { version: v, finding: 'substantiated' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details[0].field).toBe('body.reason');
    expect((await coord.post(`/api/feedback/evaluations/${evalId}/actions/verify`, { version: v + 5, finding: 'substantiated', reason: '经调取窗口录像属实' })).body.error.code).toBe('version_conflict');
    const ok = await coord.post(`/api/feedback/evaluations/${evalId}/actions/verify`, { version: v, finding: 'substantiated', reason: '经调取窗口录像属实' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('rectifying');
  });

  it('the ladder: no notice while green; urge on the yellow day (05-15), once; order after the due day', async () => {
    await setNow('2026-05-14T01:00:00Z');
    expect((await sweep())['feedback-rectification']).toBe(0);
    expect(await notices('feedback.rectifyUrge')).toHaveLength(0);
    await setNow('2026-05-15T01:00:00Z');
    expect((await sweep())['feedback-rectification']).toBe(1);
    expect((await sweep())['feedback-rectification']).toBe(0);
    const urge = (await notices('feedback.rectifyUrge')).filter((n) => n.channel === 'inApp');
    expect(urge.map((n) => n.recipientUserId).sort()).toEqual([ids.coord1, ids.chief1, ids.leader1].sort());
    expect((await coord.get(`/api/feedback/evaluations/${evalId}`)).body.light).toBe('yellow');
    await setNow('2026-05-19T01:00:00Z');
    expect((await sweep())['feedback-rectification']).toBe(0); // the due day itself is still yellow
    await setNow('2026-05-20T01:00:00Z');
    expect((await sweep())['feedback-rectification']).toBe(1);
    const order = (await notices('feedback.rectifyOrder')).filter((n) => n.channel === 'inApp');
    expect(order.map((n) => n.recipientUserId).sort()).toEqual([ids.chief1, ids.leader1, ids.admin, ids.admin2, ids.super1].sort()); // the office: both county admins and the supervisor
    expect((await coord.get(`/api/feedback/evaluations/${evalId}`)).body.light).toBe('red');
    // The supervision board counts it.
    const board = (await super1.get('/api/supervision/board')).body;
    expect(board.feedback).toMatchObject({ openBadReviews: 1, lateRectifications: 1 });
  });

  it('rectify (late, recorded so), then the office’s return visit with the applicant’s satisfaction', async () => {
    let v = (await coord.get(`/api/feedback/evaluations/${evalId}`)).body.version;
    const r = await coord.post(`/api/feedback/evaluations/${evalId}/actions/rectify`, { version: v, measures: '对窗口人员进行一次性告知培训，修订告知单' });
    expect(r.body.state).toBe('rectified');
    const e = (await coord.get(`/api/feedback/evaluations/${evalId}`)).body;
    expect(e.rectification).toMatchObject({ on: '2026-05-20', onTime: false });
    v = e.version;
    expect((await coord.post(`/api/feedback/evaluations/${evalId}/actions/returnVisit`, { version: v, satisfaction: 4 })).status).toBe(403);
    const visit = await admin.post(`/api/feedback/evaluations/${evalId}/actions/returnVisit`, { version: v, satisfaction: 4, method: 'phone', note: '申请人认可整改' });
    expect(visit.body.state).toBe('visited');
    expect((await admin.get(`/api/feedback/evaluations/${evalId}`)).body.returnVisit).toMatchObject({ satisfaction: 4, method: 'phone' });
  });

  it('an unfounded bad review is marked, kept, and its clock stops', async () => {
    const id = await completedCase(citizen);
    const bad = await citizen.post('/api/feedback/evaluations', { caseId: id, grade: 1, comment: '不满意' });
    const v = (await coord.get(`/api/feedback/evaluations/${bad.body.id}`)).body.version;
    await coord.post(`/api/feedback/evaluations/${bad.body.id}/actions/verify`, { version: v, finding: 'unfounded', reason: '办理符合规定，申请人误解' });
    const e = (await coord.get(`/api/feedback/evaluations/${bad.body.id}`)).body;
    expect(e).toMatchObject({ state: 'unfounded', rectifyDue: null, light: null, actions: [] });
    expect(e.verification).toMatchObject({ finding: 'unfounded' });
  });

  it('the statistics: 好评率, 差评整改率, 回访率 from raw counts', async () => {
    const s = await admin.get('/api/stats/feedback?from=2026-04-01&to=2026-05-31');
    expect(s.status).toBe(200);
    // 4 ratings: 5, 4 (at acceptance), 2, 1: good 2 of 4.
    // The statistics workbook carries the same numbers on its 好差评与投诉 sheet.
    const x = await admin.get('/api/stats/report.xlsx?from=2026-04-01&to=2026-05-31');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    const ws = wb.getWorksheet('好差评与投诉')!;
    const cell = (k: string) => { for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === k) return ws.getRow(i).getCell(2).value; return undefined; };
    expect([cell('评价数'), cell('好评率（%）'), cell('差评整改率（%）'), cell('回访率（%）')]).toEqual([s.body.evaluation.rated, s.body.evaluation.goodRate, 100, 100]);
    expect(s.body.evaluation).toMatchObject({ rated: 4, good: 2, bad: 2, substantiated: 1, unfounded: 1, rectified: 1, visited: 1, goodRate: 50, rectifyRate: 100, visitRate: 100, rectifyOnTimeRate: 0 });
  });
});

describe('SMS rating links', () => {
  let token: string;
  it('an unrated completed case gets one invitation after 3 days, through the outbox', async () => {
    await setNow('2026-06-01T01:00:00Z');
    const id = await completedCase(); // walk-in: rated by link only
    await setNow('2026-06-03T02:00:00Z');
    await sweep();
    expect((await notices('feedback.invite')).filter((n) => (n.payload as { caseId: string }).caseId === id)).toHaveLength(0);
    await setNow('2026-06-04T02:00:00Z');
    await sweep();
    await sweep();
    const sent = (await notices('feedback.invite')).filter((n) => (n.payload as { caseId: string }).caseId === id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'sms', address: '13800001111' });
    token = /token=([^\s（]+)/.exec(String((sent[0].payload as { link: string }).link))![1];
  });

  it('opens without a login, rates once; reused → 409; forged → 400', async () => {
    const info = await t.anon.get(`/api/feedback/links?token=${encodeURIComponent(token)}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ itemName: '内地居民结婚登记', applicant: '赵*山', stage: 'completion' });
    expect(info.body.scoreKeys.map((k: { key: string }) => k.key)).toEqual(['efficiency', 'level', 'attitude']);
    const ok = await t.anon.post('/api/feedback/evaluations', { token, grade: 4, scores: { attitude: 5 } });
    expect(ok.status).toBe(200);
    const reused = await t.anon.post('/api/feedback/evaluations', { token, grade: 1, comment: '再评一次' });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toMatchObject({ code: 'link_used', messageZh: expect.stringContaining('已使用') });
    expect((await t.anon.get(`/api/feedback/links?token=${encodeURIComponent(token)}`)).body.error.code).toBe('link_used');
    const forged = await t.anon.post('/api/feedback/evaluations', { token: `${token.split('.')[0]}.AAAA${token.split('.')[1].slice(4)}`, grade: 5 });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('link_invalid');
  });

  it('an expired link → 410 with a clear message', async () => {
    const id = await completedCase();
    await setNow('2026-06-08T02:00:00Z');
    await sweep();
    const [n] = (await notices('feedback.invite')).filter((x) => (x.payload as { caseId: string }).caseId === id);
    const link = /token=([^\s（]+)/.exec(String((n.payload as { link: string }).link))![1];
    await setNow('2026-06-15T03:00:00Z'); // 7 days and an hour later
    const late = await t.anon.post('/api/feedback/evaluations', { token: link, grade: 5 });
    expect(late.status).toBe(410);
    expect(late.body.error).toMatchObject({ code: 'link_expired', messageZh: '评价链接已过期' });
  });
});

describe('the window evaluation device', () => {
  it('shows the case the window just served and takes its rating; any other case is refused', async () => {
    await setNow('2026-06-16T01:00:00Z');
    const [w1] = await t.ctx.db.select().from(windows).where(eq(windows.id, (await t.ctx.db.select({ w: users.windowId }).from(users).where(eq(users.username, 'window1')))[0].w!));
    expect((await window1.post('/api/feedback/devices', { windowId: w1.id })).status).toBe(403);
    const bound = await admin.post('/api/feedback/devices', { windowId: w1.id });
    expect(bound.status).toBe(200);
    const device = bound.body.token as string;
    const none = await t.anon.get(`/api/feedback/device/current?device=${encodeURIComponent(device)}`);
    expect(none.body).toMatchObject({ window: { number: w1.number }, current: null });
    const older = await completedCase();
    const served = await completedCase();
    const cur = await t.anon.get(`/api/feedback/device/current?device=${encodeURIComponent(device)}`);
    expect(cur.body).toMatchObject({ ticket: null, current: { caseId: served, stage: 'completion', rated: false, applicant: '赵*山' } });
    const wrong = await t.anon.post('/api/feedback/evaluations', { deviceToken: device, caseId: older, grade: 5 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('not_current_case');
    const ok = await t.anon.post('/api/feedback/evaluations', { deviceToken: device, caseId: served, grade: 5, scores: { efficiency: 5, level: 5, attitude: 5 } });
    expect(ok.status).toBe(200);
    const [row] = await t.ctx.db.select().from(evaluations).where(eq(evaluations.id, ok.body.id));
    expect(row).toMatchObject({ channel: 'device', windowId: w1.id, staffId: ids.window1 });
    expect((await t.anon.get(`/api/feedback/device/current?device=${encodeURIComponent(device)}`)).body.current.rated).toBe(true);
    expect((await t.anon.get('/api/feedback/device/current?device=not-a-real-token')).status).toBe(400);

    // With the hall queue: the ticket window 1 finishes names its case, and the tablet shows both.
    const cat = await admin.post('/api/hall/categories', { prefix: 'V', name: '评价测试' });
    expect(cat.status, JSON.stringify(cat.body)).toBe(201);
    expect((await admin.put(`/api/hall/windows/${w1.id}/categories`, { categoryIds: [cat.body.id] })).status).toBe(200);
    const ticket = await t.anon.post('/api/hall/tickets', { categoryId: cat.body.id });
    for (const a of ['callNext', 'start']) expect((await window1.post(`/api/hall/windows/${w1.id}/actions/${a}`, {})).status).toBe(200);
    expect((await window1.post(`/api/hall/windows/${w1.id}/actions/finish`, { caseIds: [older] })).status).toBe(200);
    const byTicket = await t.anon.get(`/api/feedback/device/current?device=${encodeURIComponent(device)}`);
    expect(byTicket.body).toMatchObject({ ticket: ticket.body.number, current: { caseId: older, rated: false } });
    const rated = await t.anon.post('/api/feedback/evaluations', { deviceToken: device, ticket: ticket.body.number, caseId: older, grade: 4, scores: { efficiency: 4, level: 4, attitude: 4 } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);

    // The next person at the window is not thanked for the last one's rating.
    const view = async () => (await t.anon.get(`/api/feedback/device/current?device=${encodeURIComponent(device)}`)).body;
    expect(await view()).toMatchObject({ ticket: ticket.body.number, current: { caseId: older, rated: true } });
    await setNow('2026-06-16T01:10:00Z');
    const next = await t.anon.post('/api/hall/tickets', { categoryId: cat.body.id });
    expect((await window1.post(`/api/hall/windows/${w1.id}/actions/callNext`, {})).status).toBe(200);
    expect(await view()).toMatchObject({ ticket: next.body.number, current: null });
    await setNow('2026-06-16T01:20:00Z');
    expect((await window1.post(`/api/hall/windows/${w1.id}/actions/start`, {})).status).toBe(200);
    expect(await view()).toMatchObject({ ticket: next.body.number, current: null });
    // Finished without a case (a consultation): nothing to rate, no thanks, and the last case is not rateable from here.
    await setNow('2026-06-16T01:30:00Z');
    expect((await window1.post(`/api/hall/windows/${w1.id}/actions/finish`, {})).status).toBe(200);
    expect(await view()).toMatchObject({ ticket: next.body.number, current: null });
    expect((await t.anon.post('/api/feedback/evaluations', { deviceToken: device, caseId: served, grade: 1, comment: '再评一次' })).body.error.code).toBe('not_current_case');
    // A case this person's service produces is theirs to rate.
    await setNow('2026-06-16T01:40:00Z');
    const third = await t.anon.post('/api/hall/tickets', { categoryId: cat.body.id });
    for (const a of ['callNext', 'start']) expect((await window1.post(`/api/hall/windows/${w1.id}/actions/${a}`, {})).status).toBe(200);
    await setNow('2026-06-16T01:45:00Z');
    const mine = await completedCase();
    expect(await view()).toMatchObject({ ticket: third.body.number, current: { caseId: mine, rated: false } });
  });
});

describe('complaints', () => {
  const register = (c: Client, extra: Record<string, unknown> = {}) => c.post('/api/feedback/complaints', {
    channel: 'phone', category: 'multipleVisits', complainantName: '钱多多', complainantPhone: '13700001234', content: '办理低保来回跑了三次', ...extra,
  });
  const act = async (c: Client, id: string, action: string, body: Record<string, unknown> = {}) => {
    const cur = await admin.get(`/api/feedback/complaints/${id}`);
    return c.post(`/api/feedback/complaints/${id}/actions/${action}`, { version: cur.body.version, ...body });
  };
  let mzId: string;

  it('registration checks its fields; 12345 transfers keep their reference', async () => {
    await setNow('2026-03-05T01:00:00Z'); // Thu
    const bad = await register(admin, { complainantPhone: '12', channel: 'hotline12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.complainantPhone', 'body.externalRef']);
    const ok = await register(admin, { channel: 'hotline12345', externalRef: '12345-20260305-0088' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('received');
    const list = await admin.get('/api/feedback/complaints');
    expect(list.body.items[0]).toMatchObject({ externalRef: '12345-20260305-0088', complainantPhone: '137****1234', complainant: '钱*多', categoryLabel: '多次跑' });
  });

  it('excluded with a recorded reason and a written not-accepted reply', async () => {
    const c = await register(admin, { content: '对法院判决不服要求改判' });
    // A department outside the complaint does not even see it.
    expect((await act(coord, c.body.id, 'exclude', { reason: 'otherProcedure', reply: '请依法上诉' })).status).toBe(404);
    const noReply = await act(admin, c.body.id, 'exclude', { reason: 'otherProcedure' });
    expect(noReply.status).toBe(422);
    const ex = await act(admin, c.body.id, 'exclude', { reason: 'otherProcedure', reply: '该事项属于诉讼途径解决的事项，请依法向上级人民法院上诉。' });
    expect(ex.body.state).toBe('excluded');
    expect((await act(admin, c.body.id, 'accept')).status).toBe(409);
    const doc = await admin.get(`/api/feedback/complaints/${c.body.id}/record`);
    expect(doc.status).toBe(200);
    expect(doc.body).toContain('不予受理告知书');
    expect(doc.body).toContain('诉讼、仲裁、行政复议、信访');
  });

  it('accepted: due in 5 working days; extended once to 15 with the reason told; a second extension refused', async () => {
    const mz = (await t.ctx.db.select({ d: users.departmentId }).from(users).where(eq(users.username, 'coord1')))[0].d!;
    const c = await register(admin, { departmentId: mz });
    mzId = c.body.id;
    expect((await act(coord, mzId, 'accept')).status).toBe(403); // the unit sees it but the office decides acceptance
    const acc = await act(admin, mzId, 'accept');
    expect(acc.body).toMatchObject({ state: 'handling', due: '2026-03-12' });
    const ext = await act(coord, mzId, 'extend', { reason: '需调阅三次来访记录并约谈窗口人员' });
    expect(ext.body.due).toBe('2026-03-26');
    const sms = (await notices('feedback.complaintExtended'))[0];
    expect(sms).toMatchObject({ channel: 'sms', address: '13700001234' });
    const twice = await act(coord, mzId, 'extend', { reason: '再延期' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_extended');
  });

  it('resolved substantiated in time: result to the complainant and the unit, an accountability record in supervision', async () => {
    await setNow('2026-03-20T01:00:00Z');
    const res = await act(chief, mzId, 'resolve', { finding: 'substantiated', result: '经核查属实，已对窗口人员批评教育并向您致歉。', unitNotice: '请加强一次性告知' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('resolved');
    const [rec] = await t.ctx.db.select().from(accountabilityRecords).where(eq(accountabilityRecords.complaintId, mzId));
    expect(rec).toMatchObject({ kind: 'complaint', recordedOn: '2026-03-20', stepId: null });
    expect(res.body.accountabilityId).toBe(rec.id);
    const listed = await super1.get('/api/supervision/accountability');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(rec.id);
    expect((await notices('feedback.complaintResult')).map((n) => n.address)).toContain('13700001234');
    expect((await notices('feedback.complaintUnitNotice')).map((n) => n.recipientUserId).sort()).toEqual([ids.chief1, ids.leader1].sort());
    const c = (await admin.get(`/api/feedback/complaints/${mzId}`)).body;
    expect(c.result).toMatchObject({ onTime: true, finding: 'substantiated' });
  });

  it('overdue → escalated once to the office and the unit’s leader', async () => {
    await setNow('2026-03-23T01:00:00Z'); // Mon
    const mz = (await t.ctx.db.select({ d: users.departmentId }).from(users).where(eq(users.username, 'coord1')))[0].d!;
    const c = await register(admin, { departmentId: mz });
    await act(admin, c.body.id, 'accept'); // due Mon 03-30
    await setNow('2026-03-30T01:00:00Z');
    expect((await sweep())['feedback-complaints']).toBe(0);
    await setNow('2026-03-31T01:00:00Z');
    expect((await sweep())['feedback-complaints']).toBe(1);
    expect((await sweep())['feedback-complaints']).toBe(0);
    const told = (await notices('feedback.complaintOverdue')).map((n) => n.recipientUserId).sort();
    expect(told).toEqual([ids.admin, ids.admin2, ids.super1, ids.leader1, ...(ids.town_admin ? [] : [])].filter(Boolean).sort());
    expect((await admin.get(`/api/feedback/complaints/${c.body.id}`)).body).toMatchObject({ light: 'red', escalatedAt: expect.any(String) });
  });

  it('a citizen complains on the portal and sees only their own', async () => {
    const centerId = (await t.ctx.db.select({ c: users.centerId }).from(users).where(eq(users.username, 'admin')))[0].c!;
    const mine = await citizen.post('/api/feedback/complaints', { channel: 'portal', category: 'attitude', content: '窗口工作人员态度生硬', centerId });
    expect(mine.status).toBe(200);
    expect((await citizen.post('/api/feedback/complaints', { channel: 'phone', category: 'attitude', content: '冒充电话渠道', centerId })).status).toBe(403);
    const list = await citizen.get('/api/feedback/complaints');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    expect(list.body.items[0].complainant).toBe('王立军');
  });
});

describe('首问负责 and praise', () => {
  it('the first person asked owns it until a recorded hand-over', async () => {
    const q = await window1.post('/api/feedback/first-asks', { kind: 'question', askerName: '孙老汉', matter: '咨询养老保险待遇认证' });
    expect(q.status).toBe(200);
    const window2 = await t.login('window2');
    expect((await window2.post(`/api/feedback/first-asks/${q.body.id}/close`, { outcome: 'handled', guidance: '已解答' })).status).toBe(403);
    const noTarget = await window1.post(`/api/feedback/first-asks/${q.body.id}/close`, { outcome: 'handedOver', guidance: '请到社保窗口' });
    expect(noTarget.status).toBe(422);
    const w6 = (await t.ctx.db.select({ w: users.windowId }).from(users).where(eq(users.username, 'window6')))[0].w!;
    const ok = await window1.post(`/api/feedback/first-asks/${q.body.id}/close`, { outcome: 'handedOver', toWindowId: w6, guidance: '已引领至6号窗口并告知责任人' });
    expect(ok.body.outcome).toBe('handedOver');
    expect((await window1.post(`/api/feedback/first-asks/${q.body.id}/close`, { outcome: 'handled', guidance: '再次' })).status).toBe(409);
    const list = await admin.get('/api/feedback/first-asks');
    expect(list.body.items[0]).toMatchObject({ outcome: 'handedOver', asker: '孙*汉', toWindow: expect.stringContaining('6号窗口') });
  });

  it('praise is recorded against a window, person or department', async () => {
    expect((await admin.post('/api/feedback/praise', { kind: 'banner', fromName: '赵大山', receivedOn: '2026-03-31' })).status).toBe(422);
    const ok = await admin.post('/api/feedback/praise', { kind: 'banner', userId: ids.window1, fromName: '赵大山', note: '热情周到', receivedOn: '2026-03-31' });
    expect(ok.status).toBe(200);
    expect((await admin.get('/api/feedback/praise')).body.items[0]).toMatchObject({ kindLabel: '锦旗', person: '李雪梅' });
    expect((await window1.post('/api/feedback/praise', { kind: 'card', userId: ids.window1, fromName: '我自己', receivedOn: '2026-03-31' })).status).toBe(403);
  });

  it('every change left an audit row in the sealed chain', async () => {
    const n = (await t.ctx.db.execute(sql`select count(*)::int as n from audit_events where action like 'feedback.%'`)) as unknown as { rows: { n: number }[] };
    expect(Number(n.rows[0].n)).toBeGreaterThan(20);
    await sealAll(t.ctx.db);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
void and;
