import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { MARRIAGE, must, upload, walkIn } from '../../test/cases.js';
import { runExclusive } from '../core/scheduler.js';
import { users } from '../core/auth/schema.js';
import { windows } from '../core/org/schema.js';
import { outbox } from '../core/outbox/schema.js';
import { anomalies } from '../supervision/schema.js';
import { staffingFindings } from '../supervision/anomalies/staffing.js';
import { renderNotice } from '../notify/templates.js';
import { JOBS } from '../jobs.js';
import { attendance, leaderDutyEscalations, staffAssignments } from './schema.js';
import { dutyStaffingJob } from './jobs.js';
import { offHoursJob } from './offHours.js';
import { leaderMissJob } from './leader.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let t: TestApp;
let admin: Client, handler1: Client, window2: Client, super1: Client;
const ids: Record<string, string> = {};
const win: Record<number, string> = {};
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-04T02:00:00Z' }); // Wednesday 10:00 in Shanghai
  [admin, handler1, window2, super1] = await Promise.all(['admin', 'handler1', 'window2', 'super1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
  for (const w of await t.ctx.db.select().from(windows)) if (w.number < 100 && !win[w.number]) win[w.number] = w.id;
  const county = (await t.ctx.db.select().from(windows).where(eq(windows.id, win[1])))[0].centerId;
  for (const w of await t.ctx.db.select().from(windows).where(eq(windows.centerId, county))) win[w.number] = w.id;
});
afterAll(async () => { await t?.close(); });

/** Clears the demo's sign-ins of some people today, so a test decides who is at the window. */
const clearToday = async (...usernames: string[]) => {
  for (const u of usernames) await t.ctx.db.delete(attendance).where(and(eq(attendance.userId, ids[u]), eq(attendance.day, t.ctx.today())));
};

describe('sign-in and out', () => {
  it('a handler signs in and out once a day; the center admin may sign in for someone; others may not', async () => {
    await clearToday('handler1', 'coord1', 'chief1');
    const first = await handler1.post('/api/duty/attendance/sign-in', {});
    expect(first.status).toBe(201);
    expect((await handler1.post('/api/duty/attendance/sign-in', {})).body.error.code).toBe('already_signed_in');
    const me = await handler1.get('/api/duty/attendance/me');
    expect(me.body).toMatchObject({ day: '2026-03-04', status: 'late' }); // 10:00 > 09:00
    expect(me.body.posts[0]).toMatchObject({ post: 'supplementary' });
    expect((await handler1.post('/api/duty/attendance/sign-in', { userId: ids.coord1 })).status).toBe(403);
    expect((await handler1.post('/api/duty/attendance/sign-out', {})).status).toBe(200);
    expect((await handler1.post('/api/duty/attendance/sign-out', {})).body.error.code).toBe('already_signed_out');
    expect((await admin.post('/api/duty/attendance/sign-out', { userId: ids.coord1 })).body.error.code).toBe('not_signed_in');
    expect((await handler1.post('/api/duty/attendance/sign-in', { userId: 'nope' })).status).toBe(400);
  });

  it('the day board classifies from the stored sign-ins', async () => {
    const res = await admin.get('/api/duty/attendance/day');
    const h = res.body.people.find((p: { username: string }) => p.username === 'handler1');
    expect(h).toMatchObject({ status: 'lateAndEarlyLeave' }); // in at 10:00, out at 10:00
    const c = res.body.people.find((p: { username: string }) => p.username === 'coord1');
    expect(c.status).toBe('open'); // nothing yet, the day is running
    expect((await handler1.get('/api/duty/attendance/day')).status).toBe(403);
  });

  it('after 17:30 those signed in but not out are 未签退 until the day closes, then 早退', async () => {
    await clearToday('coord1');
    expect((await admin.post('/api/duty/attendance/sign-in', { userId: ids.coord1 })).status).toBe(201); // 10:00
    await setNow('2026-03-04T10:15:00Z'); // 18:15 in Shanghai
    const coordOf = async (q = '') => (await admin.get(`/api/duty/attendance/day${q}`)).body.people.find((p: { username: string }) => p.username === 'coord1');
    expect(await coordOf()).toMatchObject({ status: 'late', earlyMinutes: 0 });
    const onTime = (await admin.get('/api/duty/attendance/day')).body.people.filter((p: { signInAt: string | null; signOutAt: string | null; lateMinutes: number }) => p.signInAt && !p.signOutAt && !p.lateMinutes);
    expect(onTime.length).toBeGreaterThan(0);
    for (const p of onTime) expect([p.status, p.statusLabel]).toEqual(['notSignedOut', '未签退']);
    await setNow('2026-03-05T01:00:00Z'); // the next morning: yesterday is closed
    const closed = (await admin.get('/api/duty/attendance/day?day=2026-03-04')).body.people.filter((p: { userId: string }) => onTime.some((x: { userId: string }) => x.userId === p.userId));
    for (const p of closed) expect(p.status).toBe('earlyLeave');
    await setNow('2026-03-04T02:00:00Z');
  });
});

