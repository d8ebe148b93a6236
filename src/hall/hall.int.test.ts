import { onSseEvents } from '../../test/sse.js';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../core/identity/index.js';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { rows } from '../core/db/index.js';
import { hallBookings, hallCategories, hallEvents, hallTickets } from './schema.js';
import { createBooking } from './booking.js';
import { issueTicket } from './service.js';

let t: TestApp;
let admin: Client, window1: Client, window2: Client;
let centerId: string;
const win: Record<number, string> = {};

beforeAll(async () => {
  // Thu 2026-12-03 09:00 in Shanghai: a working day.
  t = await startTestApp({ now: '2026-12-03T01:00:00Z' });
  [admin, window1, window2] = await Promise.all(['admin', 'window1', 'window2'].map((u) => t.login(u)));
  const list = (await admin.get('/api/hall/windows')).body.windows as { id: string; number: number }[];
  for (const w of list) win[w.number] = w.id;
  centerId = (await admin.get('/api/hall/categories')).body.center.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const act = (c: Client, windowNumber: number, action: string, body: Record<string, unknown> = {}) => c.post(`/api/hall/windows/${win[windowNumber]}/actions/${action}`, body);
async function category(prefix: string, windows: number[], extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/hall/categories', { prefix, name: `测试类别${prefix}`, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // The test's windows serve only this category (the demo's A/B… tickets would otherwise come first by priority).
  for (const n of windows) expect((await admin.put(`/api/hall/windows/${win[n]}/categories`, { categoryIds: [res.body.id] })).status).toBe(200);
  return res.body.id as string;
}
const take = async (categoryId: string, extra: Record<string, unknown> = {}) => {
  const res = await t.anon.post('/api/hall/tickets', { categoryId, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

describe('categories', () => {
  it('the center configures them; bad input gets field errors; others may not', async () => {
    const id = await category('Z', []);
    expect((await admin.post('/api/hall/categories', { prefix: 'Z', name: '重复' })).body.error.code).toBe('prefix_taken');
    const bad = await admin.post('/api/hall/categories', { prefix: 'z1', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body.prefix', 'body.name']));
    expect((await window1.post('/api/hall/categories', { prefix: 'Y', name: '窗口不能建' })).status).toBe(403);
    const pub = await t.anon.get(`/api/hall/categories?centerId=${centerId}`);
    expect(pub.body.categories.map((c: { prefix: string }) => c.prefix)).toContain('Z');
    expect(pub.body.priorityGroups.length).toBeGreaterThan(0);
    expect(id).toMatch(/-/);
  });
});

describe('opening hours', () => {
  it('the kiosk and the mobile page refuse a ticket outside the sessions and say when the hall opens; staff may still issue one', async () => {
    const C = await category('N', []);
    await setNow('2026-12-03T09:45:00Z'); // Thu 17:45 in Shanghai: closed
    const r = await t.anon.post('/api/hall/tickets', { categoryId: C });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'hall_closed', details: { next: { day: '2026-12-04', start: '09:00' } } });
    expect(r.body.error.messageZh).toContain('2026年12月04日 09:00');
    expect((await t.anon.post('/api/hall/tickets', { categoryId: C, channel: 'mobile' })).body.error.code).toBe('hall_closed');
    const pub = (await t.anon.get(`/api/hall/categories?centerId=${centerId}`)).body;
    expect(pub.opening).toEqual({ open: false, next: { day: '2026-12-04', start: '09:00' } });
    expect((await window1.post('/api/hall/tickets', { categoryId: C, channel: 'staff' })).status).toBe(201);
    await setNow('2026-12-03T04:15:00Z'); // 12:15: the lunch break
    expect((await t.anon.post('/api/hall/tickets', { categoryId: C })).body.error).toMatchObject({ code: 'hall_closed', details: { next: { day: '2026-12-03', start: '13:30' } } });
    await setNow('2026-12-03T01:00:00Z'); // 09:00: open
    expect((await t.anon.get(`/api/hall/categories?centerId=${centerId}`)).body.opening.open).toBe(true);
    expect((await admin.put(`/api/hall/categories/${C}`, { prefix: 'N', name: '测试类别N', active: false })).status).toBeLessThan(300);
  });
});

describe('tickets and window actions', () => {
  let K: string;
  it('numbers tickets per category and day, with people ahead and an estimate', async () => {
    K = await category('K', [1, 2]);
    const a = await take(K);
    const b = await take(K, { idNumber: '620524199005122336' });
    expect([a.number, b.number]).toEqual(['K001', 'K002']);
    expect(a.ahead).toBe(0);
    expect(b.ahead).toBe(1);
    expect(b.estimatedWaitMinutes).toBeGreaterThan(0);
    const slip = await t.anon.get(`/api/hall/tickets/${b.id}/slip`);
    expect(slip.headers['content-type']).toMatch(/text\/html/);
    expect(slip.body).toContain('K002');
    expect(slip.body).toContain('您前面还有 <b>1</b> 人');
    expect((await t.anon.post('/api/hall/tickets', { categoryId: K, priorityGroup: 'vip' })).body.error.code).toBe('unknown_priority_group');
    expect((await t.anon.post('/api/hall/tickets', { categoryId: K, idNumber: '12345' })).body.error.details[0].field).toBe('body.idNumber');
    // The shared identity rules, not a digits pattern: a wrong check digit is refused and says so.
    const wrongCheck = await t.anon.post('/api/hall/tickets', { categoryId: K, idNumber: '620524199005122337' });
    expect(wrongCheck.status).toBe(422);
    expect(wrongCheck.body.error).toMatchObject({ code: 'invalid_identity', messageZh: '身份证号码校验位错误，请核对', details: [{ field: 'body.idNumber' }] });
    expect((await t.anon.post('/api/hall/tickets', { categoryId: K, idNumber: '620524199002302330' })).body.error.messageZh).toContain('出生日期不存在');
    // Other documents by their own rules.
    expect((await t.anon.post('/api/hall/tickets', { categoryId: K, idNumber: 'H1234', idType: 'hkMacauPermit' })).body.error.messageZh).toContain('港澳居民来往内地通行证号码');
    const list = (await window1.get('/api/hall/tickets?state=waiting')).body.tickets;
    expect(list.find((x: { number: string }) => x.number === 'K002').idNumber).toBe('6205**********2336');
  });

  it('calls priority first; recall counts calls; a no-show only after 3 calls; a late comer is recalled', async () => {
    const p = await take(K, { priorityGroup: 'elderly' });
    const first = await act(window1, 1, 'callNext');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.called.number).toBe(p.number);
    expect((await act(window1, 1, 'callNext')).body.error.code).toBe('window_busy');
    expect((await act(window1, 1, 'skip')).body.error.code).toBe('too_few_calls');
    await act(window1, 1, 'recall');
    expect((await act(window1, 1, 'recall')).body.current.calls).toBe(3);
    const skipped = await act(window1, 1, 'skip');
    expect(skipped.status).toBe(200);
    expect(skipped.body.current).toBeNull();
    const [row] = await t.ctx.db.select().from(hallTickets).where(eq(hallTickets.id, p.id));
    expect(row.state).toBe('noShow');
    const back = await act(window1, 1, 'recall', { ticketId: p.id });
    expect(back.body.current).toMatchObject({ number: p.number, state: 'called', calls: 1 });
    expect((await act(window1, 1, 'start')).body.current.state).toBe('serving');
    expect((await act(window1, 1, 'finish', { caseIds: ['00000000-0000-4000-8000-000000000000'] })).body.error.code).toBe('unknown_case');
    expect((await act(window1, 1, 'finish')).body.lastServed.number).toBe(p.number);
  });

  it('a transferred ticket keeps its place; a ticket sent to one window is called there only', async () => {
    const M = await category('M', [3]);
    const m1 = await take(M);
    await setNow('2026-12-03T01:20:00Z');
    const k4 = await take(K); // K004 (K003 was the priority ticket), taken after m1
    const c = await act(window1, 1, 'callNext');
    expect(c.body.called.number).toBe('K001');
    const moved = await act(window1, 1, 'transfer', { toCategoryId: M });
    expect(moved.status).toBe(200);
    // Window 3 serves M: K001, taken before M001, keeps its place and is called first.
    const w3 = await admin.post(`/api/hall/windows/${win[3]}/actions/callNext`, {});
    expect(w3.body.called.number).toBe('K001');
    expect(m1.number).toBe('M001');
    await admin.post(`/api/hall/windows/${win[3]}/actions/transfer`, { toWindowId: win[2] });
    const w2 = await act(window2, 2, 'callNext');
    expect(w2.body.called.number).toBe('K001');
    expect(k4.number).toBe('K004');
    expect((await act(window1, 2, 'recall')).status).toBe(403);
  });

  it('pause needs a reason and stops calling', async () => {
    expect((await act(window2, 2, 'pause', { reason: '临时离岗' })).body.error.code).toBe('window_busy');
    await act(window2, 2, 'start');
    await act(window2, 2, 'finish');
    expect((await act(window2, 2, 'pause', {})).body.error.details[0].field).toBe('body.reason');
    expect((await act(window2, 2, 'pause', { reason: '系统故障' })).body.paused).toBe(true);
    expect((await act(window2, 2, 'callNext')).body.error.code).toBe('window_paused');
    expect((await act(window2, 2, 'resume')).body.paused).toBe(false);
    expect((await act(window2, 2, 'bogus')).status).toBe(400);
  });
});

describe('no ticket is ever called by two windows', () => {
  it('10 windows call next at the same time, 50 times each: 500 tickets, each called once', async () => {
    const numbers = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14];
    const Q = await category('Q', numbers);
    const [cat] = await t.ctx.db.select().from(hallCategories).where(eq(hallCategories.id, Q));
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) {
        await issueTicket(t.ctx, tx, cat, { priority: i % 7 === 0 ? 1 : 0, priorityGroup: i % 7 === 0 ? 'disabled' : null, channel: 'kiosk', idNumber: null, bookingId: null, actor: { id: null, role: 'public' } });
      }
    });
    const calledBy = new Map<string, number[]>();
    await Promise.all(numbers.map(async (n) => {
      for (let round = 0; round < 50; round++) {
        const c = await admin.post(`/api/hall/windows/${win[n]}/actions/callNext`, {});
        expect(c.status, JSON.stringify(c.body)).toBe(200);
        expect(c.body.called).not.toBeNull();
        calledBy.set(c.body.called.id, [...(calledBy.get(c.body.called.id) ?? []), n]);
        if (round % 2) await admin.post(`/api/hall/windows/${win[n]}/actions/start`, {});
        expect((await admin.post(`/api/hall/windows/${win[n]}/actions/finish`, {})).status).toBe(200);
      }
    }));
    expect(calledBy.size).toBe(500);
    expect([...calledBy.values()].every((w) => w.length === 1)).toBe(true);
    const perTicket = await rows<{ n: number; tickets: number }>(t.ctx.db, sql`
      select max(n)::int as n, count(*)::int as tickets from (
        select e.data->>'ticketId' as id, count(*) as n from hall_events e where e.kind = 'call' and e.data->>'categoryId' = ${Q} group by 1) x`);
    expect(perTicket[0]).toEqual({ n: 1, tickets: 500 });
    const left = await t.ctx.db.select().from(hallTickets).where(sql`${hallTickets.categoryId} = ${Q} and ${hallTickets.state} <> 'done'`);
    expect(left).toHaveLength(0);
    // Priority tickets were all called before the last ordinary ones: the first 72 calls (by event id) include every priority ticket.
    const order = await rows<{ priority: number }>(t.ctx.db, sql`
      select h.priority from hall_events e join hall_tickets h on h.id = (e.data->>'ticketId')::uuid where e.kind = 'call' and h.category_id = ${Q} order by e.id`);
    const lastPriority = order.map((o) => o.priority).lastIndexOf(1);
    expect(lastPriority).toBeLessThan(72 + numbers.length);
    const stats = (await admin.get('/api/hall/stats')).body;
    expect(stats.byCategory.find((c: { key: string }) => c.key === 'Q')).toMatchObject({ tickets: 500, served: 500, called: 500 });
    expect(stats.total.withinTargetRate).not.toBeNull();
  }, 240_000);
});

describe('the board stream', () => {
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const a = t.app.server.address() as { port: number };
    base = `http://127.0.0.1:${a.port}`;
  });

  /** Opens the stream and collects events until `until` says stop (or 10 s). */
  function stream(headers: Record<string, string>, until: (events: { event: string; id?: string; data: any }[]) => boolean) {
    return new Promise<{ event: string; id?: string; data: any }[]>((resolve, reject) => {
      const events: { event: string; id?: string; data: any }[] = [];
      const req = http.get(`${base}/api/hall/stream?centerId=${centerId}`, { headers }, (res) => {
        onSseEvents(res, (ev) => {
          events.push(ev);
          if (until(events)) { req.destroy(); resolve(events); }
        });
      });
      req.on('error', (e) => { if (!(e as NodeJS.ErrnoException).code?.includes('ECONNRESET')) reject(e); });
      setTimeout(() => { req.destroy(); reject(new Error(`stream timed out with ${JSON.stringify(events)}`)); }, 10_000);
    });
  }

  it('a fresh board gets a snapshot, then live calls with the spoken text', async () => {
    const S = await category('S', [5]);
    const s1 = await take(S);
    const got = stream({}, (ev) => ev.some((e) => e.data.kind === 'call'));
    await new Promise((r) => setTimeout(r, 300)); // connection upkeep only: let the stream subscribe
    await admin.post(`/api/hall/windows/${win[5]}/actions/callNext`, {});
    const events = await got;
    expect(events[0].event).toBe('snapshot');
    const call = events.find((e) => e.data.kind === 'call')!;
    expect(call.data).toMatchObject({ number: s1.number, windowNumber: 5, text: `请${s1.number}号到5号窗口办理` });
    expect(Number(call.id)).toBeGreaterThan(Number(events[0].id));
  });

  it('a board reconnecting with Last-Event-ID gets the calls it missed, in order, and nothing twice', async () => {
    const [{ id: last }] = await t.ctx.db.select({ id: sql<number>`max(${hallEvents.id})` }).from(hallEvents).where(eq(hallEvents.centerId, centerId));
    await admin.post(`/api/hall/windows/${win[5]}/actions/recall`, {});
    await admin.post(`/api/hall/windows/${win[5]}/actions/recall`, {});
    const events = await stream({ 'last-event-id': String(last) }, (ev) => ev.filter((e) => e.data.kind === 'recall').length >= 2);
    expect(events.every((e) => e.event === 'hall')).toBe(true);
    const ids = events.map((e) => Number(e.id));
    expect(ids[0]).toBe(Number(last) + 1);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(events.filter((e) => e.data.kind === 'recall').map((e) => e.data.calls)).toEqual([2, 3]);
  });
});

