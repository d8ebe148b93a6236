import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { workingDeadlines } from './schema.js';
import type { TrackedDeadline } from './registry.js';

export interface DeadlineFacts { rowId: string; centerId: string; startOn: string; workingDays: number }

/**
 * The one way to store a working-day deadline of a registered column: `workingDays` working
 * days after `startOn` on the center's calendar. Keeps the facts so a calendar change
 * recounts it; the caller stores the returned date in its column in the same transaction.
 */
export async function setWorkingDeadline(tx: Tx, spec: TrackedDeadline, calendar: WorkCalendar, f: DeadlineFacts): Promise<string> {
  const due = calendar.addWorkingDays(f.startOn, f.workingDays).date;
  await tx.execute(trackDeadlinesSql(spec, [{ ...f, due }])!);
  return due;
}

/** The same for many rows whose dates the caller computed (batch writers; for writeTogether). Null when empty. */
export function trackDeadlinesSql(spec: TrackedDeadline, list: readonly (DeadlineFacts & { due: string })[]) {
  if (list.length === 0) return null;
  const values = list.map((f) => ({ kind: spec.kind, row_id: f.rowId, center_id: f.centerId, start_on: f.startOn, working_days: f.workingDays, due: f.due }));
  return sql`insert into ${workingDeadlines} (kind, row_id, center_id, start_on, working_days, due)
    select kind, row_id, center_id, start_on, working_days, due
      from json_to_recordset(${JSON.stringify(values)}::json) as v(kind text, row_id uuid, center_id uuid, start_on date, working_days int, due date)
    on conflict (kind, row_id) do update set center_id = excluded.center_id, start_on = excluded.start_on, working_days = excluded.working_days, due = excluded.due`;
}

/** Keeps the facts of a deadline the caller computed and stores itself (a row inserted just now). */
export async function trackDeadline(tx: Tx, spec: TrackedDeadline, f: DeadlineFacts & { due: string }): Promise<void> {
  await tx.execute(trackDeadlinesSql(spec, [f])!);
}
