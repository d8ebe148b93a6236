import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../test/harness.js';
import { must, TEMP_RELIEF, walkIn } from '../test/cases.js';

/**
 * The calendar preview (four eyes, issue 21) against what the change then really does: every
 * case it says will move moves, and the SMS it counts are the SMS queued — for a local closure
 * and for a national row, which moves every center's cases on each center's own calendar.
 */
let t: TestApp;
let admin: Client, townAdmin: Client;
const ids: Record<string, string> = {};

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const one = async <T>(q: ReturnType<typeof sql>) => ((await t.ctx.db.execute(q)) as unknown as { rows: T[] }).rows;

async function acceptedCase(window: Client, name: string) {
  const created = await window.post('/api/cases', walkIn(TEMP_RELIEF, name));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const view = (await window.get(`/api/cases/${created.body.id}`)).body;
  const required = view.materials.filter((m: { required: string; source: string }) => m.required === 'required' && m.source !== 'sharing').map((m: { materialId: string }) => m.materialId);
  return (await must(window, created.body.id, 'accept', { provided: required })).id as string;
}

const moves = async () => (await one<{ n: number }>(sql`select count(*)::int as n from case_events where action = 'calendarMoved'`))[0]!.n;
const smsQueued = async () => (await one<{ n: number }>(sql`select count(*)::int as n from outbox where template = 'case.dueMoved'`))[0]!.n;
const centerOf = async (id: string) => (await one<{ center_id: string }>(sql`select center_id from cases where id = ${id}`))[0]!.center_id;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-01T02:00:00Z' }); // Tuesday
  [admin, townAdmin] = await Promise.all([t.login('admin'), t.login('town_admin')]);
  ids.county = await acceptedCase(await t.login('window1'), '钱一'); // promised 5 working days: 12-08
  // Town and county case numbers share a daily sequence prefix: the town case is filed the next day.
  await setNow('2026-12-02T02:00:00Z');
  ids.town = await acceptedCase(await t.login('town_window1'), '孙二');
  expect(await centerOf(ids.town)).not.toBe(await centerOf(ids.county));
});
afterAll(async () => { await t?.close(); });

