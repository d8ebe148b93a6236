import { pgTable, uuid, text, integer, jsonb, timestamp, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { centers } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { caseDocuments, cases } from '../cases/schema.js';
import type { AgencyMode, HandoverStage } from './types.js';

/**
 * An agency point (代办点): a town or village center whose agents file cases for residents.
 * Its agents are the `agent` users of that center; `handoverCenterId` is the center they
 * hand cases to (the town's convenience center above a village), which owns those cases.
 */
export const agencyPoints = pgTable('agency_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  handoverCenterId: uuid('handover_center_id').notNull().references(() => centers.id),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [uniqueIndex('agency_points_center_idx').on(t.centerId)]);

/** A case filed by an agent (channel `agent`): which point, which agent, which mode. */
export const agencyCases = pgTable('agency_cases', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  pointId: uuid('point_id').notNull().references(() => agencyPoints.id),
  agentId: uuid('agent_id').notNull().references(() => users.id),
  mode: text('mode').$type<AgencyMode>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('agency_cases_point_idx').on(t.pointId, t.createdAt), index('agency_cases_agent_idx').on(t.agentId, t.createdAt)]);

/** One hand-over of an agency case (代办交接): who gave, who took, when, what; its sheet is an issued case document. */
export const agencyHandovers = pgTable('agency_handovers', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  seq: integer('seq').notNull(),
  stage: text('stage').$type<HandoverStage>().notNull(),
  giverName: text('giver_name').notNull(),
  giverRole: text('giver_role').notNull(),
  takerName: text('taker_name').notNull(),
  takerRole: text('taker_role').notNull(),
  /** Materials or results handed over, as named on the sheet. */
  items: jsonb('items').$type<string[]>().notNull(),
  note: text('note').notNull().default(''),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  documentId: uuid('document_id').notNull().references(() => caseDocuments.id),
}, (t) => [uniqueIndex('agency_handovers_seq_idx').on(t.caseId, t.seq)]);

/** 咨办: advice an agent gave a resident; no case is filed. */
export const agencyConsultations = pgTable('agency_consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  pointId: uuid('point_id').notNull().references(() => agencyPoints.id),
  agentId: uuid('agent_id').notNull().references(() => users.id),
  residentName: text('resident_name').notNull(),
  residentPhone: text('resident_phone').notNull().default(''),
  /** The item asked about, when there is one in the catalog. */
  itemCode: text('item_code'),
  itemName: text('item_name').notNull().default(''),
  question: text('question').notNull(),
  advice: text('advice').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('agency_consultations_point_idx').on(t.pointId, t.at)]);
