import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { cases } from './schema.js';
import { writeTransition } from './repo.js';
import { DEFAULT_CASE_SETTINGS } from './settings.js';
import { LOCK } from '../core/locks.js';
import { dueDayStamp } from '../core/dueDay.js';
import { dateInZone } from '../core/now.js';

/**
 * A supplement notice unanswered for the configured number of days closes the case as
 * withdrawn (domain §4). A case waiting for supplement cannot change otherwise, so its
 * updated_at is the day the notice was issued.
 */
export async function withdrawUnansweredSupplements(ctx: AppContext, tx: Tx): Promise<number> {
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - DEFAULT_CASE_SETTINGS.supplementWithdrawDays * 86_400_000).toISOString();
  const stale = await tx.select().from(cases).where(and(eq(cases.state, 'awaitingSupplement'), lt(cases.updatedAt, cutoff))).for('update', { skipLocked: true });
  for (const row of stale) {
    // Dated on the day the notice ran out, however late this run is.
    const ranOut = new Date(Date.parse(row.updatedAt) + DEFAULT_CASE_SETTINGS.supplementWithdrawDays * 86_400_000);
    const stamp = dueDayStamp(ctx, dateInZone(ranOut, ctx.config.timeZone));
    await writeTransition(tx, row, {
      toState: 'withdrawn', set: { closedOn: stamp.day }, nextChangeOn: null, action: 'withdraw', auditAction: 'case.withdraw',
      actor: { id: null, role: 'system' }, data: { reason: 'supplementTimeout', days: DEFAULT_CASE_SETTINGS.supplementWithdrawDays, on: stamp.day },
      at: stamp.at, today: stamp.day, recordedAt: now,
    });
  }
  return stale.length;
}

export const supplementTimeoutJob: Job = { name: 'supplement-timeout', lockKey: LOCK.supplementTimeout, everyMs: 10 * 60_000, run: withdrawUnansweredSupplements };
