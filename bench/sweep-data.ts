/** Synthetic open cases for the sweep benchmark: generated in SQL (generate_series), 100 k per statement. */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/core/db/index.js';

/**
 * n open cases, all in progress, accepted 0–9 days before `today` under a 15/30 working-day
 * limit, their next light change 5–60 days ahead — so none is due until `markDue` says so.
 */
async function generate(db: Db, from: number, n: number, today: string, items: number) {
  await db.execute(sql`
    insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel,
      applicant_kind, applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, promised_limit,
      statutory_limit, promised_due, statutory_due, yellow_on, next_change_on, created_at, updated_at, assignee_id, coordinator_id, step_index)
    select 'S' || lpad(g::text, 12, '0'), '123456', i.center_id, i.department_id, i.id, i.code, i.published_version, i.name, 'promised', 'inProgress',
      'window', 'person', '申请人' || g, '620524199001011234', '13800000000', u.id, now(), ${today}::date - (g % 10),
      '{"value":15,"unit":"workingDays"}', '{"value":30,"unit":"workingDays"}',
      ${today}::date + 21 - (g % 10), ${today}::date + 42 - (g % 10), ${today}::date + 12 - (g % 10), ${today}::date + 5 + (g % 56),
      now(), now(), h.id, c.id, 1
    from generate_series(${from + 1}::int, ${from + n}::int) g
    join lateral (select * from service_items where published_version is not null and case_kind = 'promised' order by id offset (g % ${items}) limit 1) i on true
    join lateral (select id from users where username = 'window1') u on true
    left join lateral (select id from users where department_id = i.department_id and role = 'handler' limit 1) h on true
    left join lateral (select id from users where department_id = i.department_id and role = 'coordinator' limit 1) c on true`);
}

export async function generateOpenCases(db: Db, n: number, today: string) {
  const [{ items }] = (await db.execute(sql`select count(*)::int as items from service_items where published_version is not null and case_kind = 'promised'`) as unknown as { rows: { items: number }[] }).rows;
  for (let done = 0; done < n; done += 100_000) await generate(db, done, Math.min(100_000, n - done), today, items);
  // A steady-state table, as in production: vacuumed (hint bits, visibility map), so no
  // autovacuum of the freshly loaded million rows runs during the timed sweeps.
  await db.execute(sql`vacuum (analyze) cases`);
}

/**
 * Makes cases [from, from + k) due today, with facts that make them yellow today (accepted
 * 16 calendar days ago: about 11 of 15 working days used) — each sweep of them writes an
 * urge notice, its outbox rows and audit row, the full cost of a light change.
 */
export async function markDue(db: Db, from: number, k: number, today: string, turnYellow = true) {
  // Without turnYellow the facts stay green: the sweep only rewrites the clock columns.
  await db.execute(sql`
    update cases set next_change_on = ${today}::date, accepted_on = ${turnYellow ? sql`${today}::date - 16` : sql`accepted_on`}
     where case_no between ${'S' + String(from + 1).padStart(12, '0')} and ${'S' + String(from + k).padStart(12, '0')}`);
}
