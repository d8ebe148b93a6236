/**
 * The light sweep (domain §6): reads only the cases whose next light change is due — the
 * index of `case_light_queue` — never all open cases. For each it recomputes the clock
 * from the case's facts, moves its next change in the queue, rewrites the clock columns of
 * `cases` only where they changed (the morning a light changes they normally do not: due
 * dates move only with pauses, and the stored yellow day stays), and records the ladder
 * step of the new light (once per case and light).
 *
 * Why the case `version` is NOT bumped: version is the optimistic-lock token of people
 * editing a case; the sweep changes no fact of the case, only columns derived from the
 * facts and today. Bumping it would make every user with the case open fail with
 * version_conflict the morning it turns yellow. Concurrency is still safe: the sweep takes
 * the row lock (SKIP LOCKED — a case being acted on is left for the next run), and
 * actOnCase recomputes the same derived columns from the same facts under the same lock,
 * so whichever writes last writes the right values. `updated_at` is left alone for the
 * same reason (it is the last change by a person or a case transition).
 */
import { and, asc, inArray, isNull, lt, lte, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { calendarFor } from '../core/calendar/service.js';
import { computeClock } from '../core/clock/clock.js';
import { appendAuditMany } from '../core/audit/audit.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { users } from '../core/auth/schema.js';
import { caseLightQueue, cases } from '../cases/schema.js';
import { clockColumns, clockInput, nextChangeOf, pausesJson } from '../cases/repo.js';
import { ladderSteps } from './schema.js';
import { chunks, noticesFor, recordLadderSteps, uniq } from './steps.js';
import { settingsFor, type SupervisionSettings } from './settings.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { announce, CHANNEL } from './bus.js';
import { LOCK } from '../core/locks.js';

/** Cases per run; a larger backlog (a settings change) drains over the following runs. */
export const SWEEP_BATCH = 20_000;

/** The columns the clock and the ladder read: not the wide ones (form data, applicant). */
const SWEEP_COLUMNS = {
  id: cases.id, centerId: cases.centerId, departmentId: cases.departmentId, state: cases.state, kind: cases.kind, caseNo: cases.caseNo, itemName: cases.itemName,
  itemCode: cases.itemCode, itemId: cases.itemId, itemVersion: cases.itemVersion, stepIndex: cases.stepIndex, assigneeId: cases.assigneeId,
  coordinatorId: cases.coordinatorId, acceptedOn: cases.acceptedOn, promisedDue: cases.promisedDue, statutoryDue: cases.statutoryDue,
  yellowOn: cases.yellowOn, paused: cases.paused, promisedLimit: cases.promisedLimit,
  statutoryLimit: cases.statutoryLimit, extensionDays: cases.extensionDays, closedOn: cases.closedOn,
};

/** Milliseconds per phase of one sweep (the benchmark's breakdown; nothing is measured without it). */
export type SweepPhases = Record<string, number>;
export type Mark = (phase: string) => void;
export function phaseMarker(phases?: SweepPhases): Mark {
  if (!phases) return () => {};
  let t = performance.now();
  return (phase) => { const n = performance.now(); phases[phase] = (phases[phase] ?? 0) + n - t; t = n; };
}

export async function sweepLights(ctx: AppContext, tx: Tx, batch = SWEEP_BATCH, phases?: SweepPhases): Promise<number> {
  const mark = phaseMarker(phases);
  const today = ctx.today();
  const now = ctx.now();
  // One statement: the due queue entries with their cases (locked; a case being acted on
  // is left for the next run), their pauses (a correlated subquery on the case_pauses
  // index), the lights already on the ladder, and the case row's ctid so a rewrite below
  // reaches it without a primary-key probe (the row lock held to commit keeps the tuple
  // where it is).
  const due = await tx.select({
    ...SWEEP_COLUMNS,
    tid: sql<string>`${cases}.ctid::text`,
    pauses: pausesJson(),
    recorded: sql<string[] | null>`(select json_agg(s.light) from ${ladderSteps} s where s.case_id = ${cases}.id)`,
  }).from(caseLightQueue).innerJoin(cases, eq(cases.id, caseLightQueue.caseId)).where(lte(caseLightQueue.nextChangeOn, today))
    .orderBy(asc(caseLightQueue.nextChangeOn)).limit(batch).for('update', { of: [cases, caseLightQueue], skipLocked: true });
  mark('select');
  if (due.length === 0) return 0;
  const centerIds = uniq(due.map((r) => r.centerId));
  const perCenter = new Map<string, { calendar: WorkCalendar; settings: SupervisionSettings }>();
  for (const id of centerIds) perCenter.set(id, { calendar: await calendarFor(tx, id), settings: await settingsFor(tx, id) });
  mark('settings');

  // computeClock is a pure function of (calendar, facts, today): cases of one center with the
  // same facts (accepted the same day under the same limits, no pause…) share one computation.
  const clocks = new Map<string, ReturnType<typeof computeClock>>();
  const moved = due.map((row) => {
    const { calendar, settings } = perCenter.get(row.centerId)!;
    // clockInput is clockOf's own input builder: the same facts, the same rules.
    const input = clockInput(row, row.acceptedOn ? row.pauses : [], today, settings);
    const key = `${row.centerId}|${JSON.stringify(input)}`;
    let clock = clocks.get(key);
    if (!clock) clocks.set(key, clock = computeClock(calendar, input));
    const columns = clockColumns(clock, row, today);
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).some((k) => columns[k] !== row[k]);
    return { ...row, ...columns, nextChangeOn: nextChangeOf(clock), changed };
  });
  mark('clock');
  // The queue moves for every due case; `cases` is rewritten only where a clock column
  // changed (see the note on version above). One statement each from a JSON record set,
  // and the boards' NOTIFY: run inside the ladder's final statement when it writes steps,
  // else on their own (one round trip each).
  // (Plain statements, no WITH of their own: they may become WITH sub-statements.)
  const queue = chunks(moved.filter((r) => r.nextChangeOn !== null), 5000).map((part) => sql`
      update ${caseLightQueue} q set next_change_on = v.nc
        from json_to_recordset(${JSON.stringify(part.map((r) => ({ id: r.id, nc: r.nextChangeOn })))}::json) as v(id uuid, nc date)
       where q.case_id = v.id`);
  const ended = chunks(moved.filter((r) => r.nextChangeOn === null), 5000).map((part) => sql`
      delete from ${caseLightQueue} q using json_array_elements_text(${JSON.stringify(part.map((r) => r.id))}::json) as v(id)
       where q.case_id = v.id::uuid`);
  const rewrites = chunks(moved.filter((r) => r.changed), 5000).map((part) => {
    const data = JSON.stringify(part.map((r) => ({ t: r.tid, pd: r.promisedDue, sd: r.statutoryDue, yo: r.yellowOn, p: r.paused })));
    return sql`
      update ${cases} c set promised_due = v.pd, statutory_due = v.sd, yellow_on = v.yo, paused = v.p
        from json_to_recordset(${data}::json) as v(t text, pd date, sd date, yo date, p boolean)
       where c.ctid = v.t::tid`;
  });
  const updates = [...queue, ...ended, ...rewrites];
  const notify = sql`pg_notify(${CHANNEL}, ${JSON.stringify(centerIds)})`;
  let ran = false;
  await recordLadderSteps(tx, moved, today, now, {
    centers: perCenter, mark, recorded: new Map(due.map((r) => [r.id, r.recorded ?? []])),
    also: { statements: updates, expressions: [notify], ran: () => { ran = true; } },
  });
  if (!ran) {
    for (const u of updates) await tx.execute(u);
    await tx.execute(sql`select ${notify}`);
  }
  mark('update');
  return moved.length;
}

