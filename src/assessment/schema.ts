/**
 * Assessment (考核, domain §8): points schemes (versioned), periods and their computed,
 * frozen results, every line with the references of its evidence, manual lines and appeals.
 */
import { pgTable, uuid, text, integer, jsonb, timestamp, date, doublePrecision, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { centers } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { files } from '../core/files/schema.js';
import type { AwardRule, MetricName, MetricValue, PeriodKind, PointsRule, SchemeBody, SubjectType } from './rules.js';
import type { AppealState, PeriodState } from './machine.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/** Per-center settings: the appeal window and the award rules; defaults when no row. */
export const assessmentSettings = pgTable('assessment_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  /** Working days (on the center's calendar) after publication in which a subject may appeal. */
  appealDays: integer('appeal_days').notNull(),
  awards: jsonb('awards').$type<AwardRule[]>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * A points scheme, versioned like catalog items: one `code` per center has versions 1, 2, …;
 * a draft is edited, publishing it supersedes the published version of the same code. A
 * period scores each subject type with the published scheme of that type and period kind.
 */
export const assessmentSchemes = pgTable('assessment_schemes', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  code: text('code').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  subjectType: text('subject_type').$type<SubjectType>().notNull(),
  periodKind: text('period_kind').$type<PeriodKind>().notNull(),
  body: jsonb('body').$type<SchemeBody>().notNull(),
  state: text('state').$type<'draft' | 'published' | 'superseded'>().notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by').references(() => users.id),
}, (t) => [uniqueIndex('assessment_schemes_code_version_idx').on(t.centerId, t.code, t.version), index('assessment_schemes_center_idx').on(t.centerId, t.subjectType, t.periodKind, t.state)]);

/** One assessment period of a center (2026-11, 2026-Q4, 2026). */
export const assessmentPeriods = pgTable('assessment_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  kind: text('kind').$type<PeriodKind>().notNull(),
  key: text('key').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date').notNull(),
  state: text('state').$type<PeriodState>().notNull(),
  /** The scheme version used per subject type at the last computation. */
  schemes: jsonb('schemes').$type<Partial<Record<SubjectType, string>>>().notNull().default({}),
  /** SHA-256 of the computed lines and totals: recomputing with unchanged facts gives the same digest. */
  digest: text('digest'),
  computedAt: ts('computed_at'),
  computedBy: uuid('computed_by').references(() => users.id),
  computeCount: integer('compute_count').notNull().default(0),
  frozenAt: ts('frozen_at'),
  frozenBy: uuid('frozen_by').references(() => users.id),
  publishedAt: ts('published_at'),
  publishedOn: day('published_on'),
  /** Last working day for appeals (publication + appealDays working days). */
  appealBy: day('appeal_by'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
}, (t) => [uniqueIndex('assessment_periods_key_idx').on(t.centerId, t.kind, t.key)]);

/** One subject's computed result in a period (written by compute, never changed once frozen). */
export const assessmentResults = pgTable('assessment_results', {
  periodId: uuid('period_id').notNull().references(() => assessmentPeriods.id),
  subjectType: text('subject_type').$type<SubjectType>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  subjectName: text('subject_name').notNull(),
  /** The department the subject belongs to (a window's or a person's; the department itself). */
  departmentId: uuid('department_id'),
  schemeId: uuid('scheme_id').notNull().references(() => assessmentSchemes.id),
  baseScore: doublePrecision('base_score').notNull(),
  total: doublePrecision('total').notNull(),
  /** The counts of the count metrics (for award rules: "no violation"). */
  counts: jsonb('counts').$type<Partial<Record<MetricName, number>>>().notNull(),
}, (t) => [primaryKey({ columns: [t.periodId, t.subjectType, t.subjectId] })]);

export type LineSource = 'computed' | 'manual' | 'adjustment';
export type EvidenceKind = 'cases' | 'ladderSteps' | 'accountability' | 'evaluations' | 'complaints' | 'praise' | 'attendance' | 'patrolFindings' | 'leaderDutyDays' | 'anomalies';

/**
 * One line of one subject's result. Computed lines hold the value they scored and the
 * references of the rows behind it (`evidenceRefs`: ids of cases, reviews, complaints…;
 * attendance as "user|day|status"); rate lines hold numerator and denominator, their
 * evidence is the subject's decided cases of the period. Manual lines carry a reason and
 * an evidence file; an adjustment line is a decided appeal (the frozen lines stay as they were).
 */
export const assessmentLines = pgTable('assessment_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  periodId: uuid('period_id').notNull().references(() => assessmentPeriods.id),
  subjectType: text('subject_type').$type<SubjectType>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  seq: integer('seq').notNull(),
  key: text('key').notNull(),
  label: text('label').notNull(),
  source: text('source').$type<LineSource>().notNull(),
  metric: text('metric').$type<MetricName>(),
  rule: jsonb('rule').$type<PointsRule>(),
  value: jsonb('value').$type<MetricValue>(),
  points: doublePrecision('points').notNull(),
  evidenceKind: text('evidence_kind').$type<EvidenceKind>(),
  evidenceRefs: text('evidence_refs').array(),
  reason: text('reason'),
  fileId: uuid('file_id').references(() => files.id),
  appealId: uuid('appeal_id'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
}, (t) => [index('assessment_lines_subject_idx').on(t.periodId, t.subjectType, t.subjectId)]);

/** 申诉: a subject contests one line of a published period within the appeal window. */
export const assessmentAppeals = pgTable('assessment_appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  periodId: uuid('period_id').notNull().references(() => assessmentPeriods.id),
  lineId: uuid('line_id').notNull().references(() => assessmentLines.id),
  subjectType: text('subject_type').$type<SubjectType>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  state: text('state').$type<AppealState>().notNull(),
  reason: text('reason').notNull(),
  fileId: uuid('file_id').references(() => files.id),
  filedBy: uuid('filed_by').notNull().references(() => users.id),
  filedAt: ts('filed_at').notNull(),
  filedOn: day('filed_on').notNull(),
  decision: text('decision').$type<'upheld' | 'rejected'>(),
  /** Upheld: the points the adjustment line adds (e.g. +2 when a deduction is taken back). */
  points: doublePrecision('points'),
  note: text('note'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  adjustmentLineId: uuid('adjustment_line_id'),
}, (t) => [index('assessment_appeals_period_idx').on(t.periodId, t.state), index('assessment_appeals_line_idx').on(t.lineId)]);
