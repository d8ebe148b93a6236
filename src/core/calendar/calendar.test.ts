import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INDEX_FIRST_YEAR,
  INDEX_LAST_YEAR,
  WorkCalendar,
  civilFromDays,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
  type CalendarOverride,
} from './calendar.js';

// chinese-days parses 'YYYY-MM-DD' as UTC midnight, then truncates to *local* midnight,
// so west of UTC it answers for the previous day. Our calendar never touches time
// zones; the reference must run in the service's zone, set before it is loaded
// (vitest's default forks pool gives each test file its own process).
process.env.TZ = 'Asia/Shanghai';
const { default: chineseDays } = await import('chinese-days');

const cal = WorkCalendar.national();
const DATA_FIRST = toDayNumber('2004-01-01');
const DATA_LAST = toDayNumber('2026-12-31');

/** Any date with national data. */
const knownDate = fc.integer({ min: DATA_FIRST, max: DATA_LAST }).map(fromDayNumber);

const add = (from: string, n: number) => cal.addWorkingDays(from, n).date;

/** Reference: step one day at a time. */
function naiveBetween(c: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = lo + 1; d <= hi; d++) if (c.isWorkingDay(fromDayNumber(d))) n++;
  return sign > 0 ? n : 0 - n; // 0 - 0 is +0, unlike -0
}

describe('ISO date ↔ day number', () => {
  it('round-trips and agrees with Date.UTC over the whole index range', () => {
    const first = toDayNumber(`${INDEX_FIRST_YEAR}-01-01`);
    const last = toDayNumber(`${INDEX_LAST_YEAR}-12-31`);
    for (let n = first; n <= last; n++) {
      const iso = fromDayNumber(n);
      expect(toDayNumber(iso)).toBe(n);
      if (n % 97 === 0) {
        expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(weekdayOf(n)).toBe(new Date(n * 86_400_000).getUTCDay());
      }
    }
  });

  it('handles epoch neighbours and leap days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(civilFromDays(toDayNumber('2024-02-29'))).toEqual([2024, 2, 29]);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
    expect(toDayNumber('2100-03-01') - toDayNumber('2100-02-28')).toBe(1);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-02-29', '2100-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '2024-01-1', '20240101', '2024/01/01', '2024-01-32', '', 'abcd-ef-gh']) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(() => toDayNumber(bad), bad).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('national data', () => {
  it('agrees with chinese-days isWorkday on every day 2000–2035', () => {
    for (let n = toDayNumber('2000-01-01'); n <= toDayNumber('2035-12-31'); n++) {
      const iso = fromDayNumber(n);
      if (cal.isWorkingDay(iso) !== chineseDays.isWorkday(iso)) throw new Error(`disagree on ${iso}`);
    }
  });

  it('knows 2004–2026 and flags other years as fallback', () => {
    expect(cal.knownYears()).toEqual({ first: 2004, last: 2026 });
    expect(cal.isKnownYear(2004)).toBe(true);
    expect(cal.isKnownYear(2026)).toBe(true);
    expect(cal.isKnownYear(2003)).toBe(false);
    expect(cal.isKnownYear(2027)).toBe(false);
    expect(cal.dayKind('2030-01-01')).toEqual({ kind: 'workday', fallback: true });
    expect(cal.dayKind('2030-01-05')).toEqual({ kind: 'weekend', fallback: true });
    expect(cal.addWorkingDays('2030-01-01', 1)).toEqual({ date: '2030-01-02', fallback: true });
    expect(cal.addWorkingDays('2030-01-04', 1)).toEqual({ date: '2030-01-07', fallback: true });
    expect(cal.workingDaysBetween('2030-01-01', '2030-01-31')).toEqual({ days: 22, fallback: true });
  });

  it('flags a span that leaves known data, not one that stays inside', () => {
    expect(cal.addWorkingDays('2026-12-30', 1).fallback).toBe(false);
    expect(cal.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-01', fallback: true });
    expect(cal.workingDaysBetween('2026-12-01', '2027-01-04').fallback).toBe(true);
    expect(cal.workingDaysBetween('2004-01-01', '2026-12-31').fallback).toBe(false);
    expect(cal.workingDaysBetween('2003-12-31', '2004-01-05').fallback).toBe(true);
  });

  it('names days and kinds', () => {
    expect(cal.dayKind('2025-10-01')).toEqual({ kind: 'holiday', name: '国庆节', fallback: false });
    expect(cal.dayKind('2025-10-11')).toEqual({ kind: 'adjustedWorkday', name: '国庆节', fallback: false });
    expect(cal.dayKind('2025-09-28')).toMatchObject({ kind: 'adjustedWorkday' });
    expect(cal.dayKind('2025-10-12')).toEqual({ kind: 'weekend', fallback: false });
    expect(cal.dayKind('2025-10-13')).toEqual({ kind: 'workday', fallback: false });
    expect(cal.dayKind('2026-02-17')).toEqual({ kind: 'holiday', name: '春节', fallback: false });
  });

  it('lists a year', () => {
    const y = cal.year(2025);
    expect(y.known).toBe(true);
    expect(y.days).toHaveLength(365);
    expect(y.days[0]).toEqual({ date: '2025-01-01', kind: 'holiday', name: '元旦' });
    expect(y.days.filter((d) => d.kind === 'adjustedWorkday').map((d) => d.date)).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    ]);
    expect(y.days.filter((d) => d.kind === 'holiday')).toHaveLength(28);
    expect(cal.year(2024).days).toHaveLength(366);
    expect(cal.year(2031).known).toBe(false);
    expect(() => cal.year(1900)).toThrow(RangeError);
  });
});

