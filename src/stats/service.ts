import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, forbidden } from '../core/errors.js';
import { isIsoDate } from '../core/calendar/calendar.js';
import { centers, departments, windows } from '../core/org/schema.js';
import { serviceItems } from '../catalog/schema.js';
import { CASE_KIND_LABELS, type CaseKind } from '../catalog/types.js';
import { CHANNEL_LABELS, type Channel } from '../cases/types.js';
import { measuresOf, zeroCounts, type Measures, type RowCounts } from './measures.js';

import { GROUP_BY_LABELS, type GroupBy, type PublicGroupBy } from './types.js';

export { GROUP_BYS, type GroupBy } from './types.js';

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  centerId?: string;
  departmentId?: string;
  windowId?: string;
  itemId?: string;
  kind?: CaseKind;
  channel?: Channel;
}

export interface ReportRow extends Measures { key: string | null; label: string }
/**
 * Row labels are in Chinese (the Excel sheet's wording). Grouped by window, `windows` also gives
 * each window row's number and bare name, so the web app can say "Window 3" around the name.
 */
export interface Report { from: string; to: string; groupBy: GroupBy; groupLabel: string; rows: ReportRow[]; total: ReportRow; windows?: Record<string, WindowName> }
type WindowName = { number: number; name: string };

const GROUP_SQL: Record<GroupBy, SQL> = {
  none: sql`'all'`, day: sql`day::text`, month: sql`to_char(day, 'YYYY-MM')`, center: sql`center_id::text`, department: sql`department_id::text`,
  window: sql`window_id::text`, item: sql`item_id::text`, kind: sql`kind`, channel: sql`channel`,
};
const isTime = (g: GroupBy) => g === 'day' || g === 'month';

/** Centers the report covers: the asked center's subtree (or everything), cut to the reader's scope. */
async function centerIds(db: Queryable, scope: string[] | 'all', centerId?: string): Promise<string[]> {
  if (centerId && scope !== 'all' && !scope.includes(centerId)) throw forbidden('Outside your center', '不在本中心管辖范围');
  const subtree = centerId
    ? await rows<{ id: string }>(db, sql`select id from centers where path like (select path from centers where id = ${centerId}) || '%'`)
    : await rows<{ id: string }>(db, sql`select id from centers`);
  const ids = subtree.map((r) => r.id);
  return scope === 'all' ? ids : ids.filter((id) => scope.includes(id));
}

function filters(q: ReportQuery, ids: string[]): SQL {
  const parts: SQL[] = [ids.length ? sql`center_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`];
  if (q.departmentId) parts.push(sql`department_id = ${q.departmentId}::uuid`);
  if (q.windowId) parts.push(sql`window_id = ${q.windowId}::uuid`);
  if (q.itemId) parts.push(sql`item_id = ${q.itemId}::uuid`);
  if (q.kind) parts.push(sql`kind = ${q.kind}`);
  if (q.channel) parts.push(sql`channel = ${q.channel}`);
  return sql.join(parts, sql` and `);
}

interface FlowRow {
  key: string | null; received: number; supplement_notified: number; accepted: number; refused: number; completed: number; on_time: number;
  first_time: number; working_days_used: number; exits: number; immediate_completed: number; online_received: number;
}

/** The period's flows per group: one aggregate over the rollup rows of the period. */
async function flows(db: Queryable, where: SQL, q: ReportQuery): Promise<Map<string | null, RowCounts>> {
  const list = await rows<FlowRow>(db, sql`
    select ${GROUP_SQL[q.groupBy]} as key, sum(received)::int as received, sum(supplement_notified)::int as supplement_notified,
      sum(accepted)::int as accepted, sum(refused)::int as refused, sum(completed)::int as completed, sum(on_time)::int as on_time,
      sum(first_time)::int as first_time, sum(working_days_used)::int as working_days_used, sum(exits)::int as exits,
      sum(case when kind = 'immediate' then completed else 0 end)::int as immediate_completed,
      sum(case when channel = 'online' then received else 0 end)::int as online_received
    from stats_daily where day between ${q.from}::date and ${q.to}::date and ${where}
    group by 1`);
  return new Map(list.map((r) => [r.key, {
    received: Number(r.received), supplementNotified: Number(r.supplement_notified), accepted: Number(r.accepted), refused: Number(r.refused),
    completed: Number(r.completed), onTime: Number(r.on_time), firstTime: Number(r.first_time), workingDaysUsed: Number(r.working_days_used),
    exits: Number(r.exits), immediateCompleted: Number(r.immediate_completed), onlineReceived: Number(r.online_received), inProgress: 0,
  }]));
}

