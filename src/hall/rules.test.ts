import { describe, expect, it } from 'vitest';
import { aheadOf, opening, openSessions, bookingBlockedUntil, callingOrder, cancelOpen, firstBookable, callText, checkInVerdict, daySlots, estimateWaitMinutes, instantKey, noShowAfter, slotOpenForBooking, ticketNumber, validSessions, withinHorizon, type QueuedTicket } from './rules.js';
import { DEFAULT_HALL_SETTINGS as S } from './types.js';

const t = (id: string, categoryId: string, minute: number, priority = 0, targetWindowId: string | null = null, seq = minute): QueuedTicket => ({
  id, categoryId, priority, queuedAt: new Date(Date.UTC(2026, 11, 3, 1, minute)).toISOString(), seq, targetWindowId,
});

describe('callingOrder', () => {
  const w = { windowId: 'w1', categoryIds: ['A', 'B'] };
  it('calls priority first, then the window’s preferred category, then time', () => {
    const list = [t('a2', 'A', 5), t('b1', 'B', 1), t('a1', 'A', 3), t('bp', 'B', 9, 1), t('bk', 'A', 20, 2)];
    expect(callingOrder(list, w).map((x) => x.id)).toEqual(['bk', 'bp', 'a1', 'a2', 'b1']);
  });
  it('never offers a category the window does not serve, nor a ticket transferred to another window', () => {
    const list = [t('c1', 'C', 0), t('x', 'A', 0, 0, 'w2'), t('a1', 'A', 4)];
    expect(callingOrder(list, w).map((x) => x.id)).toEqual(['a1']);
  });
  it('a ticket transferred to this window comes first among equals, even from a category it does not serve', () => {
    const list = [t('a1', 'A', 1), t('mine', 'C', 8, 0, 'w1')];
    expect(callingOrder(list, w).map((x) => x.id)).toEqual(['mine', 'a1']);
  });
  it('a transferred or recalled ticket keeps its place: its original time decides', () => {
    // b-old was taken at 08:01 and transferred to B at 09:30; it still goes before b-new taken at 09:00.
    const list = [t('b-new', 'B', 60), t('b-old', 'B', 1)];
    expect(callingOrder(list, { windowId: 'w9', categoryIds: ['B'] }).map((x) => x.id)).toEqual(['b-old', 'b-new']);
  });
  it('equal times fall back to the ticket number', () => {
    const list = [t('n3', 'A', 0, 0, null, 3), t('n2', 'A', 0, 0, null, 2)];
    expect(callingOrder(list, w).map((x) => x.id)).toEqual(['n2', 'n3']);
  });
  it('a window without categories calls only tickets transferred to it', () => {
    expect(callingOrder([t('a', 'A', 0)], { windowId: 'w1', categoryIds: [] })).toEqual([]);
  });
});

describe('aheadOf', () => {
  it('counts higher priority and earlier tickets', () => {
    const me = t('me', 'A', 10);
    expect(aheadOf(me, [me, t('e', 'A', 5), t('l', 'A', 15), t('p', 'A', 20, 1)])).toBe(2);
  });
});

describe('numbers, estimate, text', () => {
  it('numbers A001…A999 then A1000', () => {
    expect(ticketNumber('A', 1)).toBe('A001');
    expect(ticketNumber('A', 12)).toBe('A012');
    expect(ticketNumber('BC', 1000)).toBe('BC1000');
  });
  it('estimates from the day’s average or the default, over open windows', () => {
    expect(estimateWaitMinutes(5, null, 1, S)).toBe(40);
    expect(estimateWaitMinutes(5, 6, 2, S)).toBe(15);
    expect(estimateWaitMinutes(3, 10, 0, S)).toBe(30);
    expect(estimateWaitMinutes(0, 10, 2, S)).toBe(0);
  });
  it('says the call as the hall broadcast does', () => {
    expect(callText('A012', 3)).toBe('请A012号到3号窗口办理');
  });
  it('reads both drivers’ timestamp shapes as the same instant', () => {
    expect(instantKey('2026-12-03 01:02:03.456+00')).toBe('2026-12-03T01:02:03.456Z');
    expect(instantKey('2026-12-03T01:02:03.456Z')).toBe('2026-12-03T01:02:03.456Z');
  });
});

