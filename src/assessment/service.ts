/**
 * The assessment service, by what a reader comes for: schemes.ts (settings and schemes),
 * periods.ts (open, compute, freeze, publish), manual.ts (lines by hand), results.ts
 * (rankings, awards, the bulletin's data), evidence.ts (what a line counted), appeals.ts.
 * This file gathers what they offer the routes, the demo and the benchmark.
 */
export { DEFAULT_APPEAL_DAYS } from './common.js';
export { type AssessmentSettings, createScheme, getSettings, listSchemes, publishScheme, putSettings, type SchemeInput, settingsFor, updateScheme } from './schemes.js';
export { buildResults, computePeriod, createPeriod, freezePeriod, getPeriod, listPeriods, publishPeriod, readablePeriod, subjectsOf } from './periods.js';
export { addManualLine, type ManualInput, removeManualLine } from './manual.js';
export { awards, bulletinData, periodState, rankedRows, ranking, subjectDetail } from './results.js';
export { lineEvidence, lineFile } from './evidence.js';
export { decideAppeal, fileAppeal, listAppeals } from './appeals.js';
