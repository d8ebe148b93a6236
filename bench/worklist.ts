/**
 * Worklist latency on a large case table: generate N cases (SQL, fast), then 16 concurrent
 * HTTP clients page the department worklist with filters. Prints p50/p99 and, as the
 * same-session baseline, the latency of /api/health (the HTTP + session floor).
 * Goal: p50 ≤ 5 ms, p99 ≤ 25 ms at 1 M cases.   npx tsx bench/worklist.ts [cases=1000000]
 */
import type autocannon from 'autocannon';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';
import { freshBenchDatabase as freshDatabase } from './pg.js';
import { generateCases } from './worklist-data.js';
import { setWorklistCacheMs } from '../src/cases/worklistCache.js';

const N = Number(process.argv[2] ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const execFileAsync = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** Files a 民政局 case at the window every `everyMs` (each drops the cached pages) until stopped. */
async function writer(base: string, everyMs: number) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'window1', password: 'banshi123' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  let count = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await fetch(`${base}/api/cases`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: { kind: 'person', name: '压测', idNumber: '620524199001011233', phone: '13800000000' } }),
      });
      if (r.status !== 201) throw new Error(`writer: ${r.status} ${await r.text()}`);
      count++;
      await new Promise((res) => setTimeout(res, everyMs));
    }
  })();
  return { count: () => count, stop: async () => { running = false; await loop; } };
}

async function main() {
  const database = await freshDatabase('bench_worklist');
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: true, demoCases: false };
  process.env.PG_POOL_MAX = '20';
  const server = await startServer(config);
  try {
    const t0 = performance.now();
    await generateCases(server.ctx.db, N);
    console.log(`generated ${N.toLocaleString()} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const base = server.address.replace('0.0.0.0', '127.0.0.1');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'coord1', password: 'banshi123' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    // The load comes from a separate process so it does not share the server's event loop.
    const run = async (title: string, path: string) => {
      const { stdout: out } = await execFileAsync(process.execPath, [AUTOCANNON, '-j', '-c', '16', '-d', String(DURATION), '-H', `cookie=${cookie}`, `${base}${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const r = JSON.parse(out) as autocannon.Result;
      console.log(`${title.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${r.errors + r.non2xx}`);
      return r;
    };
    const floor = await run('baseline: GET /api/health', '/api/health');
    const lists: [string, string][] = [
      ['first page', '/api/cases?limit=50'], ['state=inProgress', '/api/cases?state=inProgress&limit=50'],
      ['light=red', '/api/cases?light=red&limit=50'], ['q=caseNo', '/api/cases?q=B000000500000&state=all'],
    ];
    // Production default: pages cached between case changes (src/cases/worklistCache.ts); then every request to the database.
    const report = async (label: string, ttlMs: number) => {
      setWorklistCacheMs(ttlMs);
      const all = [];
      for (const [title, path] of lists) all.push(await run(`worklist (${label}): ${title}`, path));
      const p50 = Math.max(...all.map((r) => r.latency.p50));
      const p99 = Math.max(...all.map((r) => r.latency.p99));
      console.log(`${label}: worst worklist p50 ${p50} ms (goal ≤ 5), p99 ${p99} ms (goal ≤ 25); ratio to the HTTP floor p50 ${(p50 / Math.max(floor.latency.p50, 0.5)).toFixed(1)}×`);
    };
    await report('cached', 1000);
    await report('uncached', 0);
    // Pages under writes: one client changes a case of the same department every 100 ms, which drops every cached page.
    setWorklistCacheMs(1000);
    const stopWriting = await writer(base, 100);
    try {
      const r = await run('worklist (cached, 10 writes/s): first page', '/api/cases?limit=50');
      console.log(`under writes: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; ${stopWriting.count()} writes`);
    } finally { await stopWriting.stop(); }
  } finally {
    await server.app.close();
    await server.ctx.database.close();
    await database.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
