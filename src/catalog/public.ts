import { and, eq, inArray, or, sql, asc, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { centers, departments } from '../core/org/schema.js';
import { serviceItems, serviceItemVersions } from './schema.js';
import { search, type SearchDoc } from './search.js';
import { publicSearchIndex, type PublicDoc } from './searchIndex.js';
import { ITEM_TYPES, ITEM_TYPE_LABELS, type GuideData } from './types.js';
import { isPublic, publishedJoin } from './published.js';

/** Published, available items (src/catalog/published.ts): what the portal may show and windows may accept. */
export { isPublic, publishedJoin };

export interface PublicListQuery { q?: string; department?: string; theme?: string; servedParty?: string; type?: string; page: number; pageSize: number }

const listColumns = {
  code: serviceItems.code, data: serviceItemVersions.data, departmentId: departments.id, departmentName: departments.name,
  aliases: serviceItems.aliases,
};
type ListRow = { code: string; data: GuideData; departmentId: string; departmentName: string; aliases: string[] };

function listView({ code, data, departmentId, departmentName, aliases }: ListRow) {
  return {
    code, name: data.name, type: data.type, caseKind: data.caseKind, theme: data.theme, servedParty: data.servedParty,
    department: { id: departmentId, name: departmentName }, promisedLimit: data.promisedLimit, statutoryLimit: data.statutoryLimit,
    maxVisits: data.maxVisits, onlineDepth: data.onlineDepth, aliases,
  };
}

/**
 * The public guide list. Without `q`: filtered, by item code. With `q`: ranked by the search
 * index (search.ts), the same filters applied, and "did you mean" names when nothing matched.
 */
export async function listPublicItems(ctx: AppContext, q: PublicListQuery) {
  if (q.q?.trim()) return searchPublicItems(ctx, q, q.q);
  const conds: SQL[] = [isPublic];
  if (q.department) conds.push(eq(serviceItems.departmentId, q.department));
  if (q.theme) conds.push(eq(serviceItems.theme, q.theme));
  // "both" items serve persons and organizations alike.
  if (q.servedParty) conds.push(or(eq(serviceItems.servedParty, q.servedParty), eq(serviceItems.servedParty, 'both'))!);
  if (q.type) conds.push(eq(serviceItems.type, q.type));
  const where = and(...conds);
  const [list, [{ total }]] = await Promise.all([
    ctx.db.select(listColumns)
      .from(serviceItems).innerJoin(serviceItemVersions, publishedJoin).innerJoin(departments, eq(departments.id, serviceItems.departmentId))
      .where(where).orderBy(asc(serviceItems.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(serviceItems).where(where),
  ]);
  return { items: list.map(listView), total, page: q.page, pageSize: q.pageSize, suggestions: [] as string[] };
}

async function searchPublicItems(ctx: AppContext, q: PublicListQuery, text: string) {
  const { index } = await publicSearchIndex(ctx);
  const filter = (d: SearchDoc) => {
    const p = d as PublicDoc;
    return (!q.department || p.departmentId === q.department) && (!q.theme || p.theme === q.theme)
      && (!q.servedParty || p.servedParty === q.servedParty || p.servedParty === 'both') && (!q.type || p.type === q.type);
  };
  const { hits, suggestions } = search(index, text, { filter });
  const page = hits.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const rows = page.length === 0 ? [] : await ctx.db.select({ ...listColumns, id: serviceItems.id })
    .from(serviceItems).innerJoin(serviceItemVersions, publishedJoin).innerJoin(departments, eq(departments.id, serviceItems.departmentId))
    .where(and(isPublic, inArray(serviceItems.id, page.map((h) => h.id))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  // An item withdrawn between the index check and this read is simply left out.
  const items = page.flatMap((h) => {
    const r = byId.get(h.id);
    return r ? [{ ...listView(r), match: h.match }] : [];
  });
  return { items, total: hits.length, page: q.page, pageSize: q.pageSize, suggestions };
}

/**
 * What the search box offers while people type (debounced in the browser): the first few
 * ranked names, answered from the in-memory index without reading the guides, and the
 * "did you mean" names. Same ranking and cuts as the full search.
 */
export async function suggestPublicItems(ctx: AppContext, text: string, limit: number) {
  const { index, docs } = await publicSearchIndex(ctx);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const { hits, suggestions } = search(index, text);
  const items = hits.slice(0, limit).flatMap((h) => {
    const d = byId.get(h.id);
    return d ? [{ code: d.code!, name: d.name, aliases: d.aliases.slice(0, 3), match: h.match }] : [];
  });
  return { items, total: hits.length, suggestions };
}

/** The published guide of one item, with department and center contact data. */
export async function getPublicItem(ctx: AppContext, code: string) {
  const [r] = await ctx.db.select({ item: serviceItems, data: serviceItemVersions.data, dept: departments, center: centers })
    .from(serviceItems).innerJoin(serviceItemVersions, publishedJoin)
    .innerJoin(departments, eq(departments.id, serviceItems.departmentId)).innerJoin(centers, eq(centers.id, serviceItems.centerId))
    .where(and(eq(serviceItems.code, code), isPublic));
  if (!r) throw notFound('Service item', '事项');
  const names = await departmentNames(ctx, r.data);
  return {
    ...r.data,
    jointParticipants: r.data.jointParticipants.map((j) => ({ ...j, departmentName: names.get(j.departmentId) ?? '' })),
    code: r.item.code, version: r.item.publishedVersion!,
    department: { id: r.dept.id, name: r.dept.name, phone: r.dept.phone },
    center: { id: r.center.id, name: r.center.name, address: r.center.address, hours: r.center.hours, phone: r.center.phone, complaintPhone: r.center.complaintPhone },
  };
}

async function departmentNames(ctx: AppContext, data: GuideData) {
  const ids = data.jointParticipants.map((j) => j.departmentId);
  if (ids.length === 0) return new Map<string, string>();
  const found = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids));
  return new Map(found.map((d) => [d.id, d.name]));
}

export async function publicFacets(ctx: AppContext) {
  const [depts, themes] = await Promise.all([
    ctx.db.select({ id: departments.id, name: departments.name, centerId: departments.centerId }).from(departments).orderBy(asc(departments.shortCode)),
    ctx.db.selectDistinct({ theme: serviceItems.theme }).from(serviceItems).where(isPublic).orderBy(asc(serviceItems.theme)),
  ]);
  return {
    departments: depts,
    themes: themes.map((t) => t.theme).filter(Boolean),
    types: ITEM_TYPES.map((value) => ({ value, label: ITEM_TYPE_LABELS[value] })),
  };
}
