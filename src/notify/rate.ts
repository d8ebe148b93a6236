/**
 * A per-channel send rate shared by every instance: one row per channel in `outbox_rate`
 * holds the current wall-clock second and how many sends it has granted. Taking a token is
 * one upsert (the row lock serializes concurrent senders of that channel only), so two
 * instances together never exceed the limit within a second. Instances' clocks are assumed
 * NTP-synchronized: a lagging instance counts into the newest second seen, never resets it.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';

/** Whether one more send on `channel` fits in the second of `at`, counting it if so. */
export async function takeToken(db: Queryable, channel: string, perSecond: number, at: Date): Promise<boolean> {
  const second = new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
  const [r] = await rows<{ granted: number }>(db, sql`
    insert into outbox_rate (channel, second, granted) values (${channel}, ${second}, 1)
    on conflict (channel) do update set
      granted = case when outbox_rate.second >= excluded.second then outbox_rate.granted + 1 else 1 end,
      second = greatest(outbox_rate.second, excluded.second)
    returning granted`);
  return Number(r.granted) <= Math.max(1, Math.floor(perSecond));
}

/** The wall-clock instant the next second starts (when a throttled channel may send again). */
export const nextSecond = (at: Date) => (Math.floor(at.getTime() / 1000) + 1) * 1000;
