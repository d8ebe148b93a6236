/**
 * People on duty (domain §8): A/B posts, badges, attendance and leave, duty rosters for
 * extended/weekend service, leader on-site duty (领导现场办公), patrols (巡查), staff-change
 * requests and issued monthly documents.
 */
import { pgTable, uuid, text, integer, boolean, date, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { centers, departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { files } from '../core/files/schema.js';
import type { DutySettings } from './settings.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/** Per-center settings (office hours with seasons, leader-duty and patrol rules). */
export const dutySettings = pgTable('duty_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  data: jsonb('data').$type<DutySettings>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export type PostKind = 'A' | 'B' | 'supplementary';

/** A person holding a post at a window for a tenure (A = front desk, B = backup, 补充岗). */
export const staffAssignments = pgTable('staff_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  windowId: uuid('window_id').notNull().references(() => windows.id),
  departmentId: uuid('department_id').references(() => departments.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  post: text('post').$type<PostKind>().notNull(),
  fromDate: day('from_date').notNull(),
  /** Last day of the tenure; null while it lasts. */
  toDate: day('to_date'),
  /** The chief representative's A role does not take part in the center's attendance where the center sets so. */
  attendanceExempt: boolean('attendance_exempt').notNull().default(false),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('staff_assignments_window_idx').on(t.windowId, t.fromDate), index('staff_assignments_user_idx').on(t.userId)]);

/** Staff badge (工号 + photo). */
export const badges = pgTable('badges', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  number: text('number').notNull(),
  title: text('title').notNull().default(''),
  photoFileId: uuid('photo_file_id').references(() => files.id),
  issuedOn: day('issued_on').notNull(),
}, (t) => [uniqueIndex('badges_center_number_idx').on(t.centerId, t.number)]);

/** One row per person and day: sign-in and sign-out (each once). */
export const attendance = pgTable('attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  day: day('day').notNull(),
  signInAt: ts('sign_in_at'),
  signInBy: uuid('sign_in_by').references(() => users.id),
  signOutAt: ts('sign_out_at'),
  signOutBy: uuid('sign_out_by').references(() => users.id),
}, (t) => [uniqueIndex('attendance_user_day_idx').on(t.userId, t.day), index('attendance_center_day_idx').on(t.centerId, t.day)]);

export type LeaveState = 'submitted' | 'deptApproved' | 'approved' | 'rejected' | 'cancelled';

export const leaveRequests = pgTable('leave_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').references(() => departments.id),
  kind: text('kind').$type<'personal' | 'sick' | 'official' | 'annual'>().notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date').notNull(),
  reason: text('reason').notNull(),
  state: text('state').$type<LeaveState>().notNull(),
  history: jsonb('history').$type<{ action: string; by: string; at: string; note: string }[]>().notNull().default([]),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('leave_requests_user_idx').on(t.userId, t.fromDate), index('leave_requests_center_idx').on(t.centerId, t.state)]);

/** Who is on duty outside office hours (延时服务, weekend duty). */
export const dutyRosters = pgTable('duty_rosters', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  day: day('day').notNull(),
  fromTime: text('from_time').notNull(),
  toTime: text('to_time').notNull(),
  kind: text('kind').$type<'extended' | 'weekend'>().notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('duty_rosters_user_day_idx').on(t.userId, t.day), index('duty_rosters_center_day_idx').on(t.centerId, t.day)]);

export type StaffChangeState = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** A department's staff change at the center: only by a recorded request the center approves. */
export const staffChangeRequests = pgTable('staff_change_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  kind: text('kind').$type<'add' | 'remove' | 'replace'>().notNull(),
  windowId: uuid('window_id').notNull().references(() => windows.id),
  post: text('post').$type<PostKind>().notNull(),
  outUserId: uuid('out_user_id').references(() => users.id),
  inUserId: uuid('in_user_id').references(() => users.id),
  effectiveOn: day('effective_on').notNull(),
  reason: text('reason').notNull(),
  state: text('state').$type<StaffChangeState>().notNull(),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  requestedAt: ts('requested_at').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  note: text('note').notNull().default(''),
}, (t) => [index('staff_change_center_idx').on(t.centerId, t.state)]);

/** A department's leader-duty plan for one month (submitted by the 10th of the month before). */
export const leaderDutyPlans = pgTable('leader_duty_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** YYYY-MM */
  month: text('month').notNull(),
  submittedAt: ts('submitted_at').notNull(),
  /** The business date of the first submission (the by-the-10th rule reads it). */
  submittedOn: day('submitted_on').notNull(),
  submittedBy: uuid('submitted_by').notNull().references(() => users.id),
  revisedAt: ts('revised_at'),
}, (t) => [uniqueIndex('leader_duty_plans_dept_month_idx').on(t.departmentId, t.month), index('leader_duty_plans_center_idx').on(t.centerId, t.month)]);

