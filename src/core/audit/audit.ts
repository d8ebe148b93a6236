import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';

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

/** The previous hash of the chain's first seal. */
export const GENESIS = '0'.repeat(64);

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

/**
 * Appends one audit row inside the caller's transaction (the state change and its audit
 * commit together). No lock: the sealer (seal.ts) links committed rows into the chain.
 */
export async function appendAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.execute(auditInsertSql([e]));
}

/** The INSERT of audit rows as one statement with one JSON parameter (usable as a WITH sub-statement, e.g. in writeTogether). */
export function auditInsertSql(list: readonly AuditInput[]) {
  const values = list.map((e) => ({
    actor_id: e.actorId, actor_role: e.actorRole, action: e.action, entity_type: e.entityType, entity_id: e.entityId,
    before: e.before ?? null, after: e.after ?? null, at: e.at.toISOString(),
  }));
  return sql`
    insert into audit_events (actor_id, actor_role, action, entity_type, entity_id, before, after, at)
    select actor_id, actor_role, action, entity_type, entity_id, before, after, at
      from json_to_recordset(${JSON.stringify(values)}::json) as v(actor_id uuid, actor_role text, action text, entity_type text,
           entity_id text, before jsonb, after jsonb, at timestamptz)`;
}

/** Appends several audit rows in one statement (batch jobs). */
export async function appendAuditMany(tx: Tx, list: readonly AuditInput[]): Promise<void> {
  if (list.length === 0) return;
  await tx.execute(auditInsertSql(list));
}
