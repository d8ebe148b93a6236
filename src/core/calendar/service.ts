import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rows, type Queryable, type Tx } from '../db/index.js';
import { appendAudit } from '../audit/audit.js';
import { badRequest, notFound } from '../errors.js';
import type { SessionUser } from '../auth/policy.js';
import { calendarChanges, calendarOverrides } from './schema.js';
import { WorkCalendar, type CalendarOverride } from './calendar.js';

/** National rows (years the package lacks) live under this scope. */
export const NATIONAL = '';

const cache = new Map<string, { fingerprint: string; calendar: WorkCalendar; checkedAt: number }>();
const FINGERPRINT_TTL_MS = 1000;

/**
 * The compiled calendar of a center (national data + its overrides). Compiled once and
 * reused while the overrides' fingerprint is unchanged, so every instance sees an edit at once.
 */
export async function calendarFor(db: Queryable, centerId: string | null | undefined, opts: { fresh?: boolean } = {}): Promise<WorkCalendar> {
  const key = centerId ?? NATIONAL;
  const hit = cache.get(key);
  // Re-check the fingerprint at most once a second; edits on this instance clear the cache at once.
  // `fresh`: always check (the recalculation after a change another instance may have made).
  if (hit && !opts.fresh && Date.now() - hit.checkedAt < FINGERPRINT_TTL_MS) return hit.calendar;
  const scopes = centerId ? [NATIONAL, centerId] : [NATIONAL];
  const [{ fp, published }] = await rows<{ fp: string | null; published: number[] | null }>(db, sql`
    select md5(coalesce(string_agg(scope || date::text || kind, ',' order by scope, date), '')
               || coalesce((select string_agg(year::text, ',' order by year) from calendar_years where status = 'published'), '')) as fp,
           (select array_agg(year) from calendar_years where status = 'published') as published
      from calendar_overrides where scope = ${NATIONAL} or scope = ${centerId ?? NATIONAL}`);
  const fingerprint = fp ?? 'none';
  if (hit && hit.fingerprint === fingerprint) {
    hit.checkedAt = Date.now();
    return hit.calendar;
  }
  const overrides = await db.select().from(calendarOverrides).where(inArray(calendarOverrides.scope, scopes));
  const toOverride = (o: typeof overrides[number]): CalendarOverride => ({ date: o.date, kind: o.kind, note: o.note });
  const calendar = WorkCalendar.national().withOverrides(
    overrides.filter((o) => o.scope === NATIONAL).map(toOverride),
    overrides.filter((o) => o.scope !== NATIONAL).map(toOverride),
    { published: (published ?? []).map(Number) },
  );
  cache.set(key, { fingerprint, calendar, checkedAt: Date.now() });
  return calendar;
}

export async function listOverrides(ctx: AppContext, user: SessionUser) {
  const list = await ctx.db.select().from(calendarOverrides)
    .where(inArray(calendarOverrides.scope, [NATIONAL, user.centerId ?? ''])).orderBy(calendarOverrides.date);
  return { overrides: list.map((o) => ({ scope: o.scope === NATIONAL ? 'national' : 'center', date: o.date, kind: o.kind, note: o.note })) };
}

export interface OverrideInput { date: string; kind: CalendarOverride['kind']; note: string; national?: boolean }

export async function addOverride(ctx: AppContext, user: SessionUser, input: OverrideInput) {
  const national = input.national === true;
  if (national !== (input.kind === 'holiday' || input.kind === 'adjustedWorkday')) {
    throw badRequest('override_kind', 'National rows are holiday/adjustedWorkday; a center adds localClosure/extraWorkday',
      '全国节假日数据只能是“法定假日/调休上班”，中心本地只能添加“本地闭馆/加班日”');
  }
  const scope = national ? NATIONAL : user.centerId ?? '';
  cache.clear();
  const row = { scope, date: input.date, kind: input.kind, note: input.note, createdBy: user.id, createdAt: ctx.now() };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(calendarOverrides).values(row).onConflictDoUpdate({
      target: [calendarOverrides.scope, calendarOverrides.date], set: { kind: row.kind, note: row.note, createdBy: row.createdBy, createdAt: row.createdAt },
    });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'calendar.override.set', entityType: 'calendar', entityId: `${scope || 'national'}:${input.date}`, after: input, at: ctx.now() });
    await recordChange(tx, { scope, fromDate: input.date, toDate: input.date, reason: `${input.kind} ${input.note}`.trim(), by: user.id, at: ctx.now() });
  });
  cache.clear();
  await calendarChanged(ctx);
  return { ok: true };
}

export async function removeOverride(ctx: AppContext, user: SessionUser, date: string, national: boolean) {
  const scope = national ? NATIONAL : user.centerId ?? '';
  cache.clear();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(calendarOverrides).where(and(eq(calendarOverrides.scope, scope), eq(calendarOverrides.date, date))).returning();
    if (removed.length === 0) throw notFound('Calendar override', '日历调整');
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'calendar.override.remove', entityType: 'calendar', entityId: `${scope || 'national'}:${date}`, before: removed[0], at: ctx.now() });
    await recordChange(tx, { scope, fromDate: date, toDate: date, reason: `removed ${removed[0]!.kind}`, by: user.id, at: ctx.now() });
  });
  cache.clear();
  await calendarChanged(ctx);
  return { ok: true };
}

/** Drops this instance's compiled calendars (other instances see the new fingerprint within a second). */
export const clearCalendarCache = () => cache.clear();

/**
 * A change that may move deadlines, in the change's own transaction: whoever works off the
 * queue (the case engine, src/cases/recalc.ts) finds it even if this process stops next.
 */
export async function recordChange(tx: Tx, c: { scope: string; fromDate: string; toDate: string; reason: string; by: string | null; at: Date }) {
  await tx.insert(calendarChanges).values({ scope: c.scope, fromDate: c.fromDate, toDate: c.toDate, reason: c.reason, createdBy: c.by, createdAt: c.at });
}

/**
 * What runs right after a calendar change commits (the case engine's recalculation, wired in
 * src/app.ts so this core module does not import the engine). A scheduled job runs it too.
 */
let afterChange: ((ctx: AppContext) => Promise<void>) | null = null;
export function whenCalendarChanges(fn: (ctx: AppContext) => Promise<void>) {
  afterChange = fn;
}
export async function calendarChanged(ctx: AppContext) {
  if (afterChange) await afterChange(ctx);
}
