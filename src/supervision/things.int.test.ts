/**
 * 一件事 on the supervision board and in the statistics report (issue 24): per thing, running
 * bundles by light, on-time share, end-to-end days against the promised total and the sum of
 * the parts; the list of running bundles with lights; scope and roles. Bundles are written
 * straight into their tables (test/bundles.ts); today is Fri 2026-10-09, after 国庆.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { insertBundle, thingByCode, type ThingRow } from '../../test/bundles.js';
import { users } from '../core/auth/schema.js';
import { departments } from '../core/org/schema.js';

let t: TestApp;
let super1: Client, leaderMZ: Client, leaderGA: Client, leaderZR: Client, window1: Client, citizen: Client, admin: Client;
let thing: ThingRow;
const ids: Record<string, string> = {};
const dept: Record<string, string> = {};

interface Line { thingCode: string; filed: number; ended: number; completed: number; onTime: number; onTimeShare: number | null; avgDays: number | null; maxDays: number | null; avgPromisedDays: number | null; avgSumDays: number | null; running: Record<'green' | 'yellow' | 'red' | 'total', number>; rating?: { rated: number; goodRate: number | null } }
const lineOf = (body: { things: Line[] }) => body.things.find((l) => l.thingCode === 'marriage');
let before: Line | undefined;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-10-09T02:00:00Z' });
  [super1, leaderMZ, leaderGA, leaderZR, window1, citizen, admin] = await Promise.all(['super1', 'leader1', 'ga_leader', 'zr_leader', 'window1', 'citizen1', 'admin'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
  for (const d of await t.ctx.db.select({ id: departments.id, code: departments.shortCode }).from(departments)) dept[d.code] = d.id;
  thing = await thingByCode(t.ctx.db, 'marriage');
  before = lineOf((await super1.get('/api/supervision/board')).body.things);
  const base = { thing, submittedBy: ids.citizen1!, applicantUserId: ids.citizen1 };
  const ga = (state: 'started' | 'waiting' = 'started') => [{ itemCode: 'move', itemName: '户口迁移', departmentId: dept.GA!, state }];
  // Running: filed Mon 09-21 with 3 days → due Thu 09-24 (red; 中秋 09-25…27 and 国庆 follow); filed 09-28 with 5 → due Sat 10-10 (a working day; yellow on 10-09); filed today → green.
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-R1', state: 'running', filedOn: '2026-09-21', promisedWorkingDays: 3, sumWorkingDays: 6, parts: ga() });
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-Y1', state: 'running', filedOn: '2026-09-28', promisedWorkingDays: 5, sumWorkingDays: 9 });
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-G1', state: 'running', filedOn: '2026-10-09', promisedWorkingDays: 5, sumWorkingDays: 9 });
  // Ended: on time in 4 working days (09-29, 09-30, 10-08, 10-09); late in 5 (09-22, 23, 24, 28, 29; due 09-24), closed 10-08.
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-E1', state: 'resultReady', filedOn: '2026-09-28', promisedWorkingDays: 5, sumWorkingDays: 9, endedOn: '2026-10-09' });
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-E2', state: 'completed', filedOn: '2026-09-21', promisedWorkingDays: 3, sumWorkingDays: 6, endedOn: '2026-09-29', completedAt: '2026-10-08T03:00:00Z' });
  // Long before the board's 30 days, inside the report's period.
  await insertBundle(t.ctx.db, { ...base, no: 'YJS-T-OLD', state: 'completed', filedOn: '2026-06-01', promisedWorkingDays: 3, sumWorkingDays: 3, endedOn: '2026-06-03', completedAt: '2026-06-04T03:00:00Z' });
});
afterAll(async () => { await t?.close(); });

const minus = (a: number, b: number | undefined) => a - (b ?? 0);

describe('the board section `things`', () => {
  it('counts the period’s bundles of the thing, their on-time share and days against the promised total and the parts', async () => {
    const res = await super1.get('/api/supervision/board');
    expect(res.status).toBe(200);
    const l = lineOf(res.body.things)!;
    expect(l).toBeDefined();
    expect(minus(l.filed, before?.filed)).toBe(5);
    expect(minus(l.ended, before?.ended)).toBe(2);
    expect(minus(l.completed, before?.completed)).toBe(1);
    expect(minus(l.onTime, before?.onTime)).toBe(1);
    expect({ green: minus(l.running.green, before?.running.green), yellow: minus(l.running.yellow, before?.running.yellow), red: minus(l.running.red, before?.running.red) })
      .toEqual({ green: 1, yellow: 1, red: 1 });
    if (!before?.ended) {
      expect(l).toMatchObject({ onTimeShare: 50, avgDays: 4.5, maxDays: 5, avgPromisedDays: 4, avgSumDays: 7.5 });
    }
    expect(res.body.things.total.running.total).toBeGreaterThanOrEqual(3);
  });

  it('shows a department leader only the bundles its department leads or has a part in', async () => {
    const mz = lineOf((await leaderMZ.get('/api/supervision/board')).body.things);
    expect(mz?.running.total).toBeGreaterThanOrEqual(3);
    const ga = lineOf((await leaderGA.get('/api/supervision/board')).body.things);
    expect(ga).toMatchObject({ running: { red: 1, total: 1 } }); // only YJS-T-R1 has a 公安 part
    expect(lineOf((await leaderZR.get('/api/supervision/board')).body.things)).toBeUndefined();
  });
});

describe('GET /api/supervision/things', () => {
  it('lists the running bundles red first, then yellow, then green, with days left and masked applicants', async () => {
    const res = await super1.get(`/api/supervision/things?thingId=${thing.id}&pageSize=100`);
    expect(res.status).toBe(200);
    const mine = (res.body.items as { bundleNo: string; light: string; daysLeft: number; applicantName: string; promisedDue: string; leadDepartment: { name: string }; partCount: number }[])
      .filter((b) => b.bundleNo.startsWith('YJS-T-'));
    expect(mine.map((b) => [b.bundleNo, b.light])).toEqual([['YJS-T-R1', 'red'], ['YJS-T-Y1', 'yellow'], ['YJS-T-G1', 'green']]);
    expect(mine[0]).toMatchObject({ promisedDue: '2026-09-24', daysLeft: -5, partCount: 1, leadDepartment: { name: '清渭县民政局' } });
    expect(mine[1]).toMatchObject({ promisedDue: '2026-10-10', daysLeft: 1 });
    expect(mine[0]!.applicantName).not.toContain('立军');
    expect(res.body.counts.red).toBeGreaterThanOrEqual(1);
  });

  it('filters by light and pages', async () => {
    const red = await super1.get(`/api/supervision/things?light=red&thingId=${thing.id}`);
    expect(red.body.items.every((b: { light: string }) => b.light === 'red')).toBe(true);
    expect(red.body.items.map((b: { bundleNo: string }) => b.bundleNo)).toContain('YJS-T-R1');
    const page = await super1.get(`/api/supervision/things?thingId=${thing.id}&pageSize=1&page=2`);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('is for the supervision board’s readers only, in their scope', async () => {
    expect((await window1.get('/api/supervision/things')).status).toBe(403);
    expect((await citizen.get('/api/supervision/things')).status).toBe(403);
    expect((await t.anon.get('/api/supervision/things')).status).toBe(401);
    expect((await super1.get('/api/supervision/things?light=blue')).status).toBe(400);
    expect((await super1.get('/api/supervision/things?thingId=nope')).status).toBe(400);
    const ga = await leaderGA.get('/api/supervision/things');
    expect(ga.body.items.filter((b: { bundleNo: string }) => b.bundleNo.startsWith('YJS-T-')).map((b: { bundleNo: string }) => b.bundleNo)).toEqual(['YJS-T-R1']);
    expect((await leaderZR.get('/api/supervision/things')).body.total).toBe(0);
  });
});

describe('statistics: 一件事 per thing', () => {
  it('gives the period’s figures per thing with a total', async () => {
    const res = await admin.get('/api/stats/things?from=2026-06-01&to=2026-10-09');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const l = lineOf(res.body)!;
    // The demo's own bundles (if any) are filed on the demo's days; ours add 6 filed, 3 ended (2 on time).
    expect(l.filed).toBeGreaterThanOrEqual(6);
    expect(l.ended).toBeGreaterThanOrEqual(3);
    expect(l.rating).toMatchObject({ rated: 0, goodRate: null });
    expect(res.body.total.filed).toBeGreaterThanOrEqual(l.filed);
    const june = lineOf((await admin.get('/api/stats/things?from=2026-06-01&to=2026-06-30')).body)!;
    expect(june).toMatchObject({ ended: 1, onTime: 1, onTimeShare: 100, avgDays: 2, maxDays: 2, avgPromisedDays: 3, avgSumDays: 3 });
  });

  it('refuses a reversed or too long period, and other roles', async () => {
    expect((await admin.get('/api/stats/things?from=2026-10-09&to=2026-06-01')).status).toBe(400);
    expect((await admin.get('/api/stats/things?from=2020-01-01&to=2026-10-09')).status).toBe(400);
    expect((await admin.get('/api/stats/things?from=2026-02-30&to=2026-10-09')).status).toBe(400);
    expect((await window1.get('/api/stats/things?from=2026-06-01&to=2026-10-09')).status).toBe(403);
  });

  it('adds a 一件事 sheet to the report workbook', async () => {
    const res = await admin.get('/api/stats/report.xlsx?from=2026-06-01&to=2026-06-30');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('一件事')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).getCell(1).value).toBe('一件事');
    const names: string[] = [];
    ws.eachRow((r) => names.push(String(r.getCell(1).value)));
    const row = ws.getRow(names.indexOf('公民婚育一件事') + 1);
    expect(row.getCell(3).value).toBe(1); // ended
    expect(row.getCell(6).value).toBe(100); // on-time share
    expect(names).toContain('合计');
  });
});
