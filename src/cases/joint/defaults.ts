/**
 * The overdue default (超时默认, domain §5) applied to one participant's part: when the
 * item says `deemedApproved` the part is recorded as agreeing (缺席默认), charged to its
 * department; with `none` it is escalated — the department's leaders and the center's
 * supervisors are told in-app — and the part still owes its opinion (the lead cannot decide).
 */
import { and, eq, or } from 'drizzle-orm';
import type { Tx } from '../../core/db/index.js';
import { users } from '../../core/auth/schema.js';
import type { Notice } from '../../core/outbox/enqueue.js';
import type { GuideData } from '../../catalog/types.js';
import type { CaseRow } from '../repo.js';
import { caseParticipants } from './schema.js';
import type { PartRow } from './parts.js';

export interface DefaultApplied {
  applied: 'deemed' | 'escalated';
  departmentId: string;
  chargedTo: string;
  subDue: string | null;
  notify: Notice[];
}

export const DEEMED_TEXT = '逾期未出具意见，按超时默认规则视为同意（缺席默认）';

/** Writes the default on the part (idempotent by status: callers pass only pending/escalated parts). */
export async function applyOverdueDefault(tx: Tx, row: CaseRow, guide: GuideData, part: PartRow, today: string, why: 'subLimitPassed' | 'absentFromMeeting'): Promise<DefaultApplied | null> {
  if (guide.overdueDefault === 'deemedApproved') {
    await tx.update(caseParticipants).set({ status: 'deemed', opinion: 'agree', opinionText: DEEMED_TEXT, deemedOn: today, open: false }).where(eq(caseParticipants.id, part.id));
    return { applied: 'deemed', departmentId: part.departmentId, chargedTo: part.departmentId, subDue: part.subDue, notify: [] };
  }
  if (part.status === 'escalated') return null; // told once; the part still owes its opinion
  await tx.update(caseParticipants).set({ status: 'escalated', escalatedOn: today }).where(eq(caseParticipants.id, part.id));
  const recipients = await tx.select({ id: users.id }).from(users).where(and(eq(users.active, true), or(
    and(eq(users.departmentId, part.departmentId), eq(users.role, 'leader')),
    and(eq(users.centerId, row.centerId), eq(users.role, 'supervisor')),
  )));
  const payload = { caseNo: row.caseNo, itemName: row.itemName, caseId: row.id, departmentId: part.departmentId, task: part.task, subDue: part.subDue, why };
  return {
    applied: 'escalated', departmentId: part.departmentId, chargedTo: part.departmentId, subDue: part.subDue,
    notify: recipients.map((r) => ({ channel: 'inApp' as const, recipientUserId: r.id, template: 'case.jointEscalated', payload })),
  };
}
