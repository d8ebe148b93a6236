import { eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import { forbidden } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import type { SessionUser } from '../core/auth/policy.js';
import { catalogSettings } from './schema.js';

/** A center's catalog settings; a center without a row gets the defaults. */
export interface CatalogSettings {
  /** Review and publishing by a second person (fourEyes.ts). */
  secondReviewer: boolean;
}

export const DEFAULT_CATALOG_SETTINGS: CatalogSettings = { secondReviewer: true };

/** One primary-key read; catalog actions are rare, so no cache. */
export async function catalogSettingsFor(db: Queryable, centerId: string): Promise<CatalogSettings> {
  const [row] = await db.select().from(catalogSettings).where(eq(catalogSettings.centerId, centerId));
  return row ? { secondReviewer: row.secondReviewer } : DEFAULT_CATALOG_SETTINGS;
}

export async function getCatalogSettings(ctx: AppContext, user: SessionUser) {
  if (!user.centerId) throw forbidden();
  return catalogSettingsFor(ctx.db, user.centerId);
}

export async function putCatalogSettings(ctx: AppContext, user: SessionUser, next: CatalogSettings) {
  const centerId = user.centerId;
  if (!centerId) throw forbidden();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await catalogSettingsFor(tx, centerId);
    const values = { secondReviewer: next.secondReviewer, updatedAt: now.toISOString(), updatedBy: user.id };
    await tx.insert(catalogSettings).values({ centerId, ...values })
      .onConflictDoUpdate({ target: catalogSettings.centerId, set: values });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'catalog.settings', entityType: 'center', entityId: centerId, before, after: next, at: now });
    return { secondReviewer: next.secondReviewer };
  });
}