describe('slots', () => {
  const s = { sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }], slotMinutes: 30 };
  it('a working day has the office sessions in slots', () => {
    const slots = daySlots(true, null, s);
    expect(slots).toHaveLength(14);
    expect(slots[0]).toEqual({ start: '09:00', end: '09:30', extended: false });
    expect(slots[6]).toEqual({ start: '13:30', end: '14:00', extended: false });
    expect(slots.at(-1)!.end).toBe('17:30');
  });
  it('a rest day or holiday is closed unless set as a service day', () => {
    expect(daySlots(false, null, s)).toEqual([]);
    const weekend = daySlots(false, { kind: 'weekend', sessions: [{ start: '09:00', end: '11:00' }] }, s);
    expect(weekend.map((x) => x.start)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    expect(weekend.every((x) => x.extended)).toBe(true);
  });
  it('extended hours add slots to a working day, in time order', () => {
    const slots = daySlots(true, { kind: 'extended', sessions: [{ start: '12:00', end: '13:30' }, { start: '17:30', end: '19:00' }] }, s);
    expect(slots).toHaveLength(20);
    expect(slots.slice(5, 10).map((x) => `${x.start}${x.extended ? '*' : ''}`)).toEqual(['11:30', '12:00*', '12:30*', '13:00*', '13:30']);
  });
  it('drops a tail shorter than a slot', () => {
    expect(daySlots(true, null, { sessions: [{ start: '09:00', end: '09:50' }], slotMinutes: 30 })).toHaveLength(1);
  });
  it('validates sessions', () => {
    expect(validSessions(s.sessions)).toBe(true);
    expect(validSessions([{ start: '09:00', end: '08:00' }])).toBe(false);
    expect(validSessions([{ start: '09:00', end: '11:00' }, { start: '10:30', end: '12:00' }])).toBe(false);
    expect(validSessions([{ start: '24:00', end: '25:00' }])).toBe(false);
  });
  it('the horizon counts today as day 0 and crosses month and year ends', () => {
    expect(withinHorizon('2026-12-31', '2026-12-31', 7)).toBe(true);
    expect(withinHorizon('2027-01-07', '2026-12-31', 7)).toBe(true);
    expect(withinHorizon('2027-01-08', '2026-12-31', 7)).toBe(false);
    expect(withinHorizon('2026-12-30', '2026-12-31', 7)).toBe(false);
  });
  it('a slot that has begun is not bookable', () => {
    expect(slotOpenForBooking('2026-12-03', '10:00', '2026-12-03', '09:59')).toBe(true);
    expect(slotOpenForBooking('2026-12-03', '10:00', '2026-12-03', '10:00')).toBe(false);
    expect(slotOpenForBooking('2026-12-04', '09:00', '2026-12-03', '16:00')).toBe(true);
  });
});

describe('check-in window and no-shows', () => {
  const slot = { day: '2026-12-03', start: '10:00' };
  it('accepts from 30 min before to 15 min after the start', () => {
    expect(checkInVerdict(slot, '2026-12-03', '09:29', S)).toBe('tooEarly');
    expect(checkInVerdict(slot, '2026-12-03', '09:30', S)).toBe('ok');
    expect(checkInVerdict(slot, '2026-12-03', '10:15', S)).toBe('ok');
    expect(checkInVerdict(slot, '2026-12-03', '10:16', S)).toBe('tooLate');
    expect(checkInVerdict(slot, '2026-12-02', '10:00', S)).toBe('tooEarly');
    expect(checkInVerdict(slot, '2026-12-04', '10:00', S)).toBe('otherDay');
  });
  it('a booking becomes a no-show after its check-in window', () => {
    expect(noShowAfter('10:00', S)).toBe('10:15');
    expect(noShowAfter('23:50', S)).toBe('23:59');
  });
  it('3 no-shows within 30 days block booking for 30 days after the third', () => {
    const days = ['2026-11-01', '2026-11-10', '2026-11-20'];
    expect(bookingBlockedUntil(days.slice(0, 2), '2026-11-21', S)).toBeNull();
    expect(bookingBlockedUntil(days, '2026-11-20', S)).toBe('2026-12-21');
    expect(bookingBlockedUntil(days, '2026-12-20', S)).toBe('2026-12-21');
    expect(bookingBlockedUntil(days, '2026-12-21', S)).toBeNull();
  });
  it('3 no-shows spread over more than 30 days do not block', () => {
    expect(bookingBlockedUntil(['2026-10-01', '2026-10-20', '2026-11-01'], '2026-11-02', S)).toBeNull();
  });
  it('a later run of 3 extends the block; the order of the input does not matter', () => {
    const days = ['2026-12-15', '2026-11-01', '2026-11-20', '2026-12-01', '2026-11-10'];
    expect(bookingBlockedUntil(days, '2026-12-22', S)).toBe('2027-01-15');
  });
});