describe('the chief representative’s A role', () => {
  it('is exempt from attendance while the center says so, and counted once it does not', async () => {
    await clearToday('zr_chief');
    await t.ctx.db.update(staffAssignments).set({ post: 'A' }).where(eq(staffAssignments.userId, ids.zr_chief));
    const status = async () => (await admin.get('/api/duty/attendance/day?day=2026-03-03')).body.people.find((p: { username: string }) => p.username === 'zr_chief').status;
    await t.ctx.db.delete(attendance).where(and(eq(attendance.userId, ids.zr_chief), eq(attendance.day, '2026-03-03')));
    expect(await status()).toBe('exempt');
    const settings = (await admin.get('/api/duty/settings')).body;
    await admin.put('/api/duty/settings', { ...settings, exemptChiefRepA: false });
    expect(await status()).toBe('absent');
    await admin.put('/api/duty/settings', settings);
    await t.ctx.db.update(staffAssignments).set({ post: 'B' }).where(eq(staffAssignments.userId, ids.zr_chief));
  });
});

describe('window without staff during office hours, on real sign-ins', () => {
  it('is scheduled with the product’s jobs', () => {
    expect(JOBS.map((j) => j.name)).toEqual(expect.arrayContaining(['supervision-window-staffing', 'duty-off-hours', 'duty-leader-misses']));
  });

  it('fires for a window whose A, B and supplementary posts are all away; not where B covers for an absent A', async () => {
    // Window 11 (民政局): nobody signed in (handler1 signed out above, coord1/chief1 cleared).
    // Window 1: A (window1) absent, B (window2) signed in.
    await clearToday('window1', 'window2');
    expect((await window2.post('/api/duty/attendance/sign-in', {})).status).toBe(201);
    await runExclusive(t.ctx, dutyStaffingJob);
    expect(await staffingFindings(t.ctx.db, win[11], '2026-03-04')).toHaveLength(1);
    expect(await staffingFindings(t.ctx.db, win[1], '2026-03-04')).toHaveLength(0);
    // Window 2's A is window2 herself: staffed.
    expect(await staffingFindings(t.ctx.db, win[2], '2026-03-04')).toHaveLength(0);
    // B signs out: window 1 is now empty too.
    await setNow('2026-03-04T03:00:00Z');
    expect((await window2.post('/api/duty/attendance/sign-out', {})).status).toBe(200);
    await runExclusive(t.ctx, dutyStaffingJob);
    expect(await staffingFindings(t.ctx.db, win[1], '2026-03-04')).toHaveLength(1);
  });

  it('follows the center’s seasonal hours: 08:45 is office time in a summer season, not otherwise', async () => {
    const settings = (await admin.get('/api/duty/settings')).body;
    await setNow('2026-03-05T00:45:00Z'); // Thursday 08:45
    await runExclusive(t.ctx, dutyStaffingJob);
    expect(await staffingFindings(t.ctx.db, win[3], '2026-03-05')).toHaveLength(0);
    const put = await admin.put('/api/duty/settings', { ...settings, seasons: [{ name: '春季作息', from: '03-01', to: '04-30', hours: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }] }] });
    expect(put.status).toBe(200);
    await runExclusive(t.ctx, dutyStaffingJob);
    // Nobody is signed in on the 5th yet: now every tracked window is empty.
    expect(await staffingFindings(t.ctx.db, win[3], '2026-03-05')).toHaveLength(1);
    await admin.put('/api/duty/settings', settings);
    expect((await admin.put('/api/duty/settings', { ...settings, hours: [{ from: '12:00', to: '09:00' }] })).body.error.code).toBe('hours_invalid');
  });
});

