import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import type { ClockSettings } from '../cases/settings.js';
import { supervisionSettings } from './schema.js';
import { TtlCache } from '../core/ttlCache.js';

/** A center's supervision settings (domain §6 "(config)"). */
export interface SupervisionSettings extends ClockSettings {
  orderAnswerDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = { yellowShare: 1 / 3, minYellowDays: 1, orderAnswerDays: 2 };

/**
 * Every case action reads its center's settings (the clock's yellow share) two or three
 * times; they change a few times a year. Kept like the calendar: re-read at most once a
 * second, dropped at once by a change on this instance (another instance's change shows
 * within a second).
 */
const cache = new TtlCache<SupervisionSettings>(1000);

export function forgetSettings(): void {
  cache.clear();
}

/** One primary-key read (or the cached one); a center without a row gets the defaults. */
export function settingsFor(db: Queryable, centerId: string): Promise<SupervisionSettings> {
  return cache.get(centerId, async () => {
    const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.centerId, centerId));
    return row ? { yellowShare: row.yellowShare, minYellowDays: row.minYellowDays, orderAnswerDays: row.orderAnswerDays } : DEFAULT_SUPERVISION_SETTINGS;
  });
}

/** What the case clock needs (plugged into the case engine by src/compose.ts). */
export async function clockSettings(db: Queryable, centerId: string): Promise<ClockSettings> {
  const s = await settingsFor(db, centerId);
  return { yellowShare: s.yellowShare, minYellowDays: s.minYellowDays };
}
