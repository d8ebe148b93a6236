import { type AnyPgColumn, pgTable, uuid, text, integer, timestamp, index } from 'drizzle-orm/pg-core';

/** A service center at some level; centers form a tree (county → town → village). */
export const centers = pgTable('centers', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id').references((): AnyPgColumn => centers.id),
  level: text('level').$type<'city' | 'county' | 'town' | 'village'>().notNull(),
  name: text('name').notNull(),
  divisionCode: text('division_code').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  complaintPhone: text('complaint_phone').notNull().default(''),
  hours: text('hours').notNull().default(''),
  /** Materialized path of ids from the root, for "this center and everything below". */
  path: text('path').notNull(),
}, (t) => [index('centers_parent_idx').on(t.parentId), index('centers_path_idx').on(t.path)]);

/** A government unit stationed in a center. */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  name: text('name').notNull(),
  /** Two-letter code used in item codes (e.g. MZ for 民政局). */
  shortCode: text('short_code').notNull(),
  phone: text('phone').notNull().default(''),
}, (t) => [index('departments_center_idx').on(t.centerId)]);

/** A counter in the hall. */
export const windows = pgTable('windows', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  number: integer('number').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'comprehensive' | 'themed' | 'specialized'>().notNull(),
  departmentId: uuid('department_id').references(() => departments.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('windows_center_idx').on(t.centerId)]);
