import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, timestamp, date, jsonb, bigint, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { centers, windows } from '../core/org/schema.js';
import type { HallSettings, Session } from './types.js';

/** A service category (业务类别) of the queue: prefix letter, name, the items it serves. */
export const hallCategories = pgTable('hall_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  prefix: text('prefix').notNull(),
  name: text('name').notNull(),
  itemCodes: jsonb('item_codes').$type<string[]>().notNull().default([]),
  /** Booking capacity of one slot of this category (people per slot). */
  slotCapacity: integer('slot_capacity').notNull().default(4),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [uniqueIndex('hall_categories_prefix_uq').on(t.centerId, t.prefix)]);

/** The categories a window serves, in its order of preference (rank 0 first). */
export const hallWindowCategories = pgTable('hall_window_categories', {
  windowId: uuid('window_id').notNull().references(() => windows.id),
  categoryId: uuid('category_id').notNull().references(() => hallCategories.id),
  rank: integer('rank').notNull(),
}, (t) => [primaryKey({ columns: [t.windowId, t.categoryId] })]);

/** A window's queue state: paused or not, and the ticket it holds (called or serving). Its row lock orders a window's actions. */
export const hallWindowState = pgTable('hall_window_state', {
  windowId: uuid('window_id').primaryKey().references(() => windows.id),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  paused: boolean('paused').notNull().default(false),
  pauseReason: text('pause_reason'),
  currentTicketId: uuid('current_ticket_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/** Daily ticket numbers per category: one row per category and day, bumped in the taking transaction. */
export const hallTicketCounters = pgTable('hall_ticket_counters', {
  categoryId: uuid('category_id').notNull().references(() => hallCategories.id),
  day: date('day', { mode: 'string' }).notNull(),
  last: integer('last').notNull(),
}, (t) => [primaryKey({ columns: [t.categoryId, t.day] })]);

export const hallTickets = pgTable('hall_tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  categoryId: uuid('category_id').notNull().references(() => hallCategories.id),
  /** The category it was taken for (a transfer changes categoryId, not this). */
  takenCategoryId: uuid('taken_category_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  seq: integer('seq').notNull(),
  number: text('number').notNull(),
  state: text('state').$type<'waiting' | 'called' | 'serving' | 'done' | 'noShow' | 'expired'>().notNull(),
  /** 0 ordinary; 1 a priority group (三特); 2 a checked-in booking. */
  priority: integer('priority').notNull().default(0),
  priorityGroup: text('priority_group'),
  channel: text('channel').$type<'kiosk' | 'mobile' | 'booking' | 'staff'>().notNull(),
  idNumber: text('id_number'),
  bookingId: uuid('booking_id'),
  /** Its place in the queue: the time it was taken, kept through transfers and recalls. */
  queuedAt: timestamp('queued_at', { withTimezone: true, mode: 'string' }).notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true, mode: 'string' }).notNull(),
  /** Transferred to one window: only that window calls it. */
  targetWindowId: uuid('target_window_id'),
  windowId: uuid('window_id'),
  calls: integer('calls').notNull().default(0),
  transfers: integer('transfers').notNull().default(0),
  firstCalledAt: timestamp('first_called_at', { withTimezone: true, mode: 'string' }),
  calledAt: timestamp('called_at', { withTimezone: true, mode: 'string' }),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  servedBy: uuid('served_by'),
  caseIds: jsonb('case_ids').$type<string[]>().notNull().default([]),
}, (t) => [
  uniqueIndex('hall_tickets_number_uq').on(t.takenCategoryId, t.day, t.seq),
  index('hall_tickets_waiting_idx').on(t.centerId, t.day, t.categoryId, t.priority, t.queuedAt).where(sql`state = 'waiting'`),
  index('hall_tickets_center_day_idx').on(t.centerId, t.day),
]);

/** Everything a board shows, in commit order per center (ids are taken under a per-center lock): SSE resumes from here. */
export const hallEvents = pgTable('hall_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  centerId: uuid('center_id').notNull(),
  kind: text('kind').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('hall_events_center_idx').on(t.centerId, t.id)]);

export const hallSettings = pgTable('hall_settings', {
  centerId: uuid('center_id').primaryKey().references(() => centers.id),
  settings: jsonb('settings').$type<Partial<HallSettings>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/** 延时服务 / 周末服务: a day with extra (or, on a rest day, the only) booking sessions. */
export const hallServiceDays = pgTable('hall_service_days', {
  centerId: uuid('center_id').notNull().references(() => centers.id),
  day: date('day', { mode: 'string' }).notNull(),
  kind: text('kind').$type<'extended' | 'weekend'>().notNull(),
  sessions: jsonb('sessions').$type<Session[]>().notNull(),
  note: text('note').notNull().default(''),
}, (t) => [primaryKey({ columns: [t.centerId, t.day] })]);

export const hallSlots = pgTable('hall_slots', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id').notNull(),
  categoryId: uuid('category_id').notNull().references(() => hallCategories.id),
  day: date('day', { mode: 'string' }).notNull(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  capacity: integer('capacity').notNull(),
  booked: integer('booked').notNull().default(0),
  extended: boolean('extended').notNull().default(false),
}, (t) => [uniqueIndex('hall_slots_uq').on(t.categoryId, t.day, t.start)]);

export const hallBookings = pgTable('hall_bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  centerId: uuid('center_id').notNull(),
  categoryId: uuid('category_id').notNull().references(() => hallCategories.id),
  slotId: uuid('slot_id').notNull().references(() => hallSlots.id),
  day: date('day', { mode: 'string' }).notNull(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number').notNull(),
  phone: text('phone').notNull(),
  userId: uuid('user_id'),
  status: text('status').$type<'booked' | 'cancelled' | 'checkedIn' | 'noShow'>().notNull(),
  ticketId: uuid('ticket_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
}, (t) => [
  uniqueIndex('hall_bookings_code_uq').on(t.code),
  // One live booking per person, category and day.
  uniqueIndex('hall_bookings_person_uq').on(t.idNumber, t.categoryId, t.day).where(sql`status in ('booked', 'checkedIn')`),
  index('hall_bookings_person_idx').on(t.idNumber, t.day),
  index('hall_bookings_open_idx').on(t.day).where(sql`status = 'booked'`),
]);
