/**
 * Case throughput against PostgreSQL: concurrent HTTP clients run create → accept → decide →
 * markResultReady → deliver → complete on 即办 cases while pgbench runs TPC-B on the same
 * server for the same time. Prints transitions/s, pgbench tps and their ratio (goal ≥ 0.5).
 * First each side runs alone, with the machine's CPU time counted (Linux /proc/stat: all
 * busy time, so run it on an otherwise idle machine): CPU per case transition — split into
 * the server (this process), the clients (their process) and the rest (PostgreSQL) — and
 * CPU per TPC-B transaction. Their quotient is the ratio the two could reach sharing the
 * cores evenly, whatever the scheduler does.
 *   npx tsx bench/lifecycle.ts [seconds=15] [clients=8]     (LIFECYCLE_ALONE=1: the load alone, no pgbench)
 */
import { readFileSync } from 'node:fs';
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

/** Busy CPU milliseconds of the whole machine so far (all cores; /proc/stat, USER_HZ = 100). */
function machineBusyMs(): number {
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
  return (user + nice + system + irq + softirq + steal) * 10;
}

/** The HTTP load, from its own process (bench/lifecycle-clients.ts): transitions and the clients' CPU. */
function clients(base: string): Promise<{ transitions: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'bench/lifecycle-clients.ts', base, String(SECONDS), String(CLIENTS)]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => process.stderr.write(d));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as { transitions: number; cpuMs: number }) : reject(new Error(`clients exited ${code}`))));
  });
}

async function main() {
  const database = await freshDatabase('bench_lifecycle');
  process.env.PG_POOL_MAX = '20';
  const server = await startServer({ ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: true, demoCases: false });
  try {
    await pgbench(database.url, ['-i', '-s', '1', '-q']);
    const base = server.address.replace('0.0.0.0', '127.0.0.1');
    const pgbenchRun = () => pgbench(database.url, ['-c', String(CLIENTS), '-j', '1', '-T', String(SECONDS), '-n']);
    const tpsOf = (out: string) => Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);

    // Each side alone, its CPU counted.
    let busy = machineBusyMs();
    const own = process.cpuUsage();
    const alone = await clients(base);
    const serverCpu = process.cpuUsage(own);
    const serverMs = (serverCpu.user + serverCpu.system) / 1000;
    const loadMs = machineBusyMs() - busy;
    const perTransition = loadMs / alone.transitions;
    console.log(`alone: ${(alone.transitions / SECONDS).toFixed(1)} case transitions/s (${CLIENTS} clients, own process, ${SECONDS} s)`);
    console.log(`  CPU per transition: ${perTransition.toFixed(2)} ms = server ${(serverMs / alone.transitions).toFixed(2)} + clients ${(alone.cpuMs / alone.transitions).toFixed(2)} + PostgreSQL and the rest ${((loadMs - serverMs - alone.cpuMs) / alone.transitions).toFixed(2)}`);
    if (process.env.LIFECYCLE_ALONE === '1') return;
    busy = machineBusyMs();
    const benchAlone = tpsOf(await pgbenchRun());
    const perTpcb = (machineBusyMs() - busy) / (benchAlone * SECONDS);
    console.log(`alone: pgbench TPC-B ${benchAlone.toFixed(1)} tps; CPU per transaction ${perTpcb.toFixed(2)} ms (pgbench and PostgreSQL)`);
    console.log(`  ratio their CPU allows at even shares: ${(perTpcb / perTransition).toFixed(2)}`);

    const [bench, done] = await Promise.all([pgbenchRun(), clients(base)]);
    const tps = tpsOf(bench);
    const transitions = done.transitions / SECONDS;
    console.log(`together: PostgreSQL shared by both`);
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
