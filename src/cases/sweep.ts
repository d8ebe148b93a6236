import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import type { Job } from '../core/scheduler.js';
import { cases } from './schema.js';
import { appendEvent } from './repo.js';
import { DEFAULT_CASE_SETTINGS } from './settings.js';

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
    const nowIso = now.toISOString();
    await tx.update(cases).set({ state: 'withdrawn', closedOn: ctx.today(), version: row.version + 1, updatedAt: nowIso, nextChangeOn: null }).where(eq(cases.id, row.id));
    const data = { reason: 'supplementTimeout', days: DEFAULT_CASE_SETTINGS.supplementWithdrawDays };
    await appendEvent(tx, { caseId: row.id, at: nowIso, actorId: null, actorRole: 'system', action: 'withdraw', fromState: row.state, toState: 'withdrawn', data });
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'case.withdraw', entityType: 'case', entityId: row.id, before: { state: row.state }, after: { state: 'withdrawn', ...data }, at: now });
  }
  return stale.length;
}

export const supplementTimeoutJob: Job = { name: 'supplement-timeout', lockKey: 727101, everyMs: 10 * 60_000, run: withdrawUnansweredSupplements };