describe('case handled outside office hours by a person not on duty', () => {
  it('fires for a Saturday acceptance without a roster entry; silent for the person on weekend duty', async () => {
    await setNow('2026-03-07T03:00:00Z'); // Saturday 11:00
    const window1 = await t.login('window1');
    const window3 = await t.login('window3');
    const roster = await admin.post('/api/duty/rosters', { userId: ids.window3, day: '2026-03-07', fromTime: '09:00', toTime: '12:00', kind: 'weekend' });
    expect(roster.status).toBe(201);
    const a = (await window1.post('/api/cases', walkIn(MARRIAGE))).body.id as string;
    const b = (await window3.post('/api/cases', walkIn(MARRIAGE, '钱多多'))).body.id as string;
    await runExclusive(t.ctx, offHoursJob);
    const found = (caseId: string) => t.ctx.db.select().from(anomalies).where(and(eq(anomalies.rule, 'handledOffDuty'), eq(anomalies.caseId, caseId)));
    expect((await found(a)).length).toBeGreaterThan(0);
    expect(await found(b)).toHaveLength(0);
    // On a working day in office hours: silent.
    await setNow('2026-03-09T02:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(MARRIAGE, '孙小红'))).body.id as string;
    await must(window1, c, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await runExclusive(t.ctx, offHoursJob);
    expect(await found(c)).toHaveLength(0);
    expect((await admin.post('/api/duty/rosters', { userId: ids.window3, day: '2026-03-07', fromTime: '12:00', toTime: '09:00', kind: 'weekend' })).body.error.code).toBe('roster_range');
  });
});

describe('leader on-site duty', () => {
  const leaderOf = async (u: string) => t.login(u);

  it('the demo county follows seed 001: weekly half-day sittings, misses to the county leaders and the 纪委', async () => {
    const settings = (await admin.get('/api/duty/settings')).body;
    expect(settings).toMatchObject({ leaderCadence: 'weeklyHalfDay', missesToEscalate: 3 });
    expect(settings.missRecipients).toEqual([
      { kind: 'organisation', name: '中共清渭县委、清渭县人民政府主要领导' }, { kind: 'organisation', name: '清渭县纪委监委' }, { kind: 'role', role: 'supervisor' },
    ]);
    // The tests below use the monthly variant (「每月…不少于1个工作日」); the weekly one is tested at the end.
    expect((await admin.put('/api/duty/settings', { ...settings, leaderCadence: 'monthlyDay' })).body.leaderCadence).toBe('monthlyDay');
  });

  it('a plan submitted on the 11th is flagged late; a department with no plan is missing', async () => {
    await setNow('2026-03-11T02:00:00Z');
    const sw = await leaderOf('sw_leader');
    const res = await sw.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-04-08', leaderId: ids.sw_leader }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'late', dueOn: '2026-03-10' });
    const o = (await admin.get('/api/duty/leader/plans?month=2026-04')).body;
    const by = (name: string) => o.departments.find((d: { department: string }) => d.department.includes(name));
    expect(by('税务')).toMatchObject({ status: 'late', flagged: true });
    expect(by('生态环境')).toMatchObject({ status: 'missing', flagged: true });
    expect(by('民政')).toMatchObject({ status: 'onTime', flagged: false }); // demo: submitted on the 4th
  });

  it('rejects bad plans with field errors', async () => {
    const sw = await leaderOf('sw_leader');
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-04-05', leaderId: ids.sw_leader }] })).body.error).toMatchObject({ code: 'not_working_day' }); // 清明 holiday
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-05-06', leaderId: ids.sw_leader }] })).body.error.code).toBe('day_outside_month');
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-04-08', leaderId: ids.leader1 }] })).body.error.code).toBe('not_department_leader');
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-03', days: [{ day: '2026-03-20', leaderId: ids.sw_leader }] })).body.error.code).toBe('plan_month_past');
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-13', days: [] })).status).toBe(400);
    expect((await handler1.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-04-08', leaderId: ids.sw_leader }] })).status).toBe(403);
  });

  it('publishing makes the portal show today’s leader; a substitute needs the center’s consent; sign-in and the log', async () => {
    const hb = await leaderOf('hb_leader');
    // hb plans three April days (late, on the 11th) — used below for the misses.
    expect((await hb.post('/api/duty/leader/plans', { month: '2026-04', days: ['2026-04-08', '2026-04-15', '2026-04-22'].map((day) => ({ day, leaderId: ids.hb_leader })) })).status).toBe(201);
    const pub = await admin.post('/api/duty/leader/schedule/2026-04/publish');
    expect(pub.status).toBe(200);
    expect(pub.body.flagged.map((f: { statusLabel: string }) => f.statusLabel)).toEqual(expect.arrayContaining(['逾期报送']));
    expect((await admin.post('/api/duty/leader/schedule/2026-04/publish')).body.error.code).toBe('schedule_published');
    const sw = await leaderOf('sw_leader');
    expect((await sw.post('/api/duty/leader/plans', { month: '2026-04', days: [{ day: '2026-04-09', leaderId: ids.sw_leader }] })).body.error.code).toBe('schedule_published');

    const sched = (await admin.get('/api/duty/leader/schedule?month=2026-04')).body;
    const swDay = sched.days.find((d: { leaderId: string }) => d.leaderId === ids.sw_leader);
    // The SW chief rep stands in, once the center consents.
    const swChief = await t.login('sw_chief');
    expect((await swChief.post(`/api/duty/leader/days/${swDay.id}/substitute`, { substituteId: ids.sw_chief, reason: '局长参加全市会议' })).status).toBe(200);
    expect((await sw.post(`/api/duty/leader/days/${swDay.id}/substitute/approve`)).status).toBe(403);
    expect((await admin.post(`/api/duty/leader/days/${swDay.id}/substitute/approve`)).status).toBe(200);

    await setNow('2026-04-08T01:00:00Z'); // 09:00 on the day
    const today = (await t.anon.get('/api/public/duty/today-leader')).body;
    const names = today.leaders.map((l: { name: string }) => l.name);
    expect(names).toContain('董晓梅'); // sw_chief, the approved substitute
    expect(names).toContain('秦文斌'); // hb_leader
    expect(names).not.toContain('贾国华'); // sw_leader was replaced
    expect((await sw.post(`/api/duty/leader/days/${swDay.id}/sign-in`)).status).toBe(403);
    expect((await swChief.post(`/api/duty/leader/days/${swDay.id}/sign-in`)).status).toBe(200);
    expect((await swChief.post(`/api/duty/leader/days/${swDay.id}/log`, { text: '审签营业执照2件' })).body.log).toHaveLength(1);
    expect((await t.anon.get('/api/public/duty/today-leader')).body.leaders.find((l: { name: string }) => l.name === '董晓梅').present).toBe(true);
  });

  it('three consecutive misses escalate to the supervisor once; a fourth in the same run does not', async () => {
    const escalationCount = async () => (await t.ctx.db.select().from(leaderDutyEscalations).where(eq(leaderDutyEscalations.leaderId, ids.hb_leader))).length;
    const notices = async () => (await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'duty.leaderMisses'), eq(outbox.recipientUserId, ids.super1), sql`${outbox.payload}->>'leader' = '秦文斌'`))).length;
    // The demo gave every leader March duties too: they came (so hb_leader's run starts in April).
    await t.ctx.db.execute(sql`update leader_duty_days set status = 'done', sign_in_at = now() where month = '2026-03'`);
    await setNow('2026-04-08T10:00:00Z'); // 18:00: the first day is over
    await runExclusive(t.ctx, leaderMissJob);
    expect(await escalationCount()).toBe(0);
    await setNow('2026-04-16T01:00:00Z');
    await runExclusive(t.ctx, leaderMissJob);
    expect(await escalationCount()).toBe(0); // two misses
    await setNow('2026-04-23T01:00:00Z');
    await runExclusive(t.ctx, leaderMissJob);
    expect(await escalationCount()).toBe(1);
    expect(await notices()).toBe(1);
    const [n] = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'duty.leaderMisses'), sql`${outbox.payload}->>'leader' = '秦文斌'`));
    expect(renderNotice('duty.leaderMisses', n.payload).text).toContain('秦文斌');
    await runExclusive(t.ctx, leaderMissJob);
    // A fourth miss (May) extends the same run: no second escalation.
    const hb = await t.login('hb_leader');
    expect((await hb.post('/api/duty/leader/plans', { month: '2026-05', days: [{ day: '2026-05-12', leaderId: ids.hb_leader }] })).status).toBe(201);
    expect((await admin.post('/api/duty/leader/schedule/2026-05/publish')).status).toBe(200);
    await setNow('2026-05-13T01:00:00Z');
    await runExclusive(t.ctx, leaderMissJob);
    expect(await escalationCount()).toBe(1);
    expect(await notices()).toBe(1);
    expect((await super1.get('/api/duty/leader/escalations')).body.items[0]).toMatchObject({ leader: '秦文斌', missedDays: ['2026-04-08', '2026-04-15', '2026-04-22'] });
    // The circular lists the misses.
    const circ = await admin.get('/api/duty/leader/circular/2026-04');
    expect(circ.headers['content-type']).toContain('text/html');
    expect(circ.body).toContain('领导现场办公情况通报');
    expect(circ.body).toMatch(/生态环境[^<]*<\/td><td>逾期报送<\/td><td>3<\/td><td>0<\/td><td>3<\/td>/);
    const x = await admin.get('/api/duty/leader/circular/2026-04/xlsx');
    expect(x.raw.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('patrols and the monthly hall bulletin', () => {
  it('a finding with a photo goes to the department, appears in the bulletin, and is rectified', async () => {
    await setNow('2026-05-14T02:00:00Z');
    const up = await upload(admin, PNG, 'desk.png');
    expect(up.status).toBe(201);
    const pdf = await upload(admin);
    const body = { kind: 'random', session: 'morning', findings: [
      { windowId: win[12], grade: 'poor', failedChecks: ['phone', 'badge'], note: '窗口人员玩手机', photoFileIds: [up.body.id] },
      { windowId: win[13], grade: 'good', failedChecks: [], photoFileIds: [] },
    ] };
    expect((await admin.post('/api/duty/patrols', { ...body, findings: [{ ...body.findings[0], photoFileIds: [pdf.body.id] }] })).body.error.code).toBe('photo_invalid');
    expect((await admin.post('/api/duty/patrols', { ...body, findings: [{ ...body.findings[0], failedChecks: ['nap'] }] })).body.error.code).toBe('check_unknown');
    expect((await handler1.post('/api/duty/patrols', body)).status).toBe(403);
    const res = await admin.post('/api/duty/patrols', body);
    expect(res.status).toBe(201);
    const finding = res.body.findings.find((f: { windowId: string }) => f.windowId === win[12]);
    expect(finding).toMatchObject({ rectification: 'open', rectifyDue: '2026-05-19' }); // 3 working days
    const chief = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'duty.patrolFinding'), eq(outbox.recipientUserId, ids.sc_chief)));
    expect(chief).toHaveLength(1);

    const html = (await admin.get('/api/duty/bulletin/2026-05')).body as string;
    expect(html).toContain('大厅工作通报');
    expect(html).toContain('窗口人员玩手机');
    expect(html).toContain(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(html).toContain('玩手机/做与工作无关的事');
    // The department reads its photo; another department does not.
    const scChief = await t.login('sc_chief');
    expect((await scChief.get(`/api/duty/findings/${finding.id}/photos/${up.body.id}`)).status).toBe(200);
    expect((await (await t.login('chief1')).get(`/api/duty/findings/${finding.id}/photos/${up.body.id}`)).status).toBe(403);
    expect((await (await t.login('chief1')).post(`/api/duty/findings/${finding.id}/rectify`, { note: 'x' })).status).toBe(403);
    expect((await scChief.post(`/api/duty/findings/${finding.id}/rectify`, { note: '已批评教育，手机统一存放' })).status).toBe(200);
    expect((await scChief.post(`/api/duty/findings/${finding.id}/rectify`, { note: 'again' })).body.error.code).toBe('finding_not_open');

    const issued = await admin.post('/api/duty/bulletin/2026-05/issue');
    expect(issued.status).toBe(201);
    expect((await admin.post('/api/duty/bulletin/2026-05/issue')).body.error.code).toBe('document_issued');
    const stored = (await admin.get('/api/duty/bulletin/2026-05')).body as string;
    expect(stored).toContain('（第1期）');
    expect(stored).toContain('已整改：已批评教育');
    const ledgerRows = (await scChief.get('/api/duty/patrols?month=2026-05')).body.items;
    expect(ledgerRows.every((r: { departmentId: string }) => r.departmentId === ledgerRows[0].departmentId)).toBe(true);
    expect((await admin.get('/api/duty/bulletin/2026-05/xlsx')).raw.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('staff changes and leave', () => {
  it('a department’s staff change takes effect only when the center approves the request', async () => {
    const scChief = await t.login('sc_chief');
    const req = await scChief.post('/api/duty/staff-changes', { kind: 'replace', windowId: win[12], post: 'supplementary', outUserId: ids.sc_handler, inUserId: ids.sc_handler2, effectiveOn: '2026-05-20', reason: '原窗口人员轮岗' });
    expect(req.status).toBe(201);
    expect((await scChief.post('/api/duty/staff-changes', { kind: 'add', windowId: win[11], post: 'B', inUserId: ids.sc_handler2, effectiveOn: '2026-05-20', reason: 'x' })).status).toBe(403);
    expect((await scChief.post(`/api/duty/staff-changes/${req.body.id}/approve`, {})).body.error.code).toBe('transition_not_allowed');
    const held = async (u: string) => (await t.ctx.db.select().from(staffAssignments).where(and(eq(staffAssignments.userId, ids[u]), eq(staffAssignments.windowId, win[12]))));
    expect(await held('sc_handler2')).toHaveLength(0);
    expect((await admin.post(`/api/duty/staff-changes/${req.body.id}/approve`, { note: '同意' })).status).toBe(200);
    expect((await held('sc_handler2'))[0]).toMatchObject({ fromDate: '2026-05-20', toDate: null });
    expect((await held('sc_handler'))[0].toDate).toBe('2026-05-19');
    expect((await scChief.post(`/api/duty/staff-changes/${req.body.id}/withdraw`, {})).status).toBe(409);
  });

  it('leave is approved by the department, then the center, and the day counts as leave', async () => {
    const r = await handler1.post('/api/duty/leave', { kind: 'sick', fromDate: '2026-05-14', toDate: '2026-05-15', reason: '发烧就医' });
    expect(r.status).toBe(201);
    expect((await admin.post(`/api/duty/leave/${r.body.id}/approve`, {})).body.error.code).toBe('transition_not_allowed');
    expect((await (await t.login('chief1')).post(`/api/duty/leave/${r.body.id}/deptApprove`, {})).status).toBe(200);
    expect((await handler1.post(`/api/duty/leave/${r.body.id}/approve`, {})).status).toBe(403);
    expect((await admin.post(`/api/duty/leave/${r.body.id}/approve`, {})).status).toBe(200);
    await setNow('2026-05-15T10:00:00Z');
    const day = (await admin.get('/api/duty/attendance/day?day=2026-05-15')).body;
    expect(day.people.find((p: { username: string }) => p.username === 'handler1').status).toBe('leave');
    expect(day.people.find((p: { username: string }) => p.username === 'coord1').status).toBe('absent');
    const sheet = (await admin.get('/api/duty/attendance/sheet?month=2026-05')).body;
    const line = sheet.lines.find((l: { userId: string }) => l.userId === ids.handler1);
    expect(line.totals.leave).toBe(2);
    expect(line.cells[0]).toBe('notRequired'); // 1 May, Labour Day
    expect((await admin.get('/api/duty/attendance/sheet.xlsx?month=2026-05')).raw.subarray(0, 2).toString()).toBe('PK');
    expect((await admin.get('/api/duty/attendance/sheet?month=2026-5')).status).toBe(400);
  });
});

describe('duty notices', () => {
  it('word the patrol finding for the chief representative', () => {
    const n = renderNotice('duty.patrolFinding', { window: '市场监管局窗口', grade: '较差', checks: ['玩手机'], due: '2026-05-19', findingId: 'f' });
    expect(n.text).toContain('2026-05-19');
    expect(n.link).toBe('/duty/patrols');
    expect(renderNotice('duty.patrolFinding', {}).text).not.toMatch(/undefined|null/);
  });
});

describe('badges', () => {
  it('the center issues a badge with a photo; numbers are unique in the center', async () => {
    const photo = await upload(admin, PNG, 'face.png');
    const res = await admin.put(`/api/duty/badges/${ids.handler1}`, { number: 'QW9001', title: '具体办理人', photoFileId: photo.body.id });
    expect(res.status).toBe(200);
    expect((await admin.put(`/api/duty/badges/${ids.coord1}`, { number: 'QW9001', title: '' })).body.error.code).toBe('badge_number_taken');
    expect((await admin.put(`/api/duty/badges/${ids.coord1}`, { number: 'QW 1', title: '' })).status).toBe(400);
    expect((await handler1.put(`/api/duty/badges/${ids.handler1}`, { number: 'QW9002', title: '' })).status).toBe(403);
    const posts = (await handler1.get('/api/duty/posts')).body.windows;
    const mine = posts.flatMap((w: { posts: { userId: string; badge: { number: string } | null }[] }) => w.posts).find((p: { userId: string }) => p.userId === ids.handler1);
    expect(mine.badge.number).toBe('QW9001');
  });
});

describe('leader sittings by cadence and their escalation recipients (seed 001)', () => {
  it('weekly half-day: a plan covers every week; three missed weekly sittings go to the named recipients', async () => {
    await setNow('2026-05-14T02:00:00Z');
    const settings = (await admin.get('/api/duty/settings')).body;
    const put = (patch: Record<string, unknown>) => admin.put('/api/duty/settings', { ...settings, ...patch });
    // Recipients: an account of another center, a bad address, an unknown kind are refused.
    expect((await put({ missRecipients: [{ kind: 'user', userId: ids.town_admin }] })).body.error).toMatchObject({ code: 'recipient_invalid', details: [{ field: 'body.missRecipients.0.userId' }] });
    expect((await put({ missRecipients: [{ kind: 'organisation', name: '清渭县纪委监委', email: 'not-an-address' }] })).status).toBe(400);
    expect((await put({ missRecipients: [{ kind: 'everyone' }] })).status).toBe(400);
    expect((await put({ leaderCadence: 'daily' })).status).toBe(400);
    expect((await handler1.put('/api/duty/settings', settings)).status).toBe(403);
    const saved = await put({ leaderCadence: 'weeklyHalfDay', missRecipients: [
      { kind: 'organisation', name: '中共清渭县委、清渭县人民政府主要领导' },
      { kind: 'organisation', name: '清渭县纪委监委', email: 'jiwei@qingwei.example.cn' },
      { kind: 'user', userId: ids.admin },
    ] });
    expect(saved.status).toBe(200);
    expect(saved.body.leaderCadence).toBe('weeklyHalfDay');

    // June 2026: weeks of 1, 8, 15 and 22 June (29 June's Thursday is in July).
    const rs = await t.login('rs_leader');
    const plan = (days: string[]) => rs.post('/api/duty/leader/plans', { month: '2026-06', days: days.map((day) => ({ day, leaderId: ids.rs_leader })) });
    const short = await plan(['2026-06-01', '2026-06-09']);
    expect(short.body.error).toMatchObject({ code: 'week_uncovered', details: [{ field: 'body.days', weeks: ['2026-06-15', '2026-06-22'] }] });
    expect(short.body.error.messageZh).toContain('每周坐班半天');
    // Two days in the first week, then one a week.
    expect((await plan(['2026-06-01', '2026-06-03', '2026-06-09', '2026-06-16', '2026-06-23'])).status).toBe(201);
    const overview = (await admin.get('/api/duty/leader/plans?month=2026-06')).body;
    expect(overview).toMatchObject({ cadence: 'weeklyHalfDay', cadenceLabel: '每周坐班半天' });
    expect((await admin.post('/api/duty/leader/schedule/2026-06/publish')).status).toBe(200);

    // (Earlier runs of April misses, under the monthly cadence, escalated before: only June's run counts here.)
    const escalated = async () => (await t.ctx.db.select().from(leaderDutyEscalations).where(eq(leaderDutyEscalations.leaderId, ids.rs_leader))).filter((e) => e.missedDays[0] >= '2026-06');
    // rs_leader kept his earlier sittings (the demo planned him in March and April).
    await t.ctx.db.execute(sql`update leader_duty_days set status = 'done', sign_in_at = now() where leader_id = ${ids.rs_leader} and month < '2026-06'`);
    await setNow('2026-06-10T10:00:00Z'); // 18:00 on the 10th: 1, 3 and 9 June missed — two weekly sittings
    await runExclusive(t.ctx, leaderMissJob);
    expect(await escalated()).toHaveLength(0);
    await setNow('2026-06-16T10:00:00Z'); // the third week's sitting missed
    await runExclusive(t.ctx, leaderMissJob);
    const [e] = await escalated();
    expect(e.missedDays).toEqual(['2026-06-01', '2026-06-03', '2026-06-09', '2026-06-16']);
    expect(e.recipients).toEqual([
      { kind: 'organisation', name: '中共清渭县委、清渭县人民政府主要领导', email: null },
      { kind: 'organisation', name: '清渭县纪委监委', email: 'jiwei@qingwei.example.cn' },
      { kind: 'account', userId: ids.admin, name: expect.any(String), role: 'centerAdmin' },
    ]);
    const sent = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'duty.leaderMisses'), sql`${outbox.payload}->'days' ? '2026-06-16'`));
    expect(sent.map((n) => [n.channel, n.address ?? n.recipientUserId]).sort()).toEqual([['email', 'jiwei@qingwei.example.cn'], ['inApp', ids.admin]].sort());
    const mail = sent.find((n) => n.channel === 'email')!;
    // Three sittings (four days): 「3次不履行坐班制度」.
    expect(renderNotice('duty.leaderMisses', mail.payload).text).toMatch(/^清渭县纪委监委：【现场办公】.+连续3次未履行坐班制度（2026-06-01、2026-06-03、2026-06-09、2026-06-16）/);
    const list = (await admin.get('/api/duty/leader/escalations')).body.items;
    expect(list.find((x: { missedDays: string[] }) => x.missedDays.includes('2026-06-16')).recipients).toEqual([
      { kind: 'organisation', name: '中共清渭县委、清渭县人民政府主要领导', emailed: false },
      { kind: 'organisation', name: '清渭县纪委监委', emailed: true },
      { kind: 'account', name: expect.any(String) },
    ]);
  });

  it('quarterly half-day: one plan a quarter; the quarter’s other months are covered, not missing', async () => {
    await setNow('2026-06-17T02:00:00Z');
    const settings = (await admin.get('/api/duty/settings')).body;
    expect((await admin.put('/api/duty/settings', { ...settings, leaderCadence: 'quarterlyHalfDay' })).status).toBe(200);
    const ga = await t.login('ga_leader');
    expect((await ga.post('/api/duty/leader/plans', { month: '2026-08', days: [{ day: '2026-08-12', leaderId: ids.ga_leader }] })).status).toBe(201);
    const july = (await admin.get('/api/duty/leader/plans?month=2026-07')).body;
    const by = (name: string) => july.departments.find((d: { department: string }) => d.department.includes(name));
    expect(july.cadence).toBe('quarterlyHalfDay');
    expect(by('公安')).toMatchObject({ status: 'covered', statusLabel: '本季度已安排', flagged: false });
    expect(by('生态环境')).toMatchObject({ status: 'missing', flagged: true });
    expect((await admin.get('/api/duty/leader/plans?month=2026-10')).body.departments.find((d: { department: string }) => d.department.includes('公安')).status).toBe('pending');
    await admin.put('/api/duty/settings', settings);
  });
});
