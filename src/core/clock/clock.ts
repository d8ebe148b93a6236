/**
 * The deadline clock of a case (domain §3) and its supervision light (§6), as a pure
 * function of the case's facts and a working calendar. No I/O, no "now": the caller
 * passes `today` (the center-zone date).
 *
 * Rules (each one is tested in clock.test.ts):
 *
 * - Counting follows the civil-law rule for periods (民法典 §201): the day an interval
 *   starts is not counted. The clock runs over (acceptedOn, …]; a pause covers
 *   (startOn, endOn]: the day a special procedure starts is still charged to the
 *   department, the day it ends (the clock resumes) is not. A pause started and ended
 *   on the same day pauses nothing.
 * - A limit of N units accepted on D is due on the N-th unit after D; then every pause
 *   that starts on or before the due date (in order) moves it by exactly the pause's
 *   units: due = add(due, units in (startOn, endOn]). So a pause started on the due day
 *   itself moves the due date to the last working day of the pause. A pause that starts
 *   after the due date does not move it: a department cannot turn an overdue case
 *   green by starting a special procedure.
 * - Units: `workingDays` counts working days; `onTheSpot` is due on acceptedOn (0 units);
 *   `calendarDays` counts every day (pauses in calendar days too) and, when the last day
 *   is not a working day, the due date moves to the next working day (民法典 §203).
 * - Approved extensions add working days to BOTH due dates: under 行政许可法 §42 the
 *   approved extension is an extension of the statutory period itself, so an approved,
 *   lawful extension must not show as a violation of law. (Caps are the case module's
 *   job.) For a calendar-day limit, the extension's working days follow its last day.
 * - An open pause (endOn null, or endOn after today) is projected: the due dates
 *   assume it ends on max(today, endOn, startOn + plannedWorkingDays). Counters, light,
 *   overdue and pastStatutory are read as of the pause start, before it paused anything.
 *   Closing a case ends an open pause on closedOn.
 * - used = units in (acceptedOn, asOf] minus paused units, where asOf = min(today,
 *   closedOn). remaining = running units from asOf to the promised due (negative =
 *   overdue by that many). used/paused/remaining are in `countUnit` — calendar days for
 *   a calendar-day promise, working days otherwise.
 * - Light at asOf: black if asOf > statutoryDue; red if asOf > promisedDue; yellow if
 *   remaining ≤ yellowThreshold = max(minYellowDays, floor(yellowShare × promised
 *   limit value)) — "remaining ≤ ⅓ of the limit" read on whole days; green otherwise.
 *   The due day itself is never red.
 */
import { WorkCalendar, fromDayNumber, toDayNumber } from '../calendar/calendar.js';

export type LimitUnit = 'workingDays' | 'calendarDays' | 'onTheSpot';
export type CountUnit = 'workingDays' | 'calendarDays';
export type Light = 'green' | 'yellow' | 'red' | 'black';

export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

export interface ClockPause {
  /** The day the special procedure started (still a charged day). */
  startOn: string;
  /** The day the clock resumed (not charged); null while still paused. */
  endOn: string | null;
  /** Announced length; only used to project the due dates of an open pause. */
  plannedWorkingDays?: number;
}

export interface ClockExtension {
  workingDays: number;
}

/** Everything here is plain data (JSON-serializable); the calendar is passed apart. */
export interface ClockInput {
  /** Acceptance date; null → not started (submitted, awaiting supplement…). */
  acceptedOn: string | null;
  promisedLimit: TimeLimit;
  statutoryLimit: TimeLimit;
  pauses?: readonly ClockPause[];
  /** Approved extensions only. */
  extensions?: readonly ClockExtension[];
  /** The center-zone date of "now". */
  today: string;
  /** Decided/completed date: the clock stops there. */
  closedOn?: string | null;
  /** Default 1/3. */
  yellowShare?: number;
  /** Default 1. */
  minYellowDays?: number;
}

