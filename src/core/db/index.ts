import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { trackCommits } from './afterCommit.js';
import { PgListener } from './listener.js';
import type { Db, Queryable } from './types.js';

import { LOCK } from '../locks.js';

export type { Db, Queryable, Schema, Tx } from './types.js';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on a channel (a plain identifier); `pg_notify` inside a transaction reaches
   * every instance's listeners when it commits. Returns the unsubscribe function.
   */
  listen(channel: string, fn: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  /**
   * Runs `fn` while holding a session-level advisory lock (PostgreSQL; PGlite has one
   * process): instances starting together seed the database one after the other.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
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
  const inMemory = dataDir === 'memory://';
  // Only an absolute folder is created: `memory:/…` or a bare word would become a folder
  // beside the code (one was once committed). The configuration resolves DATA_DIR first.
  if (!inMemory && !path.isAbsolute(dataDir)) throw new Error(`PGlite data directory must be memory:// or an absolute path (got "${dataDir}")`);
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite(inMemory ? undefined : path.join(dataDir, 'pglite'));
  const db = drizzle(client) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  const listen = async (channel: string, fn: (payload: string) => void) => client.listen(channel, fn);
  return { db, kind: 'pglite', close: () => client.close(), listen, exclusive: (_key, fn) => fn() };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Dates and timestamps come back as strings so both drivers agree.
  pg.types.setTypeParser(1082, (v: string) => v);
  // A connection that cannot be had within 5 s fails the request (503) instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10), connectionTimeoutMillis: 5000, keepAlive: true });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  const db = drizzle(pool) as unknown as Db;
  const exclusive = async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [key]);
      try { return await fn(); } finally { await client.query('select pg_advisory_unlock($1)', [key]); }
    } finally {
      client.release();
    }
  };
  // Several instances may start at once: one applies migrations, the rest wait.
  await exclusive(LOCK.migrations, () => migrate(drizzle(pool), { migrationsFolder }));
  const listener = new PgListener(() => new pg.Client({ connectionString: url, keepAlive: true }), { log: (m) => console.warn(m) });
  return {
    db, kind: 'postgres', exclusive,
    close: async () => { await listener.close(); await pool.end(); },
    listen: (channel, fn, onResume) => listener.listen(channel, fn, onResume),
  };
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await q.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