describe('appointments', () => {
  let B: string;
  const idn = (i: number) => { const first = `62052419900101${String(i).padStart(3, '0')}`; return first + residentIdCheck(first); };
  beforeAll(async () => { B = await category('P', [6], { slotCapacity: 20 }); });

  it('slots follow the calendar: a Sunday is closed unless set as a weekend service day', async () => {
    const sat = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-06`)).body;
    expect(sat.slots).toHaveLength(0);
    expect((await admin.put('/api/hall/service-days/2026-12-06', { kind: 'extended', sessions: [{ start: '09:00', end: '11:00' }] })).body.error.code).toBe('not_working_day');
    expect((await admin.put('/api/hall/service-days/2026-12-06', { kind: 'weekend', sessions: [{ start: '09:00', end: '11:00' }], note: '周末服务' })).status).toBe(200);
    const open = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-06`)).body;
    expect(open.slots.map((s: { start: string }) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect((await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-11`)).body.error.code).toBe('outside_horizon');
  });

  it('200 concurrent bookings for 20 places: exactly 20', async () => {
    const slot = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-04`)).body.slots[0];
    expect(slot.capacity).toBe(20);
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => createBooking(t.ctx, null, { slotId: slot.id, name: `预约人${i}`, idNumber: idn(i), phone: '13900000000' })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(20);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'slot_full')).toBe(true);
    const [{ n }] = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from hall_bookings where slot_id = ${slot.id} and status = 'booked'`);
    expect(n).toBe(20);
    expect((await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-04`)).body.slots[0]).toMatchObject({ booked: 20, left: 0, open: false });
  }, 120_000);

  it('one booking per person, category and day; cancel frees the place', async () => {
    const slots = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-07`)).body.slots;
    const body = { slotId: slots[0].id, name: '王立军', idNumber: '620524199005122336', phone: '13919385566' };
    const b = await t.anon.post('/api/hall/bookings', body);
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect((await t.anon.post('/api/hall/bookings', { ...body, slotId: slots[1].id })).body.error.code).toBe('already_booked');
    expect((await t.anon.post(`/api/hall/bookings/${b.body.code}/actions/cancel`, { idNumber: '620524199005122337' })).status).toBe(404);
    expect((await t.anon.post(`/api/hall/bookings/${b.body.code}/actions/cancel`, { idNumber: body.idNumber })).body.status).toBe('cancelled');
    expect((await t.anon.post('/api/hall/bookings', { ...body, slotId: slots[1].id })).status).toBe(201);
    expect((await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-07`)).body.slots[0].booked).toBe(0);
  });

  it('check-in only within the window of the slot; then a priority ticket', async () => {
    const slots = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-03`)).body.slots;
    const ten = slots.find((s: { start: string }) => s.start === '10:00');
    const b = (await t.anon.post('/api/hall/bookings', { slotId: ten.id, name: '李娜', idNumber: '620524199310270220', phone: '18793842217' })).body;
    const checkIn = () => t.anon.post(`/api/hall/bookings/${b.id}/actions/checkIn`, { idNumber: '620524199310270220' });
    await setNow('2026-12-03T01:29:00Z'); // 09:29
    expect((await checkIn()).body.error).toMatchObject({ code: 'outside_check_in', details: { verdict: 'tooEarly' } });
    await setNow('2026-12-03T02:16:00Z'); // 10:16
    expect((await checkIn()).body.error).toMatchObject({ code: 'outside_check_in', details: { verdict: 'tooLate' } });
    await setNow('2026-12-03T01:45:00Z'); // 09:45
    const ticket = await checkIn();
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
    expect(ticket.body).toMatchObject({ number: 'P001', priority: 2, state: 'waiting' });
    expect((await checkIn()).body.error.code).toBe('wrong_state');
  });

  it('a missed booking becomes a no-show; 3 in 30 days block booking', async () => {
    const who = '620524194203081026';
    for (const day of ['2026-12-03', '2026-12-04', '2026-12-07']) {
      const slots = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=${day}`)).body.slots.filter((s: { open: boolean }) => s.open);
      expect((await t.anon.post('/api/hall/bookings', { slotId: slots.at(-1).id, name: '张桂兰', idNumber: who, phone: '13993861208' })).status).toBe(201);
    }
    await setNow('2026-12-07T12:00:00Z'); // Mon 20:00: all three slots are past
    await t.anon.post('/api/test/sweep');
    const missed = await t.ctx.db.select().from(hallBookings).where(sql`${hallBookings.idNumber} = ${who} and ${hallBookings.status} = 'noShow'`);
    expect(missed).toHaveLength(3);
    const slot = (await t.anon.get(`/api/hall/slots?categoryId=${B}&day=2026-12-08`)).body.slots[0];
    const refused = await t.anon.post('/api/hall/bookings', { slotId: slot.id, name: '张桂兰', idNumber: who, phone: '13993861208' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'booking_blocked', details: { until: '2027-01-07' } });
    const stats = (await admin.get('/api/hall/stats?from=2026-12-01&to=2026-12-31')).body;
    expect(stats.bookings.noShows).toBeGreaterThanOrEqual(3);
    expect(stats.bookings.kept).toBe(1);
  });
});

