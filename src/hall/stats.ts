/**
 * Hall statistics over a period: waiting now per category; wait (taken → first called)
 * and service (started → finished) time per hour, category and window; the share of
 * called tickets called within the wait target; no-shows; bookings kept. One aggregate
 * per grouping over the period's tickets (indexed by center and day).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import { percent } from '../core/rounding.js';
import { settingsFor } from './settings.js';
import { waitingCounts } from './service.js';

interface GroupRow { key: string | number | null; name: string | null; tickets: number; called: number; served: number; no_show: number; within: number; wait_sum: number | null; service_sum: number | null }

type Frag = ReturnType<typeof sql>;

/** One grouping of a center's tickets over a period: counts, wait and service sums. */
const groupTickets = (ctx: AppContext, centerId: string, from: string, to: string, target: number, key: Frag, name: Frag, join: Frag = sql``) => rows<GroupRow>(ctx.db, sql`
    select ${key} as key, ${name} as name, count(*)::int as tickets,
           count(t.first_called_at)::int as called,
           count(*) filter (where t.state = 'done')::int as served,
           count(*) filter (where t.state = 'noShow')::int as no_show,
           count(*) filter (where t.first_called_at is not null and t.first_called_at - t.taken_at <= make_interval(mins => ${target}))::int as within,
           sum(extract(epoch from t.first_called_at - t.taken_at) / 60)::float8 as wait_sum,
           sum(extract(epoch from t.finished_at - t.started_at) / 60) filter (where t.state = 'done' and t.started_at is not null)::float8 as service_sum
      from hall_tickets t ${join}
     where t.center_id = ${centerId} and t.day between ${from}::date and ${to}::date
     group by 1, 2 order by 1`);

const EMPTY: GroupRow = { key: null, name: null, tickets: 0, called: 0, served: 0, no_show: 0, within: 0, wait_sum: null, service_sum: null };

export async function hallStats(ctx: AppContext, centerId: string, from: string, to: string) {
  const settings = await settingsFor(ctx.db, centerId);
  const target = settings.waitTargetMinutes;
  const tz = ctx.config.timeZone;
  const group = (key: Frag, name: Frag, join?: Frag) => groupTickets(ctx, centerId, from, to, target, key, name, join);
  const [byHour, byCategory, byWindow, total] = await Promise.all([
    group(sql`extract(hour from t.taken_at at time zone ${tz})::int`, sql`null::text`),
    group(sql`c.prefix`, sql`c.name`, sql`join hall_categories c on c.id = t.taken_category_id`),
    group(sql`w.number`, sql`w.name`, sql`join windows w on w.id = t.window_id`),
    group(sql`null::text`, sql`null::text`),
  ]);
  const [b] = await rows<{ total: number; kept: number; no_show: number; cancelled: number; open: number }>(ctx.db, sql`
    select count(*)::int as total, count(*) filter (where status = 'checkedIn')::int as kept, count(*) filter (where status = 'noShow')::int as no_show,
           count(*) filter (where status = 'cancelled')::int as cancelled, count(*) filter (where status = 'booked')::int as open
      from hall_bookings where center_id = ${centerId} and day between ${from}::date and ${to}::date`);
  const waiting = await waitingCounts(ctx.db, centerId, ctx.today());
  const cats = await rows<{ id: string; prefix: string; name: string }>(ctx.db, sql`select id, prefix, name from hall_categories where center_id = ${centerId} order by sort_order, prefix`);
  return {
    from, to, waitTargetMinutes: target,
    waitingNow: cats.map((c) => ({ categoryId: c.id, prefix: c.prefix, name: c.name, waiting: waiting[c.id] ?? 0 })),
    total: shape(total[0] ?? EMPTY),
    byHour: byHour.map(shape), byCategory: byCategory.map(shape), byWindow: byWindow.map(shape),
    bookings: { total: b.total, kept: b.kept, noShows: b.no_show, cancelled: b.cancelled, open: b.open, keptRate: percent(b.kept, b.kept + b.no_show) },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const shape = (r: GroupRow) => ({
  key: r.key, name: r.name, tickets: r.tickets, called: r.called, served: r.served, noShows: r.no_show,
  avgWaitMinutes: r.called ? round1((r.wait_sum ?? 0) / r.called) : null,
  avgServiceMinutes: r.served && r.service_sum !== null ? round1(r.service_sum / r.served) : null,
  withinTargetRate: percent(r.within, r.called),
});

/** The hall's block on the supervision board (电子监察): today's queue of the reader's center — the totals only. */
export async function hallBoardFigures(ctx: AppContext, centerId: string) {
  const today = ctx.today();
  const { waitTargetMinutes } = await settingsFor(ctx.db, centerId);
  const [[row], waiting, [{ paused }]] = await Promise.all([
    groupTickets(ctx, centerId, today, today, waitTargetMinutes, sql`null::text`, sql`null::text`),
    waitingCounts(ctx.db, centerId, today),
    rows<{ paused: number }>(ctx.db, sql`
      select count(*)::int as paused from hall_window_state s join windows w on w.id = s.window_id where w.center_id = ${centerId} and s.paused`),
  ]);
  const total = shape(row ?? EMPTY);
  return {
    waitingNow: Object.values(waiting).reduce((n, c) => n + c, 0), tickets: total.tickets, served: total.served, noShows: total.noShows,
    avgWaitMinutes: total.avgWaitMinutes, withinTargetRate: total.withinTargetRate, waitTargetMinutes, pausedWindows: paused,
  };
}
