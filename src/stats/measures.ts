/**
 * The statistics measures (domain §10), defined once. Counts are stored per day in
 * stats_daily; rates and averages are derived at read time with `roundRatio`.
 *
 * Every count is a property of a case, counted on one day, under the case's dimensions
 * (center, department, window, item, kind, channel):
 *
 * - received (收件): the case was submitted; counted on the submission day.
 * - supplementNotified (一次性告知): the case got a supplement notice; counted once, on the
 *   day of its first notice (a second notice is an anomaly, not a second count).
 * - accepted (受理): accepted (plain or conditional 容缺); counted on accepted_on.
 * - refused (不予受理): the case stands refused; counted on its closed_on. A refusal the
 *   center overturns is taken back from the day it was counted (so a past period can
 *   change when the center overturns within it): it was not a refusal.
 * - completed (办结): a decision was made (approved or denied); counted on closed_on, the
 *   decision day, where the clock stops. Delivery and pickup depend on the applicant and
 *   are not part of the promise. An overturned denial is taken back like a refusal.
 * - onTime (按时办结): completed with closed_on ≤ promised_due (extensions and pauses
 *   included in promised_due). overdue (超期办结) = completed − onTime.
 * - firstTime (一次办结): completed without any supplement notice.
 * - workingDaysUsed: Σ over completed cases of working days in (accepted_on, closed_on]
 *   minus the working days paused by special procedures (the clock's rule, src/core/clock),
 *   counted in working days even for calendar-day limits. average = Σ / completed.
 * - exits: an accepted case left the open set (decided, or withdrawn/terminated after
 *   acceptance); counted on closed_on.
 * - inProgress (在办, a stock, not a flow): accepted cases not closed at the end of the
 *   period's last day = Σ accepted − Σ exits over every day up to it.
 *
 * Rates (percent, 2 decimals, null when the denominator is 0):
 * - 即办率 immediateRate = completed of kind 'immediate' / completed
 * - 一次办结率 firstTimeRate = firstTime / completed
 * - 按时办结率 onTimeRate = onTime / completed
 * - 网办率 onlineRate = received through channel 'online' / received
 */
import { percent, roundRatio } from '../core/rounding.js';

export const COUNTS = ['received', 'supplementNotified', 'accepted', 'refused', 'completed', 'onTime', 'firstTime', 'workingDaysUsed', 'exits'] as const;
export type CountName = (typeof COUNTS)[number];
export type Counts = Record<CountName, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;

/** What one case contributes (a stats_cases row without its key). */
export interface Contribution {
  windowId: string | null;
  receivedOn: string;
  supplementOn: string | null;
  acceptedOn: string | null;
  refusedOn: string | null;
  completedOn: string | null;
  onTime: boolean;
  firstTime: boolean;
  workingDaysUsed: number;
  exitOn: string | null;
}

/** The case fields the contribution depends on. */
export interface CaseFacts {
  state: string;
  windowId: string | null;
  acceptedOn: string | null;
  closedOn: string | null;
  outcome: string | null;
  promisedDue: string | null;
  supplementCount: number;
}

/**
 * A case's contribution after a change. `prev` carries the days that are not on the case
 * row (submission, first notice); `today` is the change's business day; `daysUsed` is
 * asked for only when the case has just been decided.
 */
export function contributionOf(c: CaseFacts, prev: Pick<Contribution, 'receivedOn' | 'supplementOn'> & Partial<Contribution>, today: string, daysUsed: () => number): Contribution {
  const completedOn = c.outcome !== null && c.closedOn !== null ? c.closedOn : null;
  const sameDecision = completedOn !== null && prev.completedOn === completedOn;
  return {
    windowId: c.windowId,
    receivedOn: prev.receivedOn,
    supplementOn: prev.supplementOn ?? (c.supplementCount > 0 ? today : null),
    acceptedOn: c.acceptedOn,
    refusedOn: c.state === 'refused' ? c.closedOn : null,
    completedOn,
    onTime: completedOn !== null && c.promisedDue !== null && completedOn <= c.promisedDue,
    firstTime: completedOn !== null && c.supplementCount === 0,
    // Keep the counted figure while the decision stands (the calendar may change later).
    workingDaysUsed: completedOn === null ? 0 : sameDecision ? prev.workingDaysUsed ?? 0 : daysUsed(),
    exitOn: c.acceptedOn !== null && c.closedOn !== null ? c.closedOn : null,
  };
}

