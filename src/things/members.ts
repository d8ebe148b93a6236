import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { departments } from '../core/org/schema.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { isPublic, publishedJoin } from '../catalog/public.js';
import type { GuideData } from '../catalog/types.js';
import type { MemberItem } from './rules.js';

export interface Member extends MemberItem { departmentName: string; guide: GuideData }

/**
 * The published, available items of a center among `codes`, by code: what a thing may bundle.
 * An item suspended or abolished after the thing was published is simply absent; the rules
 * and the guide then leave it out.
 */
export async function loadMembers(db: Queryable, centerId: string, codes: readonly string[]): Promise<Map<string, Member>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: serviceItems.code, departmentId: serviceItems.departmentId, departmentName: departments.name, data: serviceItemVersions.data })
    .from(serviceItems).innerJoin(serviceItemVersions, publishedJoin).innerJoin(departments, eq(departments.id, serviceItems.departmentId))
    .where(and(isPublic, eq(serviceItems.centerId, centerId), inArray(serviceItems.code, [...new Set(codes)])));
  return new Map(rows.map((r) => [r.code, {
    code: r.code, name: r.data.name, departmentId: r.departmentId, departmentName: r.departmentName,
    promisedLimit: r.data.promisedLimit, materials: r.data.materials, guide: r.data,
  }]));
}
