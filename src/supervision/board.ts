/**
 * The supervision board: counts by light, a table per department and per window, the
 * red and black cases, and trends. Lights are read from the stored clock columns (the
 * same reading as the worklist), which the sweep keeps current.
 *
 * Cost: the light counts and the overdue list use the `active` worklist indexes; received
 * and on-time rate are counted over the period's cases (default 30 days). At province scale
 * the statistics module's rollups should replace these counts.
 */
import { outer } from '../core/db/outer.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { rows } from '../core/db/index.js';
import { maskName } from '../core/mask.js';
import { cases } from '../cases/schema.js';
import { anomalies, ladderSteps } from './schema.js';
import { scopeOf } from './scope.js';
import { boardSections } from './boardSections.js';
import { percent } from '../core/rounding.js';

const LIT = sql`${cases.state} in ('accepted', 'inProgress', 'suspended', 'reportedUp') and ${cases.promisedDue} is not null`;
const NEGATIVE = sql`('refused', 'returned', 'withdrawn', 'terminated')`;

function minusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function board(ctx: AppContext, user: SessionUser, days = 30) {
  const today = ctx.today();
  const since = minusDays(today, days - 1);
  const scope = scopeOf(user, cases.centerId, cases.departmentId);
  const stepScope = scopeOf(user, ladderSteps.centerId, ladderSteps.departmentId);
  const t = sql`${today}::date`;
  const [lights] = await rows<Record<'green' | 'yellow' | 'red' | 'black' | 'paused', number>>(ctx.db, sql`
    select count(*) filter (where coalesce(${cases.yellowOn}, '9999-12-31') > ${t} and ${cases.promisedDue} >= ${t})::int as green,
           count(*) filter (where ${cases.yellowOn} <= ${t} and ${cases.promisedDue} >= ${t})::int as yellow,
           count(*) filter (where ${cases.promisedDue} < ${t} and ${cases.statutoryDue} >= ${t})::int as red,
           count(*) filter (where ${cases.statutoryDue} < ${t})::int as black,
           count(*) filter (where ${cases.paused})::int as paused
      from ${cases} where ${scope} and ${cases.active} and ${LIT}`);

  const perGroup = (key: ReturnType<typeof sql>, name: ReturnType<typeof sql>, join: ReturnType<typeof sql>) => rows<{ id: string | null; name: string | null; received: number; in_progress: number; finished: number; on_time: number; overdue: number }>(ctx.db, sql`
    select ${key} as id, ${name} as name,
           count(*) filter (where ${cases.submittedAt} >= ${since}::date)::int as received,
           count(*) filter (where ${cases.active})::int as in_progress,
           count(*) filter (where ${cases.closedOn} >= ${since}::date and ${cases.acceptedOn} is not null and ${cases.state} not in ${NEGATIVE})::int as finished,
           count(*) filter (where ${cases.closedOn} >= ${since}::date and ${cases.acceptedOn} is not null and ${cases.state} not in ${NEGATIVE} and ${cases.closedOn} <= ${cases.promisedDue})::int as on_time,
           count(*) filter (where ${cases.active} and ${LIT} and ${cases.promisedDue} < ${t})::int as overdue
      from ${cases} ${join}
     where ${scope} and (${cases.active} or ${cases.submittedAt} >= ${since}::date or ${cases.closedOn} >= ${since}::date)
     group by 1, 2 order by 2`);
  const [deptRows, windowRows, orders] = await Promise.all([
    perGroup(sql`d.id`, sql`d.name`, sql`join departments d on d.id = ${cases.departmentId}`),
    perGroup(sql`w.id`, sql`coalesce(w.number || '号窗口 ' || w.name, '网上/未经窗口')`, sql`left join users u on u.id = ${cases.acceptedBy} left join windows w on w.id = u.window_id`),
    ctx.db.select({ departmentId: ladderSteps.departmentId, n: sql<number>`count(*)::int` }).from(ladderSteps)
      .where(and(stepScope, eq(ladderSteps.kind, 'order'), sql`${ladderSteps.answeredAt} is null`)).groupBy(ladderSteps.departmentId),
  ]);
  const openOrders = new Map(orders.map((o) => [o.departmentId, o.n]));
  const shape = (r: (typeof deptRows)[number]) => ({
    id: r.id, name: r.name ?? '', received: r.received, inProgress: r.in_progress, finished: r.finished, onTime: r.on_time,
    onTimeRate: percent(r.on_time, r.finished), overdue: r.overdue,
  });

  const late = await ctx.db.select({
    id: cases.id, caseNo: cases.caseNo, itemName: cases.itemName, applicantName: cases.applicantName, applicantKind: cases.applicantKind, state: cases.state,
    promisedDue: cases.promisedDue, statutoryDue: cases.statutoryDue, departmentName: sql<string>`(select name from departments d where d.id = ${outer(cases.departmentId)})`,
    holderName: sql<string | null>`(select display_name from users u where u.id = coalesce(${outer(cases.assigneeId)}, ${outer(cases.coordinatorId)}))`,
  }).from(cases).where(and(scope, eq(cases.active, true), LIT, sql`${cases.promisedDue} < ${t}`)).orderBy(asc(cases.promisedDue), asc(cases.id)).limit(200);

  const trendRows = await rows<{ day: string; urge: number; order: number; violation: number }>(ctx.db, sql`
    select issued_on::text as day, count(*) filter (where kind = 'urge')::int as urge, count(*) filter (where kind = 'order')::int as "order",
           count(*) filter (where kind = 'violation')::int as violation
      from ${ladderSteps} where ${stepScope} and issued_on >= ${since}::date group by 1`);
  const received = await rows<{ day: string; n: number }>(ctx.db, sql`
    select (${cases.submittedAt} at time zone ${ctx.config.timeZone})::date::text as day, count(*)::int as n
      from ${cases} where ${scope} and ${cases.submittedAt} >= ${since}::date group by 1`);
  const byDay = new Map(trendRows.map((r) => [r.day, r]));
  const recvByDay = new Map(received.map((r) => [r.day, r.n]));
  const trend = Array.from({ length: days }, (_, i) => {
    const day = minusDays(today, days - 1 - i);
    const r = byDay.get(day);
    return { day, received: recvByDay.get(day) ?? 0, urge: r?.urge ?? 0, order: r?.order ?? 0, violation: r?.violation ?? 0 };
  });
  const [{ n: openAnomalies }] = await rows<{ n: number }>(ctx.db, sql`
    select count(*)::int as n from ${anomalies} where ${scopeOf(user, anomalies.centerId, anomalies.departmentId)} and handled_at is null`);

  return {
    today, days, lights,
    departments: deptRows.map((r) => ({ ...shape(r), openOrders: openOrders.get(r.id ?? '') ?? 0 })),
    windows: windowRows.map(shape),
    late: late.map((r) => ({
      id: r.id, caseNo: r.caseNo, itemName: r.itemName, applicantName: maskName(r.applicantName, r.applicantKind), state: r.state,
      promisedDue: r.promisedDue, statutoryDue: r.statutoryDue, department: r.departmentName, holder: r.holderName,
      light: r.statutoryDue && r.statutoryDue < today ? 'black' as const : 'red' as const,
    })),
    trend, openAnomalies,
    // The other modules' blocks (feedback, hall), handed in by src/compose.ts.
    ...(await boardSections(ctx, user, { today, since })),
  };
}
