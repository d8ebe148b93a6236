/**
 * Appointments: slots per category and day (computed from the center's calendar, office
 * sessions and 延时/周末 service days, stored on first look), bookings, cancel, check-in.
 * No slot is overbooked: a booking takes its place with one conditional UPDATE
 * (`booked < capacity`) in the booking's transaction; one live booking per person,
 * category and day is a partial unique index.
 */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import type { Tx } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import { calendarFor } from '../core/calendar/service.js';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { applicantProblems, normalizeIdNumber, type IdType } from '../core/identity/index.js';
import { assertNoProblems } from '../core/identity/assert.js';
import { maskIdNumber, maskName, maskPhone } from '../core/mask.js';
import type { Job } from '../core/scheduler.js';
import { hallBookings, hallCategories, hallServiceDays, hallSlots, hallTickets } from './schema.js';
import { users } from '../core/auth/schema.js';
import { centers } from '../core/org/schema.js';
import { settingsFor } from './settings.js';
import { issueTicket, requireCenterAdmin, ticketStatus } from './service.js';
import { addDays, bookingBlockedUntil, cancelOpen, checkInVerdict, firstBookable, daySlots, noShowAfter, slotOpenForBooking, validSessions, withinHorizon } from './rules.js';
import { localTime } from './time.js';
import type { Session } from './types.js';
import { LOCK } from '../core/locks.js';

type Booking = typeof hallBookings.$inferSelect;

async function categoryOr404(q: AppContext['db'] | Tx, id: string) {
  const [c] = await q.select().from(hallCategories).where(eq(hallCategories.id, id));
  if (!c || !c.active) throw notFound('Category', '业务类别');
  return c;
}

/** The slots of a category on the days asked (default: today through the horizon), with places left. */
export async function listSlots(ctx: AppContext, categoryId: string, day?: string) {
  const cat = await categoryOr404(ctx.db, categoryId);
  const settings = await settingsFor(ctx.db, cat.centerId);
  const today = ctx.today();
  if (day && !withinHorizon(day, today, settings.bookingHorizonDays)) {
    throw badRequest('outside_horizon', `Bookings are open for the next ${settings.bookingHorizonDays} days`, `只能预约今天起${settings.bookingHorizonDays}天内的时段`, [{ field: 'query.day' }]);
  }
  const days = day ? [day] : Array.from({ length: settings.bookingHorizonDays + 1 }, (_, i) => addDays(today, i));
  const calendar = await calendarFor(ctx.db, cat.centerId);
  const service = await ctx.db.select().from(hallServiceDays).where(and(eq(hallServiceDays.centerId, cat.centerId), inArray(hallServiceDays.day, days)));
  const byDay = new Map(service.map((s) => [s.day, s]));
  const plans = days.flatMap((d) => daySlots(calendar.isWorkingDay(d), byDay.get(d) ?? null, settings).map((p) => ({ ...p, day: d })));
  if (plans.length) {
    await ctx.db.insert(hallSlots).values(plans.map((p) => ({ centerId: cat.centerId, categoryId: cat.id, day: p.day, start: p.start, end: p.end, extended: p.extended, capacity: cat.slotCapacity }))).onConflictDoNothing();
  }
  const stored = await ctx.db.select().from(hallSlots).where(and(eq(hallSlots.categoryId, cat.id), inArray(hallSlots.day, days))).orderBy(asc(hallSlots.day), asc(hallSlots.start));
  const planned = new Set(plans.map((p) => `${p.day} ${p.start}`));
  const nowLocal = localTime(ctx.now(), ctx.config.timeZone);
  const slots = stored.filter((s) => planned.has(`${s.day} ${s.start}`) || s.booked > 0).map((s) => ({
    id: s.id, day: s.day, start: s.start, end: s.end, capacity: s.capacity, booked: s.booked, left: Math.max(0, s.capacity - s.booked), extended: s.extended,
    open: slotOpenForBooking(s.day, s.start, today, nowLocal) && s.booked < s.capacity,
  }));
  const first = firstBookable(slots);
  return {
    category: { id: cat.id, name: cat.name, prefix: cat.prefix },
    /** What the booking page selects first: the earliest slot still open (not today's past ones). */
    firstOpen: first ? { day: first.day, slotId: first.id } : null,
    days: days.map((d) => ({ day: d, workingDay: calendar.isWorkingDay(d), serviceDay: byDay.get(d) ? { kind: byDay.get(d)!.kind, note: byDay.get(d)!.note } : null })),
    slots,
  };
}

