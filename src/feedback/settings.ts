import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import { unprocessable } from '../core/errors.js';
import { TtlCache } from '../core/ttlCache.js';
import { feedbackKeys, feedbackSettings } from './schema.js';

/** A center's feedback settings (domain §7 "(config)"). */
export interface FeedbackSettings {
  inviteAfterDays: number;
  linkValidDays: number;
  rectifyDays: number;
  complaintDays: number;
  complaintMaxDays: number;
  acceptanceRating: boolean;
}

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  inviteAfterDays: 3, linkValidDays: 7, rectifyDays: 15, complaintDays: 5, complaintMaxDays: 15, acceptanceRating: false,
};

const cache = new TtlCache<FeedbackSettings>(1000);
export const forgetFeedbackSettings = () => cache.clear();

export function feedbackSettingsFor(db: Queryable, centerId: string): Promise<FeedbackSettings> {
  return cache.get(centerId, async () => {
    const [r] = await db.select().from(feedbackSettings).where(eq(feedbackSettings.centerId, centerId));
    if (!r) return DEFAULT_FEEDBACK_SETTINGS;
    const { centerId: _c, updatedAt: _u, ...s } = r;
    return s;
  });
}

const secrets = new WeakMap<object, string>();

/**
 * The installation's signing secret for rating links and window devices: 32 random bytes
 * made on first use and kept in the database, so every instance signs and checks alike.
 */
export async function linkSecret(db: Queryable, now: Date): Promise<string> {
  const known = secrets.get(db);
  if (known) return known;
  await db.insert(feedbackKeys).values({ name: 'links', secret: randomBytes(32).toString('base64url'), createdAt: now.toISOString() }).onConflictDoNothing();
  const [r] = await db.select({ secret: feedbackKeys.secret }).from(feedbackKeys).where(eq(feedbackKeys.name, sql`'links'`));
  secrets.set(db, r.secret);
  return r.secret;
}

/** The center office changes its feedback settings; one transaction with its audit row. */
export async function putFeedbackSettings(db: Db, centerId: string, actor: { id: string; role: string }, next: FeedbackSettings, now: Date) {
  if (next.complaintDays > next.complaintMaxDays) {
    throw unprocessable('validation_failed', 'The extended limit must not be shorter than the normal one', '延期后的时限不能短于一般时限', [{ field: 'body.complaintMaxDays', message: 'below complaintDays' }]);
  }
  return db.transaction(async (tx) => {
    const before = await feedbackSettingsFor(tx, centerId);
    await tx.insert(feedbackSettings).values({ centerId, ...next, updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: feedbackSettings.centerId, set: { ...next, updatedAt: now.toISOString() } });
    await appendAudit(tx, { actorId: actor.id, actorRole: actor.role, action: 'feedback.settings', entityType: 'center', entityId: centerId, before, after: next, at: now });
    forgetFeedbackSettings();
    return next;
  });
}
