/** Synthetic open cases for the sweep benchmark: generated in SQL (generate_series), 100 k per statement. */
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../src/core/db/index.js';
import { calendarFor } from '../src/core/calendar/service.js';
import { computeClock } from '../src/core/clock/clock.js';
import { clockColumns, clockInput, nextChangeOf } from '../src/cases/repo.js';
import { clockSettings } from '../src/supervision/settings.js';
import { fromDayNumber, toDayNumber } from '../src/core/calendar/calendar.js';

/**
 * n open cases, all in progress, accepted 0–9 days before `today` under a 15/30 working-day
 * limit, their next light change 5–60 days ahead — so none is due until `markDue` says so.
 */
async function generate(db: Db, from: number, n: number, today: string, items: number) {
  await db.execute(sql`
    with ins as (
    insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel,
      applicant_kind, applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, promised_limit,
      statutory_limit, promised_due, statutory_due, yellow_on, created_at, updated_at, assignee_id, coordinator_id, step_index)
    select 'S' || lpad(g::text, 12, '0'), '123456', i.center_id, i.department_id, i.id, i.code, i.published_version, i.name, 'promised', 'inProgress',
      'window', 'person', '申请人' || g, '620524199001011233', '13800000000', u.id, now(), ${today}::date - (g % 10),
      '{"value":15,"unit":"workingDays"}', '{"value":30,"unit":"workingDays"}',
      ${today}::date + 21 - (g % 10), ${today}::date + 42 - (g % 10), ${today}::date + 12 - (g % 10),
      now(), now(), h.id, c.id, 1
    from generate_series(${from + 1}::int, ${from + n}::int) g
    join lateral (select * from service_items where published_version is not null and case_kind = 'promised' order by id offset (g % ${items}) limit 1) i on true
    join lateral (select id from users where username = 'window1') u on true
    left join lateral (select id from users where department_id = i.department_id and role = 'handler' limit 1) h on true
    left join lateral (select id from users where department_id = i.department_id and role = 'coordinator' limit 1) c on true
    returning id, case_no)
    insert into case_light_queue (case_id, next_change_on)
    select id, ${today}::date + 5 + (substr(case_no, 2)::int % 56) from ins`);
}

export async function generateOpenCases(db: Db, n: number, today: string) {
  const [{ items }] = (await db.execute(sql`select count(*)::int as items from service_items where published_version is not null and case_kind = 'promised'`) as unknown as { rows: { items: number }[] }).rows;
  for (let done = 0; done < n; done += 100_000) await generate(db, done, Math.min(100_000, n - done), today, items);
  // A steady-state table, as in production: vacuumed (hint bits, visibility map), so no
  // autovacuum of the freshly loaded million rows runs during the timed sweeps.
  await db.execute(sql`vacuum (analyze) cases`);
  await db.execute(sql`vacuum (analyze) case_light_queue`);
}

const caseNo = (i: number) => 'S' + String(i).padStart(12, '0');

/**
 * Makes cases [from, from + k) due today with the stored columns the product itself would
 * have written (the clock's own output, as after an action), so the sweep does what it does
 * in production and no more:
 * - turnYellow: accepted on the day that makes today their first yellow day; stored as
 *   the green case they were yesterday (yellow day = today). The sweep moves the queue and
 *   writes the urge notice, its outbox rows and audit row — the full cost of a light change.
 * - otherwise: green cases stored as green, forced due today (what a settings change does):
 *   the sweep only moves the queue.
 */
export async function markDue(db: Db, from: number, k: number, today: string, turnYellow = true) {
  const range = sql`c.case_no between ${caseNo(from + 1)} and ${caseNo(from + k)}`;
  const groups = await rows<{ center_id: string; accepted_on: string; promised_limit: never; statutory_limit: never }>(db, sql`
    select distinct c.center_id, c.accepted_on::text, c.promised_limit, c.statutory_limit from cases c where ${range}`);
  for (const g of groups) {
    const calendar = await calendarFor(db, g.center_id);
    const settings = await clockSettings(db, g.center_id);
    const clockAt = (acceptedOn: string, on: string) => computeClock(calendar, clockInput(
      { acceptedOn, promisedLimit: g.promised_limit, statutoryLimit: g.statutory_limit, extensionDays: 0, closedOn: null }, [], on, settings));
    const yesterday = fromDayNumber(toDayNumber(today) - 1);
    let acceptedOn = g.accepted_on;
    if (turnYellow) {
      for (let d = toDayNumber(today) - 1; ; d--) {
        const on = fromDayNumber(d);
        const c = clockAt(on, yesterday);
        if (c.light === 'green' && c.nextChangeOn === today) { acceptedOn = on; break; }
        if (d < toDayNumber(today) - 60) throw new Error('no acceptance day turns yellow today');
      }
    }
    const stored = clockAt(acceptedOn, turnYellow ? yesterday : today);
    if (stored.light !== 'green' || nextChangeOf(stored) === null) throw new Error(`bench data: expected a green case, got ${stored.light}`);
    const cols = clockColumns(stored, { acceptedOn, yellowOn: null }, today);
    await db.execute(sql`
      with m as (
        update cases c set accepted_on = ${acceptedOn}::date, promised_due = ${cols.promisedDue}::date, statutory_due = ${cols.statutoryDue}::date,
               yellow_on = ${cols.yellowOn}::date, paused = false
         where ${range} and c.center_id = ${g.center_id} and c.accepted_on = ${g.accepted_on}::date
           and c.promised_limit = ${JSON.stringify(g.promised_limit)}::jsonb and c.statutory_limit = ${JSON.stringify(g.statutory_limit)}::jsonb
        returning c.id)
      update case_light_queue q set next_change_on = ${today}::date from m where q.case_id = m.id`);
  }
}
