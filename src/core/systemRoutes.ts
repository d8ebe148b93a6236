import { sql } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import { DateTime, Int } from './formats.js';
import type { AppContext } from './context.js';
import { errors, type App } from './http.js';
import { runExclusive, type ScheduledJob } from './scheduler.js';

const READY_TIMEOUT_MS = 2000;

/** null when `select 1` answers in time, else why not. */
async function databaseAnswers(ctx: AppContext, timeoutMs: number): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => { timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs); });
  const query = ctx.db.execute(sql`select 1`).then(() => null, (err: Error) => err.message || 'unreachable');
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `jobs`: the product's background jobs (src/jobs.ts), handed in by src/app.ts (src/core names no capability). */
export function systemRoutes(app: App, ctx: AppContext, jobs: readonly ScheduledJob[]) {
  app.get('/api/health', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'], summary: 'Liveness, which database is in use and the center time zone (the web app shows times in it)',
      response: { 200: Type.Object({ ok: Type.Boolean(), db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]), now: Type.String(), timeZone: Type.String() }) },
    },
  }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { ok: true, db: ctx.database.kind, now: ctx.now().toISOString(), timeZone: ctx.config.timeZone };
  });

  // Probes for an orchestrator or a load balancer: liveness never touches the database (a
  // database outage must not get the process restarted); readiness says whether it answers.
  app.get('/api/health/live', {
    config: { policy: 'public' },
    schema: { tags: ['system'], summary: 'Liveness: the process serves requests', response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, async () => ({ ok: true }));

  app.get('/api/health/ready', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'], summary: 'Readiness: the database answers within 2 s (503 otherwise)',
      response: { 200: Type.Object({ ok: Type.Boolean(), db: Type.String() }), 503: Type.Object({ ok: Type.Boolean(), db: Type.String(), reason: Type.String() }) },
    },
  }, async (_req, reply) => {
    const reason = await databaseAnswers(ctx, READY_TIMEOUT_MS);
    if (reason) return reply.status(503).header('retry-after', '2').send({ ok: false, db: ctx.database.kind, reason });
    return { ok: true, db: ctx.database.kind };
  });

  // Only in BANSHI_TEST_CLOCK=1 mode: tests walk cases through holidays by moving time.
  if (!ctx.config.testClock) return;
  app.post('/api/test/clock', {
    config: { policy: 'public', csrf: false },
    schema: {
      tags: ['system'], summary: 'Set the server clock (test mode only)',
      body: Type.Object({ now: DateTime() }),
      response: { 200: Type.Object({ now: Type.String(), today: Type.String() }), ...errors(400) },
    },
  }, async (req) => {
    ctx.clock.set(new Date(req.body.now));
    return { now: ctx.now().toISOString(), today: ctx.today() };
  });

  // Runs the background jobs now (they also run on their own schedule).
  app.post('/api/test/sweep', {
    config: { policy: 'public', csrf: false },
    schema: { tags: ['system'], summary: 'Run every background job once (test mode only)', response: { 200: Type.Object({ changed: Type.Record(Type.String(), Int()) }) } },
  }, async () => {
    const changed: Record<string, number> = {};
    for (const job of jobs) changed[job.name] = (await runExclusive(ctx, job)) ?? 0;
    return { changed };
  });
}
