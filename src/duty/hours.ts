/**
 * Office hours and attendance classification — pure functions, no I/O.
 *
 * Rules:
 * - A day needs attendance only when the center's calendar says it is a working day
 *   (holidays and weekends need nobody; adjusted workdays 调休上班 and extra workdays count).
 * - The hours of a day are the season's hours when a season covers the day (MM-DD range,
 *   inclusive, may wrap the new year), else the default hours.
 * - Exempt posts (the chief representative's A role, where the center sets so) and approved
 *   leave are classified as such, never as absent.
 * - Signed in after the start + grace: late. Signed out before the end − grace: early leave.
 *   A finished day without a sign-out counts as early leave (nothing shows they stayed).
 *   No sign-in, or a sign-in after the day's end: absent.
 * - Today a missing sign-out is not yet early leave: before the office hours end the person
 *   is on duty ("open"), after them "notSignedOut" (未签退) until the day closes at midnight —
 *   they may still sign out; only a closed day without a sign-out counts as early leave.
 */
import type { DutySettings, Session } from './settings.js';

export type AttendanceStatus = 'notRequired' | 'exempt' | 'leave' | 'absent' | 'late' | 'earlyLeave' | 'lateAndEarlyLeave' | 'onTime' | 'open' | 'notSignedOut';

export const STATUS_LABELS: Record<AttendanceStatus, string> = {
  notRequired: '无需考勤', exempt: '免考勤', leave: '请假', absent: '缺勤', late: '迟到', earlyLeave: '早退',
  lateAndEarlyLeave: '迟到且早退', onTime: '正常', open: '在岗（未签退）', notSignedOut: '未签退',
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether MM-DD `md` lies in the inclusive range from..to (which may wrap the new year). */
export function inSeason(md: string, from: string, to: string): boolean {
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/** The office hours of a date (YYYY-MM-DD) under the settings' seasons. */
export function hoursOn(dayIso: string, s: Pick<DutySettings, 'hours' | 'seasons'>): Session[] {
  const md = dayIso.slice(5);
  return s.seasons.find((x) => inSeason(md, x.from, x.to))?.hours ?? s.hours;
}

export function inHours(localTime: string, hours: readonly Session[]): boolean {
  return hours.some((h) => localTime >= h.from && localTime < h.to);
}

export interface DayFacts {
  workingDay: boolean;
  hours: readonly Session[];
  /** Local HH:MM of the sign-in / sign-out, or null. */
  signIn: string | null;
  signOut: string | null;
  onLeave: boolean;
  exempt: boolean;
  graceMinutes: number;
  /** Local HH:MM now when the day is today (the day is still running); null for a past day. */
  nowTime: string | null;
}

export interface Classified { status: AttendanceStatus; lateMinutes: number; earlyMinutes: number }

export function classifyDay(f: DayFacts): Classified {
  const none = (status: AttendanceStatus): Classified => ({ status, lateMinutes: 0, earlyMinutes: 0 });
  if (!f.workingDay || f.hours.length === 0) return none('notRequired');
  if (f.exempt) return none('exempt');
  if (f.onLeave) return none('leave');
  const start = minutes(f.hours[0].from);
  const end = minutes(f.hours[f.hours.length - 1].to);
  const running = f.nowTime !== null && minutes(f.nowTime) < end;
  const today = f.nowTime !== null;
  if (!f.signIn) return none(running ? 'open' : 'absent');
  const inAt = minutes(f.signIn);
  if (inAt >= end) return none('absent');
  const lateMinutes = inAt - start > f.graceMinutes ? inAt - start : 0;
  let earlyMinutes = 0;
  if (f.signOut) {
    const outAt = minutes(f.signOut);
    earlyMinutes = end - outAt > f.graceMinutes ? end - outAt : 0;
  } else if (!today) {
    earlyMinutes = end - Math.max(inAt, start);
  } else {
    return { status: lateMinutes ? 'late' : running ? 'open' : 'notSignedOut', lateMinutes, earlyMinutes: 0 };
  }
  const status: AttendanceStatus = lateMinutes && earlyMinutes ? 'lateAndEarlyLeave' : lateMinutes ? 'late' : earlyMinutes ? 'earlyLeave' : 'onTime';
  return { status, lateMinutes, earlyMinutes };
}
