/**
 * Working-day calendar (domain §3). Pure: no I/O, no Date objects, no time zones.
 *
 * Dates are ISO `YYYY-MM-DD` strings at the edges and day numbers (days since
 * 1970-01-01) inside. Each calendar compiles its rules into an index over a fixed
 * range (INDEX_FIRST_YEAR..INDEX_LAST_YEAR) so that adding working days and counting
 * them are O(1):
 * - `prefix[i]`  = working days among index days [0, i)  → count(a, b] = prefix[b+1] - prefix[a+1]
 * - `ordinal[k]` = index day of the k-th (0-based) working day → add = one lookup.
 * The range is kept under 65 536 days so both arrays fit in Uint16Array (~230 KB per
 * calendar, built in about a millisecond).
 *
 * Sources, strongest first: a center's local rows, admin-loaded national rows, the
 * `chinese-days` package (2004–2026), and finally plain Mon–Fri. A year that neither
 * the package nor a national row covers is "unknown": it falls back to Mon–Fri and
 * every answer touching it says `fallback: true`.
 */
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday' | 'localClosure' | 'extraWorkday';
export type NationalOverrideKind = 'holiday' | 'adjustedWorkday';
export type LocalOverrideKind = 'localClosure' | 'extraWorkday';
export type OverrideKind = NationalOverrideKind | LocalOverrideKind;

export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
  note?: string;
}

export interface DayInfo {
  kind: DayKind;
  /** Holiday name (中文) from the national data, or the override's note. */
  name?: string;
  /** True when the day's year is not covered by national data (Mon–Fri guess). */
  fallback: boolean;
}

export interface YearDay {
  date: string;
  kind: DayKind;
  name?: string;
}

export interface YearView {
  year: number;
  known: boolean;
  days: YearDay[];
}

export interface Dated {
  date: string;
  fallback: boolean;
}

export interface Counted {
  days: number;
  fallback: boolean;
}

/** Index range. Outside it the calendar throws RangeError (no service case lives there). */
export const INDEX_FIRST_YEAR = 1980;
export const INDEX_LAST_YEAR = 2149;

// ---------------------------------------------------------------------------
// ISO date ↔ day number (proleptic Gregorian, H. Hinnant's civil algorithms).

const CHAR_0 = 48;

/** Days since 1970-01-01 for a valid ISO date; throws RangeError otherwise. */
export function toDayNumber(iso: string): number {
  const n = parseIso(iso);
  if (n === null) throw new RangeError(`invalid ISO date: ${JSON.stringify(iso)}`);
  return n;
}

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && parseIso(s) !== null;
}

