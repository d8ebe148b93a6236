import { pgTable, uuid, text, date, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Calendar data on top of the `chinese-days` package:
 * - national days an admin loads for a year the package does not know yet (centerId null);
 * - a center's own local closures and extra working days.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  /** '' for national rows so the key stays simple. */
  scope: text('scope').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind').$type<'holiday' | 'adjustedWorkday' | 'localClosure' | 'extraWorkday'>().notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.scope, t.date] })]);
