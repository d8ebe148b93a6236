/**
 * A later case that changes or cancels a licence (企业变更登记 → 营业执照 superseded by the new
 * one; 离婚登记 → 结婚证 revoked): applied when the case is approved, in the decision's
 * transaction, by the licence hook (issue.ts). The catalog's `result.supersedes` /
 * `result.revokes` name the type; the holder is the case's applicant (or, for licences with
 * several holders such as 结婚证, one of its co-holders).
 */
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import type { GuideData } from '../catalog/types.js';
import type { CaseRow } from '../cases/repo.js';
import { licences } from './schema.js';
import type { Actor } from './seals.js';

export interface HeldChange { row: CaseRow; guide: GuideData; today: string; at: Date; actor: Actor; newLicenceId: string | null }

/** Supersedes or revokes the applicant's valid licences of the types the item's result names. */
export async function changeHeldLicences(tx: Tx, c: HeldChange): Promise<void> {
  const { supersedes, revokes } = c.guide.result;
  if (supersedes?.trim()) await mark(tx, c, supersedes.trim(), 'superseded');
  if (revokes?.trim()) await mark(tx, c, revokes.trim(), 'revoked');
}

async function mark(tx: Tx, c: HeldChange, type: string, status: 'superseded' | 'revoked') {
  const holder = c.row.applicantIdNumber;
  const held = or(eq(licences.holderIdNumber, holder), sql`${licences.record}->'coHolders' @> ${JSON.stringify([{ idNumber: holder }])}::jsonb`);
  const others = c.newLicenceId ? ne(licences.id, c.newLicenceId) : undefined;
  const reason = `${c.row.itemName}（${c.row.caseNo}）${status === 'superseded' ? '准予变更，换发新证' : '准予登记，原证注销'}`;
  const changed = await tx.update(licences).set({
    status, statusReason: reason, statusOn: c.today, statusBy: c.actor.id,
    ...(status === 'superseded' ? { supersededBy: c.newLicenceId } : {}),
  }).where(and(eq(licences.type, type), eq(licences.status, 'valid'), held, others)).returning({ id: licences.id, licenceNo: licences.licenceNo });
  for (const l of changed) {
    await appendAudit(tx, {
      actorId: c.actor.id, actorRole: c.actor.role, action: status === 'superseded' ? 'licence.supersede' : 'licence.revoke', entityType: 'licence', entityId: l.id,
      before: { status: 'valid' }, after: { status, licenceNo: l.licenceNo, reason, on: c.today, caseNo: c.row.caseNo, supersededBy: c.newLicenceId }, at: c.at,
    });
  }
}
