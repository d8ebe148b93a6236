/**
 * Live board updates, fanned out to every instance's SSE connections.
 *
 * Two sources:
 * - Supervision writes (the sweep, escalation, answers, handled anomalies) call `announce`
 *   inside their transaction; PostgreSQL delivers the NOTIFY on commit, so a board never
 *   refetches before the change is visible and a rollback announces nothing. These are a
 *   few per minute.
 * - Case changes are NOT announced with NOTIFY: a notifying transaction takes a cluster-wide
 *   lock at commit, which would serialize every case action. Instead, while a board is
 *   open, each instance checks the case-event log every POLL_MS (one index probe on its
 *   primary key) and announces the centers of new events. A board is live within seconds
 *   of any case change, and case throughput does not depend on open boards.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';

export const CHANNEL = 'banshi_supervision';
/** UI freshness for case changes (connection upkeep, not domain time). */
export const POLL_MS = 2000;

export async function announce(tx: Tx, centerIds: readonly string[]): Promise<void> {
  if (centerIds.length === 0) return;
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify([...new Set(centerIds)])})`);
}

type Listener = (centerIds: string[]) => void;

export class BoardBus {
  private listeners = new Set<Listener>();
  private stop: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastEventId = 0;
  private polling = false;

  constructor(private database: Database) {}

  /** Subscribes (and starts listening on first use); returns the unsubscribe function. */
  async subscribe(fn: Listener): Promise<() => void> {
    await this.ready();
    this.listeners.add(fn);
    return () => { this.listeners.delete(fn); };
  }

  /** Listening: call before answering a stream, so a database outage is a 503, not a dead stream. */
  async ready(): Promise<void> {
    this.starting ??= this.start().catch((err) => { this.starting = null; throw err; });
    await this.starting;
  }

  private async start() {
    // After a reconnection nobody knows what changed in the gap: every board refetches.
    this.stop ??= await this.database.listen(CHANNEL, (payload) => {
      try { this.dispatch(JSON.parse(payload) as string[]); } catch { /* not ours */ }
    }, () => void this.refreshAll());
    const [r] = await rows<{ id: number }>(this.database.db, sql`select coalesce(max(id), 0)::bigint as id from case_events`);
    this.lastEventId = Number(r.id);
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  /** New case events since the last look → their centers. Idle when no board is open. */
  private async poll() {
    if (this.listeners.size === 0 || this.polling) return;
    this.polling = true;
    try {
      const found = await rows<{ last: number | null; centers: string[] | null }>(this.database.db, sql`
        select max(e.id)::bigint as last, array_agg(distinct c.center_id) as centers
          from (select id, case_id from case_events where id > ${this.lastEventId} order by id limit 10000) e
          join cases c on c.id = e.case_id`);
      const { last, centers } = found[0] ?? { last: null, centers: null };
      if (last !== null && centers) {
        this.lastEventId = Number(last);
        this.dispatch(centers);
      }
    } catch { /* the next tick tries again */ } finally {
      this.polling = false;
    }
  }

  private async refreshAll() {
    const all = await rows<{ id: string }>(this.database.db, sql`select id from centers`).catch(() => []);
    if (all.length) this.dispatch(all.map((c) => c.id));
  }

  private dispatch(centers: string[]) {
    for (const l of this.listeners) l(centers);
  }

  async close() {
    this.listeners.clear();
    if (this.timer) clearInterval(this.timer);
    await this.stop?.();
  }
}
