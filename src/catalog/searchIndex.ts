/**
 * The public search index, fed from the database. Building it (pinyin of every name and
 * alias) costs milliseconds per thousand items, so it is kept per application and rebuilt
 * when the catalog changed: every change to an item moves its `updated_at`, and an item
 * leaving the public set changes the count, so (count, max(updated_at)) is checked with one
 * aggregate per search. Several processes on one database each notice the change the same way.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { serviceItems, serviceItemVersions } from './schema.js';
import { isPublic, publishedJoin } from './published.js';
import { buildIndex, type SearchDoc, type SearchIndex } from './search.js';
import type { GuideData } from './types.js';

export interface PublicDoc extends SearchDoc { departmentId: string; theme: string; servedParty: string; type: string }

interface Cached { stamp: string; index: SearchIndex; docs: PublicDoc[] }
const cache = new WeakMap<AppContext, Cached>();

/** What the description tier searches: theme, the result people receive, the conditions, material names. */
export function describe(data: GuideData): string {
  return [data.theme, data.result.name, data.conditions, ...data.materials.map((m) => m.name)].join(' ');
}

async function stampOf(ctx: AppContext): Promise<string> {
  const [r] = await ctx.db.select({
    n: sql<number>`count(*) filter (where ${isPublic})::int`,
    at: sql<string | null>`max(${serviceItems.updatedAt})::text`,
  }).from(serviceItems);
  return `${r.n}|${r.at ?? ''}`;
}

async function load(ctx: AppContext): Promise<PublicDoc[]> {
  const rows = await ctx.db.select({
    id: serviceItems.id, code: serviceItems.code, name: serviceItems.name, aliases: serviceItems.aliases, keywords: serviceItems.keywords,
    departmentId: serviceItems.departmentId, theme: serviceItems.theme, servedParty: serviceItems.servedParty, type: serviceItems.type,
    data: serviceItemVersions.data,
  }).from(serviceItems).innerJoin(serviceItemVersions, publishedJoin).where(isPublic).orderBy(serviceItems.code);
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, aliases: r.aliases, keywords: r.keywords, description: describe(r.data),
    departmentId: r.departmentId, theme: r.theme, servedParty: r.servedParty, type: r.type,
  }));
}

export async function publicSearchIndex(ctx: AppContext): Promise<Cached> {
  const stamp = await stampOf(ctx);
  const hit = cache.get(ctx);
  if (hit && hit.stamp === stamp) return hit;
  const docs = await load(ctx);
  const fresh = { stamp, docs, index: buildIndex(docs) };
  cache.set(ctx, fresh);
  return fresh;
}

