import { pgTable, uuid, text, timestamp, boolean, index, integer } from 'drizzle-orm/pg-core';
import { centers, departments, windows } from '../org/schema.js';
import type { Role } from './roles.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  centerId: uuid('center_id').references(() => centers.id),
  departmentId: uuid('department_id').references(() => departments.id),
  windowId: uuid('window_id').references(() => windows.id),
  applicantKind: text('applicant_kind').$type<'person' | 'organization'>(),
  idNumber: text('id_number'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  /** Set on accounts an admin creates or resets: until the user picks a password, only the auth routes answer. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('users_center_idx').on(t.centerId), index('users_department_idx').on(t.departmentId)]);

/** Server-side sessions; the cookie carries only the random id. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Failed-login counters, one row per key ('account:<username>' or 'address:<ip>'), so the
 * limit holds across instances and restarts. A row counts failures since window_start;
 * locked_until is set when the count reaches the limit. Wall-clock times (security timers).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
}, (t) => [index('login_throttle_window_idx').on(t.windowStart)]);
