import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { MARRIAGE, must, upload, walkIn } from '../../test/cases.js';
import { users } from '../core/auth/schema.js';
import { centers, departments, windows } from '../core/org/schema.js';
import { cases } from '../cases/schema.js';
import { accountabilityRecords, ladderSteps } from '../supervision/schema.js';
import { complaints, evaluations, praise } from '../feedback/schema.js';
import { patrolFindings, patrols } from '../duty/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { assessmentLines, assessmentResults } from './schema.js';
import type { SchemeBody } from './rules.js';

// Tue 31 March 2026, 18:00 in the center (the day's office hours are over): the demo's
// attendance covers every working day of March up to today.
const NOW = '2026-03-31T10:00:00Z';
let t: TestApp;
let admin: Client, window1: Client, window2: Client, super1: Client, coord: Client;
const ids: Record<string, string> = {};
let centerId: string, win1: string, mz: string, itemId: string;
const caseIds: string[] = [];

const WINDOW_SCHEME: SchemeBody = {
  baseScore: 100, floor: 0,
  lines: [
    { key: 'onTime', label: '按时办结率', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 0.5, cap: 20 } },
    { key: 'overdue', label: '超期办结', metric: 'overdueCases', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'violation', label: '违规办件', metric: 'violations', rule: { kind: 'perUnit', points: -5 } },
    { key: 'accountability', label: '问责记录', metric: 'accountability', rule: { kind: 'perUnit', points: -1 } },
    { key: 'badReview', label: '核实差评', metric: 'badReviews', rule: { kind: 'perUnit', points: -2 } },
    { key: 'complaint', label: '有效投诉', metric: 'complaints', rule: { kind: 'perUnit', points: -3, cap: 9 } },
    { key: 'praise', label: '锦旗表扬', metric: 'praise', rule: { kind: 'perUnit', points: 1, free: 1 } },
    { key: 'patrol', label: '巡查问题', metric: 'patrolFindings', rule: { kind: 'thresholds', bands: [{ min: 1, points: -1 }, { min: 3, points: -4 }] } },
    { key: 'firstTime', label: '一次办结率', metric: 'firstTimeRate', rule: { kind: 'thresholds', bands: [{ min: 90, points: 1 }] } },
    { key: 'immediate', label: '即办率', metric: 'immediateRate', rule: { kind: 'target', target: 50, perPoint: 1, bonus: 0.5 } },
    { key: 'online', label: '网办率', metric: 'onlineRate', rule: { kind: 'target', target: 10, perPoint: 0.1, cap: 1 } },
    { key: 'late', label: '迟到早退', metric: 'late', rule: { kind: 'perUnit', points: -0.5 } },
    { key: 'absent', label: '缺勤', metric: 'absent', rule: { kind: 'perUnit', points: -2 } },
  ],
};
const STAFF_SCHEME: SchemeBody = {
  baseScore: 100,
  lines: [
    { key: 'complaint', label: '有效投诉', metric: 'complaints', rule: { kind: 'perUnit', points: -3 } },
    { key: 'praise', label: '锦旗表扬', metric: 'praise', rule: { kind: 'perUnit', points: 1 } },
    { key: 'accountability', label: '问责记录', metric: 'accountability', rule: { kind: 'perUnit', points: -2 } },
  ],
};
const DEPT_SCHEME: SchemeBody = {
  baseScore: 100,
  lines: [
    { key: 'onTime', label: '按时办结率', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 0.5, cap: 20 } },
    { key: 'missed', label: '领导现场办公缺勤', metric: 'missedLeaderDuty', rule: { kind: 'perUnit', points: -2 } },
  ],
};

