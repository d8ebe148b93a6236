import { pgTable, uuid, text, integer, date, timestamp, bigserial, bigint, index, primaryKey } from 'drizzle-orm/pg-core';

/**
 * The facts of every stored working-day deadline outside the case engine: which row and
 * column (`kind`, see src/deadlines.ts), the center whose calendar counts, the day counting
 * starts from and the number of working days. Written with the deadline itself
 * (`setWorkingDeadline`), so the calendar recalculation can recount it when a day changes.
 */
export const workingDeadlines = pgTable('working_deadlines', {
  kind: text('kind').notNull(),
  rowId: uuid('row_id').notNull(),
  centerId: uuid('center_id').notNull(),
  startOn: date('start_on', { mode: 'string' }).notNull(),
  workingDays: integer('working_days').notNull(),
  due: date('due', { mode: 'string' }).notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.rowId] }), index('working_deadlines_due_idx').on(t.due)]);

/** The event of one deadline moved by a calendar change (the case engine writes a case event instead). */
export const deadlineMoves = pgTable('deadline_moves', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  rowId: uuid('row_id').notNull(),
  changeId: bigint('change_id', { mode: 'number' }).notNull(),
  fromDue: date('from_due', { mode: 'string' }).notNull(),
  toDue: date('to_due', { mode: 'string' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [index('deadline_moves_row_idx').on(t.kind, t.rowId)]);
