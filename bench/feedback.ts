/**
 * Feedback statistics: the report's feedback section (src/feedback/measures.ts feedbackReport:
 * one evaluation aggregate with FILTERs, three complaint aggregates, the praise count) against
 * the same run's physical baseline — one plain aggregate (count, sum) over the same rows.
 * Rows are made by SQL (generate_series), not through the API. Run: npx tsx bench/feedback.ts
 * (BENCH_N rows of each kind, default 20 000; DATABASE_URL for PostgreSQL, else PGlite).
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../src/core/db/index.js';
import { seedDemo } from '../src/demo/seed.js';
import { feedbackReport } from '../src/feedback/measures.js';

const N = Number(process.env.BENCH_N ?? 20_000);
const ROUNDS = 15;
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
const db = database.db;
await seedDemo(db, new Date('2026-01-05T01:00:00Z'));
const [ref] = await rows<{ center_id: string; department_id: string; item_id: string; code: string; user_id: string }>(db, sql`
  select i.center_id, i.department_id, i.id as item_id, i.code, (select id from users where username = 'window1') as user_id from service_items i limit 1`);
const t0 = performance.now();
await db.execute(sql`insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel,
    applicant_kind, applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, promised_limit, statutory_limit, created_at, updated_at)
  select 'B' || g, '000000', ${ref.center_id}::uuid, ${ref.department_id}::uuid, ${ref.item_id}::uuid, ${ref.code}, 1, '基准事项', 'promised', 'completed', 'window',
    'person', '基准', '620524199001011233', '13800000000', ${ref.user_id}::uuid, now(), '{"days":5,"unit":"workingDays"}', '{"days":20,"unit":"workingDays"}', now(), now()
  from generate_series(1, ${N}) g`);
await db.execute(sql`insert into feedback_evaluations (case_id, stage, grade, channel, center_id, department_id, item_id, state, rated_on, rated_at, verification, rectification)
  select c.id, 'completion', 1 + (hashtext(c.id::text) & 4) % 5, 'portal', c.center_id, c.department_id, c.item_id,
    case when (hashtext(c.id::text) & 4) % 5 < 2 then 'rectified' else 'rated' end,
    date '2026-01-01' + (hashtext(c.case_no) & 255) % 300, now(),
    case when (hashtext(c.id::text) & 4) % 5 < 2 then '{"finding":"substantiated"}'::jsonb end,
    case when (hashtext(c.id::text) & 4) % 5 < 2 then '{"onTime":true}'::jsonb end
  from cases c where c.case_no like 'B%'`);
await db.execute(sql`insert into feedback_complaints (no, center_id, channel, category, complainant_name, complainant_phone, content, state, received_on, received_at, due, result)
  select 'TSB' || g, ${ref.center_id}::uuid, (array['hall','phone','portal','hotline12345'])[1 + g % 4], (array['attitude','efficiency','multipleVisits','other'])[1 + g % 4],
    '基准', '13800000000', '基准投诉', case when g % 3 = 0 then 'resolved' else 'handling' end, date '2026-01-01' + g % 300, now(), date '2026-01-08' + g % 300,
    case when g % 3 = 0 then '{"finding":"substantiated","onTime":true}'::jsonb end
  from generate_series(1, ${N}) g`);
await db.execute(sql`analyze`);
console.log(`setup: ${N} cases, ${N} ratings, ${N} complaints in ${Math.round(performance.now() - t0)} ms (${database.kind})`);

const centers = [ref.center_id];
async function time(fn: () => Promise<unknown>): Promise<number> {
  const list: number[] = [];
  for (let i = 0; i < ROUNDS; i++) { const a = performance.now(); await fn(); list.push(performance.now() - a); }
  list.sort((a, b) => a - b);
  return list[Math.floor(list.length / 2)];
}
const report = await time(() => feedbackReport(db, centers, '2026-01-01', '2026-12-31', '2026-12-31'));
const baseline = await time(() => rows(db, sql`select count(*), sum(grade) from feedback_evaluations where rated_on between '2026-01-01' and '2026-12-31' and center_id = ${ref.center_id}::uuid`));
const check = await feedbackReport(db, centers, '2026-01-01', '2026-12-31', '2026-12-31');
console.log(`rated ${check.evaluation.rated}, 好评率 ${check.evaluation.goodRate}%, 差评整改率 ${check.evaluation.rectifyRate}%, complaints ${check.complaints.received}`);
console.log(`feedback report: median ${report.toFixed(1)} ms; baseline (one plain aggregate over the ratings): ${baseline.toFixed(1)} ms; ratio ${(report / baseline).toFixed(2)}`);
await database.close();
