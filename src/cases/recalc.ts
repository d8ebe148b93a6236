/**
 * Deadlines follow the calendar. A calendar change (a national year published, a holiday
 * corrected, a center's local closure or extra working day) is recorded in its own
 * transaction as a `calendar_changes` row; this module works it off in batches, each batch
 * one transaction:
 * - the open cases whose clock window reaches the changed dates — window start (acceptance,
 *   or receipt for cases not yet accepted) before the last changed date, window end (the
 *   latest of promised due, statutory due, acceptance and pledge deadlines) on or after the
 *   first — found by the `cases_window_end_idx` index, keyset-paged on (window end, id), so
 *   the cost follows the cases touched, not the open cases;
 * - each recomputed from its stored facts on the new calendar; where a date moved: the case
 *   row, its place in the light queue, its joint parts, a case event "due date moved by the
 *   calendar", an audit row, and an SMS to the applicant when the promised due date moved.
 * The change row keeps the cursor, so a restart resumes where the last batch ended.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { auditInsertSql } from '../core/audit/audit.js';
import { outboxInsert, type Notice } from '../core/outbox/enqueue.js';
import { writeTogether } from '../core/db/together.js';
import { calendarFor } from '../core/calendar/service.js';
import { calendarChanges } from '../core/calendar/schema.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { computeClock } from '../core/clock/clock.js';
import type { Job } from '../core/scheduler.js';
import { runExclusive } from '../core/scheduler.js';
import { caseEngine } from './ports.js';
import { cases } from './schema.js';
import { clockColumns, clockInput, itemVersionOf, nextChangeOf, pausesJson, type CaseRow, type PauseFacts } from './repo.js';
import { syncParts } from './joint/parts.js';
import { deadlineRules, engineDeadlines, type DeadlineRules } from './intake.js';
import { invalidateAfter } from './worklistCache.js';
import { LOCK } from '../core/locks.js';

export const RECALC_BATCH = 1000;

/** The index expression (must match cases_window_end_idx to the letter). */
export const windowEnd = sql`greatest(${cases.promisedDue}, ${cases.statutoryDue}, ${cases.acceptBy}, ${cases.owedBy}, ${cases.deemOn})`;

type Dates = Pick<CaseRow, 'promisedDue' | 'statutoryDue' | 'yellowOn' | 'acceptBy' | 'owedBy' | 'deemOn'>;
export interface Recomputed extends Dates { nextChangeOn: string | null }

/** What the stored dates of a case are on this calendar (pure given its inputs). */
export function recompute(row: CaseRow, pauses: readonly PauseFacts[], calendar: WorkCalendar, settings: Parameters<typeof clockInput>[3], rules: DeadlineRules, today: string): Recomputed {
  const clock = computeClock(calendar, clockInput(row, row.acceptedOn ? pauses : [], today, settings));
  const cols = clockColumns(clock, row, today);
  const own = engineDeadlines(calendar, { ...row, promisedDue: cols.promisedDue }, rules);
  return { promisedDue: cols.promisedDue, statutoryDue: cols.statutoryDue, yellowOn: cols.yellowOn, ...own, nextChangeOn: nextChangeOf(clock) };
}

const DATE_KEYS = ['promisedDue', 'statutoryDue', 'yellowOn', 'acceptBy', 'owedBy', 'deemOn'] as const;
const moved = (a: Dates, b: Dates) => DATE_KEYS.filter((k) => a[k] !== b[k]);

interface Change { id: number; scope: string; fromDate: string; toDate: string; cursor: string | null }

/**
 * One batch of the oldest pending change, in the caller's transaction. Returns the cases
 * whose dates moved (0 also when the batch only examined cases or closed the change).
 */