export interface ClockState {
  acceptedOn: string | null;
  promisedDue: string | null;
  statutoryDue: string | null;
  usedWorkingDays: number;
  pausedWorkingDays: number;
  /** To the promised due; negative when overdue. */
  remainingWorkingDays: number;
  /** Unit of the three counters above. */
  countUnit: CountUnit;
  yellowThreshold: number;
  /** null when not started. */
  light: Light | null;
  paused: boolean;
  /** Start of the open pause, when paused. */
  pausedSince: string | null;
  closed: boolean;
  overdue: boolean;
  pastStatutory: boolean;
  /** The date the light next changes if nothing else happens; null when not started, paused, closed or black. */
  nextChangeOn: string | null;
  /** True when some date involved lies in a year without national data (Mon–Fri guess). */
  fallback: boolean;
}

export const DEFAULT_YELLOW_SHARE = 1 / 3;
export const DEFAULT_MIN_YELLOW_DAYS = 1;

/** Units in (a, b], and the n-th unit after a (working days: n = 0 → a if working, else the next one). */
interface Counter {
  count(a: number, b: number): number;
  add(a: number, n: number): number;
}

/** A pause as day numbers: the days (s, e] are paused; `open` = still running at asOf. */
interface Interval {
  s: number;
  e: number;
  open: boolean;
}

export function computeClock(calendar: WorkCalendar, input: ClockInput): ClockState {
  validateLimits(input);
  const today = toDayNumber(input.today);
  if (input.acceptedOn === null) return notStarted(input);
  const accepted = toDayNumber(input.acceptedOn);
  if (accepted > today) throw new RangeError(`acceptedOn ${input.acceptedOn} is after today ${input.today}`);
  const closedOn = input.closedOn ? toDayNumber(input.closedOn) : null;
  if (closedOn !== null && closedOn < accepted) throw new RangeError(`closedOn ${input.closedOn} is before acceptedOn`);
  const closed = closedOn !== null && closedOn <= today;
  const asOf = closed ? closedOn : today;

  const working = workingCounter(calendar);
  const intervals = normalizePauses(input.pauses ?? [], accepted, asOf, closed, working);
  const ext = (input.extensions ?? []).reduce((sum, x) => sum + checkedCount(x.workingDays, 'extension'), 0);
  const facts: Facts = { input, accepted, ext, working, threshold: yellowThreshold(input) };
  const now = evaluate(facts, asOf, intervals);
  // The open pause, if any, is the last merged interval (it reaches asOf). Counters
  // and light are those of the day it started, before it paused anything.
  const open = intervals[intervals.length - 1]?.open ? intervals[intervals.length - 1]! : null;
  const shown = open ? evaluate(facts, open.s, intervals.slice(0, -1)) : now;

  return {
    acceptedOn: input.acceptedOn,
    promisedDue: fromDayNumber(now.dues.promisedDue),
    statutoryDue: fromDayNumber(now.dues.statutoryDue),
    usedWorkingDays: shown.used,
    pausedWorkingDays: pausedIn(now.counter, intervals, accepted, asOf),
    remainingWorkingDays: shown.remaining,
    countUnit: now.countUnit,
    yellowThreshold: facts.threshold,
    light: shown.light,
    paused: open !== null,
    pausedSince: open ? fromDayNumber(open.s) : null,
    closed,
    overdue: shown.asOf > shown.dues.promisedDue,
    pastStatutory: shown.asOf > shown.dues.statutoryDue,
    nextChangeOn: open || closed ? null : nextChange(asOf, now.remaining, now.light, now.dues, now.counter),
    fallback: calendar.isFallbackSpan(accepted, Math.max(asOf, now.dues.promisedDue, now.dues.statutoryDue)),
  };
}

/** What does not depend on the day the clock is read. */
interface Facts {
  input: ClockInput;
  accepted: number;
  ext: number;
  working: Counter;
  threshold: number;
}

interface Reading {
  asOf: number;
  dues: Dues;
  countUnit: CountUnit;
  counter: Counter;
  used: number;
  remaining: number;
  light: Light;
}

