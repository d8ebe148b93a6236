/**
 * Starting one part of a bundle case: its item's own case through the case engine
 * (`insertCase`), in the caller's transaction — at filing for the parts that wait for
 * nothing, or in a case hook when the last predecessor's result is ready.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { publishedJoin } from '../catalog/public.js';
import { insertCase } from '../cases/service.js';
import { bundleCases, bundleParts } from './schema.js';
import { partFormData, partMaterials } from './bundleRules.js';
import type { ThingData } from './types.js';

export type BundleRow = typeof bundleCases.$inferSelect;
export type PartRow = typeof bundleParts.$inferSelect;

/** Who filed the bundle, as the started case's submitter (a waiting part starts with no one signed in). */
export interface Submitter { id: string; role: (typeof users.$inferSelect)['role']; displayName: string; windowId?: string | null }

export async function submitterOf(tx: Tx, userId: string): Promise<Submitter> {
  const [u] = await tx.select({ id: users.id, role: users.role, displayName: users.displayName, windowId: users.windowId }).from(users).where(eq(users.id, userId));
  return u!;
}

/** The item's row and published guide at the bundle's center. */
async function itemOf(tx: Tx, centerId: string, code: string) {
  const [r] = await tx.select({ item: serviceItems, data: serviceItemVersions.data }).from(serviceItems)
    .innerJoin(serviceItemVersions, publishedJoin).where(and(eq(serviceItems.code, code), eq(serviceItems.centerId, centerId)));
  return r ?? null;
}

export interface StartInput {
  bundle: BundleRow;
  thing: ThingData;
  itemCode: string;
  /** Every chosen item of the bundle (a shared material produced by one of them is handed on, not demanded). */
  chosen: ReadonlySet<string>;
  submitter: Submitter;
  now: Date;
  today: string;
  origin: string;
  timeZone: string;
}

/**
 * Starts the part's case with the bundle's applicant, channel, the fields and materials its
 * item uses, and links it to the part. Null when the item has no published version at the
 * bundle's center any more (the caller cancels the part).
 */
export async function startPart(tx: Tx, s: StartInput): Promise<{ caseId: string; caseNo: string } | null> {
  const found = await itemOf(tx, s.bundle.centerId, s.itemCode);
  const thingItem = s.thing.items.find((i) => i.itemCode === s.itemCode);
  if (!found || !thingItem) return null;
  const b = s.bundle;
  const created = await insertCase(tx, {
    item: found.item, guide: found.data,
    applicant: { kind: b.applicantKind, name: b.applicantName, idNumber: b.applicantIdNumber, phone: b.applicantPhone },
    applicantUserId: b.applicantUserId, submitter: s.submitter, channel: b.channel, centerId: b.centerId,
    formData: partFormData(thingItem, b.formData),
    materials: partMaterials(thingItem, found.data.materials, s.thing.sharedMaterials, s.chosen, b.materials),
    now: s.now, today: s.today, origin: s.origin, timeZone: s.timeZone,
  });
  await tx.update(bundleParts).set({ caseId: created.id, state: 'started', startedOn: s.today })
    .where(and(eq(bundleParts.bundleId, b.id), eq(bundleParts.itemCode, s.itemCode)));
  return { caseId: created.id, caseNo: created.caseNo };
}
