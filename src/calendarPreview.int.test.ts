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
});
