/**
 * Deadlines follow the calendar — every registered deadline outside the case engine.
 * Works off the same `calendar_changes` rows as the case recalculation, with its own cursor
 * (`deadlines_cursor`, `kind|row id`) so each batch is one transaction and a restart resumes:
 * - the tracked deadlines whose span reaches the changed dates (start before the last changed
 *   day, due on or after the first), of the change's center or all centers;
 * - each recounted on its center's current calendar; where the date moved and the row is still
 *   open: the row's column and the columns derived from it, the facts, a `deadline_moves`
 *   event, an audit row `<entity>.calendarMoved` and the notices the module declares.
 * Facts of rows no longer open are dropped on the way (nothing will move them again).
 */
import { LOCK } from '../locks.js';
import { and, asc, eq, getTableColumns, getTableName, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rows, type Tx } from '../db/index.js';
import { auditInsertSql } from '../audit/audit.js';
import { outboxInsert } from '../outbox/enqueue.js';
import { writeTogether } from '../db/together.js';
import { calendarFor } from '../calendar/service.js';
import { calendarChanges } from '../calendar/schema.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { runExclusive, type Job } from '../scheduler.js';
import { deadlineMoves, workingDeadlines } from './schema.js';
import type { DeadlineMove, StoredDeadline, TrackedDeadline } from './registry.js';

export const DEADLINES_BATCH = 1000;

type Fact = typeof workingDeadlines.$inferSelect;

/** One batch of the oldest change the deadlines have not caught up with, in the caller's transaction. Returns the deadlines moved. */
export async function deadlinesBatch(ctx: AppContext, tx: Tx, registry: readonly StoredDeadline[], batch = DEADLINES_BATCH): Promise<number> {
  const [change] = await tx.select().from(calendarChanges).where(isNull(calendarChanges.deadlinesDoneAt)).orderBy(asc(calendarChanges.id)).limit(1).for('update', { skipLocked: true });
  if (!change) return 0;
  const specs = new Map(registry.filter((d): d is TrackedDeadline => d.way === 'tracked').map((d) => [d.kind, d]));
  const [kindAfter, idAfter] = change.deadlinesCursor ? change.deadlinesCursor.split('|') : [null, null];
  const found = specs.size === 0 ? [] : await tx.select().from(workingDeadlines).where(and(
    inArray(workingDeadlines.kind, [...specs.keys()]),
    gte(workingDeadlines.due, change.fromDate),
    lt(workingDeadlines.startOn, change.toDate),
    change.scope ? eq(workingDeadlines.centerId, change.scope) : undefined,
    kindAfter ? sql`(${workingDeadlines.kind}, ${workingDeadlines.rowId}) > (${kindAfter}, ${idAfter}::uuid)` : undefined,
  )).orderBy(asc(workingDeadlines.kind), asc(workingDeadlines.rowId)).limit(batch).for('update');
  const calendars = new Map<string, WorkCalendar>();
  const calendarOf = async (centerId: string) => calendars.get(centerId) ?? calendars.set(centerId, await calendarFor(tx, centerId, { fresh: true })).get(centerId)!;
  const movedByKind = new Map<string, (DeadlineMove & { fact: Fact })[]>();
  for (const f of found) {
    const to = (await calendarOf(f.centerId)).addWorkingDays(f.startOn, f.workingDays).date;
    if (to === f.due) continue;
    const list = movedByKind.get(f.kind) ?? movedByKind.set(f.kind, []).get(f.kind)!;
    list.push({ rowId: f.rowId, centerId: f.centerId, startOn: f.startOn, from: f.due, to, fact: f });
  }
  let moved = 0;
  for (const [kind, list] of movedByKind) moved += await applyMoves(ctx, tx, specs.get(kind)!, list, change.id, calendarOf);
  const last = found[found.length - 1];
  await tx.update(calendarChanges).set({
    deadlinesCursor: last ? `${last.kind}|${last.rowId}` : change.deadlinesCursor,
    deadlinesMoved: sql`${calendarChanges.deadlinesMoved} + ${moved}`,
    deadlinesDoneAt: found.length < batch ? ctx.now() : null,
  }).where(eq(calendarChanges.id, change.id));
  return moved;
}

