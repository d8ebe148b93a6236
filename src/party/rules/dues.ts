/**
 * Dues (党费, seed 004 第十六条「每半年收取一次报机关党委」), pure: the half-year periods and
 * who is behind.
 */
import { addDays, addYears, isoDate, maxDate } from './dates.js';

export const DUES_LOOKBACK_YEARS = 2;
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

/**
 * The half-years a member owes dues for that have ended by `today`: from the one they joined
 * the roll in (or two years back, the lookback of the list) to the last one before today.
 */
export function periodsOwed(onRollSince: string, today: string, paid: ReadonlySet<string>): string[] {
  const start = maxDate(onRollSince, addYears(today, -DUES_LOOKBACK_YEARS));
  const out: string[] = [];
  for (let p = halfYearOf(start); p.to < today; p = halfYearOf(addDays(p.to, 1))) {
    if (!paid.has(p.period)) out.push(p.period);
  }
  return out;
}
