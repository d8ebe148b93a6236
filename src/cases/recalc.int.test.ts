import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { must, TEMP_RELIEF, walkIn } from '../../test/cases.js';
import { recalcBatch } from './recalc.js';

let t: TestApp;
let admin: Client, window1: Client, coord: Client;
let centerId: string;

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const one = async <T>(q: ReturnType<typeof sql>) => ((await t.ctx.db.execute(q)) as unknown as { rows: T[] }).rows;
const stored = async (id: string) => (await one<{ promised_due: string; statutory_due: string; yellow_on: string; version: number; queued: string | null }>(sql`
  select promised_due::text, statutory_due::text, yellow_on::text, version, (select next_change_on::text from case_light_queue q where q.case_id = c.id) as queued
    from cases c where id = ${id}`))[0]!;

/** A 临时救助 case (promised 5 working days, statutory 20) filed and accepted at the window today. */
async function acceptedCase(name = '赵大山') {
  const created = await window1.post('/api/cases', walkIn(TEMP_RELIEF, name));
  expect(created.status).toBe(201);
  const view = (await window1.get(`/api/cases/${created.body.id}`)).body;
  const required = view.materials.filter((m: { required: string; source: string }) => m.required === 'required' && m.source !== 'sharing').map((m: { materialId: string }) => m.materialId);
  return must(window1, created.body.id, 'accept', { provided: required });
}

async function worklistDue(id: string) {
  const list = await coord.get('/api/cases?limit=100');
  return list.body.items.find((i: { id: string }) => i.id === id)?.promisedDue;
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-01T02:00:00Z' });
  [admin, window1, coord] = await Promise.all(['admin', 'window1', 'coord1'].map((u) => t.login(u)));
  centerId = (await admin.get('/api/auth/me')).body.user.centerId;
});
afterAll(async () => { await t?.close(); });

