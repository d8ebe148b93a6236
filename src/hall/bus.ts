/**
 * Hall events: every change a board shows is one row of `hall_events`, written in the
 * transaction of the change, and announced with NOTIFY (delivered on commit, to every
 * instance). A center's events take their ids under a per-center transaction lock held
 * from the insert to the commit, so within a center ids are in commit order: a board that
 * reconnects with `Last-Event-ID: n` gets exactly the events after n, and none is lost.
 *
 * The NOTIFY payload carries the event itself, so one notification reaches every open
 * board of every instance without another query (a payload near PostgreSQL's 8000-byte
 * limit carries the id only, and the bus reads the row).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { hallEvents } from './schema.js';
import { LOCK } from '../core/locks.js';

export const HALL_CHANNEL = 'banshi_hall';
const LOCK_SPACE = LOCK.hallEvents;
const MAX_PAYLOAD = 7000;

export interface HallEvent { id: number; centerId: string; kind: string; data: Record<string, unknown>; at: string }

/**
 * Appends a center's event in the caller's transaction, with the day's waiting count per
 * category, and announces it (call it last: it holds the center's event lock until commit).
 */
export async function recordEvent(tx: Tx, centerId: string, kind: string, data: Record<string, unknown>, at: Date, day: string): Promise<HallEvent> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${centerId}))`);
  // One statement: the row (with waiting counts) and its NOTIFY; a payload too big for NOTIFY carries the id only.
  const [r] = await rows<{ id: string | number; data: Record<string, unknown> }>(tx, sql`
    with w as (
      select coalesce(jsonb_object_agg(category_id, n), '{}'::jsonb) as waiting
        from (select category_id, count(*)::int as n from hall_tickets where center_id = ${centerId}::uuid and day = ${day}::date and state = 'waiting' group by 1) c),
    ins as (
      insert into hall_events (center_id, kind, data, at)
      select ${centerId}::uuid, ${kind}::text, ${JSON.stringify(data)}::jsonb || jsonb_build_object('waiting', w.waiting), ${at.toISOString()}::timestamptz from w
      returning id, center_id, kind, data, at)
    select ins.id, ins.data, pg_notify(${HALL_CHANNEL}::text, case when length(p.j) <= ${MAX_PAYLOAD}::int then p.j else jsonb_build_object('ref', ins.id)::text end)
      from ins, lateral (select jsonb_build_object('id', ins.id, 'centerId', ins.center_id, 'kind', ins.kind, 'data', ins.data, 'at', ${at.toISOString()}::text)::text as j) p`);
  return { id: Number(r.id), centerId, kind, data: r.data, at: at.toISOString() };
}

export async function eventsAfter(db: Database['db'], centerId: string, afterId: number, limit = 1000): Promise<HallEvent[]> {
  const list = await db.select().from(hallEvents).where(sql`${hallEvents.centerId} = ${centerId} and ${hallEvents.id} > ${afterId}`).orderBy(hallEvents.id).limit(limit);
  return list.map(toEvent);
}

export async function lastEventId(db: Database['db'], centerId: string): Promise<number> {
  const [r] = await rows<{ id: string | number }>(db, sql`select coalesce(max(id), 0) as id from hall_events where center_id = ${centerId}`);
  return Number(r.id);
}

const toEvent = (r: typeof hallEvents.$inferSelect): HallEvent => ({ id: Number(r.id), centerId: r.centerId, kind: r.kind, data: r.data, at: new Date(r.at).toISOString() });

type Listener = (e: HallEvent) => void;

/**
 * One LISTEN per instance; open streams subscribe by center. The bus remembers the last
 * event id it delivered per center, so when the LISTEN connection comes back after a
 * database restart it reads every event written in the gap and no board misses a call.
 */
export class HallBus {
  private listeners = new Map<string, Set<Listener>>();
  private lastSeen = new Map<string, number>();
  private starting: Promise<void> | null = null;
  private stop: (() => Promise<void>) | null = null;

  constructor(private database: Database) {}

  /** Listening, and the center's last event id known: call before answering a stream, so a database outage is a 503. */
  async ready(centerId: string): Promise<void> {
    this.starting ??= this.database.listen(HALL_CHANNEL, (p) => void this.onPayload(p), () => void this.catchUp())
      .then((stop) => { this.stop = stop; }, (err) => { this.starting = null; throw err; });
    await this.starting;
    if (!this.lastSeen.has(centerId)) this.lastSeen.set(centerId, await lastEventId(this.database.db, centerId));
  }

  async subscribe(centerId: string, fn: Listener): Promise<() => void> {
    await this.ready(centerId);
    let set = this.listeners.get(centerId);
    if (!set) this.listeners.set(centerId, (set = new Set()));
    set.add(fn);
    return () => { set.delete(fn); };
  }

  private async onPayload(payload: string) {
    let parsed: HallEvent | { ref: number };
    try { parsed = JSON.parse(payload); } catch { return; }
    let event: HallEvent | undefined;
    if ('ref' in parsed) {
      const [r] = await this.database.db.select().from(hallEvents).where(eq(hallEvents.id, parsed.ref)).catch(() => []);
      event = r ? toEvent(r) : undefined;
    } else event = parsed;
    if (event) this.deliver(event);
  }

  private deliver(event: HallEvent) {
    if ((this.lastSeen.get(event.centerId) ?? 0) < event.id) this.lastSeen.set(event.centerId, event.id);
    for (const l of this.listeners.get(event.centerId) ?? []) l(event);
  }

  /** After a reconnection: the events of every watched center written while nobody listened. */
  private async catchUp() {
    for (const [centerId, set] of this.listeners) {
      if (set.size === 0) continue;
      try {
        for (const e of await eventsAfter(this.database.db, centerId, this.lastSeen.get(centerId) ?? 0)) this.deliver(e);
      } catch { /* the database is gone again: the next resume reads from the same id */ }
    }
  }

  get subscribers(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  async close() {
    this.listeners.clear();
    await this.stop?.();
  }
}