export async function setSlotCapacity(ctx: AppContext, user: SessionUser, slotId: string, capacity: number) {
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(hallSlots).where(eq(hallSlots.id, slotId)).for('update');
    if (!s) throw notFound('Slot', '时段');
    requireCenterAdmin(user, s.centerId);
    if (capacity < s.booked) throw conflict('capacity_below_booked', `${s.booked} places are already booked`, `该时段已预约${s.booked}人，容量不能更小`, [{ field: 'body.capacity' }]);
    const [u] = await tx.update(hallSlots).set({ capacity }).where(eq(hallSlots.id, slotId)).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'hall.slot.capacity', entityType: 'hallSlot', entityId: slotId, before: { capacity: s.capacity }, after: { capacity }, at: ctx.now() });
    return u;
  });
}

// ---- service days -------------------------------------------------------------------

export async function listServiceDays(ctx: AppContext, centerId: string) {
  const list = await ctx.db.select().from(hallServiceDays).where(and(eq(hallServiceDays.centerId, centerId), gte(hallServiceDays.day, ctx.today()))).orderBy(asc(hallServiceDays.day));
  return { serviceDays: list };
}

export async function putServiceDay(ctx: AppContext, user: SessionUser, day: string, input: { kind: 'extended' | 'weekend'; sessions: Session[]; note?: string }) {
  const centerId = user.centerId ?? '';
  requireCenterAdmin(user, centerId);
  if (!validSessions(input.sessions) || input.sessions.length === 0) throw badRequest('bad_sessions', 'Sessions must be HH:MM ranges that do not overlap', '服务时段须为互不重叠的“时:分”区间', [{ field: 'body.sessions' }]);
  const calendar = await calendarFor(ctx.db, centerId);
  const working = calendar.isWorkingDay(day);
  if (input.kind === 'weekend' && working) throw badRequest('not_rest_day', `${day} is a working day: use extended hours`, `${day}是工作日，请设为延时服务`, [{ field: 'body.kind' }]);
  if (input.kind === 'extended' && !working) throw badRequest('not_working_day', `${day} is a rest day or holiday: use weekend service`, `${day}为休息日或节假日，请设为周末（节假日）服务`, [{ field: 'body.kind' }]);
  const row = { centerId, day, kind: input.kind, sessions: input.sessions, note: input.note ?? '' };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(hallServiceDays).values(row).onConflictDoUpdate({ target: [hallServiceDays.centerId, hallServiceDays.day], set: { kind: row.kind, sessions: row.sessions, note: row.note } });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'hall.serviceDay.set', entityType: 'hallServiceDay', entityId: `${centerId}:${day}`, after: row, at: ctx.now() });
  });
  return row;
}

// ---- bookings -----------------------------------------------------------------------

