/**
 * Assessment at scale: a month of N decided cases (default 1 M) and their facts — black-light
 * violations with accountability records, verified bad reviews, substantiated complaints,
 * praise, patrol findings, confirmed anomalies and a month of attendance for S staff
 * members — then computes every window, department and staff member of the center with the
 * default 100-point schemes (the real computePeriod: facts, scoring, evidence references,
 * result and line rows, audit row; one transaction). Prints the time (median of REPS
 * recomputations) and its ratio to one plain aggregate query over the same facts (the
 * month's decided cases grouped by window with their on-time count), measured in the same
 * process. Goal: ≤ 2×.
 *
 *   npx tsx bench/assessment.ts [cases=1000000] [staff=300]      (ASSESS_REPS=3)
 * Against BENCH_DATABASE_URL, or the throwaway PostgreSQL of scripts/pg-test-server.sh.
 */
import { sql, eq, and } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import { openDatabase, rows, type Db } from '../src/core/db/index.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext } from '../src/core/context.js';
import { compose } from '../src/compose.js';
import { seedDemo } from '../src/demo/seed.js';
import { users } from '../src/core/auth/schema.js';
import { centers } from '../src/core/org/schema.js';
import type { SessionUser } from '../src/core/auth/policy.js';
import { DEFAULT_SCHEMES, SUBJECT_TYPES } from '../src/assessment/rules.js';
import { computePeriod, createPeriod, createScheme, publishScheme } from '../src/assessment/service.js';
import { caseFactsQuery, gatherFacts } from '../src/assessment/facts.js';
import { METRIC_NAMES } from '../src/assessment/rules.js';
import { freshBenchDatabase } from './pg.js';