/**
 * The in-progress stock at the end of `to`, per group: the open cases now (stats_open)
 * minus the net acceptances after `to` — reads only the days after the period, not all history.
 */
async function stockAt(db: Queryable, where: SQL, to: string, group: SQL): Promise<Map<string | null, number>> {
  const list = await rows<{ key: string | null; n: number }>(db, sql`
    select key, sum(n)::int as n from (
      select ${group} as key, open as n from stats_open where ${where}
      union all
      select ${group} as key, exits - accepted as n from stats_daily where day > ${to}::date and ${where}
    ) s group by key`);
  return new Map(list.map((r) => [r.key, Number(r.n)]));
}

async function labels(db: Queryable, groupBy: GroupBy, keys: (string | null)[], windowOf: Record<string, WindowName>): Promise<Map<string | null, string>> {
  const ids = keys.filter((k): k is string => k !== null);
  const m = new Map<string | null, string>();
  const put = (list: { id: string; label: string }[]) => list.forEach((r) => m.set(r.id, r.label));
  if (groupBy === 'none') m.set('all', '合计');
  if (groupBy === 'kind') ids.forEach((k) => m.set(k, CASE_KIND_LABELS[k as CaseKind] ?? k));
  if (groupBy === 'channel') ids.forEach((k) => m.set(k, CHANNEL_LABELS[k as Channel] ?? k));
  if (ids.length && groupBy === 'center') put(await db.select({ id: centers.id, label: centers.name }).from(centers).where(inArray(centers.id, ids)));
  if (ids.length && groupBy === 'department') put(await db.select({ id: departments.id, label: departments.name }).from(departments).where(inArray(departments.id, ids)));
  if (ids.length && groupBy === 'item') put(await db.select({ id: serviceItems.id, label: serviceItems.name }).from(serviceItems).where(inArray(serviceItems.id, ids)));
  if (ids.length && groupBy === 'window') {
    const ws = await db.select({ id: windows.id, n: windows.number, name: windows.name }).from(windows).where(inArray(windows.id, ids));
    for (const w of ws) windowOf[w.id] = { number: w.n, name: w.name };
    put(ws.map((w) => ({ id: w.id, label: `${w.n}号窗口 ${w.name}` })));
  }
  if (groupBy === 'window') m.set(null, '未经窗口（网上申报未受理等）');
  return m;
}

/** A real period of at most three years (a report stays a report, not an export of everything). */
function checkPeriod(q: ReportQuery) {
  for (const f of ['from', 'to'] as const) {
    if (!isIsoDate(q[f])) throw badRequest('validation_failed', `${f} is not a calendar date`, '日期无效', [{ field: `querystring.${f}`, message: 'invalid date' }]);
  }
  if (q.from > q.to) throw badRequest('validation_failed', '`from` is after `to`', '起始日期晚于截止日期', [{ field: 'querystring.from', message: 'after to' }]);
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days > 3 * 366) throw badRequest('period_too_long', 'A report covers at most three years', '统计期间最长三年', [{ field: 'querystring.to', message: 'too long' }]);
}

