import type { Tx } from '../core/db/index.js';
import { accountabilityRecords } from './schema.js';

/**
 * Writes one accountability record (问责记录) outside the ladder: a substantiated complaint
 * (src/feedback) charges its unit and, when named, the staff member. Once per complaint
 * (unique index); the caller's transaction holds its audit row.
 */
export async function recordComplaintAccountability(tx: Tx, r: {
  complaintId: string; caseId: string | null; centerId: string; departmentId: string; userId: string | null; what: string; today: string; at: Date;
}): Promise<string> {
  const [row] = await tx.insert(accountabilityRecords).values({
    kind: 'complaint', complaintId: r.complaintId, caseId: r.caseId, centerId: r.centerId, departmentId: r.departmentId,
    userId: r.userId, stepName: r.what, recordedOn: r.today, recordedAt: r.at.toISOString(),
  }).returning({ id: accountabilityRecords.id });
  return row.id;
}
