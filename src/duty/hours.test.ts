import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../core/calendar/calendar.js';
import { STATUS_LABELS, classifyDay, hoursOn, inHours, inSeason, type DayFacts } from './hours.js';
import { DEFAULT_SETTINGS, type DutySettings } from './settings.js';

const cal = WorkCalendar.national();
const SUMMER: DutySettings = {
  ...DEFAULT_SETTINGS,
  seasons: [{ name: '夏季作息', from: '05-01', to: '09-30', hours: [{ from: '08:30', to: '12:00' }, { from: '14:30', to: '18:00' }] }],
};
/** The facts of a past day at the center, as the service assembles them. */
const facts = (day: string, signIn: string | null, signOut: string | null, patch: Partial<DayFacts> = {}, s: DutySettings = SUMMER): DayFacts => ({
  workingDay: cal.isWorkingDay(day), hours: hoursOn(day, s), signIn, signOut, onLeave: false, exempt: false, graceMinutes: s.graceMinutes, nowTime: null, ...patch,
});
const status = (f: DayFacts) => classifyDay(f).status;

describe('office hours', () => {
  it('seasons are inclusive MM-DD ranges and may wrap the new year', () => {
    expect(inSeason('05-01', '05-01', '09-30')).toBe(true);
    expect(inSeason('09-30', '05-01', '09-30')).toBe(true);
    expect(inSeason('04-30', '05-01', '09-30')).toBe(false);
    expect(inSeason('10-01', '05-01', '09-30')).toBe(false);
    expect(inSeason('12-31', '11-01', '02-28')).toBe(true);
    expect(inSeason('01-15', '11-01', '02-28')).toBe(true);
    expect(inSeason('03-01', '11-01', '02-28')).toBe(false);
  });
  it('a seasonal-hours change: 30 April keeps the default hours, 1 May the summer ones', () => {
    expect(hoursOn('2026-04-30', SUMMER)[0].from).toBe('09:00');
    expect(hoursOn('2026-05-01', SUMMER)[0].from).toBe('08:30');
    expect(hoursOn('2026-09-30', SUMMER)[1].to).toBe('18:00');
    expect(hoursOn('2026-10-08', SUMMER)[1].to).toBe('17:30');
    expect(inHours('12:30', DEFAULT_SETTINGS.hours)).toBe(false);
    expect(inHours('13:30', DEFAULT_SETTINGS.hours)).toBe(true);
    expect(inHours('17:30', DEFAULT_SETTINGS.hours)).toBe(false);
  });
});

