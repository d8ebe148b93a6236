import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkCalendar, fromDayNumber, toDayNumber } from '../calendar/calendar.js';
import { computeClock, type ClockInput, type ClockPause, type ClockState, type Light, type TimeLimit } from './clock.js';

const cal = WorkCalendar.national();

const wd = (value: number): TimeLimit => ({ value, unit: 'workingDays' });
const cd = (value: number): TimeLimit => ({ value, unit: 'calendarDays' });
const spot: TimeLimit = { value: 0, unit: 'onTheSpot' };

function clock(input: Partial<ClockInput> & Pick<ClockInput, 'acceptedOn' | 'today'>, calendar = cal): ClockState {
  return computeClock(calendar, { promisedLimit: wd(5), statutoryLimit: wd(20), ...input });
}

/** Light per day over [from, to], for boundary tables. */
function lights(input: Omit<Parameters<typeof clock>[0], 'today'>, from: string, to: string): Record<string, Light | null> {
  const out: Record<string, Light | null> = {};
  for (let d = toDayNumber(from); d <= toDayNumber(to); d++) out[fromDayNumber(d)] = clock({ ...input, today: fromDayNumber(d) }).light;
  return out;
}

describe('not started', () => {
  it('has no dates and no light', () => {
    const s = clock({ acceptedOn: null, today: '2025-10-01' });
    expect(s).toMatchObject({ acceptedOn: null, promisedDue: null, statutoryDue: null, light: null, usedWorkingDays: 0, nextChangeOn: null, paused: false });
  });
});

describe('domain example across National Day 2025', () => {
  const c = { acceptedOn: '2025-09-30', promisedLimit: wd(5), statutoryLimit: wd(20) };

  it('due dates', () => {
    const s = clock({ ...c, today: '2025-09-30' });
    expect(s.promisedDue).toBe('2025-10-14');
    expect(s.statutoryDue).toBe('2025-11-04');
    expect(s.usedWorkingDays).toBe(0);
    expect(s.remainingWorkingDays).toBe(5);
    expect(s.yellowThreshold).toBe(1);
    expect(s.fallback).toBe(false);
  });

  it('light on exact days: the day before yellow, yellow, due day still yellow, red, black', () => {
    expect(lights(c, '2025-10-12', '2025-10-15')).toEqual({
      '2025-10-12': 'green', // Sunday, 2 left
      '2025-10-13': 'yellow', // 1 left = threshold
      '2025-10-14': 'yellow', // the due day itself
      '2025-10-15': 'red',
    });
    expect(lights(c, '2025-11-04', '2025-11-05')).toEqual({ '2025-11-04': 'red', '2025-11-05': 'black' });
  });

  it('counters through the holiday', () => {
    expect(clock({ ...c, today: '2025-10-08' })).toMatchObject({ usedWorkingDays: 0, remainingWorkingDays: 5, light: 'green' });
    expect(clock({ ...c, today: '2025-10-11' })).toMatchObject({ usedWorkingDays: 3, remainingWorkingDays: 2 });
    expect(clock({ ...c, today: '2025-10-15' })).toMatchObject({ usedWorkingDays: 6, remainingWorkingDays: -1, overdue: true, pastStatutory: false });
    expect(clock({ ...c, today: '2025-11-05' })).toMatchObject({ light: 'black', overdue: true, pastStatutory: true, nextChangeOn: null });
  });

  it('nextChangeOn steps green → yellow → red → black', () => {
    expect(clock({ ...c, today: '2025-09-30' }).nextChangeOn).toBe('2025-10-13');
    expect(clock({ ...c, today: '2025-10-12' }).nextChangeOn).toBe('2025-10-13');
    expect(clock({ ...c, today: '2025-10-13' }).nextChangeOn).toBe('2025-10-15');
    expect(clock({ ...c, today: '2025-10-15' }).nextChangeOn).toBe('2025-11-05');
  });
});

