/** Party building tables (机关党建, domain §11, seed 004). Dates are calendar dates ('YYYY-MM-DD'). */
import { pgTable, uuid, text, integer, jsonb, timestamp, boolean, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { centers } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import type { Check } from './rules/meetings.js';
import type {
  DisclosureCategory, Grade, MeetingKind, MemberStatus, OfficerRole, OrgKind, PipelineAction, ResolutionKind,
} from './types.js';

const day = (name: string) => date(name, { mode: 'string' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** 机关党委, its 党支部 and their 党小组 (a tree by parentId). */
export const partyOrgs = pgTable('party_orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  parentId: uuid('parent_id').references((): AnyPgColumn => partyOrgs.id),
  kind: text('kind').$type<OrgKind>().notNull(),
  name: text('name').notNull(),
  establishedOn: day('established_on').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: at('created_at').notNull(),
}, (t) => [index('party_orgs_center_idx').on(t.centerId, t.kind)]);

/** One term (届) of a committee or branch; the latest is the current one. */
export const partyTerms = pgTable('party_terms', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
  startOn: day('start_on').notNull(),
  endOn: day('end_on').notNull(),
  electionId: uuid('election_id'),
}, (t) => [index('party_terms_org_idx').on(t.orgId, t.startOn)]);

/** 换届选举 / 增补选举 with its candidates and votes. */
export const partyElections = pgTable('party_elections', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
  kind: text('kind').$type<'general' | 'byElection'>().notNull(),
  heldOn: day('held_on').notNull(),
  seats: integer('seats').notNull(),
  voters: integer('voters').notNull(),
  ballots: integer('ballots').notNull(),
  candidates: jsonb('candidates').$type<{ name: string; votes: number; memberId: string | null }[]>().notNull(),
  elected: jsonb('elected').$type<string[]>().notNull(),
  valid: boolean('valid').notNull(),
  note: text('note').notNull().default(''),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  recordedAt: at('recorded_at').notNull(),
}, (t) => [index('party_elections_org_idx').on(t.orgId, t.heldOn)]);

/** A person on the pipeline or a party member, in one branch (and maybe a group of it). */
export const partyMembers = pgTable('party_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  branchId: uuid('branch_id').notNull().references(() => partyOrgs.id),
  groupId: uuid('group_id').references(() => partyOrgs.id),
  /** The staff account of this person, where there is one (they read their own record). */
  userId: uuid('user_id').references(() => users.id),
  name: text('name').notNull(),
  gender: text('gender').$type<'男' | '女'>().notNull(),
  birthOn: day('birth_on'),
  phone: text('phone'),
  post: text('post').notNull().default(''),
  /** 副处级以上党员领导干部. */
  deputyDivision: boolean('deputy_division').notNull().default(false),
  status: text('status').$type<MemberStatus>().notNull(),
  appliedOn: day('applied_on'),
  activistOn: day('activist_on'),
  targetOn: day('target_on'),
  probationOn: day('probation_on'),
  fullOn: day('full_on'),
  extensionMonths: integer('extension_months'),
  contacts: jsonb('contacts').$type<string[]>().notNull().default([]),
  introducers: jsonb('introducers').$type<string[]>().notNull().default([]),
  exams: jsonb('exams').$type<string[]>().notNull().default([]),
  trainings: jsonb('trainings').$type<string[]>().notNull().default([]),
  lastStepOn: day('last_step_on'),
  /** When the member came onto this center's roll (admission here, or the transfer in). */
  onRollSince: day('on_roll_since'),
  transferredInOn: day('transferred_in_on'),
  transferredInFrom: text('transferred_in_from'),
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull(),
}, (t) => [
  index('party_members_branch_idx').on(t.branchId, t.status),
  uniqueIndex('party_members_user_idx').on(t.userId),
]);

/** Every dated step of a member (the pipeline's history). */
export const partyMemberEvents = pgTable('party_member_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull().references(() => partyMembers.id),
  action: text('action').$type<PipelineAction | 'register' | 'transferIn' | 'birthdayTalk'>().notNull(),
  fromStatus: text('from_status').$type<MemberStatus>(),
  toStatus: text('to_status').$type<MemberStatus>(),
  on: day('on').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  actorId: uuid('actor_id').references(() => users.id),
  at: at('at').notNull(),
}, (t) => [index('party_member_events_member_idx').on(t.memberId, t.on)]);

/** Officer roles on an organization (书记, 副书记, 组织委员 …); `toOn` null while serving. */
export const partyOfficers = pgTable('party_officers', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
  memberId: uuid('member_id').notNull().references(() => partyMembers.id),
  role: text('role').$type<OfficerRole>().notNull(),
  fromOn: day('from_on').notNull(),
  toOn: day('to_on'),
}, (t) => [index('party_officers_org_idx').on(t.orgId), index('party_officers_member_idx').on(t.memberId)]);

