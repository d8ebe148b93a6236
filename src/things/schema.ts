import { pgTable, uuid, text, integer, jsonb, timestamp, index, primaryKey, boolean, date } from 'drizzle-orm/pg-core';
import { centers, departments } from '../core/org/schema.js';
import { cases } from '../cases/schema.js';
import type { Availability, VersionStatus } from '../catalog/types.js';
import type { BundleChannel, BundleMaterial, BundleState, LifeEvent, PartState, ThingData } from './types.js';

/** One 一件事 of a center; its content lives in versions, the row indexes what lists need. */
export const things = pgTable('things', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  /** The portal's address of the thing (/things/newborn). */
  code: text('code').notNull().unique(),
  leadDepartmentId: uuid('lead_department_id').notNull().references(() => departments.id),
  /** Status of the newest version (the catalog's version statuses). */
  status: text('status').$type<VersionStatus>().notNull(),
  availability: text('availability').$type<Availability>().notNull().default('active'),
  latestVersion: integer('latest_version').notNull(),
  publishedVersion: integer('published_version'),
  /** Denormalized from the published version (or the latest when none) for lists. */
  name: text('name').notNull(),
  lifeEvent: text('life_event').$type<LifeEvent>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('things_center_idx').on(t.centerId), index('things_lead_idx').on(t.leadDepartmentId)]);

/** Every change is a new version (a draft edited in place until submitted). */
export const thingVersions = pgTable('thing_versions', {
  thingId: uuid('thing_id').notNull().references(() => things.id),
  version: integer('version').notNull(),
  status: text('status').$type<VersionStatus>().notNull(),
  data: jsonb('data').$type<ThingData>().notNull(),
  createdBy: uuid('created_by'),
  /** Four eyes (src/catalog/fourEyes.ts): who last edited and who submitted may not review or publish. */
  editedBy: uuid('edited_by'),
  submittedBy: uuid('submitted_by'),
  publishedBy: uuid('published_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  reviewNote: text('review_note'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.thingId, t.version] })]);

/**
 * 一件事 bundle case: one application of a published thing (its version fixed at filing). It
 * starts each chosen item's own case through the case engine and follows them; its state and
 * its parts' states are kept in step by a case hook (src/things/bundleHook.ts).
 */
export const bundleCases = pgTable('bundle_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 一件事 number, from the center's counter (YJS + division code + date + sequence). */
  bundleNo: text('bundle_no').notNull().unique(),
  /** With the number, what the public progress query asks for (like a case's). */
  queryCode: text('query_code').notNull(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  thingId: uuid('thing_id').notNull().references(() => things.id),
  thingCode: text('thing_code').notNull(),
  thingVersion: integer('thing_version').notNull(),
  thingName: text('thing_name').notNull(),
  leadDepartmentId: uuid('lead_department_id').notNull().references(() => departments.id),
  state: text('state').$type<BundleState>().notNull(),
  channel: text('channel').$type<BundleChannel>().notNull(),
  applicantKind: text('applicant_kind').$type<'person' | 'organization'>().notNull(),
  applicantName: text('applicant_name').notNull(),
  applicantIdNumber: text('applicant_id_number').notNull(),
  applicantPhone: text('applicant_phone').notNull(),
  /** The applicant's account when filed online (their 我的办件 lists it). */
  applicantUserId: uuid('applicant_user_id'),
  submittedBy: uuid('submitted_by').notNull(),
  answers: jsonb('answers').$type<Record<string, string>>().notNull(),
  /** The one form, by merged field key; each part's case gets the fields its item uses. */
  formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
  /** The one material list as handed in; each part's case gets the materials its item uses. */
  materials: jsonb('materials').$type<BundleMaterial[]>().notNull(),
  /** Results handed over together (the default) or each as it is ready. */
  deliverTogether: boolean('deliver_together').notNull().default(true),
  filedOn: date('filed_on', { mode: 'string' }).notNull(),
  /** The promised total (critical path of the chosen items) and the sum of their limits, at filing. */
  promisedWorkingDays: integer('promised_working_days').notNull(),
  sumWorkingDays: integer('sum_working_days').notNull(),
  /** filedOn + promisedWorkingDays on the center's calendar: a tracked working-day deadline (src/things/deadlines.ts). */
  promisedDue: date('promised_due', { mode: 'string' }).notNull(),
  /** The day every part ended (result ready, refused or cancelled), and when the bundle closed. */
  endedOn: date('ended_on', { mode: 'string' }),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  index('bundle_cases_center_idx').on(t.centerId, t.state),
  index('bundle_cases_applicant_idx').on(t.applicantUserId),
  index('bundle_cases_thing_idx').on(t.thingId),
]);

/** One chosen item of a bundle case and, once started, its case. */
export const bundleParts = pgTable('bundle_parts', {
  bundleId: uuid('bundle_id').notNull().references(() => bundleCases.id),
  itemCode: text('item_code').notNull(),
  itemName: text('item_name').notNull(),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** Item codes of this bundle whose result this part waits for. */
  waitsFor: text('waits_for').array().notNull(),
  state: text('state').$type<PartState>().notNull(),
  /** Null while waiting (or cancelled before it started). */
  caseId: uuid('case_id').unique().references(() => cases.id),
  startedOn: date('started_on', { mode: 'string' }),
  endedOn: date('ended_on', { mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.bundleId, t.itemCode] }), index('bundle_parts_case_idx').on(t.caseId)]);
