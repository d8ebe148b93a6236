/**
 * 免证办: a material of an item that names a licence type (catalog `Material.licenceType`) is
 * satisfied by a valid e-licence of that type the applicant holds, with their consent, instead
 * of an upload. `recordLicenceMaterials` is the case engine's `licenceMaterials` port (installed
 * in src/compose.ts): it runs in the filing's transaction and refuses (422) a licence that is
 * not usable; `usableLicences` lists what the applicant's licences satisfy for an item.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { appendAudit } from '../core/audit/audit.js';
import { forbidden, unprocessable } from '../core/errors.js';
import { maskIdNumber } from '../core/mask.js';
import { normalizeIdNumber } from '../core/identity/index.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { isPublic, publishedJoin } from '../catalog/public.js';
import type { GuideData } from '../catalog/types.js';
import type { LicenceMaterialUse } from '../cases/ports.js';
import { licences, licenceUses, type LicenceRow } from './schema.js';

/** Why a licence cannot serve a material, or null when it can (pure). */
export function unusableReason(l: Pick<LicenceRow, 'type' | 'status' | 'validUntil' | 'holderIdNumber' | 'record'>, want: { type: string | undefined; holderId: string; today: string }): string | null {
  if (!want.type) return '该材料不接受电子证照';
  if (l.type !== want.type) return `该证照不是${want.type}`;
  if (l.status === 'revoked') return '该证照已注销';
  if (l.status === 'superseded') return '该证照已被换发的新证替代';
  if (l.validUntil && l.validUntil < want.today) return '该证照已过有效期';
  if (!holds(l, want.holderId)) return '该证照的持证人不是申请人';
  return null;
}

function holds(l: Pick<LicenceRow, 'holderIdNumber' | 'record'>, id: string): boolean {
  const co = Array.isArray(l.record?.coHolders) ? l.record.coHolders : [];
  return [l.holderIdNumber, ...co.map((p) => p.idNumber)].some((x) => normalizeIdNumber(x) === normalizeIdNumber(id));
}

/** Staff see only the licences of their own center; an applicant any of their own. */
function inScope(l: Pick<LicenceRow, 'centerId'>, who: { role: string; centerId?: string | null }): boolean {
  return who.role === 'applicant' || (!!who.centerId && who.centerId === l.centerId);
}

/** The port: checks every licence given and records which licence provided which material, with consent and time. */
export async function recordLicenceMaterials(tx: Tx, u: LicenceMaterialUse): Promise<void> {
  const ids = [...new Set(u.uses.map((m) => m.licenceId))];
  const found = await tx.select().from(licences).where(inArray(licences.id, ids));
  const byId = new Map(found.map((l) => [l.id, l]));
  for (const [i, m] of u.uses.entries()) {
    const l = byId.get(m.licenceId);
    const material = u.guide.materials.find((x) => x.id === m.materialId);
    const why = !l || !inScope(l, u.submitter) ? '未找到该电子证照'
      : !m.consent ? '使用电子证照须经持证人同意'
      : unusableReason(l, { type: material?.licenceType, holderId: u.row.applicantIdNumber, today: u.today });
    if (why) {
      throw unprocessable('licence_unusable', `The licence cannot serve material ${m.materialId}`, `材料“${material?.name ?? m.materialId}”不能使用该电子证照：${why}`,
        [{ field: `body.materials.${i}.licenceId`, message: why }]);
    }
  }
  await tx.insert(licenceUses).values(u.uses.map((m) => ({ caseId: u.row.id, materialId: m.materialId, licenceId: m.licenceId, consent: true, usedAt: u.nowIso, usedBy: u.submitter.id })))
    .onConflictDoUpdate({ target: [licenceUses.caseId, licenceUses.materialId], set: { licenceId: sql`excluded.licence_id`, usedAt: u.nowIso } });
  for (const m of u.uses) {
    const l = byId.get(m.licenceId)!;
    await appendAudit(tx, {
      actorId: u.submitter.id, actorRole: u.submitter.role, action: 'licence.use', entityType: 'licence', entityId: l.id,
      after: { licenceNo: l.licenceNo, type: l.type, caseId: u.row.id, materialId: m.materialId, consent: true, holderIdNumber: maskIdNumber(l.holderIdNumber) }, at: new Date(u.nowIso),
    });
  }
}

/** The materials of a published item that name a licence type, each with the valid licences of the holder that satisfy it. */
export async function usableLicences(ctx: AppContext, user: SessionUser, itemCode: string, idNumber?: string) {
  const holderId = await holderOf(ctx, user, idNumber);
  const [item] = await ctx.db.select({ data: serviceItemVersions.data }).from(serviceItems).innerJoin(serviceItemVersions, publishedJoin)
    .where(and(eq(serviceItems.code, itemCode), isPublic));
  if (!item) throw unprocessable('item_unavailable', 'The item is not published or not open for applications', '该事项未发布或已暂停受理');
  const guide: GuideData = item.data;
  const wanted = guide.materials.filter((m) => m.licenceType?.trim());
  const held = wanted.length ? await heldLicences(ctx.db, holderId, [...new Set(wanted.map((m) => m.licenceType!.trim()))]) : [];
  const today = ctx.today();
  const usable = held.filter((l) => inScope(l, user));
  return {
    itemCode,
    materials: wanted.map((m) => ({
      materialId: m.id, materialName: m.name, licenceType: m.licenceType!.trim(),
      licences: usable.filter((l) => !unusableReason(l, { type: m.licenceType!.trim(), holderId, today }))
        .map((l) => ({ id: l.id, licenceNo: l.licenceNo, type: l.type, issuedOn: l.issuedOn, validUntil: l.validUntil, issuer: l.record.issuer.name })),
    })),
  };
}

async function holderOf(ctx: AppContext, user: SessionUser, idNumber?: string): Promise<string> {
  if (user.role === 'applicant') {
    const [me] = await ctx.db.select({ idNumber: users.idNumber }).from(users).where(eq(users.id, user.id));
    if (!me?.idNumber) throw unprocessable('profile_incomplete', 'Your account lacks an ID number', '您的账户缺少证件号码，请先完善个人信息');
    return me.idNumber;
  }
  if (user.role !== 'receiver') throw forbidden();
  if (!idNumber?.trim()) throw unprocessable('id_number_required', 'Give the applicant\'s ID number', '请填写申请人的证件号码', [{ field: 'querystring.idNumber', message: 'required' }]);
  return normalizeIdNumber(idNumber);
}

async function heldLicences(db: Queryable, holderId: string, types: string[]) {
  const id = normalizeIdNumber(holderId);
  return db.select().from(licences).where(and(inArray(licences.type, types), eq(licences.status, 'valid'),
    or(eq(licences.holderIdNumber, id), sql`${licences.record}->'coHolders' @> ${JSON.stringify([{ idNumber: id }])}::jsonb`)))
    .orderBy(sql`${licences.issuedOn} desc`).limit(50);
}
