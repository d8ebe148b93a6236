import { pgTable, uuid, text, integer, jsonb, timestamp, date, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { centers, departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import { bundleCases } from '../things/schema.js';
import type { ComplaintState, EvaluationState } from './machine.js';
import type { ComplaintCategory, ComplaintChannel, EvaluationChannel, ExclusionReason, Stage } from './rules.js';

/**
 * Feedback settings of one center (domain §7 "(config)" values); a center without a row
 * uses DEFAULT_FEEDBACK_SETTINGS (settings.ts).
 */
export const feedbackSettings = pgTable('feedback_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  /** Days after completion before an unrated case gets its one invitation. */
  inviteAfterDays: integer('invite_after_days').notNull(),
  /** Calendar days an SMS rating link stays valid. */
  linkValidDays: integer('link_valid_days').notNull(),
  /** Working days a department has to rectify a substantiated bad review. */
  rectifyDays: integer('rectify_days').notNull(),
  /** Working days to handle a complaint (5; some centers 3) … */
  complaintDays: integer('complaint_days').notNull(),
  /** … extendable once to at most this many working days. */
  complaintMaxDays: integer('complaint_max_days').notNull(),
  /** The center also asks for a rating at acceptance. */
  acceptanceRating: boolean('acceptance_rating').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export interface Verification { finding: 'substantiated' | 'unfounded'; reason: string; fileIds: string[]; by: string; at: string }
export interface Rectification { measures: string; fileIds: string[]; by: string; at: string; on: string; onTime: boolean }
export interface ReturnVisit { satisfaction: number; method: 'phone' | 'visit' | 'sms'; note: string; by: string; at: string; on: string }

/**
 * One rating (好差评) of one case at one stage. A bad review (grade ≤ 2) runs the
 * verify → rectify → return-visit flow on the same row; nothing is ever deleted (an
 * unfounded bad review keeps its state `unfounded`).
 */
export const evaluations = pgTable('feedback_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  /** `bundle`: the rating of a 一件事 bundle case as a whole (bundleId set; src/feedback/bundleRating.ts). */
  stage: text('stage').$type<Stage | 'bundle'>().notNull(),
  grade: integer('grade').notNull(),
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  comment: text('comment').notNull().default(''),
  channel: text('channel').$type<EvaluationChannel>().notNull(),
  // Copied from the case for scoped lists and statistics.
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  itemId: uuid('item_id').notNull(),
  windowId: uuid('window_id').references(() => windows.id),
  /** The staff member rated: who accepted the case (the window that served). */
  staffId: uuid('staff_id').references(() => users.id),
  raterUserId: uuid('rater_user_id').references(() => users.id),
  state: text('state').$type<EvaluationState>().notNull(),
  ratedOn: date('rated_on', { mode: 'string' }).notNull(),
  ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'string' }).notNull(),
  verification: jsonb('verification').$type<Verification | null>(),
  rectifyDue: date('rectify_due', { mode: 'string' }),
  rectifyYellowOn: date('rectify_yellow_on', { mode: 'string' }),
  rectification: jsonb('rectification').$type<Rectification | null>(),
  returnVisit: jsonb('return_visit').$type<ReturnVisit | null>(),
  /** The rectification ladder: urge notice (yellow), supervision order (red), each once. */
  urgedAt: timestamp('urged_at', { withTimezone: true, mode: 'string' }),
  orderedAt: timestamp('ordered_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(1),
  /**
   * A 一件事 bundle rated as a whole (stage `bundle`): the row hangs on one of its cases (the
   * lead department's part when it ran) so every list and the bad-review flow work unchanged,
   * and its department is the bundle's lead department, which rectifies a bad one.
   */
  bundleId: uuid('bundle_id').references(() => bundleCases.id),
}, (t) => [
  uniqueIndex('feedback_evaluations_case_stage_idx').on(t.caseId, t.stage),
  // A bundle is rated once.
  uniqueIndex('feedback_evaluations_bundle_idx').on(t.bundleId).where(sql`${t.bundleId} is not null`),
  index('feedback_evaluations_center_idx').on(t.centerId, t.ratedOn),
  index('feedback_evaluations_dept_idx').on(t.departmentId, t.state),
  // The ladder sweep reads only open rectifications.
  index('feedback_evaluations_rectifying_idx').on(t.rectifyDue).where(sql`${t.state} = 'rectifying'`),
]);

/**
 * The one rating invitation of a case and stage (SMS link). `id` is the token's nonce:
 * the link is single-use (`usedAt`) and expires (`expiresAt`).
 */
export const invitations = pgTable('feedback_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  stage: text('stage').$type<Stage>().notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
}, (t) => [uniqueIndex('feedback_invitations_case_stage_idx').on(t.caseId, t.stage)]);

