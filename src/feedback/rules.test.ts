import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { dueAfter, dueLight, extendedDue, isBad, isGood, ladderRung, scoreErrors, signLink, verifyLink, yellowFrom } from './rules.js';
import { evaluationRates } from './measures.js';

const cal = WorkCalendar.national();

describe('grades', () => {
  it('bad is 1–2, good (for 好评率) is 4–5', () => {
    expect([1, 2, 3, 4, 5].map(isBad)).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map(isGood)).toEqual([false, false, false, true, true]);
  });
  it('sub-scores: only the serving channel’s keys, integers 1–5', () => {
    expect(scoreErrors({ efficiency: 5, level: 4, attitude: 3 }, 'window')).toEqual([]);
    expect(scoreErrors({ platform: 5 }, 'window').map((e) => e.field)).toEqual(['body.scores.platform']);
    expect(scoreErrors({ platform: 0, convenience: 2.5 }, 'online').map((e) => e.field)).toEqual(['body.scores.platform', 'body.scores.convenience']);
  });
  it('rates from raw counts with the one rounding rule', () => {
    const r = evaluationRates({ rated: 3, good: 2, bad: 1, substantiated: 1, unfounded: 0, rectified: 1, rectifiedOnTime: 1, visited: 0, gradeSum: 11 });
    expect(r).toMatchObject({ goodRate: 66.67, badRate: 33.33, rectifyRate: 100, visitRate: 0, avgGrade: 3.67 });
    expect(evaluationRates({ rated: 0, good: 0, bad: 0, substantiated: 0, unfounded: 0, rectified: 0, rectifiedOnTime: 0, visited: 0, gradeSum: 0 }).goodRate).toBeNull();
  });
});

describe('due days on the working calendar', () => {
  it('15 working days over the 2026 National Day holiday (adjusted Saturday counts)', () => {
    // Rated Tue 2026-09-29: 9-30 (1), holiday 10-01..10-08, 10-09 Fri (2), 10-10 Sat adjusted workday (3)?
    const due = dueAfter(cal, '2026-09-29', 15);
    expect(cal.workingDaysBetween('2026-09-29', due).days).toBe(15);
    expect(cal.isWorkingDay(due)).toBe(true);
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) expect(cal.isWorkingDay(d)).toBe(false);
  });
  it('complaints: 5 working days across a weekend; extension to 15 working days from acceptance', () => {
    expect(dueAfter(cal, '2026-03-05', 5)).toBe('2026-03-12'); // Thu → next Thu
    expect(extendedDue(cal, '2026-03-05', 15)).toBe('2026-03-26');
  });
  it('yellow from two working days before due, green before, red after', () => {
    const due = '2026-03-26';
    const y = yellowFrom(cal, '2026-03-05', due);
    expect(y).toBe('2026-03-24');
    expect(dueLight(due, y, '2026-03-23')).toBe('green');
    expect(dueLight(due, y, '2026-03-24')).toBe('yellow');
    expect(dueLight(due, y, '2026-03-26')).toBe('yellow');
    expect(dueLight(due, y, '2026-03-27')).toBe('red');
    // A very short limit turns yellow no earlier than the next working day.
    expect(yellowFrom(cal, '2026-03-05', '2026-03-06')).toBe('2026-03-06');
  });
  it('the ladder: urge once at yellow, order once at red (an order also covers a missed urge)', () => {
    expect(ladderRung('green', false, false)).toBeNull();
    expect(ladderRung('yellow', false, false)).toBe('urge');
    expect(ladderRung('yellow', true, false)).toBeNull();
    expect(ladderRung('red', false, false)).toBe('order');
    expect(ladderRung('red', true, false)).toBe('order');
    expect(ladderRung('red', true, true)).toBeNull();
  });
});

describe('signed links', () => {
  const secret = 'k'.repeat(32);
  const t = signLink(secret, { t: 'rate', inv: 'abc', exp: 1000 });
  it('verifies before expiry', () => expect(verifyLink(secret, t, 999)).toEqual({ ok: true, payload: { t: 'rate', inv: 'abc', exp: 1000 } }));
  it('expired after', () => expect(verifyLink(secret, t, 1001)).toEqual({ ok: false, why: 'expired' }));
  it('another secret or an edited payload fails the signature', () => {
    expect(verifyLink('x'.repeat(32), t, 0)).toEqual({ ok: false, why: 'badSignature' });
    const [, sig] = t.split('.');
    const forged = `${Buffer.from(JSON.stringify({ t: 'rate', inv: 'abc', exp: 9e15 })).toString('base64url')}.${sig}`;
    expect(verifyLink(secret, forged, 0)).toEqual({ ok: false, why: 'badSignature' });
  });
  it('malformed', () => {
    expect(verifyLink(secret, 'nodot', 0)).toEqual({ ok: false, why: 'malformed' });
    expect(verifyLink(secret, 'a.b.c', 0)).toEqual({ ok: false, why: 'malformed' });
  });
});
