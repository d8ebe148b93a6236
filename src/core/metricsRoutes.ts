/**
 * GET /metrics (Prometheus text format) and the hooks that feed it: request latency by route
 * pattern and status, open event streams. Database gauges (pool, outbox backlog) are read
 * when scraped. Refused unless the caller shows BANSHI_METRICS_TOKEN as a bearer token or
 * connects from an address in BANSHI_METRICS_ALLOW — the socket's address, never
 * X-Forwarded-For, which anyone can write.
 */
import { BlockList, isIP } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { rows } from './db/index.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { dbPool, httpDuration, outboxMessages, outboxOldestPending, registry, sseStreams } from './metrics.js';

/** Addresses and CIDR ranges ("10.0.0.0/8", "::1") of BANSHI_METRICS_ALLOW. */
export function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, bits] = entry.split('/');
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(addr)) throw new Error(`BANSHI_METRICS_ALLOW: not an address: ${entry}`);
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function allowed(req: FastifyRequest, token: string | undefined, list: BlockList | null): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(token);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
  }
  const addr = (req.raw.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (!list || !isIP(addr)) return false;
  return list.check(addr, isIP(addr) === 6 ? 'ipv6' : 'ipv4');
}

/** Fills the gauges read from the database. */
async function collect(ctx: AppContext) {
  const pool = (ctx.db as unknown as { $client?: { totalCount?: number; idleCount?: number; waitingCount?: number } }).$client;
  if (pool && typeof pool.totalCount === 'number') {
    dbPool.set({ state: 'total' }, pool.totalCount);
    dbPool.set({ state: 'idle' }, pool.idleCount ?? 0);
    dbPool.set({ state: 'waiting' }, pool.waitingCount ?? 0);
  }
  // Read through the (status, next_attempt_at) index.
  const [b] = await rows<{ pending: number; failed: number; oldest: string | null }>(ctx.db, sql`
    select (select count(*) from outbox where status = 'pending')::int as pending,
           (select count(*) from outbox where status = 'failed')::int as failed,
           (select min(created_at) from outbox where status = 'pending') as oldest`);
  outboxMessages.set({ status: 'pending' }, Number(b.pending));
  outboxMessages.set({ status: 'failed' }, Number(b.failed));
  outboxOldestPending.set(b.oldest ? Math.max(0, (ctx.now().getTime() - Date.parse(new Date(b.oldest).toISOString())) / 1000) : 0);
}

const STREAM = /^\/api\/([a-z]+)\/stream$/;

export function metricsRoutes(app: App, ctx: AppContext) {
  const list = ctx.config.metricsAllow.length ? allowList(ctx.config.metricsAllow) : null;

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  // Event streams hijack their reply (no onResponse): counted from the handler's start to the connection's close.
  app.addHook('preHandler', async (req) => {
    const m = STREAM.exec(req.routeOptions.url ?? '');
    if (!m || req.method !== 'GET') return;
    sseStreams.inc({ board: m[1] });
    req.raw.once('close', () => sseStreams.dec({ board: m[1] }));
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!allowed(req, ctx.config.metricsToken, list)) {
      throw new AppError(403, 'metrics_forbidden', 'Metrics need the metrics token or an allowed address', '无权读取监控指标');
    }
    await collect(ctx);
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
