import type { CaseHook } from './cases/hooks.js';
import { syncJointParts } from './cases/joint/hook.js';
import { statsHook } from './stats/hook.js';

/**
 * Every module that follows case changes in the same transaction (statistics rollups,
 * supervision). Kept here, like src/jobs.ts, so the case engine does not import them.
 */
export const CASE_HOOKS: CaseHook[] = [syncJointParts, statsHook];
