import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { checkArrangement } from '../core/calendar/years.js';
import { deadlineRules, displayLight, engineDeadlines, intakeLight, pledgeOverdue, receivedOnAfter } from './intake.js';
import type { CaseRow } from './repo.js';

const cal = WorkCalendar.national();
type Row = Parameters<typeof engineDeadlines>[1];
const row = (r: Partial<Row>): Row => ({ state: 'submitted', kind: 'promised', receivedOn: null, acceptBy: null, acceptedOn: null, owed: [], owedBy: null, promisedDue: null, ...r });
const rules = { owedWorkingDays: 5, deemedApproved: false };

describe('the acceptance decision within 3 working days of the receipt', () => {
  it('counts working days, the receipt day not counted', () => {
    expect(engineDeadlines(cal, row({ receivedOn: '2026-03-02' }), rules).acceptBy).toBe('2026-03-05'); // Mon → Thu
    expect(engineDeadlines(cal, row({ receivedOn: '2026-03-05' }), rules).acceptBy).toBe('2026-03-10'); // Thu → Tue
  });

  it('skips National Day and counts the adjusted workday', () => {
    // 2025-09-30 (Tue) → Oct 1–8 holidays, Sat 10-11 is an adjusted workday.
    expect(engineDeadlines(cal, row({ receivedOn: '2025-09-30' }), rules).acceptBy).toBe('2025-10-11'); // Thu 9, Fri 10, Sat 11 (worked)
    expect(engineDeadlines(cal, row({ receivedOn: '2025-09-28' }), rules).acceptBy).toBe('2025-10-09'); // Mon 29, Tue 30, Thu 10-09
  });

  it('crosses the year boundary on the known calendar', () => {
    expect(engineDeadlines(cal, row({ receivedOn: '2025-12-30' }), rules).acceptBy).toBe('2026-01-05'); // 01-01..03 off
  });

  it('keeps the stored deadline once the case left the desk', () => {
    expect(engineDeadlines(cal, row({ state: 'accepted', receivedOn: '2026-03-02', acceptBy: '2026-03-05' }), rules).acceptBy).toBe('2026-03-05');
    expect(engineDeadlines(cal, row({ state: 'awaitingSupplement', receivedOn: '2026-03-02', acceptBy: '2026-03-05' }), rules).acceptBy).toBe('2026-03-05');
  });

  it('starts again from a supplement that brought the case back to the desk', () => {
    expect(receivedOnAfter('awaitingSupplement', 'submitted', '2026-03-02', '2026-03-09')).toBe('2026-03-09');
    expect(receivedOnAfter('submitted', 'submitted', '2026-03-02', '2026-03-09')).toBe('2026-03-02');
    expect(receivedOnAfter('submitted', 'accepted', '2026-03-02', '2026-03-09')).toBe('2026-03-02');
  });

  it('lights green before the last day, yellow on it, red after it', () => {
    expect(intakeLight('2026-03-05', '2026-03-04')).toBe('green');
    expect(intakeLight('2026-03-05', '2026-03-05')).toBe('yellow');
    expect(intakeLight('2026-03-05', '2026-03-06')).toBe('red');
    expect(intakeLight(null, '2026-03-06')).toBeNull();
  });
});