function parseIso(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  // Unrolled: this runs on every call of the string API.
  const y0 = s.charCodeAt(0) - CHAR_0;
  const y1 = s.charCodeAt(1) - CHAR_0;
  const y2 = s.charCodeAt(2) - CHAR_0;
  const y3 = s.charCodeAt(3) - CHAR_0;
  const m0 = s.charCodeAt(5) - CHAR_0;
  const m1 = s.charCodeAt(6) - CHAR_0;
  const d0 = s.charCodeAt(8) - CHAR_0;
  const d1 = s.charCodeAt(9) - CHAR_0;
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return null;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return null;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return null;
  const k = (y - INDEX_FIRST_YEAR) * 12 + m - 1;
  // Fast path inside the index: month starts and lengths come from a table.
  if (k >= 0 && k < MONTH_START.length) return d > MONTH_LENGTH[k]! ? null : MONTH_START[k]! + d - 1;
  return d > daysInMonth(y, m) ? null : daysFromCivil(y, m, d);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

const PAD2 = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

const FIRST_DAY = daysFromCivil(INDEX_FIRST_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(INDEX_LAST_YEAR, 12, 31);
const SPAN = LAST_DAY - FIRST_DAY + 1;
// Uint16 prefix/ordinal arrays need every index and count below 2^16.
if (SPAN >= 0x10000) throw new Error('calendar index range too wide for Uint16 arrays');

/** Day number of the 1st and length of each month in the index range, for fast parsing. */
const MONTH_START = new Int32Array((INDEX_LAST_YEAR - INDEX_FIRST_YEAR + 1) * 12);
const MONTH_LENGTH = new Uint8Array(MONTH_START.length);
for (let k = 0; k < MONTH_START.length; k++) {
  const y = INDEX_FIRST_YEAR + Math.floor(k / 12);
  MONTH_START[k] = daysFromCivil(y, (k % 12) + 1, 1);
  MONTH_LENGTH[k] = daysInMonth(y, (k % 12) + 1);
}

/** Formatted dates inside the index, filled on first use (formatting costs ~100 ns). */
const ISO_CACHE: (string | undefined)[] = new Array(SPAN);

/** ISO date of a day number. */
export function fromDayNumber(n: number): string {
  const i = n - FIRST_DAY;
  if (!(i >= 0 && i < SPAN)) return formatDay(n);
  return ISO_CACHE[i] ?? (ISO_CACHE[i] = formatDay(n));
}

function formatDay(n: number): string {
  const [y, m, d] = civilFromDays(n);
  const year = y >= 0 && y < 1000 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${PAD2[m]}-${PAD2[d]}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOf(n: number): number {
  return civilFromDays(n)[0];
}

// ---------------------------------------------------------------------------
// The compiled index.

/** Package entry "English,中文,n" → "中文". */
function packageName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0] ?? raw;
}

interface Named {
  kind: DayKind;
  name?: string;
}

/** The package's data, compiled once: working flags and the named days. */
interface NationalBase {
  working: Uint8Array;
  named: Map<number, Named>;
  years: Set<number>;
}

let nationalBase: NationalBase | null = null;

function weekdayFlags(): Uint8Array {
  const working = new Uint8Array(SPAN);
  let wd = weekdayOf(FIRST_DAY);
  for (let i = 0; i < SPAN; i++) {
    working[i] = wd !== 0 && wd !== 6 ? 1 : 0;
    wd = wd === 6 ? 0 : wd + 1;
  }
  return working;
}

function loadNationalBase(): NationalBase {
  if (nationalBase) return nationalBase;
  const working = weekdayFlags();
  const named = new Map<number, Named>();
  const years = new Set<number>();
  const apply = (map: Record<string, string>, kind: DayKind, flag: number) => {
    for (const [date, raw] of Object.entries(map)) {
      const n = toDayNumber(date);
      working[n - FIRST_DAY] = flag;
      named.set(n, { kind, name: packageName(raw) });
      years.add(yearOf(n));
    }
  };
  apply(packageData.holidays, 'holiday', 0);
  apply(packageData.workdays, 'adjustedWorkday', 1);
  nationalBase = { working, named, years: fillYears(years) };
  return nationalBase;
}

/** The package covers every whole year from its first entry to its last. */
function fillYears(years: Set<number>): Set<number> {
  const out = new Set<number>();
  if (years.size === 0) return out;
  const last = Math.max(...years);
  for (let y = Math.min(...years); y <= last; y++) out.add(y);
  return out;
}

function checkedDay(iso: string): number {
  const n = toDayNumber(iso);
  if (n < FIRST_DAY || n > LAST_DAY) {
    throw new RangeError(`date ${iso} outside the calendar range ${INDEX_FIRST_YEAR}–${INDEX_LAST_YEAR}`);
  }
  return n;
}

const NATIONAL_KINDS: ReadonlySet<string> = new Set<NationalOverrideKind>(['holiday', 'adjustedWorkday']);
const LOCAL_KINDS: ReadonlySet<string> = new Set<LocalOverrideKind>(['localClosure', 'extraWorkday']);

function validateOverrides(rows: readonly CalendarOverride[], allowed: ReadonlySet<string>, scope: string): void {
  for (const row of rows) {
    if (!allowed.has(row.kind)) {
      throw new RangeError(`${scope} calendar row ${row.date} has kind ${row.kind}; allowed: ${[...allowed].join(', ')}`);
    }
    checkedDay(row.date);
  }
}

/** Sorted, merged [startDay, endDay] intervals of whole known years. */
function knownIntervals(years: Set<number>): [number, number][] {
  const out: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const start = daysFromCivil(y, 1, 1);
    const end = daysFromCivil(y, 12, 31);
    const last = out[out.length - 1];
    if (last && last[1] + 1 === start) last[1] = end;
    else out.push([start, end]);
  }
  return out;
}

