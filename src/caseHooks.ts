import type { CaseHook } from './cases/hooks.js';
import { syncJointParts } from './cases/joint/hook.js';
import { statsHook } from './stats/hook.js';
import type { ClockSettings } from './cases/settings.js';
import type { Queryable } from './core/db/index.js';
import { clockSettings } from './supervision/settings.js';
import { supervisionHook } from './supervision/hook.js';
import { worklistHook } from './cases/worklistCache.js';
import type { CaseRow } from './cases/repo.js';
import type { GuideData } from './catalog/types.js';
import { paymentDue } from './fees/service.js';

/**
 * Every module that follows case changes in the same transaction (statistics rollups,
 * supervision). Kept here, like src/jobs.ts, so the case engine does not import them.
 * Hooks are wrapped in arrows: the hook modules import the case engine back, and the
 * wrapper reads the binding at call time, whatever the module load order.
 */
// Statistics last: its rollup rows are shared by every case of the same item, window and day,
// and each transaction holds them from its upsert to its commit.
export const CASE_HOOKS: CaseHook[] = [syncJointParts, (change) => supervisionHook(change), worklistHook, statsHook];

/** The clock's per-center settings (yellow share, minimum yellow days), kept by supervision. */
export const clockSettingsFor = (db: Queryable, centerId: string): Promise<ClockSettings> => clockSettings(db, centerId);

/** Fees (src/fees): whether delivery still waits for payment — read into the case facts the transition table checks. */
export const paymentDueFor = (db: Queryable, row: CaseRow, guide: GuideData): Promise<boolean> => paymentDue(db, row, guide);
