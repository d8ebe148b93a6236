import { describe, expect, it } from 'vitest';
import { daysOfMonth, missRunToEscalate, nextMonth, planDueOn, planStatus, previousMonth, type DutyFact } from './leaderRules.js';

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