describe('classifyDay', () => {
  it('on time, late, early leave, both, absent on an ordinary working day', () => {
    const d = '2026-03-04'; // Wednesday
    expect(status(facts(d, '08:55', '17:31'))).toBe('onTime');
    expect(status(facts(d, '09:00', '17:30'))).toBe('onTime');
    expect(classifyDay(facts(d, '09:07', '17:30'))).toEqual({ status: 'late', lateMinutes: 7, earlyMinutes: 0 });
    expect(classifyDay(facts(d, '08:59', '17:10'))).toEqual({ status: 'earlyLeave', lateMinutes: 0, earlyMinutes: 20 });
    expect(status(facts(d, '09:30', '16:00'))).toBe('lateAndEarlyLeave');
    expect(status(facts(d, null, null))).toBe('absent');
    expect(status(facts(d, '17:30', null))).toBe('absent'); // signed in after the day ended
    expect(status(facts(d, '13:00', '17:30'))).toBe('late'); // came in the afternoon only
  });
  it('a finished day without sign-out is early leave; today it is still open', () => {
    const d = '2026-03-04';
    expect(classifyDay(facts(d, '08:50', null))).toEqual({ status: 'earlyLeave', lateMinutes: 0, earlyMinutes: 510 });
    expect(status(facts(d, '08:50', null, { nowTime: '15:00' }))).toBe('open');
    expect(status(facts(d, '09:20', null, { nowTime: '15:00' }))).toBe('late');
    expect(status(facts(d, null, null, { nowTime: '10:00' }))).toBe('open');
    expect(status(facts(d, null, null, { nowTime: '17:30' }))).toBe('absent');
  });
  it('today after the office hours a missing sign-out is 未签退 (not early leave) until the day closes', () => {
    const d = '2026-03-04';
    for (const nowTime of ['17:30', '17:45', '21:00', '23:59']) {
      expect(classifyDay(facts(d, '08:50', null, { nowTime }))).toEqual({ status: 'notSignedOut', lateMinutes: 0, earlyMinutes: 0 });
      expect(status(facts(d, '09:20', null, { nowTime }))).toBe('late'); // late stays late; no early leave yet
    }
    expect(STATUS_LABELS.notSignedOut).toBe('未签退');
    // Signed out before the end: early leave at once, today or not.
    expect(status(facts(d, '08:50', '16:00', { nowTime: '18:00' }))).toBe('earlyLeave');
    // The day closed (no "now"): early leave.
    expect(status(facts(d, '08:50', null))).toBe('earlyLeave');
  });
  it('grace minutes', () => {
    const s = { ...SUMMER, graceMinutes: 5 };
    expect(status(facts('2026-03-04', '09:05', '17:25', {}, s))).toBe('onTime');
    expect(status(facts('2026-03-04', '09:06', '17:25', {}, s))).toBe('late');
  });
  it('a holiday needs nobody (New Year 2026-01-01, a Thursday), even with no sign-in', () => {
    expect(cal.dayKind('2026-01-01').kind).toBe('holiday');
    expect(status(facts('2026-01-01', null, null))).toBe('notRequired');
    expect(status(facts('2026-01-01', '10:00', '11:00'))).toBe('notRequired');
  });
  it('an adjusted workday counts (Sunday 2026-01-04 调休上班): absence is absence', () => {
    expect(cal.dayKind('2026-01-04').kind).toBe('adjustedWorkday');
    expect(status(facts('2026-01-04', null, null))).toBe('absent');
    expect(status(facts('2026-01-04', '09:10', '17:30'))).toBe('late');
    expect(status(facts('2026-01-04', '08:58', '17:35'))).toBe('onTime');
    expect(status(facts('2026-01-11', null, null))).toBe('notRequired'); // an ordinary Sunday
  });
  it('a seasonal-hours change: 08:45 is late on 30 April and on time on 1 May… after the holiday', () => {
    // 2026-04-30 is a Thursday with default hours (09:00 start): 08:45 is on time, 09:10 late.
    expect(status(facts('2026-04-30', '08:45', '17:30'))).toBe('onTime');
    // Summer hours start 08:30: the same 08:45 sign-in is late on the first summer working day.
    const firstSummerWorkday = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06'].find((d) => cal.isWorkingDay(d))!;
    expect(status(facts(firstSummerWorkday, '08:45', '18:00'))).toBe('late');
    // …and leaving at 17:30 is early leave in summer, on time before.
    expect(status(facts('2026-04-30', '08:45', '17:30'))).toBe('onTime');
    expect(classifyDay(facts(firstSummerWorkday, '08:30', '17:30'))).toEqual({ status: 'earlyLeave', lateMinutes: 0, earlyMinutes: 30 });
    expect(status(facts('2026-05-01', null, null))).toBe('notRequired'); // Labour Day
  });
  it('exempt posts and approved leave are never absent', () => {
    expect(status(facts('2026-03-04', null, null, { exempt: true }))).toBe('exempt');
    expect(status(facts('2026-03-04', null, null, { onLeave: true }))).toBe('leave');
    expect(status(facts('2026-01-01', null, null, { onLeave: true }))).toBe('notRequired');
  });
});

describe('localTime', () => {
  it('agrees with Intl in a fixed-offset zone and across a DST change', async () => {
    const { localTime } = await import('./common.js');
    const intl = (d: Date, tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    for (const tz of ['Asia/Shanghai', 'Europe/Berlin', 'America/St_Johns']) {
      for (let ms = Date.UTC(2026, 2, 28); ms < Date.UTC(2026, 2, 30); ms += 7 * 60_000) {
        expect(localTime(new Date(ms), tz)).toBe(intl(new Date(ms), tz));
      }
    }
  });
});
