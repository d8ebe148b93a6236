import { pgTable, uuid, text, integer, timestamp, index } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.js';
import { cases } from '../schema.js';

/**
 * 材料审查记录: a defect in a material found while a step reviewed it, and the correction
 * asked for, recorded against that step (the 内部审批过程控制单 lists them). Never changed.
 * `stepIndex` −1 is the window's own review before acceptance.
 */
export const caseReviewDefects = pgTable('case_review_defects', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  stepIndex: integer('step_index').notNull(),
  stepName: text('step_name').notNull(),
  materialId: text('material_id').notNull(),
  materialName: text('material_name').notNull(),
  defect: text('defect').notNull(),
  correction: text('correction').notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('case_review_defects_case_idx').on(t.caseId)]);
