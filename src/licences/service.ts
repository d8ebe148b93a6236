/**
 * E-licences for people: the applicant's own (我的证照), staff reading in their scope, revoking
 * with a reason, and the public verification the QR code opens.
 */
import { timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { maskIdNumber, maskName } from '../core/mask.js';
import { licences, sealKeys, type LicenceRow, type SealKeyRow } from './schema.js';
import { canonicalOf, digestOf, type LicenceRecord } from './record.js';
import { keyState, keyTrustedFor, verifyResult } from './rules.js';
import { publicKeyPem, verify } from './sm2.js';
import { SEAL_KEY_STATE_LABELS, VERIFY_RESULT_LABELS } from './types.js';
import { DEPARTMENT_ROLES } from '../core/auth/roles.js';
import { users } from '../core/auth/schema.js';
import { normalizeIdNumber } from '../core/identity/index.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/** The applicant's ID number (or credit code) on their account, as case intake stores it. */
async function accountIdNumber(ctx: AppContext, user: SessionUser): Promise<string | null> {
  const [u] = await ctx.db.select({ idNumber: users.idNumber }).from(users).where(eq(users.id, user.id));
  return u?.idNumber ? normalizeIdNumber(u.idNumber) : null;
}

interface Scope { where: SQL; mine: (l: LicenceRow) => boolean }

/**
 * Which licences a user may read: department staff their department's, center staff their
 * centers'; an applicant their own — issued to their account, and issued to their ID number on
 * a case filed for them at a window (a licence follows the person, not the channel; the
 * account's ID number was entered by the center and checked when the account was made).
 */
async function scopeOf(ctx: AppContext, user: SessionUser): Promise<Scope | null> {
  if (user.role === 'applicant') {
    const idNumber = await accountIdNumber(ctx, user);
    const where = idNumber ? or(eq(licences.holderUserId, user.id), eq(licences.holderIdNumber, idNumber))! : eq(licences.holderUserId, user.id);
    return { where, mine: (l) => l.holderUserId === user.id || (idNumber !== null && l.holderIdNumber === idNumber) };
  }
  const staff = (where: SQL): Scope => ({ where, mine: () => false });
  if (DEPARTMENT_ROLES.includes(user.role)) return staff(eq(licences.departmentId, user.departmentId ?? NONE));
  if (user.role === 'centerAdmin' || user.role === 'supervisor' || user.role === 'receiver') return staff(inArray(licences.centerId, user.centerScope.length ? user.centerScope : [NONE]));
  return null;
}

/** The path the QR code opens (the verification page of the portal is a later slice: today the JSON answer). */
export const verifyPath = (l: Pick<LicenceRow, 'licenceNo' | 'verifyCode'>) =>
  `/api/public/licences/${encodeURIComponent(l.licenceNo)}/verify?code=${encodeURIComponent(l.verifyCode)}`;

function summary(ctx: AppContext, l: LicenceRow) {
  return {
    id: l.id, licenceNo: l.licenceNo, type: l.type, caseId: l.caseId, holderName: l.holderName, holderIdMasked: maskIdNumber(l.holderIdNumber),
    issuedOn: l.issuedOn, validUntil: l.validUntil, status: l.status, expired: l.validUntil !== null && l.validUntil < ctx.today(),
    statusReason: l.statusReason, statusOn: l.statusOn, issuer: l.record?.issuer?.name ?? null,
  };
}

export async function listLicences(ctx: AppContext, user: SessionUser, q: { caseId?: string; page: number; pageSize: number }) {
  const scope = await scopeOf(ctx, user);
  if (!scope) throw forbidden('Your role reads no licences', '您的岗位不能查看电子证照');
  const where = and(scope.where, q.caseId ? eq(licences.caseId, q.caseId) : undefined);
  const [rows, [{ n }]] = await Promise.all([
    ctx.db.select().from(licences).where(where).orderBy(desc(licences.issuedOn), desc(licences.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(licences).where(where),
  ]);
  return { items: rows.map((l) => summary(ctx, l)), total: Number(n) };
}

async function readable(ctx: AppContext, user: SessionUser, id: string): Promise<{ l: LicenceRow; mine: boolean }> {
  const scope = await scopeOf(ctx, user);
  if (!scope) throw forbidden('Your role reads no licences', '您的岗位不能查看电子证照');
  const [l] = await ctx.db.select().from(licences).where(and(eq(licences.id, id), scope.where));
  if (!l) throw notFound('Licence', '电子证照');
  return { l, mine: scope.mine(l) };
}

/** One licence: the holder sees the whole signed record (to show or verify elsewhere); staff see the ID numbers masked. */
export async function licenceView(ctx: AppContext, user: SessionUser, id: string) {
  const { l, mine } = await readable(ctx, user, id);
  const [key] = await ctx.db.select().from(sealKeys).where(eq(sealKeys.id, l.keyId));
  const record = mine ? l.record : maskRecord(l.record);
  return {
    ...summary(ctx, l), record, digest: l.digest, signature: l.signature, algorithm: l.algorithm, keyId: l.keyId, signedAt: l.signedAt,
    publicKeyPem: publicKeyPem(key.publicKey), verifyCode: l.verifyCode, verifyPath: verifyPath(l),
  };
}

function maskRecord(r: LicenceRecord): LicenceRecord {
  return { ...r, holder: { ...r.holder, idNumber: maskIdNumber(r.holder.idNumber) }, coHolders: r.coHolders.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber) })) };
}