/** The installation's signing key for rating links and window devices (made on first use). */
export const feedbackKeys = pgTable('feedback_keys', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export interface HandOver { toDepartmentId: string | null; toUserId: string | null; note: string; by: string; at: string }
export interface Exclusion { reason: ExclusionReason; reply: string; by: string; at: string }
export interface ComplaintResult { finding: 'substantiated' | 'unfounded'; result: string; unitNotice: string; by: string; at: string; on: string; onTime: boolean }

/** A complaint (投诉), from registration to result. Every complaint is its own written record. */
export const complaints = pgTable('feedback_complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  no: text('no').notNull(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  channel: text('channel').$type<ComplaintChannel>().notNull(),
  /** 12345/8890 transfers: the hotline's own reference. */
  externalRef: text('external_ref'),
  category: text('category').$type<ComplaintCategory>().notNull(),
  complainantName: text('complainant_name').notNull(),
  complainantPhone: text('complainant_phone').notNull(),
  complainantUserId: uuid('complainant_user_id').references(() => users.id),
  content: text('content').notNull(),
  caseId: uuid('case_id').references(() => cases.id),
  /** The unit complained about (and its staff member, if named). */
  departmentId: uuid('department_id').references(() => departments.id),
  staffId: uuid('staff_id').references(() => users.id),
  state: text('state').$type<ComplaintState>().notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
  receivedBy: uuid('received_by').references(() => users.id),
  acceptedOn: date('accepted_on', { mode: 'string' }),
  due: date('due', { mode: 'string' }),
  extended: boolean('extended').notNull().default(false),
  extensionReason: text('extension_reason'),
  handlerDepartmentId: uuid('handler_department_id').references(() => departments.id),
  handlerUserId: uuid('handler_user_id').references(() => users.id),
  handOvers: jsonb('hand_overs').$type<HandOver[]>().notNull().default([]),
  exclusion: jsonb('exclusion').$type<Exclusion | null>(),
  result: jsonb('result').$type<ComplaintResult | null>(),
  escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('feedback_complaints_no_idx').on(t.no),
  index('feedback_complaints_center_idx').on(t.centerId, t.receivedOn),
  index('feedback_complaints_open_idx').on(t.due).where(sql`${t.state} = 'handling'`),
]);

export type FirstAskOutcome = 'open' | 'handled' | 'handedOver' | 'referredOutside';

/**
 * 首问负责: the staff member first asked records the question or complaint and owns it
 * until a recorded hand-over to the right window or unit (or handles it themselves).
 */
export const firstAsks = pgTable('feedback_first_asks', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  kind: text('kind').$type<'question' | 'complaint'>().notNull(),
  askerName: text('asker_name').notNull(),
  askerPhone: text('asker_phone').notNull().default(''),
  matter: text('matter').notNull(),
  outcome: text('outcome').$type<FirstAskOutcome>().notNull(),
  toWindowId: uuid('to_window_id').references(() => windows.id),
  toDepartmentId: uuid('to_department_id').references(() => departments.id),
  /** Outside the hall: the competent unit, its location or phone (told to the asker). */
  toUnit: text('to_unit'),
  guidance: text('guidance'),
  askedAt: timestamp('asked_at', { withTimezone: true, mode: 'string' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
}, (t) => [index('feedback_first_asks_center_idx').on(t.centerId, t.askedAt), index('feedback_first_asks_owner_idx').on(t.ownerId, t.outcome)]);

/** Praise (锦旗, thank-you letters, praise cards) against a window, a person or a department. */
export const praise = pgTable('feedback_praise', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  kind: text('kind').$type<'banner' | 'letter' | 'card'>().notNull(),
  windowId: uuid('window_id').references(() => windows.id),
  userId: uuid('user_id').references(() => users.id),
  departmentId: uuid('department_id').references(() => departments.id),
  fromName: text('from_name').notNull(),
  note: text('note').notNull().default(''),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('feedback_praise_center_idx').on(t.centerId, t.receivedOn)]);