export interface BookingInput { slotId: string; name: string; idNumber: string; idType?: IdType; phone: string }

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** An applicant books as their own account; anyone else gives name, ID number and phone. */
export async function createBooking(ctx: AppContext, user: SessionUser | null, given: BookingInput) {
  assertNoProblems(applicantProblems({ kind: 'person', ...given }, ctx.today(), 'body'));
  const input = { ...given, idNumber: normalizeIdNumber(given.idNumber), phone: given.phone.trim() };
  const [slot] = await ctx.db.select().from(hallSlots).where(eq(hallSlots.id, input.slotId));
  if (!slot) throw notFound('Slot', '时段');
  const settings = await settingsFor(ctx.db, slot.centerId);
  const today = ctx.today();
  if (!withinHorizon(slot.day, today, settings.bookingHorizonDays)) throw unprocessable('outside_horizon', 'This day is not open for booking', `只能预约今天起${settings.bookingHorizonDays}天内的时段`);
  if (!slotOpenForBooking(slot.day, slot.start, today, localTime(ctx.now(), ctx.config.timeZone))) throw unprocessable('slot_started', 'This slot has already begun', '该时段已开始，不能预约');
  const noShows = await ctx.db.select({ day: hallBookings.day }).from(hallBookings)
    .where(and(eq(hallBookings.idNumber, input.idNumber), eq(hallBookings.status, 'noShow'), gte(hallBookings.day, addDays(today, -(settings.noShowWindowDays + settings.blockDays + 1)))));
  const until = bookingBlockedUntil(noShows.map((n) => n.day), today, settings);
  if (until) throw new AppError(403, 'booking_blocked', `Booking is blocked until ${until} after ${settings.noShowLimit} missed appointments`, `${settings.noShowWindowDays}天内爽约${settings.noShowLimit}次，${until}前不能预约`, { until });
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const taken = await tx.update(hallSlots).set({ booked: sql`${hallSlots.booked} + 1` })
        .where(and(eq(hallSlots.id, slot.id), sql`${hallSlots.booked} < ${hallSlots.capacity}`)).returning({ booked: hallSlots.booked });
      if (taken.length === 0) throw conflict('slot_full', 'This slot is fully booked', '该时段已约满，请选择其他时段');
      const [b] = await tx.insert(hallBookings).values({
        code: newCode(), centerId: slot.centerId, categoryId: slot.categoryId, slotId: slot.id, day: slot.day, start: slot.start, end: slot.end,
        name: input.name, idNumber: input.idNumber, phone: input.phone, userId: user?.role === 'applicant' ? user.id : null, status: 'booked', createdAt: now.toISOString(),
      }).returning();
      await appendAudit(tx, { actorId: user?.id ?? null, actorRole: user?.role ?? 'public', action: 'hall.booking.create', entityType: 'hallBooking', entityId: b.id, after: { slotId: slot.id, day: slot.day, start: slot.start, idNumber: maskIdNumber(b.idNumber) }, at: now });
      return bookingView(b, false);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'hall_bookings_person_uq')) throw conflict('already_booked', 'You already have a booking for this category on that day', '您当天在该业务类别已有预约');
    throw e;
  }
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let x = e as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === '23505' && (x.constraint === constraint || x.message?.includes(constraint))) return true;
  }
  return false;
}

export function bookingView(b: Booking, masked: boolean) {
  return {
    id: b.id, code: b.code, categoryId: b.categoryId, slotId: b.slotId, day: b.day, start: b.start, end: b.end, status: b.status, ticketId: b.ticketId,
    name: masked ? maskName(b.name) : b.name, idNumber: masked ? maskIdNumber(b.idNumber) : b.idNumber, phone: masked ? maskPhone(b.phone) : b.phone,
  };
}

/** The account's own ID number (a citizen's bookings made before signing in carry it). */
async function accountIdNumber(ctx: AppContext, q: AppContext['db'] | Tx, user: SessionUser): Promise<string | null> {
  if (user.role !== 'applicant') return null;
  const [r] = await q.select({ idNumber: users.idNumber }).from(users).where(eq(users.id, user.id));
  return r?.idNumber ?? null;
}

/**
 * A citizen's own bookings: made while signed in (`user_id`), or made without an account
 * using the account's ID number. One made by another account stays that account's.
 */
function mineWhere(userId: string, idNumber: string | null) {
  return idNumber
    ? or(eq(hallBookings.userId, userId), and(isNull(hallBookings.userId), eq(hallBookings.idNumber, idNumber)))!
    : eq(hallBookings.userId, userId);
}

