/**
 * Live board updates. Whatever changes supervision data (the sweep, any case change)
 * calls `announce` inside its transaction; PostgreSQL delivers the NOTIFY on commit to
 * every instance, so a board never refetches before the change is visible, and a
 * rolled-back change announces nothing. Each instance keeps one LISTEN and fans out to
 * its SSE connections.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../core/db/index.js';

export const CHANNEL = 'banshi_supervision';

export async function announce(tx: Tx, centerIds: readonly string[]): Promise<void> {
  if (centerIds.length === 0) return;
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify([...new Set(centerIds)])})`);
}

type Listener = (centerIds: string[]) => void;

export class BoardBus {
  private listeners = new Set<Listener>();
  private stop: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;

  constructor(private database: Database) {}

  /** Subscribes (and opens the LISTEN on first use); returns the unsubscribe function. */
  async subscribe(fn: Listener): Promise<() => void> {
    this.listeners.add(fn);
    this.starting ??= this.database.listen(CHANNEL, (payload) => this.dispatch(payload)).then((stop) => { this.stop = stop; });
    await this.starting;
    return () => { this.listeners.delete(fn); };
  }

  private dispatch(payload: string) {
    let centers: string[] = [];
    try { centers = JSON.parse(payload) as string[]; } catch { return; }
    for (const l of this.listeners) l(centers);
  }

  async close() {
    this.listeners.clear();
    await this.stop?.();
  }
}