/** The counts a contribution puts on each day (under its window). */
function entries(c: Contribution): { day: string; count: CountName; n: number }[] {
  const out: { day: string; count: CountName; n: number }[] = [{ day: c.receivedOn, count: 'received', n: 1 }];
  if (c.supplementOn) out.push({ day: c.supplementOn, count: 'supplementNotified', n: 1 });
  if (c.acceptedOn) out.push({ day: c.acceptedOn, count: 'accepted', n: 1 });
  if (c.refusedOn) out.push({ day: c.refusedOn, count: 'refused', n: 1 });
  if (c.completedOn) {
    out.push({ day: c.completedOn, count: 'completed', n: 1 }, { day: c.completedOn, count: 'workingDaysUsed', n: c.workingDaysUsed });
    if (c.onTime) out.push({ day: c.completedOn, count: 'onTime', n: 1 });
    if (c.firstTime) out.push({ day: c.completedOn, count: 'firstTime', n: 1 });
  }
  if (c.exitOn) out.push({ day: c.exitOn, count: 'exits', n: 1 });
  return out;
}

export interface DailyDelta { day: string; windowId: string | null; counts: Counts }
export interface OpenDelta { windowId: string | null; open: number }

const isOpen = (c: Contribution | null) => (c && c.acceptedOn && !c.exitOn ? 1 : 0);

/** What to add to the rollups when a case's contribution goes from `before` to `after`. */
export function diff(before: Contribution | null, after: Contribution): { daily: DailyDelta[]; open: OpenDelta[] } {
  const byKey = new Map<string, DailyDelta>();
  const add = (c: Contribution, sign: 1 | -1) => {
    for (const e of entries(c)) {
      const key = `${e.day}|${c.windowId ?? ''}`;
      let d = byKey.get(key);
      if (!d) byKey.set(key, (d = { day: e.day, windowId: c.windowId, counts: zeroCounts() }));
      d.counts[e.count] += sign * e.n;
    }
  };
  if (before) add(before, -1);
  add(after, 1);
  // Sorted, so concurrent changes lock rollup rows in the same order (no deadlock).
  const order = (a: { windowId: string | null }, b: { windowId: string | null }) => (a.windowId ?? '').localeCompare(b.windowId ?? '');
  const daily = [...byKey.values()].filter((d) => COUNTS.some((c) => d.counts[c] !== 0)).sort((a, b) => a.day.localeCompare(b.day) || order(a, b));
  const open: OpenDelta[] = [];
  if (before && isOpen(before)) open.push({ windowId: before.windowId, open: -1 });
  if (isOpen(after)) open.push({ windowId: after.windowId, open: 1 });
  const netted = new Map<string, OpenDelta>();
  for (const o of open) {
    const k = o.windowId ?? '';
    const cur = netted.get(k);
    if (cur) cur.open += o.open; else netted.set(k, { ...o });
  }
  return { daily, open: [...netted.values()].filter((o) => o.open !== 0).sort(order) };
}

/** Summed counts of a report row (plus the two sub-counts the rates need). */
export interface RowCounts extends Counts {
  immediateCompleted: number;
  onlineReceived: number;
  inProgress: number;
}

export interface Measures {
  received: number; accepted: number; refused: number; supplementNotified: number; completed: number;
  onTime: number; overdue: number; firstTime: number; inProgress: number;
  avgWorkingDays: number | null; immediateRate: number | null; firstTimeRate: number | null; onTimeRate: number | null; onlineRate: number | null;
}

/** Report measures from raw counts: the only place rates are computed. */
export function measuresOf(c: RowCounts): Measures {
  return {
    received: c.received, accepted: c.accepted, refused: c.refused, supplementNotified: c.supplementNotified, completed: c.completed,
    onTime: c.onTime, overdue: c.completed - c.onTime, firstTime: c.firstTime, inProgress: c.inProgress,
    avgWorkingDays: roundRatio(c.workingDaysUsed, c.completed),
    immediateRate: percent(c.immediateCompleted, c.completed),
    firstTimeRate: percent(c.firstTime, c.completed),
    onTimeRate: percent(c.onTime, c.completed),
    onlineRate: percent(c.onlineReceived, c.received),
  };
}

/** Column order and Chinese headers, shared by the API docs, the Excel export and the web table. */
export const MEASURE_COLUMNS: { key: keyof Measures; zh: string; rate?: boolean }[] = [
  { key: 'received', zh: '收件数' }, { key: 'accepted', zh: '受理数' }, { key: 'refused', zh: '不予受理数' },
  { key: 'supplementNotified', zh: '一次性告知数' }, { key: 'completed', zh: '办结数' }, { key: 'onTime', zh: '按时办结数' },
  { key: 'overdue', zh: '超期办结数' }, { key: 'inProgress', zh: '在办数（期末）' }, { key: 'avgWorkingDays', zh: '平均办理工作日' },
  { key: 'immediateRate', zh: '即办率(%)', rate: true }, { key: 'firstTimeRate', zh: '一次办结率(%)', rate: true },
  { key: 'onTimeRate', zh: '按时办结率(%)', rate: true }, { key: 'onlineRate', zh: '网办率(%)', rate: true },
];
