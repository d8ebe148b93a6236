/**
 * Synthetic cases for the statistics benchmark, and their rollups derived from them in SQL,
 * so rollups and cases agree by construction (the benchmark checks it). Cases are spread
 * over two years before BASE, every published demo item, three channels and the county's
 * windows; a few refused or withdrawn, the rest accepted (some after a supplement notice)
 * and decided 0–19 days later unless that is after BASE (still in progress).
 * Working days used are approximated by calendar days here on both sides (the benchmark
 * times queries; the exact working-day rule is tested in src/stats/stats.int.test.ts).
 */
import { sql } from 'drizzle-orm';
import { rows, type Db, type Queryable } from '../src/core/db/index.js';

export const BASE = '2026-10-31';

async function chunk(db: Queryable, from: number, n: number, userId: string) {
  await db.execute(sql`
    with it as (select (row_number() over (order by id) - 1)::int as idx, id, center_id, department_id, code, name, case_kind from service_items where published_version is not null),
         nit as (select count(*)::int as n from it),
         w as (select (row_number() over (order by number) - 1)::int as idx, id from windows where center_id = (select center_id from it limit 1)),
         nw as (select count(*)::int as n from w)
    insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel, applicant_kind,
      applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, closed_on, outcome, promised_due, window_id,
      supplement_count, promised_limit, statutory_limit, created_at, updated_at)
    select 'S' || g, '000000', it.center_id, it.department_id, it.id, it.code, 1, it.name, it.case_kind, d.state, x.channel, 'person',
      '甲', '-', '-', ${userId}::uuid, (x.sub_on + time '09:30') at time zone 'Asia/Shanghai', a.accepted_on, d.closed_on, d.outcome, a.accepted_on + 14,
      case when x.channel = 'online' and a.accepted_on is null then null else w.id end, a.supplements,
      '{"value":10,"unit":"workingDays"}', '{"value":20,"unit":"workingDays"}', now(), now()
    from generate_series(${from + 1}::int, ${from + n}::int) g
    cross join nit cross join nw
    cross join lateral (select ${BASE}::date - (g % 730) as sub_on, (g / 11) % 100 as s, (array['window','online','agent'])[1 + (g / 7) % 3] as channel) x
    join it on it.idx = g % nit.n
    join w on w.idx = (g / 3) % nw.n
    cross join lateral (select case when x.s >= 8 then x.sub_on + case when x.s % 10 = 0 then 2 else 0 end end as accepted_on,
                               case when x.s % 10 = 0 then 1 else 0 end as supplements,
                               case when it.case_kind = 'immediate' then 0 else (g / 13) % 20 end as dur) a
    cross join lateral (select
        case when x.s < 5 then 'refused' when x.s < 8 then 'withdrawn' when a.accepted_on + a.dur <= ${BASE}::date then 'completed' else 'inProgress' end as state,
        case when x.s < 8 then x.sub_on when a.accepted_on + a.dur <= ${BASE}::date then a.accepted_on + a.dur end as closed_on,
        case when x.s >= 8 and a.accepted_on + a.dur <= ${BASE}::date then case when g % 17 = 0 then 'denied' else 'approved' end end as outcome) d`);
}

export async function generateCases(db: Db, n: number, log: (s: string) => void) {
  // A benchmark database only: skip FK triggers during the bulk load (set local, per chunk's
  // transaction) and build no worklist
  // indexes (neither query below uses them; the naive query scans the table anyway).
  for (const idx of ['cases_dept_due_idx', 'cases_center_due_idx', 'cases_assignee_idx', 'cases_applicant_idx', 'cases_submitter_idx', 'cases_case_no_idx']) {
    await db.execute(sql.raw(`drop index if exists ${idx}`));
  }
  const [{ id: userId }] = await rows<{ id: string }>(db, sql`select id from users where username = 'window1'`);
  const step = 1_000_000;
  for (let done = 0; done < n; done += step) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await chunk(tx, done, Math.min(step, n - done), userId);
    });
    log(`  ${Math.min(done + step, n).toLocaleString()} cases`);
  }
}

/** stats_daily and stats_open from the cases, with the same definitions as src/stats/measures.ts. */
export async function buildRollups(db: Db) {
  await db.execute(sql`
    insert into stats_daily (day, center_id, department_id, window_id, item_id, kind, channel, received, supplement_notified, accepted, refused,
      completed, on_time, first_time, working_days_used, exits)
    select day, center_id, department_id, window_id, item_id, kind, channel, sum(rc), sum(sn), sum(ac), sum(rf), sum(cp), sum(ot), sum(ft), sum(wd), sum(ex)
    from (
      select (submitted_at at time zone 'Asia/Shanghai')::date as day, center_id, department_id, window_id, item_id, kind, channel,
        1 as rc, (supplement_count > 0)::int as sn, 0 as ac, 0 as rf, 0 as cp, 0 as ot, 0 as ft, 0 as wd, 0 as ex from cases
      union all
      select accepted_on, center_id, department_id, window_id, item_id, kind, channel, 0, 0, 1, 0, 0, 0, 0, 0, 0 from cases where accepted_on is not null
      union all
      select closed_on, center_id, department_id, window_id, item_id, kind, channel, 0, 0, 0, (state = 'refused')::int,
        (outcome is not null)::int, (outcome is not null and closed_on <= promised_due)::int, (outcome is not null and supplement_count = 0)::int,
        case when outcome is not null then closed_on - accepted_on else 0 end, (accepted_on is not null)::int
      from cases where closed_on is not null
    ) e group by 1, 2, 3, 4, 5, 6, 7
    -- In production rollup rows are written day after day, so a day's rows sit together;
    -- inserting in day order gives the benchmark the same physical layout.
    order by 1`);
  await db.execute(sql`
    insert into stats_open (center_id, department_id, window_id, item_id, kind, channel, open)
    select center_id, department_id, window_id, item_id, kind, channel, count(*) from cases
    where accepted_on is not null and closed_on is null group by 1, 2, 3, 4, 5, 6`);
  // The steady state autovacuum reaches on its own; done here so that it does not run
  // during the timings (it would on a freshly loaded 10 M-row table).
  await db.execute(sql`vacuum analyze cases`);
  await db.execute(sql`vacuum analyze stats_daily`);
  await db.execute(sql`vacuum analyze stats_open`);
}