/**
 * Supervision orders not answered within the center's answer days escalate to the
 * department's leader(s) — once (escalated_at), read by a partial index on open orders.
 */
export async function escalateOrders(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const now = ctx.now();
  const late = await tx.select().from(ladderSteps)
    .where(and(eq(ladderSteps.kind, 'order'), isNull(ladderSteps.answeredAt), isNull(ladderSteps.escalatedAt), lt(ladderSteps.answerDue, today)))
    .limit(5000).for('update', { skipLocked: true });
  if (late.length === 0) return 0;
  const leaders = await tx.select({ id: users.id, role: users.role, departmentId: users.departmentId, centerId: users.centerId, phone: users.phone, displayName: users.displayName })
    .from(users).where(and(eq(users.active, true), eq(users.role, 'leader'), inArray(users.departmentId, uniq(late.map((s) => s.departmentId)))));
  const nowIso = now.toISOString();
  for (const part of chunks(late.map((s) => s.id), 5000)) await tx.update(ladderSteps).set({ escalatedAt: nowIso }).where(inArray(ladderSteps.id, part));
  const notices = late.flatMap((s) => leaders.filter((l) => l.departmentId === s.departmentId).flatMap((l) => noticesFor(l, 'supervision.escalated', {
    caseId: s.caseId, caseNo: s.snapshot.caseNo, itemName: s.snapshot.itemName, stepId: s.id, docNo: s.docNo, answerDue: s.answerDue,
  })));
  await enqueue(tx, notices, now);
  await appendAuditMany(tx, late.map((s) => ({
    actorId: null, actorRole: 'system', action: 'supervision.escalate', entityType: 'ladderStep', entityId: s.id,
    before: { answerDue: s.answerDue }, after: { escalatedTo: leaders.filter((l) => l.departmentId === s.departmentId).map((l) => l.id) }, at: now,
  })));
  await announce(tx, uniq(late.map((s) => s.centerId)));
  return late.length;
}

export const lightSweepJob: Job = { name: 'supervision-lights', lockKey: LOCK.supervisionLights, everyMs: 60_000, run: (ctx, tx) => sweepLights(ctx, tx) };
export const escalationJob: Job = { name: 'supervision-escalation', lockKey: LOCK.supervisionEscalation, everyMs: 10 * 60_000, run: escalateOrders };
