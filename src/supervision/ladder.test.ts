import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { LADDER, answerDue, docNumber, escalationDue, rungFor, rungOf, storedLight } from './ladder.js';

const cal = WorkCalendar.national();

describe('escalation ladder (pure)', () => {
  it('skips the urge rung of a 即办 case (yellow from acceptance), not its order or violation', () => {
    expect(rungFor('yellow', 'immediate')).toBeNull();
    expect(rungFor('red', 'immediate')).toBe('red');
    expect(rungFor('black', 'immediate')).toBe('black');
    expect(rungFor('yellow', 'promised')).toBe('yellow');
  });

  it('maps lights to rungs: green has none', () => {
    expect(rungOf('green')).toBeNull();
    expect(rungOf(null)).toBeNull();
    expect(LADDER[rungOf('yellow')!].kind).toBe('urge');
    expect(LADDER.yellow.recipients).toEqual(['coordinator', 'holder']);
    expect(LADDER.red).toMatchObject({ kind: 'order', charge: 'overdue' });
    expect(LADDER.red.recipients).toEqual(['chiefRep', 'supervisor']);
    expect(LADDER.black).toMatchObject({ kind: 'violation', charge: 'violation' });
  });

  it('reads the light from stored clock columns like the worklist', () => {
    const base = { promisedDue: '2026-03-20', statutoryDue: '2026-04-10', yellowOn: '2026-03-16', state: 'inProgress' };
    expect(storedLight(base, '2026-03-15')).toBe('green');
    expect(storedLight(base, '2026-03-16')).toBe('yellow');
    expect(storedLight(base, '2026-03-20')).toBe('yellow'); // the due day itself is never red
    expect(storedLight(base, '2026-03-21')).toBe('red');
    expect(storedLight(base, '2026-04-11')).toBe('black');
    expect(storedLight({ ...base, state: 'completed' }, '2026-04-11')).toBeNull();
    expect(storedLight({ ...base, promisedDue: null }, '2026-04-11')).toBeNull();
  });

  it('gives a department 2 working days to answer, skipping holidays', () => {
    expect(answerDue(cal, '2026-03-05', 2)).toBe('2026-03-09'); // Thu → Mon
    expect(answerDue(cal, '2025-09-30', 2)).toBe('2025-10-10'); // National Day holiday
  });

  it('escalates only unanswered, unescalated orders after their answer day', () => {
    const order = { kind: 'order' as const, answerDue: '2026-03-09', answeredAt: null, escalatedAt: null };
    expect(escalationDue(order, '2026-03-09')).toBe(false);
    expect(escalationDue(order, '2026-03-10')).toBe(true);
    expect(escalationDue({ ...order, answeredAt: '2026-03-06T01:00:00Z' }, '2026-03-10')).toBe(false);
    expect(escalationDue({ ...order, escalatedAt: '2026-03-10T01:00:00Z' }, '2026-03-11')).toBe(false);
    expect(escalationDue({ ...order, kind: 'urge' }, '2026-03-10')).toBe(false);
  });

  it('numbers documents per center, kind and year', () => {
    expect(docNumber('清渭县政务服务中心', '督', '2026', 12)).toBe('清渭县监察督字〔2026〕第000012号');
  });
});
