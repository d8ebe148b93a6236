import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';
import { centers } from '../../core/org/schema.js';
import { users } from '../../core/auth/schema.js';

/**
 * Who an applicant turns to against an adverse decision of the center's departments, as the
 * center's legal office names them (e.g. 清渭县人民政府 / 清渭县人民法院). Printed in the
 * remedy sentence of every 不予受理 / 不予… notice; unset → the generic wording. A center
 * without a row uses the nearest center above it that has one.
 */
export const remedySettings = pgTable('remedy_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  /** 行政复议机关. */
  reviewBody: text('review_body'),
  /** The people's court that hears 行政诉讼 (jurisdiction varies: 异地管辖, so never guessed). */
  court: text('court'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