export async function buildReport(db: Queryable, scope: string[] | 'all', q: ReportQuery): Promise<Report> {
  checkPeriod(q);
  const ids = await centerIds(db, scope, q.centerId);
  const where = filters(q, ids);
  // Flows and stock are independent: on PostgreSQL they run side by side on two connections.
  // One stock query: per group for the dimension groupings (the total is their sum), else the total alone.
  const stockGroup = isTime(q.groupBy) ? GROUP_SQL.none : GROUP_SQL[q.groupBy];
  const [flow, stock] = await Promise.all([flows(db, where, q), stockAt(db, where, q.to, stockGroup)]);
  const total = isTime(q.groupBy) ? stock.get('all') ?? 0 : [...stock.values()].reduce((a, b) => a + b, 0);
  const keys = new Set<string | null>(flow.keys());
  if (isTime(q.groupBy)) {
    // Stock at each bucket's end: walk back from the period's end, undoing each bucket's net change.
    let s = total;
    for (const k of [...keys].sort().reverse()) { const c = flow.get(k)!; c.inProgress = s; s -= c.accepted - c.exits; }
  } else {
    for (const [k, n] of stock) {
      if (n === 0 && !flow.has(k)) continue;
      if (!flow.has(k)) flow.set(k, { ...zeroCounts(), immediateCompleted: 0, onlineReceived: 0, inProgress: 0 });
      flow.get(k)!.inProgress = n;
      keys.add(k);
    }
  }
  const windowOf: Record<string, WindowName> = {};
  const names = await labels(db, q.groupBy, [...keys], windowOf);
  const sum: RowCounts = { ...zeroCounts(), immediateCompleted: 0, onlineReceived: 0, inProgress: total };
  const list: ReportRow[] = [];
  for (const k of keys) {
    const c = flow.get(k)!;
    // A group whose counts all cancelled out (a case moved to its window later) is not a row.
    if ((Object.keys(c) as (keyof RowCounts)[]).every((f) => c[f] === 0)) continue;
    for (const f of Object.keys(sum) as (keyof RowCounts)[]) if (f !== 'inProgress') sum[f] += c[f];
    list.push({ key: k, label: names.get(k) ?? k ?? '—', ...measuresOf(c) });
  }
  list.sort(isTime(q.groupBy) ? (a, b) => String(a.key).localeCompare(String(b.key)) : (a, b) => b.received - a.received || b.inProgress - a.inProgress || a.label.localeCompare(b.label, 'zh'));
  return {
    from: q.from, to: q.to, groupBy: q.groupBy, groupLabel: GROUP_BY_LABELS[q.groupBy], rows: list, total: { key: null, label: '合计', ...measuresOf(sum) },
    ...(q.groupBy === 'window' ? { windows: windowOf } : {}),
  };
}

/** Staff: their center and the centers below it (domain §12). */
export const staffReport = (ctx: AppContext, user: SessionUser, q: ReportQuery) => buildReport(ctx.db, user.centerScope, q);

/** The portal: aggregate numbers only, every center, no window or person dimension. */
export const publicReport = (ctx: AppContext, q: Pick<ReportQuery, 'from' | 'to' | 'centerId'> & { groupBy: PublicGroupBy }) => buildReport(ctx.db, 'all', q);

/** Filter choices for the report page: the reader's centers and what is in them. */
export async function dimensions(ctx: AppContext, user: SessionUser) {
  const scope = user.centerScope.length ? user.centerScope : ['00000000-0000-0000-0000-000000000000'];
  const [cs, ds, ws, items] = await Promise.all([
    ctx.db.select({ id: centers.id, name: centers.name }).from(centers).where(inArray(centers.id, scope)),
    ctx.db.select({ id: departments.id, name: departments.name, centerId: departments.centerId }).from(departments).where(inArray(departments.centerId, scope)),
    ctx.db.select({ id: windows.id, number: windows.number, name: windows.name, centerId: windows.centerId }).from(windows).where(inArray(windows.centerId, scope)),
    ctx.db.select({ id: serviceItems.id, name: serviceItems.name, code: serviceItems.code, departmentId: serviceItems.departmentId }).from(serviceItems).where(inArray(serviceItems.centerId, scope)),
  ]);
  // Windows: `number` and the bare `name` (the web app words "3号窗口" in the reader's language).
  return { centers: cs, departments: ds, windows: ws, items };
}
