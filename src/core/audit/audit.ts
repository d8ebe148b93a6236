import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/index.js';
import { auditEvents } from './schema.js';

export interface AuditInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export const GENESIS = '0'.repeat(64);
/** One chain for the whole installation; the transaction-scoped lock keeps it linear. */
const CHAIN_LOCK = 727002;

/** Canonical JSON (sorted keys) so the hash does not depend on key order after a jsonb round trip. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  actorId: string | null; actorRole: string | null; action: string; entityType: string; entityId: string;
  before: unknown; after: unknown; at: string;
}

export function rowHash(prevHash: string, r: HashedFields): string {
  const body = canonical([r.actorId, r.actorRole, r.action, r.entityType, r.entityId, r.before ?? null, r.after ?? null, r.at]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Appends one audit row inside the caller's transaction (the state change and its audit commit together). */
export async function appendAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const fields: HashedFields = {
    actorId: e.actorId, actorRole: e.actorRole, action: e.action, entityType: e.entityType, entityId: e.entityId,
    before: e.before ?? null, after: e.after ?? null, at: e.at.toISOString(),
  };
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: rowHash(prevHash, fields) });
}

/**
 * Takes the chain's lock now (held to commit). A batch job that also locks other rows
 * (counters) takes this first, in the same order as a case action (audit row, then hooks).
 */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
}

/** A chained audit row ready to insert (snake_case, as the bulk insert reads it). */
export interface ChainedAuditRow {
  actor_id: string | null; actor_role: string | null; action: string; entity_type: string; entity_id: string;
  before: unknown; after: unknown; at: string; prev_hash: string; hash: string; n: number;
}

/**
 * The chain's current head, as an SQL expression. Read it in a statement that runs AFTER
 * `lockAuditChain` (a statement's snapshot is taken when it starts: the lock must already
 * be held, so it cannot be taken in the same statement).
 */
export const auditHeadSql = () => sql`coalesce((select hash from audit_events order by id desc limit 1), ${GENESIS})`;

/** Hashes `list` onto the chain after `prevHash` (pure: nothing is written). */
export function chainAuditRows(prevHash: string, list: readonly AuditInput[]): ChainedAuditRow[] {
  let prev = prevHash;
  return list.map((e, i) => {
    const fields: HashedFields = {
      actorId: e.actorId, actorRole: e.actorRole, action: e.action, entityType: e.entityType, entityId: e.entityId,
      before: e.before ?? null, after: e.after ?? null, at: e.at.toISOString(),
    };
    const hash = rowHash(prev, fields);
    const row = { actor_id: fields.actorId, actor_role: fields.actorRole, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId, before: fields.before, after: fields.after, at: fields.at, prev_hash: prev, hash, n: i };
    prev = hash;
    return row;
  });
}

/**
 * The INSERT of chained rows as one statement with one JSON parameter (usable as a WITH
 * sub-statement); ids are drawn in array order (ORDER BY n), so the chain stays linear.
 * The caller holds the chain lock and read the head after taking it.
 */
export function auditInsertSql(rows: readonly ChainedAuditRow[]) {
  return sql`
    insert into audit_events (actor_id, actor_role, action, entity_type, entity_id, before, after, at, prev_hash, hash)
    select actor_id, actor_role, action, entity_type, entity_id, before, after, at, prev_hash, hash
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(actor_id uuid, actor_role text, action text, entity_type text,
           entity_id text, before jsonb, after jsonb, at timestamptz, prev_hash text, hash text, n int)
     order by n`;
}

/** Appends several audit rows in one statement (batch jobs); same chain, same lock as appendAudit. */
export async function appendAuditMany(tx: Tx, list: readonly AuditInput[]): Promise<void> {
  if (list.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  await tx.execute(auditInsertSql(chainAuditRows(last?.hash ?? GENESIS, list)));
}

export interface VerifyResult { ok: boolean; checked: number; brokenAt?: number; reason?: string }

/** Walks the chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: Queryable, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(batch);
    if (page.length === 0) return { ok: true, checked };
    for (const r of page) {
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: r.id, reason: 'prev_hash does not match the previous row' };
      const at = new Date(r.at).toISOString();
      if (rowHash(prev, { ...r, at }) !== r.hash) return { ok: false, checked, brokenAt: r.id, reason: 'row content does not match its hash' };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
}
