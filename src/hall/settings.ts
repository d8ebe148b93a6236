import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { hallSettings } from './schema.js';
import { DEFAULT_HALL_SETTINGS, type HallSettings } from './types.js';

/** A center's hall settings: stored values over the defaults. */
export async function settingsFor(db: Queryable, centerId: string): Promise<HallSettings> {
  const [row] = await db.select({ s: hallSettings.settings }).from(hallSettings).where(eq(hallSettings.centerId, centerId));
  return { ...DEFAULT_HALL_SETTINGS, ...(row?.s ?? {}) };
}
