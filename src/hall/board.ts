/** What a board shows on connect: recent calls, each window's ticket, waiting per category, and the event id to resume from. */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import { lastEventId } from './bus.js';
import { listCategories, listWindows } from './service.js';

export async function boardSnapshot(ctx: AppContext, centerId: string) {
  // The id first: events after it reach the board live, so nothing between is missed (a call already in the state is shown, not spoken).
  const lastId = await lastEventId(ctx.db, centerId);
  const [cats, wins, recent] = await Promise.all([
    listCategories(ctx, centerId),
    listWindows(ctx, centerId),
    rows<{ id: string | number; kind: string; data: Record<string, unknown>; at: string }>(ctx.db, sql`
      select id, kind, data, at from hall_events where center_id = ${centerId} and kind in ('call', 'recall') and at >= ${`${ctx.today()}T00:00:00`}::timestamp at time zone ${ctx.config.timeZone}
       order by id desc limit 12`),
  ]);
  return {
    lastEventId: lastId,
    center: cats.center,
    categories: cats.categories.map((c) => ({ id: c.id, prefix: c.prefix, name: c.name, waiting: c.waiting })),
    windows: wins.windows.map((w) => ({ id: w.id, number: w.number, name: w.name, paused: w.paused, current: w.current ? { number: w.current.number, state: w.current.state } : null })),
    recentCalls: recent.map((e) => ({ id: Number(e.id), kind: e.kind, ...e.data, at: new Date(e.at).toISOString() })),
  };
}
