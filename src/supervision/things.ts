/**
 * Supervision of 一件事 bundle cases (issue 24): per thing, the bundles filed, ended and
 * completed in a period, the on-time share, end-to-end working days against the promised
 * total and the sum of the parts, and the running bundles by light; and the list of running
 * bundles with their lights. The figures are pure (./thingsFigures.ts); this file reads the
 * rows, grouped so that a center's thousands of bundles come back as a few hundred groups.
 *
 * Scope: supervisors and the office read their center and below; a department role reads the
 * bundles its department leads or has a part in.
 */
import { outer } from '../core/db/outer.js';
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { DEPARTMENT_ROLES } from '../core/auth/roles.js';
import { rows, type Queryable } from '../core/db/index.js';
import { calendarFor } from '../core/calendar/service.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { maskName } from '../core/mask.js';
import { departments } from '../core/org/schema.js';
import { bundleCases, bundleParts, things } from '../things/schema.js';
import type { ClockSettings } from '../cases/settings.js';
import { settingsFor } from './settings.js';
import { BUNDLE_LIGHTS, bundleLight, figuresOf, sumTallies, tallyThings, type BundleLight, type EndedGroup, type RunningGroup, type ThingCount, type ThingFigures } from './thingsFigures.js';

export { BUNDLE_LIGHTS, type BundleLight, type ThingFigures } from './thingsFigures.js';

/** The bundles a reader may see (the same rule for the board, the list and the statistics). */
export function bundleScope(user: SessionUser): SQL {
  if (DEPARTMENT_ROLES.includes(user.role)) {
    const d = user.departmentId;
    if (!d) return sql`false`;
    return sql`(${bundleCases.leadDepartmentId} = ${d} or exists (select 1 from ${bundleParts} p where p.bundle_id = ${outer(bundleCases.id)} and p.department_id = ${d}))`;
  }
  return user.centerScope.length ? inArray(bundleCases.centerId, user.centerScope) : sql`false`;
}

/** Bundles of these centers (the statistics report's center subtree). */
export const bundlesOfCenters = (ids: readonly string[]): SQL => (ids.length ? inArray(bundleCases.centerId, [...ids]) : sql`false`);

/** Each center's calendar and clock settings, read once per center. */
async function centerReaders(db: Queryable, centerIds: Iterable<string>) {
  const ids = [...new Set(centerIds)];
  const cals = new Map<string, WorkCalendar>();
  const sets = new Map<string, ClockSettings>();
  await Promise.all(ids.map(async (id) => { cals.set(id, await calendarFor(db, id)); sets.set(id, await settingsFor(db, id)); }));
  return { calendarOf: (id: string) => cals.get(id)!, settingsOf: (id: string) => sets.get(id)! };
}

export interface ThingLine extends ThingFigures { thingId: string; thingCode: string; thingName: string }

/**
 * Per thing over [from, to]: filed (by filing day), ended (by the day every part ended),
 * completed (by the day the bundle closed, in the center's zone); running: as of today.
 */
export async function thingsFigures(db: Queryable, where: SQL, q: { from: string; to: string; today: string; timeZone: string }) {
  const period = (col: SQL) => sql`${col} between ${q.from}::date and ${q.to}::date`;
  const [filed, completed, ended, running] = await Promise.all([
    rows<ThingCount>(db, sql`select ${bundleCases.thingId}::text as "thingId", count(*)::int as n from ${bundleCases}
      where ${where} and ${period(sql`${bundleCases.filedOn}`)} group by 1`),
    rows<ThingCount>(db, sql`select ${bundleCases.thingId}::text as "thingId", count(*)::int as n from ${bundleCases}
      where ${where} and ${bundleCases.completedAt} is not null and ${period(sql`(${bundleCases.completedAt} at time zone ${q.timeZone})::date`)} group by 1`),
    rows<EndedGroup>(db, sql`select ${bundleCases.thingId}::text as "thingId", ${bundleCases.centerId}::text as "centerId", ${bundleCases.filedOn}::text as "filedOn",
        ${bundleCases.endedOn}::text as "endedOn", ${bundleCases.promisedDue}::text as "promisedDue", count(*)::int as n,
        sum(${bundleCases.promisedWorkingDays})::int as "promisedDays", sum(${bundleCases.sumWorkingDays})::int as "partsDays"
      from ${bundleCases} where ${where} and ${bundleCases.endedOn} is not null and ${period(sql`${bundleCases.endedOn}`)} group by 1, 2, 3, 4, 5`),
    rows<RunningGroup>(db, sql`select ${bundleCases.thingId}::text as "thingId", ${bundleCases.centerId}::text as "centerId", ${bundleCases.promisedDue}::text as "promisedDue",
        ${bundleCases.promisedWorkingDays} as "promisedWorkingDays", count(*)::int as n
      from ${bundleCases} where ${where} and ${bundleCases.state} = 'running' group by 1, 2, 3, 4`),
  ]);
  const num = <T extends object>(list: T[], keys: (keyof T)[]) => list.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) }) as T);
  const input = {
    filed: num(filed, ['n']), completed: num(completed, ['n']),
    ended: num(ended, ['n', 'promisedDays', 'partsDays']), running: num(running, ['n', 'promisedWorkingDays']),
  };
  const readers = await centerReaders(db, [...input.ended, ...input.running].map((r) => r.centerId));
  const tally = tallyThings(input, q.today, readers.calendarOf, readers.settingsOf);
  const ids = [...tally.keys()];
  const names = ids.length ? await db.select({ id: things.id, code: things.code, name: things.name }).from(things).where(inArray(things.id, ids)) : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  const lines: ThingLine[] = ids.map((id) => ({ thingId: id, thingCode: byId.get(id)?.code ?? '', thingName: byId.get(id)?.name ?? '', ...figuresOf(tally.get(id)!) }));
  lines.sort((a, b) => b.running.total - a.running.total || b.filed - a.filed || a.thingName.localeCompare(b.thingName, 'zh'));
  return { things: lines, total: figuresOf(sumTallies(tally.values())) };
}

