import { describe, expect, it } from 'vitest';
import { daysOfMonth, quarterMonths, missRunToEscalate, mondayOf, nextMonth, planDueOn, planShortfall, planStatus, previousMonth, sittingOf, weeksOfMonth, type DutyFact } from './leaderRules.js';

describe('the by-the-10th rule', () => {
  it('the plan for a month is due on the 10th of the month before, across the year boundary', () => {
    expect(planDueOn('2026-04', 10)).toBe('2026-03-10');
    expect(planDueOn('2026-01', 10)).toBe('2025-12-10');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
  it('submitted on the 10th is on time, on the 11th late; not submitted after the 10th is missing', () => {
    expect(planStatus('2026-04', '2026-03-10', '2026-03-20', 10)).toBe('onTime');
    expect(planStatus('2026-04', '2026-03-01', '2026-03-20', 10)).toBe('onTime');
    expect(planStatus('2026-04', '2026-03-11', '2026-03-20', 10)).toBe('late');
    expect(planStatus('2026-04', null, '2026-03-10', 10)).toBe('pending');
    expect(planStatus('2026-04', null, '2026-03-11', 10)).toBe('missing');
    expect(planStatus('2026-01', '2025-12-11', '2026-01-02', 10)).toBe('late');
  });
  it('days of a month (leap years)', () => {
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-02').at(-1)).toBe('2026-02-28');
  });
});

describe('consecutive misses', () => {
  const d = (id: string, day: string, status: DutyFact['status']): DutyFact => ({ id, day, status });
  it('three consecutive misses escalate, keyed by the first of the run', () => {
    const days = [d('a', '2026-01-05', 'done'), d('b', '2026-02-05', 'missed'), d('c', '2026-03-05', 'missed'), d('e', '2026-04-05', 'missed')];
    expect(missRunToEscalate(days, 3)).toEqual({ runStartId: 'b', days: ['2026-02-05', '2026-03-05', '2026-04-05'] });
    // A fourth miss keeps the same key: the caller's unique key makes it escalate once.
    expect(missRunToEscalate([...days, d('f', '2026-05-05', 'missed')], 3)?.runStartId).toBe('b');
  });
  it('two misses, or a done duty in between, do not escalate', () => {
    expect(missRunToEscalate([d('b', '2026-02-05', 'missed'), d('c', '2026-03-05', 'missed')], 3)).toBeNull();
    expect(missRunToEscalate([d('b', '2026-02-05', 'missed'), d('c', '2026-03-05', 'missed'), d('x', '2026-03-20', 'done'), d('e', '2026-04-05', 'missed')], 3)).toBeNull();
    // Planned future days do not break or extend a run; order of input does not matter.
    expect(missRunToEscalate([d('p', '2026-06-01', 'planned'), d('e', '2026-04-05', 'missed'), d('b', '2026-02-05', 'missed'), d('c', '2026-03-05', 'missed')], 3)?.runStartId).toBe('b');
  });
});

describe('sitting cadence × misses (seed 001: weekly half day, monthly day, quarterly half day)', () => {
  const d = (id: string, day: string, status: DutyFact['status']): DutyFact => ({ id, day, status });
  // Two planned days a week for three weeks (Mon + Wed), all missed.
  const weekly = [
    d('a1', '2026-04-06', 'missed'), d('a2', '2026-04-08', 'missed'),
    d('b1', '2026-04-13', 'missed'), d('b2', '2026-04-15', 'missed'),
    d('c1', '2026-04-20', 'missed'), d('c2', '2026-04-22', 'missed'),
  ];
  it('weekly: a week is one sitting — six missed days in three weeks are three missed sittings', () => {
    expect(missRunToEscalate(weekly, 3, 'weeklyHalfDay')).toEqual({ runStartId: 'a1', days: weekly.map((x) => x.day) });
    expect(missRunToEscalate(weekly, 4, 'weeklyHalfDay')).toBeNull();
    // The same days counted as monthly days are six sittings: four is reached.
    expect(missRunToEscalate(weekly, 4, 'monthlyDay')?.days).toHaveLength(6);
  });
  it('weekly: one day done in a week saves the week and breaks the run', () => {
    const saved = weekly.map((x) => (x.id === 'b2' ? { ...x, status: 'done' as const } : x));
    expect(missRunToEscalate(saved, 2, 'weeklyHalfDay')).toBeNull(); // only week c after the break
    expect(missRunToEscalate(saved, 1, 'weeklyHalfDay')).toEqual({ runStartId: 'c1', days: ['2026-04-20', '2026-04-22'] });
    // Monthly cadence: b2 done breaks the run after four misses, two remain.
    expect(missRunToEscalate(saved, 3, 'monthlyDay')).toBeNull();
  });
  it('weekly: a week with a day still planned is not decided yet', () => {
    const open = [...weekly.slice(0, 4), d('c1', '2026-04-20', 'missed'), d('c2', '2026-04-22', 'planned')];
    expect(missRunToEscalate(open, 3, 'weeklyHalfDay')).toBeNull();
    expect(missRunToEscalate(open, 2, 'weeklyHalfDay')?.runStartId).toBe('a1');
  });
  it('quarterly: three missed quarters escalate; misses inside one quarter are one', () => {
    const q = [d('q1', '2026-01-15', 'missed'), d('q1b', '2026-02-10', 'missed'), d('q2', '2026-05-12', 'missed'), d('q3', '2026-08-11', 'missed')];
    expect(missRunToEscalate(q, 3, 'quarterlyHalfDay')).toEqual({ runStartId: 'q1', days: ['2026-01-15', '2026-02-10', '2026-05-12', '2026-08-11'] });
    expect(missRunToEscalate(q.slice(0, 3), 3, 'quarterlyHalfDay')).toBeNull();
    expect(sittingOf('quarterlyHalfDay', '2026-12-31')).toBe('2026-Q4');
  });
  it('weeks of a month: by their Thursday, without all-holiday weeks', () => {
    const work = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) && !['2026-04-06'].includes(day);
    // April 2026: Wed 1st — week of Mon 30 March has its Thursday (2 April) in April.
    expect(weeksOfMonth('2026-04', work).map((w) => w.monday)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27']);
    expect(weeksOfMonth('2026-04', work)[0].days).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
    // May 2026 starts on a Friday: that week (Thursday 30 April) is April's.
    expect(weeksOfMonth('2026-05', work)[0].monday).toBe('2026-05-04');
    expect(mondayOf('2026-05-03')).toBe('2026-04-27');
    const holidays = (day: string) => work(day) && !(day >= '2026-10-01' && day <= '2026-10-07');
    expect(weeksOfMonth('2026-10', holidays).map((w) => w.monday)).not.toContain('2026-09-28');
  });
  it('what a plan lacks, per cadence', () => {
    const work = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    expect(planShortfall('monthlyDay', '2026-04', ['2026-04-08'], work, 1)).toBeNull();
    expect(planShortfall('monthlyDay', '2026-04', ['2026-04-08'], work, 2)).toEqual({ kind: 'days', minDays: 2 });
    expect(planShortfall('weeklyHalfDay', '2026-04', ['2026-04-08', '2026-04-15'], work, 1)).toEqual({ kind: 'weeks', weeks: ['2026-03-30', '2026-04-20', '2026-04-27'] });
    expect(planShortfall('weeklyHalfDay', '2026-04', ['2026-04-01', '2026-04-08', '2026-04-15', '2026-04-22', '2026-04-29'], work, 1)).toBeNull();
    expect(planShortfall('quarterlyHalfDay', '2026-04', ['2026-04-08'], work, 1)).toBeNull();
  });
});

describe('the quarterly cadence needs one plan a quarter', () => {
  it('a month without a plan is covered when another month of its quarter has one', () => {
    expect(quarterMonths('2026-05')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(quarterMonths('2026-12')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(planStatus('2026-05', null, '2026-04-20', 10, true)).toBe('covered');
    expect(planStatus('2026-05', null, '2026-04-20', 10, false)).toBe('missing');
    expect(planStatus('2026-05', '2026-04-01', '2026-04-20', 10, true)).toBe('onTime');
  });
});
