/**
 * Political-birthday talks (政治生日谈话, seed 004 第二十七条):
 * 「在每位党员入党周年纪念日的一周内，支部书记……与党员进行一次谈话」.
 * The talk falls due on the anniversary of admission and is due within the week after it.
 */
import { addDays, daysBetween, isoDate, yearOf } from './dates.js';

export const TALK_WINDOW_DAYS = 7;
/** How far ahead the reminder list looks. */
export const REMIND_AHEAD_DAYS = 7;

/** The anniversary of `joinedOn` in a year (29 February falls on 28 February in common years). */
export function anniversaryIn(joinedOn: string, year: number): string {
  const m = Number(joinedOn.slice(5, 7));
  const d = Number(joinedOn.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return isoDate(year, m, m === 2 && d === 29 && !leap ? 28 : d);
}

export interface TalkDue { anniversary: string; years: number; dueBy: string; daysLeft: number; overdue: boolean }

/**
 * The talk window touching today: the anniversary of this year or the last (a window that
 * began late December runs into January). Null when no window is open or near, or when the
 * talk for it was already held (a talk dated on or after that anniversary).
 */
export function talkDue(joinedOn: string, today: string, talks: readonly string[]): TalkDue | null {
  const y = yearOf(today);
  for (const year of [y - 1, y, y + 1]) {
    const anniversary = anniversaryIn(joinedOn, year);
    if (year <= yearOf(joinedOn)) continue;
    const dueBy = addDays(anniversary, TALK_WINDOW_DAYS - 1);
    const opensIn = daysBetween(today, anniversary);
    const inWindow = today >= anniversary && today <= dueBy;
    const soon = opensIn > 0 && opensIn <= REMIND_AHEAD_DAYS;
    const lately = today > dueBy && daysBetween(dueBy, today) <= REMIND_AHEAD_DAYS;
    if (!inWindow && !soon && !lately) continue;
    if (talks.some((t) => t >= addDays(anniversary, -REMIND_AHEAD_DAYS) && t <= addDays(dueBy, REMIND_AHEAD_DAYS))) return null;
    return { anniversary, years: year - yearOf(joinedOn), dueBy, daysLeft: daysBetween(today, dueBy), overdue: today > dueBy };
  }
  return null;
}
