/**
 * Deadlines that follow the calendar, at scale: N open cases (default 1 M) and one date
 * changed (a local closure added, then removed). Three changes: a date beyond every case's
 * window (touches none), one that only 1 k cases' windows reach, one that 10 k reach. Prints
 * the time from the change to the last moved deadline, the cases examined and moved, and the
 * same-run baseline: the rows those cases need (case row, event, audit row, queue row, an SMS
 * each) written by plain SQL with no application, in a transaction rolled back.
 *   npx tsx bench/recalc.ts [cases=1000000]
 */
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import { openDatabase, rows, type Db } from '../src/core/db/index.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext } from '../src/core/context.js';
import { compose } from '../src/compose.js';
import { seedDemo } from '../src/demo/seed.js';
import { calendarFor, clearCalendarCache } from '../src/core/calendar/service.js';
import { computeClock } from '../src/core/clock/clock.js';
import { clockColumns, clockInput, nextChangeOf } from '../src/cases/repo.js';
import { clockSettings } from '../src/supervision/settings.js';
import { drainCalendarChanges } from '../src/cases/recalc.js';
import { fromDayNumber, toDayNumber } from '../src/core/calendar/calendar.js';
import { freshBenchDatabase } from './pg.js';
import { generateOpenCases } from './sweep-data.js';

const N = Number(process.argv[2] ?? 1_000_000);
const REPS = Number(process.env.RECALC_REPS ?? 3);
const wd = (value: number) => ({ value, unit: 'workingDays' as const });

/** Cases [lo, hi] (by their generated number) get these limits. */
async function setLimits(db: Db, lo: number, hi: number, promised: number, statutory: number) {
  await db.execute(sql`update cases set promised_limit = ${JSON.stringify(wd(promised))}::jsonb, statutory_limit = ${JSON.stringify(wd(statutory))}::jsonb
    where case_no between ${'S' + String(lo).padStart(12, '0')} and ${'S' + String(hi).padStart(12, '0')}`);
}

/** The stored columns the product itself would write: the clock's output per (acceptance day, limits) group. */
async function normalize(db: Db, today: string) {
  const groups = await rows<{ center_id: string; accepted_on: string; promised_limit: never; statutory_limit: never }>(db, sql`
    select distinct center_id, accepted_on::text, promised_limit, statutory_limit from cases where active`);
  for (const g of groups) {
    const calendar = await calendarFor(db, g.center_id);
    const settings = await clockSettings(db, g.center_id);
    const c = computeClock(calendar, clockInput({ acceptedOn: g.accepted_on, promisedLimit: g.promised_limit, statutoryLimit: g.statutory_limit, extensionDays: 0, closedOn: null }, [], today, settings));
    const cols = clockColumns(c, { acceptedOn: g.accepted_on, yellowOn: null }, today);
    await db.execute(sql`
      with m as (update cases set promised_due = ${cols.promisedDue}::date, statutory_due = ${cols.statutoryDue}::date, yellow_on = ${cols.yellowOn}::date
        where center_id = ${g.center_id} and accepted_on = ${g.accepted_on}::date and promised_limit = ${JSON.stringify(g.promised_limit)}::jsonb
          and statutory_limit = ${JSON.stringify(g.statutory_limit)}::jsonb returning id)
      update case_light_queue q set next_change_on = ${nextChangeOf(c)}::date from m where q.case_id = m.id`);
  }
  await db.execute(sql`vacuum (analyze) cases`);
}

