/**
 * Case throughput against PostgreSQL: concurrent HTTP clients run create → accept → decide →
 * markResultReady → deliver → complete on 即办 cases while pgbench runs TPC-B on the same
 * server for the same time. Prints transitions/s, pgbench tps and their ratio (goal ≥ 0.5).
 *   npx tsx bench/lifecycle.ts [seconds=15] [clients=8]     (LIFECYCLE_ALONE=1: the load alone, no pgbench)
 */
import { spawn } from 'node:child_process';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';
import { freshBenchDatabase as freshDatabase } from './pg.js';

const SECONDS = Number(process.argv[2] ?? 15);
const CLIENTS = Number(process.argv[3] ?? 8);
const ITEM = '62052400MZ-QR-0001';
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

function pgbench(url: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const p = spawn(PGBENCH, [...args, '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)], {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}

/** The HTTP load, from its own process (bench/lifecycle-clients.ts). */
function clients(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'bench/lifecycle-clients.ts', base, String(SECONDS), String(CLIENTS)]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => process.stderr.write(d));
    p.on('close', (code) => (code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop()!) as { transitions: number }).transitions) : reject(new Error(`clients exited ${code}`))));
  });
}

async function main() {
  const database = await freshDatabase('bench_lifecycle');
  process.env.PG_POOL_MAX = '20';
  const server = await startServer({ ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: true, demoCases: false });
  try {
    await pgbench(database.url, ['-i', '-s', '1', '-q']);
    const base = server.address.replace('0.0.0.0', '127.0.0.1');
    if (process.env.LIFECYCLE_ALONE === '1') {
      // The same load with nothing else on the server: the engine's own ceiling on this machine.
      console.log(`clients ${CLIENTS} (own process), ${SECONDS} s, no pgbench: ${((await clients(base)) / SECONDS).toFixed(1)} transitions/s`);
      return;
    }
    const [bench, done] = await Promise.all([
      pgbench(database.url, ['-c', String(CLIENTS), '-j', '1', '-T', String(SECONDS), '-n']),
      clients(base),
    ]);
    const tps = Number(/tps = ([\d.]+)/.exec(bench)?.[1] ?? NaN);
    const transitions = done / SECONDS;
    console.log(`clients ${CLIENTS} (own process), ${SECONDS} s, PostgreSQL shared by both`);
    console.log(`case transitions/s:  ${transitions.toFixed(1)}  (each: state + event + audit row + notice + outbox, one transaction)`);
    console.log(`pgbench TPC-B tps:   ${tps.toFixed(1)}`);
    console.log(`ratio:               ${(transitions / tps).toFixed(2)}  (goal ≥ 0.5)`);
  } finally {
    await server.app.close();
    await server.ctx.database.close();
    await database.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
