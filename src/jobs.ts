import type { Job } from './core/scheduler.js';
import { supplementTimeoutJob } from './cases/sweep.js';
import { outboxJob } from './notify/worker.js';
import { jointDefaultsJob } from './cases/joint/sweep.js';
import { escalationJob, lightSweepJob } from './supervision/sweep.js';
import { anomalyScanJob } from './supervision/anomalies/scan.js';

/** Every background job of the product (run by the scheduler; `POST /api/test/sweep` in test mode). */
// Supervision runs before the outbox so its notices go out in the same pass.
export const JOBS: Job[] = [supplementTimeoutJob, lightSweepJob, escalationJob, anomalyScanJob, jointDefaultsJob, outboxJob];
