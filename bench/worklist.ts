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
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';
import { freshDatabase } from './pg.js';

const N = Number(process.argv[2] ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const execFileAsync = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

async function generate(db: Awaited<ReturnType<typeof startServer>>['ctx']['db'], from: number, n: number) {
  // Spread cases over every published item of the demo and over two years.
  await db.execute(sql`
    insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel,
      applicant_kind, applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, promised_limit,
      statutory_limit, promised_due, statutory_due, yellow_on, next_change_on, created_at, updated_at, assignee_id)
    select 'B' || lpad(g::text, 12, '0'), '123456', i.center_id, i.department_id, i.id, i.code, i.published_version, i.name, i.case_kind,
      -- Like a real registry: cases older than 40 days are finished, recent ones are a mix of open states.
      case when g % 730 > 40 then (array['completed','completed','completed','completed','refused','withdrawn'])[1 + g % 6]
           else (array['completed','inProgress','inProgress','accepted','submitted','suspended','decided','resultReady'])[1 + g % 8] end,
      (array['window','online','agent'])[1 + g % 3], 'person', '申请人' || g, '620524199001011234', '13800000000', u.id,
      now() - (g % 730) * interval '1 day', (current_date - (g % 730))::date, '{"value":10,"unit":"workingDays"}', '{"value":20,"unit":"workingDays"}',
      (current_date - (g % 730) + 14)::date, (current_date - (g % 730) + 28)::date, (current_date - (g % 730) + 10)::date,
      (current_date - (g % 730) + 10)::date, now(), now(), case when g % 3 = 0 then h.id end
    from generate_series(${from + 1}, ${from + n}) g
    join lateral (select * from service_items where published_version is not null order by id offset (g % 40) limit 1) i on true
    join lateral (select id from users where username = 'window1') u on true
    left join lateral (select id from users where department_id = i.department_id and role = 'handler' limit 1) h on true`);
}

async function main() {
  const database = await freshDatabase('bench_worklist');
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: database.url, demo: true };
  process.env.PG_POOL_MAX = '20';
  const server = await startServer(config);
  try {
    const t0 = performance.now();
    for (let done = 0; done < N; done += 100_000) await generate(server.ctx.db, done, Math.min(100_000, N - done));
    await server.ctx.db.execute(sql`analyze cases`);
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
    const first = await run('worklist: first page', '/api/cases?limit=50');
    const open = await run('worklist: state=inProgress', '/api/cases?state=inProgress&limit=50');
    const red = await run('worklist: light=red', '/api/cases?light=red&limit=50');
    const mine = await run('worklist: q=caseNo', '/api/cases?q=B000000500000&state=all');
    const worst = [first, open, red, mine].reduce((a, b) => (b.latency.p99 > a.latency.p99 ? b : a));
    console.log(`worst worklist p50 ${worst.latency.p50} ms (goal ≤ 5), p99 ${worst.latency.p99} ms (goal ≤ 25); ratio to the HTTP floor p50 ${(worst.latency.p50 / Math.max(floor.latency.p50, 0.5)).toFixed(1)}×`);
  } finally {
    await server.app.close();
    await server.ctx.database.close();
    await database.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
