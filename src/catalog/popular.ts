/**
 * 热门事项 on the portal's home page: the published items people actually applied for most
 * in the last 90 days (cases submitted, every channel), not a hand-picked list. Counting
 * cases is an aggregate over the case table, so the answer is kept for 10 minutes per
 * application (a cache lifetime, not domain time).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import { TtlCache } from '../core/ttlCache.js';

export const POPULAR_DAYS = 90;
const caches = new WeakMap<AppContext, TtlCache<PopularItem[]>>();

export interface PopularItem { code: string; name: string; cases: number }

export async function popularItems(ctx: AppContext, limit = 8): Promise<{ items: PopularItem[]; days: number }> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new TtlCache(10 * 60_000, 10)));
  const since = new Date(`${ctx.today()}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - POPULAR_DAYS);
  const items = await cache.get(`${ctx.today()}|${limit}`, () => rows<PopularItem>(ctx.db, sql`
    select i.code, i.name, n.cases::int as cases
      from (select item_id, count(*) as cases from cases where submitted_at >= ${since.toISOString()} group by item_id) n
      join service_items i on i.id = n.item_id
     where i.published_version is not null and i.availability = 'active'
     order by n.cases desc, i.code
     limit ${limit}`));
  return { items, days: POPULAR_DAYS };
}
