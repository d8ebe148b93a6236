import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { outbox } from '../core/outbox/schema.js';
import { consoleTransport, inAppTransport, type Transport } from './transports.js';
import { rows } from '../core/db/index.js';
import { DEFAULT_SMS_SIGNATURE } from './templates.js';

export const MAX_ATTEMPTS = 5;
/** 1 min, 2, 4, 8 … between attempts. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

let transports: Record<'sms' | 'email' | 'inApp', Transport> = { sms: consoleTransport, email: consoleTransport, inApp: inAppTransport };

/** Replace transports (configuration, tests). */
export function useTransports(t: Partial<typeof transports>) {
  transports = { ...transports, ...t };
}

/**
 * The center an SMS is signed with when its producer did not name one: the case's center,
 * else the notice's centerId, else the top (county-level) center of the installation.
 */
async function signatureOf(tx: Tx, p: Record<string, unknown>, memo: Map<string, string>): Promise<string> {
  const key = `${String(p.caseId ?? '')}|${String(p.centerId ?? '')}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);
  const caseId = uuid(p.caseId), centerId = uuid(p.centerId);
  const [row] = await rows<{ name: string }>(tx, sql`
    select name from (
      select ce.name, 1 as rank from cases c join centers ce on ce.id = c.center_id where c.id = ${caseId}::uuid
      union all select name, 2 from centers where id = ${centerId}::uuid
      union all (select name, 3 from centers where parent_id is null order by level = 'county' desc, name limit 1)
    ) found order by rank limit 1`);
  const name = row?.name ?? DEFAULT_SMS_SIGNATURE;
  memo.set(key, name);
  return name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delivers due outbox rows. Rows are claimed with SKIP LOCKED, so several instances never
 * send the same row; state lives in the table, so a restart loses nothing.
 */
export async function deliverOutbox(ctx: AppContext, tx: Tx, batch = 100): Promise<number> {
  const now = ctx.now();
  const due = await tx.select().from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(outbox.id)).limit(batch).for('update', { skipLocked: true });
  const signatures = new Map<string, string>();
  for (const row of due) {
    const attempts = row.attempts + 1;
    try {
      const payload = row.payload as Record<string, unknown>;
      const signed = row.channel === 'sms' && !payload.centerName ? { ...payload, centerName: await signatureOf(tx, payload, signatures) } : payload;
      await transports[row.channel].send({ ...row, payload: signed });
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
