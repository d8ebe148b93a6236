import { pgTable, uuid, text, integer, jsonb, timestamp, date, boolean, bigserial, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { centers, departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { serviceItems } from '../catalog/schema.js';
import { files } from '../core/files/schema.js';
import type { Limit, CaseKind } from '../catalog/types.js';
import type { CaseState, Channel } from './types.js';

/** A co-applicant as stored: the ID number normalized (upper case), the phone optional. */
export interface CoApplicant { name: string; idNumber: string; idType?: string; phone?: string }

/**
 * One application (办件). The clock columns (due dates, yellow day) are derived from the
 * case's own facts (acceptance, pauses, extensions) and rewritten in the same transaction
 * as every action, so lists read them without recomputing; the next light change lives in
 * `case_light_queue` (below), written in the same transaction.
 */
export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseNo: text('case_no').notNull(),
  queryCode: text('query_code').notNull(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  itemCode: text('item_code').notNull(),
  itemVersion: integer('item_version').notNull(),
  itemName: text('item_name').notNull(),
  kind: text('kind').$type<CaseKind>().notNull(),
  state: text('state').$type<CaseState>().notNull(),
  /** Not yet finished: what worklists show. Derived by the database from the state. */
  active: boolean('active').generatedAlwaysAs(sql`state not in ('completed', 'archived', 'refused', 'returned', 'withdrawn', 'terminated')`).notNull(),
  outcome: text('outcome').$type<'approved' | 'denied'>(),
  channel: text('channel').$type<Channel>().notNull(),
  applicantKind: text('applicant_kind').$type<'person' | 'organization'>().notNull(),
  applicantName: text('applicant_name').notNull(),
  applicantIdNumber: text('applicant_id_number').notNull(),
  applicantPhone: text('applicant_phone').notNull(),
  applicantUserId: uuid('applicant_user_id').references(() => users.id),
  /** Co-applicants where the item's law names several (结婚登记: the other party), each checked like the applicant. */
  coApplicants: jsonb('co_applicants').$type<CoApplicant[]>().notNull().default([]),
  submittedBy: uuid('submitted_by').notNull().references(() => users.id),
  formData: jsonb('form_data').$type<Record<string, unknown>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'string' }),
  acceptedOn: date('accepted_on', { mode: 'string' }),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  /** The numbered window that took the case in (set by the statistics hook, src/stats/hook.ts). */
  windowId: uuid('window_id').references(() => windows.id),
  closedOn: date('closed_on', { mode: 'string' }),
  /**
   * 接件 → 受理: the last working day for the acceptance decision (3 working days after the
   * receipt, or after the supplement that completed the materials); the worklist lights
   * cases still waiting for it.
   */
  acceptBy: date('accept_by', { mode: 'string' }),
  /** The day the (complete) materials were last received: the start of `acceptBy`'s count. */
  receivedOn: date('received_on', { mode: 'string' }),
  /** 容缺: the last working day for the owed materials (the pledge states it); null when nothing is owed. */
  owedBy: date('owed_by', { mode: 'string' }),
  /** 超时默认 (single department, item deems consent): the day the default applies; null otherwise. */
  deemOn: date('deem_on', { mode: 'string' }),
  coordinatorId: uuid('coordinator_id').references(() => users.id),
  assigneeId: uuid('assignee_id').references(() => users.id),
  /** Index into the handling steps (the item's procedure without the intake steps). */
  stepIndex: integer('step_index').notNull().default(0),
  promisedLimit: jsonb('promised_limit').$type<Limit>().notNull(),
  statutoryLimit: jsonb('statutory_limit').$type<Limit>().notNull(),
  /** Minor materials owed under conditional acceptance (容缺). */
  owed: jsonb('owed').$type<string[]>().notNull().default([]),
  supplementCount: integer('supplement_count').notNull().default(0),
  extensionDays: integer('extension_days').notNull().default(0),
  pendingExtension: jsonb('pending_extension').$type<{ workingDays: number; reason: string; requestedAt: string; requestedBy: string } | null>(),
  promisedDue: date('promised_due', { mode: 'string' }),
  statutoryDue: date('statutory_due', { mode: 'string' }),
  /** First day the light is yellow (dates before it are green). */
  yellowOn: date('yellow_on', { mode: 'string' }),
  paused: boolean('paused').notNull().default(false),
  keyProject: boolean('key_project').notNull().default(false),
  /** 绿色通道: the staff member the center appointed to act for the applicant throughout (全程代办). */
  greenCoordinatorId: uuid('green_coordinator_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  // Worklist indexes: scope, unfinished, green channel (key projects) first, then most
  // urgent; the key is (not key_project, due, id) so the keyset cursor is one ascending
  // row comparison. The trailing columns let the light and state filters be checked
  // inside the index without visiting the table.
  uniqueIndex('cases_case_no_idx').on(t.caseNo),
  index('cases_dept_due_idx').on(t.departmentId, t.active, sql`(not ${t.keyProject})`, sql`coalesce(${t.promisedDue}, '9999-12-31'::date)`, t.id, t.statutoryDue, t.yellowOn, t.state),
  index('cases_center_due_idx').on(t.centerId, t.active, sql`(not ${t.keyProject})`, sql`coalesce(${t.promisedDue}, '9999-12-31'::date)`, t.id, t.statutoryDue, t.yellowOn, t.state),
  index('cases_assignee_idx').on(t.assigneeId, t.active, sql`(not ${t.keyProject})`, sql`coalesce(${t.promisedDue}, '9999-12-31'::date)`, t.id, t.statutoryDue, t.yellowOn, t.state),
  // Calendar changes: open cases whose clock window reaches a changed date (src/cases/recalc.ts).
  index('cases_window_end_idx').on(sql`greatest(${t.promisedDue}, ${t.statutoryDue}, ${t.acceptBy}, ${t.owedBy}, ${t.deemOn})`).where(sql`${t.active}`),
  // Few rows: only cases with a pledge running or an overdue default coming.
  // Case search by either person's ID number finds co-applicants too.
  index('cases_co_applicants_idx').using('gin', sql`${t.coApplicants} jsonb_path_ops`),
  index('cases_owed_by_idx').on(t.owedBy).where(sql`${t.owedBy} is not null`),
  index('cases_deem_on_idx').on(t.deemOn).where(sql`${t.deemOn} is not null`),
  index('cases_applicant_idx').on(t.applicantUserId, t.createdAt),
  index('cases_submitter_idx').on(t.submittedBy, t.createdAt),
]);

