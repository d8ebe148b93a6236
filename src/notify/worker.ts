/**
 * The outbox worker. Each notice is claimed alone, in its own one-statement transaction
 * (SKIP LOCKED, so instances and in-flight sends never take the same row): the claim moves
 * `next_attempt_at` to the end of a lease and sets `claimed_until`. The send happens outside
 * any transaction; the row is then marked sent before the worker sends anything else — in
 * the same statement as its next claim (one round trip per notice), or alone when it stops.
 * A failed send schedules its retry with backoff.
 *
 * What that guarantees: a row marked sent is never sent again, whatever crashes later (the
 * old worker marked a 100-row batch in one transaction, so a crash mid-batch re-sent all of
 * it). A worker that dies between a send and its mark leaves the row claimed: nobody sends it
 * while the lease holds; after the lease it is sent again — the one window for a duplicate,
 * one row wide (SMS gateways that take a client message id can drop it: `{{id}}` in
 * SMS_BODY_TEMPLATE is the outbox id).
 *
 * Throughput: `concurrency` sends in flight per instance, each worker claiming the next row
 * as soon as it is done, until nothing is due; every instance drains at once.
 */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows, type Queryable } from '../core/db/index.js';
import type { DrainJob } from '../core/scheduler.js';
import { outbox } from '../core/outbox/schema.js';
import { outboxSendErrors, outboxSent, outboxThrottled } from '../core/metrics.js';
import { consoleTransport, inAppTransport, type Transport } from './transports.js';
import { nextSecond, takeToken } from './rate.js';
import { DEFAULT_SMS_SIGNATURE } from './templates.js';

export const MAX_ATTEMPTS = 5;
/** 1 min, 2, 4, 8 … between attempts. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);
/** How long a claim holds a row; longer than any transport's timeout (the SMS gateway's is 10 s). */
export const LEASE_MS = 5 * 60_000;

type Channel = 'sms' | 'email' | 'inApp';
let transports: Record<Channel, Transport> = { sms: consoleTransport, email: consoleTransport, inApp: inAppTransport };

/** Replace transports (configuration, tests). */
export function useTransports(t: Partial<typeof transports>) {
  transports = { ...transports, ...t };
}

interface Claimed { id: number; channel: Channel; address: string | null; recipient_user_id: string | null; template: string; payload: Record<string, unknown>; attempts: number }

/**
 * The center an SMS is signed with when its producer did not name one: the case's center,
 * else the notice's centerId, else the top (county-level) center of the installation.
 */
