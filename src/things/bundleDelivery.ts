/**
 * 一并送达 (the case engine's `deliveryHeld` port, installed by src/compose.ts): while a case's
 * bundle hands its results over together, the case is not delivered until every other part of
 * the bundle has ended. Returns the names of the parts still running (empty: deliver).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import type { CaseRow } from '../cases/schema.js';
import { bundleCases, bundleParts } from './schema.js';

export async function deliveryHeld(db: Queryable, row: Pick<CaseRow, 'id'>): Promise<string[]> {
  const [link] = await db.select({ bundleId: bundleParts.bundleId, together: bundleCases.deliverTogether }).from(bundleParts)
    .innerJoin(bundleCases, eq(bundleCases.id, bundleParts.bundleId)).where(eq(bundleParts.caseId, row.id));
  if (!link?.together) return [];
  const running = await db.select({ name: bundleParts.itemName }).from(bundleParts)
    .where(and(eq(bundleParts.bundleId, link.bundleId), inArray(bundleParts.state, ['waiting', 'started'])))
    // In the order they run: the ones waiting on others after them.
    .orderBy(sql`cardinality(${bundleParts.waitsFor})`, asc(bundleParts.itemCode));
  return running.map((r) => r.name);
}
