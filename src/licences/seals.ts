/**
 * The electronic seals' keys: the active key of a body (made on first use), signing with it
 * (each use an audit event), rotation and revocation. Everything runs in the caller's
 * transaction, so a seal use commits or rolls back with the licence it signed.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import type { SealKek } from '../core/config.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict } from '../core/errors.js';
import { sealKeys, type SealKeyRow } from './schema.js';
import { SEAL_ALGORITHM, type SealBodyKind } from './types.js';
import { newKeyPair, sign } from './sm2.js';
import { unwrapPrivateKey, wrapPrivateKey } from './kek.js';

export interface SealBody { kind: SealBodyKind; id: string; centerId: string }
export interface Actor { id: string | null; role: string }

const activeOf = (b: SealBody) => and(eq(sealKeys.bodyKind, b.kind), eq(sealKeys.bodyId, b.id), isNull(sealKeys.rotatedAt), isNull(sealKeys.revokedFrom));

/** Makes a new active key for the body (the caller has retired the old one); null when another transaction made one first. */
async function createKey(tx: Tx, kek: SealKek, body: SealBody, actor: Actor, at: Date): Promise<SealKeyRow | null> {
  const id = randomUUID();
  const pair = newKeyPair();
  const [row] = await tx.insert(sealKeys).values({
    id, bodyKind: body.kind, bodyId: body.id, centerId: body.centerId, algorithm: SEAL_ALGORITHM, publicKey: pair.publicKey,
    wrappedPrivateKey: wrapPrivateKey(kek, id, pair.privateKey), kekId: kek.id, createdAt: at.toISOString(), createdBy: actor.id,
  }).onConflictDoNothing().returning();
  if (!row) return null;
  await appendAudit(tx, {
    actorId: actor.id, actorRole: actor.role, action: 'seal.create', entityType: 'sealKey', entityId: id,
    after: { body: body.kind, bodyId: body.id, algorithm: SEAL_ALGORITHM, publicKey: pair.publicKey, kekId: kek.id }, at,
  });
  return row;
}

/** The body's signing key, made on its first use (two first uses at once end with one key: the unique index). */
export async function activeKey(tx: Tx, kek: SealKek, body: SealBody, actor: Actor, at: Date): Promise<SealKeyRow> {
  const [have] = await tx.select().from(sealKeys).where(activeOf(body));
  if (have) return have;
  const made = await createKey(tx, kek, body, actor, at);
  if (made) return made;
  const [theirs] = await tx.select().from(sealKeys).where(activeOf(body));
  return theirs;
}

export interface SealUse { purpose: 'licence'; reference: string; digest: string }

/** Signs `canonical` with the key and records the use (who, what for, the digest signed). */
export async function sealWith(tx: Tx, kek: SealKek, key: SealKeyRow, canonical: string, use: SealUse, actor: Actor, at: Date): Promise<string> {
  const signature = sign(canonical, { privateKey: unwrapPrivateKey(kek, key), publicKey: key.publicKey });
  await appendAudit(tx, {
    actorId: actor.id, actorRole: actor.role, action: 'seal.use', entityType: 'sealKey', entityId: key.id,
    after: { purpose: use.purpose, reference: use.reference, digest: use.digest, algorithm: key.algorithm }, at,
  });
  return signature;
}

/** Rotation: the active key stops signing (kept for verification) and a new one takes over. */
export async function rotateKey(tx: Tx, kek: SealKek, body: SealBody, actor: Actor, at: Date): Promise<{ retired: string | null; key: SealKeyRow }> {
  const [old] = await tx.update(sealKeys).set({ rotatedAt: at.toISOString() }).where(activeOf(body)).returning({ id: sealKeys.id });
  const key = await createKey(tx, kek, body, actor, at);
  // Another rotation made its key meanwhile: the caller sees a conflict and reloads.
  if (!key) throw conflict('seal_rotated_meanwhile', 'Another rotation of this seal finished first', '该印章密钥已被他人轮换，请刷新后查看');
  await appendAudit(tx, {
    actorId: actor.id, actorRole: actor.role, action: 'seal.rotate', entityType: 'sealKey', entityId: key.id,
    before: { keyId: old?.id ?? null }, after: { keyId: key.id, body: body.kind, bodyId: body.id }, at,
  });
  return { retired: old?.id ?? null, key };
}

/**
 * Revocation: signatures made from `from` on are no longer trusted (a compromise found today
 * may date back). The body's next seal use makes a new key.
 */
export async function revokeKey(tx: Tx, key: SealKeyRow, from: Date, reason: string, actor: Actor, at: Date): Promise<void> {
  await tx.update(sealKeys).set({ revokedFrom: from.toISOString(), revokedAt: at.toISOString(), revokedReason: reason }).where(eq(sealKeys.id, key.id));
  await appendAudit(tx, {
    actorId: actor.id, actorRole: actor.role, action: 'seal.revoke', entityType: 'sealKey', entityId: key.id,
    before: { revokedFrom: key.revokedFrom }, after: { revokedFrom: from.toISOString(), reason }, at,
  });
}
