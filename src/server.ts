import { loadConfig, type Config } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { SettableClock } from './core/now.js';
import { makeContext, type AppContext } from './core/context.js';
import { buildApp } from './app.js';
import { seedDemo, demoAccounts, DEMO_PASSWORD } from './demo/seed.js';
import { seedDemoCases } from './demo/cases.js';
import { seedAssessmentDemo } from './assessment/demo.js';
import { startScheduler } from './core/scheduler.js';
import { JOBS } from './jobs.js';
import { compose } from './compose.js';

/** Opens the database, loads demo data when asked and the database is empty, builds the app. */
export async function startServer(config: Config, opts: { logger?: boolean } = {}) {
  const t0 = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx: AppContext = makeContext(config, database, new SettableClock());
  // Before the demo cases: they go through the case engine and its hooks.
  compose(config);
  const seeded = config.demo ? await seedDemo(ctx.db, ctx.now()) : false;
  // Demo cases are a showcase, not data the product needs: if they cannot be filed, say so and start anyway.
  const demoCasesFailed = seeded && config.demoCases ? await seedDemoCases(ctx).then(() => null, (e: Error) => e.message) : null;
  // Assessment scores the facts above (cases, reviews, attendance…): this month so far, computed.
  const demoAssessmentFailed = seeded ? await seedAssessmentDemo(ctx).then(() => null, (e: Error) => e.message) : null;
  const app = await buildApp(ctx, opts);
  let stopScheduler = () => {};
  app.addHook('onClose', async () => stopScheduler());
  const address = await app.listen({ port: config.port, host: config.host });
  stopScheduler = startScheduler(ctx, JOBS, (m) => app.log.info(m));
  if (demoCasesFailed) console.warn(`demo cases not loaded: ${demoCasesFailed}`);
  if (demoAssessmentFailed) console.warn(`demo assessment not loaded: ${demoAssessmentFailed}`);
  return { app, ctx, address, seeded, startupMs: Math.round(performance.now() - t0) };
}

async function main() {
  const config = loadConfig();
  const { app, ctx, address, seeded, startupMs } = await startServer(config, { logger: process.env.BANSHI_QUIET !== '1' });
  const port = new URL(address).port;
  const lines = [
    `Banshi 办事 is running at http://localhost:${port}  (database: ${ctx.database.kind}${ctx.database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
    `Started in ${startupMs} ms${seeded ? ' (demo data loaded)' : ''}. API docs: http://localhost:${port}/api/docs`,
  ];
  if (config.testClock) lines.push('TEST CLOCK MODE: POST /api/test/clock { now } moves the server time.');
  if (config.demo) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts().slice(0, 60)) lines.push(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.displayName}`);
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