export type DutyDayStatus = 'planned' | 'done' | 'missed';

/** One leader day of a plan. */
export const leaderDutyDays = pgTable('leader_duty_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => leaderDutyPlans.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  month: text('month').notNull(),
  day: day('day').notNull(),
  leaderId: uuid('leader_id').notNull().references(() => users.id),
  substituteId: uuid('substitute_id').references(() => users.id),
  substituteState: text('substitute_state').$type<'requested' | 'approved' | 'rejected'>(),
  substituteReason: text('substitute_reason'),
  signInAt: ts('sign_in_at'),
  signOutAt: ts('sign_out_at'),
  log: jsonb('log').$type<{ at: string; text: string }[]>().notNull().default([]),
  status: text('status').$type<DutyDayStatus>().notNull().default('planned'),
  missedRecordedAt: ts('missed_recorded_at'),
}, (t) => [index('leader_duty_days_center_day_idx').on(t.centerId, t.day), index('leader_duty_days_plan_idx').on(t.planId)]);

/** The center's merged and published schedule of a month. */
export const leaderDutySchedules = pgTable('leader_duty_schedules', {
  centerId: uuid('center_id').notNull().references(() => centers.id),
  month: text('month').notNull(),
  publishedAt: ts('published_at').notNull(),
  publishedBy: uuid('published_by').notNull().references(() => users.id),
}, (t) => [uniqueIndex('leader_duty_schedules_idx').on(t.centerId, t.month)]);

/** One escalation per run of consecutive misses (keyed by the run's first missed day). */
export const leaderDutyEscalations = pgTable('leader_duty_escalations', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  leaderId: uuid('leader_id').notNull().references(() => users.id),
  runStartDayId: uuid('run_start_day_id').notNull().references(() => leaderDutyDays.id),
  missedDays: jsonb('missed_days').$type<string[]>().notNull(),
  escalatedAt: ts('escalated_at').notNull(),
  /** Who it went to, as the settings named them then: in-app accounts, and organisations (with the address e-mailed, if any). */
  recipients: jsonb('recipients').$type<EscalationRecipient[]>().notNull().default([]),
}, (t) => [uniqueIndex('leader_duty_escalations_run_idx').on(t.runStartDayId)]);

export type EscalationRecipient = { kind: 'account'; userId: string; name: string; role: string } | { kind: 'organisation'; name: string; email: string | null };

export type Grade = 'good' | 'fair' | 'poor';

/** A patrol round through the hall. */
export const patrols = pgTable('patrols', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  kind: text('kind').$type<'scheduled' | 'random'>().notNull(),
  session: text('session').$type<'morning' | 'afternoon'>().notNull(),
  day: day('day').notNull(),
  patrolledAt: ts('patrolled_at').notNull(),
  patrollerId: uuid('patroller_id').notNull().references(() => users.id),
  note: text('note').notNull().default(''),
}, (t) => [index('patrols_center_day_idx').on(t.centerId, t.day)]);

/** What a patrol saw at one window: grade, failed checks, photos; a finding to rectify by a due date. */
export const patrolFindings = pgTable('patrol_findings', {
  id: uuid('id').primaryKey().defaultRandom(),
  patrolId: uuid('patrol_id').notNull().references(() => patrols.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  windowId: uuid('window_id').notNull().references(() => windows.id),
  departmentId: uuid('department_id').references(() => departments.id),
  day: day('day').notNull(),
  grade: text('grade').$type<Grade>().notNull(),
  failedChecks: jsonb('failed_checks').$type<string[]>().notNull(),
  note: text('note').notNull().default(''),
  photoFileIds: jsonb('photo_file_ids').$type<string[]>().notNull(),
  rectifyDue: day('rectify_due'),
  rectification: text('rectification').$type<'none' | 'open' | 'rectified'>().notNull(),
  rectifiedNote: text('rectified_note'),
  rectifiedAt: ts('rectified_at'),
  rectifiedBy: uuid('rectified_by').references(() => users.id),
}, (t) => [index('patrol_findings_center_day_idx').on(t.centerId, t.day), index('patrol_findings_patrol_idx').on(t.patrolId), index('patrol_findings_dept_idx').on(t.departmentId, t.rectification)]);

/** Issued monthly documents (hall bulletin, leader-duty circular): stored once, never changed. */
export const dutyDocuments = pgTable('duty_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  kind: text('kind').$type<'hallBulletin' | 'leaderCircular'>().notNull(),
  month: text('month').notNull(),
  html: text('html').notNull(),
  issuedAt: ts('issued_at').notNull(),
  issuedBy: uuid('issued_by').notNull().references(() => users.id),
  seq: integer('seq').notNull(),
}, (t) => [uniqueIndex('duty_documents_idx').on(t.centerId, t.kind, t.month)]);
