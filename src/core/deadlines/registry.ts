/**
 * Deadlines follow the calendar — the registry. Every column that stores a date counted in
 * working days is declared here by its module (the list is src/deadlines.ts), one of two ways:
 * - `tracked`: the module writes the deadline with `setWorkingDeadline` (start day + N working
 *   days on the center's calendar, facts kept in `working_deadlines`); the generic
 *   recalculation (recalc.ts) recounts it after a calendar change while the row is `open`,
 *   rewrites the column (and the columns derived from it), and writes the move event, the
 *   audit row and the module's notices;
 * - `engine`: a module with its own recalculation (the case engine, src/cases/recalc.ts)
 *   names the columns it keeps in step.
 * src/deadlines.test.ts fails when a date column named like a deadline (`due`, `*_due`,
 * `*_by`) is in neither list, or when a file counts working days without being known.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Notice } from '../outbox/enqueue.js';

/** One deadline moved by a calendar change. */
export interface DeadlineMove { rowId: string; centerId: string; startOn: string; from: string; to: string }

export interface TrackedDeadline {
  way: 'tracked';
  /** Unique key, `module.entity.column`, stored in `working_deadlines.kind`. */
  kind: string;
  /** 中文 name of the deadline, for the move notice. */
  label: string;
  table: PgTable;
  /** The row's uuid primary key. */
  id: PgColumn;
  column: PgColumn;
  /** Audit entity type of the row (`complaint`, `ladderStep` …). */
  entityType: string;
  /** While this holds for the row the deadline still matters (a closed complaint's due date stays as it was). */
  open: SQL;
  /** Columns computed from the deadline (a yellow-light day), recomputed with it. */
  derived?: { column: PgColumn; compute: (calendar: WorkCalendar, startOn: string, due: string) => string | null }[];
  /** Who is told, in the same transaction (the module reads what it needs about the rows). */
  notices?: (tx: Tx, moves: readonly DeadlineMove[]) => Promise<Notice[]>;
}

export interface EngineDeadline {
  way: 'engine';
  /** Where the recalculation lives (for the reader of the registry). */
  engine: string;
  table: PgTable;
  columns: PgColumn[];
}

export type StoredDeadline = TrackedDeadline | EngineDeadline;

/** The in-app notice of a moved deadline to staff (template `deadline.moved`). */
export function movedNotices(spec: Pick<TrackedDeadline, 'label'>, recipients: readonly string[], ref: string, m: DeadlineMove, link: string | null = null): Notice[] {
  return [...new Set(recipients)].map((id) => ({ channel: 'inApp', recipientUserId: id, template: 'deadline.moved', payload: { label: spec.label, ref, from: m.from, to: m.to, link } }));
}