describe('Spring Festival and year boundaries', () => {
  it('Spring Festival 2026: the Saturday before works, the holiday does not', () => {
    const c = { acceptedOn: '2026-02-12', promisedLimit: wd(3), statutoryLimit: wd(20) };
    expect(clock({ ...c, today: '2026-02-12' })).toMatchObject({ promisedDue: '2026-02-24', statutoryDue: '2026-03-18' });
    expect(lights(c, '2026-02-13', '2026-02-25')).toEqual({
      '2026-02-13': 'green',
      '2026-02-14': 'yellow', // Saturday 调休上班: 1 left
      '2026-02-15': 'yellow',
      '2026-02-16': 'yellow',
      '2026-02-17': 'yellow',
      '2026-02-18': 'yellow',
      '2026-02-19': 'yellow',
      '2026-02-20': 'yellow',
      '2026-02-21': 'yellow',
      '2026-02-22': 'yellow',
      '2026-02-23': 'yellow',
      '2026-02-24': 'yellow', // due
      '2026-02-25': 'red',
    });
  });

  it('Spring Festival 2025 and 2024', () => {
    expect(clock({ acceptedOn: '2025-01-24', promisedLimit: wd(3), today: '2025-01-24' }).promisedDue).toBe('2025-02-05');
    expect(clock({ acceptedOn: '2024-02-08', promisedLimit: wd(2), today: '2024-02-08' }).promisedDue).toBe('2024-02-18');
  });

  it('New Year: 2025-12-30 + 5 → 2026-01-07 (Jan 1–3 off, Sunday Jan 4 works)', () => {
    const s = clock({ acceptedOn: '2025-12-30', today: '2026-01-04' });
    expect(s).toMatchObject({ promisedDue: '2026-01-07', usedWorkingDays: 2, remainingWorkingDays: 3 });
    expect(clock({ acceptedOn: '2024-12-31', promisedLimit: wd(1), today: '2024-12-31' }).promisedDue).toBe('2025-01-02');
  });

  it('fallback is flagged when a due date leaves known data, and cleared by national rows', () => {
    expect(clock({ acceptedOn: '2026-12-20', today: '2026-12-21' }).fallback).toBe(true);
    expect(clock({ acceptedOn: '2026-11-02', promisedLimit: wd(5), statutoryLimit: wd(10), today: '2026-11-03' }).fallback).toBe(false);
    const with2027 = cal.withOverrides([{ date: '2027-01-01', kind: 'holiday' }], []);
    expect(clock({ acceptedOn: '2026-12-20', today: '2026-12-21' }, with2027).fallback).toBe(false);
  });

  it('a local closure moves the due date', () => {
    const local = cal.withOverrides([], [{ date: '2025-10-10', kind: 'localClosure' }]);
    expect(clock({ acceptedOn: '2025-09-30', today: '2025-09-30' }, local).promisedDue).toBe('2025-10-15');
  });
});

describe('yellow threshold = max(minYellowDays, floor(share × limit))', () => {
  const threshold = (value: number, extra: Partial<ClockInput> = {}) =>
    clock({ acceptedOn: '2025-11-03', promisedLimit: wd(value), statutoryLimit: wd(60), today: '2025-11-03', ...extra }).yellowThreshold;

  it('default ⅓, at least 1', () => {
    expect([1, 2, 3, 5, 6, 9, 10, 20, 30].map((v) => threshold(v))).toEqual([1, 1, 1, 1, 2, 3, 3, 6, 10]);
  });

  it('configurable share and minimum', () => {
    expect(threshold(10, { yellowShare: 0.5 })).toBe(5);
    expect(threshold(2, { minYellowDays: 0 })).toBe(0);
    expect(threshold(5, { minYellowDays: 3 })).toBe(3);
  });

  it('20-day limit: 7 left is green, 6 left is yellow', () => {
    // 2025-11-03 + 20 working days = 2025-12-01.
    const c = { acceptedOn: '2025-11-03', promisedLimit: wd(20), statutoryLimit: wd(30) };
    expect(clock({ ...c, today: '2025-11-03' }).promisedDue).toBe('2025-12-01');
    expect(clock({ ...c, today: '2025-11-20' })).toMatchObject({ remainingWorkingDays: 7, light: 'green', nextChangeOn: '2025-11-21' });
    expect(clock({ ...c, today: '2025-11-21' })).toMatchObject({ remainingWorkingDays: 6, light: 'yellow', nextChangeOn: '2025-12-02' });
    expect(clock({ ...c, today: '2025-12-01' })).toMatchObject({ remainingWorkingDays: 0, light: 'yellow' });
    expect(clock({ ...c, today: '2025-12-02' })).toMatchObject({ remainingWorkingDays: -1, light: 'red' });
  });

  it('threshold 0: yellow only on the due day', () => {
    const c = { acceptedOn: '2025-11-03', promisedLimit: wd(2), minYellowDays: 0 };
    expect(lights(c, '2025-11-04', '2025-11-06')).toEqual({ '2025-11-04': 'green', '2025-11-05': 'yellow', '2025-11-06': 'red' });
  });
});

