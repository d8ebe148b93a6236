/**
 * The audit chain's sequencer (like a transparency log's): every state change writes its
 * audit row in its own transaction, with no lock; a single sealer then links the committed
 * rows into one hash chain, in `audit_seals` (append-only too), about once a second.
 *
 * Why not chain at insert time: a chain built inside each transaction needs one global lock
 * held from reading the head to the commit, which serialized every case action of the
 * installation (it was the first wait in the lifecycle benchmark).
 *
 * Which rows are ready: each audit row records its transaction id (`txid`, xid8). In one
 * statement the sealer reads the rows whose transaction id is below its snapshot's xmin —
 * every such transaction has ended, so no row of it can still appear — and that it has not
 * sealed yet (after the last sealed (txid, id)). Rows of transactions still running wait
 * for the next round; nothing is skipped, whatever order transactions commit in.
 *
 * What a seal proves: seq N carries hash(prev hash, the row's canonical content); altering,
 * deleting or reordering a sealed row breaks the chain at that row. A row is tamper-evident
 * once sealed (a second or so after commit): `audit verify` seals what is ready first.
 * The horizon is the cluster's: a long transaction anywhere on the server delays sealing
 * (it never skips a row).
 */
import { sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/index.js';
import { rows } from '../db/index.js';
import type { Job } from '../scheduler.js';
import { GENESIS, rowHash } from './audit.js';
import { LOCK } from '../locks.js';

/** One sealer at a time (advisory transaction lock; the scheduler's job takes the same key). */
export const SEAL_LOCK = LOCK.auditSeal;
const BATCH = 20_000;

interface AuditRow {
  id: number; actor_id: string | null; actor_role: string | null; action: string; entity_type: string; entity_id: string;
  before: unknown; after: unknown; at: string; txid: string;
}

const hashOf = (prev: string, r: AuditRow) => rowHash(prev, {
  actorId: r.actor_id, actorRole: r.actor_role, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
  before: r.before, after: r.after, at: new Date(r.at).toISOString(),
});

/** The chain's head: the last seal, if any. */
async function lastSeal(db: Queryable) {
  const [head] = await rows<{ seq: number; hash: string; txid: string; audit_id: number }>(db, sql`
    select seq, hash, txid::text as txid, audit_id from audit_seals order by seq desc limit 1`);
  return head;
}

/** Seals the committed rows not yet in the chain (up to `batch`); returns how many. */
export async function sealAudit(tx: Tx, batch = BATCH): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
  const head = await lastSeal(tx);
  const after = head ? sql`(e.txid, e.id) > (${head.txid}::xid8, ${head.audit_id}::bigint)` : sql`true`;
  const ready = await rows<AuditRow>(tx, sql`
    select e.id, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.before, e.after, e.at, e.txid::text as txid
      from audit_events e
     where ${after} and e.txid < pg_snapshot_xmin(pg_current_snapshot())
     order by e.txid, e.id limit ${batch}`);
  if (ready.length === 0) return 0;
  let prev = head?.hash ?? GENESIS;
  let seq = Number(head?.seq ?? 0);
  const seals = ready.map((r) => {
    const hash = hashOf(prev, r);
    const seal = { seq: ++seq, audit_id: Number(r.id), txid: r.txid, prev_hash: prev, hash };
    prev = hash;
    return seal;
  });
  await tx.execute(sql`
    insert into audit_seals (seq, audit_id, txid, prev_hash, hash, sealed_at)
    select seq, audit_id, txid::xid8, prev_hash, hash, now()
      from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as v(seq bigint, audit_id bigint, txid text, prev_hash text, hash text)`);
  return seals.length;
}

/** Committed audit rows after the last seal (sealed by the next round once their transactions' horizon passes). */
async function unsealedCount(db: Queryable): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from audit_events e
      left join (select txid, audit_id from audit_seals order by seq desc limit 1) h on true
     where h.txid is null or (e.txid, e.id) > (h.txid, h.audit_id)`);
  return Number(r.n);
}

/**
 * Seals everything committed (before a verification). The horizon is the whole cluster's:
 * a transaction still running anywhere on the server holds back rows committed after it
 * began, so this waits up to `waitMs` for such transactions to end.
 */
export async function sealAll(db: Queryable & { transaction: Tx['transaction'] }, waitMs = 5000): Promise<number> {
  const deadline = performance.now() + waitMs;
  let total = 0;
  for (;;) {
    const n = await db.transaction((tx) => sealAudit(tx as Tx));
    total += n;
    if (n === BATCH) continue;
    if ((await unsealedCount(db)) === 0 || performance.now() > deadline) return total;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface VerifyResult {
  ok: boolean;
  /** Sealed rows checked. */
  checked: number;
  /** Audit rows not sealed yet (their transactions were still running, or the sealer has not run). */
  pending: number;
  /** The audit row id where the chain breaks. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the seals in order, recomputing every hash from the audit row it seals. */
export async function verifyAuditChain(db: Queryable, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await rows<AuditRow & { seq: number; audit_id: number; prev_hash: string; hash: string; present: boolean }>(db, sql`
      select s.seq, s.audit_id, s.prev_hash, s.hash, e.id is not null as present,
             e.id, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.before, e.after, e.at, e.txid::text as txid
        from audit_seals s left join audit_events e on e.id = s.audit_id
       where s.seq > ${lastSeq} order by s.seq limit ${batch}`);
    if (page.length === 0) break;
    for (const r of page) {
      const at = Number(r.audit_id);
      if (Number(r.seq) !== lastSeq + 1) return { ok: false, checked, pending: 0, brokenAt: at, reason: `seal ${lastSeq + 1} is missing` };
      if (r.prev_hash !== prev) return { ok: false, checked, pending: 0, brokenAt: at, reason: 'prev_hash does not match the previous seal' };
      if (!r.present) return { ok: false, checked, pending: 0, brokenAt: at, reason: 'the sealed audit row was deleted' };
      if (hashOf(prev, r) !== r.hash) return { ok: false, checked, pending: 0, brokenAt: at, reason: 'row content does not match its hash' };
      prev = r.hash;
      lastSeq = Number(r.seq);
      checked++;
    }
  }
  // Unsealed rows are pending while they sort after the last seal; one sorting before it was
  // slipped into history after that point had been sealed.
  const last = await lastSeal(db);
  const unsealed = sql`not exists (select 1 from audit_seals s where s.audit_id = e.id)`;
  const [{ n, slipped }] = await rows<{ n: number; slipped: number | null }>(db, sql`
    select count(*)::int as n,
           min(e.id) filter (where ${last ? sql`(e.txid, e.id) < (${last.txid}::xid8, ${last.audit_id}::bigint)` : sql`false`}) as slipped
      from audit_events e where ${unsealed}`);
  if (slipped !== null) return { ok: false, checked, pending: Number(n), brokenAt: Number(slipped), reason: 'row added to history after that point was sealed' };
  return { ok: true, checked, pending: Number(n) };
}

/** Seals about once a second, so a committed audit row is tamper-evident within about a second. */
export const auditSealJob: Job = { name: 'audit-seal', lockKey: SEAL_LOCK, everyMs: 1000, quiet: true, run: (_ctx, tx) => sealAudit(tx) };