/** The moves of one kind: the still-open rows get the new date; the facts of closed rows go. */
async function applyMoves(ctx: AppContext, tx: Tx, spec: TrackedDeadline, list: (DeadlineMove & { fact: Fact })[], changeId: number, calendarOf: (c: string) => Promise<WorkCalendar>): Promise<number> {
  const ids = list.map((m) => m.rowId);
  const openRows = await tx.select({ id: spec.id }).from(spec.table as never).where(and(inArray(spec.id, ids), spec.open)).for('update') as { id: string }[];
  const open = new Set(openRows.map((r) => r.id));
  const closed = ids.filter((id) => !open.has(id));
  const moves = list.filter((m) => open.has(m.rowId));
  const now = ctx.now();
  const derived = spec.derived ?? [];
  const values = [];
  for (const m of moves) {
    const cal = await calendarOf(m.centerId);
    values.push({ id: m.rowId, due: m.to, ...Object.fromEntries(derived.map((d, i) => [`d${i}`, d.compute(cal, m.startOn, m.to)])) });
  }
  const notices = moves.length && spec.notices ? await spec.notices(tx, moves) : [];
  await writeTogether(tx, [
    moves.length ? ownerUpdate(spec, values) : null,
    moves.length ? sql`update ${workingDeadlines} w set due = v.due from json_to_recordset(${JSON.stringify(values.map((v) => ({ id: v.id, due: v.due })))}::json) as v(id uuid, due date)
                        where w.kind = ${spec.kind} and w.row_id = v.id` : null,
    moves.length ? tx.insert(deadlineMoves).values(moves.map((m) => ({ kind: spec.kind, rowId: m.rowId, changeId, fromDue: m.from, toDue: m.to, at: now }))) : null,
    moves.length ? auditInsertSql(moves.map((m) => ({
      actorId: null, actorRole: 'system', action: `${spec.entityType}.calendarMoved`, entityType: spec.entityType, entityId: m.rowId,
      before: { [spec.column.name]: m.from }, after: { [spec.column.name]: m.to, changeId, kind: spec.kind }, at: now,
    }))) : null,
    outboxInsert(tx, notices, now),
    closed.length ? sql`delete from ${workingDeadlines} where kind = ${spec.kind} and row_id in (select value::uuid from json_array_elements_text(${JSON.stringify(closed)}::json))` : null,
  ]);
  return moves.length;
}

/** `update <table> set <column> = v.due, <derived> = v.dN[, version = version + 1] … where id = v.id` */
function ownerUpdate(spec: TrackedDeadline, values: Record<string, unknown>[]): SQL {
  const table = sql.identifier(getTableName(spec.table));
  const derived = spec.derived ?? [];
  const sets = [sql`${sql.identifier(spec.column.name)} = v.due`, ...derived.map((d, i) => sql`${sql.identifier(d.column.name)} = v.${sql.identifier(`d${i}`)}`)];
  // Rows read with optimistic locking see that they changed.
  if ('version' in getTableColumns(spec.table)) sets.push(sql`version = ${table}.version + 1`);
  const shape = [sql`id uuid`, sql`due date`, ...derived.map((_, i) => sql`${sql.identifier(`d${i}`)} date`)];
  return sql`update ${table} set ${sql.join(sets, sql`, `)}
    from json_to_recordset(${JSON.stringify(values)}::json) as v(${sql.join(shape, sql`, `)})
   where ${table}.${sql.identifier(spec.id.name)} = v.id`;
}

export const deadlineRecalcJob = (registry: readonly StoredDeadline[]): Job => ({
  name: 'deadline-recalc', lockKey: LOCK.deadlineRecalc, everyMs: 5_000, run: (ctx, tx) => deadlinesBatch(ctx, tx, registry),
});

/** Right after a change commits: work off every pending change now (the job resumes if this stops). */
export async function drainDeadlineChanges(ctx: AppContext, job: Job): Promise<void> {
  for (let i = 0; i < 100_000; i++) {
    const pending = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from calendar_changes where deadlines_done_at is null`);
    if (!pending[0]?.n) return;
    if ((await runExclusive(ctx, job)) === null) return;
  }
}