describe('pauses (special procedures): paused days are (startOn, endOn]', () => {
  // Accepted Mon 2025-11-03, 5 working days → due Mon 2025-11-10.
  const base = { acceptedOn: '2025-11-03', promisedLimit: wd(5), statutoryLimit: wd(20) };

  it('the start day is charged, the resume day is not', () => {
    const s = clock({ ...base, pauses: [{ startOn: '2025-11-05', endOn: '2025-11-07' }], today: '2025-11-07' });
    expect(s.pausedWorkingDays).toBe(2); // Thu 6, Fri 7
    expect(s.usedWorkingDays).toBe(2); // Tue 4, Wed 5
    expect(s.promisedDue).toBe('2025-11-12');
    expect(s.statutoryDue).toBe('2025-12-03'); // 2025-12-01 moved by the same 2 days
    expect(s.paused).toBe(false);
  });

  it('a pause started and ended the same day pauses nothing', () => {
    const s = clock({ ...base, pauses: [{ startOn: '2025-11-05', endOn: '2025-11-05' }], today: '2025-11-06' });
    expect(s).toMatchObject({ pausedWorkingDays: 0, promisedDue: '2025-11-10', usedWorkingDays: 3 });
  });

  it('a pause spanning National Day counts only its working days', () => {
    // 2025-09-22 + 10 → 2025-10-11; pause (09-26, 10-09] holds 09-28, 09-29, 09-30, 10-09.
    const c = { acceptedOn: '2025-09-22', promisedLimit: wd(10), statutoryLimit: wd(20), pauses: [{ startOn: '2025-09-26', endOn: '2025-10-09' }] };
    expect(clock({ ...c, pauses: [], today: '2025-09-22' })).toMatchObject({ promisedDue: '2025-10-11', statutoryDue: '2025-10-24' });
    const s = clock({ ...c, today: '2025-10-13' });
    expect(s).toMatchObject({ pausedWorkingDays: 4, promisedDue: '2025-10-16', statutoryDue: '2025-10-30', usedWorkingDays: 7, remainingWorkingDays: 3 });
    expect(s.light).toBe('yellow'); // threshold floor(10/3) = 3
  });

  it('multiple and overlapping pauses are merged, not double counted', () => {
    const two = clock({ ...base, today: '2025-11-20', pauses: [{ startOn: '2025-11-04', endOn: '2025-11-05' }, { startOn: '2025-11-06', endOn: '2025-11-07' }] });
    expect(two).toMatchObject({ pausedWorkingDays: 2, promisedDue: '2025-11-12' });
    const overlap = clock({ ...base, today: '2025-11-20', pauses: [{ startOn: '2025-11-04', endOn: '2025-11-07' }, { startOn: '2025-11-05', endOn: '2025-11-06' }] });
    expect(overlap).toMatchObject({ pausedWorkingDays: 3, promisedDue: '2025-11-13' });
  });

  it('a pause started on the due day moves the due date to the resume day', () => {
    const c = { acceptedOn: '2025-11-03', promisedLimit: wd(2), statutoryLimit: wd(20), pauses: [{ startOn: '2025-11-05', endOn: '2025-11-10' }] };
    expect(clock({ ...c, today: '2025-11-10' })).toMatchObject({ promisedDue: '2025-11-10', pausedWorkingDays: 3, light: 'yellow' });
    expect(clock({ ...c, today: '2025-11-11' }).light).toBe('red');
  });

  it('a pause started after the due date does not rescue an overdue case', () => {
    const c = { acceptedOn: '2025-11-03', promisedLimit: wd(2), statutoryLimit: wd(20), pauses: [{ startOn: '2025-11-07', endOn: '2025-11-12' }] };
    const s = clock({ ...c, today: '2025-11-13' });
    expect(s).toMatchObject({ promisedDue: '2025-11-05', light: 'red', overdue: true, pausedWorkingDays: 3 });
    expect(s.statutoryDue).toBe('2025-12-04'); // statutory not yet passed: it moves by 3
  });

  it('an open pause freezes counters and light and projects the due dates', () => {
    const open: ClockPause = { startOn: '2025-11-05', endOn: null };
    const s = clock({ ...base, pauses: [open], today: '2025-11-12' });
    expect(s).toMatchObject({
      paused: true,
      pausedSince: '2025-11-05',
      usedWorkingDays: 2,
      remainingWorkingDays: 3,
      pausedWorkingDays: 5,
      light: 'green',
      nextChangeOn: null,
      promisedDue: '2025-11-17', // as if it resumed today
    });
    const planned = clock({ ...base, pauses: [{ ...open, plannedWorkingDays: 10 }], today: '2025-11-12' });
    expect(planned).toMatchObject({ promisedDue: '2025-11-24', pausedWorkingDays: 5, remainingWorkingDays: 3 });
    // Past the planned length the projection follows today.
    const late = clock({ ...base, pauses: [{ ...open, plannedWorkingDays: 2 }], today: '2025-11-12' });
    expect(late.promisedDue).toBe('2025-11-17');
  });

  it('a paused case near its due keeps the light it had at the pause start', () => {
    const c = { ...base, pauses: [{ startOn: '2025-11-06', endOn: null }] };
    expect(clock({ ...c, today: '2025-11-06' }).light).toBe('green'); // 2 left on 11-06
    expect(clock({ ...c, today: '2025-11-28' })).toMatchObject({ light: 'green', remainingWorkingDays: 2, overdue: false });
    const late = { ...base, pauses: [{ startOn: '2025-11-11', endOn: null }] };
    expect(clock({ ...late, today: '2025-12-20' })).toMatchObject({ light: 'red', paused: true });
  });

  it('a pause recorded before acceptance only counts from acceptance', () => {
    const s = clock({ ...base, pauses: [{ startOn: '2025-11-01', endOn: '2025-11-04' }], today: '2025-11-05' });
    expect(s).toMatchObject({ pausedWorkingDays: 1, usedWorkingDays: 1, promisedDue: '2025-11-11' });
  });

  it('a pause not yet started is ignored', () => {
    const s = clock({ ...base, pauses: [{ startOn: '2025-11-06', endOn: null }], today: '2025-11-05' });
    expect(s).toMatchObject({ paused: false, promisedDue: '2025-11-10', pausedWorkingDays: 0 });
  });
});