/**
 * The light sweep's queue: when each open case's light next changes if nothing happens
 * (one row per case with a next change; none once closed, paused or black). Kept out of
 * `cases` on purpose: the sweep moves this date every time a light changes, and in `cases`
 * an indexed column forces a new entry in every one of its worklist indexes per row
 * (no HOT update) — here the move touches one narrow row and two small indexes.
 */
export const caseLightQueue = pgTable('case_light_queue', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  nextChangeOn: date('next_change_on', { mode: 'string' }).notNull(),
}, (t) => [index('case_light_queue_next_idx').on(t.nextChangeOn)]);

/** Every action on a case, in order: who, when, from which state to which, with what. */
export const caseEvents = pgTable('case_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  seq: integer('seq').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  actorId: uuid('actor_id').references(() => users.id),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [uniqueIndex('case_events_seq_idx').on(t.caseId, t.seq)]);

/** Special procedures (clock paused). */
export const casePauses = pgTable('case_pauses', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  procedure: text('procedure').notNull(),
  reason: text('reason').notNull(),
  plannedWorkingDays: integer('planned_working_days').notNull(),
  startOn: date('start_on', { mode: 'string' }).notNull(),
  endOn: date('end_on', { mode: 'string' }),
}, (t) => [index('case_pauses_case_idx').on(t.caseId)]);

/** Materials of a case: provided (file or ticked at the window), missing, or owed. */
export const caseMaterials = pgTable('case_materials', {
  caseId: uuid('case_id').notNull().references(() => cases.id),
  materialId: text('material_id').notNull(),
  fileId: uuid('file_id').references(() => files.id),
  provided: boolean('provided').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.materialId] })]);

/** Issued notices: rendered once, never changed. */
export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  docNo: text('doc_no').notNull(),
  html: text('html').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
  issuedBy: uuid('issued_by').references(() => users.id),
}, (t) => [index('case_documents_case_idx').on(t.caseId)]);


/** A case as stored (kept here, beside its table, so hooks and ports can name it without importing the repository). */
export type CaseRow = typeof cases.$inferSelect;
/** What the clock reads of a pause. */
export type PauseFacts = Pick<typeof casePauses.$inferSelect, 'startOn' | 'endOn' | 'plannedWorkingDays'>;