async function signatureOf(tx: Queryable, p: Record<string, unknown>, memo: Map<string, string>): Promise<string> {
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
 * Claims the next due row (not of a throttled channel) for one lease; null when none is due.
 * `markSent`: the row this worker has just sent, marked in the same statement (one round
 * trip per notice instead of two; the mark still lands before the next send).
 */
async function claimOne(ctx: AppContext, skipChannels: readonly string[], markSent: number | null): Promise<Claimed | null> {
  const now = ctx.now();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const skip = skipChannels.length ? sql`and channel not in (${sql.join(skipChannels.map((c) => sql`${c}`), sql`, `)})` : sql``;
  const mark = markSent === null ? sql`` : sql`with sent as (update outbox set status = 'sent', sent_at = ${now.toISOString()}, last_error = null, claimed_until = null where id = ${markSent})`;
  const [row] = await rows<Claimed>(ctx.db, sql`${mark}
    update outbox o set claimed_until = ${lease}, next_attempt_at = ${lease}, attempts = o.attempts + 1
     where o.id = (select id from outbox where status = 'pending' and next_attempt_at <= ${now.toISOString()} ${skip}
                    order by next_attempt_at limit 1 for update skip locked)
    returning o.id, o.channel, o.address, o.recipient_user_id, o.template, o.payload, o.attempts`);
  return row ? { ...row, id: Number(row.id) } : null;
}

/** Gives a claimed row back untouched (its channel is at its rate limit this second). */
async function release(ctx: AppContext, id: number) {
  await ctx.db.update(outbox).set({ claimedUntil: null, nextAttemptAt: ctx.now().toISOString(), attempts: sql`${outbox.attempts} - 1` }).where(eq(outbox.id, id));
}

/** Marks a sent row; a database blip is retried briefly — if it persists, the row waits for its lease to end. */
async function markSent(ctx: AppContext, id: number) {
  for (let i = 0; ; i++) {
    try {
      await ctx.db.update(outbox).set({ status: 'sent', sentAt: ctx.now().toISOString(), lastError: null, claimedUntil: null }).where(eq(outbox.id, id));
      return;
    } catch (err) {
      if (i >= 2) throw err;
      await new Promise((r) => setTimeout(r, 200 * (i + 1)));
    }
  }
}

/** Sends one claimed row; true when the transport took it (the caller marks it), false when the attempt failed (recorded here). */
async function deliver(ctx: AppContext, row: Claimed): Promise<boolean> {
  try {
    const payload = row.channel === 'sms' && !row.payload.centerName ? { ...row.payload, centerName: await signatureOf(ctx.db, row.payload, new Map()) } : row.payload;
    await transports[row.channel].send({ id: row.id, channel: row.channel, address: row.address, recipientUserId: row.recipient_user_id, template: row.template, payload });
  } catch (err) {
    outboxSendErrors.inc({ channel: row.channel });
    const failed = row.attempts >= MAX_ATTEMPTS;
    await ctx.db.update(outbox).set({
      lastError: String((err as Error).message).slice(0, 500), status: failed ? 'failed' : 'pending', claimedUntil: null,
      nextAttemptAt: new Date(ctx.now().getTime() + backoffMs(row.attempts)).toISOString(),
    }).where(eq(outbox.id, row.id));
    return false;
  }
  outboxSent.inc({ channel: row.channel });
  return true;
}

export interface DrainOptions {
  /** Sends in flight at once (default: the configuration's OUTBOX_CONCURRENCY). */
  concurrency?: number;
  /** Wall clock for the rate limit (tests freeze it). */
  wall?: () => Date;
  /** When only rate-limited rows are left, wait for the next second instead of returning (the scheduled job does, up to maxMs). */
  waitForRate?: boolean;
  maxMs?: number;
}

/** Sends every due notice; returns how many rows were handled (sent or failed an attempt). */
export async function drainOutbox(ctx: AppContext, opts: DrainOptions = {}): Promise<number> {
  const wall = opts.wall ?? ctx.clock.wall;
  const until = wall().getTime() + (opts.maxMs ?? 60_000);
  const throttled = new Map<string, number>();
  let handled = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    let unmarked: number | null = null;
    while (errors.length === 0) {
      const t = wall().getTime();
      const skip = [...throttled].filter(([, end]) => end > t).map(([c]) => c);
      let row: Claimed | null;
      try {
        row = await claimOne(ctx, skip, unmarked);
      } catch (err) {
        if (unmarked === null) throw err;
        await markSent(ctx, unmarked); // the mark alone, retried; if it cannot land the row waits for its lease
        unmarked = null;
        continue;
      }
      unmarked = null;
      if (!row) {
        if (!opts.waitForRate || skip.length === 0 || t >= until) return;
        await new Promise((r) => setTimeout(r, Math.max(10, Math.min(...skip.map((c) => throttled.get(c)!)) - t)));
        continue;
      }
      const limit = ctx.config.rateLimits[row.channel as 'sms' | 'email'];
      if (limit && !(await takeToken(ctx.db, row.channel, limit, wall()))) {
        outboxThrottled.inc({ channel: row.channel });
        throttled.set(row.channel, nextSecond(wall()));
        await release(ctx, row.id);
        continue;
      }
      if (await deliver(ctx, row)) unmarked = row.id;
      handled++;
    }
    if (unmarked !== null) await markSent(ctx, unmarked);
  };
  const concurrency = Math.max(1, opts.concurrency ?? ctx.config.outboxConcurrency);
  // A worker that fails (the database went away) stops the others at their next claim.
  await Promise.all(Array.from({ length: concurrency }, () => worker().catch((err) => { errors.push(err); })));
  if (errors.length) throw errors[0];
  return handled;
}

/** Runs every 2 s on every instance (a tick finds nothing cheaply: one indexed statement). */
export const outboxJob: DrainJob = { name: 'outbox', everyMs: 2_000, drain: (ctx) => drainOutbox(ctx, { waitForRate: true }) };
