/** A patrol finding's rectification due date (巡查整改期限), registered in src/deadlines.ts. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { movedNotices, type TrackedDeadline } from '../core/deadlines/registry.js';
import { users } from '../core/auth/schema.js';
import { windows } from '../core/org/schema.js';
import { patrolFindings } from './schema.js';

export const PATROL_RECTIFY_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'duty.patrolFinding.rectifyDue', label: '巡查整改期限', entityType: 'patrolFinding',
  table: patrolFindings, id: patrolFindings.id, column: patrolFindings.rectifyDue,
  open: sql`${patrolFindings.rectification} = 'open'`,
  // The department's chief representative was told the date with the finding.
  notices: async (tx, moves) => {
    const rows = await tx.select({ id: patrolFindings.id, departmentId: patrolFindings.departmentId, window: windows.name })
      .from(patrolFindings).innerJoin(windows, eq(windows.id, patrolFindings.windowId)).where(inArray(patrolFindings.id, moves.map((m) => m.rowId)));
    const depts = [...new Set(rows.map((r) => r.departmentId).filter((d): d is string => !!d))];
    const chiefs = depts.length ? await tx.select({ id: users.id, departmentId: users.departmentId }).from(users).where(and(inArray(users.departmentId, depts), eq(users.role, 'chiefRep'), eq(users.active, true))) : [];
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      return movedNotices(PATROL_RECTIFY_DUE, chiefs.filter((c) => c.departmentId === r.departmentId).map((c) => c.id), `${r.window}的巡查问题`, m, '/duty/patrols');
    });
  },
};
