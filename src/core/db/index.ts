import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { trackCommits } from './afterCommit.js';
import type { Db, Queryable } from './types.js';

export type { Db, Queryable, Schema, Tx } from './types.js';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on a channel (a plain identifier); `pg_notify` inside a transaction reaches
   * every instance's listeners when it commits. Returns the unsubscribe function.
   */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory for PGlite files; `memory://` for an in-memory database (tests). */
  dataDir?: string;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite; applies migrations. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir ?? 'memory://');
  trackCommits(database.db);
  return database;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir.startsWith('memory://') ? undefined : path.join(dataDir, 'pglite'));
  const db = drizzle(client) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  const listen = async (channel: string, fn: (payload: string) => void) => client.listen(channel, fn);
  return { db, kind: 'pglite', close: () => client.close(), listen };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Dates and timestamps come back as strings so both drivers agree.
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  const db = drizzle(pool) as unknown as Db;
  // Several instances may start at once: one applies migrations, the rest wait.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727001)');
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727001)');
    client.release();
  }
  // One dedicated connection per channel holds the LISTEN (a pooled one would be reused by queries).
  const listen = async (channel: string, fn: (payload: string) => void) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel ${channel}`);
    const conn = await pool.connect();
    conn.on('notification', (m) => { if (m.channel === channel) fn(m.payload ?? ''); });
    await conn.query(`listen ${channel}`);
    return async () => { await conn.query(`unlisten ${channel}`).catch(() => {}); conn.release(); };
  };
  return { db, kind: 'postgres', close: () => pool.end(), listen };
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await q.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
