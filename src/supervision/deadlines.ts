/** The supervision order's answer date (督办答复期限), registered in src/deadlines.ts. */
import { inArray, sql } from 'drizzle-orm';
import { movedNotices, type TrackedDeadline } from '../core/deadlines/registry.js';
import { ladderSteps } from './schema.js';

export const ANSWER_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'supervision.ladderStep.answerDue', label: '督办答复期限', entityType: 'ladderStep',
  table: ladderSteps, id: ladderSteps.id, column: ladderSteps.answerDue,
  open: sql`${ladderSteps.kind} = 'order' and ${ladderSteps.answeredAt} is null and ${ladderSteps.escalatedAt} is null`,
  // Those the order went to (frozen in its snapshot) are told the new date.
  notices: async (tx, moves) => {
    const rows = await tx.select({ id: ladderSteps.id, docNo: ladderSteps.docNo, caseId: ladderSteps.caseId, snapshot: ladderSteps.snapshot })
      .from(ladderSteps).where(inArray(ladderSteps.id, moves.map((m) => m.rowId)));
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      const to = ((r.snapshot.recipients as { id: string }[] | undefined) ?? []).map((p) => p.id);
      return movedNotices(ANSWER_DUE, to, `督办单${r.docNo}`, m, `/cases/${r.caseId}`);
    });
  },
};
