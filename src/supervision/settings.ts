import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import type { ClockSettings } from '../cases/settings.js';
import { supervisionSettings } from './schema.js';

/** A center's supervision settings (domain §6 "(config)"). */
export interface SupervisionSettings extends ClockSettings {
  orderAnswerDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = { yellowShare: 1 / 3, minYellowDays: 1, orderAnswerDays: 2 };

/**
 * Every case action reads its center's settings (the clock's yellow share) two or three
 * times; they change a few times a year. Kept like the calendar: re-read at most once a
 * second, dropped at once by a change on this instance (another instance's change shows
 * within a second). Wall-clock time: a cache lifetime, not domain time.
 */
const SETTINGS_TTL_MS = 1000;
const cache = new Map<string, { settings: SupervisionSettings; readAt: number }>();

export function forgetSettings(): void {
  cache.clear();
}

/** One primary-key read (or the cached one); a center without a row gets the defaults. */
export async function settingsFor(db: Queryable, centerId: string): Promise<SupervisionSettings> {
  const hit = cache.get(centerId);
  if (hit && performance.now() - hit.readAt < SETTINGS_TTL_MS) return hit.settings;
  const readAt = performance.now();
  const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.centerId, centerId));
  const settings = row ? { yellowShare: row.yellowShare, minYellowDays: row.minYellowDays, orderAnswerDays: row.orderAnswerDays } : DEFAULT_SUPERVISION_SETTINGS;
  if (cache.size > 1000) cache.clear();
  cache.set(centerId, { settings, readAt });
  return settings;
}

/** What the case clock needs (plugged into the case engine through src/caseHooks.ts). */
export async function clockSettings(db: Queryable, centerId: string): Promise<ClockSettings> {
  const s = await settingsFor(db, centerId);
  return { yellowShare: s.yellowShare, minYellowDays: s.minYellowDays };
}
