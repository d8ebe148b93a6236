/**
 * Integration test harness: a real app on a fresh database — PGlite in memory, or, when
 * TEST_DATABASE_URL is set, a new PostgreSQL database created for this app and dropped after.
 */
import { freshDatabase } from './freshdb.js';
import { loadConfig, type Config } from '../src/core/config.js';
import { openDatabase } from '../src/core/db/index.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext, type AppContext } from '../src/core/context.js';
import { buildApp } from '../src/app.js';
import { seedDemo } from '../src/demo/seed.js';
import type { App } from '../src/core/http.js';

export const DB_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestApp {
  app: App;
  ctx: AppContext;
  close(): Promise<void>;
  /** Logs in and returns a client that sends the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anon: Client;
}

export interface Client {
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  put(url: string, body?: unknown): Promise<Res>;
  del(url: string): Promise<Res>;
  raw(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Res>;
  csrf: string;
  cookie: string;
}

export interface Res { status: number; body: any; headers: Record<string, unknown>; raw: Buffer }

export interface TestAppOptions {
  demo?: boolean;
  now?: string;
  /** Configuration to change (e.g. trustProxy). */
  config?: Partial<Config>;
  /** A second instance on the first one's database (its own pool on PostgreSQL; the same PGlite in memory). */
  sameDatabaseAs?: TestApp;
  /** Where log lines go (tests that read the log). */
  logStream?: { write(line: string): unknown };
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const pgBase = process.env.TEST_DATABASE_URL;
  const shared = opts.sameDatabaseAs;
  const fresh = pgBase && !shared ? await freshDatabase(pgBase, 'banshi_t') : null;
  const url = shared ? shared.ctx.config.databaseUrl : fresh?.url;
  const config = { ...loadConfig({}), testClock: true, demo: opts.demo !== false, ...opts.config, databaseUrl: url };
  const database = shared && !url ? shared.ctx.database : await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
  const clock = new SettableClock();
  if (opts.now) clock.set(new Date(opts.now));
  const ctx = makeContext(config, database, clock);
  if (config.demo) await seedDemo(ctx.db, ctx.now());
  const app = await buildApp(ctx, opts.logStream ? { logger: true, logStream: opts.logStream } : {});
  await app.ready();
  const client = (cookie = '', csrf = ''): Client => {
    const raw: Client['raw'] = async ({ method, url, payload, headers = {} }) => {
      const res = await app.inject({
        method: method as 'GET', url, payload: payload as string,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      });
      let body: unknown = res.body;
      try { body = res.json(); } catch { /* not JSON */ }
      return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
    };
    return {
      raw, csrf, cookie,
      get: (url) => raw({ method: 'GET', url }),
      post: (url, b) => raw({ method: 'POST', url, payload: (b ?? {}) as string }),
      put: (url, b) => raw({ method: 'PUT', url, payload: b as string }),
      del: (url) => raw({ method: 'DELETE', url }),
    };
  };
  const anon = client();
  return {
    app, ctx, anon,
    async login(username, password = 'banshi123') {
      const res = await anon.post('/api/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const setCookie = String(res.headers['set-cookie']).split(';')[0];
      return client(setCookie, res.body.csrfToken);
    },
    async close() {
      await app.close();
      if (database !== shared?.ctx.database) await database.close();
      await fresh?.drop();
    },
  };
}