describe('extensions add working days to both due dates', () => {
  const c = { acceptedOn: '2025-09-30', promisedLimit: wd(5), statutoryLimit: wd(20) };

  it('one extension', () => {
    const s = clock({ ...c, extensions: [{ workingDays: 3 }], today: '2025-10-16' });
    expect(s).toMatchObject({ promisedDue: '2025-10-17', statutoryDue: '2025-11-07', usedWorkingDays: 7, remainingWorkingDays: 1, light: 'yellow' });
    // Without it the same day is red.
    expect(clock({ ...c, today: '2025-10-16' }).light).toBe('red');
  });

  it('two extensions', () => {
    const s = clock({ ...c, extensions: [{ workingDays: 3 }, { workingDays: 2 }], today: '2025-09-30' });
    expect(s).toMatchObject({ promisedDue: '2025-10-21', statutoryDue: '2025-11-11' });
  });

  it('20-day license + 10: statutory rule', () => {
    const s = clock({ acceptedOn: '2025-11-03', promisedLimit: wd(20), statutoryLimit: wd(20), extensions: [{ workingDays: 10 }], today: '2025-12-02' });
    expect(s).toMatchObject({ promisedDue: '2025-12-15', statutoryDue: '2025-12-15', light: 'green', pastStatutory: false });
  });

  it('extensions and pauses combine', () => {
    const s = clock({ ...c, extensions: [{ workingDays: 3 }], pauses: [{ startOn: '2025-10-09', endOn: '2025-10-10' }], today: '2025-10-10' });
    expect(s).toMatchObject({ promisedDue: '2025-10-20', pausedWorkingDays: 1 });
  });
});

