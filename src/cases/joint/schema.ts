import { pgTable, uuid, text, integer, jsonb, timestamp, date, boolean, bigserial, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { centers, departments } from '../../core/org/schema.js';
import { users } from '../../core/auth/schema.js';
import { cases } from '../schema.js';
import type { Opinion, PartStatus } from '../types.js';

/**
 * One participant department's part of a joint case (联办): created when the lead window
 * accepts, all at once. The sub-due date is derived from the case's acceptance and pauses
 * (rewritten on every change of the case, see hook.ts); `deem_on` is the first working day
 * after it — the day the overdue default applies (the sweep's index).
 */
export const caseParticipants = pgTable('case_participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** Position in the item's list of participants (the order notices and panels show). */
  seq: integer('seq').notNull().default(0),
  task: text('task').notNull(),
  subLimitWorkingDays: integer('sub_limit_working_days').notNull(),
  status: text('status').$type<PartStatus>().notNull().default('pending'),
  /** Still on the department's worklist: the case is being handled and the part owes its opinion. */
  open: boolean('open').notNull().default(true),
  /** Copied from the case (green channel sorts first on the participant's worklist too). */
  keyProject: boolean('key_project').notNull().default(false),
  subDue: date('sub_due', { mode: 'string' }),
  /** First day the part's light is yellow. */
  yellowOn: date('yellow_on', { mode: 'string' }),
  /** First working day after sub_due: the overdue default applies from this day on. */
  deemOn: date('deem_on', { mode: 'string' }),
  assigneeId: uuid('assignee_id').references(() => users.id),
  opinion: text('opinion').$type<Opinion>(),
  opinionText: text('opinion_text'),
  opinionFiles: jsonb('opinion_files').$type<string[]>().notNull().default([]),
  answeredOn: date('answered_on', { mode: 'string' }),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
  answeredBy: uuid('answered_by').references(() => users.id),
  deemedOn: date('deemed_on', { mode: 'string' }),
  escalatedOn: date('escalated_on', { mode: 'string' }),
}, (t) => [
  uniqueIndex('case_participants_case_dept_idx').on(t.caseId, t.departmentId),
  // The participant's worklist: same order as the case worklist (green channel first, then due).
  index('case_participants_dept_idx').on(t.departmentId, t.open, sql`(not ${t.keyProject})`, sql`coalesce(${t.subDue}, '9999-12-31'::date)`, t.caseId),
  index('case_participants_assignee_idx').on(t.assigneeId, t.open),
  // "May I read this file?" looks for it among the participants' opinion documents.
  index('case_participants_files_idx').using('gin', t.opinionFiles),
  // The deemed-consent sweep reads only parts still waiting on a case being handled, by the day the default applies.
  index('case_participants_deem_idx').on(t.deemOn).where(sql`${t.status} = 'pending' and ${t.open}`),
]);

/** A joint review meeting (联审会议): called by the lead, then its attendance, minutes and opinions recorded. */
export const caseMeetings = pgTable('case_meetings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  place: text('place').notNull(),
  agenda: text('agenda').notNull(),
  invitees: jsonb('invitees').$type<string[]>().notNull(),
  calledBy: uuid('called_by').notNull().references(() => users.id),
  calledAt: timestamp('called_at', { withTimezone: true, mode: 'string' }).notNull(),
  held: boolean('held').notNull().default(false),
  attended: jsonb('attended').$type<string[]>(),
  minutes: text('minutes'),
  opinions: jsonb('opinions').$type<{ departmentId: string; opinion: Opinion; text: string }[]>(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }),
}, (t) => [index('case_meetings_case_idx').on(t.caseId)]);
