import type { Tx } from '../db/index.js';
import { outbox } from './schema.js';

/**
 * The names of the wording registry. src/notify/templates.ts adds every template name to
 * this interface (declaration merging), so src/core names no capability and enqueueing a
 * name that has no wording still does not compile.
 */
export interface NoticeTemplateNames {}
export type NoticeTemplate = keyof NoticeTemplateNames;

export interface Notice {
  channel: 'sms' | 'email' | 'inApp';
  recipientUserId?: string | null;
  address?: string | null;
  /** A name from the wording registry (src/notify/templates.ts): an unknown name does not compile. */
  template: NoticeTemplate;
  payload: Record<string, unknown>;
  /** Held this many seconds before the first attempt (a newer notice may supersede it meanwhile). */
  holdSeconds?: number;
}

/** Writes notifications in the caller's transaction; delivery happens later (outbox pattern). */
export async function enqueue(tx: Tx, notices: Notice[], now: Date): Promise<void> {
  const insert = outboxInsert(tx, notices, now);
  if (insert) await insert;
}

/** The same INSERT, not yet run (for writeTogether); null when there is nothing to send. */
export function outboxInsert(tx: Tx, notices: readonly Notice[], now: Date) {
  if (notices.length === 0) return null;
  const at = now.toISOString();
  return tx.insert(outbox).values(notices.map((n) => ({
    channel: n.channel, recipientUserId: n.recipientUserId ?? null, address: n.address ?? null, template: n.template,
    payload: n.payload, nextAttemptAt: n.holdSeconds ? new Date(now.getTime() + n.holdSeconds * 1000).toISOString() : at, createdAt: at,
  })));
}
