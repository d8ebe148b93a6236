/**
 * Outbox drain: 10,000 queued SMS notices sent through the console transport (its lines go
 * to /dev/null, formatted as usual) by the real worker (claim one row with a lease, send,
 * mark), against a baseline in the same run: the same rows taken off the queue by plain
 * SQL, one `delete … where id = (select … for update skip locked)` per row at the same
 * concurrency — the least a one-row-at-a-time queue can cost. Goal: ≤ 60 s for 10,000.
 *
 *   npm run bench:outbox [-- notices=10000] [pglite]
 * PostgreSQL from BENCH_DATABASE_URL (see bench/pg.ts); `pglite` runs in-process instead.
 */
import fs from 'node:fs';
import { format } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import { openDatabase, rows, type Database } from '../src/core/db/index.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext, type AppContext } from '../src/core/context.js';
import { enqueue, type Notice } from '../src/core/outbox/enqueue.js';
import { drainOutbox, useTransports } from '../src/notify/worker.js';
import { consoleTransport } from '../src/notify/transports.js';
import { freshBenchDatabase } from './pg.js';

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const PGLITE = process.argv.includes('pglite');

const notices = (n: number): Notice[] => Array.from({ length: n }, (_, i) => ({
  channel: 'sms', address: `139${String(i).padStart(8, '0')}`, template: 'case.accepted',
  payload: { caseNo: `62052420260302${String(i).padStart(5, '0')}`, itemName: '结婚登记', queryCode: '123456' },
}));

async function queue(ctx: AppContext, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i += 2000) await ctx.db.transaction((tx) => enqueue(tx, notices(Math.min(2000, n - i)), ctx.now()));
  return performance.now() - t;
}

/** Baseline: the same rows removed one at a time by plain SQL, `concurrency` at once. */
async function plainSqlDrain(ctx: AppContext, concurrency: number) {
  const t = performance.now();
  let taken = 0;
  const worker = async () => {
    for (;;) {
      const got = await rows<{ id: number }>(ctx.db, sql`
        delete from outbox where id = (select id from outbox where status = 'pending' and next_attempt_at <= ${ctx.now().toISOString()}
                                        order by next_attempt_at limit 1 for update skip locked) returning id`);
      if (!got.length) return;
      taken++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - t, taken };
}

async function main() {
  const fresh = PGLITE ? null : await freshBenchDatabase('bench_outbox');
  const database: Database = await openDatabase({ databaseUrl: fresh?.url, dataDir: 'memory://' });
  const config = { ...loadConfig(), databaseUrl: fresh?.url, demo: false };
  const ctx = makeContext(config, database, new SettableClock());
  const devNull = fs.createWriteStream('/dev/null');
  const realLog = console.log;
  try {
    console.log(`outbox drain, ${N.toLocaleString()} notices, ${database.kind}, concurrency ${config.outboxConcurrency} (OUTBOX_CONCURRENCY)`);
    const q1 = await queue(ctx, N);
    const base = await plainSqlDrain(ctx, config.outboxConcurrency);
    if (base.taken !== N) throw new Error(`baseline took ${base.taken}`);
    const q2 = await queue(ctx, N);
    useTransports({ sms: consoleTransport });
    console.log = (...args: unknown[]) => { devNull.write(`${format(...args)}\n`); };
    const t = performance.now();
    const handled = await drainOutbox(ctx);
    const ms = performance.now() - t;
    console.log = realLog;
    const [{ sent, left }] = await rows<{ sent: number; left: number }>(ctx.db, sql`
      select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as left from outbox`);
    if (handled !== N || sent !== N || left !== 0) throw new Error(`drain handled ${handled}, sent ${sent}, left ${left}`);
    const perSec = (n: number, t: number) => Math.round(n / (t / 1000)).toLocaleString();
    console.log(`queue ${N.toLocaleString()} rows:           ${(q1 / 1000).toFixed(2)} s / ${(q2 / 1000).toFixed(2)} s`);
    console.log(`baseline (plain SQL delete): ${(base.ms / 1000).toFixed(2)} s  (${perSec(N, base.ms)}/s)`);
    console.log(`worker drain (send + mark):  ${(ms / 1000).toFixed(2)} s  (${perSec(N, ms)}/s)  = ${(ms / base.ms).toFixed(1)}× baseline`);
    console.log(`goal ≤ 60 s: ${ms <= 60_000 ? 'met' : 'NOT met'} (the old worker, 100 rows per 15 s, needed ${Math.ceil(N / 100) * 15} s)`);
  } finally {
    console.log = realLog;
    devNull.end();
    await database.close();
    await fresh?.drop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
