/**
 * Statistics: a monthly report from the daily rollups against the naive GROUP BY over the
 * cases table, both timed in the same run on PostgreSQL (bench/pg.ts). Generates N cases
 * (SQL, default 10 M) and their rollups, checks that both queries give the same numbers,
 * then times each (median of 5 warm runs). Goal: rollup report ≤ 200 ms and ≥ 50× faster.
 *   npm run bench:stats [-- cases=10000000]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Db } from '../src/core/db/index.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildReport, type ReportQuery } from '../src/stats/service.js';
import { measuresOf, zeroCounts, type RowCounts } from '../src/stats/measures.js';
import { freshBenchDatabase } from './pg.js';
import { buildRollups, generateCases } from './stats-data.js';

const N = Number(process.argv[2] ?? 10_000_000);
const MONTH: ReportQuery = { from: '2026-09-01', to: '2026-09-30', groupBy: 'department' };
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** The same report straight from the cases: one scan with a filtered aggregate per measure. */
async function naive(db: Db, q: ReportQuery) {
  const list = await rows<Record<string, string | number | null>>(db, sql`
    select department_id::text as key,
      count(*) filter (where (submitted_at at time zone 'Asia/Shanghai')::date between ${q.from}::date and ${q.to}::date) as received,
      count(*) filter (where supplement_count > 0 and (submitted_at at time zone 'Asia/Shanghai')::date between ${q.from}::date and ${q.to}::date) as supplement_notified,
      count(*) filter (where accepted_on between ${q.from}::date and ${q.to}::date) as accepted,
      count(*) filter (where state = 'refused' and closed_on between ${q.from}::date and ${q.to}::date) as refused,
      count(*) filter (where outcome is not null and closed_on between ${q.from}::date and ${q.to}::date) as completed,
      count(*) filter (where outcome is not null and closed_on between ${q.from}::date and ${q.to}::date and closed_on <= promised_due) as on_time,
      count(*) filter (where outcome is not null and closed_on between ${q.from}::date and ${q.to}::date and supplement_count = 0) as first_time,
      coalesce(sum(closed_on - accepted_on) filter (where outcome is not null and closed_on between ${q.from}::date and ${q.to}::date), 0) as working_days_used,
      count(*) filter (where kind = 'immediate' and outcome is not null and closed_on between ${q.from}::date and ${q.to}::date) as immediate_completed,
      count(*) filter (where channel = 'online' and (submitted_at at time zone 'Asia/Shanghai')::date between ${q.from}::date and ${q.to}::date) as online_received,
      count(*) filter (where accepted_on <= ${q.to}::date and (closed_on is null or closed_on > ${q.to}::date)) as in_progress
    from cases group by department_id`);
  return new Map(list.map((r) => {
    const c: RowCounts = {
      ...zeroCounts(), received: Number(r.received), supplementNotified: Number(r.supplement_notified), accepted: Number(r.accepted), refused: Number(r.refused),
      completed: Number(r.completed), onTime: Number(r.on_time), firstTime: Number(r.first_time), workingDaysUsed: Number(r.working_days_used),
      immediateCompleted: Number(r.immediate_completed), onlineReceived: Number(r.online_received), inProgress: Number(r.in_progress),
    };
    return [r.key as string, measuresOf(c)];
  }));
}

async function median(f: () => Promise<unknown>, runs = 5): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main() {
  const fresh = await freshBenchDatabase('bench_stats');
  const database = await openDatabase({ databaseUrl: fresh.url });
  const db = database.db;
  try {
    await seedDemo(db, new Date('2026-10-31T02:00:00Z'));
    let t0 = performance.now();
    await generateCases(db, N, console.log);
    console.log(`generated ${N.toLocaleString()} cases in ${secs(t0)}`);
    t0 = performance.now();
    await buildRollups(db);
    const [size] = await rows<{ daily: number; open: number }>(db, sql`select (select count(*) from stats_daily)::int as daily, (select count(*) from stats_open)::int as open`);
    console.log(`built rollups (${size.daily.toLocaleString()} daily rows, ${size.open.toLocaleString()} open rows) in ${secs(t0)}`);

    // Same numbers first: a fast wrong report is worth nothing.
    const report = await buildReport(db, 'all', MONTH);
    const raw = await naive(db, MONTH);
    let mismatches = 0;
    for (const r of report.rows) {
      const { key: _k, label: _l, ...m } = r;
      if (JSON.stringify(m) !== JSON.stringify(raw.get(r.key!))) { mismatches++; console.log('MISMATCH', r.label, m, raw.get(r.key!)); }
    }
    const rawNonEmpty = [...raw.values()].filter((m) => Object.values(m).some((v) => v !== 0 && v !== null)).length;
    console.log(`report ${MONTH.from}…${MONTH.to} by department: ${report.rows.length} rows, naive ${rawNonEmpty} non-empty; mismatches ${mismatches}; total received ${report.total.received.toLocaleString()}, completed ${report.total.completed.toLocaleString()}, in progress ${report.total.inProgress.toLocaleString()}`);

    const fast = await median(() => buildReport(db, 'all', MONTH));
    const slow = await median(() => naive(db, MONTH), 3);
    console.log(`monthly report from rollups  ${fast.toFixed(1)} ms (median of 5; goal ≤ 200 ms)`);
    console.log(`naive GROUP BY over cases    ${slow.toFixed(1)} ms (median of 3)`);
    console.log(`ratio ${(slow / fast).toFixed(0)}× (goal ≥ 50×) at ${N.toLocaleString()} cases`);
  } finally {
    await database.close();
    await fresh.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
