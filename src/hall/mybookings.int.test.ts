/**
 * 我的预约: bookings belong to the signed-in citizen's account, are listed and cancelled
 * there (before the slot, per the hall's rules), and another citizen can neither see nor
 * cancel them. The booking page's default is the first slot still open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { rows } from '../core/db/index.js';

let t: TestApp;
let citizen1: Client, citizen2: Client, admin: Client;
let A: string, B: string;
const ID1 = '620524199005122336'; // citizen1 王立军
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
type Slot = { id: string; day: string; start: string; open: boolean; left: number };
type Mine = { id: string; code: string; day: string; start: string; status: string; categoryName: string; centerName: string; cancellable: boolean };
const slotsOf = async (categoryId: string, day?: string) =>
  (await t.anon.get(`/api/hall/slots?categoryId=${categoryId}${day ? `&day=${day}` : ''}`)).body as { firstOpen: { day: string; slotId: string } | null; slots: Slot[] };
const mine = async (c: Client) => ((await c.get('/api/hall/bookings')).body.bookings as Mine[]);

beforeAll(async () => {
  // Thu 2026-12-03 10:10 in Shanghai: the 09:00–10:00 slots have begun.
  t = await startTestApp({ now: '2026-12-03T02:10:00Z' });
  [citizen1, citizen2, admin] = await Promise.all(['citizen1', 'citizen2', 'admin'].map((u) => t.login(u)));
  const cats = (await t.anon.get('/api/hall/categories')).body.categories as { id: string }[];
  [A, B] = [cats[0].id, cats[1].id];
});
afterAll(async () => { await t?.close(); });

describe('the booking page default', () => {
  it('is the first slot still open, not one of today\'s past slots', async () => {
    const s = await slotsOf(A);
    const first = s.slots.find((x) => x.id === s.firstOpen!.slotId)!;
    expect(first).toMatchObject({ day: '2026-12-03', start: '10:30', open: true });
    expect(s.slots.filter((x) => x.day === '2026-12-03' && x.start < '10:30').every((x) => !x.open)).toBe(true);
  });
});

describe('我的预约', () => {
  let own: { id: string; code: string };
  it('prefills the form from the account; only for a citizen', async () => {
    expect((await citizen1.get('/api/hall/bookings/prefill')).body).toEqual({ name: '王立军', idNumber: ID1, phone: '13919385566' });
    expect((await t.anon.get('/api/hall/bookings/prefill')).status).toBe(401);
    expect((await admin.get('/api/hall/bookings/prefill')).status).toBe(403);
  });

  it('a booking made signed in belongs to the account and is listed with what the page shows', async () => {
    const slot = (await slotsOf(A, '2026-12-04')).slots[0];
    const res = await citizen1.post('/api/hall/bookings', { slotId: slot.id, name: '王立军', idNumber: ID1, phone: '13919385566' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    own = res.body;
    const [{ user_id }] = await rows<{ user_id: string }>(t.ctx.db, sql`select user_id from hall_bookings where id = ${own.id}`);
    expect(user_id).toBeTruthy();
    const list = await mine(citizen1);
    expect(list.find((b) => b.id === own.id)).toMatchObject({ day: '2026-12-04', start: '09:00', status: 'booked', cancellable: true, categoryName: expect.any(String), centerName: expect.any(String) });
  });

  it('data scope: another citizen neither sees nor cancels it; a booking another account made with my ID number stays theirs', async () => {
    expect((await mine(citizen2)).map((b) => b.id)).not.toContain(own.id);
    expect((await citizen2.post(`/api/hall/bookings/${own.id}/actions/cancel`, {})).status).toBe(404);
    expect((await citizen2.post(`/api/hall/bookings/${own.code}/actions/cancel`, { idNumber: '620524194203081026' })).status).toBe(404);
    // citizen2 books for citizen1 (e.g. a relative): the booking is citizen2's.
    const slot = (await slotsOf(B, '2026-12-04')).slots[0];
    const forOther = (await citizen2.post('/api/hall/bookings', { slotId: slot.id, name: '王立军', idNumber: ID1, phone: '13919385566' })).body;
    expect((await mine(citizen2)).map((b) => b.id)).toContain(forOther.id);
    expect((await mine(citizen1)).map((b) => b.id)).not.toContain(forOther.id);
    expect((await citizen1.post(`/api/hall/bookings/${forOther.id}/actions/cancel`, {})).status).toBe(404);
  });

  it('a booking made without an account with my ID number shows in my list and I may cancel it', async () => {
    const slot = (await slotsOf(A, '2026-12-07')).slots[0];
    const anon = (await t.anon.post('/api/hall/bookings', { slotId: slot.id, name: '王立军', idNumber: ID1, phone: '13919385566' })).body;
    expect((await mine(citizen1)).map((b) => b.id)).toContain(anon.id);
    expect((await citizen1.post(`/api/hall/bookings/${anon.id}/actions/cancel`, {})).body.status).toBe('cancelled');
  });

  it('the citizen cancels before the slot: place freed, audit written', async () => {
    const before = (await slotsOf(A, '2026-12-04')).slots[0];
    const res = await citizen1.post(`/api/hall/bookings/${own.id}/actions/cancel`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await slotsOf(A, '2026-12-04')).slots[0].left).toBe(before.left + 1);
    const audit = await rows<{ action: string }>(t.ctx.db, sql`select action from audit_events where entity_id = ${own.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['hall.booking.create', 'hall.booking.cancel']);
    expect((await mine(citizen1)).find((b) => b.id === own.id)).toMatchObject({ status: 'cancelled', cancellable: false });
    expect((await citizen1.post(`/api/hall/bookings/${own.id}/actions/cancel`, {})).body.error.code).toBe('wrong_state');
  });

  it('once the slot has begun the citizen cannot cancel (the hall\'s staff still can); the cut-off follows the hall\'s setting', async () => {
    const slot = (await slotsOf(B, '2026-12-03')).slots.find((s) => s.start === '11:00')!;
    const b = (await citizen1.post('/api/hall/bookings', { slotId: slot.id, name: '王立军', idNumber: ID1, phone: '13919385566' })).body;
    await setNow('2026-12-03T03:01:00Z'); // 11:01
    const late = await citizen1.post(`/api/hall/bookings/${b.id}/actions/cancel`, {});
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('cancel_closed');
    expect((await mine(citizen1)).find((x) => x.id === b.id)).toMatchObject({ status: 'booked', cancellable: false });
    expect((await admin.post(`/api/hall/bookings/${b.id}/actions/cancel`, {})).body.status).toBe('cancelled');
    // The hall asks for 60 minutes' notice: at 11:01 the 11:30 slot is closed to cancelling, the 13:30 one is not.
    const settings = (await admin.get('/api/hall/settings')).body;
    expect((await admin.put('/api/hall/settings', { ...settings, cancelBeforeMinutes: 60 })).status).toBe(200);
    const day = (await slotsOf(A, '2026-12-03')).slots;
    const noon = (await citizen1.post('/api/hall/bookings', { slotId: day.find((s) => s.start === '11:30')!.id, name: '王立军', idNumber: ID1, phone: '13919385566' })).body;
    expect((await citizen1.post(`/api/hall/bookings/${noon.id}/actions/cancel`, {})).body.error.code).toBe('cancel_closed');
    await admin.post(`/api/hall/bookings/${noon.id}/actions/cancel`, {});
    const later = (await citizen1.post('/api/hall/bookings', { slotId: day.find((s) => s.start === '13:30')!.id, name: '王立军', idNumber: ID1, phone: '13919385566' })).body;
    expect((await citizen1.post(`/api/hall/bookings/${later.id}/actions/cancel`, {})).body.status).toBe('cancelled');
  });
});
