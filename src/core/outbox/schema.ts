import { pgTable, bigserial, uuid, text, jsonb, integer, timestamp, index } from 'drizzle-orm/pg-core';

/**
 * Notifications to people, written in the same transaction as the change that causes
 * them; a worker delivers them later with retries (so a crash loses nothing).
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').$type<'sms' | 'email' | 'inApp'>().notNull(),
  recipientUserId: uuid('recipient_user_id'),
  /** Phone or e-mail for people without an account. */
  address: text('address'),
  template: text('template').notNull(),
  payload: jsonb('payload').notNull(),
  /** superseded: a newer notice about the same case's state replaced it before it went out. */
  status: text('status').$type<'pending' | 'sent' | 'failed' | 'superseded'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  /** When the row is next due; a claim moves it to the end of the claim's lease, so a worker that dies mid-send leaves it due again only then. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull(),
  /** Set while a worker holds the row (claimed, being sent); null when idle. */
  claimedUntil: timestamp('claimed_until', { withTimezone: true, mode: 'string' }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  /** In-app notices: when the recipient marked it read (null: unread). */
  readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
}, (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_recipient_idx').on(t.recipientUserId)]);

/**
 * Per-channel send rate shared by every instance (SMS gateways throttle): the current
 * second and how many sends were granted in it (see src/notify/rate.ts).
 */
export const outboxRate = pgTable('outbox_rate', {
  channel: text('channel').primaryKey(),
  second: timestamp('second', { withTimezone: true, mode: 'string' }).notNull(),
  granted: integer('granted').notNull(),
});
