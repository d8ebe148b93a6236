/**
 * The 一件事 module's working-day deadline (registered in src/deadlines.ts): a bundle case's
 * promised total, filedOn + promisedWorkingDays on the center's calendar. Written at filing
 * (src/things/bundleFile.ts); a calendar change moves it while the bundle is still running.
 */
import { sql } from 'drizzle-orm';
import type { TrackedDeadline } from '../core/deadlines/registry.js';
import { bundleCases } from './schema.js';

export const BUNDLE_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'things.bundle.promisedDue', label: '一件事承诺办结日期', entityType: 'bundleCase',
  table: bundleCases, id: bundleCases.id, column: bundleCases.promisedDue,
  open: sql`${bundleCases.state} = 'running'`,
};
