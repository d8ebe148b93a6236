import type { Job, ScheduledJob } from './core/scheduler.js';
import { supplementTimeoutJob } from './cases/sweep.js';
import { outboxJob } from './notify/worker.js';
import { jointDefaultsJob } from './cases/joint/sweep.js';
import { escalationJob, lightSweepJob } from './supervision/sweep.js';
import { anomalyScanJob } from './supervision/anomalies/scan.js';
import { invalidateAfter } from './cases/worklistCache.js';
import { auditSealJob } from './core/audit/seal.js';
import { calendarRecalcJob } from './cases/recalc.js';
import { pledgeOverdueJob, singleDefaultsJob } from './cases/deadlineJobs.js';
import { DUTY_JOBS } from './duty/jobs.js';
import { partyRemindersJob } from './party/sweep.js';
import { FEEDBACK_JOBS } from './feedback/jobs.js';
import { hallSweepJob } from './hall/booking.js';
import { feeAnomalyScanJob } from './fees/scan.js';
import { deadlinesJob } from './deadlines.js';

/** A job that rewrites case rows (the light sweep moves lights without a case hook) drops cached worklist pages when it commits. */
const changingCases = (job: Job): Job => ({
  ...job,
  run: async (ctx, tx) => {
    const n = await job.run(ctx, tx);
    if (n) invalidateAfter(tx);
    return n;
  },
});

/** Every background job of the product (run by the scheduler; `POST /api/test/sweep` in test mode). */
// Supervision runs before the outbox so its notices go out in the same pass.
export const JOBS: ScheduledJob[] = [calendarRecalcJob, deadlinesJob, changingCases(supplementTimeoutJob), changingCases(lightSweepJob), changingCases(singleDefaultsJob), pledgeOverdueJob, escalationJob, anomalyScanJob, feeAnomalyScanJob, changingCases(jointDefaultsJob), ...DUTY_JOBS, partyRemindersJob, ...FEEDBACK_JOBS, hallSweepJob, outboxJob, auditSealJob];
