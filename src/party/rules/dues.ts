/**
 * Dues (党费, seed 004 第十六条「每半年收取一次报机关党委」), pure: the half-year periods and
 * who is behind.
 */
import { addDays, isoDate } from './dates.js';

export interface HalfYear { period: string; from: string; to: string }

export function halfYearOf(date: string): HalfYear {
  const y = Number(date.slice(0, 4));
  const h = Number(date.slice(5, 7)) <= 6 ? 1 : 2;
  return { period: `${y}H${h}`, from: isoDate(y, h === 1 ? 1 : 7, 1), to: h === 1 ? isoDate(y, 6, 30) : isoDate(y, 12, 31) };
}

export function parsePeriod(period: string): HalfYear | null {
  const m = /^(\d{4})H([12])$/.exec(period);
  return m ? halfYearOf(isoDate(Number(m[1]), m[2] === '1' ? 1 : 7, 1)) : null;
}

/** How many ended half-years the list of arrears looks back over (two years). */
export const DUES_LOOKBACK_PERIODS = 4;

/** The last `n` half-years that have ended before `today`, oldest first. */
export function endedHalfYears(today: string, n: number): HalfYear[] {
  const out: HalfYear[] = [];
  for (let p = halfYearOf(addDays(halfYearOf(today).from, -1)); out.length < n; p = halfYearOf(addDays(p.from, -1))) out.unshift(p);
  return out;
}

/**
 * The half-years a member owes dues for: of the last two years' ended half-years, those the
 * member was on the roll in (at least its last day) and has not paid.
 */
export function periodsOwed(onRollSince: string, today: string, paid: ReadonlySet<string>): string[] {
  return endedHalfYears(today, DUES_LOOKBACK_PERIODS).filter((p) => p.to >= onRollSince && !paid.has(p.period)).map((p) => p.period);
}
