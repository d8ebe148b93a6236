import { and, asc, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { outbox } from '../core/outbox/schema.js';
import { consoleTransport, inAppTransport, type Transport } from './transports.js';

export const MAX_ATTEMPTS = 5;
/** 1 min, 2, 4, 8 … between attempts. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

let transports: Record<'sms' | 'email' | 'inApp', Transport> = { sms: consoleTransport, email: consoleTransport, inApp: inAppTransport };

/** Replace transports (configuration, tests). */
export function useTransports(t: Partial<typeof transports>) {
  transports = { ...transports, ...t };
}

/**
 * Delivers due outbox rows. Rows are claimed with SKIP LOCKED, so several instances never
 * send the same row; state lives in the table, so a restart loses nothing.
 */
export async function deliverOutbox(ctx: AppContext, tx: Tx, batch = 100): Promise<number> {
  const now = ctx.now();
  const due = await tx.select().from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(outbox.id)).limit(batch).for('update', { skipLocked: true });
  for (const row of due) {
    const attempts = row.attempts + 1;
    try {
      await transports[row.channel].send({ ...row, payload: row.payload as Record<string, unknown> });
      await tx.update(outbox).set({ status: 'sent', attempts, sentAt: now.toISOString(), lastError: null }).where(eq(outbox.id, row.id));
    } catch (err) {
      const failed = attempts >= MAX_ATTEMPTS;
      await tx.update(outbox).set({
        attempts, lastError: String((err as Error).message).slice(0, 500), status: failed ? 'failed' : 'pending',
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      }).where(eq(outbox.id, row.id));
    }
  }
  return due.length;
}

export const outboxJob: Job = { name: 'outbox', lockKey: 727201, everyMs: 15_000, run: (ctx, tx) => deliverOutbox(ctx, tx) };
