/** The duty module's scheduled jobs (appended to src/jobs.ts). */
import type { Job } from '../core/scheduler.js';
import { windowStaffingJob } from '../supervision/anomalies/staffing.js';
import { dutyAttendance } from './attendance.js';
import { leaderMissJob } from './leader.js';
import { offHoursJob } from './offHours.js';

/** "Window without staff during office hours" on real sign-ins, the center's seasonal hours and posts. */
export const dutyStaffingJob: Job = {
  ...windowStaffingJob({ signedInAt: async () => [] }),
  run: (ctx, tx) => windowStaffingJob(dutyAttendance(ctx.config.timeZone)).run(ctx, tx),
};

export const DUTY_JOBS: Job[] = [dutyStaffingJob, offHoursJob, leaderMissJob];