describe('a calendar change moves every open deadline it touches', () => {
  let early: { id: string }, late: { id: string };

  it('files a case due in December and one due in 2027, which is not published yet', async () => {
    early = await acceptedCase('钱一'); // accepted Tue 2026-12-01: due 12-08, statutory 12-29
    await setNow('2026-12-28T02:00:00Z'); // Monday
    late = await acceptedCase('孙二');
    const view = (await window1.get(`/api/cases/${late.id}`)).body;
    // 5 working days after Mon 12-28, 2027 unknown: a Mon–Fri guess, flagged.
    expect(view.clock).toMatchObject({ acceptedOn: '2026-12-28', promisedDue: '2027-01-04', fallback: true });
    expect(await worklistDue(late.id)).toBe('2027-01-04');
  });

  it('warns from 1 October while next year is unpublished, listing exactly the cases due in it', async () => {
    const w = (await admin.get('/api/calendar/warning')).body;
    expect(w).toMatchObject({ nextYear: 2027, nextYearPublished: false, warn: true });
    expect(w.fallbackCases.map((c: { id: string }) => c.id)).toEqual([late.id]);
  });

  it('one loaded date does not make 2027 known', async () => {
    const draft = await admin.put('/api/calendar/national/2027/draft', { rows: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }], noticeRef: '国办发明电〔2026〕X号' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ year: 2027, status: 'draft' });
    expect((await t.anon.get('/api/calendar/year/2027')).body.known).toBe(false);
    expect((await stored(late.id)).promised_due).toBe('2027-01-04'); // a draft moves nothing
  });

  it('checks the arrangement as a whole before anything is stored', async () => {
    const bad = await admin.put('/api/calendar/national/2027/draft', { rows: [{ date: '2027-01-01', kind: 'holiday', note: '' }, { date: '2027-01-01', kind: 'holiday', note: '' }, { date: '2027-01-06', kind: 'adjustedWorkday', note: '' }, { date: '2028-01-01', kind: 'holiday', note: '' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { row: number }) => d.row)).toEqual([2, 3, 4]);
    expect((await admin.put('/api/calendar/national/2026/draft', { rows: [] })).status).toBe(409); // the package has 2026
    expect((await window1.put('/api/calendar/national/2027/draft', { rows: [] })).status).toBe(403);
  });

  it('publishing the year moves the stored due date, the worklist and the light queue, with event, audit and notice', async () => {
    await admin.put('/api/calendar/national/2027/draft', { rows: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }], noticeRef: '国办发明电〔2026〕X号' });
    const before = await stored(late.id);
    const earlyBefore = await stored(early.id);
    const pub = await admin.post('/api/calendar/national/2027/publish');
    expect(pub.status).toBe(200);
    expect((await t.anon.get('/api/calendar/year/2027')).body.known).toBe(true);
    const after = await stored(late.id);
    expect(after.promised_due).toBe('2027-01-05');
    expect(after.version).toBe(before.version + 1);
    expect(after.queued).not.toBe(before.queued); // the yellow day moved with it
    expect(await worklistDue(late.id)).toBe('2027-01-05');
    const view = (await window1.get(`/api/cases/${late.id}`)).body;
    expect(view.clock).toMatchObject({ promisedDue: '2027-01-05', fallback: false });
    const moved = view.events.find((e: { action: string }) => e.action === 'calendarMoved');
    expect(moved.data.moved.promisedDue).toEqual({ from: '2027-01-04', to: '2027-01-05' });
    expect(moved.label).toContain('工作日历调整');
    const [sms] = await one<{ n: number }>(sql`select count(*)::int as n from outbox where template = 'case.dueMoved' and payload->>'caseId' = ${late.id} and payload->>'to' = '2027-01-05'`);
    expect(sms!.n).toBe(1);
    const [audit] = await one<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'case.calendarMoved' and entity_id = ${late.id}`);
    expect(audit!.n).toBe(1);
    // The December case's window (12-01 … 12-29) does not reach 2027: untouched.
    expect(await stored(early.id)).toEqual(earlyBefore);
    const w = (await admin.get('/api/calendar/warning')).body;
    expect(w).toMatchObject({ nextYearPublished: true, warn: false, fallbackCases: [] });
  });

  it('a local closure outside every window touches nothing; one inside moves the date', async () => {
    const before = await stored(late.id);
    expect((await admin.post('/api/calendar/overrides', { date: '2027-03-01', kind: 'localClosure', note: '台风停止办公' })).status).toBe(200);
    const [far] = await one<{ examined: number; moved: number; done: boolean }>(sql`select examined, moved, done_at is not null as done from calendar_changes order by id desc limit 1`);
    expect(far).toEqual({ examined: 0, moved: 0, done: true });
    expect(await stored(late.id)).toEqual(before);
    expect((await admin.post('/api/calendar/overrides', { date: '2027-01-04', kind: 'localClosure', note: '台风停止办公' })).status).toBe(200);
    expect((await stored(late.id)).promised_due).toBe('2027-01-06');
    expect((await admin.del('/api/calendar/overrides/2027-01-04')).status).toBe(200);
    expect((await stored(late.id)).promised_due).toBe('2027-01-05');
  });

  it('works off a change in batches and resumes from its cursor', async () => {
    const second = await acceptedCase('李三');
    const ids = [late.id, second.id];
    const versions = await Promise.all(ids.map(async (id) => (await stored(id)).version));
    // A closure recorded but not yet worked off (as if the process stopped right after the commit).
    await t.ctx.db.execute(sql`insert into calendar_overrides (scope, date, kind, note, created_at) values (${centerId}, '2027-01-04', 'localClosure', '', now())`);
    await t.ctx.db.execute(sql`insert into calendar_changes (scope, from_date, to_date, reason, created_at) values (${centerId}, '2027-01-04', '2027-01-04', 'test', now())`);
    await t.ctx.db.transaction((tx) => recalcBatch(t.ctx, tx, 1));
    const [half] = await one<{ examined: number; cursor: string | null; done: boolean }>(sql`select examined, cursor, done_at is not null as done from calendar_changes order by id desc limit 1`);
    expect(half).toMatchObject({ examined: 1, done: false });
    expect(half!.cursor).toMatch(/^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    for (let i = 0; i < 5; i++) await t.ctx.db.transaction((tx) => recalcBatch(t.ctx, tx, 1));
    const [done] = await one<{ moved: number; done: boolean }>(sql`select moved, done_at is not null as done from calendar_changes order by id desc limit 1`);
    expect(done).toMatchObject({ moved: 2, done: true });
    const after = await Promise.all(ids.map((id) => stored(id)));
    expect(after.map((a) => a.promised_due)).toEqual(['2027-01-06', '2027-01-06']);
    expect(after.map((a) => a.version)).toEqual(versions.map((v) => v + 1)); // each moved once
  });
});