describe('onTheSpot', () => {
  it('is due on the acceptance day, red the next day', () => {
    const c = { acceptedOn: '2025-11-03', promisedLimit: spot, statutoryLimit: wd(5) };
    expect(clock({ ...c, today: '2025-11-03' })).toMatchObject({ promisedDue: '2025-11-03', remainingWorkingDays: 0, light: 'yellow', nextChangeOn: '2025-11-04' });
    expect(clock({ ...c, today: '2025-11-04' })).toMatchObject({ light: 'red', nextChangeOn: '2025-11-11' });
    expect(clock({ ...c, today: '2025-11-11' }).light).toBe('black');
  });

  it('accepted on a Saturday it is still due that day', () => {
    expect(clock({ acceptedOn: '2025-11-08', promisedLimit: spot, statutoryLimit: spot, today: '2025-11-08' })).toMatchObject({ promisedDue: '2025-11-08', light: 'yellow' });
    expect(clock({ acceptedOn: '2025-11-08', promisedLimit: spot, statutoryLimit: spot, today: '2025-11-09' }).light).toBe('black');
  });

  it('a pause started on the day moves the due date to the resume day', () => {
    const s = clock({ acceptedOn: '2025-11-03', promisedLimit: spot, statutoryLimit: wd(5), pauses: [{ startOn: '2025-11-03', endOn: '2025-11-05' }], today: '2025-11-05' });
    expect(s).toMatchObject({ promisedDue: '2025-11-05', light: 'yellow' });
  });
});

describe('calendarDays', () => {
  const c = { acceptedOn: '2025-11-03', promisedLimit: cd(10), statutoryLimit: cd(30) };

  it('counts every day', () => {
    const s = clock({ ...c, today: '2025-11-08' });
    expect(s).toMatchObject({ promisedDue: '2025-11-13', statutoryDue: '2025-12-03', usedWorkingDays: 5, remainingWorkingDays: 5, countUnit: 'calendarDays', yellowThreshold: 3 });
    expect(lights(c, '2025-11-09', '2025-11-14')).toEqual({
      '2025-11-09': 'green',
      '2025-11-10': 'yellow', // 3 calendar days left
      '2025-11-11': 'yellow',
      '2025-11-12': 'yellow',
      '2025-11-13': 'yellow',
      '2025-11-14': 'red',
    });
  });

  it('a last day on a weekend or holiday rolls to the next working day (民法典 §203)', () => {
    expect(clock({ ...c, acceptedOn: '2025-11-05', today: '2025-11-05' }).promisedDue).toBe('2025-11-17');
    expect(clock({ ...c, acceptedOn: '2025-09-21', today: '2025-09-21' }).promisedDue).toBe('2025-10-09');
    const s = clock({ ...c, acceptedOn: '2025-09-21', today: '2025-10-08' });
    expect(s).toMatchObject({ usedWorkingDays: 17, remainingWorkingDays: 1, light: 'yellow' });
  });

  it('pauses add calendar days', () => {
    const s = clock({ ...c, pauses: [{ startOn: '2025-11-05', endOn: '2025-11-08' }], today: '2025-11-10' });
    expect(s).toMatchObject({ pausedWorkingDays: 3, usedWorkingDays: 4, promisedDue: '2025-11-17' }); // 11-16 is Sunday → Monday
  });

  it('extensions are working days after the last calendar day', () => {
    expect(clock({ ...c, extensions: [{ workingDays: 2 }], today: '2025-11-03' }).promisedDue).toBe('2025-11-17');
  });

  it('mixed units: calendar-day statutory, working-day promise', () => {
    const s = clock({ acceptedOn: '2025-09-30', promisedLimit: wd(5), statutoryLimit: cd(60), today: '2025-09-30' });
    expect(s).toMatchObject({ promisedDue: '2025-10-14', statutoryDue: '2025-12-01', countUnit: 'workingDays' }); // 11-29 is Saturday
  });
});

