import { loadConfig, type Config } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { LOCK } from './core/locks.js';
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
  // Instances starting together on an empty database: one seeds, the others wait and find it seeded.
  const { seeded, demoCasesFailed, demoAssessmentFailed } = await database.exclusive(LOCK.demoSeed, () => seedAll(ctx, config));
  const app = await buildApp(ctx, opts);
  let stopScheduler = () => {};
  app.addHook('onClose', async () => stopScheduler());
  const address = await app.listen({ port: config.port, host: config.host });
  stopScheduler = startScheduler(ctx, JOBS, (m) => app.log.info(m));
  if (demoCasesFailed) console.warn(`demo cases not loaded: ${demoCasesFailed}`);
  if (demoAssessmentFailed) console.warn(`demo assessment not loaded: ${demoAssessmentFailed}`);
  return { app, ctx, address, seeded, startupMs: Math.round(performance.now() - t0) };
}

async function seedAll(ctx: AppContext, config: Config) {
  const seeded = config.demo ? await seedDemo(ctx.db, ctx.now()) : false;
  // Demo cases are a showcase, not data the product needs: if they cannot be filed, say so and start anyway.
  const demoCasesFailed = seeded && config.demoCases ? await seedDemoCases(ctx).then(() => null, (e: Error) => e.message) : null;
  // Assessment scores the facts above (cases, reviews, attendance…): this month so far, computed.
  const demoAssessmentFailed = seeded ? await seedAssessmentDemo(ctx).then(() => null, (e: Error) => e.message) : null;
  return { seeded, demoCasesFailed, demoAssessmentFailed };
}

/** How long a shutdown may take before the process exits anyway (requests in flight finish first). */
const SHUTDOWN_GRACE_MS = 10_000;

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
  // SIGTERM: stop accepting (new requests get 503), let requests in flight finish, end event
  // streams with a retry hint, stop the jobs, close the database — or exit after the grace time.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => { console.error('shutdown took too long; exiting'); process.exit(1); }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      await ctx.database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A stray rejection (a dropped connection's late error, say) is a bug to log, not a reason to take the center down.
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
