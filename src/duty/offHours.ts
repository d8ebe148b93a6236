/**
 * Anomaly "case handled outside office hours by a person not on duty" (domain §6): a staff
 * action on a case at a time the center is closed (a non-working day, or outside the day's
 * office hours) by someone with no duty-roster entry (延时服务 / weekend duty) covering that
 * time. Reads case events after its own cursor (the same overlap idea as the main scan), so
 * imported events are judged too.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { dateInZone } from '../core/now.js';
import { appendAuditMany } from '../core/audit/audit.js';
import { calendarFor } from '../core/calendar/service.js';
import { anomalies, scanCursors } from '../supervision/schema.js';
import { dutyRosters } from './schema.js';
import { localTime, settingsOf } from './common.js';
import { hoursOn, inHours } from './hours.js';
import { LOCK } from '../core/locks.js';

const CURSOR = 'duty-offhours:case_events';
const BATCH = 5000;
const OVERLAP = 500;
export const STAFF_ACTORS = new Set(['receiver', 'coordinator', 'handler', 'chiefRep', 'leader']);

export interface Handling { caseId: string; seq: number; action: string; actorId: string | null; actorRole: string; day: string; time: string }

/** Pure: the finding for one event, given whether the center was open and whether the actor was on a roster then. */
export function handledOffDuty(e: Handling, open: boolean, onDuty: boolean) {
  if (!e.actorId || !STAFF_ACTORS.has(e.actorRole) || open || onDuty) return null;
  return { rule: 'handledOffDuty' as const, subject: `case:${e.caseId}:event:${e.seq}`, evidence: { action: e.action, actorId: e.actorId, actorRole: e.actorRole, day: e.day, time: e.time } };
}

interface Raw { id: number; case_id: string; seq: number; at: string; actor_id: string | null; actor_role: string; action: string; center_id: string; department_id: string }

export async function scanOffHours(ctx: AppContext, tx: Tx): Promise<number> {
  const tz = ctx.config.timeZone;
  const [cur] = await tx.select().from(scanCursors).where(eq(scanCursors.name, CURSOR));
  const from = Math.max(0, (cur?.lastId ?? 0) - OVERLAP);
  const batch = await rows<Raw>(tx, sql`
    select e.id, e.case_id, e.seq, e.at, e.actor_id, e.actor_role, e.action, c.center_id, c.department_id
      from case_events e join cases c on c.id = e.case_id where e.id > ${from} order by e.id limit ${BATCH}`);
  const staff = batch.filter((r) => r.actor_id && STAFF_ACTORS.has(r.actor_role));
  const found: { rule: string; subject: string; centerId: string; departmentId: string; caseId: string; evidence: Record<string, unknown> }[] = [];
  if (staff.length) {
    const facts = staff.map((r) => { const at = new Date(r.at); return { r, e: { caseId: r.case_id, seq: r.seq, action: r.action, actorId: r.actor_id, actorRole: r.actor_role, day: dateInZone(at, tz), time: localTime(at, tz) } }; });
    const minDay = facts.reduce((m, f) => (f.e.day < m ? f.e.day : m), facts[0].e.day);
    const actors = [...new Set(facts.map((f) => f.e.actorId!))];
    const rosters = await tx.select().from(dutyRosters).where(and(inArray(dutyRosters.userId, actors), gte(dutyRosters.day, minDay)));
    const settings = new Map<string, Awaited<ReturnType<typeof settingsOf>>>();
    for (const { r, e } of facts) {
      if (!settings.has(r.center_id)) settings.set(r.center_id, await settingsOf(tx, r.center_id));
      const cal = await calendarFor(tx, r.center_id);
      const open = cal.isWorkingDay(e.day) && inHours(e.time, hoursOn(e.day, settings.get(r.center_id)!));
      const onDuty = rosters.some((x) => x.userId === e.actorId && x.day === e.day && x.fromTime <= e.time && e.time < x.toTime);
      const f = handledOffDuty(e, open, onDuty);
      if (f) found.push({ ...f, centerId: r.center_id, departmentId: r.department_id, caseId: r.case_id });
    }
  }
  const now = ctx.now();
  const written = found.length ? await tx.insert(anomalies).values(found.map((f) => ({ ...f, detectedAt: now.toISOString() }))).onConflictDoNothing().returning({ id: anomalies.id, subject: anomalies.subject }) : [];
  await appendAuditMany(tx, written.map((w) => ({ actorId: null, actorRole: 'system', action: 'anomaly.detect', entityType: 'anomaly', entityId: w.id, after: { rule: 'handledOffDuty', subject: w.subject }, at: now })));
  const last = batch.length ? Number(batch[batch.length - 1].id) : cur?.lastId ?? 0;
  if (last > (cur?.lastId ?? 0)) await tx.insert(scanCursors).values({ name: CURSOR, lastId: last }).onConflictDoUpdate({ target: scanCursors.name, set: { lastId: last } });
  return written.length;
}

export const offHoursJob: Job = { name: 'duty-off-hours', lockKey: LOCK.dutyOffHours, everyMs: 60_000, run: scanOffHours };
