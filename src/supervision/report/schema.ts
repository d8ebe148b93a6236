import { pgTable, uuid, text, integer, jsonb, timestamp, date, uniqueIndex } from 'drizzle-orm/pg-core';
import { centers } from '../../core/org/schema.js';
import { users } from '../../core/auth/schema.js';
import type { ReportData } from './rules.js';

/**
 * 电子监察通报: the periodic supervision report of one center for a month or a quarter,
 * frozen when issued (the figures and the A4 page as they were). Reissuing writes a new
 * version; earlier versions are never changed.
 */
export const supervisionReports = pgTable('supervision_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  /** 2026-03 or 2026-Q1. */
  period: text('period').notNull(),
  periodKind: text('period_kind').$type<'month' | 'quarter'>().notNull(),
  fromOn: date('from_on', { mode: 'string' }).notNull(),
  toOn: date('to_on', { mode: 'string' }).notNull(),
  version: integer('version').notNull(),
  docNo: text('doc_no').notNull(),
  data: jsonb('data').$type<ReportData>().notNull(),
  html: text('html').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
  issuedBy: uuid('issued_by').notNull().references(() => users.id),
}, (t) => [uniqueIndex('supervision_reports_version_idx').on(t.centerId, t.period, t.version)]);