describe('cancelling and the first bookable slot', () => {
  it('a citizen may cancel until the hall\'s cut-off before the slot starts', () => {
    const s = { cancelBeforeMinutes: 0 };
    expect(cancelOpen({ day: '2026-12-04', start: '09:00' }, '2026-12-03', '23:00', s)).toBe(true);
    expect(cancelOpen({ day: '2026-12-03', start: '10:00' }, '2026-12-03', '09:59', s)).toBe(true);
    expect(cancelOpen({ day: '2026-12-03', start: '10:00' }, '2026-12-03', '10:00', s)).toBe(false);
    expect(cancelOpen({ day: '2026-12-02', start: '16:00' }, '2026-12-03', '08:00', s)).toBe(false);
    expect(cancelOpen({ day: '2026-12-03', start: '10:00' }, '2026-12-03', '09:00', { cancelBeforeMinutes: 60 })).toBe(false);
    expect(cancelOpen({ day: '2026-12-03', start: '10:00' }, '2026-12-03', '08:59', { cancelBeforeMinutes: 60 })).toBe(true);
  });
  it('the first bookable slot is the earliest open one, whatever the order given', () => {
    const slots = [
      { day: '2026-12-04', start: '09:00', open: true }, { day: '2026-12-03', start: '09:00', open: false },
      { day: '2026-12-03', start: '16:30', open: true }, { day: '2026-12-03', start: '10:30', open: true },
    ];
    expect(firstBookable(slots)).toEqual({ day: '2026-12-03', start: '10:30', open: true });
    expect(firstBookable(slots.map((s) => ({ ...s, open: false })))).toBeNull();
  });
});

describe('opening hours of the ticket kiosk', () => {
  const office = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }];
  // Thu 3 Dec 2026 a working day; Sat 5 and Sun 6 rest days; Sat 5 a 周末服务 day 09:00–12:00.
  const sessionsOn = (day: string) => openSessions(!['2026-12-05', '2026-12-06'].includes(day), day === '2026-12-05' ? { sessions: [{ start: '09:00', end: '12:00' }] } : null, { sessions: office });
  it('is open inside a session, closed before, between and after them', () => {
    expect(opening('2026-12-03', '09:00', sessionsOn)).toEqual({ open: true, next: { day: '2026-12-03', start: '13:30' } });
    expect(opening('2026-12-03', '08:59', sessionsOn)).toEqual({ open: false, next: { day: '2026-12-03', start: '09:00' } });
    expect(opening('2026-12-03', '12:00', sessionsOn)).toEqual({ open: false, next: { day: '2026-12-03', start: '13:30' } });
    expect(opening('2026-12-03', '17:29', sessionsOn).open).toBe(true);
  });
  it('after closing the next opening is the next day with sessions (a service day counts, a rest day does not)', () => {
    expect(opening('2026-12-03', '17:30', sessionsOn)).toEqual({ open: false, next: { day: '2026-12-04', start: '09:00' } });
    expect(opening('2026-12-04', '18:00', sessionsOn)).toEqual({ open: false, next: { day: '2026-12-05', start: '09:00' } });
    expect(opening('2026-12-05', '12:30', sessionsOn)).toEqual({ open: false, next: { day: '2026-12-07', start: '09:00' } });
    expect(opening('2026-12-06', '10:00', () => [], 3)).toEqual({ open: false, next: null });
  });
});