/** The clock read on day `asOf` with the given pauses. */
function evaluate(f: Facts, asOf: number, intervals: readonly Interval[]): Reading {
  const promisedDue = dueDate(f.working, f.input.promisedLimit, f.accepted, f.ext, intervals);
  const statutoryDue = dueDate(f.working, f.input.statutoryLimit, f.accepted, f.ext, intervals);
  const countUnit: CountUnit = f.input.promisedLimit.unit === 'calendarDays' ? 'calendarDays' : 'workingDays';
  const counter = countUnit === 'calendarDays' ? CALENDAR_COUNTER : f.working;
  // Running units in (accepted, t]: elapsed minus paused.
  const running = (t: number) => counter.count(f.accepted, t) - pausedIn(counter, intervals, f.accepted, t);
  const used = running(asOf);
  const remaining = running(promisedDue) - used;
  const dues = { promisedDue, statutoryDue, threshold: f.threshold };
  return { asOf, dues, countUnit, counter, used, remaining, light: lightAt(asOf, remaining, dues) };
}

/** For working days, add(a, 0) is a itself if working, else the next working day. */
function workingCounter(calendar: WorkCalendar): Counter {
  return {
    count: (a, b) => calendar.countWorkingDaysNum(a, b),
    add: (a, n) => calendar.addWorkingDaysNum(a, n),
  };
}

const CALENDAR_COUNTER: Counter = {
  count: (a, b) => b - a,
  add: (a, n) => a + n,
};

function notStarted(input: ClockInput): ClockState {
  return {
    acceptedOn: null,
    promisedDue: null,
    statutoryDue: null,
    usedWorkingDays: 0,
    pausedWorkingDays: 0,
    remainingWorkingDays: 0,
    countUnit: input.promisedLimit.unit === 'calendarDays' ? 'calendarDays' : 'workingDays',
    yellowThreshold: yellowThreshold(input),
    light: null,
    paused: false,
    pausedSince: null,
    closed: false,
    overdue: false,
    pastStatutory: false,
    nextChangeOn: null,
    fallback: false,
  };
}

// --- validation --------------------------------------------------------------

function checkedCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  return n;
}

function validateLimits(input: ClockInput): void {
  for (const [what, limit] of [['promisedLimit', input.promisedLimit], ['statutoryLimit', input.statutoryLimit]] as const) {
    if (limit.unit !== 'workingDays' && limit.unit !== 'calendarDays' && limit.unit !== 'onTheSpot') {
      throw new RangeError(`${what}.unit is invalid: ${String(limit.unit)}`);
    }
    checkedCount(limit.value, `${what}.value`);
  }
  const share = input.yellowShare ?? DEFAULT_YELLOW_SHARE;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`yellowShare must be in [0, 1], got ${share}`);
  checkedCount(input.minYellowDays ?? DEFAULT_MIN_YELLOW_DAYS, 'minYellowDays');
}

// --- pauses -------------------------------------------------------------------

/**
 * Pauses as sorted, merged (s, e] intervals seen from `asOf`: pauses not yet started
 * are ignored (they are not facts yet), starts before acceptance are clipped to it, and
 * a pause still open at asOf is projected (or ends at asOf when the case is closed).
 */
function normalizePauses(pauses: readonly ClockPause[], accepted: number, asOf: number, closed: boolean, working: Counter): Interval[] {
  const raw: Interval[] = [];
  for (const p of pauses) {
    const start = toDayNumber(p.startOn);
    const end = p.endOn === null ? null : toDayNumber(p.endOn);
    if (end !== null && end < start) throw new RangeError(`pause ends (${p.endOn}) before it starts (${p.startOn})`);
    if (p.plannedWorkingDays !== undefined) checkedCount(p.plannedWorkingDays, 'plannedWorkingDays');
    if (start > asOf) continue;
    const s = Math.max(start, accepted);
    if (end !== null && end <= asOf) raw.push({ s, e: Math.max(end, s), open: false });
    else if (closed) raw.push({ s, e: asOf, open: false });
    else raw.push({ s, e: projectedEnd(s, end, asOf, p.plannedWorkingDays, working), open: true });
  }
  return merge(raw);
}

