/**
 * Pure hall rules (no I/O): calling order, ticket numbers, wait estimate, booking slots,
 * the check-in window, the no-show block and the spoken call.
 */
import type { HallSettings, Session } from './types.js';

// ---- calling order -------------------------------------------------------------------

export interface QueuedTicket {
  id: string;
  categoryId: string;
  /** 0 ordinary, 1 priority group, 2 checked-in booking. */
  priority: number;
  /** ISO instant; kept through transfers and recalls, so they keep their place. */
  queuedAt: string;
  seq: number;
  targetWindowId: string | null;
}

export interface WindowPrefs {
  windowId: string;
  /** Categories in order of preference. */
  categoryIds: readonly string[];
}

/**
 * Which waiting tickets a window may call, best first. A ticket transferred to one
 * window is that window's only. Order: priority (bookings, then priority groups, then
 * everyone), then the window's category preference (a ticket transferred to this window
 * counts as its first preference), then the place in the queue (time taken), then number.
 */
export function callingOrder(tickets: readonly QueuedTicket[], w: WindowPrefs): QueuedTicket[] {
  const rank = new Map(w.categoryIds.map((c, i) => [c, i]));
  const rankOf = (t: QueuedTicket) => (t.targetWindowId === w.windowId ? -1 : rank.get(t.categoryId) ?? Infinity);
  return tickets
    .filter((t) => (t.targetWindowId ? t.targetWindowId === w.windowId : rank.has(t.categoryId)))
    .sort((a, b) => b.priority - a.priority || rankOf(a) - rankOf(b) || cmp(a.queuedAt, b.queuedAt) || a.seq - b.seq || cmp(a.id, b.id));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Timestamps from the two drivers differ in shape ('2026-…T…Z' vs '2026-… …+00'): compare as instants. */
export const instantKey = (s: string | Date) => s instanceof Date ? s.toISOString() : new Date(s.includes('T') ? s : s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

/** How many tickets are ahead of one in its category's queue (priority and time; as the windows call). */
export function aheadOf(t: Pick<QueuedTicket, 'id' | 'priority' | 'queuedAt' | 'seq'>, waiting: readonly Pick<QueuedTicket, 'id' | 'priority' | 'queuedAt' | 'seq'>[]): number {
  return waiting.filter((o) => o.id !== t.id && (o.priority > t.priority || (o.priority === t.priority && (cmp(o.queuedAt, t.queuedAt) < 0 || (o.queuedAt === t.queuedAt && o.seq < t.seq))))).length;
}

// ---- numbers and estimate -------------------------------------------------------------

/** A012: the category's prefix and the day's sequence, three digits at least. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/**
 * Estimated wait in minutes: people ahead × minutes per service ÷ windows open for the
 * category (at least one), rounded up. Minutes per service is the day's average when
 * there is one, else the configured default.
 */
export function estimateWaitMinutes(ahead: number, avgServiceMinutes: number | null, openWindows: number, s: Pick<HallSettings, 'defaultServiceMinutes'>): number {
  const per = avgServiceMinutes && avgServiceMinutes > 0 ? avgServiceMinutes : s.defaultServiceMinutes;
  return Math.ceil((ahead * per) / Math.max(1, openWindows));
}

// ---- the spoken call ------------------------------------------------------------------

/** "请A012号到3号窗口办理" — what the board says (twice) and shows. */
export function callText(number: string, windowNumber: number): string {
  return `请${number}号到${windowNumber}号窗口办理`;
}

// ---- time of day ----------------------------------------------------------------------

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Sessions are HH:MM ranges with start < end, not overlapping. */
export function validSessions(list: readonly Session[]): boolean {
  const sorted = [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  return sorted.every((s, i) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s.start) && /^([01]\d|2[0-3]):[0-5]\d$/.test(s.end)
    && minutesOf(s.start) < minutesOf(s.end) && (i === 0 || minutesOf(sorted[i - 1].end) <= minutesOf(s.start)));
}

// ---- booking slots --------------------------------------------------------------------

export interface ServiceDay { kind: 'extended' | 'weekend'; sessions: Session[] }
export interface SlotPlan { start: string; end: string; extended: boolean }

/**
 * The bookable slots of a day. A working day (on the center's calendar) has the office
 * sessions plus the sessions of an extended-hours day (延时服务); a rest day or holiday is
 * closed unless the center set it as a service day (周末服务), then it has that day's
 * sessions only. Sessions are cut into `slotMinutes` slots; a tail shorter than a slot is dropped.
 */
export function daySlots(workingDay: boolean, serviceDay: ServiceDay | null, s: Pick<HallSettings, 'sessions' | 'slotMinutes'>): SlotPlan[] {
  const sessions: { session: Session; extended: boolean }[] = [];
  if (workingDay) sessions.push(...s.sessions.map((session) => ({ session, extended: false })));
  if (serviceDay) sessions.push(...serviceDay.sessions.map((session) => ({ session, extended: true })));
  const out: SlotPlan[] = [];
  for (const { session, extended } of sessions) {
    for (let m = minutesOf(session.start); m + s.slotMinutes <= minutesOf(session.end); m += s.slotMinutes) {
      out.push({ start: hhmm(m), end: hhmm(m + s.slotMinutes), extended });
    }
  }
  const seen = new Set<string>();
  return out.sort((a, b) => minutesOf(a.start) - minutesOf(b.start)).filter((p) => !seen.has(p.start) && seen.add(p.start));
}

/** Days a booking may be made for: today through today + horizon (inclusive). */
export function withinHorizon(day: string, today: string, horizonDays: number): boolean {
  const diff = dayDiff(today, day);
  return diff >= 0 && diff <= horizonDays;
}

/** b − a in days, for YYYY-MM-DD dates. */
export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A slot already begun cannot be booked (today's earlier slots). */
export function slotOpenForBooking(day: string, start: string, today: string, nowLocal: string): boolean {
  return day > today || (day === today && minutesOf(start) > minutesOf(nowLocal));
}

/** A citizen may cancel until `cancelBeforeMinutes` before the slot's start; after that the booking stands (or lapses). */
export function cancelOpen(slot: { day: string; start: string }, today: string, nowLocal: string, s: Pick<HallSettings, 'cancelBeforeMinutes'>): boolean {
  if (slot.day !== today) return slot.day > today;
  return minutesOf(nowLocal) < minutesOf(slot.start) - s.cancelBeforeMinutes;
}

/** The first slot still open for booking (the booking page's default day and time), or null. */
export function firstBookable<T extends { day: string; start: string; open: boolean }>(slots: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of slots) if (s.open && (!best || s.day < best.day || (s.day === best.day && s.start < best.start))) best = s;
  return best;
}

export type CheckInVerdict = 'ok' | 'tooEarly' | 'tooLate' | 'otherDay';

/** Check-in is accepted from `before` minutes before the slot's start until `after` minutes after it. */
export function checkInVerdict(slot: { day: string; start: string }, today: string, nowLocal: string, s: Pick<HallSettings, 'checkInBeforeMinutes' | 'checkInAfterMinutes'>): CheckInVerdict {
  if (slot.day !== today) return slot.day > today ? 'tooEarly' : 'otherDay';
  const delta = minutesOf(nowLocal) - minutesOf(slot.start);
  if (delta < -s.checkInBeforeMinutes) return 'tooEarly';
  if (delta > s.checkInAfterMinutes) return 'tooLate';
  return 'ok';
}

/** After this local time of the slot's day an unchecked booking is a no-show. */
export function noShowAfter(start: string, s: Pick<HallSettings, 'checkInAfterMinutes'>): string {
  return hhmm(Math.min(24 * 60 - 1, minutesOf(start) + s.checkInAfterMinutes));
}

/**
 * Booking block: whenever `limit` no-shows fall within `windowDays` days, booking is
 * blocked for `blockDays` days from the last of them. Returns the first day booking is
 * allowed again, or null when not blocked today.
 */
export function bookingBlockedUntil(noShowDays: readonly string[], today: string, s: Pick<HallSettings, 'noShowLimit' | 'noShowWindowDays' | 'blockDays'>): string | null {
  const days = [...noShowDays].sort();
  let until: string | null = null;
  for (let i = 0; i + s.noShowLimit - 1 < days.length; i++) {
    const last = days[i + s.noShowLimit - 1];
    if (dayDiff(days[i], last) < s.noShowWindowDays) {
      const end = addDays(last, s.blockDays + 1);
      if (!until || end > until) until = end;
    }
  }
  return until && today < until ? until : null;
}

// ---- opening hours (taking a ticket) -------------------------------------------------------

/** The sessions a day is open: the office sessions on a working day, plus a service day's own (延时/周末服务). */
export function openSessions(workingDay: boolean, serviceDay: Pick<ServiceDay, 'sessions'> | null, s: Pick<HallSettings, 'sessions'>): Session[] {
  const list = [...(workingDay ? s.sessions : []), ...(serviceDay?.sessions ?? [])];
  return list.sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
}

export interface Opening { open: boolean; next: { day: string; start: string } | null }

/**
 * Whether tickets may be taken now (inside one of today's sessions), and when the hall next
 * opens: the next session start today or on a later day within `horizonDays`. `sessionsOn`
 * gives a day's open sessions (openSessions). A ticket taken after closing would wait for
 * nobody: the kiosk refuses it and says when to come back.
 */
export function opening(today: string, nowLocal: string, sessionsOn: (day: string) => Session[], horizonDays = 31): Opening {
  const now = minutesOf(nowLocal);
  const todays = sessionsOn(today);
  const open = todays.some((x) => minutesOf(x.start) <= now && now < minutesOf(x.end));
  const later = todays.find((x) => minutesOf(x.start) > now);
  if (later) return { open, next: { day: today, start: later.start } };
  for (let i = 1; i <= horizonDays; i++) {
    const day = addDays(today, i);
    const first = sessionsOn(day)[0];
    if (first) return { open, next: { day, start: first.start } };
  }
  return { open, next: null };
}
