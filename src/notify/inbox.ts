/**
 * The in-app notification list: a user's inApp outbox rows, rendered with the wording
 * registry, newest first, with read marks. Only the recipient sees or marks a notice; any
 * other id answers 404 (not 403), so ids of other people's notices reveal nothing.
 */
import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { outbox } from '../core/outbox/schema.js';
import { renderNotice } from './templates.js';

export const PAGE_SIZE = 50;

const mine = (userId: string) => and(eq(outbox.channel, 'inApp'), eq(outbox.recipientUserId, userId));

export interface InboxItem { id: number; template: string; title: string; text: string; link: string | null; createdAt: string; read: boolean }

/** One page (keyset on id: pass the last id seen as `before`) and the unread count. */
export async function listInbox(ctx: AppContext, userId: string, opts: { before?: number; limit?: number } = {}) {
  const limit = Math.min(opts.limit ?? PAGE_SIZE, PAGE_SIZE);
  const [rows, [{ unread }]] = await Promise.all([
    ctx.db.select({ id: outbox.id, template: outbox.template, payload: outbox.payload, createdAt: outbox.createdAt, readAt: outbox.readAt }).from(outbox)
      .where(and(mine(userId), opts.before ? lt(outbox.id, opts.before) : undefined)).orderBy(desc(outbox.id)).limit(limit + 1),
    ctx.db.select({ unread: count() }).from(outbox).where(and(mine(userId), isNull(outbox.readAt))),
  ]);
  const items: InboxItem[] = rows.slice(0, limit).map((r) => ({
    id: r.id, template: r.template, ...renderNotice(r.template, r.payload), createdAt: new Date(r.createdAt).toISOString(), read: r.readAt !== null,
  }));
  return { items, unread: Number(unread), nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}

/** Marks one of the user's notices read (idempotent: the first read time is kept). */
export async function markRead(ctx: AppContext, userId: string, id: number) {
  const [row] = await ctx.db.select({ id: outbox.id, readAt: outbox.readAt }).from(outbox).where(and(eq(outbox.id, id), mine(userId)));
  if (!row) throw notFound('Notification', '通知');
  const readAt = row.readAt ?? ctx.now().toISOString();
  if (!row.readAt) await ctx.db.update(outbox).set({ readAt }).where(eq(outbox.id, id));
  return { id, read: true, readAt: new Date(readAt).toISOString() };
}

/** 全部已读: every unread notice of the user; returns how many changed. */
export async function markAllRead(ctx: AppContext, userId: string) {
  const changed = await ctx.db.update(outbox).set({ readAt: ctx.now().toISOString() }).where(and(mine(userId), isNull(outbox.readAt))).returning({ id: outbox.id });
  return { marked: changed.length };
}
