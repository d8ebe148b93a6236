/**
 * "A window without staff during office hours" (domain §6), written against a minimal
 * attendance interface. The duty module (src/duty/attendance.ts) implements it on real
 * sign-ins and posts, with the center's seasonal hours; src/duty/jobs.ts schedules it.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import type { Queryable, Tx } from '../../core/db/index.js';
import type { Job } from '../../core/scheduler.js';
import { calendarFor } from '../../core/calendar/service.js';
import { windows } from '../../core/org/schema.js';
import { anomalies } from '../schema.js';
import { LOCK } from '../../core/locks.js';

/** What the rule needs from attendance: who is signed in at a window at an instant. */
export interface AttendanceSource {
  signedInAt(db: Queryable, windowId: string, at: Date): Promise<string[]>;
  /** Whether the window has posts to judge on that day (all windows when absent). */
  tracks?(db: Queryable, windowId: string, day: string): Promise<boolean>;
  /** The center's office hours of a day (seasonal hours); the job's fixed hours when absent. */
  hoursFor?(db: Queryable, centerId: string, day: string): Promise<Hours>;
}

/** Office hours as local HH:MM (e.g. 09:00–12:00, 13:30–17:30). */
export type Hours = readonly { from: string; to: string }[];
export const DEFAULT_HOURS: Hours = [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }];

export function inOfficeHours(localTime: string, workingDay: boolean, hours: Hours = DEFAULT_HOURS): boolean {
  return workingDay && hours.some((h) => localTime >= h.from && localTime < h.to);
}

/** Fires once per window and day when, during office hours, nobody is signed in at it. */
export function windowWithoutStaff(w: { id: string; number: number; name: string }, staff: readonly string[], today: string, localTime: string, open: boolean) {
  if (!open || staff.length > 0) return null;
  return { rule: 'windowWithoutStaff' as const, subject: `window:${w.id}:${today}`, evidence: { window: { id: w.id, number: w.number, name: w.name }, day: today, seenEmptyAt: localTime } };
}

const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);

export function windowStaffingJob(source: AttendanceSource, hours: Hours = DEFAULT_HOURS): Job {
  return {
    name: 'supervision-window-staffing', lockKey: LOCK.windowStaffing, everyMs: 5 * 60_000,
    async run(ctx: AppContext, tx: Tx) {
      const now = ctx.now();
      const today = ctx.today();
      const time = localTime(now, ctx.config.timeZone);
      let written = 0;
      for (const w of await tx.select().from(windows)) {
        const calendar = await calendarFor(tx, w.centerId);
        const open = source.hoursFor ? await source.hoursFor(tx, w.centerId, today) : hours;
        if (!inOfficeHours(time, calendar.isWorkingDay(today), open)) continue;
        if (source.tracks && !(await source.tracks(tx, w.id, today))) continue;
        const f = windowWithoutStaff(w, await source.signedInAt(tx, w.id, now), today, time, true);
        if (!f) continue;
        const got = await tx.insert(anomalies).values({ rule: f.rule, subject: f.subject, centerId: w.centerId, departmentId: w.departmentId, evidence: f.evidence, detectedAt: now.toISOString() })
          .onConflictDoNothing().returning({ id: anomalies.id });
        written += got.length;
      }
      return written;
    },
  };
}

/** For tests and for the hall module: whether a window already has today's finding. */
export async function staffingFindings(db: Queryable, windowId: string, today: string) {
  return db.select().from(anomalies).where(and(eq(anomalies.rule, 'windowWithoutStaff'), eq(anomalies.subject, `window:${windowId}:${today}`)));
}
