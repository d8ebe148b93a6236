/**
 * The anomaly scan: reads case events appended since its cursor (plus a small overlap)
 * and the published catalog, applies the rules and records each finding once. It reads
 * stored data only, so anomalies in rows written by an import or another system are found
 * the same way as those made through the API.
 *
 * The overlap: event ids are taken at insert but become visible at commit, so an event
 * with a lower id can appear after a higher one was read. Re-reading the last OVERLAP ids
 * each run (rules are idempotent) covers transactions that commit within that many
 * events of each other; a longer-running writer could still slip past (known limit).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import { rows } from '../../core/db/index.js';
import type { Job } from '../../core/scheduler.js';
import { dateInZone } from '../../core/now.js';
import { appendAuditMany } from '../../core/audit/audit.js';
import { users } from '../../core/auth/schema.js';
import type { Limit } from '../../catalog/types.js';
import { itemVersionOf } from '../../cases/repo.js';
import { caseEvents, cases } from '../../cases/schema.js';
import { serviceItems } from '../../catalog/schema.js';
import { anomalies, scanCursors } from '../schema.js';
import { chunks, uniq } from '../steps.js';
import { announce } from '../bus.js';
import {
  acceptanceOutsideCenter, decisionWithoutAcceptance, excessVisits, promisedOverStatutory, refusalWithoutReasons, repeatedExtension,
  secondSupplementNotice, isVisit, type EventFact, type Finding,
} from './rules.js';
import { LOCK } from '../../core/locks.js';

const CURSOR = 'anomaly-scan:case_events';
export const SCAN_BATCH = 5000;
export const OVERLAP = 500;
const INTERESTING = new Set(['decide', 'accept', 'acceptConditional', 'notifySupplement', 'refuse', 'return', 'approveExtension', 'submit', 'supply', 'deliver']);

interface RawEvent { id: number; seq: number; case_id: string; at: string; actor_id: string | null; actor_role: string; action: string; data: Record<string, unknown> }

export async function scanAnomalies(ctx: AppContext, tx: Tx): Promise<number> {
  const now = ctx.now();
  const tz = ctx.config.timeZone;
  const fact = (r: RawEvent): EventFact => {
    const at = new Date(r.at).toISOString();
    return { id: Number(r.id), seq: r.seq, caseId: r.case_id, at, on: dateInZone(new Date(at), tz), actorId: r.actor_id, actorRole: r.actor_role, action: r.action, data: r.data ?? {} };
  };
  const [cur] = await tx.select().from(scanCursors).where(eq(scanCursors.name, CURSOR));
  const from = Math.max(0, (cur?.lastId ?? 0) - OVERLAP);
  const batch = (await rows<RawEvent>(tx, sql`select id, seq, case_id, at, actor_id, actor_role, action, data from case_events where id > ${from} order by id limit ${SCAN_BATCH}`)).map(fact);
  const found: (Finding & { caseId: string | null; centerId: string | null; departmentId: string | null })[] = [];

  const hot = batch.filter((e) => INTERESTING.has(e.action));
  const caseIds = uniq(hot.map((e) => e.caseId));
  if (caseIds.length) {
    const caseRows = await tx.select().from(cases).where(inArray(cases.id, caseIds));
    const byCase = new Map(caseRows.map((c) => [c.id, c]));
    const all = new Map<string, EventFact[]>();
    for (const part of chunks(caseIds, 2000)) {
      const got = await tx.select().from(caseEvents).where(inArray(caseEvents.caseId, part)).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
      for (const r of got.map((g) => fact({ id: g.id, seq: g.seq, case_id: g.caseId, at: g.at, actor_id: g.actorId, actor_role: g.actorRole, action: g.action, data: g.data }))) all.set(r.caseId, [...(all.get(r.caseId) ?? []), r]);
    }
    const actorIds = uniq(hot.filter((e) => e.actorId && (e.action === 'accept' || e.action === 'acceptConditional')).map((e) => e.actorId!));
    const actorCenter = new Map((actorIds.length ? await tx.select({ id: users.id, centerId: users.centerId }).from(users).where(inArray(users.id, actorIds)) : []).map((u) => [u.id, u.centerId]));
    const itemCenter = new Map((await tx.select({ id: serviceItems.id, centerId: serviceItems.centerId }).from(serviceItems).where(inArray(serviceItems.id, uniq(caseRows.map((c) => c.itemId))))).map((r) => [r.id, r.centerId]));
    for (const e of hot) {
      const c = byCase.get(e.caseId);
      if (!c) continue;
      const events = all.get(e.caseId) ?? [];
      const guide = await itemVersionOf(tx, c);
      const acceptedIn = e.actorId ? actorCenter.get(e.actorId) ?? c.centerId : c.centerId;
      const results = [
        decisionWithoutAcceptance(e, events, c.acceptedOn),
        acceptanceOutsideCenter(e, { centerId: itemCenter.get(c.itemId) ?? c.centerId, entryMode: guide.entryMode }, acceptedIn),
        secondSupplementNotice(e, events),
        refusalWithoutReasons(e),
        isVisit(e) ? excessVisits(e, events, guide.maxVisits, c.channel) : null,
        repeatedExtension(e, events),
      ];
      for (const f of results) if (f) found.push({ ...f, caseId: c.id, centerId: c.centerId, departmentId: c.departmentId });
    }
  }

  // The published catalog is small (thousands of items): checked whole every run.
  const published = await rows<{ item_id: string; version: number; code: string; center_id: string; department_id: string; promised: Limit; statutory: Limit }>(tx, sql`
    select v.item_id, v.version, i.code, i.center_id, i.department_id, v.data->'promisedLimit' as promised, v.data->'statutoryLimit' as statutory
      from service_items i join service_item_versions v on v.item_id = i.id and v.version = i.published_version`);
  for (const p of published) {
    const f = promisedOverStatutory({ itemId: p.item_id, version: p.version, code: p.code, promisedLimit: p.promised, statutoryLimit: p.statutory });
    if (f) found.push({ ...f, caseId: null, centerId: p.center_id, departmentId: p.department_id });
  }

  let written: { id: string; rule: string; subject: string; centerId: string | null }[] = [];
  for (const part of chunks(found, 1000)) {
    written = written.concat(await tx.insert(anomalies).values(part.map((f) => ({
      rule: f.rule, subject: f.subject, centerId: f.centerId, departmentId: f.departmentId, caseId: f.caseId, evidence: f.evidence, detectedAt: now.toISOString(),
    }))).onConflictDoNothing().returning({ id: anomalies.id, rule: anomalies.rule, subject: anomalies.subject, centerId: anomalies.centerId }));
  }
  await appendAuditMany(tx, written.map((w) => ({ actorId: null, actorRole: 'system', action: 'anomaly.detect', entityType: 'anomaly', entityId: w.id, after: { rule: w.rule, subject: w.subject }, at: now })));
  const last = batch.length ? batch[batch.length - 1].id : cur?.lastId ?? 0;
  if (last > (cur?.lastId ?? 0)) {
    await tx.insert(scanCursors).values({ name: CURSOR, lastId: last }).onConflictDoUpdate({ target: scanCursors.name, set: { lastId: last } });
  }
  await announce(tx, uniq(written.map((w) => w.centerId).filter((x): x is string => !!x)));
  return written.length;
}

export const anomalyScanJob: Job = { name: 'supervision-anomalies', lockKey: LOCK.supervisionAnomalies, everyMs: 60_000, run: scanAnomalies };