/** The supervision board's `things` section (installed by src/compose.ts): the board's period, the reader's scope. */
export async function thingsBoardSection(ctx: AppContext, user: SessionUser, period: { today: string; since: string }) {
  return thingsFigures(ctx.db, bundleScope(user), { from: period.since, to: period.today, today: period.today, timeZone: ctx.config.timeZone });
}

export interface RunningQuery { thingId?: string; light?: BundleLight; page: number; pageSize: number }

/** At most this many running bundles are read for one list (a center runs far fewer at once). */
const RUNNING_CAP = 5000;
const LIGHT_ORDER: Record<BundleLight, number> = { red: 0, yellow: 1, green: 2 };

/** The running bundles in the reader's scope with their lights: red first, then yellow, each by due day. */
export async function runningBundles(ctx: AppContext, user: SessionUser, q: RunningQuery) {
  const today = ctx.today();
  const conds: SQL[] = [bundleScope(user), sql`${bundleCases.state} = 'running'`];
  if (q.thingId) conds.push(sql`${bundleCases.thingId} = ${q.thingId}`);
  const list = await ctx.db.select({
    id: bundleCases.id, bundleNo: bundleCases.bundleNo, centerId: bundleCases.centerId, thingId: bundleCases.thingId, thingCode: bundleCases.thingCode,
    thingName: bundleCases.thingName, channel: bundleCases.channel, applicantName: bundleCases.applicantName, applicantKind: bundleCases.applicantKind,
    filedOn: bundleCases.filedOn, promisedDue: bundleCases.promisedDue, promisedWorkingDays: bundleCases.promisedWorkingDays, sumWorkingDays: bundleCases.sumWorkingDays,
    leadDepartmentId: bundleCases.leadDepartmentId,
    leadDepartment: sql<string>`(select name from ${departments} d where d.id = ${outer(bundleCases.leadDepartmentId)})`,
    partCount: sql<number>`(select count(*)::int from ${bundleParts} p where p.bundle_id = ${outer(bundleCases.id)})`,
    partsEnded: sql<number>`(select count(*)::int from ${bundleParts} p where p.bundle_id = ${outer(bundleCases.id)} and p.state in ('resultReady', 'refused', 'completed', 'cancelled'))`,
  }).from(bundleCases).where(and(...conds)).orderBy(bundleCases.promisedDue, bundleCases.id).limit(RUNNING_CAP);
  const readers = await centerReaders(ctx.db, list.map((r) => r.centerId));
  const lit = list.map((r) => {
    const cal = readers.calendarOf(r.centerId);
    return {
      id: r.id, bundleNo: r.bundleNo, thingId: r.thingId, thingCode: r.thingCode, thingName: r.thingName, channel: r.channel,
      applicantName: maskName(r.applicantName, r.applicantKind), filedOn: r.filedOn, promisedDue: r.promisedDue,
      promisedWorkingDays: r.promisedWorkingDays, sumWorkingDays: r.sumWorkingDays,
      leadDepartment: { id: r.leadDepartmentId, name: r.leadDepartment },
      partCount: Number(r.partCount), partsEnded: Number(r.partsEnded),
      light: bundleLight(r, today, cal, readers.settingsOf(r.centerId)),
      /** Working days left to the promised due day (negative: late by that many). */
      daysLeft: cal.workingDaysBetween(today, r.promisedDue).days,
    };
  });
  const counts = Object.fromEntries(BUNDLE_LIGHTS.map((l) => [l, lit.filter((r) => r.light === l).length])) as Record<BundleLight, number>;
  const shown = (q.light ? lit.filter((r) => r.light === q.light) : lit)
    .sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || a.promisedDue.localeCompare(b.promisedDue) || a.bundleNo.localeCompare(b.bundleNo));
  return { today, counts, total: shown.length, page: q.page, pageSize: q.pageSize, items: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize) };
}