export async function listBookings(ctx: AppContext, user: SessionUser, q: { day?: string; status?: string }) {
  const mine = user.role === 'applicant';
  if (!mine && !user.centerId) throw forbidden();
  const where = and(
    mine ? mineWhere(user.id, await accountIdNumber(ctx, ctx.db, user)) : eq(hallBookings.centerId, user.centerId!),
    q.day ? eq(hallBookings.day, q.day) : mine ? undefined : eq(hallBookings.day, ctx.today()),
    q.status ? inArray(hallBookings.status, q.status.split(',') as Booking['status'][]) : undefined,
  );
  if (!mine) {
    const list = await ctx.db.select().from(hallBookings).where(where).orderBy(asc(hallBookings.day), asc(hallBookings.start)).limit(1000);
    return { bookings: list.map((b) => bookingView(b, true)) };
  }
  // 我的预约: newest day first, with what the page shows and whether it may still be cancelled.
  const list = await ctx.db.select({ b: hallBookings, categoryName: hallCategories.name, centerName: centers.name, centerAddress: centers.address })
    .from(hallBookings).innerJoin(hallCategories, eq(hallCategories.id, hallBookings.categoryId)).innerJoin(centers, eq(centers.id, hallBookings.centerId))
    .where(where).orderBy(desc(hallBookings.day), desc(hallBookings.start)).limit(200);
  const today = ctx.today();
  const nowLocal = localTime(ctx.now(), ctx.config.timeZone);
  const settings = new Map<string, Awaited<ReturnType<typeof settingsFor>>>();
  for (const r of list) if (!settings.has(r.b.centerId)) settings.set(r.b.centerId, await settingsFor(ctx.db, r.b.centerId));
  return {
    bookings: list.map((r) => ({
      ...bookingView(r.b, false), categoryName: r.categoryName, centerName: r.centerName, centerAddress: r.centerAddress,
      cancellable: r.b.status === 'booked' && cancelOpen(r.b, today, nowLocal, settings.get(r.b.centerId)!),
    })),
  };
}

/** What the booking form is prefilled with for a signed-in citizen: their own account's data. */
export async function bookingPrefill(ctx: AppContext, user: SessionUser) {
  const [r] = await ctx.db.select({ name: users.displayName, idNumber: users.idNumber, phone: users.phone }).from(users).where(eq(users.id, user.id));
  return { name: r?.name ?? '', idNumber: r?.idNumber ?? '', phone: r?.phone ?? '' };
}

/** The booking by id or code; without a staff session or ownership the ID number must match. */
async function lockBooking(ctx: AppContext, tx: Tx, user: SessionUser | null, idOrCode: string, idNumber: string | undefined) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [b] = await tx.select().from(hallBookings).where(isUuid ? eq(hallBookings.id, idOrCode) : eq(hallBookings.code, idOrCode.toUpperCase())).for('update');
  if (!b) throw notFound('Booking', '预约');
  const staff = isStaffOf(user, b);
  const own = user?.role === 'applicant' && (b.userId === user.id || (b.userId === null && b.idNumber.toUpperCase() === ((await accountIdNumber(ctx, tx, user)) ?? '').toUpperCase()));
  if (!staff && !own && (!idNumber || normalizeIdNumber(idNumber) !== b.idNumber.toUpperCase())) throw notFound('Booking', '预约');
  return b;
}

const isStaffOf = (user: SessionUser | null, b: Booking) =>
  !!user && user.role !== 'applicant' && user.centerId === b.centerId && ['receiver', 'centerAdmin', 'coordinator', 'chiefRep'].includes(user.role);

export async function cancelBooking(ctx: AppContext, user: SessionUser | null, idOrCode: string, idNumber?: string) {
  return ctx.db.transaction(async (tx) => {
    const b = await lockBooking(ctx, tx, user, idOrCode, idNumber);
    if (b.status !== 'booked') throw conflict('wrong_state', 'Only an open booking can be cancelled', '只能取消尚未签到的预约');
    // The hall's staff may still cancel at the desk; a citizen only before the hall's cut-off.
    const settings = await settingsFor(tx, b.centerId);
    if (!isStaffOf(user, b) && !cancelOpen(b, ctx.today(), localTime(ctx.now(), ctx.config.timeZone), settings)) {
      const before = settings.cancelBeforeMinutes;
      throw unprocessable('cancel_closed', before ? `Bookings can be cancelled until ${before} minutes before the slot starts` : 'The slot has begun: the booking can no longer be cancelled',
        before ? `预约时段开始前${before}分钟后不能再取消` : '预约时段已开始，不能再取消');
    }
    const now = ctx.now();
    const [u] = await tx.update(hallBookings).set({ status: 'cancelled', closedAt: now.toISOString() }).where(eq(hallBookings.id, b.id)).returning();
    await tx.update(hallSlots).set({ booked: sql`greatest(${hallSlots.booked} - 1, 0)` }).where(eq(hallSlots.id, b.slotId));
    await appendAudit(tx, { actorId: user?.id ?? null, actorRole: user?.role ?? 'public', action: 'hall.booking.cancel', entityType: 'hallBooking', entityId: b.id, before: { status: b.status }, after: { status: 'cancelled' }, at: now });
    return bookingView(u, false);
  });
}

