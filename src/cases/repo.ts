import { randomInt } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { notFound } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { calendarFor } from '../core/calendar/service.js';
import { computeClock, type ClockInput, type ClockState } from '../core/clock/clock.js';
import { serviceItemVersions } from '../catalog/schema.js';
import type { GuideData } from '../catalog/types.js';
import { caseEvents, caseLightQueue, casePauses, cases, type CaseRow, type PauseFacts } from './schema.js';
import { counters } from '../core/counters/schema.js';
import { handlingSteps, type CaseFacts, type JointFacts } from './machine.js';
import type { ClockSettings } from './settings.js';
import { runCaseHooks } from './hooks.js';
import { caseEngine } from './ports.js';

export type { CaseRow, PauseFacts };

export async function loadCase(db: Queryable, id: string, forUpdate = false): Promise<CaseRow> {
  const q = db.select().from(cases).where(eq(cases.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Case', '办件');
  return row;
}

/** Published item versions never change (an edit makes a new version), so they are cached for good. */
const versionCache = new Map<string, GuideData>();

/** The item version the case was accepted under (never the current catalog). */
export async function itemVersionOf(db: Queryable, row: Pick<CaseRow, 'itemId' | 'itemVersion'>): Promise<GuideData> {
  const key = `${row.itemId}@${row.itemVersion}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const [v] = await db.select({ data: serviceItemVersions.data }).from(serviceItemVersions)
    .where(and(eq(serviceItemVersions.itemId, row.itemId), eq(serviceItemVersions.version, row.itemVersion)));
  if (versionCache.size > 5000) versionCache.clear();
  versionCache.set(key, v.data);
  return v.data;
}

/** `joint`: the parts of a joint case (see joint/parts.ts `jointFacts`). */
export function caseFacts(row: CaseRow, guide: GuideData, joint?: JointFacts): CaseFacts {
  return {
    keyProject: row.keyProject, greenCoordinatorId: row.greenCoordinatorId, joint,
    state: row.state, kind: row.kind, centerId: row.centerId, departmentId: row.departmentId, applicantUserId: row.applicantUserId,
    assigneeId: row.assigneeId, coordinatorId: row.coordinatorId, steps: handlingSteps(guide.procedure), stepIndex: row.stepIndex,
    hasPendingExtension: row.pendingExtension !== null, owedCount: row.owed.length, conditionalAllowed: guide.conditionalAcceptance,
  };
}

/**
 * The JSON of a case's pauses, as a subquery correlated with the `cases` row of the outer
 * statement (statements that read a case read its pauses in the same trip). The table
 * is named explicitly: drizzle leaves a column of a one-table select unqualified, and a
 * bare "id" here would be the pause's.
 */
export const pausesJson = () => sql<PauseFacts[]>`coalesce((select json_agg(json_build_object('startOn', p.start_on, 'endOn', p.end_on,
  'plannedWorkingDays', p.planned_working_days) order by p.id) from ${casePauses} p where p.case_id = ${cases}.id), '[]'::json)`;

/**
 * The case locked for an action, with its pauses and its place in the sweep's queue, in
 * one statement (an action changes the queue only when its next light change moves).
 */
export async function loadForAction(tx: Tx, id: string): Promise<{ row: CaseRow; pauses: PauseFacts[]; queued: string | null }> {
  const [found] = await tx.select({
    row: cases, pauses: pausesJson(),
    queued: sql<string | null>`(select q.next_change_on::text from ${caseLightQueue} q where q.case_id = ${cases}.id)`,
  }).from(cases).where(eq(cases.id, id)).for('update', { of: cases });
  if (!found) throw notFound('Case', '办件');
  return found;
}

export async function pausesOf(db: Queryable, caseId: string) {
  return db.select().from(casePauses).where(eq(casePauses.caseId, caseId)).orderBy(asc(casePauses.id));
}

/** The deadline state of a case on a given day, from its stored facts and its center's settings. */
export async function clockOf(db: Queryable, row: CaseRow, today: string): Promise<ClockState> {
  return clockFrom(db, row, row.acceptedOn ? await pausesOf(db, row.id) : [], today);
}

/** The same, with the case's pauses already read (calendar and settings come from their caches). */
export async function clockFrom(db: Queryable, row: CaseRow, pauses: readonly PauseFacts[], today: string): Promise<ClockState> {
  const [calendar, settings] = await Promise.all([calendarFor(db, row.centerId), caseEngine().clockSettings(db, row.centerId)]);
  return computeClock(calendar, clockInput(row, pauses, today, settings));
}

/** The clock's input from a case row and its pauses (batch readers such as the supervision sweep load pauses themselves). */
export function clockInput(row: Pick<CaseRow, 'acceptedOn' | 'promisedLimit' | 'statutoryLimit' | 'extensionDays' | 'closedOn'>, pauses: readonly PauseFacts[], today: string, settings: ClockSettings): ClockInput {
  return {
    acceptedOn: row.acceptedOn, promisedLimit: row.promisedLimit, statutoryLimit: row.statutoryLimit,
    pauses: pauses.map((p) => ({ startOn: p.startOn, endOn: p.endOn, plannedWorkingDays: p.plannedWorkingDays })),
    extensions: row.extensionDays ? [{ workingDays: row.extensionDays }] : [], today, closedOn: row.closedOn,
    yellowShare: settings.yellowShare, minYellowDays: settings.minYellowDays,
  };
}

/**
 * The stored clock columns (lists filter and sort on them). `yellowOn` is only ever
 * compared with today: a green case stores its coming yellow day; a case already past it
 * keeps the day it stored (so the morning it turns yellow nothing in `cases` changes),
 * or its acceptance day if it never stored one.
 */
export function clockColumns(c: ClockState, row: Pick<CaseRow, 'acceptedOn' | 'yellowOn'>, today: string) {
  return {
    promisedDue: c.promisedDue, statutoryDue: c.statutoryDue, paused: c.paused,
    yellowOn: c.light === 'green' ? c.nextChangeOn : row.yellowOn !== null && row.yellowOn <= today ? row.yellowOn : row.acceptedOn,
  };
}

/** When the light next changes if nothing happens; null once closed (the sweep's queue). */
export const nextChangeOf = (c: ClockState) => (c.closed ? null : c.nextChangeOn);

/** A case's place in the light sweep's queue (no row when nothing is coming), as a write not yet run (awaited, or given to writeTogether). */
export function nextChangeWrite(tx: Tx, caseId: string, on: string | null) {
  if (on === null) return tx.delete(caseLightQueue).where(eq(caseLightQueue.caseId, caseId));
  return tx.insert(caseLightQueue).values({ caseId, nextChangeOn: on })
    .onConflictDoUpdate({ target: caseLightQueue.caseId, set: { nextChangeOn: on }, setWhere: sql`${caseLightQueue.nextChangeOn} <> ${on}::date` });
}

export async function appendEvent(tx: Tx, e: Omit<typeof caseEvents.$inferInsert, 'seq'>): Promise<void> {
  await tx.execute(eventInsert(e));
}

/** The same INSERT, not yet run (for writeTogether): the next seq of the case, under the case's row lock. */
export function eventInsert(e: Omit<typeof caseEvents.$inferInsert, 'seq'>) {
  return sql`
    insert into case_events (case_id, seq, at, actor_id, actor_role, action, from_state, to_state, data)
    select ${e.caseId}, coalesce(max(seq), 0) + 1, ${e.at}, ${e.actorId ?? null}, ${e.actorRole}, ${e.action}, ${e.fromState ?? null}, ${e.toState},
           ${JSON.stringify(e.data ?? {})}::jsonb
      from case_events where case_id = ${e.caseId}`;
}

/**
 * A state change made outside the action table (scheduled jobs, the center's review):
 * the row, its event and its audit row in the caller's transaction.
 */
export async function writeTransition(tx: Tx, row: CaseRow, t: {
  toState: CaseRow['state']; set?: Partial<CaseRow>; nextChangeOn?: string | null; action: string; auditAction: string;
  actor: { id: string | null; role: string }; data: Record<string, unknown>; at: Date; today: string;
  /** When the change is written, if not `at` (a default dated on its due day): the audit row keeps the real time. */
  recordedAt?: Date;
}): Promise<CaseRow> {
  const at = t.at.toISOString();
  const after: CaseRow = { ...row, ...t.set, state: t.toState, version: row.version + 1, updatedAt: at };
  await tx.update(cases).set({ ...t.set, state: t.toState, version: after.version, updatedAt: at }).where(eq(cases.id, row.id));
  if (t.nextChangeOn !== undefined) await nextChangeWrite(tx, row.id, t.nextChangeOn);
  await appendEvent(tx, { caseId: row.id, at, actorId: t.actor.id, actorRole: t.actor.role, action: t.action, fromState: row.state, toState: t.toState, data: t.data });
  await appendAudit(tx, {
    actorId: t.actor.id, actorRole: t.actor.role, action: t.auditAction, entityType: 'case', entityId: row.id,
    before: { state: row.state }, after: { state: t.toState, ...t.data }, at: t.recordedAt ?? t.at,
  });
  await runCaseHooks(caseEngine().hooks, { tx, action: t.action, before: row, after, actor: t.actor, at: t.at, today: t.today, event: t.data });
  return after;
}

/** Next value of a named sequence, safe under concurrency (row lock on the counter). */
export async function nextCounter(tx: Tx, key: string): Promise<number> {
  const [r] = await rows<{ n: number }>(tx, sql`
    insert into ${counters} (key, n) values (${key}, 1)
    on conflict (key) do update set n = ${counters.n} + 1 returning n`);
  return Number(r.n);
}

/**
 * Reserves `n` consecutive values of each named counter in one statement; returns the first
 * value of each. The counter rows stay locked until commit: call it late in the transaction.
 */
export async function reserveCounters(tx: Tx, wanted: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  // Sorted keys: two transactions reserving the same counters lock them in the same order.
  const list = [...wanted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => ({ key, n }));
  const got = await rows<{ key: string; n: number }>(tx, sql`
    insert into ${counters} (key, n) select key, n from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as v(key text, n int) order by key
    on conflict (key) do update set n = ${counters.n} + excluded.n returning key, n`);
  return new Map(got.map((r) => [r.key, Number(r.n) - wanted.get(r.key)! + 1]));
}

/**
 * 办件编号: the center's division code + date + 5-digit daily sequence, e.g. 6205242026112200042
 * at the county, 6205241012026112200042 at a town: the full code keeps the centers of one
 * county (each with its own daily sequence) from issuing the same number. Reserved and
 * written on the (just inserted) case in one statement.
 */
export async function assignCaseNo(tx: Tx, caseId: string, centerId: string, divisionCode: string, today: string): Promise<string> {
  const [r] = await rows<{ case_no: string }>(tx, sql`
    with c as (insert into ${counters} (key, n) values (${`case:${centerId}:${today}`}, 1)
               on conflict (key) do update set n = ${counters.n} + 1 returning n)
    update cases set case_no = ${`${divisionCode}${today.replaceAll('-', '')}`} || lpad(c.n::text, greatest(5, length(c.n::text)), '0')
      from c where cases.id = ${caseId} returning cases.case_no`);
  return r.case_no;
}

/** 6-digit query code given to the applicant with the case number. */
export const newQueryCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