export async function recalcBatch(ctx: AppContext, tx: Tx, batch = RECALC_BATCH): Promise<number> {
  const [change] = await tx.select().from(calendarChanges).where(isNull(calendarChanges.doneAt)).orderBy(asc(calendarChanges.id)).limit(1).for('update', { skipLocked: true });
  if (!change) return 0;
  const found = await affected(tx, change, batch);
  const today = ctx.today();
  const now = ctx.now();
  const nowIso = now.toISOString();
  const writes: Write[] = [];
  // The change may come from another instance: each center's calendar read fresh, once a batch.
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calendarOf = (centerId: string) => calendars.get(centerId) ?? calendars.set(centerId, calendarFor(tx, centerId, { fresh: true })).get(centerId)!;
  for (const { row, pauses, queued, end } of found) {
    // One after another: a transaction's client runs one query at a time (these are cached anyway).
    const calendar = await calendarOf(row.centerId);
    const settings = await caseEngine().clockSettings(tx, row.centerId);
    const guide = await itemVersionOf(tx, row);
    const next = recompute(row, pauses, calendar, settings, deadlineRules(guide), today);
    const keys = moved(row, next);
    if (keys.length || next.nextChangeOn !== queued) writes.push({ row, next, keys, queued, end });
  }
  await writeMoves(tx, writes.filter((w) => w.keys.length), change.id, now);
  await writeQueue(tx, writes.filter((w) => w.next.nextChangeOn !== w.queued));
  for (const w of writes) if (w.row.kind === 'joint' && w.keys.length) await syncParts(tx, { ...w.row, ...pick(w.next) }, today);
  const last = found[found.length - 1];
  await tx.update(calendarChanges).set({
    cursor: last ? `${last.end}|${last.row.id}` : change.cursor,
    examined: sql`${calendarChanges.examined} + ${found.length}`,
    moved: sql`${calendarChanges.moved} + ${writes.filter((w) => w.keys.length).length}`,
    doneAt: found.length < batch ? now : null,
  }).where(eq(calendarChanges.id, change.id));
  if (writes.length) invalidateAfter(tx);
  return writes.filter((w) => w.keys.length).length;
}

const pick = (n: Recomputed): Dates => ({ promisedDue: n.promisedDue, statutoryDue: n.statutoryDue, yellowOn: n.yellowOn, acceptBy: n.acceptBy, owedBy: n.owedBy, deemOn: n.deemOn });

async function affected(tx: Tx, change: Change, batch: number) {
  const [endAfter, idAfter] = change.cursor ? change.cursor.split('|') : [null, null];
  const start = sql`coalesce(${cases.acceptedOn}, ${cases.receivedOn})`;
  const conds = [
    sql`${cases.active}`,
    sql`${windowEnd} >= ${change.fromDate}::date`,
    sql`${start} < ${change.toDate}::date`,
    change.scope ? eq(cases.centerId, change.scope) : undefined,
    endAfter ? sql`(${windowEnd}, ${cases.id}) > (${endAfter}::date, ${idAfter}::uuid)` : undefined,
  ];
  const found = await tx.select({
    row: cases, pauses: pausesJson(), end: sql<string>`${windowEnd}::text`,
    queued: sql<string | null>`(select q.next_change_on::text from case_light_queue q where q.case_id = ${cases}.id)`,
  }).from(cases).where(and(...conds)).orderBy(asc(windowEnd), asc(cases.id)).limit(batch).for('update', { of: cases });
  return found;
}

interface Write { row: CaseRow; next: Recomputed; keys: (typeof DATE_KEYS)[number][]; queued: string | null; end: string }

/** The moved cases' rows, events, audit rows and applicant notices: one statement. */
async function writeMoves(tx: Tx, list: Write[], changeId: number, now: Date) {
  if (list.length === 0) return;
  const at = now.toISOString();
  const values = list.map(({ row, next }) => ({ id: row.id, ...pick(next) }));
  const events = list.map(({ row, next, keys }) => ({
    case_id: row.id, to_state: row.state,
    data: { changeId, moved: Object.fromEntries(keys.map((k) => [k, { from: row[k], to: next[k] }])) },
  }));
  const notices: Notice[] = list.filter((w) => w.keys.includes('promisedDue') && w.next.promisedDue).map(({ row, next }) => ({
    channel: 'sms', recipientUserId: row.applicantUserId, address: row.applicantPhone, template: 'case.dueMoved',
    payload: { caseNo: row.caseNo, queryCode: row.queryCode, itemName: row.itemName, caseId: row.id, from: row.promisedDue, to: next.promisedDue },
  }));
  await writeTogether(tx, [
    sql`update cases c set promised_due = v.promised_due, statutory_due = v.statutory_due, yellow_on = v.yellow_on, accept_by = v.accept_by,
          owed_by = v.owed_by, deem_on = v.deem_on, version = c.version + 1, updated_at = ${at}
        from json_to_recordset(${JSON.stringify(values.map((v) => ({ id: v.id, promised_due: v.promisedDue, statutory_due: v.statutoryDue, yellow_on: v.yellowOn, accept_by: v.acceptBy, owed_by: v.owedBy, deem_on: v.deemOn })))}::json)
          as v(id uuid, promised_due date, statutory_due date, yellow_on date, accept_by date, owed_by date, deem_on date)
       where c.id = v.id`,
    sql`insert into case_events (case_id, seq, at, actor_id, actor_role, action, from_state, to_state, data)
        select v.case_id, (select coalesce(max(e.seq), 0) + 1 from case_events e where e.case_id = v.case_id), ${at}, null, 'system', 'calendarMoved', v.to_state, v.to_state, v.data
          from json_to_recordset(${JSON.stringify(events)}::json) as v(case_id uuid, to_state text, data jsonb)`,
    auditInsertSql(list.map(({ row, next, keys }) => ({
      actorId: null, actorRole: 'system', action: 'case.calendarMoved', entityType: 'case', entityId: row.id,
      before: Object.fromEntries(keys.map((k) => [k, row[k]])), after: { ...Object.fromEntries(keys.map((k) => [k, next[k]])), changeId }, at: now,
    }))),
    outboxInsert(tx, notices, now),
  ]);
}

