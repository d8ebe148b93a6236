import type { Tx } from '../core/db/index.js';
import { remedySettings } from './documents/schema.js';

/** The demo county names its review body and court (town centers below inherit them). */
export async function seedRemedyDemo(tx: Tx, countyId: string, now: Date) {
  await tx.insert(remedySettings).values({ centerId: countyId, reviewBody: '清渭县人民政府', court: '清渭县人民法院', updatedAt: now.toISOString() });
}