/** 注销: the issuing department's leader or the center's admin, with the reason; the record stays, its standing changes. */
export async function revokeLicence(ctx: AppContext, user: SessionUser, id: string, reason: string) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [l] = await tx.select().from(licences).where(eq(licences.id, id)).for('update');
    if (!l) throw notFound('Licence', '电子证照');
    if (!mayRevoke(user, l)) throw forbidden('Only the issuing department\'s leader or the center\'s admin revokes a licence', '仅发证部门的分管领导或本中心管理办公室可注销电子证照');
    if (l.status !== 'valid') throw conflict('licence_not_valid', `The licence is already ${l.status}`, '该证照已注销或已被替代，不能再注销');
    await tx.update(licences).set({ status: 'revoked', statusReason: reason, statusOn: ctx.today(), statusBy: user.id }).where(eq(licences.id, id));
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'licence.revoke', entityType: 'licence', entityId: id,
      before: { status: l.status }, after: { status: 'revoked', licenceNo: l.licenceNo, reason, on: ctx.today() }, at: now,
    });
  });
  return licenceView(ctx, user, id);
}

function mayRevoke(user: SessionUser, l: LicenceRow): boolean {
  if (user.role === 'centerAdmin') return user.centerId === l.centerId;
  return user.role === 'leader' && user.departmentId === l.departmentId;
}

function sameCode(stored: string, given: string): boolean {
  const [a, b] = [Buffer.from(stored), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The public verification: recompute the canonical record and its SM3 digest, verify the
 * signature with the key the record names (rotated keys still verify; a key revoked before the
 * signing instant does not), then the standing and the validity against today. It shows the
 * licence's type, issuer and dates and the holder's masked name — nothing else of the holder.
 */
export async function verifyLicence(ctx: AppContext, licenceNo: string, code: string) {
  const [l] = await ctx.db.select().from(licences).where(eq(licences.licenceNo, licenceNo));
  // The same answer for a wrong number and a wrong code: no probing for licence numbers.
  if (!l || !sameCode(l.verifyCode, code.toUpperCase())) throw notFound('Licence (check the number and code)', '电子证照（请核对证照编号和核验码）');
  const r = l.record;
  const keyId = typeof r?.seal?.keyId === 'string' ? r.seal.keyId : null;
  const [key] = keyId && /^[0-9a-f-]{36}$/i.test(keyId) ? await ctx.db.select().from(sealKeys).where(eq(sealKeys.id, keyId)) : [];
  const checks = signatureChecks(l, key);
  const signedAt = typeof r?.seal?.signedAt === 'string' ? r.seal.signedAt : '';
  const keyTrusted = !!key && !!signedAt && keyTrustedFor(key, signedAt);
  const result = verifyResult({ signatureOk: checks.digest && checks.signature, keyTrusted, status: l.status, validUntil: r?.validUntil ?? null, today: ctx.today() });
  const trusted = result !== 'invalidSignature';
  return {
    licenceNo: l.licenceNo, result, resultLabel: VERIFY_RESULT_LABELS[result], checkedOn: ctx.today(),
    checks: { ...checks, keyTrusted },
    key: key ? { id: key.id, algorithm: key.algorithm, state: keyState(key), stateLabel: SEAL_KEY_STATE_LABELS[keyState(key)] } : null,
    // Nothing of a record whose signature fails is to be believed, so none of it is shown.
    licence: trusted ? {
      type: r.type, holderName: maskName(r.holder.name, r.holder.kind), issuer: r.issuer.name, issuerCenter: r.issuer.center,
      issuedOn: r.issuedOn, validUntil: r.validUntil, statusOn: l.status === 'valid' ? null : l.statusOn,
    } : null,
  };
}

/** The record's digest and signature, checked with the key it names (which must be its issuer's). */
function signatureChecks(l: LicenceRow, key: SealKeyRow | undefined): { digest: boolean; signature: boolean } {
  let canonical: string;
  try { canonical = canonicalOf(l.record); } catch { return { digest: false, signature: false }; }
  const digest = digestOf(canonical) === l.digest;
  const r = l.record;
  const issuerKey = !!key && key.bodyKind === r?.issuer?.kind && key.bodyId === r?.issuer?.id && key.algorithm === r?.seal?.algorithm;
  return { digest, signature: issuerKey && verify(canonical, l.signature, key!.publicKey) };
}