/** The light queue follows (upsert where a change is coming, delete where none is). */
async function writeQueue(tx: Tx, list: Write[]) {
  const set = list.filter((w) => w.next.nextChangeOn).map((w) => ({ case_id: w.row.id, on: w.next.nextChangeOn }));
  const drop = list.filter((w) => !w.next.nextChangeOn).map((w) => w.row.id);
  await writeTogether(tx, [
    set.length ? sql`insert into case_light_queue (case_id, next_change_on) select v.case_id, v.on from json_to_recordset(${JSON.stringify(set)}::json) as v(case_id uuid, "on" date)
                    on conflict (case_id) do update set next_change_on = excluded.next_change_on` : null,
    drop.length ? sql`delete from case_light_queue where case_id in (select value::uuid from json_array_elements_text(${JSON.stringify(drop)}::json))` : null,
  ]);
}

export const calendarRecalcJob: Job = { name: 'calendar-recalc', lockKey: LOCK.calendarRecalc, everyMs: 5_000, run: (ctx, tx) => recalcBatch(ctx, tx) };

/** Right after a change commits: work off every pending change now (the job resumes if this stops). */
export async function drainCalendarChanges(ctx: AppContext): Promise<void> {
  for (let i = 0; i < 100_000; i++) {
    const pending = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from calendar_changes where done_at is null`);
    if (!pending[0]?.n) return;
    const r = await runExclusive(ctx, calendarRecalcJob);
    if (r === null) return; // another instance holds the job: it will finish the work
  }
}

/**
 * From 1 October: is next year published, and which open cases' due dates lie in a year
 * without national data (their deadlines are a Mon–Fri guess until it is).
 */
export async function calendarWarning(ctx: AppContext, user: { centerScope: string[] }) {
  const today = ctx.today();
  const calendar = await calendarFor(ctx.db, user.centerScope[0]);
  const nextYear = Number(today.slice(0, 4)) + 1;
  const nextKnown = calendar.isKnownYear(nextYear);
  const firstUnknown = `${calendar.knownYears().last + 1}-01-01`;
  const scope = user.centerScope.length ? sql`${cases.centerId} in (${sql.join(user.centerScope.map((c) => sql`${c}::uuid`), sql`, `)})` : sql`false`;
  const list = await ctx.db.select({ id: cases.id, caseNo: cases.caseNo, itemName: cases.itemName, state: cases.state, promisedDue: cases.promisedDue, statutoryDue: cases.statutoryDue, acceptBy: cases.acceptBy })
    .from(cases).where(and(sql`${cases.active}`, sql`${windowEnd} >= ${firstUnknown}::date`, scope)).orderBy(asc(windowEnd), asc(cases.id)).limit(500);
  const inFallback = (d: string | null) => d !== null && !calendar.isKnownYear(Number(d.slice(0, 4)));
  const fallbackCases = list.filter((c) => inFallback(c.promisedDue) || inFallback(c.statutoryDue) || inFallback(c.acceptBy));
  return {
    today, nextYear, nextYearPublished: nextKnown,
    warn: !nextKnown && today.slice(5) >= '10-01',
    fallbackCases,
  };
}