describe('addWorkingDays vs chinese-days findWorkday', () => {
  // findWorkday(n, d): n = 0 → d if working else the next working day; n > 0 → n-th
  // working day after d; n < 0 → backwards. Past 2026 it also falls back to Mon–Fri,
  // exactly as we do, so answers may run past the data and must still agree.
  it('agrees on random (from, n), n = 0…60', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(add(from, n)).toBe(chineseDays.findWorkday(n, from));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on random (from, n) backwards, n = -60…-1', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: -60, max: -1 }), (from, n) => {
        expect(add(from, n)).toBe(chineseDays.findWorkday(n, from));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on every date 2004–2026 for n = 0, 1, 2, 3, 5, 10, 20, 60', () => {
    for (let d = DATA_FIRST; d <= DATA_LAST; d++) {
      const from = fromDayNumber(d);
      for (const n of [0, 1, 2, 3, 5, 10, 20, 60]) {
        const theirs = chineseDays.findWorkday(n, from);
        if (add(from, n) !== theirs) throw new Error(`${from} + ${n}: ours ${add(from, n)}, theirs ${theirs}`);
      }
    }
  });
});

describe('workingDaysBetween', () => {
  it('inverts addWorkingDays', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 400 }), (from, n) => {
        const to = add(from, n);
        expect(cal.workingDaysBetween(from, to).days).toBe(n);
        expect(cal.workingDaysBetween(to, from).days).toBe(-n);
        // One day earlier is not yet the n-th working day.
        expect(cal.workingDaysBetween(from, fromDayNumber(toDayNumber(to) - 1)).days).toBe(n - 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('matches a naive day-by-day count, both directions', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: -400, max: 400 }), (from, delta) => {
        const to = fromDayNumber(toDayNumber(from) + delta);
        expect(cal.workingDaysBetween(from, to).days).toBe(naiveBetween(cal, from, to));
      }),
      { numRuns: 1000 },
    );
  });

  it('is antisymmetric and telescopes', () => {
    fc.assert(
      fc.property(knownDate, knownDate, knownDate, (a, b, c) => {
        const ab = cal.workingDaysBetween(a, b).days;
        expect(cal.workingDaysBetween(b, a).days).toBe(0 - ab);
        expect(ab + cal.workingDaysBetween(b, c).days).toBe(cal.workingDaysBetween(a, c).days);
      }),
    );
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-01').days).toBe(0);
  });

  it('counts (from, to]: the start is excluded, the end included', () => {
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-14').days).toBe(5);
    expect(cal.workingDaysBetween('2025-09-29', '2025-09-30').days).toBe(1);
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-08').days).toBe(0);
    expect(cal.workingDaysBetween('2025-10-14', '2025-09-30').days).toBe(-5);
  });
});

