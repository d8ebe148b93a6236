/** Synthetic cases for the worklist benchmark: like a real registry, old cases are finished. */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/core/db/index.js';

async function generate(db: Db, from: number, n: number) {
  // Spread cases over every published item of the demo and over two years.
  await db.execute(sql`
    insert into cases (case_no, query_code, center_id, department_id, item_id, item_code, item_version, item_name, kind, state, channel,
      applicant_kind, applicant_name, applicant_id_number, applicant_phone, submitted_by, submitted_at, accepted_on, promised_limit,
      statutory_limit, promised_due, statutory_due, yellow_on, created_at, updated_at, assignee_id)
    select 'B' || lpad(g::text, 12, '0'), '123456', i.center_id, i.department_id, i.id, i.code, i.published_version, i.name, i.case_kind,
      -- Like a real registry: cases older than 40 days are finished, recent ones are a mix of open states.
      case when g % 730 > 40 then (array['completed','completed','completed','completed','refused','withdrawn'])[1 + g % 6]
           else (array['completed','inProgress','inProgress','accepted','submitted','suspended','decided','resultReady'])[1 + g % 8] end,
      (array['window','online','agent'])[1 + g % 3], 'person', '申请人' || g, '620524199001011233', '13800000000', u.id,
      now() - (g % 730) * interval '1 day', (current_date - (g % 730))::date, '{"value":10,"unit":"workingDays"}', '{"value":20,"unit":"workingDays"}',
      (current_date - (g % 730) + 14)::date, (current_date - (g % 730) + 28)::date, (current_date - (g % 730) + 10)::date,
      now(), now(), case when g % 3 = 0 then h.id end
    from generate_series(${from + 1}::int, ${from + n}::int) g
    join lateral (select * from service_items where published_version is not null order by id offset (g % 40) limit 1) i on true
    join lateral (select id from users where username = 'window1') u on true
    left join lateral (select id from users where department_id = i.department_id and role = 'handler' limit 1) h on true`);
}

export async function generateCases(db: Db, n: number) {
  for (let done = 0; done < n; done += 100_000) await generate(db, done, Math.min(100_000, n - done));
  await db.execute(sql`analyze cases`);
}
