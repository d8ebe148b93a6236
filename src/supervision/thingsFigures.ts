/**
 * Supervision figures of 一件事 bundle cases (issue 24), pure: the light of a running bundle,
 * its end-to-end working days, and the per-thing tally the board (./things.ts) and the
 * statistics report (src/stats/things.ts) both show. No I/O: the caller passes rows it read,
 * each center's calendar and clock settings, and today.
 *
 * Readings (docs/things.md "Supervision and statistics"):
 * - end-to-end days = working days in (filedOn, endedOn] on the center's calendar — the filing
 *   day is not counted, as for a case's clock (民法典 §201); a bundle filed and ended the same
 *   day took 0 days.
 * - on time = endedOn ≤ promisedDue (the promised total, itself filedOn + promisedWorkingDays).
 * - light of a running bundle: red when today > promisedDue; yellow when the working days left
 *   to promisedDue are at most max(minYellowDays, ⌊yellowShare × promisedWorkingDays⌋) — the
 *   case clock's rule (src/core/clock/clock.ts) on the bundle's promised total; green otherwise.
 *   The due day itself is never red.
 */
import { percent, roundRatio } from '../core/rounding.js';
import type { ClockSettings } from '../cases/settings.js';
import { bundleLight as lightOf, yellowThreshold } from '../things/bundleRules.js';

export const BUNDLE_LIGHTS = ['green', 'yellow', 'red'] as const;
export type BundleLight = (typeof BUNDLE_LIGHTS)[number];

/** What the figures need of a calendar (a WorkCalendar has it). */
export interface WorkingDayCounter { workingDaysBetween(from: string, to: string): { days: number } }

/** The yellow threshold and the light are the bundle's own rule (src/things/bundleRules.ts), for the running bundles counted here. */
export { yellowThreshold };

export function bundleLight(b: { promisedDue: string; promisedWorkingDays: number }, today: string, cal: WorkingDayCounter, s: ClockSettings): BundleLight {
  return lightOf(cal, { ...b, state: 'running' }, today, s)!;
}

/** Working days from filing to the end of the last part (the filing day not counted). */
export const endToEndDays = (filedOn: string, endedOn: string, cal: WorkingDayCounter) => Math.max(0, cal.workingDaysBetween(filedOn, endedOn).days);

/** Bundles of one thing and center that ended on the same day after the same filing day (one SQL group). */
export interface EndedGroup {
  thingId: string; centerId: string; filedOn: string; endedOn: string; promisedDue: string;
  /** How many, and the sums of their promised totals and of their parts' limits. */
  n: number; promisedDays: number; partsDays: number;
}

/** Running bundles of one thing and center with the same due day and promised total. */
export interface RunningGroup { thingId: string; centerId: string; promisedDue: string; promisedWorkingDays: number; n: number }

/** A count per thing (filed, completed in the period). */
export interface ThingCount { thingId: string; n: number }

export interface ThingTally {
  filed: number; ended: number; completed: number; onTime: number;
  daysSum: number; maxDays: number | null; promisedSum: number; partsSum: number;
  running: Record<BundleLight, number>;
}

const emptyTally = (): ThingTally => ({
  filed: 0, ended: 0, completed: 0, onTime: 0, daysSum: 0, maxDays: null, promisedSum: 0, partsSum: 0, running: { green: 0, yellow: 0, red: 0 },
});

export interface TallyInput {
  filed: readonly ThingCount[];
  completed: readonly ThingCount[];
  ended: readonly EndedGroup[];
  running: readonly RunningGroup[];
}

/** Every thing's tally from the grouped rows; `calendarOf` / `settingsOf` answer per center. */
export function tallyThings(input: TallyInput, today: string, calendarOf: (centerId: string) => WorkingDayCounter, settingsOf: (centerId: string) => ClockSettings): Map<string, ThingTally> {
  const out = new Map<string, ThingTally>();
  const of = (id: string) => { let t = out.get(id); if (!t) out.set(id, (t = emptyTally())); return t; };
  for (const f of input.filed) of(f.thingId).filed += f.n;
  for (const c of input.completed) of(c.thingId).completed += c.n;
  for (const g of input.ended) {
    const t = of(g.thingId);
    const days = endToEndDays(g.filedOn, g.endedOn, calendarOf(g.centerId));
    t.ended += g.n;
    if (g.endedOn <= g.promisedDue) t.onTime += g.n;
    t.daysSum += days * g.n;
    t.maxDays = Math.max(t.maxDays ?? 0, days);
    t.promisedSum += g.promisedDays;
    t.partsSum += g.partsDays;
  }
  for (const r of input.running) of(r.thingId).running[bundleLight(r, today, calendarOf(r.centerId), settingsOf(r.centerId))] += r.n;
  return out;
}

export interface ThingFigures {
  filed: number; ended: number; completed: number; onTime: number;
  /** On-time share of the ended bundles (%, 2 decimals; null when none ended). */
  onTimeShare: number | null;
  /** Average and longest end-to-end working days of the ended bundles … */
  avgDays: number | null; maxDays: number | null;
  /** … against their average promised total and average sum of the parts' limits. */
  avgPromisedDays: number | null; avgSumDays: number | null;
  running: Record<BundleLight, number> & { total: number };
}

/** Rates and averages at read time with the one rounding rule of every statistic. */
export function figuresOf(t: ThingTally): ThingFigures {
  return {
    filed: t.filed, ended: t.ended, completed: t.completed, onTime: t.onTime,
    onTimeShare: percent(t.onTime, t.ended),
    avgDays: roundRatio(t.daysSum, t.ended), maxDays: t.maxDays,
    avgPromisedDays: roundRatio(t.promisedSum, t.ended), avgSumDays: roundRatio(t.partsSum, t.ended),
    running: { ...t.running, total: t.running.green + t.running.yellow + t.running.red },
  };
}

/** The sum of several things' tallies (the 合计 row). */
export function sumTallies(list: Iterable<ThingTally>): ThingTally {
  const s = emptyTally();
  for (const t of list) {
    s.filed += t.filed; s.ended += t.ended; s.completed += t.completed; s.onTime += t.onTime;
    s.daysSum += t.daysSum; s.promisedSum += t.promisedSum; s.partsSum += t.partsSum;
    if (t.maxDays !== null) s.maxDays = Math.max(s.maxDays ?? 0, t.maxDays);
    for (const l of BUNDLE_LIGHTS) s.running[l] += t.running[l];
  }
  return s;
}