describe('hand-written national cases', () => {
  it('domain example: accepted 2025-09-30 + 5 → 2025-10-14', () => {
    expect(cal.addWorkingDays('2025-09-30', 5)).toEqual({ date: '2025-10-14', fallback: false });
  });

  it('adjusted workdays count', () => {
    expect(add('2025-09-26', 1)).toBe('2025-09-28'); // Sunday 调休上班
    expect(add('2025-10-10', 1)).toBe('2025-10-11'); // Saturday 调休上班
    expect(add('2025-10-11', 1)).toBe('2025-10-13');
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false); // Wednesday in the holiday
  });

  it('n = 0 keeps a working day and moves a rest day forward', () => {
    expect(add('2025-09-30', 0)).toBe('2025-09-30');
    expect(add('2025-10-01', 0)).toBe('2025-10-09');
    expect(add('2025-10-12', 0)).toBe('2025-10-13');
  });

  it('Spring Festival 2024', () => {
    expect(add('2024-02-03', 1)).toBe('2024-02-04'); // Sunday 调休上班
    expect(add('2024-02-08', 1)).toBe('2024-02-09'); // 除夕 2024 was a working day
    expect(add('2024-02-08', 2)).toBe('2024-02-18'); // Feb 10–17 off, Sunday 18 works
    expect(add('2024-02-08', 3)).toBe('2024-02-19');
    expect(cal.workingDaysBetween('2024-02-09', '2024-02-18').days).toBe(1);
  });

  it('Spring Festival 2025', () => {
    expect(add('2025-01-24', 1)).toBe('2025-01-26'); // Sunday 调休上班
    expect(add('2025-01-24', 2)).toBe('2025-01-27');
    expect(add('2025-01-24', 3)).toBe('2025-02-05'); // Jan 28 – Feb 4 off
    expect(add('2025-02-05', 3)).toBe('2025-02-08'); // Saturday 调休上班
  });

  it('Spring Festival 2026', () => {
    expect(add('2026-02-13', 1)).toBe('2026-02-14'); // Saturday 调休上班
    expect(add('2026-02-13', 2)).toBe('2026-02-24'); // Feb 15–23 off
    expect(add('2026-02-24', 4)).toBe('2026-02-28'); // Saturday 调休上班
    expect(cal.workingDaysBetween('2026-02-14', '2026-02-24').days).toBe(1);
  });

  it('New Year across year boundaries', () => {
    expect(add('2024-12-31', 1)).toBe('2025-01-02');
    expect(add('2025-12-31', 1)).toBe('2026-01-04'); // Sunday 调休上班
    expect(add('2025-12-31', 3)).toBe('2026-01-06');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-06').days).toBe(3);
  });

  it('throws outside the index range and on non-integer counts', () => {
    expect(() => cal.addWorkingDays('1970-01-01', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2149-12-30', 5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('overrides', () => {
  const local: CalendarOverride[] = [
    { date: '2025-10-09', kind: 'localClosure', note: '台风停止办公' },
    { date: '2025-10-12', kind: 'extraWorkday' },
  ];

  it('local closures and extra workdays move answers', () => {
    const closed = cal.withOverrides([], [local[0]!]);
    expect(closed.addWorkingDays('2025-09-30', 5).date).toBe('2025-10-15');
    expect(closed.isWorkingDay('2025-10-09')).toBe(false);
    expect(closed.dayKind('2025-10-09')).toEqual({ kind: 'localClosure', name: '台风停止办公', fallback: false });
    const extra = cal.withOverrides([], [local[1]!]);
    expect(extra.addWorkingDays('2025-09-30', 5).date).toBe('2025-10-13');
    expect(extra.dayKind('2025-10-12')).toEqual({ kind: 'extraWorkday', fallback: false });
    const both = cal.withOverrides([], local);
    expect(both.addWorkingDays('2025-09-30', 5).date).toBe('2025-10-14');
    expect(both.workingDaysBetween('2025-09-30', '2025-10-14').days).toBe(5);
  });

  it('a local closure beats an adjusted workday, and the national calendar is untouched', () => {
    const c = cal.withOverrides([], [{ date: '2025-10-11', kind: 'localClosure' }]);
    expect(c.isWorkingDay('2025-10-11')).toBe(false);
    expect(c.addWorkingDays('2025-09-30', 5).date).toBe('2025-10-15');
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(WorkCalendar.national()).toBe(cal);
  });

  it('national rows make an unknown year known', () => {
    const rows: CalendarOverride[] = [
      { date: '2027-01-01', kind: 'holiday', note: '元旦' },
      { date: '2027-02-06', kind: 'holiday', note: '春节' },
      { date: '2027-01-31', kind: 'adjustedWorkday', note: '春节' },
    ];
    const c = cal.withOverrides(rows, []);
    expect(c.isKnownYear(2027)).toBe(true);
    expect(c.knownYears()).toEqual({ first: 2004, last: 2027 });
    expect(c.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', fallback: false });
    expect(c.dayKind('2027-01-31')).toEqual({ kind: 'adjustedWorkday', name: '春节', fallback: false });
    expect(c.dayKind('2027-03-01')).toEqual({ kind: 'workday', fallback: false });
    expect(c.addWorkingDays('2027-12-31', 1).fallback).toBe(true);
    expect(c.year(2027).known).toBe(true);
    // A gap year stays unknown.
    const gap = cal.withOverrides([{ date: '2029-01-01', kind: 'holiday' }], []);
    expect(gap.isKnownYear(2028)).toBe(false);
    expect(gap.dayKind('2029-06-01').fallback).toBe(false);
    expect(gap.workingDaysBetween('2026-06-01', '2029-06-01').fallback).toBe(true);
  });

  it('stacks: a calendar with overrides takes more', () => {
    const c = cal.withOverrides([{ date: '2027-01-01', kind: 'holiday' }], []).withOverrides([], local);
    expect(c.isKnownYear(2027)).toBe(true);
    expect(c.isWorkingDay('2025-10-09')).toBe(false);
    expect(c.overrides().national).toHaveLength(1);
    expect(c.overrides().local).toHaveLength(2);
  });

  it('rejects rows of the wrong scope or with bad dates', () => {
    expect(() => cal.withOverrides([{ date: '2027-01-01', kind: 'localClosure' }], [])).toThrow(RangeError);
    expect(() => cal.withOverrides([], [{ date: '2027-01-01', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => cal.withOverrides([], [{ date: '2027-02-30', kind: 'localClosure' }])).toThrow(RangeError);
  });

  it('stays consistent with a naive count under random overrides', () => {
    const row = fc.record({
      date: fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber),
      kind: fc.constantFrom<'localClosure' | 'extraWorkday'>('localClosure', 'extraWorkday'),
    });
    const day = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2028-06-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), day, fc.integer({ min: 0, max: 60 }), (rows, from, n) => {
        const c = cal.withOverrides([], rows);
        const to = c.addWorkingDays(from, n).date;
        expect(c.isWorkingDay(to)).toBe(true);
        // n = 0 lands on `from` itself or the first working day after it.
        expect(naiveBetween(c, from, to)).toBe(n > 0 ? n : c.isWorkingDay(from) ? 0 : 1);
        expect(c.workingDaysBetween(from, to).days).toBe(naiveBetween(c, from, to));
      }),
      { numRuns: 300 },
    );
  });
});
