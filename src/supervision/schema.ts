import { pgTable, uuid, text, integer, jsonb, timestamp, date, doublePrecision, bigint, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { centers, departments } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';

/**
 * Supervision settings of one center (domain §6 "(config)" values). A center without a
 * row uses the defaults in settings.ts; the case clock reads the yellow threshold here.
 */
export const supervisionSettings = pgTable('supervision_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  /** Yellow when remaining ≤ share × promised limit … */
  yellowShare: doublePrecision('yellow_share').notNull(),
  /** … and at least this many working days. */
  minYellowDays: integer('min_yellow_days').notNull(),
  /** Working days a department has to answer a supervision order before it escalates to its leader. */
  orderAnswerDays: integer('order_answer_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export type LadderLight = 'yellow' | 'red' | 'black';
export type LadderKind = 'urge' | 'order' | 'violation';

/**
 * One rung of the escalation ladder reached by one case: yellow → urge notice (催办单),
 * red → supervision order (督办单), black → violation record. At most one per (case,
 * light) — the unique index is what makes the sweep idempotent. `snapshot` holds what
 * the printable document shows, frozen at issue.
 */
export const ladderSteps = pgTable('ladder_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  light: text('light').$type<LadderLight>().notNull(),
  kind: text('kind').$type<LadderKind>().notNull(),
  // The case's own center and department, copied for the center's lists and reports. No
  // foreign keys: the case's keys imply them, and the sweep writes up to thousands of steps
  // in one statement (two key checks a row were ~10 % of its write).
  centerId: uuid('center_id').notNull(),
  departmentId: uuid('department_id').notNull(),
  docNo: text('doc_no').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  /** Supervision orders: the last working day for the department's answer. */
  answerDue: date('answer_due', { mode: 'string' }),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  answeredBy: uuid('answered_by').references(() => users.id),
  answer: text('answer'),
  escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  uniqueIndex('ladder_steps_case_light_idx').on(t.caseId, t.light),
  index('ladder_steps_center_idx').on(t.centerId, t.issuedOn),
  // The escalation job reads only open orders, by due date.
  index('ladder_steps_open_orders_idx').on(t.answerDue).where(sql`${t.kind} = 'order' and ${t.answeredAt} is null and ${t.escalatedAt} is null`),
]);

/**
 * 问责记录: charged to the department and the person holding the late step (red), or a
 * violation of the statutory limit (black), or a substantiated complaint (src/feedback:
 * `complaintId`, no ladder step, a case only when the complaint named one). Never deleted.
 */
export const accountabilityRecords = pgTable('accountability_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  stepId: uuid('step_id').references(() => ladderSteps.id),
  caseId: uuid('case_id').references(() => cases.id),
  kind: text('kind').$type<'overdue' | 'violation' | 'complaint'>().notNull(),
  /** The substantiated complaint (feedback_complaints.id) for kind 'complaint'. */
  complaintId: uuid('complaint_id'),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** The person holding the late step (assignee, else coordinator); null when nobody held it. */
  userId: uuid('user_id').references(() => users.id),
  stepName: text('step_name'),
  recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [uniqueIndex('accountability_step_idx').on(t.stepId), uniqueIndex('accountability_complaint_idx').on(t.complaintId), index('accountability_dept_idx').on(t.departmentId, t.recordedOn)]);

/**
 * An anomaly found by a named rule, with its evidence. `subject` identifies what it is
 * about (a case, an item version…) so a rule records it once. Handled with a note,
 * never deleted.
 */
export const anomalies = pgTable('anomalies', {
  id: uuid('id').primaryKey().defaultRandom(),
  rule: text('rule').notNull(),
  subject: text('subject').notNull(),
  centerId: uuid('center_id').references(() => centers.id),
  departmentId: uuid('department_id').references(() => departments.id),
  caseId: uuid('case_id').references(() => cases.id),
  evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
  detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'string' }).notNull(),
  handledAt: timestamp('handled_at', { withTimezone: true, mode: 'string' }),
  handledBy: uuid('handled_by').references(() => users.id),
  note: text('note'),
}, (t) => [uniqueIndex('anomalies_rule_subject_idx').on(t.rule, t.subject), index('anomalies_center_idx').on(t.centerId, t.detectedAt)]);

/** How far a scanning job has read an append-only table (the anomaly scan over case_events). */
export const scanCursors = pgTable('scan_cursors', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
});
