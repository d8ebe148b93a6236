import { pgTable, uuid, text, jsonb, timestamp, date, index, uniqueIndex, boolean, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { centers, departments } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import type { LicenceStatus, SealBodyKind } from './types.js';
import type { LicenceRecord } from './record.js';

/**
 * The signing keys of the electronic seals (电子印章), one active key per issuing body. The
 * private key is stored only wrapped by the key-encryption key (config `sealKek`, AES-256-GCM,
 * src/licences/kek.ts); the public key stays readable for verification for good. Rotation
 * stamps `rotatedAt` and makes a new active key; revocation stamps `revokedFrom`: signatures
 * made from that instant on are not trusted, earlier ones still are.
 */
export const sealKeys = pgTable('seal_keys', {
  /** The key id, carried in every record it signs. */
  id: uuid('id').primaryKey().defaultRandom(),
  bodyKind: text('body_kind').$type<SealBodyKind>().notNull(),
  /** The center's or the department's id (by kind). */
  bodyId: uuid('body_id').notNull(),
  /** The center the body belongs to (the center itself for a center's seal): whose admin manages the key. */
  centerId: uuid('center_id').notNull().references(() => centers.id),
  algorithm: text('algorithm').notNull(),
  /** Uncompressed SM2 point, hex (04 ‖ x ‖ y). */
  publicKey: text('public_key').notNull(),
  /** base64(iv ‖ tag ‖ ciphertext) of the private scalar under the key-encryption key. */
  wrappedPrivateKey: text('wrapped_private_key').notNull(),
  /** Which key-encryption key wrapped it ('dev' for the development default). */
  kekId: text('kek_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  rotatedAt: timestamp('rotated_at', { withTimezone: true, mode: 'string' }),
  revokedFrom: timestamp('revoked_from', { withTimezone: true, mode: 'string' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  revokedReason: text('revoked_reason'),
}, (t) => [
  // At most one signing key per body: two first decisions of a department at once create one key, not two.
  uniqueIndex('seal_keys_active_uq').on(t.bodyKind, t.bodyId).where(sql`rotated_at is null and revoked_from is null`),
  index('seal_keys_center_idx').on(t.centerId),
]);

/**
 * An e-licence (电子证照): the signed record of a certificate or decision a case issued. The
 * signed part is `record` (canonicalized per RFC 8785 before signing and again when verified);
 * the columns beside it are copies for lists and scope, never what verification trusts.
 */
export const licences = pgTable('licences', {
  id: uuid('id').primaryKey().defaultRandom(),
  licenceNo: text('licence_no').notNull().unique(),
  /** The code printed beside the QR link; the public verification asks for it with the number. */
  verifyCode: text('verify_code').notNull(),
  /** The licence type: the catalog item's result name (结婚证, 营业执照 …). */
  type: text('type').notNull(),
  /** One licence per case (the hook may run only once per decision; the index makes sure). */
  caseId: uuid('case_id').notNull().references(() => cases.id).unique(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  holderKind: text('holder_kind').$type<'person' | 'organization'>().notNull(),
  holderName: text('holder_name').notNull(),
  /** 居民身份证号 or 统一社会信用代码, stored in full (the licence carries it); masked in lists and logs. */
  holderIdNumber: text('holder_id_number').notNull(),
  /** The applicant's account when the case was filed online (我的证照). */
  holderUserId: uuid('holder_user_id').references(() => users.id),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  /** Null: long-term (长期有效). */
  validUntil: date('valid_until', { mode: 'string' }),
  record: jsonb('record').$type<LicenceRecord>().notNull(),
  /** SM3 of the canonical record, hex: shown for comparison, recomputed at every verification. */
  digest: text('digest').notNull(),
  /** DER-encoded SM2 signature over the canonical record, hex. */
  signature: text('signature').notNull(),
  keyId: uuid('key_id').notNull().references(() => sealKeys.id),
  algorithm: text('algorithm').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true, mode: 'string' }).notNull(),
  status: text('status').$type<LicenceStatus>().notNull().default('valid'),
  statusReason: text('status_reason'),
  statusOn: date('status_on', { mode: 'string' }),
  statusBy: uuid('status_by').references(() => users.id),
  /** A later licence that replaced this one (superseding is a later slice; the column is its place). */
  supersededBy: uuid('superseded_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  index('licences_holder_user_idx').on(t.holderUserId),
  index('licences_center_idx').on(t.centerId, t.issuedOn),
]);

export type LicenceRow = typeof licences.$inferSelect;
export type SealKeyRow = typeof sealKeys.$inferSelect;

/**
 * 免证办: a case's material provided from an e-licence the applicant holds, with their
 * consent, instead of an upload (src/licences/use.ts). The case's `case_materials` row is
 * ticked without a file; this row says which licence, that the holder consented, and when.
 */
export const licenceUses = pgTable('licence_uses', {
  caseId: uuid('case_id').notNull().references(() => cases.id),
  materialId: text('material_id').notNull(),
  licenceId: uuid('licence_id').notNull().references(() => licences.id),
  consent: boolean('consent').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedBy: uuid('used_by').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.caseId, t.materialId] }), index('licence_uses_licence_idx').on(t.licenceId)]);

export type LicenceUseRow = typeof licenceUses.$inferSelect;