export class WorkCalendar {
  private static nationalCache: WorkCalendar | null = null;

  /** Working days among index days [0, i). */
  private readonly prefix: Uint16Array;
  /** Index day of the k-th working day. */
  private readonly ordinal: Uint16Array;
  private readonly known: [number, number][];

  private constructor(
    private readonly knownYearSet: Set<number>,
    private readonly named: Map<number, Named>,
    working: Uint8Array,
    private readonly nationalRows: readonly CalendarOverride[],
    private readonly localRows: readonly CalendarOverride[],
  ) {
    this.known = knownIntervals(knownYearSet);
    const { prefix, ordinal } = compile(working);
    this.prefix = prefix;
    this.ordinal = ordinal;
  }

  /** National calendar from the package only; built once. */
  static national(): WorkCalendar {
    if (!WorkCalendar.nationalCache) {
      const base = loadNationalBase();
      WorkCalendar.nationalCache = new WorkCalendar(base.years, base.named, base.working, [], []);
    }
    return WorkCalendar.nationalCache;
  }

  /**
   * A calendar with extra rows on top of this one's (later rows win on the same date).
   * `national`: admin-loaded `holiday`/`adjustedWorkday` rows — without `opts.published`
   * any such row makes its year known; with it, exactly the published years are known. `local`: one center's `localClosure`/`extraWorkday` rows; they beat
   * national data. Throws RangeError on a wrong kind or a bad date.
   */
  withOverrides(national: readonly CalendarOverride[], local: readonly CalendarOverride[] = [], opts: { published?: Iterable<number> } = {}): WorkCalendar {
    validateOverrides(national, NATIONAL_KINDS, 'national');
    validateOverrides(local, LOCAL_KINDS, 'local');
    const nationalRows = [...this.nationalRows, ...national];
    const localRows = [...this.localRows, ...local];
    const base = loadNationalBase();
    const working = base.working.slice();
    const named = new Map(base.named);
    const years = new Set(base.years);
    // National rows first, then local ones, so a center's decision wins.
    for (const row of [...nationalRows, ...localRows]) {
      const n = checkedDay(row.date);
      working[n - FIRST_DAY] = row.kind === 'holiday' || row.kind === 'localClosure' ? 0 : 1;
      named.set(n, row.note ? { kind: row.kind, name: row.note } : { kind: row.kind });
    }
    // A year becomes known only as a whole: with `published`, only the years published as one
    // act (the State Council's whole arrangement) count; one loaded date alone leaves it fallback.
    const published = opts.published ? new Set(opts.published) : null;
    for (const row of nationalRows) {
      const y = yearOf(toDayNumber(row.date));
      if (!published || published.has(y)) years.add(y);
    }
    for (const y of published ?? []) if (y >= INDEX_FIRST_YEAR && y <= INDEX_LAST_YEAR) years.add(y);
    return new WorkCalendar(years, named, working, nationalRows, localRows);
  }

  // --- ISO API --------------------------------------------------------------

  dayKind(date: string): DayInfo {
    const n = checkedDay(date);
    const fallback = !this.isKnownDay(n);
    const hit = this.named.get(n);
    if (hit) return hit.name === undefined ? { kind: hit.kind, fallback } : { kind: hit.kind, name: hit.name, fallback };
    const wd = weekdayOf(n);
    return { kind: wd === 0 || wd === 6 ? 'weekend' : 'workday', fallback };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNum(checkedDay(date));
  }

  /**
   * The n-th working day after `from` (`from` itself not counted), as in
   * `chinese-days`' findWorkday: n = 0 → `from` if it is a working day, else the next
   * one; n < 0 → the |n|-th working day before `from`.
   */
  addWorkingDays(from: string, n: number): Dated {
    const a = checkedDay(from);
    const b = this.addWorkingDaysNum(a, n);
    return { date: fromDayNumber(b), fallback: this.isFallbackSpan(a, b) };
  }