describe('the hall in the supervision board and the statistics report', () => {
  it('the board shows the center’s queue today; the report’s Excel has the hall sheet with the same totals', async () => {
    const super1 = await t.login('super1');
    // After hours (Mon 20:00): the staff issue it; the kiosk would refuse.
    expect((await window1.post('/api/hall/tickets', { categoryId: await category('X', []), channel: 'staff' })).status).toBe(201);
    const waiting = (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from hall_tickets where center_id = ${centerId} and day = ${t.ctx.today()} and state = 'waiting'`))[0].n;
    const board = (await super1.get('/api/supervision/board')).body;
    expect(board.hall.waitingNow).toBe(waiting);
    const stats = (await admin.get(`/api/hall/stats?from=${t.ctx.today()}&to=${t.ctx.today()}`)).body;
    expect(board.hall).toMatchObject({ tickets: stats.total.tickets, served: stats.total.served, noShows: stats.total.noShows });
    expect(stats.total.tickets).toBeGreaterThan(0);
    const res = await admin.get(`/api/stats/report.xlsx?from=${t.ctx.today()}&to=${t.ctx.today()}`);
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.getWorksheet('大厅排队')!;
    expect(ws.getRow(2).getCell(1).value).toContain('合计');
    expect(ws.getRow(2).getCell(2).value).toBe(stats.total.tickets);
  });
});
