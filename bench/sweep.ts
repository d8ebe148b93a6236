/**
 * The light sweep at scale: N open cases (default 1 M) of which 1 k, then 10 k, are due for
 * a light change today. Prints the sweep time for each (median of 3 runs over fresh sets of
 * due cases) and their ratio: the cost should follow the cases that change, not the open
 * cases. Goal: ≤ 50 ms for 1 k due at 1 M open.   npx tsx bench/sweep.ts [cases=1000000]
 */
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import { openDatabase, rows } from '../src/core/db/index.js';
import { SettableClock } from '../src/core/now.js';
import { makeContext } from '../src/core/context.js';
import { compose } from '../src/compose.js';
import { seedDemo } from '../src/demo/seed.js';
import { runExclusive } from '../src/core/scheduler.js';
import { lightSweepJob } from '../src/supervision/sweep.js';
import { baseUrl, freshBenchDatabase } from './pg.js';
import { sweepLights, SWEEP_BATCH, type SweepPhases } from '../src/supervision/sweep.js';
import pg from 'pg';
import { generateOpenCases, markDue } from './sweep-data.js';

const N = Number(process.argv[2] ?? 1_000_000);
const REPS = Number(process.env.SWEEP_REPS ?? 3);
/**
 * SWEEP_KEEP=name: keep the generated database `name` between runs (generation takes ~95 s);
 * later runs reuse it and take fresh due sets after the ones already used.
 * SWEEP_PHASES=1: print the time of each phase of each sweep (same work, same transaction).
 */
const KEEP = process.env.SWEEP_KEEP;
const PHASES = process.env.SWEEP_PHASES === '1';

async function keptDatabase(name: string) {
  const admin = new pg.Client({ connectionString: baseUrl() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), fresh: !exists, drop: async () => {} };
}