/** An open pause lasts at least until asOf, its recorded end and its planned length. */
function projectedEnd(s: number, end: number | null, asOf: number, planned: number | undefined, working: Counter): number {
  const e = Math.max(asOf, end ?? asOf);
  return planned ? Math.max(e, working.add(s, planned)) : e;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.s - b.s);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.s <= last.e) {
      last.e = Math.max(last.e, iv.e);
      last.open ||= iv.open;
    } else out.push({ ...iv });
  }
  return out;
}

/** Paused units in (a, b]. */
function pausedIn(counter: Counter, intervals: readonly Interval[], a: number, b: number): number {
  let total = 0;
  for (const { s, e } of intervals) {
    const lo = Math.max(s, a);
    const hi = Math.min(e, b);
    if (hi > lo) total += counter.count(lo, hi);
  }
  return total;
}

// --- due dates ------------------------------------------------------------------

function dueDate(working: Counter, limit: TimeLimit, accepted: number, extension: number, intervals: readonly Interval[]): number {
  if (limit.unit !== 'calendarDays') {
    const units = limit.unit === 'onTheSpot' ? extension : limit.value + extension;
    return shiftByPauses(working, units === 0 ? accepted : working.add(accepted, units), intervals, 0).due;
  }
  const first = shiftByPauses(CALENDAR_COUNTER, accepted + limit.value, intervals, 0);
  // 民法典 §203: a last day that is not a working day rolls to the next working day
  // (working.add(d, 0)); extension days are working days after the last calendar day.
  return shiftByPauses(working, working.add(first.due, extension), intervals, first.next).due;
}

/**
 * Moves a due date by the units of every pause that starts on or before it, in order
 * (each move can bring a later pause into reach). Returns the due day and the index of
 * the first pause out of reach.
 */
function shiftByPauses(counter: Counter, due: number, intervals: readonly Interval[], from: number): { due: number; next: number } {
  let d = due;
  for (let i = from; i < intervals.length; i++) {
    const { s, e } = intervals[i]!;
    if (s > d) return { due: d, next: i };
    const units = counter.count(s, e);
    if (units > 0) d = counter.add(d, units);
  }
  return { due: d, next: intervals.length };
}

// --- light --------------------------------------------------------------------------

interface Dues {
  promisedDue: number;
  statutoryDue: number;
  threshold: number;
}

function yellowThreshold(input: ClockInput): number {
  const share = input.yellowShare ?? DEFAULT_YELLOW_SHARE;
  const min = input.minYellowDays ?? DEFAULT_MIN_YELLOW_DAYS;
  // The epsilon keeps 6 × (1/3) from flooring to 1.
  return Math.max(min, Math.floor(share * input.promisedLimit.value + 1e-9));
}

function lightAt(day: number, remaining: number, dues: Dues): Light {
  if (day > dues.statutoryDue) return 'black';
  if (day > dues.promisedDue) return 'red';
  return remaining <= dues.threshold ? 'yellow' : 'green';
}

/**
 * The light only changes where remaining reaches the threshold, or the day after a due
 * date; with no pause ahead, remaining on day t is remaining − units in (asOf, t].
 */
function nextChange(asOf: number, remaining: number, light: Light, dues: Dues, counter: Counter): string | null {
  if (light === 'black') return null;
  const candidates = [dues.promisedDue + 1, dues.statutoryDue + 1];
  if (remaining > dues.threshold) candidates.push(counter.add(asOf, remaining - dues.threshold));
  candidates.sort((a, b) => a - b);
  for (const t of candidates) {
    if (t <= asOf) continue;
    if (lightAt(t, remaining - counter.count(asOf, t), dues) !== light) return fromDayNumber(t);
  }
  return null;
}