describe('容缺: the pledge deadline', () => {
  it('runs from the acceptance while anything is owed, and stops when nothing is', () => {
    expect(engineDeadlines(cal, row({ state: 'accepted', acceptedOn: '2026-03-02', owed: ['photo'] }), rules).owedBy).toBe('2026-03-09');
    expect(engineDeadlines(cal, row({ state: 'accepted', acceptedOn: '2026-03-02', owed: ['photo'] }), { ...rules, owedWorkingDays: 10 }).owedBy).toBe('2026-03-16');
    expect(engineDeadlines(cal, row({ state: 'accepted', acceptedOn: '2026-03-02', owed: [] }), rules).owedBy).toBeNull();
  });

  it('turns a green or yellow case red once passed; red and black stay', () => {
    const r = { state: 'inProgress' as CaseRow['state'], acceptBy: null, owed: ['photo'], owedBy: '2026-03-09' };
    expect(pledgeOverdue(r, '2026-03-09')).toBe(false);
    expect(pledgeOverdue(r, '2026-03-10')).toBe(true);
    expect(displayLight('green', r, '2026-03-10')).toBe('red');
    expect(displayLight('yellow', r, '2026-03-10')).toBe('red');
    expect(displayLight('black', r, '2026-03-10')).toBe('black');
    expect(displayLight('green', r, '2026-03-09')).toBe('green');
    expect(displayLight('green', { ...r, owed: [] }, '2026-03-10')).toBe('green');
  });

  it('a case at the desk shows its acceptance deadline light', () => {
    expect(displayLight(null, { state: 'submitted', acceptBy: '2026-03-05', owed: [], owedBy: null }, '2026-03-06')).toBe('red');
  });
});

describe('超时默认 for a single department', () => {
  const deemed = deadlineRules({ overdueDefault: 'deemedApproved' });
  it('applies on the first working day after the promised due date', () => {
    expect(engineDeadlines(cal, row({ state: 'inProgress', promisedDue: '2026-03-06' }), deemed).deemOn).toBe('2026-03-09'); // Fri → Mon
    expect(engineDeadlines(cal, row({ state: 'inProgress', promisedDue: '2025-09-30' }), deemed).deemOn).toBe('2025-10-09'); // after National Day
  });

  it('only for deemedApproved items, single-department, while handled', () => {
    expect(engineDeadlines(cal, row({ state: 'inProgress', promisedDue: '2026-03-06' }), deadlineRules({ overdueDefault: 'none' })).deemOn).toBeNull();
    expect(engineDeadlines(cal, row({ state: 'inProgress', kind: 'joint', promisedDue: '2026-03-06' }), deemed).deemOn).toBeNull();
    expect(engineDeadlines(cal, row({ state: 'decided', promisedDue: '2026-03-06' }), deemed).deemOn).toBeNull();
    expect(engineDeadlines(cal, row({ state: 'submitted', promisedDue: null }), deemed).deemOn).toBeNull();
  });

  it('uses the engine default of 5 owed days when the item sets none', () => {
    expect(deadlineRules({ overdueDefault: 'none' }).owedWorkingDays).toBe(5);
    expect(deadlineRules({ overdueDefault: 'none', owedWorkingDays: 8 }).owedWorkingDays).toBe(8);
  });
});

describe('a national year is known only when published', () => {
  it('one loaded row leaves the year fallback; publishing makes it known', () => {
    const row2027 = [{ date: '2027-01-01', kind: 'holiday' as const }];
    expect(cal.withOverrides(row2027, [], { published: [] }).isKnownYear(2027)).toBe(false);
    expect(cal.withOverrides(row2027, [], { published: [] }).addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', fallback: true });
    const published = cal.withOverrides(row2027, [], { published: [2027] });
    expect(published.isKnownYear(2027)).toBe(true);
    expect(published.addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', fallback: false });
  });

  it('checks an arrangement as a whole', () => {
    expect(checkArrangement(2027, [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }, { date: '2027-02-06', kind: 'adjustedWorkday', note: '' }])).toEqual([]);
    const p = checkArrangement(2027, [
      { date: '2027-02-30', kind: 'holiday', note: '' }, { date: '2026-12-31', kind: 'holiday', note: '' },
      { date: '2027-01-01', kind: 'holiday', note: '' }, { date: '2027-01-01', kind: 'holiday', note: '' },
      { date: '2027-01-05', kind: 'adjustedWorkday', note: '' },
    ]);
    expect(p.map((x) => [x.row, x.field])).toEqual([[1, 'date'], [2, 'date'], [4, 'date'], [5, 'kind']]);
    expect(checkArrangement(2027, [{ date: '2027-02-06', kind: 'adjustedWorkday', note: '' }]).map((x) => x.field)).toEqual(['rows']);
  });
});
