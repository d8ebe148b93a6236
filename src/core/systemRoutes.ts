import { sql } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import { DateTime, Int } from './formats.js';
import type { AppContext } from './context.js';
import { errors, type App } from './http.js';
import { runExclusive } from './scheduler.js';
import { JOBS } from '../jobs.js';

export function systemRoutes(app: App, ctx: AppContext) {
  app.get('/api/health', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'], summary: 'Liveness and which database is in use',
      response: { 200: Type.Object({ ok: Type.Boolean(), db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]), now: Type.String() }) },
    },
  }, async () => {
    await ctx.db.execute(sql`select 1`);
    return { ok: true, db: ctx.database.kind, now: ctx.now().toISOString() };
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
    for (const job of JOBS) changed[job.name] = (await runExclusive(ctx, job)) ?? 0;
    return { changed };
  });
}