async function complaintRow(caseId: string, on: string, no: string) {
  const at = new Date(`${on}T02:00:00Z`).toISOString();
  await t.ctx.db.insert(complaints).values({
    no, centerId, channel: 'phone', category: 'attitude', complainantName: '钱多多', complainantPhone: '13900000000', content: '窗口态度生硬', caseId,
    departmentId: mz, staffId: ids.window1, state: 'resolved', receivedOn: on, receivedAt: at, acceptedOn: on,
    result: { finding: 'substantiated', result: '属实，已批评教育', unitNotice: '通报', by: ids.admin, at, on, onTime: true },
  } as typeof complaints.$inferInsert);
}

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  [admin, window1, window2, super1, coord] = await Promise.all(['admin', 'window1', 'window2', 'super1', 'coord1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
  [{ id: centerId }] = await t.ctx.db.select({ id: centers.id }).from(centers).where(eq(centers.level, 'county'));
  [{ id: win1 }] = await t.ctx.db.select({ id: windows.id }).from(windows).where(and(eq(windows.centerId, centerId), eq(windows.number, 1)));
  [{ id: mz }] = await t.ctx.db.select({ id: departments.id }).from(departments).where(and(eq(departments.centerId, centerId), eq(departments.shortCode, 'MZ')));
  // Three 即办 marriage registrations decided at window 1 today; the third is made late.
  for (const name of ['甲', '乙', '丙']) {
    const id = (await window1.post('/api/cases', walkIn(MARRIAGE, name))).body.id as string;
    await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await must(window1, id, 'decide', { outcome: 'approved' });
    caseIds.push(id);
  }
  await t.ctx.db.update(cases).set({ promisedDue: '2026-03-30' }).where(eq(cases.id, caseIds[2]));
  [{ itemId }] = await t.ctx.db.select({ itemId: cases.itemId }).from(cases).where(eq(cases.id, caseIds[0]));
  const at = new Date(NOW).toISOString();
  // A black-light violation with its accountability record on the late case.
  const [step] = await t.ctx.db.insert(ladderSteps).values({ caseId: caseIds[2], light: 'black', kind: 'violation', centerId, departmentId: mz, docNo: '违规〔2026〕1号', issuedOn: '2026-03-31', issuedAt: at, snapshot: { caseNo: 'X' } }).returning();
  await t.ctx.db.insert(accountabilityRecords).values({ stepId: step.id, caseId: caseIds[2], kind: 'violation', centerId, departmentId: mz, userId: ids.window1, recordedOn: '2026-03-31', recordedAt: at });
  // A substantiated bad review, one unfounded (not counted), a substantiated complaint, two praises.
  const review = { stage: 'completion' as const, channel: 'portal' as const, centerId, departmentId: mz, itemId, windowId: win1, staffId: ids.window1, ratedOn: '2026-03-31', ratedAt: at };
  await t.ctx.db.insert(evaluations).values([
    { ...review, caseId: caseIds[0], grade: 1, state: 'rectifying', verification: { finding: 'substantiated', reason: '属实', fileIds: [], by: ids.coord1, at } },
    { ...review, caseId: caseIds[1], grade: 2, state: 'unfounded', verification: { finding: 'unfounded', reason: '不属实', fileIds: [], by: ids.coord1, at } },
  ] as (typeof evaluations.$inferInsert)[]);
  await complaintRow(caseIds[1], '2026-03-20', 'TS-1');
  await t.ctx.db.insert(praise).values([1, 2].map((i) => ({ centerId, kind: 'banner' as const, windowId: win1, userId: ids.window1, fromName: `群众${i}`, receivedOn: `2026-03-1${i}`, recordedBy: ids.admin, recordedAt: at })));
  // A patrol finding at window 1 (the demo may have its own at other windows).
  const [patrol] = await t.ctx.db.insert(patrols).values({ centerId, kind: 'random', session: 'morning', day: '2026-03-16', patrolledAt: at, patrollerId: ids.admin }).returning();
  await t.ctx.db.insert(patrolFindings).values({ patrolId: patrol.id, centerId, windowId: win1, departmentId: mz, day: '2026-03-16', grade: 'fair', failedChecks: ['badge'], photoFileIds: [], rectification: 'open' });
});
afterAll(async () => { await t?.close(); });