describe('closed cases', () => {
  const c = { acceptedOn: '2025-09-30', promisedLimit: wd(5), statutoryLimit: wd(20) };

  it('the clock stops at closedOn', () => {
    const s = clock({ ...c, closedOn: '2025-10-10', today: '2025-12-31' });
    expect(s).toMatchObject({ closed: true, usedWorkingDays: 2, remainingWorkingDays: 3, light: 'green', overdue: false, nextChangeOn: null });
  });

  it('closed late stays red / black', () => {
    expect(clock({ ...c, closedOn: '2025-10-15', today: '2025-12-31' })).toMatchObject({ light: 'red', overdue: true, pastStatutory: false });
    expect(clock({ ...c, closedOn: '2025-11-05', today: '2025-12-31' })).toMatchObject({ light: 'black', pastStatutory: true });
  });

  it('closing ends an open pause', () => {
    const s = clock({ ...c, pauses: [{ startOn: '2025-10-09', endOn: null, plannedWorkingDays: 30 }], closedOn: '2025-10-13', today: '2025-12-31' });
    expect(s).toMatchObject({ paused: false, pausedSince: null, pausedWorkingDays: 3, usedWorkingDays: 1, promisedDue: '2025-10-17' });
  });

  it('closedOn after today is not closed yet', () => {
    expect(clock({ ...c, closedOn: '2025-10-20', today: '2025-10-10' })).toMatchObject({ closed: false, usedWorkingDays: 2 });
  });
});

describe('validation', () => {
  it('rejects impossible input', () => {
    expect(() => clock({ acceptedOn: '2025-10-02', today: '2025-10-01' })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', promisedLimit: wd(-1) })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', promisedLimit: wd(1.5) })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', pauses: [{ startOn: '2025-10-03', endOn: '2025-10-02' }] })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', closedOn: '2025-09-30' })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', extensions: [{ workingDays: -2 }] })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-10-01', today: '2025-10-05', yellowShare: 2 })).toThrow(RangeError);
    expect(() => clock({ acceptedOn: '2025-13-01', today: '2025-10-05' })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// Properties against a day-by-day reference model.

const D0 = toDayNumber('2024-01-01');
const D1 = toDayNumber('2026-06-30');

interface Scenario {
  accepted: number;
  promised: TimeLimit;
  statutory: TimeLimit;
  pauses: { s: number; e: number }[];
  extensions: number[];
  today: number;
}

const limitArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map(wd),
  fc.integer({ min: 0, max: 40 }).map(cd),
  fc.constant(spot),
  fc.constant(wd(0)),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    accepted: fc.integer({ min: D0, max: D1 }),
    promised: limitArb,
    statutory: limitArb,
    pauses: fc.array(fc.record({ start: fc.integer({ min: -3, max: 60 }), len: fc.integer({ min: 0, max: 25 }) }), { maxLength: 3 }),
    extensions: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 2 }),
    after: fc.integer({ min: 0, max: 90 }),
  })
  .map(({ accepted, promised, statutory, pauses, extensions, after }) => {
    const ps = pauses.map(({ start, len }) => ({ s: accepted + start, e: accepted + start + len }));
    const lastEnd = Math.max(accepted, ...ps.map((p) => p.e));
    return { accepted, promised, statutory, pauses: ps, extensions, today: lastEnd + after };
  });

