import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import type { ClockSettings } from '../cases/settings.js';
import { supervisionSettings } from './schema.js';

/** A center's supervision settings (domain §6 "(config)"). */
export interface SupervisionSettings extends ClockSettings {
  orderAnswerDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = { yellowShare: 1 / 3, minYellowDays: 1, orderAnswerDays: 2 };

/** One primary-key read; a center without a row gets the defaults. */
export async function settingsFor(db: Queryable, centerId: string): Promise<SupervisionSettings> {
  const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.centerId, centerId));
  return row ? { yellowShare: row.yellowShare, minYellowDays: row.minYellowDays, orderAnswerDays: row.orderAnswerDays } : DEFAULT_SUPERVISION_SETTINGS;
}

/** What the case clock needs (plugged into the case engine through src/caseHooks.ts). */
export async function clockSettings(db: Queryable, centerId: string): Promise<ClockSettings> {
  const s = await settingsFor(db, centerId);
  return { yellowShare: s.yellowShare, minYellowDays: s.minYellowDays };
}
