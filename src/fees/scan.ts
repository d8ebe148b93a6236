/**
 * The fee anomaly scan: like the case-event scan, it reads stored payments — whoever wrote
 * them (the API, an import, a bank interface) — since its cursor (with an overlap for
 * transactions that commit late) and records each finding once. A payment made through the
 * API has its findings recorded in its own transaction already; finding them again is a no-op.
 */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { appendAuditMany } from '../core/audit/audit.js';
import { itemVersionOf } from '../cases/repo.js';
import { anomalies, scanCursors } from '../supervision/schema.js';
import { announce } from '../supervision/bus.js';
import { feeFindings } from './rules.js';
import type { PaymentChannel } from './types.js';
import { LOCK } from '../core/locks.js';

const CURSOR = 'fee-anomalies:fee_payments';
const BATCH = 2000;
/** Re-read the last 10 minutes of payments each run (rules are idempotent). */
const OVERLAP_MS = 10 * 60_000;

interface Row {
  id: string; case_id: string; case_no: string; item_name: string; item_id: string; item_version: number; center_id: string; department_id: string;
  amount_fen: number; channel: PaymentChannel; reference: string; recorded_by: string; recorded_role: string; recorded_at: string;
  notice_fen: number | null; paid_before: number;
}

export async function scanFeeAnomalies(ctx: AppContext, tx: Tx): Promise<number> {
  const now = ctx.now();
  const [cur] = await tx.select().from(scanCursors).where(eq(scanCursors.name, CURSOR));
  const since = new Date(Math.max(0, (cur?.lastId ?? 0) - OVERLAP_MS)).toISOString();
  const batch = await rows<Row>(tx, sql`
    select p.id, p.case_id, c.case_no, c.item_name, c.item_id, c.item_version, p.center_id, p.department_id, p.amount_fen, p.channel, p.reference,
           p.recorded_by, u.role as recorded_role, p.recorded_at::text as recorded_at, n.amount_fen as notice_fen,
           coalesce((select sum(e.amount_fen) from fee_payments e where e.notice_id = p.notice_id and (e.recorded_at, e.id) < (p.recorded_at, p.id)), 0)::int as paid_before
      from fee_payments p join cases c on c.id = p.case_id join users u on u.id = p.recorded_by left join fee_notices n on n.id = p.notice_id
     where p.recorded_at >= ${since} order by p.recorded_at, p.id limit ${BATCH}`);
  const found = [];
  for (const p of batch) {
    const guide = await itemVersionOf(tx, { itemId: p.item_id, itemVersion: p.item_version });
    for (const f of feeFindings({ id: p.id, caseId: p.case_id, amountFen: p.amount_fen, channel: p.channel, receiptNo: p.reference, recordedBy: p.recorded_by, recordedRole: p.recorded_role }, guide.fees, p.notice_fen, p.paid_before)) {
      found.push({ rule: f.rule, subject: f.subject, centerId: p.center_id, departmentId: p.department_id, caseId: p.case_id, evidence: { ...f.evidence, caseNo: p.case_no, itemName: p.item_name }, detectedAt: now.toISOString() });
    }
  }
  const written = found.length ? await tx.insert(anomalies).values(found).onConflictDoNothing().returning({ id: anomalies.id, rule: anomalies.rule, subject: anomalies.subject, centerId: anomalies.centerId }) : [];
  await appendAuditMany(tx, written.map((w) => ({ actorId: null, actorRole: 'system', action: 'anomaly.detect', entityType: 'anomaly', entityId: w.id, after: { rule: w.rule, subject: w.subject }, at: now })));
  const last = batch.length ? Date.parse(batch[batch.length - 1].recorded_at) : cur?.lastId ?? 0;
  if (last > (cur?.lastId ?? 0)) await tx.insert(scanCursors).values({ name: CURSOR, lastId: last }).onConflictDoUpdate({ target: scanCursors.name, set: { lastId: last } });
  await announce(tx, [...new Set(written.map((w) => w.centerId).filter((x): x is string => !!x))]);
  return written.length;
}

export const feeAnomalyScanJob: Job = { name: 'fee-anomalies', lockKey: LOCK.feeAnomalies, everyMs: 60_000, run: scanFeeAnomalies };
