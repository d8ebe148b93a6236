/** An overturned negative filing's redo date (否定备案纠正重办期限), registered in src/deadlines.ts. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { movedNotices, type TrackedDeadline } from '../core/deadlines/registry.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import { negativeFilings } from './schema.js';

export const REDO_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'filings.negativeFiling.redoDue', label: '纠正重办期限', entityType: 'negativeFiling',
  table: negativeFilings, id: negativeFilings.id, column: negativeFilings.redoDue,
  // Matters while the case, sent back, is still being redone.
  open: sql`${negativeFilings.status} = 'overturned' and exists (select 1 from cases c where c.id = ${negativeFilings}.case_id and c.active)`,
  notices: async (tx, moves) => {
    const rows = await tx.select({ id: negativeFilings.id, departmentId: negativeFilings.departmentId, caseId: cases.id, caseNo: cases.caseNo })
      .from(negativeFilings).innerJoin(cases, eq(cases.id, negativeFilings.caseId)).where(inArray(negativeFilings.id, moves.map((m) => m.rowId)));
    const coordinators = await tx.select({ id: users.id, departmentId: users.departmentId }).from(users)
      .where(and(inArray(users.departmentId, [...new Set(rows.map((r) => r.departmentId))]), eq(users.role, 'coordinator')));
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      return movedNotices(REDO_DUE, coordinators.filter((c) => c.departmentId === r.departmentId).map((c) => c.id), `办件${r.caseNo}`, m, `/cases/${r.caseId}`);
    });
  },
};