async function main() {
  const fresh = await freshBenchDatabase('bench_recalc');
  const database = await openDatabase({ databaseUrl: fresh.url });
  const clock = new SettableClock();
  clock.set(new Date('2026-06-10T02:00:00Z'));
  const ctx = makeContext({ ...loadConfig({}), databaseUrl: fresh.url, demo: true, demoCases: false }, database, clock);
  compose(ctx.config);
  try {
    const today = ctx.today();
    await seedDemo(ctx.db, ctx.now());
    const t0 = performance.now();
    await generateOpenCases(ctx.db, N, today);
    // 1 k cases with long limits (80/90 wd), 9 k with 50/60 wd, the rest 15/30 wd.
    await setLimits(ctx.db, 1, 1_000, 80, 90);
    await setLimits(ctx.db, 1_001, 10_000, 50, 60);
    await normalize(ctx.db, today);
    console.log(`generated and normalized ${N.toLocaleString()} open cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [{ centerId }] = await rows<{ centerId: string }>(ctx.db, sql`select center_id as "centerId" from cases limit 1`);
    const [span] = await rows<{ base: string; bMin: string; bMax: string; aMin: string; aMax: string }>(ctx.db, sql`
      select (select max(statutory_due)::text from cases where statutory_limit->>'value' = '30') as base,
             (select min(promised_due)::text from cases where statutory_limit->>'value' = '60') as "bMin",
             (select max(statutory_due)::text from cases where statutory_limit->>'value' = '60') as "bMax",
             (select min(promised_due)::text from cases where statutory_limit->>'value' = '90') as "aMin",
             (select max(statutory_due)::text from cases where statutory_limit->>'value' = '90') as "aMax"`);
    const calendar = await calendarFor(ctx.db, centerId);
    /** The first working day strictly between two dates (a closure on a weekend would move nothing). */
    const workingDayAfter = (d: string, before: string) => {
      for (let n = toDayNumber(d) + 1; n < toDayNumber(before); n++) if (calendar.isWorkingDay(fromDayNumber(n))) return fromDayNumber(n);
      throw new Error(`no working day between ${d} and ${before}`);
    };
    const scenarios = [
      { label: 'beyond every window', date: workingDayAfter(span.aMax, fromDayNumber(toDayNumber(span.aMax) + 30)), expect: 0 },
      { label: '1 k windows reach it', date: workingDayAfter(span.bMax, span.aMin), expect: 1_000 },
      { label: '10 k windows reach it', date: workingDayAfter(span.base, span.bMin), expect: 10_000 },
    ];

    /** One change through the product's path: the override and its change row, then the recalculation. */
    const change = async (date: string, add: boolean) => {
      await ctx.db.transaction(async (tx) => {
        if (add) await tx.execute(sql`insert into calendar_overrides (scope, date, kind, note, created_at) values (${centerId}, ${date}::date, 'localClosure', 'bench', now())`);
        else await tx.execute(sql`delete from calendar_overrides where scope = ${centerId} and date = ${date}::date`);
        await tx.execute(sql`insert into calendar_changes (scope, from_date, to_date, reason, created_at) values (${centerId}, ${date}::date, ${date}::date, 'bench', now())`);
      });
      clearCalendarCache();
      const t = performance.now();
      await drainCalendarChanges(ctx);
      const ms = performance.now() - t;
      const [r] = await rows<{ examined: number; moved: number }>(ctx.db, sql`select examined, moved from calendar_changes order by id desc limit 1`);
      return { ms, ...r };
    };

    /** The physical floor: the rows k moved cases need, by plain SQL, rolled back. */
    const baseline = async (k: number) => {
      let ms = 0;
      await ctx.db.transaction(async (tx) => {
        const t = performance.now();
        await tx.execute(sql`
          with s as (select id, case_no, applicant_phone from cases where active order by id limit ${k}),
          u as (update cases c set promised_due = c.promised_due + 1, statutory_due = c.statutory_due + 1, version = c.version + 1, updated_at = now() from s where c.id = s.id returning c.id),
          e as (insert into case_events (case_id, seq, at, actor_role, action, from_state, to_state, data)
                select s.id, 1000000, now(), 'system', 'calendarMoved', 'inProgress', 'inProgress', '{"moved":{}}'::jsonb from s),
          a as (insert into audit_events (actor_role, action, entity_type, entity_id, after, at)
                select 'system', 'case.calendarMoved', 'case', s.id::text, '{}'::jsonb, now() from s),
          o as (insert into outbox (channel, address, template, payload, next_attempt_at, created_at)
                select 'sms', s.applicant_phone, 'case.dueMoved', jsonb_build_object('caseNo', s.case_no), now(), now() from s)
          update case_light_queue q set next_change_on = q.next_change_on + 1 from s where q.case_id = s.id`);
        ms = performance.now() - t;
        tx.rollback();
      }).catch((e: unknown) => { if (!(e instanceof TransactionRollbackError)) throw e; });
      return ms;
    };

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await change(scenarios[1]!.date, true); // warm-up: calendar compile, item versions, plans
    await change(scenarios[1]!.date, false);
    for (const s of scenarios) {
      const times: number[] = [];
      let seen = { examined: 0, moved: 0 };
      for (let i = 0; i < REPS; i++) {
        const a = await change(s.date, true);
        const b = await change(s.date, false);
        if (a.moved !== s.expect || b.moved !== s.expect) throw new Error(`${s.label}: expected ${s.expect} moved, got ${a.moved} / ${b.moved}`);
        times.push(a.ms, b.ms);
        seen = a;
      }
      const floors: number[] = [];
      for (let i = 0; s.expect && i < REPS; i++) floors.push(await baseline(s.expect));
      const floor = s.expect ? median(floors) : 0;
      const m = median(times);
      console.log(`${s.label} (closure on ${s.date}): ${times.map((x) => x.toFixed(0)).join(' / ')} ms → median ${m.toFixed(1)} ms; examined ${seen.examined}, moved ${seen.moved}`
        + (s.expect ? `; baseline (same rows, plain SQL) ${floor.toFixed(1)} ms → ${(m / floor).toFixed(1)}×; ${(m / s.expect * 1000).toFixed(0)} µs per moved case` : ''));
    }
  } finally {
    await database.close();
    await fresh.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
