import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';
import type { Tx } from './db/index.js';
import { rows } from './db/index.js';
import type { LockId } from './locks.js';
import { jobDuration, jobFailures, jobRuns, jobSkips } from './metrics.js';

/** A job that runs in one transaction under its advisory lock (one instance at a time). */
export interface Job {
  name: string;
  /** Advisory-lock key from the registry (src/core/locks.ts): with several instances, one runs the job at a time. */
  lockKey: LockId;
  everyMs: number;
  /** Frequent housekeeping (the audit sealer): not logged each time it changes something. */
  quiet?: boolean;
  run(ctx: AppContext, tx: Tx): Promise<number>;
}

/**
 * A job that makes its own short transactions and may run on every instance at once (the
 * outbox worker claims rows one by one with SKIP LOCKED). A run still in progress when the
 * next tick comes is not started twice in one process.
 */
export interface DrainJob {
  name: string;
  everyMs: number;
  quiet?: boolean;
  drain(ctx: AppContext): Promise<number>;
}

export type ScheduledJob = Job | DrainJob;

const isDrain = (job: ScheduledJob): job is DrainJob => 'drain' in job;

/** Runs a job (a transactional one only if no other instance holds its lock); returns rows changed or null when skipped. */
export async function runExclusive(ctx: AppContext, job: ScheduledJob): Promise<number | null> {
  const end = jobDuration.startTimer({ job: job.name });
  try {
    const n = isDrain(job) ? await job.drain(ctx) : await ctx.db.transaction(async (tx) => {
      const [{ locked }] = await rows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${job.lockKey}) as locked`);
      if (!locked) return null;
      return job.run(ctx, tx);
    });
    if (n === null) jobSkips.inc({ job: job.name });
    else { jobRuns.inc({ job: job.name }); end(); }
    return n;
  } catch (err) {
    jobFailures.inc({ job: job.name });
    throw err;
  }
}

/**
 * One in-process scheduler. Jobs derive everything from stored data, so a restart or a
 * missed tick loses nothing: the next run catches up. A tick whose previous run is still
 * going is skipped (a long drain or sweep does not pile up behind itself).
 */
export function startScheduler(ctx: AppContext, jobs: ScheduledJob[], log: (msg: string) => void = () => {}) {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const n = await runExclusive(ctx, job);
        if (n && !job.quiet) log(`${job.name}: ${n} changed`);
      } catch (err) {
        log(`${job.name} failed: ${(err as Error).message}`);
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