function toInput(sc: Scenario, today = sc.today): ClockInput {
  return {
    acceptedOn: fromDayNumber(sc.accepted),
    promisedLimit: sc.promised,
    statutoryLimit: sc.statutory,
    pauses: sc.pauses.map((p) => ({ startOn: fromDayNumber(p.s), endOn: fromDayNumber(p.e) })),
    extensions: sc.extensions.map((workingDays) => ({ workingDays })),
    today: fromDayNumber(today),
  };
}

/**
 * Reference due date, one day at a time: a day counts when it is after `start`, not
 * paused and of the right unit; the due day is the first day the count reaches n —
 * unless a pause starts on that very day, in which case the due day is the last unit
 * day of that pause (the due date moves by exactly the pause's units).
 */
function walk(start: number, n: number, unit: (d: number) => boolean, paused: (d: number) => boolean): number {
  let count = 0;
  for (let d = start; ; d++) {
    if (d > start && !paused(d) && unit(d)) count++;
    if (count < n) continue;
    let due = d;
    for (let x = d + 1; paused(x); x++) if (unit(x)) due = x;
    return due;
  }
}

function referenceDue(sc: Scenario, limit: TimeLimit): number {
  const days = new Set<number>();
  for (const p of sc.pauses) for (let d = Math.max(p.s, sc.accepted) + 1; d <= p.e; d++) days.add(d);
  const paused = (d: number) => days.has(d);
  const ext = sc.extensions.reduce((a, b) => a + b, 0);
  const working = (d: number) => cal.isWorkingDayNum(d);
  if (limit.unit !== 'calendarDays') return walk(sc.accepted, (limit.unit === 'onTheSpot' ? 0 : limit.value) + ext, working, paused);
  const first = walk(sc.accepted, limit.value, () => true, paused);
  // Extension days, or the roll to a working day (the first working day from `first`),
  // see only pauses after `first`.
  const later = (d: number) => d > first && paused(d);
  return ext > 0 ? walk(first, ext, working, later) : walk(first - 1, 1, working, later);
}

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2, black: 3 };

