/** The center admin's view of the electronic seals: list, rotate, revoke (each one transaction with its audit row). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import { centers, departments } from '../core/org/schema.js';
import { sealKeys, type SealKeyRow } from './schema.js';
import { rotateKey, revokeKey, type SealBody } from './seals.js';
import { keyState } from './rules.js';
import { publicKeyPem } from './sm2.js';
import { SEAL_BODY_KIND_LABELS, SEAL_KEY_STATE_LABELS, type SealBodyKind } from './types.js';

const NONE = '00000000-0000-0000-0000-000000000000';

export function keySummary(k: SealKeyRow, bodyName: string) {
  const state = keyState(k);
  return {
    id: k.id, bodyKind: k.bodyKind, bodyKindLabel: SEAL_BODY_KIND_LABELS[k.bodyKind], bodyId: k.bodyId, bodyName, algorithm: k.algorithm,
    publicKeyPem: publicKeyPem(k.publicKey), state, stateLabel: SEAL_KEY_STATE_LABELS[state],
    createdAt: k.createdAt, rotatedAt: k.rotatedAt, revokedFrom: k.revokedFrom, revokedReason: k.revokedReason,
  };
}

async function bodyNames(ctx: AppContext, keys: readonly SealKeyRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(keys.map((k) => k.bodyId))];
  if (!ids.length) return new Map();
  const [cs, ds] = await Promise.all([
    ctx.db.select({ id: centers.id, name: centers.name }).from(centers).where(inArray(centers.id, ids)),
    ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)),
  ]);
  return new Map([...cs, ...ds].map((b) => [b.id, b.name]));
}

/** The seals of the centers a user reads (active first, then the retired ones kept for verification). */
export async function listKeys(ctx: AppContext, user: SessionUser) {
  const keys = await ctx.db.select().from(sealKeys).where(inArray(sealKeys.centerId, user.centerScope.length ? user.centerScope : [NONE]))
    .orderBy(asc(sealKeys.bodyKind), asc(sealKeys.bodyId), asc(sealKeys.createdAt));
  const names = await bodyNames(ctx, keys);
  return keys.map((k) => keySummary(k, names.get(k.bodyId) ?? ''));
}

/** The body, checked to be the admin's own center or one of its departments. */
async function ownBody(ctx: AppContext, user: SessionUser, kind: SealBodyKind, id: string): Promise<SealBody & { name: string }> {
  if (!user.centerId) throw forbidden();
  if (kind === 'center') {
    if (id !== user.centerId) throw forbidden('Only your own center\'s seal', '只能管理本中心的印章');
    const [c] = await ctx.db.select({ name: centers.name }).from(centers).where(eq(centers.id, id));
    return { kind, id, centerId: id, name: c.name };
  }
  const [d] = await ctx.db.select({ name: departments.name, centerId: departments.centerId }).from(departments).where(eq(departments.id, id));
  if (!d) throw notFound('Department', '部门');
  if (d.centerId !== user.centerId) throw forbidden('Only departments of your own center', '只能管理本中心进驻部门的印章');
  return { kind, id, centerId: d.centerId, name: d.name };
}

export async function rotate(ctx: AppContext, user: SessionUser, kind: SealBodyKind, bodyId: string) {
  const body = await ownBody(ctx, user, kind, bodyId);
  const now = ctx.now();
  const { key } = await ctx.db.transaction((tx) => rotateKey(tx, ctx.config.sealKek, body, { id: user.id, role: user.role }, now));
  return keySummary(key, body.name);
}

export async function revoke(ctx: AppContext, user: SessionUser, keyId: string, input: { from?: string; reason: string }) {
  const now = ctx.now();
  const from = input.from ? new Date(input.from) : now;
  if (from.getTime() > now.getTime()) throw badRequest('revoke_in_future', 'A key is revoked from now or an earlier instant', '密钥只能自当前或更早的时间起吊销', [{ field: 'body.from' }]);
  const key = await ctx.db.transaction(async (tx) => {
    const [k] = await tx.select().from(sealKeys).where(eq(sealKeys.id, keyId)).for('update');
    if (!k) throw notFound('Seal key', '印章密钥');
    if (user.role !== 'centerAdmin' || user.centerId !== k.centerId) throw forbidden('Only the center\'s admin revokes its seals', '仅本中心管理办公室可吊销印章密钥');
    if (k.revokedFrom) throw conflict('key_revoked', 'The key is revoked already', '该密钥已吊销');
    await revokeKey(tx, k, from, input.reason, { id: user.id, role: user.role }, now);
    const [after] = await tx.select().from(sealKeys).where(and(eq(sealKeys.id, keyId)));
    return after;
  });
  return keySummary(key, (await bodyNames(ctx, [key])).get(key.bodyId) ?? '');
}

/** A seal's public key for verifiers outside Banshi (no private part is ever answered). */
export async function publicKey(ctx: AppContext, keyId: string) {
  const [k] = await ctx.db.select().from(sealKeys).where(eq(sealKeys.id, keyId));
  if (!k) throw notFound('Seal key', '印章密钥');
  return keySummary(k, (await bodyNames(ctx, [k])).get(k.bodyId) ?? '');
}
