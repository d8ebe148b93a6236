import { pgTable, uuid, text, integer, date, boolean, index, unique } from 'drizzle-orm/pg-core';
import { centers, departments, windows } from '../core/org/schema.js';
import { serviceItems } from '../catalog/schema.js';
import { cases } from '../cases/schema.js';
import type { CaseKind } from '../catalog/types.js';
import type { Channel } from '../cases/types.js';

/**
 * Daily statistics rollup (domain §10): raw counts per day × center × department ×
 * window × item × kind × channel, incremented by the case hook in the same transaction
 * as the case change (src/stats/hook.ts), so reports never scan cases. Rates are never
 * stored: they are computed at read time from these counts (src/stats/measures.ts).
 * What each count means is written once, in src/stats/measures.ts (MEASURES).
 */
export const statsDaily = pgTable('stats_daily', {
  day: date('day', { mode: 'string' }).notNull(),
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  /** Null: the case has not been handled at a window with a number (e.g. online, not yet taken). */
  windowId: uuid('window_id').references(() => windows.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  kind: text('kind').$type<CaseKind>().notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  received: integer('received').notNull().default(0),
  supplementNotified: integer('supplement_notified').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  firstTime: integer('first_time').notNull().default(0),
  workingDaysUsed: integer('working_days_used').notNull().default(0),
  /** Accepted cases that left the open set that day (decided, withdrawn or terminated). */
  exits: integer('exits').notNull().default(0),
}, (t) => [
  // The upsert key. A null window is one group, not a new row per event (PostgreSQL ≥ 15).
  unique('stats_daily_key').on(t.day, t.centerId, t.departmentId, t.windowId, t.itemId, t.kind, t.channel).nullsNotDistinct(),
  index('stats_daily_center_day_idx').on(t.centerId, t.day),
]);

/**
 * Accepted-and-open cases right now per dimension key (the in-progress stock), kept with
 * the same deltas as stats_daily.accepted − stats_daily.exits, so the stock at a past date
 * is "now − net change after it" and reads only the days after the period.
 */
export const statsOpen = pgTable('stats_open', {
  centerId: uuid('center_id').notNull().references(() => centers.id),
  departmentId: uuid('department_id').notNull().references(() => departments.id),
  windowId: uuid('window_id').references(() => windows.id),
  itemId: uuid('item_id').notNull().references(() => serviceItems.id),
  kind: text('kind').$type<CaseKind>().notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  open: integer('open').notNull().default(0),
}, (t) => [unique('stats_open_key').on(t.centerId, t.departmentId, t.windowId, t.itemId, t.kind, t.channel).nullsNotDistinct()]);

/**
 * What each case currently contributes to the rollups (one row per case). The hook
 * computes the case's new contribution after every change and applies only the
 * difference, so a reversal (an overturned refusal or denial, a late window assignment)
 * takes back exactly what was counted, even if the calendar changed meanwhile.
 */
export const statsCases = pgTable('stats_cases', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  windowId: uuid('window_id').references(() => windows.id),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  supplementOn: date('supplement_on', { mode: 'string' }),
  acceptedOn: date('accepted_on', { mode: 'string' }),
  refusedOn: date('refused_on', { mode: 'string' }),
  completedOn: date('completed_on', { mode: 'string' }),
  onTime: boolean('on_time').notNull().default(false),
  firstTime: boolean('first_time').notNull().default(false),
  workingDaysUsed: integer('working_days_used').notNull().default(0),
  exitOn: date('exit_on', { mode: 'string' }),
});
