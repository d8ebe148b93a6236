import { sql } from 'drizzle-orm';
import { pgTable, bigserial, bigint, uuid, text, jsonb, timestamp, index, customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id (read and written as text). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only audit trail, written in the transaction of each change; the sealer links the
 * rows into one hash chain in audit_seals (see seal.ts). `txid` is the writing transaction.
 */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  txid: xid8('txid').notNull().default(sql`pg_current_xact_id()`),
}, (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_txid_idx').on(t.txid, t.id)]);

/** The hash chain over audit rows, in sealing order; append-only like the rows. */
export const auditSeals = pgTable('audit_seals', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull().unique(),
  txid: xid8('txid').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true, mode: 'string' }).notNull(),
});