describe('clock properties', () => {
  it('due dates match the day-by-day reference', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = computeClock(cal, toInput(sc));
        expect(s.promisedDue).toBe(fromDayNumber(referenceDue(sc, sc.promised)));
        expect(s.statutoryDue).toBe(fromDayNumber(referenceDue(sc, sc.statutory)));
      }),
      { numRuns: 2000 },
    );
  });

  it('used + paused = elapsed; remaining = limit − used for working-day limits', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = computeClock(cal, toInput(sc));
        const elapsed = s.countUnit === 'calendarDays' ? sc.today - sc.accepted : cal.countWorkingDaysNum(sc.accepted, sc.today);
        expect(s.usedWorkingDays + s.pausedWorkingDays).toBe(elapsed);
        const total = (sc.promised.unit === 'workingDays' ? sc.promised.value : 0) + sc.extensions.reduce((a, b) => a + b, 0);
        if (sc.promised.unit === 'workingDays' && total > 0) expect(s.remainingWorkingDays).toBe(total - s.usedWorkingDays);
      }),
      { numRuns: 1000 },
    );
  });

  it('nextChangeOn is the first later day whose light differs, and lights never go back', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const now = computeClock(cal, toInput(sc));
        const next = now.nextChangeOn === null ? null : toDayNumber(now.nextChangeOn);
        expect(now.paused).toBe(false);
        if (next === null) expect(now.light).toBe('black');
        const horizon = next ?? sc.today + 60;
        let rank = RANK[now.light!];
        for (let t = sc.today + 1; t <= horizon; t++) {
          const s = computeClock(cal, toInput(sc, t));
          expect(s.promisedDue).toBe(now.promisedDue);
          if (t < horizon || next === null) expect(s.light).toBe(now.light);
          else expect(s.light).not.toBe(now.light);
          expect(RANK[s.light!]).toBeGreaterThanOrEqual(rank);
          rank = RANK[s.light!];
        }
      }),
      { numRuns: 400 },
    );
  });

  it('light agrees with overdue / pastStatutory', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const s = computeClock(cal, toInput(sc));
        expect(s.overdue).toBe(sc.today > toDayNumber(s.promisedDue!));
        expect(s.pastStatutory).toBe(sc.today > toDayNumber(s.statutoryDue!));
        expect(s.light === 'black').toBe(s.pastStatutory);
        if (s.light === 'red') expect(s.overdue).toBe(true);
        if (s.light === 'green' || s.light === 'yellow') expect(s.overdue).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('an open pause freezes the state it had at its start', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 30 })), (sc, gap, len, planned) => {
        const start = sc.today + gap;
        const atStart = computeClock(cal, toInput(sc, start));
        const input = toInput(sc, start + len);
        const open: ClockPause = planned === null ? { startOn: fromDayNumber(start), endOn: null } : { startOn: fromDayNumber(start), endOn: null, plannedWorkingDays: planned };
        const s = computeClock(cal, { ...input, pauses: [...input.pauses!, open] });
        expect(s.paused).toBe(true);
        expect(s.pausedSince).toBe(fromDayNumber(start));
        expect(s.nextChangeOn).toBeNull();
        expect(s.usedWorkingDays).toBe(atStart.usedWorkingDays);
        expect(s.remainingWorkingDays).toBe(atStart.remainingWorkingDays);
        expect(s.light).toBe(atStart.light);
      }),
      { numRuns: 1000 },
    );
  });

  it('an open pause projects the due dates of a pause ending on its projected end', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), (sc, gap, len, planned) => {
        const start = sc.today + gap;
        const today = start + len;
        const end = Math.max(today, planned > 0 ? cal.addWorkingDaysNum(start, planned) : today);
        const input = toInput(sc, today);
        const open = computeClock(cal, { ...input, pauses: [...input.pauses!, { startOn: fromDayNumber(start), endOn: null, plannedWorkingDays: planned }] });
        const ended = computeClock(cal, { ...input, today: fromDayNumber(end), pauses: [...input.pauses!, { startOn: fromDayNumber(start), endOn: fromDayNumber(end) }] });
        expect(open.promisedDue).toBe(ended.promisedDue);
        expect(open.statutoryDue).toBe(ended.statutoryDue);
      }),
      { numRuns: 500 },
    );
  });

  it('a closed case reads as of its closing day', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 200 }), (sc, later) => {
        const atClose = computeClock(cal, toInput(sc));
        const s = computeClock(cal, { ...toInput(sc, sc.today + later), closedOn: fromDayNumber(sc.today) });
        expect({ ...s, closed: false, nextChangeOn: atClose.nextChangeOn }).toEqual(atClose);
        expect(s.closed).toBe(true);
        expect(s.nextChangeOn).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('a pause that starts on or before the due date moves it by exactly its working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: D0, max: D1 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), (acc, n, startOff, len) => {
        const due0 = cal.addWorkingDaysNum(acc, n);
        const s = Math.min(acc + startOff, due0);
        const e = s + len;
        const r = clock({ acceptedOn: fromDayNumber(acc), promisedLimit: wd(n), pauses: [{ startOn: fromDayNumber(s), endOn: fromDayNumber(e) }], today: fromDayNumber(e) });
        const paused = cal.countWorkingDaysNum(s, e);
        expect(r.pausedWorkingDays).toBe(paused);
        expect(r.promisedDue).toBe(fromDayNumber(paused === 0 ? due0 : cal.addWorkingDaysNum(due0, paused)));
      }),
      { numRuns: 1000 },
    );
  });
});
