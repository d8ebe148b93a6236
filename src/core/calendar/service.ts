import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rows, type Queryable } from '../db/index.js';
import { appendAudit } from '../audit/audit.js';
import { badRequest, notFound } from '../errors.js';
import type { SessionUser } from '../auth/policy.js';
import { calendarOverrides } from './schema.js';
import { WorkCalendar, type CalendarOverride } from './calendar.js';

/** National rows (years the package lacks) live under this scope. */
export const NATIONAL = '';

const cache = new Map<string, { fingerprint: string; calendar: WorkCalendar; checkedAt: number }>();
const FINGERPRINT_TTL_MS = 1000;

/**
 * The compiled calendar of a center (national data + its overrides). Compiled once and
 * reused while the overrides' fingerprint is unchanged, so every instance sees an edit at once.
 */
export async function calendarFor(db: Queryable, centerId: string | null | undefined): Promise<WorkCalendar> {
  const key = centerId ?? NATIONAL;
  const hit = cache.get(key);
  // Re-check the fingerprint at most once a second; edits on this instance clear the cache at once.
  if (hit && Date.now() - hit.checkedAt < FINGERPRINT_TTL_MS) return hit.calendar;
  const scopes = centerId ? [NATIONAL, centerId] : [NATIONAL];
  const [{ fp }] = await rows<{ fp: string | null }>(db, sql`
    select md5(string_agg(scope || date::text || kind, ',' order by scope, date)) as fp
      from calendar_overrides where scope = ${NATIONAL} or scope = ${centerId ?? NATIONAL}`);
  const fingerprint = fp ?? 'none';
  if (hit && hit.fingerprint === fingerprint) {
    hit.checkedAt = Date.now();
    return hit.calendar;
  }
  const overrides = fp ? await db.select().from(calendarOverrides).where(inArray(calendarOverrides.scope, scopes)) : [];
  const toOverride = (o: typeof overrides[number]): CalendarOverride => ({ date: o.date, kind: o.kind, note: o.note });
  const calendar = WorkCalendar.national().withOverrides(
    overrides.filter((o) => o.scope === NATIONAL).map(toOverride),
    overrides.filter((o) => o.scope !== NATIONAL).map(toOverride),
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
  });
  cache.clear();
  return { ok: true };
}

export async function removeOverride(ctx: AppContext, user: SessionUser, date: string, national: boolean) {
  const scope = national ? NATIONAL : user.centerId ?? '';
  cache.clear();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(calendarOverrides).where(and(eq(calendarOverrides.scope, scope), eq(calendarOverrides.date, date))).returning();
    if (removed.length === 0) throw notFound('Calendar override', '日历调整');
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'calendar.override.remove', entityType: 'calendar', entityId: `${scope || 'national'}:${date}`, before: removed[0], at: ctx.now() });
  });
  cache.clear();
  return { ok: true };
}
