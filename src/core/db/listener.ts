/**
 * LISTEN for PostgreSQL that heals: one dedicated connection (outside the pool, so queries
 * never take it) holds every channel. When the server restarts, fails over or kills the
 * connection, the error is handled (never an uncaught 'error' event: that would end the
 * process), and the listener reconnects with backoff, LISTENs again and calls each
 * channel's `onResume`, so subscribers read what was written while nobody listened.
 * A ping on the idle connection finds a connection that died without a word.
 */
import type pg from 'pg';

type Handler = { fn: (payload: string) => void; onResume?: () => void };

export interface ListenerOptions {
  /** Backoff of reconnection attempts: first delay and cap (ms). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Upkeep ping on the listening connection (ms). */
  pingMs?: number;
  log?: (msg: string) => void;
}

export class PgListener {
  private channels = new Map<string, Set<Handler>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private attempt = 0;
  private closed = false;
  private everConnected = false;
  /** Times the connection was re-established after a loss (for metrics and tests). */
  reconnects = 0;

  constructor(private makeClient: () => pg.Client, private opts: ListenerOptions = {}) {}

  get connected(): boolean { return this.client !== null; }

  async listen(channel: string, fn: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel ${channel}`);
    const handler: Handler = { fn, onResume };
    let set = this.channels.get(channel);
    const isNew = !set;
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(handler);
    try {
      if (!this.client) await this.connect();
      else if (isNew) await this.client.query(`listen ${channel}`);
    } catch (err) {
      set.delete(handler);
      throw err;
    }
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.channels.get(channel) === set) {
        this.channels.delete(channel);
        await this.client?.query(`unlisten ${channel}`).catch(() => {});
      }
    };
  }

  /** Connects (once at a time) and LISTENs on every channel; on failure, schedules a retry and rejects. */
  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => { this.connecting = null; });
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.client || this.closed) return;
    const client = this.makeClient();
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (m) => {
      for (const h of this.channels.get(m.channel) ?? []) h.fn(m.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`listen ${channel}`);
    } catch (err) {
      client.removeAllListeners('end');
      client.on('error', () => {});
      void client.end().catch(() => {});
      this.scheduleRetry();
      throw err;
    }
    if (this.closed) { void client.end().catch(() => {}); return; }
    this.client = client;
    this.attempt = 0;
    this.startPing(client);
    if (this.everConnected) {
      this.reconnects++;
      this.resumeAll();
    }
    this.everConnected = true;
  }

  private lost(client: pg.Client, err: Error) {
    if (this.client !== client) return;
    this.client = null;
    this.stopPing();
    client.removeAllListeners('end');
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.closed) return;
    this.opts.log?.(`LISTEN connection lost (${err.message}); reconnecting`);
    this.scheduleRetry(0);
  }

  private scheduleRetry(delayOverride?: number) {
    if (this.closed || this.retryTimer) return;
    const { minDelayMs = 200, maxDelayMs = 5000 } = this.opts;
    const delay = delayOverride ?? Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(this.attempt, 10)) * (0.75 + Math.random() / 2);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.client) this.connect().catch(() => { /* scheduled again */ });
    }, delay);
    this.retryTimer.unref?.();
  }

  private resumeAll() {
    for (const set of this.channels.values()) for (const h of set) {
      try { h.onResume?.(); } catch (err) { this.opts.log?.(`resume failed: ${(err as Error).message}`); }
    }
  }

  private startPing(client: pg.Client) {
    const { pingMs = 15_000 } = this.opts;
    this.pingTimer = setInterval(() => {
      client.query('select 1').catch((err: Error) => this.lost(client, err));
    }, pingMs);
    this.pingTimer.unref?.();
  }

  private stopPing() {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopPing();
    const client = this.client;
    this.client = null;
    this.channels.clear();
    if (client) {
      client.removeAllListeners('end');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
