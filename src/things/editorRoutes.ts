/**
 * What the things editor needs beside the thing itself: the center's published items it may
 * bundle (with department, promised limit and materials, for picking items, mapping shared
 * materials and adding up the promised total) and the center's departments (the lead).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { errors, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { departments } from '../core/org/schema.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { isPublic, publishedJoin } from '../catalog/public.js';

const NONE = '00000000-0000-0000-0000-000000000000';

export async function editorOptions(ctx: AppContext, centerId: string) {
  const [items, depts] = await Promise.all([
    ctx.db.select({ code: serviceItems.code, departmentId: serviceItems.departmentId, departmentName: departments.name, data: serviceItemVersions.data })
      .from(serviceItems).innerJoin(serviceItemVersions, publishedJoin).innerJoin(departments, eq(departments.id, serviceItems.departmentId))
      .where(and(isPublic, eq(serviceItems.centerId, centerId))).orderBy(asc(departments.name), asc(serviceItems.code)),
    ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, centerId)).orderBy(asc(departments.name)),
  ]);
  return {
    items: items.map((r) => ({
      code: r.code, name: r.data.name, department: { id: r.departmentId, name: r.departmentName }, promisedLimit: r.data.promisedLimit,
      materials: r.data.materials.map((m) => ({ id: m.id, name: m.name, required: m.required, source: m.source })),
    })),
    departments: depts,
  };
}

export function thingEditorRoutes(app: App, ctx: AppContext) {
  app.get('/api/things/editor/options', {
    config: { policy: ['centerAdmin', 'coordinator', 'handler', 'chiefRep', 'leader'] },
    schema: { tags: ['things'], summary: 'For the things editor: the published items of my center (department, limit, materials) and its departments', response: errors(401, 403) },
  }, async (req) => editorOptions(ctx, currentUser(req).centerId ?? NONE));
}