const N = Number(process.argv[2] ?? process.env.ASSESS_CASES ?? 1_000_000);
const S = Number(process.argv[3] ?? process.env.ASSESS_STAFF ?? 300);
const REPS = Number(process.env.ASSESS_REPS ?? 3);
const MONTH = '2026-06';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function generate(db: Db, centerId: string, adminId: string) {
  let t = performance.now();
  const lap = (what: string) => { if (process.env.ASSESS_VERBOSE) console.log(`  ${what}: ${(performance.now() - t).toFixed(0)} ms`); t = performance.now(); };
  for (const idx of ['cases_dept_due_idx', 'cases_center_due_idx', 'cases_assignee_idx', 'cases_applicant_idx', 'cases_submitter_idx']) await db.execute(sql.raw(`drop index if exists ${idx}`));
  // S window staff, each holding an A or B post at one of the county's windows.
  await db.execute(sql`
    with w as (select (row_number() over (order by number) - 1)::int as idx, id, department_id from windows where center_id = ${centerId}), nw as (select count(*)::int as n from w)
    insert into users (username, password_hash, display_name, role, center_id, department_id, window_id, created_at)
    select 'bench_s' || g, 'x', '人员' || g, 'receiver', ${centerId}::uuid, w.department_id, w.id, now()
      from generate_series(1, ${S}::int) g cross join nw join w on w.idx = g % nw.n`);
  await db.execute(sql`insert into staff_assignments (center_id, window_id, department_id, user_id, post, from_date, created_at)
    select u.center_id, u.window_id, u.department_id, u.id, case when substr(u.username, 8)::int % 2 = 0 then 'A' else 'B' end, '2025-01-02', now() from users u where u.username like 'bench_s%'`);
  // Attendance of every post holder on the month's weekdays: mostly on time, some late, a few absent (no row).
  await db.execute(sql`insert into attendance (user_id, center_id, day, sign_in_at, sign_out_at)
    select sa.user_id, sa.center_id, d::date, (d::date + case when (hashtext(sa.user_id::text || d::text) & 31) = 0 then time '09:25' else time '08:45' end) at time zone 'Asia/Shanghai',
           (d::date + time '17:35') at time zone 'Asia/Shanghai'
      from (select distinct user_id, center_id from staff_assignments where center_id = ${centerId}) sa
      cross join generate_series(${`${MONTH}-01`}::date, ${`${MONTH}-30`}::date, interval '1 day') d
     where extract(isodow from d) < 6 and (hashtext(sa.user_id::text || d::text) & 63) <> 1
    on conflict do nothing`);
  lap('staff and attendance');
  // N cases decided in the month at the staff's windows: 5 % late, 10 % after a supplement, a third online.
  const step = 250_000;
  for (let done = 0; done < N; done += step) {
    const n = Math.min(step, N - done);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        with it as (select array_agg(id order by id) as id, array_agg(department_id order by id) as dept, array_agg(code order by id) as code, array_agg(name order by id) as name,
                           array_agg(case_kind order by id) as kind, count(*)::int as n from service_items where published_version is not null and center_id = ${centerId}),
             st as (select array_agg(id order by username) as id, array_agg(window_id order by username) as win, count(*)::int as n from users where username like 'bench_s%')
        insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, outcome, channel, applicant_kind,
          applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, accepted_by, window_id, closed_on, promised_due,
          supplement_count, promised_limit, statutory_limit, created_at, updated_at)
        select 'A' || g, '000000', ${centerId}::uuid, it.dept[x.i], it.id[x.i], it.code[x.i], 1, it.name[x.i], it.kind[x.i], 'completed', case when g % 23 = 0 then 'denied' else 'approved' end,
          (array['window','online','window'])[1 + g % 3], 'person', '甲', '-', '-', ${adminId}::uuid, now(), x.closed - 3, st.id[x.s], st.win[x.s], x.closed,
          case when g % 20 = 0 then x.closed - 1 else x.closed + 2 end, case when g % 10 = 0 then 1 else 0 end,
          '{"value":10,"unit":"workingDays"}', '{"value":20,"unit":"workingDays"}', now(), now()
        from generate_series(${done + 1}::int, ${done + n}::int) g cross join it cross join st
        cross join lateral (select ${`${MONTH}-01`}::date + (g % 30) as closed, 1 + (g / 7) % it.n as i, 1 + g % st.n as s) x`);
    });
    console.log(`  ${(done + n).toLocaleString()} cases`);
  }
  lap('cases');
  await db.execute(sql`analyze cases`);
  // Facts about some of them.
  await db.execute(sql`insert into ladder_steps (case_id, light, kind, center_id, department_id, doc_no, issued_on, issued_at, snapshot)
    select c.id, 'black', 'violation', c.center_id, c.department_id, 'V' || c.case_no, c.closed_on, now(), '{}' from cases c where c.case_no like 'A%' and substr(c.case_no, 2)::int % 200 = 0`);
  await db.execute(sql`insert into accountability_records (step_id, case_id, kind, center_id, department_id, user_id, recorded_on, recorded_at)
    select s.id, s.case_id, 'violation', s.center_id, s.department_id, c.accepted_by, s.issued_on, now() from ladder_steps s join cases c on c.id = s.case_id`);
  await db.execute(sql`insert into feedback_evaluations (case_id, stage, grade, channel, center_id, department_id, item_id, window_id, staff_id, state, rated_on, rated_at, verification)
    select c.id, 'completion', 1, 'portal', c.center_id, c.department_id, c.item_id, c.window_id, c.accepted_by, 'rectifying', c.closed_on, now(),
           jsonb_build_object('finding', 'substantiated', 'reason', '属实', 'fileIds', '[]'::jsonb, 'by', ${adminId}::text, 'at', now())
      from cases c where c.case_no like 'A%' and substr(c.case_no, 2)::int % 300 = 7`);
  await db.execute(sql`insert into feedback_complaints (no, center_id, channel, category, complainant_name, complainant_phone, content, case_id, department_id, staff_id, state, received_on, received_at, result)
    select 'C' || c.case_no, c.center_id, 'phone', 'attitude', '乙', '-', '态度', c.id, c.department_id, c.accepted_by, 'resolved', c.closed_on, now(),
           jsonb_build_object('finding', 'substantiated', 'result', '属实', 'unitNotice', '', 'by', ${adminId}::text, 'at', now(), 'on', c.closed_on::text, 'onTime', true)
      from cases c where c.case_no like 'A%' and substr(c.case_no, 2)::int % 1000 = 11`);
  await db.execute(sql`insert into feedback_praise (center_id, kind, window_id, user_id, from_name, received_on, recorded_by, recorded_at)
    select c.center_id, 'banner', c.window_id, c.accepted_by, '群众', c.closed_on, ${adminId}::uuid, now() from cases c where c.case_no like 'A%' and substr(c.case_no, 2)::int % 500 = 13`);
  await db.execute(sql`insert into anomalies (rule, subject, center_id, department_id, case_id, evidence, detected_at, handled_at, handled_by, note)
    select 'secondSupplementNotice', 'bench:' || c.id, c.center_id, c.department_id, c.id, '{}', (c.closed_on + time '10:00') at time zone 'Asia/Shanghai', now(), ${adminId}::uuid, '已核实'
      from cases c where c.case_no like 'A%' and substr(c.case_no, 2)::int % 2000 = 17`);
  const [patrol] = await rows<{ id: string }>(db, sql`insert into patrols (center_id, kind, session, day, patrolled_at, patroller_id) values (${centerId}, 'random', 'morning', ${`${MONTH}-15`}, now(), ${adminId}) returning id`);
  await db.execute(sql`insert into patrol_findings (patrol_id, center_id, window_id, department_id, day, grade, failed_checks, photo_file_ids, rectification)
    select ${patrol.id}::uuid, w.center_id, w.id, w.department_id, ${`${MONTH}-15`}::date, 'fair', '["badge"]', '[]', 'open' from windows w where w.center_id = ${centerId} and w.number % 3 = 0`);
  lap('other facts');
}

async function main() {
  const fresh = await freshBenchDatabase('bench_assess');
  const config = { ...loadConfig({}), databaseUrl: fresh.url, demo: true, demoCases: false };
  const database = await openDatabase({ databaseUrl: fresh.url });
  const clock = new SettableClock();
  clock.set(new Date('2026-07-02T02:00:00Z'));
  const ctx = makeContext(config, database, clock);
  compose(ctx.config);
  try {
    await seedDemo(ctx.db, ctx.now());
    const [county] = await ctx.db.select().from(centers).where(eq(centers.level, 'county'));
    const [admin] = await ctx.db.select().from(users).where(and(eq(users.username, 'admin'), eq(users.centerId, county.id)));
    const t0 = performance.now();
    await generate(ctx.db, county.id, admin.id);
    console.log(`generated ${N.toLocaleString()} decided cases of ${MONTH} and their facts, ${S} extra staff, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const actor: SessionUser = { id: admin.id, username: 'admin', displayName: admin.displayName, role: 'centerAdmin', centerId: county.id, centerScope: [county.id], departmentId: null, windowId: null, applicantKind: null, sessionId: 'bench', csrfToken: 'bench' };
    for (const type of SUBJECT_TYPES) {
      const s = await createScheme(ctx, actor, { code: `${type}-month`, name: type, subjectType: type, periodKind: 'month', body: DEFAULT_SCHEMES[type] });
      await publishScheme(ctx, actor, s.id);
    }
    const period = await createPeriod(ctx, actor, { kind: 'month', key: MONTH });
    const [facts] = await rows<Record<string, number>>(ctx.db, sql`select
      (select count(*)::int from cases where outcome is not null and closed_on between ${`${MONTH}-01`}::date and ${`${MONTH}-30`}::date) as cases,
      (select count(*)::int from ladder_steps) as violations, (select count(*)::int from feedback_evaluations) as reviews, (select count(*)::int from feedback_complaints) as complaints,
      (select count(*)::int from feedback_praise) as praise, (select count(*)::int from attendance) as attendance, (select count(*)::int from anomalies) as anomalies`);
    console.log(`facts: ${Object.entries(facts).map(([k, v]) => `${k} ${v.toLocaleString()}`).join(', ')}`);

    // The plain aggregate: the month's decided cases by window with their on-time count (no evidence, no scoring, no writes).
    const baseline = async () => {
      const t = performance.now();
      const r = await rows(ctx.db, sql`select window_id, count(*)::int as completed, count(*) filter (where promised_due is not null and closed_on <= promised_due)::int as on_time
        from cases where center_id = ${county.id} and outcome is not null and closed_on between ${`${MONTH}-01`}::date and ${`${MONTH}-30`}::date group by window_id`);
      if (r.length === 0) throw new Error('baseline found nothing');
      return performance.now() - t;
    };
    const phases: Record<string, number>[] = [];
    const compute = async () => {
      const t = performance.now();
      const ph: Record<string, number> = {};
      phases.push(ph);
      const r = await computePeriod(ctx, actor, period.id, ph);
      return { ms: performance.now() - t, r };
    };
    await baseline(); // warm the cache for both
    const first = await compute();
    console.log(`computed ${first.r.subjects} subjects (windows, departments, staff), ${first.r.lines} lines`);
    const [ev] = await rows<{ refs: number }>(ctx.db, sql`select coalesce(sum(cardinality(evidence_refs)), 0)::int as refs from assessment_lines where period_id = ${period.id}`);
    console.log(`evidence references stored: ${ev.refs.toLocaleString()}`);
    const base: number[] = [], comp: number[] = [];
    let same = true;
    for (let i = 0; i < REPS; i++) {
      base.push(await baseline());
      const c = await compute();
      comp.push(c.ms);
      same &&= c.r.sameAsBefore === true;
    }
    const b = median(base), c = median(comp);
    const g0 = performance.now();
    const alone: Record<string, number> = {};
    await gatherFacts(ctx.db, { centerId: county.id, from: `${MONTH}-01`, to: `${MONTH}-30`, timeZone: config.timeZone }, { today: ctx.today(), nowTime: '10:00', metrics: new Set(METRIC_NAMES), phases: alone });
    console.log(`gathering the facts alone (once): ${(performance.now() - g0).toFixed(0)} ms = ${Object.entries(alone).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    const last = phases[phases.length - 1];
    console.log(`last computation's phases: ${Object.entries(last).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    const [{ v }] = await rows<{ v: string }>(ctx.db, sql`select version() as v`);
    console.log(v.split(' on ')[0]);
    const plan = await ctx.db.transaction(async (tx) => { await tx.execute(sql`set local jit = off`); await tx.execute(sql`set local work_mem = '32MB'`); return rows<Record<string, string>>(tx, sql`explain ${caseFactsQuery({ centerId: county.id, from: `${MONTH}-01`, to: `${MONTH}-30`, timeZone: config.timeZone })}`); });
    console.log(`case facts plan:\n  ${plan.map((p) => Object.values(p)[0]).join('\n  ')}`);
    console.log(`plain aggregate (median of ${REPS}): ${b.toFixed(0)} ms`);
    console.log(`compute all subjects (median of ${REPS}): ${c.toFixed(0)} ms   [first run ${first.ms.toFixed(0)} ms]`);
    console.log(`ratio: ${(c / b).toFixed(2)}×  (goal ≤ 2×)   recomputations gave the same digest: ${same}`);
  } finally {
    await database.close();
    if (process.env.ASSESS_KEEP) console.log(`kept ${fresh.url}`); else await fresh.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
