/**
 * Every stored working-day deadline of the product (docs/architecture.md, "Deadlines follow
 * the calendar"). A module that stores a date counted in working days adds it here — as a
 * `tracked` deadline written with `setWorkingDeadline` (the generic recalculation in
 * src/core/deadlines moves it), or as an `engine` deadline its own recalculation keeps —
 * and src/deadlines.test.ts fails until it does.
 */
import type { StoredDeadline } from './core/deadlines/registry.js';
import { deadlineRecalcJob, drainDeadlineChanges } from './core/deadlines/recalc.js';
import type { AppContext } from './core/context.js';
import { cases } from './cases/schema.js';
import { caseParticipants } from './cases/joint/schema.js';
import { COMPLAINT_DUE, RECTIFY_DUE } from './feedback/deadlines.js';
import { ANSWER_DUE } from './supervision/deadlines.js';
import { PATROL_RECTIFY_DUE } from './duty/deadlines.js';
import { REDO_DUE } from './filings/deadlines.js';
import { APPEAL_BY } from './assessment/deadlines.js';
import { BUNDLE_DUE } from './things/deadlines.js';

export const DEADLINES: readonly StoredDeadline[] = [
  { way: 'engine', engine: 'src/cases/recalc.ts', table: cases, columns: [cases.promisedDue, cases.statutoryDue, cases.yellowOn, cases.acceptBy, cases.owedBy, cases.deemOn] },
  { way: 'engine', engine: 'src/cases/recalc.ts (syncParts)', table: caseParticipants, columns: [caseParticipants.subDue, caseParticipants.yellowOn, caseParticipants.deemOn] },
  RECTIFY_DUE,
  COMPLAINT_DUE,
  ANSWER_DUE,
  PATROL_RECTIFY_DUE,
  REDO_DUE,
  APPEAL_BY,
  BUNDLE_DUE,
];

export const deadlinesJob = deadlineRecalcJob(DEADLINES);

/** After a calendar change commits: move every tracked deadline now (the job resumes if this stops). */
export const drainDeadlines = (ctx: AppContext) => drainDeadlineChanges(ctx, deadlinesJob);