describe('calendar change preview matches what the change does', () => {
  it('a local closure: only the center’s own cases, and exactly the moves and SMS that follow', async () => {
    const p = (await townAdmin.post('/api/calendar/overrides/preview', { date: '2026-12-04', kind: 'localClosure' })).body;
    expect(p).toMatchObject({ national: false, total: 1, elsewhere: 0, sms: 1 });
    expect(p.cases.map((c: { id: string }) => c.id)).toEqual([ids.town]);
    const [m0, s0] = [await moves(), await smsQueued()];
    expect((await townAdmin.post('/api/calendar/overrides', { date: '2026-12-04', kind: 'localClosure', note: '停电' })).status).toBe(200);
    expect(await moves()).toBe(m0 + p.total);
    expect(await smsQueued()).toBe(s0 + p.sms);
  });

  it('a national row: every center’s cases counted; those outside the admin’s centers counted, not listed', async () => {
    const fromTown = (await townAdmin.post('/api/calendar/overrides/preview', { date: '2026-12-03', kind: 'holiday', national: true })).body;
    expect(fromTown).toMatchObject({ national: true, total: 2, elsewhere: 1, sms: 2 });
    expect(fromTown.cases.map((c: { id: string }) => c.id)).toEqual([ids.town]);
    const fromCounty = (await admin.post('/api/calendar/overrides/preview', { date: '2026-12-03', kind: 'holiday', national: true })).body;
    expect(fromCounty.total).toBe(2);
    // The county admin's centers include the town below it.
    expect(fromCounty.cases.map((c: { id: string }) => c.id).sort()).toEqual([ids.county, ids.town].sort());
    expect(fromCounty.elsewhere).toBe(0);

    const [m0, s0] = [await moves(), await smsQueued()];
    expect((await admin.post('/api/calendar/overrides', { date: '2026-12-03', kind: 'holiday', national: true, note: '测试' })).status).toBe(200);
    expect(await moves()).toBe(m0 + fromCounty.total);
    expect(await smsQueued()).toBe(s0 + fromCounty.sms);
  });

  it('publishing a national year: the preview lists, per center, exactly the cases, dates and SMS the publication moves', async () => {
    // Cases due early in 2027, which is not published yet (their dates are a Mon–Fri guess).
    await setNow('2026-12-28T02:00:00Z');
    ids.county27 = await acceptedCase(await t.login('window1'), '周三'); // promised 2027-01-04 (guess)
    await setNow('2026-12-29T02:00:00Z');
    ids.town27 = await acceptedCase(await t.login('town_window1'), '吴四'); // promised 2027-01-05 (guess)
    const rows = [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }, { date: '2027-02-06', kind: 'holiday', note: '春节' }];
    expect((await admin.put('/api/calendar/national/2027/draft', { rows, noticeRef: '国办发明电〔2026〕X号' })).status).toBe(200);

    const fromTown = (await townAdmin.post('/api/calendar/national/2027/preview')).body;
    const p = (await admin.post('/api/calendar/national/2027/preview')).body;
    expect(p).toMatchObject({ year: 2027, national: true, elsewhere: 0 });
    const listed = p.cases.map((c: { id: string }) => c.id);
    expect(listed).toEqual(expect.arrayContaining([ids.county27, ids.town27]));
    expect(p.cases.find((c: { id: string }) => c.id === ids.town27).moved.promisedDue).toEqual({ from: '2027-01-05', to: '2027-01-06' });
    // Per center: the county's and the town's, adding up to the total.
    const countyId = await centerOf(ids.county27);
    const townId = await centerOf(ids.town27);
    expect(p.perCenter.map((c: { centerId: string }) => c.centerId).sort()).toEqual([countyId, townId].sort());
    expect(p.perCenter.reduce((n: number, c: { cases: number }) => n + c.cases, 0)).toBe(p.total);
    expect(p.perCenter.reduce((n: number, c: { sms: number }) => n + c.sms, 0)).toBe(p.sms);
    expect(p.perCenter.every((c: { name: string }) => c.name.length > 0)).toBe(true);
    // The town admin sees the same totals; the county's cases counted, not listed.
    expect(fromTown).toMatchObject({ total: p.total, sms: p.sms });
    expect(fromTown.cases.map((c: { id: string }) => c.id)).not.toContain(ids.county27);
    expect(fromTown.elsewhere).toBe(p.perCenter.find((c: { centerId: string }) => c.centerId === countyId).cases);
    // Read-only: nothing moved yet.
    expect((await townAdmin.post('/api/calendar/national/2027/preview')).body.total).toBe(p.total);

    const [m0, s0] = [await moves(), await smsQueued()];
    const pub = await admin.post('/api/calendar/national/2027/publish');
    expect(pub.status).toBe(200);
    expect(await moves()).toBe(m0 + p.total);
    expect(await smsQueued()).toBe(s0 + p.sms);
    // The very cases and dates the preview showed.
    const events = await one<{ case_id: string; data: { moved: unknown } }>(sql`select case_id, data from case_events where action = 'calendarMoved' order by id desc limit ${p.total}`);
    expect(events.map((e) => e.case_id).sort()).toEqual([...listed].sort());
    // (The recalculation also records the yellow-light day, which the preview does not show.)
    const shown = (m: unknown) => Object.fromEntries(Object.entries(m as Record<string, unknown>).filter(([k]) => k !== 'yellowOn'));
    for (const c of p.cases) expect(shown(events.find((e) => e.case_id === c.id)!.data.moved)).toEqual(c.moved);
    // Published again unchanged: nothing to move, and the preview says so.
    expect((await admin.put('/api/calendar/national/2027/draft', { rows, noticeRef: '国办发明电〔2026〕X号' })).status).toBe(200);
    expect((await admin.post('/api/calendar/national/2027/preview')).body).toMatchObject({ total: 0, sms: 0, changedDates: [] });
  });

  it('a year preview is the center admin’s and needs a draft', async () => {
    expect((await (await t.login('window1')).post('/api/calendar/national/2028/preview')).status).toBe(403);
    expect((await admin.post('/api/calendar/national/2028/preview')).status).toBe(409);
    expect((await admin.post('/api/calendar/national/2026/preview')).status).toBe(409); // in the package
    expect((await admin.post('/api/calendar/national/abc/preview')).status).toBe(400);
  });
});
