import type { Job } from './core/scheduler.js';
import { supplementTimeoutJob } from './cases/sweep.js';
import { outboxJob } from './notify/worker.js';
import { jointDefaultsJob } from './cases/joint/sweep.js';

/** Every background job of the product (run by the scheduler; `POST /api/test/sweep` in test mode). */
export const JOBS: Job[] = [supplementTimeoutJob, outboxJob, jointDefaultsJob];
