import { pgTable, uuid, text, integer, jsonb, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { centers, departments } from '../core/org/schema.js';
import type { Availability, VersionStatus } from '../catalog/types.js';
import type { LifeEvent, ThingData } from './types.js';

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
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  reviewNote: text('review_note'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.thingId, t.version] })]);