/** Check-in within the slot's window turns the booking into a priority ticket. */
export async function checkInBooking(ctx: AppContext, user: SessionUser | null, idOrCode: string, idNumber?: string) {
  const ticketId = await ctx.db.transaction(async (tx) => {
    const b = await lockBooking(ctx, tx, user, idOrCode, idNumber);
    if (b.status !== 'booked') throw conflict('wrong_state', b.status === 'checkedIn' ? 'Already checked in' : 'This booking is closed', b.status === 'checkedIn' ? '已签到' : '该预约已取消或已爽约');
    const settings = await settingsFor(tx, b.centerId);
    const verdict = checkInVerdict(b, ctx.today(), localTime(ctx.now(), ctx.config.timeZone), settings);
    if (verdict !== 'ok') {
      const zh = { tooEarly: `请在预约时段开始前${settings.checkInBeforeMinutes}分钟内签到`, tooLate: `已超过预约时段开始后${settings.checkInAfterMinutes}分钟，不能签到，请现场取号`, otherDay: '预约日期已过' }[verdict];
      throw new AppError(422, 'outside_check_in', `Check-in is open from ${settings.checkInBeforeMinutes} min before to ${settings.checkInAfterMinutes} min after ${b.start} on ${b.day} (${verdict})`, zh, { verdict });
    }
    const cat = await categoryOr404(tx, b.categoryId);
    const t = await issueTicket(ctx, tx, cat, { priority: 2, priorityGroup: null, channel: 'booking', idNumber: b.idNumber, bookingId: b.id, actor: { id: user?.id ?? null, role: user?.role ?? 'public' } });
    const now = ctx.now();
    await tx.update(hallBookings).set({ status: 'checkedIn', ticketId: t.id, closedAt: now.toISOString() }).where(eq(hallBookings.id, b.id));
    await appendAudit(tx, { actorId: user?.id ?? null, actorRole: user?.role ?? 'public', action: 'hall.booking.checkIn', entityType: 'hallBooking', entityId: b.id, before: { status: b.status }, after: { status: 'checkedIn', ticketId: t.id }, at: now });
    return t.id;
  });
  return ticketStatus(ctx, ticketId);
}

// ---- the sweep ----------------------------------------------------------------------

/**
 * Derived from stored data each run: bookings not checked in by the end of their
 * check-in window become no-shows; yesterday's unserved tickets expire and free their windows.
 */
export async function hallSweep(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const nowLocal = localTime(ctx.now(), ctx.config.timeZone);
  const open = await tx.select().from(hallBookings).where(and(eq(hallBookings.status, 'booked'), sql`${hallBookings.day} <= ${today}`)).for('update', { skipLocked: true });
  const settingsByCenter = new Map<string, Awaited<ReturnType<typeof settingsFor>>>();
  const missed: Booking[] = [];
  for (const b of open) {
    if (!settingsByCenter.has(b.centerId)) settingsByCenter.set(b.centerId, await settingsFor(tx, b.centerId));
    if (b.day < today || noShowAfter(b.start, settingsByCenter.get(b.centerId)!) < nowLocal) missed.push(b);
  }
  const now = ctx.now();
  if (missed.length) {
    await tx.update(hallBookings).set({ status: 'noShow', closedAt: now.toISOString() }).where(inArray(hallBookings.id, missed.map((b) => b.id)));
    for (const b of missed) await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'hall.booking.noShow', entityType: 'hallBooking', entityId: b.id, before: { status: 'booked' }, after: { status: 'noShow' }, at: now });
  }
  const expired = await tx.update(hallTickets).set({ state: 'expired' }).where(and(inArray(hallTickets.state, ['waiting', 'called']), sql`${hallTickets.day} < ${today}`)).returning({ id: hallTickets.id });
  if (expired.length) {
    await tx.execute(sql`update hall_window_state set current_ticket_id = null where current_ticket_id in (select id from hall_tickets where state = 'expired')`);
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'hall.ticket.expire', entityType: 'hallTicket', entityId: 'batch', after: { count: expired.length, before: today }, at: now });
  }
  return missed.length + expired.length;
}

export const hallSweepJob: Job = { name: 'hall-sweep', lockKey: LOCK.hallSweep, everyMs: 60_000, run: hallSweep };