let periodId: string;
const lineOf = (lines: { key: string }[], key: string) => lines.find((l) => l.key === key) as { id: string; key: string; points: number; value: unknown; evidenceCount: number; shown: number | null };

describe('assessment: schemes, compute, freeze, appeal', () => {
  it('publishes versioned schemes; only the office manages them', async () => {
    expect((await window1.post('/api/assessment/schemes', { code: 'x', name: 'x', subjectType: 'window', periodKind: 'month', body: WINDOW_SCHEME })).status).toBe(403);
    const bad = await admin.post('/api/assessment/schemes', { code: 'staff-bad', name: '人员', subjectType: 'staff', periodKind: 'month', body: { baseScore: 100, lines: [{ key: 'p', label: '巡查', metric: 'patrolFindings', rule: { kind: 'perUnit', points: -1 } }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('scheme_invalid');
    for (const [code, subjectType, body] of [['window-month', 'window', WINDOW_SCHEME], ['staff-month', 'staff', STAFF_SCHEME], ['dept-month', 'department', DEPT_SCHEME]] as const) {
      const v1 = await admin.post('/api/assessment/schemes', { code, name: `${code} v1`, subjectType, periodKind: 'month', body: { ...body, baseScore: 90 } });
      expect(v1.status).toBe(201);
      expect((await admin.post(`/api/assessment/schemes/${v1.body.id}/publish`)).status).toBe(200);
      const v2 = await admin.post('/api/assessment/schemes', { code, name: `${code} v2`, subjectType, periodKind: 'month', body });
      expect(v2.body.version).toBe(2);
      expect((await admin.put(`/api/assessment/schemes/${v1.body.id}`, { name: 'x', body })).body.error.code).toBe('scheme_not_draft');
      expect((await admin.post(`/api/assessment/schemes/${v2.body.id}/publish`)).status).toBe(200);
    }
    const list = (await admin.get('/api/assessment/schemes')).body.items as { code: string; version: number; state: string }[];
    expect(list.filter((s) => s.code === 'window-month').map((s) => [s.version, s.state])).toEqual([[2, 'published'], [1, 'superseded']]);
  });

  it('computes a month: every line of window 1 has the expected points and its evidence', async () => {
    const p = await admin.post('/api/assessment/periods', { kind: 'month', key: '2026-03' });
    expect(p.status).toBe(201);
    periodId = p.body.id;
    expect((await window1.post(`/api/assessment/periods/${periodId}/compute`)).status).toBe(403);
    const c = await admin.post(`/api/assessment/periods/${periodId}/compute`);
    expect(c.status).toBe(200);
    expect(c.body.state).toBe('computed');
    const detail = (await admin.get(`/api/assessment/periods/${periodId}/subjects/window/${win1}`)).body;
    const points = Object.fromEntries((detail.lines as { key: string; points: number }[]).map((l) => [l.key, l.points]));
    // The attendance lines follow the duty module's own monthly sheet for window 1's post holders that day.
    const sheet = (await admin.get('/api/duty/attendance/sheet?month=2026-03')).body as { lines: { userId: string; cells: string[] }[]; days: string[] };
    const [{ n: patrolCount }] = (await t.ctx.db.execute(sql`select count(*)::int as n from patrol_findings where window_id = ${win1} and day between '2026-03-01' and '2026-03-31' and (grade <> 'good' or jsonb_array_length(failed_checks) > 0)`) as unknown as { rows: { n: number }[] }).rows;
    const holders = (await t.ctx.db.execute(sql`select user_id::text, window_id::text from staff_assignments where center_id = ${centerId} order by user_id, from_date, post, window_id`) as unknown as { rows: { user_id: string; window_id: string }[] }).rows;
    const firstWindow = new Map<string, string>();
    for (const h of holders) if (!firstWindow.has(h.user_id)) firstWindow.set(h.user_id, h.window_id);
    const cellsAt1 = sheet.lines.filter((l) => firstWindow.get(l.userId) === win1).flatMap((l) => l.cells);
    const late = cellsAt1.filter((c) => ['late', 'earlyLeave', 'lateAndEarlyLeave'].includes(c)).length;
    const absent = cellsAt1.filter((c) => c === 'absent').length;
    expect(points).toEqual({
      onTime: -16.67, // 2 of 3 on time: 66.67 %, 33.33 points short × 0.5
      overdue: -2, violation: -5, accountability: -1, badReview: -2, complaint: -3,
      praise: 1, // 2 praises, the first free
      patrol: patrolCount >= 3 ? -4 : -1,
      firstTime: 1, immediate: 0.5, online: -1,
      late: -0.5 * late, absent: -2 * absent,
    });
    const sum = Object.values(points).reduce((s, x) => s + x, 0);
    expect(detail.total).toBeCloseTo(Math.max(0, 100 + sum), 2);
    const overdue = lineOf(detail.lines, 'overdue');
    const ev = (await admin.get(`/api/assessment/lines/${overdue.id}/evidence`)).body;
    expect(ev.rows.map((r: { id: string }) => r.id)).toEqual([caseIds[2]]);
    const onTime = (await admin.get(`/api/assessment/lines/${lineOf(detail.lines, 'onTime').id}/evidence`)).body;
    expect(onTime.scored).toEqual({ kind: 'rate', num: 2, den: 3 });
    expect(onTime.rows).toHaveLength(3);
    expect(onTime.rows.filter((r: { counted: boolean }) => !r.counted).map((r: { id: string }) => r.id)).toEqual([caseIds[2]]);
    const complaint = (await admin.get(`/api/assessment/lines/${lineOf(detail.lines, 'complaint').id}/evidence`)).body;
    expect(complaint.rows.map((r: { no: string }) => r.no)).toEqual(['TS-1']);
    const bad = (await admin.get(`/api/assessment/lines/${lineOf(detail.lines, 'badReview').id}/evidence`)).body;
    expect(bad.rows.map((r: { caseId: string }) => r.caseId)).toEqual([caseIds[0]]);
    if (absent > 0) {
      const abs = (await admin.get(`/api/assessment/lines/${lineOf(detail.lines, 'absent').id}/evidence`)).body;
      expect(abs.rows).toHaveLength(absent);
      expect(abs.rows[0].status).toBe('absent');
    }
    // The staff member: complaint −3, two praises +2, the violation's accountability −2.
    const me = (await admin.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body;
    expect(me.total).toBe(97);
    // The department: the 3 cases' on-time rate.
    const dept = (await admin.get(`/api/assessment/periods/${periodId}/subjects/department/${mz}`)).body;
    expect(lineOf(dept.lines, 'onTime').points).toBe(-16.67);
  });

  it('recomputing with the same facts gives the same result', async () => {
    const before = await t.ctx.db.select().from(assessmentResults).where(eq(assessmentResults.periodId, periodId));
    const again = await admin.post(`/api/assessment/periods/${periodId}/compute`);
    expect(again.body.sameAsBefore).toBe(true);
    const after = await t.ctx.db.select().from(assessmentResults).where(eq(assessmentResults.periodId, periodId));
    const key = (r: typeof before[number]) => `${r.subjectType}|${r.subjectId}`;
    expect(new Map(after.map((r) => [key(r), r.total]))).toEqual(new Map(before.map((r) => [key(r), r.total])));
  });

  it('a new fact before the freeze changes the recomputed result; a quarter needs its own scheme', async () => {
    await t.ctx.db.insert(praise).values({ centerId, kind: 'letter', windowId: win1, fromName: '群众3', receivedOn: '2026-03-13', recordedBy: ids.admin, recordedAt: new Date(NOW).toISOString() });
    const r = await admin.post(`/api/assessment/periods/${periodId}/compute`);
    expect(r.body.sameAsBefore).toBe(false);
    const detail = (await admin.get(`/api/assessment/periods/${periodId}/subjects/window/${win1}`)).body;
    expect(lineOf(detail.lines, 'praise').points).toBe(2);
    const q = await admin.post('/api/assessment/periods', { kind: 'quarter', key: '2026-Q1' });
    expect(q.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    const c = await admin.post(`/api/assessment/periods/${q.body.id}/compute`);
    expect(c.status).toBe(422);
    expect(c.body.error.code).toBe('no_published_scheme');
    // A malformed key is refused at the schema (business-period format), naming the field.
    const malformed = (await admin.post('/api/assessment/periods', { kind: 'month', key: '2026-3' })).body.error;
    expect(malformed.code).toBe('validation_failed');
    expect(new Set(malformed.details.map((d: { field: string }) => d.field))).toEqual(new Set(['body.key']));
    expect((await admin.post('/api/assessment/periods', { kind: 'month', key: '2026-Q1' })).body.error.code).toBe('period_key_invalid');
  });

  it('keeps a manual line with its reason and evidence file across recomputation', async () => {
    const file = await upload(admin);
    const m = await admin.post(`/api/assessment/periods/${periodId}/manual`, { subjectType: 'staff', subjectId: ids.window1, label: '卫生检查加分', points: 1.5, reason: '大厅卫生评比第一名', fileId: file.body.id });
    expect(m.status).toBe(201);
    expect((await admin.get(`/api/assessment/lines/${m.body.id}/file`)).status).toBe(200);
    const ev = (await admin.get(`/api/assessment/lines/${m.body.id}/evidence`)).body;
    expect(ev).toMatchObject({ kind: 'manual', reason: '大厅卫生评比第一名', fileId: file.body.id });
    await admin.post(`/api/assessment/periods/${periodId}/compute`);
    const me = (await admin.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body;
    expect(me.total).toBe(98.5);
    expect(me.lines.find((l: { source: string }) => l.source === 'manual')).toMatchObject({ label: '卫生检查加分', points: 1.5, reason: '大厅卫生评比第一名' });
  });

  it('freezes: a fact recorded later leaves the frozen result unchanged', async () => {
    const before = (await admin.get(`/api/assessment/periods/${periodId}/subjects/window/${win1}`)).body;
    expect((await admin.post(`/api/assessment/periods/${periodId}/freeze`)).body.state).toBe('frozen');
    await complaintRow(caseIds[0], '2026-03-25', 'TS-2'); // found substantiated after the freeze, dated in the period
    const recompute = await admin.post(`/api/assessment/periods/${periodId}/compute`);
    expect(recompute.status).toBe(409);
    expect(recompute.body.error.code).toBe('invalid_transition');
    expect((await admin.post(`/api/assessment/periods/${periodId}/manual`, { subjectType: 'window', subjectId: win1, label: 'x', points: 1, reason: '不允许' })).status).toBe(409);
    const after = (await admin.get(`/api/assessment/periods/${periodId}/subjects/window/${win1}`)).body;
    expect(after.total).toBe(before.total);
    expect(after.lines).toEqual(before.lines);
    const ev = (await admin.get(`/api/assessment/lines/${lineOf(after.lines, 'complaint').id}/evidence`)).body;
    expect(ev.rows.map((r: { no: string }) => r.no)).toEqual(['TS-1']);
  });

  it('subjects see nothing before publication; readers see the ranking; scope holds', async () => {
    expect((await window1.get(`/api/assessment/periods/${periodId}`)).status).toBe(404);
    const r = await super1.get(`/api/assessment/periods/${periodId}/ranking?subject=window`);
    expect(r.status).toBe(200);
    expect(r.body.items[0].rank).toBe(1);
    const pub = await admin.post(`/api/assessment/periods/${periodId}/publish`);
    const cal = await calendarFor(t.ctx.db, centerId);
    expect(pub.body.appealBy).toBe(cal.addWorkingDays('2026-03-31', 5).date);
    expect(pub.body.appealBy).toBe('2026-04-08'); // 清明 4–6 April is not counted
    expect((await window1.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).status).toBe(200);
    expect((await window2.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).status).toBe(404);
    const myLine = lineOf((await window1.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body.lines, 'complaint');
    expect((await window1.get(`/api/assessment/lines/${myLine.id}/evidence`)).status).toBe(200);
    expect((await window2.get(`/api/assessment/lines/${myLine.id}/evidence`)).status).toBe(404);
    const mine = (await window1.get(`/api/assessment/periods/${periodId}/ranking?subject=staff`)).body.items as { subjectId: string }[];
    expect(mine.map((x) => x.subjectId)).toEqual([ids.window1]);
    const deptView = (await coord.get(`/api/assessment/periods/${periodId}/ranking?subject=window`)).body.items as { departmentId: string }[];
    expect(deptView.every((x) => x.departmentId === mz)).toBe(true);
  });

  it('an upheld appeal becomes one adjustment line; the frozen lines stay', async () => {
    const me = (await window1.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body;
    expect(me.mayAppeal).toBe(true);
    const line = lineOf(me.lines, 'complaint');
    expect((await window2.post('/api/assessment/appeals', { lineId: line.id, reason: '不是我' })).status).toBe(403);
    const a = await window1.post('/api/assessment/appeals', { lineId: line.id, reason: '该投诉经复查不属实，已有调查记录' });
    expect(a.status).toBe(201);
    expect((await window1.post('/api/assessment/appeals', { lineId: line.id, reason: '再次申诉' })).body.error.code).toBe('appeal_pending');
    const before = await t.ctx.db.select().from(assessmentLines).where(and(eq(assessmentLines.periodId, periodId), eq(assessmentLines.subjectId, ids.window1)));
    expect((await window1.post(`/api/assessment/appeals/${a.body.id}/decide`, { decision: 'upheld', points: 3, note: 'x' })).status).toBe(403);
    const d = await admin.post(`/api/assessment/appeals/${a.body.id}/decide`, { decision: 'upheld', points: 3, note: '复查不属实，撤销扣分' });
    expect(d.body).toMatchObject({ state: 'decided', decision: 'upheld', points: 3 });
    expect((await admin.post(`/api/assessment/appeals/${a.body.id}/decide`, { decision: 'rejected', note: '再裁定' })).status).toBe(409);
    const after = await t.ctx.db.select().from(assessmentLines).where(and(eq(assessmentLines.periodId, periodId), eq(assessmentLines.subjectId, ids.window1)));
    expect(after.length).toBe(before.length + 1);
    const added = after.filter((l) => !before.some((b) => b.id === l.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ source: 'adjustment', points: 3, appealId: a.body.id });
    for (const b of before) expect(after.find((l) => l.id === b.id)).toEqual(b);
    const detail = (await window1.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body;
    expect(detail).toMatchObject({ computed: 98.5, adjustment: 3, total: 101.5 });
    const [res] = await t.ctx.db.select().from(assessmentResults).where(and(eq(assessmentResults.periodId, periodId), eq(assessmentResults.subjectId, ids.window1)));
    expect(res.total).toBe(98.5);
  });

  it('closes the appeal window after N working days', async () => {
    await t.anon.post('/api/test/clock', { now: '2026-04-09T02:00:00Z' });
    const me = (await window1.get(`/api/assessment/periods/${periodId}/subjects/staff/${ids.window1}`)).body;
    const r = await window1.post('/api/assessment/appeals', { lineId: lineOf(me.lines, 'praise').id, reason: '表扬应为三次' });
    expect(r.body.error.code).toBe('appeal_window_closed');
  });

  it('lists award candidates, prints the bulletin and exports the ranking', async () => {
    const aw = (await admin.get(`/api/assessment/periods/${periodId}/awards`)).body;
    expect(aw.items.map((a: { name: string }) => a.name)).toContain('五星级窗口');
    const b = await admin.get(`/api/assessment/periods/${periodId}/bulletin`);
    expect(b.status).toBe(200);
    expect(b.body).toContain('考核通报');
    expect(b.body).toContain('1号窗口');
    const x = await admin.get(`/api/assessment/periods/${periodId}/ranking.xlsx?subject=window`);
    expect(x.status).toBe(200);
    expect(x.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await window1.get(`/api/assessment/periods/${periodId}/bulletin`)).status).toBe(403);
  });

  // The adjustment of one subject (a decided appeal) is that subject's alone: in the
  // ranking of every subject type, the trend of the next period, the award candidates,
  // the bulletin and its Excel. (The adjustment subquery once compared the line with itself.)
  const BUMP = { window: 7.13, department: 6.37, staff: 5.71 } as const;
  it.each(['window', 'department', 'staff'] as const)('one %s adjustment moves only that subject', async (subjectType) => {
    const rankingOf = async (id = periodId) => (await admin.get(`/api/assessment/periods/${id}/ranking?subject=${subjectType}`)).body.items as { subjectId: string; name: string; computed: number; adjustment: number; total: number; history: { key: string; total: number }[] }[];
    const before = await rankingOf();
    expect(before.length).toBeGreaterThan(1);
    const target = before[before.length - 1]!;
    const [{ n }] = (await t.ctx.db.execute(sql`select count(*)::int as n from assessment_lines where period_id = ${periodId}`) as unknown as { rows: { n: number }[] }).rows;
    await t.ctx.db.insert(assessmentLines).values({ periodId, subjectType, subjectId: target.subjectId, seq: 1000 + n, key: `adj-${subjectType}`, label: '申诉调整', source: 'adjustment', points: BUMP[subjectType], createdAt: new Date().toISOString() });
    const after = await rankingOf();
    for (const b of before) {
      const a = after.find((x) => x.subjectId === b.subjectId)!;
      const delta = b.subjectId === target.subjectId ? BUMP[subjectType] : 0;
      expect([a.subjectId, a.adjustment, a.total]).toEqual([b.subjectId, b.adjustment + delta, Math.round((b.total + delta) * 100) / 100]);
      expect(a.computed).toBe(b.computed);
    }
    // The next period's trend reads this period's totals subject by subject.
    const next = (await admin.get('/api/assessment/periods?kind=month')).body.items.find((p: { key: string }) => p.key === '2026-04')?.id
      ?? (await admin.post('/api/assessment/periods', { kind: 'month', key: '2026-04' })).body.id;
    if ((await admin.get(`/api/assessment/periods/${next}`)).body.state === 'draft') expect((await admin.post(`/api/assessment/periods/${next}/compute`)).status).toBe(200);
    for (const r of await rankingOf(next)) {
      const march = r.history.find((h) => h.key === '2026-03');
      expect(march?.total).toBe(after.find((x) => x.subjectId === r.subjectId)!.total);
    }
    // Award candidates carry the same totals as the ranking.
    const aw = (await admin.get(`/api/assessment/periods/${periodId}/awards`)).body.items as { subject: string; candidates: { subjectId: string; total: number }[] }[];
    for (const c of aw.filter((a) => a.subject === subjectType).flatMap((a) => a.candidates)) expect(c.total).toBe(after.find((x) => x.subjectId === c.subjectId)!.total);
    // The Excel ranking: one row per subject with its own adjustment.
    const x = await admin.get(`/api/assessment/periods/${periodId}/ranking.xlsx?subject=${subjectType}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)))));
    for (const a of after) {
      const row = cells.find((c) => c.includes(a.name));
      expect(row, a.name).toBeDefined();
      expect(row).toContain(String(a.adjustment));
    }
    // The bulletin prints the adjustment once, against the target only.
    const bulletin = (await admin.get(`/api/assessment/periods/${periodId}/bulletin`)).body as string;
    const adjustments = [...bulletin.matchAll(/<tr><td>\d+<\/td><td class="name">([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].filter((m) => m[2] !== '—').map((m) => m[1]);
    expect(adjustments.filter((name) => name === target.name)).toHaveLength(1);
    expect(adjustments.length).toBe(Object.keys(BUMP).indexOf(subjectType) + 2); // one per type so far, and the staff appeal above
  });
});

