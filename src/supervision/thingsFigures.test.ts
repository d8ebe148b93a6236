import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { bundleLight, endToEndDays, figuresOf, sumTallies, tallyThings, yellowThreshold, type EndedGroup } from './thingsFigures.js';

const cal = WorkCalendar.national();
const third = { yellowShare: 1 / 3, minYellowDays: 1 };
const half = { yellowShare: 0.5, minYellowDays: 1 };
// Filed 2026-09-28 with a promised total of 5 working days: 9-29, 9-30, then 国庆 (10-01…10-07),
// then 10-08, 10-09 and the adjusted working Saturday 10-10 → due 2026-10-10.
const across = { promisedDue: '2026-10-10', promisedWorkingDays: 5 };

describe('bundle light (pure)', () => {
  it('counts the promised total across the National Day holiday like the calendar', () => {
    expect(cal.addWorkingDays('2026-09-28', 5).date).toBe(across.promisedDue);
  });

  it('uses the case clock threshold: max(minYellowDays, ⌊share × promised⌋)', () => {
    expect(yellowThreshold(5, third)).toBe(1);
    expect(yellowThreshold(6, third)).toBe(2); // 6 × ⅓ is 2, not 1.999…
    expect(yellowThreshold(0, third)).toBe(1);
    expect(yellowThreshold(5, { yellowShare: 0.1, minYellowDays: 3 })).toBe(3);
  });

  it('is green, then yellow in the last working days, yellow on the due day, red the day after', () => {
    expect(bundleLight(across, '2026-09-30', cal, third)).toBe('green');
    expect(bundleLight(across, '2026-10-05', cal, third)).toBe('green'); // a holiday: 3 working days left
    expect(bundleLight(across, '2026-10-08', cal, third)).toBe('green'); // 2 left
    expect(bundleLight(across, '2026-10-09', cal, third)).toBe('yellow'); // 1 left
    expect(bundleLight(across, '2026-10-10', cal, third)).toBe('yellow'); // the due day is never red
    expect(bundleLight(across, '2026-10-11', cal, third)).toBe('red');
  });

  it('follows the center’s yellow share', () => {
    expect(bundleLight(across, '2026-10-08', cal, half)).toBe('yellow'); // ⌊5 × ½⌋ = 2 left
    expect(bundleLight(across, '2026-10-05', cal, half)).toBe('green');
  });
});

describe('end-to-end days (pure)', () => {
  it('counts working days after the filing day up to the end, holidays left out', () => {
    expect(endToEndDays('2026-09-28', '2026-10-10', cal)).toBe(5);
    expect(endToEndDays('2026-09-28', '2026-10-12', cal)).toBe(6);
    expect(endToEndDays('2026-09-28', '2026-09-28', cal)).toBe(0);
    expect(endToEndDays('2026-09-30', '2026-10-07', cal)).toBe(0); // ended during the holiday
  });
});

describe('per-thing tally (pure)', () => {
  const g = (over: Partial<EndedGroup>): EndedGroup => ({
    thingId: 'T', centerId: 'C', filedOn: '2026-09-28', endedOn: '2026-10-09', promisedDue: '2026-10-10', n: 1, promisedDays: 5, partsDays: 9, ...over,
  });
  const tally = tallyThings({
    filed: [{ thingId: 'T', n: 4 }, { thingId: 'U', n: 1 }],
    completed: [{ thingId: 'T', n: 1 }],
    ended: [
      g({ n: 2, promisedDays: 10, partsDays: 18 }), // 4 days each, on time
      g({ endedOn: '2026-10-12' }), // 6 days, late
    ],
    running: [
      { thingId: 'T', centerId: 'C', promisedDue: '2026-10-10', promisedWorkingDays: 5, n: 3 },
      { thingId: 'U', centerId: 'C', promisedDue: '2026-10-08', promisedWorkingDays: 2, n: 1 },
    ],
  }, '2026-10-09', () => cal, () => third);

  it('counts filed, ended, on time, days and running lights per thing', () => {
    const t = figuresOf(tally.get('T')!);
    expect(t).toMatchObject({ filed: 4, ended: 3, completed: 1, onTime: 2, maxDays: 6, running: { green: 0, yellow: 3, red: 0, total: 3 } });
    expect(t.onTimeShare).toBe(66.67);
    expect(t.avgDays).toBe(4.67); // (4 + 4 + 6) ÷ 3
    expect(t.avgPromisedDays).toBe(5);
    expect(t.avgSumDays).toBe(9);
    expect(figuresOf(tally.get('U')!)).toMatchObject({ filed: 1, ended: 0, onTimeShare: null, avgDays: null, maxDays: null, running: { red: 1, total: 1 } });
  });

  it('adds the things up for the total row', () => {
    const s = figuresOf(sumTallies(tally.values()));
    expect(s).toMatchObject({ filed: 5, ended: 3, onTime: 2, maxDays: 6, running: { yellow: 3, red: 1, total: 4 } });
  });

  it('asks each center for its own calendar and settings', () => {
    const seen: string[] = [];
    tallyThings({ filed: [], completed: [], ended: [g({ centerId: 'A' })], running: [{ thingId: 'T', centerId: 'B', promisedDue: '2026-10-10', promisedWorkingDays: 5, n: 1 }] },
      '2026-10-01', (c) => { seen.push(c); return cal; }, (c) => { seen.push(`s:${c}`); return third; });
    expect(seen.sort()).toEqual(['A', 'B', 's:B']);
  });
});

describe('one rule for the light', () => {
  it('agrees with the light the bundle’s own progress view shows (src/things/bundleRules.ts)', async () => {
    const { bundleLight: viewLight } = await import('../things/bundleRules.js');
    for (const s of [third, half, { yellowShare: 0, minYellowDays: 0 }, { yellowShare: 1, minYellowDays: 2 }]) {
      for (const b of [across, { promisedDue: '2026-09-30', promisedWorkingDays: 2 }, { promisedDue: '2026-10-08', promisedWorkingDays: 0 }]) {
        for (let d = 20; d <= 45; d++) {
          const today = new Date(Date.UTC(2026, 8, d)).toISOString().slice(0, 10);
          expect(bundleLight(b, today, cal, s), `${b.promisedDue} ${today}`).toBe(viewLight(cal, { ...b, state: 'running' }, today, s));
        }
      }
    }
  });
});
