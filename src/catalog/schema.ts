import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, jsonb, timestamp, index, primaryKey, boolean } from 'drizzle-orm/pg-core';
import { centers, departments } from '../core/org/schema.js';
import type { Availability, GuideData, VersionStatus } from './types.js';

/** One catalog entry; its content lives in versions, the row indexes what lists need. */
export const serviceItems = pgTable('service_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  code: text('code').notNull().unique(),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** Status of the newest version. */
  status: text('status').$type<VersionStatus>().notNull(),
  /** Public availability, independent of draft work on newer versions. */
  availability: text('availability').$type<Availability>().notNull().default('active'),
  latestVersion: integer('latest_version').notNull(),
  publishedVersion: integer('published_version'),
  /** Denormalized from the published version (or the latest when none) for search. */
  name: text('name').notNull(),
  type: text('type').notNull(),
  theme: text('theme').notNull().default(''),
  servedParty: text('served_party').notNull(),
  caseKind: text('case_kind').notNull(),
  /** 别名 and 搜索关键词, denormalized like the name: what the public search index reads. */
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('items_department_idx').on(t.departmentId), index('items_status_idx').on(t.status)]);

/** Every change to an item is a new version; cases record the version they were accepted under. */
export const serviceItemVersions = pgTable('service_item_versions', {
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  version: integer('version').notNull(),
  status: text('status').$type<VersionStatus>().notNull(),
  data: jsonb('data').$type<GuideData>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  /** Who last changed this version's content (a draft is edited in place): the first pair of eyes. */
  editedBy: uuid('edited_by'),
  submittedBy: uuid('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  reviewNote: text('review_note'),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.itemId, t.version] })]);

/**
 * Catalog settings of one center; a center without a row uses CATALOG_DEFAULTS (rules.ts).
 * secondReviewer: review and publishing by someone other than the version's editor and
 * submitter (four eyes, seed 001's review before a list changes).
 */
export const catalogSettings = pgTable('catalog_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  secondReviewer: boolean('second_reviewer').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedBy: uuid('updated_by'),
});
