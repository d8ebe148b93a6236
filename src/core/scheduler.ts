import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';
import type { Tx } from './db/index.js';
import { rows } from './db/index.js';

export interface Job {
  name: string;
  /** Advisory-lock key: with several instances, one runs the job at a time. */
  lockKey: number;
  everyMs: number;
  /** Frequent housekeeping (the audit sealer): not logged each time it changes something. */
  quiet?: boolean;
  run(ctx: AppContext, tx: Tx): Promise<number>;
}

/** Runs a job inside one transaction if no other instance holds its lock; returns rows changed or null. */
export async function runExclusive(ctx: AppContext, job: Job): Promise<number | null> {
  return ctx.db.transaction(async (tx) => {
    const [{ locked }] = await rows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${job.lockKey}) as locked`);
    if (!locked) return null;
    return job.run(ctx, tx);
  });
}

/**
 * One in-process scheduler. Jobs derive everything from stored data, so a restart or a
 * missed tick loses nothing: the next run catches up.
 */
export function startScheduler(ctx: AppContext, jobs: Job[], log: (msg: string) => void = () => {}) {
  const timers = jobs.map((job) => {
    const tick = async () => {
      try {
        const n = await runExclusive(ctx, job);
        if (n && !job.quiet) log(`${job.name}: ${n} changed`);
      } catch (err) {
        log(`${job.name} failed: ${(err as Error).message}`);
      }
    };
    void tick();
    return setInterval(tick, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