async function main() {
  const fresh = KEEP ? await keptDatabase(KEEP) : { ...(await freshBenchDatabase('bench_sweep')), fresh: true };
  const config = { ...loadConfig({}), databaseUrl: fresh.url, demo: true, demoCases: false };
  const database = await openDatabase({ databaseUrl: fresh.url });
  const clock = new SettableClock();
  clock.set(new Date('2026-06-10T02:00:00Z')); // a Wednesday; the data is laid out around it
  const ctx = makeContext(config, database, clock);
  compose(ctx.config);
  try {
    const today = ctx.today();
    if (fresh.fresh) {
      await seedDemo(ctx.db, ctx.now());
      const t0 = performance.now();
      await generateOpenCases(ctx.db, N, today);
      console.log(`generated ${N.toLocaleString()} open cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [{ open }] = await rows<{ open: number }>(ctx.db, sql`select count(*)::int as open from case_light_queue`);
    console.log(`open cases: ${open.toLocaleString()}`);
    const plan = await rows<{ 'QUERY PLAN': string }>(ctx.db, sql`explain select * from case_light_queue q join cases c on c.id = q.case_id where q.next_change_on <= ${today}::date order by q.next_change_on limit 20000 for update of c, q skip locked`);
    console.log(`due-case query plan:\n  ${plan.map((p) => Object.values(p)[0]).join('\n  ')}`);

    // Where the next fresh due set starts (a kept database remembers the sets already used).
    const [{ n: used }] = await rows<{ n: number }>(ctx.db, sql`select coalesce((select n from counters where key = 'bench:sweep:next'), 0)::int as n`);
    let next = used;
    const sweepOnce = async (k: number, turnYellow = true) => {
      await markDue(ctx.db, next, k, today, turnYellow);
      next += k;
      await ctx.db.execute(sql`insert into counters (key, n) values ('bench:sweep:next', ${next}) on conflict (key) do update set n = ${next}`);
      const phases: SweepPhases = {};
      const job = PHASES ? { ...lightSweepJob, run: (c: typeof ctx, tx: Parameters<typeof lightSweepJob.run>[1]) => sweepLights(c, tx, SWEEP_BATCH, phases) } : lightSweepJob;
      const t = performance.now();
      const moved = await runExclusive(ctx, job);
      const ms = performance.now() - t;
      if (PHASES) console.log(`  ${k} ${turnYellow ? 'yellow' : 'unchanged'}: ${ms.toFixed(1)} ms = ${Object.entries(phases).map(([p, v]) => `${p} ${v.toFixed(1)}`).join(', ')}`);
      if (moved !== k) throw new Error(`expected ${k} moved, got ${moved}`);
      // Outside the timing: the sweep really moved every due case on (nothing left due today).
      const [{ left }] = await rows<{ left: number }>(ctx.db, sql`select count(*)::int as left from case_light_queue where next_change_on <= ${today}::date`);
      if (left !== 0) throw new Error(`${left} cases still due after the sweep`);
      return ms;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    await sweepOnce(100); // warm-up: calendar compile, item-version cache, plan cache
    const t1 = performance.now();
    await runExclusive(ctx, lightSweepJob);
    console.log(`sweep with nothing due: ${(performance.now() - t1).toFixed(1)} ms`);
    const one: number[] = [];
    for (let i = 0; i < REPS; i++) one.push(await sweepOnce(1_000));
    const still: number[] = [];
    for (let i = 0; i < REPS; i++) still.push(await sweepOnce(1_000, false));
    const ten: number[] = [];
    for (let i = 0; i < REPS; i++) ten.push(await sweepOnce(10_000));
    // The baseline: the rows a 1 k yellow sweep writes (1 000 step rows, their notices, 1 000
    // queue moves), written by plain SQL copying rows already there — no application, no JSON,
    // no clock, no locks — in a transaction rolled back. What PostgreSQL alone needs on this
    // machine for the rows the ladder must write; the sweep cannot be faster than this.
    const floor: number[] = [];
    for (let i = 0; i < REPS; i++) {
      let ms = 0;
      await ctx.db.transaction(async (tx) => {
        const t = performance.now();
        await tx.execute(sql`
          insert into ladder_steps (id, case_id, light, kind, center_id, department_id, doc_no, issued_on, issued_at, snapshot, answer_due)
          select gen_random_uuid(), case_id, 'black', 'violation', center_id, department_id, doc_no, issued_on, issued_at, snapshot, answer_due
            from (select * from ladder_steps where light = 'yellow' order by case_id limit 1000) s`);
        await tx.execute(sql`
          insert into outbox (channel, recipient_user_id, address, template, payload, next_attempt_at, created_at)
          select channel, recipient_user_id, address, template, payload, next_attempt_at, created_at from outbox order by id desc limit 2000`);
        await tx.execute(sql`
          update case_light_queue q set next_change_on = q.next_change_on + 1
            from (select case_id from ladder_steps where light = 'yellow' order by case_id limit 1000) s where q.case_id = s.case_id`);
        ms = performance.now() - t;
        tx.rollback();
      }).catch((e: unknown) => { if (!(e instanceof TransactionRollbackError)) throw e; });
      floor.push(ms);
    }
    const [steps] = await rows<{ n: number; o: number }>(ctx.db, sql`select (select count(*) from ladder_steps)::int as n, (select count(*) from outbox)::int as o`);
    console.log(`1 k due of ${N.toLocaleString()} open: ${one.map((x) => x.toFixed(0)).join(' / ')} ms → median ${median(one).toFixed(1)} ms (goal ≤ 50 ms)`);
    console.log(`1 k due, light unchanged (the queue moves, no ladder step): ${still.map((x) => x.toFixed(0)).join(' / ')} ms → median ${median(still).toFixed(1)} ms`);
    console.log(`10 k due of ${N.toLocaleString()} open: ${ten.map((x) => x.toFixed(0)).join(' / ')} ms → median ${median(ten).toFixed(1)} ms`);
    console.log(`baseline, the same rows written by plain SQL (1 000 steps, 2 000 notices, 1 000 queue moves; no application): ${floor.map((x) => x.toFixed(0)).join(' / ')} ms → median ${median(floor).toFixed(1)} ms; the 1 k sweep takes ${(median(one) / median(floor)).toFixed(1)}× that`);
    console.log(`ratio 10 k / 1 k: ${(median(ten) / median(one)).toFixed(1)}× for 10× the changes; urge notices written: ${steps.n.toLocaleString()}, outbox rows: ${steps.o.toLocaleString()}`);
  } finally {
    await database.close();
    await fresh.drop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
