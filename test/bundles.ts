/**
 * 一件事 bundle rows for the supervision, statistics and rating tests, written straight into the
 * tables of src/things/schema.ts (the runtime that files them is tested in src/things). The due
 * day is computed on the center's own calendar, as filing does.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../src/core/db/index.js';
import { calendarFor } from '../src/core/calendar/service.js';
import { bundleCases, bundleParts, things } from '../src/things/schema.js';
import type { BundleState, PartState } from '../src/things/types.js';

export type ThingRow = typeof things.$inferSelect;

export const thingByCode = async (db: Queryable, code: string): Promise<ThingRow> => {
  const [t] = await db.select().from(things).where(eq(things.code, code));
  if (!t) throw new Error(`no thing ${code}`);
  return t;
};

export interface BundleFacts {
  thing: ThingRow;
  no: string;
  state: BundleState;
  filedOn: string;
  promisedWorkingDays: number;
  sumWorkingDays: number;
  endedOn?: string;
  completedAt?: string;
  applicantUserId?: string | null;
  channel?: 'online' | 'window';
  submittedBy: string;
  parts?: { itemCode: string; itemName: string; departmentId: string; state: PartState; caseId?: string | null }[];
}

/** Inserts one bundle (and its parts); returns its id and due day. */
export async function insertBundle(db: Queryable, f: BundleFacts) {
  const due = (await calendarFor(db, f.thing.centerId)).addWorkingDays(f.filedOn, f.promisedWorkingDays).date;
  const at = `${f.filedOn}T02:00:00.000Z`;
  const [row] = await db.insert(bundleCases).values({
    bundleNo: f.no, queryCode: '123456', centerId: f.thing.centerId, thingId: f.thing.id, thingCode: f.thing.code, thingVersion: f.thing.publishedVersion ?? 1,
    thingName: f.thing.name, leadDepartmentId: f.thing.leadDepartmentId, state: f.state, channel: f.channel ?? 'online', applicantKind: 'person',
    applicantName: '王立军', applicantIdNumber: '620524199005122336', applicantPhone: '13919385566', applicantUserId: f.applicantUserId ?? null,
    submittedBy: f.submittedBy, answers: {}, formData: {}, materials: [], filedOn: f.filedOn, promisedWorkingDays: f.promisedWorkingDays,
    sumWorkingDays: f.sumWorkingDays, promisedDue: due, endedOn: f.endedOn ?? null, completedAt: f.completedAt ?? null, createdAt: at, updatedAt: at,
  }).returning({ id: bundleCases.id });
  for (const p of f.parts ?? []) {
    await db.insert(bundleParts).values({ bundleId: row!.id, itemCode: p.itemCode, itemName: p.itemName, departmentId: p.departmentId, waitsFor: [], state: p.state, caseId: p.caseId ?? null, startedOn: p.caseId ? f.filedOn : null });
  }
  return { id: row!.id, promisedDue: due };
}