  /**
   * Working days in (from, to]. When to < from the answer is -(working days in
   * (to, from]), so `workingDaysBetween(a, b) === -workingDaysBetween(b, a)` and the
   * sum over a chain of dates telescopes; from === to gives 0.
   */
  workingDaysBetween(from: string, to: string): Counted {
    const a = checkedDay(from);
    const b = checkedDay(to);
    return { days: this.countWorkingDaysNum(a, b), fallback: this.isFallbackSpan(a, b) };
  }

  knownYears(): { first: number; last: number } {
    const first = this.known[0];
    const last = this.known[this.known.length - 1];
    if (!first || !last) throw new Error('calendar has no known years');
    return { first: yearOf(first[0]), last: yearOf(last[1]) };
  }

  isKnownYear(y: number): boolean {
    return this.knownYearSet.has(y);
  }

  year(y: number): YearView {
    if (!Number.isInteger(y) || y < INDEX_FIRST_YEAR || y > INDEX_LAST_YEAR) {
      throw new RangeError(`year ${y} outside the calendar range ${INDEX_FIRST_YEAR}–${INDEX_LAST_YEAR}`);
    }
    const days: YearDay[] = [];
    for (let n = daysFromCivil(y, 1, 1), end = daysFromCivil(y, 12, 31); n <= end; n++) {
      const date = fromDayNumber(n);
      const { kind, name } = this.dayKind(date);
      days.push(name === undefined ? { date, kind } : { date, kind, name });
    }
    return { year: y, known: this.isKnownYear(y), days };
  }

  /** Admin-loaded national rows and local rows this calendar was built from. */
  overrides(): { national: readonly CalendarOverride[]; local: readonly CalendarOverride[] } {
    return { national: this.nationalRows, local: this.localRows };
  }

  // --- Day-number API (hot paths: the clock, sweeps) -------------------------

  /** First and last day numbers the index covers. */
  static readonly range = { first: FIRST_DAY, last: LAST_DAY } as const;

  isWorkingDayNum(n: number): boolean {
    const i = this.index(n);
    return this.prefix[i + 1]! !== this.prefix[i]!;
  }

  /** Day-number twin of addWorkingDays. */
  addWorkingDaysNum(from: number, n: number): number {
    const i = this.index(from);
    if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
    // prefix[i] = working days strictly before `from` = ordinal of the first working day >= from.
    const k = n > 0 ? this.prefix[i + 1]! + n - 1 : this.prefix[i]! + n;
    if (k < 0 || k >= this.ordinal.length) {
      throw new RangeError(`${n} working days from ${fromDayNumber(from)} leaves the calendar range`);
    }
    return this.ordinal[k]! + FIRST_DAY;
  }

  /** Working days in (a, b]; negative when b < a (see workingDaysBetween). */
  countWorkingDaysNum(a: number, b: number): number {
    return this.prefix[this.index(b) + 1]! - this.prefix[this.index(a) + 1]!;
  }

  /** True when any day between a and b (inclusive, either order) is in an unknown year. */
  isFallbackSpan(a: number, b: number): boolean {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    for (let i = 0; i < this.known.length; i++) {
      const iv = this.known[i]!;
      if (lo >= iv[0] && hi <= iv[1]) return false;
    }
    return true;
  }

  private isKnownDay(n: number): boolean {
    return !this.isFallbackSpan(n, n);
  }

  private index(n: number): number {
    const i = n - FIRST_DAY;
    if (!(i >= 0 && i < SPAN) || (i | 0) !== i) {
      throw new RangeError(`day ${Number.isFinite(n) ? fromDayNumber(n) : n} outside the calendar range ${INDEX_FIRST_YEAR}–${INDEX_LAST_YEAR}`);
    }
    return i;
  }
}

function compile(working: Uint8Array): { prefix: Uint16Array; ordinal: Uint16Array } {
  const prefix = new Uint16Array(SPAN + 1);
  let count = 0;
  for (let i = 0; i < SPAN; i++) {
    prefix[i] = count;
    count += working[i]!;
  }
  prefix[SPAN] = count;
  const ordinal = new Uint16Array(count);
  for (let i = 0, k = 0; i < SPAN; i++) if (working[i]) ordinal[k++] = i;
  return { prefix, ordinal };
}
