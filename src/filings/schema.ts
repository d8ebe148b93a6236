import { pgTable, uuid, text, integer, timestamp, date, index } from 'drizzle-orm/pg-core';
import { centers, departments } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';

/**
 * 否定备案: every refusal, return and denial is filed with the center, which confirms it or
 * overturns it (the case goes back to be redone within a set number of working days).
 */
export const negativeFilings = pgTable('negative_filings', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  kind: text('kind').$type<'refusal' | 'return' | 'denial'>().notNull(),
  reasons: text('reasons').notNull(),
  filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull(),
  filedBy: uuid('filed_by').references(() => users.id),
  status: text('status').$type<'pending' | 'confirmed' | 'overturned'>().notNull().default('pending'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  reviewNote: text('review_note'),
  redoWorkingDays: integer('redo_working_days'),
  redoDue: date('redo_due', { mode: 'string' }),
}, (t) => [index('negative_filings_queue_idx').on(t.centerId, t.status, t.filedAt), index('negative_filings_case_idx').on(t.caseId)]);
