import { pgTable, uuid, text, integer, jsonb, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { centers, departments } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { serviceItems } from '../catalog/schema.js';
import { cases, caseDocuments } from '../cases/schema.js';
import type { NoticeLine, NoticeStatus, PaymentChannel, TreasuryAccount } from './types.js';

/** The treasury account (财政专户) a center names: every fee goes straight into it. */
export const feeSettings = pgTable('fee_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  accountName: text('account_name').notNull(),
  bank: text('bank').notNull(),
  accountNo: text('account_no').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * 缴款通知书: one per case, issued after an approving decision of a charged item, with the
 * amount by the item's rule. Its printable page is an ordinary case document (kind
 * `paymentNotice`, immutable); this row carries the facts the payments are checked against.
 */
export const feeNotices = pgTable('fee_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  documentId: uuid('document_id').notNull().references(() => caseDocuments.id),
  lines: jsonb('lines').$type<NoticeLine[]>().notNull(),
  amountFen: integer('amount_fen').notNull(),
  paidFen: integer('paid_fen').notNull().default(0),
  status: text('status').$type<NoticeStatus>().notNull(),
  treasury: jsonb('treasury').$type<TreasuryAccount>().notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
  issuedBy: uuid('issued_by').notNull().references(() => users.id),
  paidAt: timestamp('paid_at', { withTimezone: true, mode: 'string' }),
}, (t) => [uniqueIndex('fee_notices_case_idx').on(t.caseId)]);

/**
 * A payment recorded on a case, as the payment transport confirmed it (reference recorded
 * once). Also recorded when it should not have happened (a free item, outside the hall's
 * channels, above the standard): the anomaly rules flag it.
 */
export const feePayments = pgTable('fee_payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  noticeId: uuid('notice_id').references(() => feeNotices.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  amountFen: integer('amount_fen').notNull(),
  channel: text('channel').$type<PaymentChannel>().notNull(),
  transport: text('transport').notNull(),
  reference: text('reference').notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
}, (t) => [
  uniqueIndex('fee_payments_reference_idx').on(t.transport, t.reference),
  index('fee_payments_case_idx').on(t.caseId),
  index('fee_payments_center_day_idx').on(t.centerId, t.paidOn),
]);
