/**
 * The feedback module's working-day deadlines (registered in src/deadlines.ts): a bad
 * review's rectification due date (and its yellow day) and a complaint's due date (the
 * extension is the same column counted from acceptance with the longer limit).
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { movedNotices, type DeadlineMove, type TrackedDeadline } from '../core/deadlines/registry.js';
import type { Notice } from '../core/outbox/enqueue.js';
import { users } from '../core/auth/schema.js';
import { complaints, evaluations } from './schema.js';
import { yellowFrom } from './rules.js';
import { sms } from './access.js';

const MANAGERS = ['coordinator', 'chiefRep', 'leader'];

async function managersByDepartment(tx: Tx, departmentIds: string[]) {
  const list = departmentIds.length ? await tx.select({ id: users.id, departmentId: users.departmentId }).from(users)
    .where(sql`${inArray(users.departmentId, departmentIds)} and ${users.active} and ${inArray(users.role, MANAGERS as never[])}`) : [];
  return (dept: string | null) => list.filter((u) => u.departmentId === dept).map((u) => u.id);
}

export const RECTIFY_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'feedback.evaluation.rectifyDue', label: '差评整改期限', entityType: 'evaluation',
  table: evaluations, id: evaluations.id, column: evaluations.rectifyDue,
  open: sql`${evaluations.state} in ('assigned', 'rectifying')`,
  derived: [{ column: evaluations.rectifyYellowOn, compute: (cal, startOn, due) => yellowFrom(cal, startOn, due) }],
  notices: async (tx: Tx, moves: readonly DeadlineMove[]): Promise<Notice[]> => {
    const rows = await tx.select({ id: evaluations.id, departmentId: evaluations.departmentId, caseNo: sql<string>`(select case_no from cases c where c.id = ${evaluations}.case_id)` })
      .from(evaluations).where(inArray(evaluations.id, moves.map((m) => m.rowId)));
    const managers = await managersByDepartment(tx, [...new Set(rows.map((r) => r.departmentId))]);
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      return movedNotices(RECTIFY_DUE, managers(r.departmentId), `办件${r.caseNo}的差评`, m, '/feedback/evaluations');
    });
  },
};

export const COMPLAINT_DUE: TrackedDeadline = {
  way: 'tracked', kind: 'feedback.complaint.due', label: '投诉办理期限', entityType: 'complaint',
  table: complaints, id: complaints.id, column: complaints.due,
  open: sql`${complaints.state} = 'handling'`,
  notices: async (tx, moves) => {
    const rows = await tx.select({ id: complaints.id, no: complaints.no, phone: complaints.complainantPhone, userId: complaints.complainantUserId, dept: complaints.handlerDepartmentId, handler: complaints.handlerUserId })
      .from(complaints).where(inArray(complaints.id, moves.map((m) => m.rowId)));
    const managers = await managersByDepartment(tx, [...new Set(rows.map((r) => r.dept).filter((d): d is string => !!d))]);
    return moves.flatMap((m) => {
      const r = rows.find((x) => x.id === m.rowId)!;
      // The complainant was told the date by SMS: they are told the new one the same way.
      return [...sms(r.phone, 'feedback.complaintDueMoved', { no: r.no, from: m.from, to: m.to }, r.userId),
        ...movedNotices(COMPLAINT_DUE, [...managers(r.dept), ...(r.handler ? [r.handler] : [])], `投诉${r.no}`, m, '/feedback/complaints')];
    });
  },
};
