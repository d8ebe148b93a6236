/** A published period's appeal window (申诉期限), registered in src/deadlines.ts. */
import { inArray, sql } from 'drizzle-orm';
import { movedNotices, type TrackedDeadline } from '../core/deadlines/registry.js';
import { assessmentPeriods } from './schema.js';

export const APPEAL_BY: TrackedDeadline = {
  way: 'tracked', kind: 'assessment.period.appealBy', label: '考核申诉期限', entityType: 'assessmentPeriod',
  table: assessmentPeriods, id: assessmentPeriods.id, column: assessmentPeriods.appealBy,
  open: sql`${assessmentPeriods.state} = 'published'`,
  // The office that froze and published it is told (the subjects read the date on the period).
  notices: async (tx, moves) => {
    const rows = await tx.select({ id: assessmentPeriods.id, key: assessmentPeriods.key, by: assessmentPeriods.frozenBy })
      .from(assessmentPeriods).where(inArray(assessmentPeriods.id, moves.map((m) => m.rowId)));
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      return movedNotices(APPEAL_BY, r.by ? [r.by] : [], `${r.key}考核`, m, '/assessment');
    });
  },
};
