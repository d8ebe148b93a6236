import { pgTable, uuid, text, date, timestamp, primaryKey, integer, bigserial, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

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

/**
 * A national year's arrangement (the State Council's notice: every holiday and adjusted
 * workday of the year) goes through draft → published as one deliberate act. Until it is
 * published the year stays "fallback" everywhere, whatever rows have been entered.
 * Years the `chinese-days` package covers need no row here.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  status: text('status').$type<'draft' | 'published'>().notNull(),
  /** The notice it follows, e.g. 国办发明电〔2026〕7号. */
  noticeRef: text('notice_ref').notNull().default(''),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The draft rows of a year being prepared (copied into calendar_overrides when published). */
export const calendarYearDrafts = pgTable('calendar_year_drafts', {
  date: date('date', { mode: 'string' }).primaryKey(),
  year: integer('year').notNull(),
  kind: text('kind').$type<'holiday' | 'adjustedWorkday'>().notNull(),
  note: text('note').notNull().default(''),
}, (t) => [index('calendar_year_drafts_year_idx').on(t.year)]);

/**
 * Every calendar change that may move deadlines, written in the change's transaction and
 * worked off by the case engine in batches (src/cases/recalc.ts): `cursor` is where the last
 * batch ended, so a restart resumes there. `scope`: '' national, else a center id.
 */
export const calendarChanges = pgTable('calendar_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  scope: text('scope').notNull(),
  /** The first and last date changed (a published year: its whole span of changed rows). */
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Keyset position `window end|case id` of the last case examined. */
  cursor: text('cursor'),
  examined: integer('examined').notNull().default(0),
  moved: integer('moved').notNull().default(0),
  doneAt: timestamp('done_at', { withTimezone: true }),
  /** The other stored working-day deadlines (src/core/deadlines): position `kind|row id`, done. */
  deadlinesCursor: text('deadlines_cursor'),
  deadlinesMoved: integer('deadlines_moved').notNull().default(0),
  deadlinesDoneAt: timestamp('deadlines_done_at', { withTimezone: true }),
}, (t) => [index('calendar_changes_pending_idx').on(t.id).where(sql`done_at is null`), index('calendar_changes_deadlines_pending_idx').on(t.id).where(sql`deadlines_done_at is null`)]);
