/**
 * The composition place: what the modules hand each other at start-up, so that a module
 * never imports the modules that follow it. Whatever makes an app or runs the engine calls
 * `compose(config)` first: buildApp (server, tests, browser tests), the server before it
 * loads demo cases, the command line and the benchmarks. The case engine refuses to run
 * uncomposed (src/cases/ports.ts), so a forgotten call fails at once rather than silently
 * skipping statistics or supervision.
 *
 * The other lists at the top of src: src/app.ts (routes), src/jobs.ts (background jobs),
 * src/schema.ts (tables, for migrations). docs/architecture.md says how a new module joins.
 */
import type { Config } from './core/config.js';
import { whenCalendarChanges } from './core/calendar/service.js';
import { installCaseEngine } from './cases/ports.js';
import { syncJointParts } from './cases/joint/hook.js';
import { worklistHook } from './cases/worklistCache.js';
import { drainCalendarChanges } from './cases/recalc.js';
import { drainDeadlines } from './deadlines.js';
import { supervisionHook } from './supervision/hook.js';
import { licenceHook } from './licences/issue.js';
import { recordLicenceMaterials } from './licences/use.js';
import { clockSettings } from './supervision/settings.js';
import { statsHook } from './stats/hook.js';
import { bundleHook, bundleTimeZone } from './things/bundleHook.js';
import { deliveryHeld } from './things/bundleDelivery.js';
import { installBoardSections } from './supervision/boardSections.js';
import { boardFigures } from './feedback/board.js';
import { hallBoardFigures } from './hall/stats.js';
import { thingsBoardSection } from './supervision/things.js';
import { paymentDue } from './fees/service.js';
import { filingInsert } from './filings/service.js';
import { paymentTransportFromConfig, usePaymentTransport } from './fees/transports.js';
import { useTransports } from './notify/worker.js';
import { transportsFromConfig } from './notify/configure.js';

export function compose(config: Config): void {
  installCaseEngine({
    // Every module that follows case changes in the same transaction. Statistics last: its
    // rollup rows are shared by every case of the same item, window and day, and each
    // transaction holds them from its upsert to its commit.
    hooks: [syncJointParts, supervisionHook, licenceHook(config.sealKek), worklistHook, bundleHook, statsHook],
    // The clock's per-center settings (yellow share, minimum yellow days), kept by supervision.
    clockSettings,
    // Fees: whether delivery still waits for payment (a case fact the transition table checks).
    paymentDue,
    // 一件事: a part's result waits while its bundle hands all results over together.
    deliveryHeld,
    // Filings: the 否定备案 a refusal, return or denial files, written with the action.
    negativeFiling: filingInsert,
    licenceMaterials: recordLicenceMaterials,
  });
  // The supervision board's blocks from the modules that report to supervision (they import
  // its scope and bus, so it must not import them): 好差评 and complaints, and today's queue
  // of the reader's own center (none for a reader above every center).
  installBoardSections({
    feedback: (ctx, user, { today, since }) => boardFigures(ctx.db, user, today, since),
    hall: async (ctx, user) => (user.centerId ? hallBoardFigures(ctx, user.centerId) : null),
    things: thingsBoardSection, // 一件事: per thing, running bundles by light, on-time share, days vs promised vs sum
  });
  bundleTimeZone(config.timeZone);
  useTransports(transportsFromConfig(config));
  usePaymentTransport(paymentTransportFromConfig(config));
  // A calendar change moves the open deadlines it touches right away: cases (src/cases/recalc.ts),
  // then every other registered working-day deadline (src/deadlines.ts).
  whenCalendarChanges(async (c) => { await drainCalendarChanges(c); await drainDeadlines(c); });
}
