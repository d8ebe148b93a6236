/**
 * Issuing an e-licence: the case hook (installed in src/compose.ts) that turns an approved
 * certificate or decision into a signed record, in the decision's own transaction — the
 * licence, its seal use and their audit rows commit with the decision or not at all.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import type { SealKek } from '../core/config.js';
import { appendAudit } from '../core/audit/audit.js';
import { maskIdNumber, maskName } from '../core/mask.js';
import { centerById, departmentById } from '../core/org/lookup.js';
import type { GuideData } from '../catalog/types.js';
import type { CaseHook } from '../cases/hooks.js';
import { itemVersionOf, nextCounter, type CaseRow } from '../cases/repo.js';
import { decisionWording, natureOf } from '../cases/documents/decision.js';
import { licences } from './schema.js';
import { canonicalOf, digestOf, licenceFields, type LicenceRecord } from './record.js';
import { issuesLicence, licenceNumber, newVerifyCode, validUntilOf } from './rules.js';
import { activeKey, sealWith, type Actor } from './seals.js';
import { SEAL_ALGORITHM } from './types.js';
import { changeHeldLicences } from './supersede.js';

export interface IssueInput { row: CaseRow; guide: GuideData; at: Date; today: string; actor: Actor; deemed: boolean }

const hooks = new WeakMap<SealKek, CaseHook>();

/** The hook: one licence when a case becomes decided with an approval of a licensable result (one hook per key-encryption key). */
export function licenceHook(kek: SealKek): CaseHook {
  let hook = hooks.get(kek);
  if (!hook) hooks.set(kek, (hook = issueOnDecision(kek)));
  return hook;
}

function issueOnDecision(kek: SealKek): CaseHook {
  return async function licenceOnDecision(change) {
    const { before, after } = change;
    // Cheap facts first: nearly every change is not a decision.
    if (after.state !== 'decided' || before?.state === 'decided' || after.outcome !== 'approved') return;
    const guide = await itemVersionOf(change.tx, after);
    const issues = issuesLicence({ beforeState: before?.state ?? null, afterState: after.state, outcome: after.outcome, resultType: guide.result.type });
    const newLicenceId = issues ? await issueLicence(change.tx, kek, { row: after, guide, at: change.at, today: change.today, actor: change.actor, deemed: change.action === 'deemedApproval' }) : null;
    // A result that changes or cancels a licence the applicant holds (企业变更登记, 离婚登记).
    await changeHeldLicences(change.tx, { row: after, guide, today: change.today, at: change.at, actor: change.actor, newLicenceId });
  };
}

/** Builds, signs and stores the case's licence; returns its id (the existing one when the case has one already). */
export async function issueLicence(tx: Tx, kek: SealKek, i: IssueInput): Promise<string> {
  const [existing] = await tx.select({ id: licences.id }).from(licences).where(eq(licences.caseId, i.row.id));
  if (existing) return existing.id;
  const [center, dept] = [await centerById(tx, i.row.centerId), await departmentById(tx, i.row.departmentId)];
  // The deciding department's seal (its 行政审批专用章 in the hall): it is the body that decided.
  const key = await activeKey(tx, kek, { kind: 'department', id: dept.id, centerId: center.id }, i.actor, i.at);
  const year = i.today.slice(0, 4);
  const licenceNo = licenceNumber(center.divisionCode, year, await nextCounter(tx, `licence:${center.id}:${year}`));
  const type = i.guide.result.name;
  const record: LicenceRecord = {
    v: 1, licenceNo, type,
    holder: { kind: i.row.applicantKind, name: i.row.applicantName, idNumber: i.row.applicantIdNumber },
    coHolders: (i.row.coApplicants ?? []).map((p) => ({ name: p.name, idNumber: p.idNumber })),
    issuer: { kind: 'department', id: dept.id, name: dept.name, center: center.name },
    issuedOn: i.today, validUntil: validUntilOf(type, i.today),
    fields: {
      ...licenceFields(i.row.formData ?? {}),
      事项名称: i.row.itemName, 决定: decisionWording(natureOf(i.guide), 'approved').verdict, ...(i.deemed ? { 超时默认: true } : {}),
    },
    source: { caseNo: i.row.caseNo, itemCode: i.row.itemCode, itemVersion: i.row.itemVersion },
    seal: { keyId: key.id, algorithm: SEAL_ALGORITHM, signedAt: i.at.toISOString() },
  };
  const canonical = canonicalOf(record);
  const digest = digestOf(canonical);
  const signature = await sealWith(tx, kek, key, canonical, { purpose: 'licence', reference: licenceNo, digest }, i.actor, i.at);
  const [row] = await tx.insert(licences).values({
    licenceNo, verifyCode: newVerifyCode(), type, caseId: i.row.id, centerId: center.id, departmentId: dept.id,
    holderKind: record.holder.kind, holderName: record.holder.name, holderIdNumber: record.holder.idNumber, holderUserId: i.row.applicantUserId,
    issuedOn: record.issuedOn, validUntil: record.validUntil, record, digest, signature, keyId: key.id, algorithm: SEAL_ALGORITHM,
    signedAt: i.at.toISOString(), createdAt: i.at.toISOString(),
  }).returning({ id: licences.id });
  await appendAudit(tx, {
    actorId: i.actor.id, actorRole: i.actor.role, action: 'licence.issue', entityType: 'licence', entityId: row.id,
    after: {
      licenceNo, type, caseNo: i.row.caseNo, holder: { name: maskName(record.holder.name, record.holder.kind), idNumber: maskIdNumber(record.holder.idNumber) },
      issuedOn: record.issuedOn, validUntil: record.validUntil, keyId: key.id, digest,
    }, at: i.at,
  });
  return row.id;
}