export interface StoredResolution {
  kind: ResolutionKind;
  subject: string;
  memberId: string | null;
  inFavour: number;
  against: number;
  abstain: number;
  applicantAndIntroducersPresent: boolean;
  passed: boolean;
  checks: Check[];
}

/** A meeting of 三会一课 (and the committee's, the democratic life meeting): scheduled, then held. */
export const partyMeetings = pgTable('party_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
  kind: text('kind').$type<MeetingKind>().notNull(),
  title: text('title').notNull(),
  status: text('status').$type<'scheduled' | 'held' | 'cancelled'>().notNull(),
  scheduledOn: day('scheduled_on').notNull(),
  heldOn: day('held_on'),
  place: text('place').notNull().default(''),
  chair: text('chair').notNull().default(''),
  recorder: text('recorder').notNull().default(''),
  topic: text('topic').notNull().default(''),
  minutes: text('minutes').notNull().default(''),
  /** Involves personnel or organizational development (⅔ quorum). */
  personnel: boolean('personnel').notNull().default(false),
  expected: integer('expected'),
  present: integer('present'),
  quorumOk: boolean('quorum_ok'),
  quorumChecks: jsonb('quorum_checks').$type<Check[]>(),
  resolutions: jsonb('resolutions').$type<StoredResolution[]>().notNull().default([]),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull(),
}, (t) => [index('party_meetings_org_idx').on(t.orgId, t.kind, t.heldOn)]);

export const partyAttendance = pgTable('party_attendance', {
  meetingId: uuid('meeting_id').notNull().references(() => partyMeetings.id),
  memberId: uuid('member_id').notNull().references(() => partyMembers.id),
  present: boolean('present').notNull(),
  /** Counted for the quorum (a member of the body) and with a vote (a full member). */
  expected: boolean('expected').notNull(),
  voting: boolean('voting').notNull(),
  absenceReason: text('absence_reason').notNull().default(''),
}, (t) => [uniqueIndex('party_attendance_pk').on(t.meetingId, t.memberId), index('party_attendance_member_idx').on(t.memberId)]);

/** One branch's democratic evaluation of a year (draft until submitted to the committee). */
export const partyEvaluations = pgTable('party_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  branchId: uuid('branch_id').notNull().references(() => partyOrgs.id),
  year: integer('year').notNull(),
  status: text('status').$type<'draft' | 'submitted'>().notNull(),
  /** Members on the roll when the evaluation was opened (the 15 % base). */
  rosterSize: integer('roster_size').notNull(),
  submittedOn: day('submitted_on'),
  late: boolean('late').notNull().default(false),
  updatedAt: at('updated_at').notNull(),
}, (t) => [uniqueIndex('party_evaluations_branch_year_idx').on(t.branchId, t.year)]);

export const partyGrades = pgTable('party_grades', {
  evaluationId: uuid('evaluation_id').notNull().references(() => partyEvaluations.id),
  memberId: uuid('member_id').notNull().references(() => partyMembers.id),
  grade: text('grade').$type<Grade>().notNull(),
  note: text('note').notNull().default(''),
}, (t) => [uniqueIndex('party_grades_pk').on(t.evaluationId, t.memberId)]);

/** 党费: one payment per member per half-year (2026H1 …), with receipt and deposit. */
export const partyDues = pgTable('party_dues', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull().references(() => partyMembers.id),
  period: text('period').notNull(),
  amountCents: integer('amount_cents').notNull(),
  paidOn: day('paid_on').notNull(),
  receiptNo: text('receipt_no').notNull(),
  /** The day the committee paid it into the 工委 dues account (bank slip). */
  depositedOn: day('deposited_on'),
  bankSlipNo: text('bank_slip_no').notNull().default(''),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  recordedAt: at('recorded_at').notNull(),
}, (t) => [uniqueIndex('party_dues_member_period_idx').on(t.memberId, t.period)]);

/** 党务公开 items: party-internal first, then public. */
export const partyDisclosures = pgTable('party_disclosures', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => partyOrgs.id),
  title: text('title').notNull(),
  category: text('category').$type<DisclosureCategory>().notNull(),
  content: text('content').notNull(),
  internalOn: day('internal_on'),
  internalForm: text('internal_form').notNull().default(''),
  publicOn: day('public_on'),
  publicForm: text('public_form').notNull().default(''),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull(),
}, (t) => [index('party_disclosures_org_idx').on(t.orgId)]);

/** Reminders already sent by the daily job (one row per reminder key), so each goes out once. */
export const partyReminderLog = pgTable('party_reminder_log', {
  key: text('key').primaryKey(),
  sentAt: at('sent_at').notNull(),
});
