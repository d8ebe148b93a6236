/**
 * Duty: the monthly attendance sheet (every person × day classified against the calendar,
 * seasonal hours, leave and posts) and one run of the empty-window job, each against a
 * same-run baseline — the plain SQL aggregate over the same attendance rows, and one plain
 * query for "windows with no post holder signed in now". PGlite in memory (or
 * TEST_DATABASE_URL). Prints medians and ratios; no goal is asserted.
 *   npx tsx bench/duty.ts [people=400]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../src/core/db/index.js';
import { loadConfig } from '../src/core/config.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext } from '../src/core/context.js';
import { compose } from '../src/compose.js';
import { seedDemo } from '../src/demo/seed.js';
import { runExclusive } from '../src/core/scheduler.js';
import { monthSheet } from '../src/duty/attendance.js';
import { dutyStaffingJob } from '../src/duty/jobs.js';
import type { SessionUser } from '../src/core/auth/policy.js';

const PEOPLE = Number(process.argv[2] ?? 400);
const MONTH = '2026-03';
const database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: 'memory://' });
const clock = new SettableClock();
clock.freeze(new Date('2026-03-31T02:00:00Z'));
const ctx = makeContext({ ...loadConfig({}), demo: true }, database, clock);
compose(ctx.config);
await seedDemo(ctx.db, new Date('2026-03-02T02:00:00Z'));

// PEOPLE extra staff, one supplementary post each on the county's windows, signed in on every March weekday.
await ctx.db.execute(sql`
  with c as (select id from centers where level = 'county'), w as (select id, row_number() over (order by number) - 1 as i, count(*) over () as n from windows where center_id = (select id from c)),
  u as (insert into users (username, password_hash, display_name, role, center_id, created_at)
        select 'bench' || g, 'x', '职员' || g, 'receiver', (select id from c), now() from generate_series(1, ${PEOPLE}) g returning id, username)
  insert into staff_assignments (center_id, window_id, user_id, post, from_date, created_at)
  select (select id from c), w.id, u.id, 'supplementary', '2026-01-01', now() from u join w on w.i = (substr(u.username, 6)::int % w.n)`);
await ctx.db.execute(sql`
  insert into attendance (user_id, center_id, day, sign_in_at, sign_out_at)
  select u.id, u.center_id, d::date, d + interval '0 hour' + (interval '1 minute' * (abs(hashtext(u.id::text || d::text)) % 30)) - interval '8 hour' + interval '8 hour 40 minute',
         d + interval '9 hour 30 minute' + interval '8 hour' - interval '8 hour'
    from users u cross join generate_series('2026-03-01'::timestamp, '2026-03-31'::timestamp, '1 day') d
   where u.username like 'bench%' and extract(isodow from d) < 6`);

const [admin] = await rows<{ id: string; center_id: string }>(ctx.db, sql`select id, center_id from users where username = 'admin'`);
const user: SessionUser = { id: admin.id, username: 'admin', displayName: 'admin', role: 'centerAdmin', centerId: admin.center_id, centerScope: [admin.center_id], departmentId: null, windowId: null, applicantKind: null, sessionId: '', csrfToken: '' };

async function median(f: () => Promise<unknown>, runs = 5) {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); await f(); times.push(performance.now() - t0); }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const [{ n }] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from attendance where day between '2026-03-01' and '2026-03-31'`);
const sheet = await median(() => monthSheet(ctx, user, MONTH));
const sheetBase = await median(() => rows(ctx.db, sql`
  select user_id, count(*) filter (where sign_in_at::time > time '01:00') as late, count(*) as days from attendance where center_id = ${admin.center_id} and day between '2026-03-01' and '2026-03-31' group by user_id`));
// The staffing job runs in its own transaction each time; the finding is written once a day, so later runs only read.
const job = await median(() => runExclusive(ctx, dutyStaffingJob));
const jobBase = await median(() => rows(ctx.db, sql`
  select w.id from windows w where exists (select 1 from staff_assignments s where s.window_id = w.id)
     and not exists (select 1 from staff_assignments s join attendance a on a.user_id = s.user_id and a.day = '2026-03-31'
                      where s.window_id = w.id and a.sign_in_at <= ${clock.now().toISOString()} and (a.sign_out_at is null or a.sign_out_at > ${clock.now().toISOString()}))`));
console.log(`attendance rows in the month: ${n} (${PEOPLE} extra people)`);
console.log(`monthly sheet: ${sheet.toFixed(1)} ms  vs plain SQL aggregate ${sheetBase.toFixed(1)} ms  → ratio ${(sheet / sheetBase).toFixed(1)}×`);
console.log(`empty-window job: ${job.toFixed(1)} ms  vs one plain query ${jobBase.toFixed(1)} ms  → ratio ${(job / jobBase).toFixed(1)}×`);
await database.close();
