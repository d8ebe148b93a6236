/**
 * Four eyes on the calendar: before a local closure, an extra working day or a national row
 * is added or removed, the admin sees what it would move — the open cases with their dates
 * before and after, how many applicants would get an SMS, and the other tracked deadlines
 * (src/deadlines.ts) — and confirms. Read-only: the same recomputation as the recalculation
 * (recalc.ts), on the calendar as it would be. A local change moves the center's cases; a
 * national one moves every center's, each on its own calendar, so all are counted — cases
 * outside the admin's centers are counted, not listed.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { AppContext } from './core/context.js';
import type { SessionUser } from './core/auth/policy.js';
import { currentUser } from './core/auth/policy.js';
import { errors, IsoDate, type App } from './core/http.js';
import { badRequest } from './core/errors.js';
import { calendarOverrides, calendarYears } from './core/calendar/schema.js';
import { WorkCalendar, type CalendarOverride } from './core/calendar/calendar.js';
import { NATIONAL } from './core/calendar/service.js';
import { workingDeadlines } from './core/deadlines/schema.js';
import { caseEngine } from './cases/ports.js';
import { DEADLINES } from './deadlines.js';
import { cases } from './cases/schema.js';
import { itemVersionOf, pausesJson } from './cases/repo.js';
import { deadlineRules } from './cases/intake.js';
import { recompute, windowEnd } from './cases/recalc.js';

type Kind = CalendarOverride['kind'];
export interface PreviewInput { date: string; kind?: Kind; national?: boolean; remove?: boolean }

const SHOWN = 200;
const EXAMINED = 5000;
const KEYS = ['promisedDue', 'statutoryDue', 'acceptBy', 'owedBy', 'deemOn'] as const;

/** A center's calendar with the change (made in `scope`) applied, not stored. */
async function calendarAfter(ctx: AppContext, centerId: string, scope: string, input: PreviewInput): Promise<WorkCalendar> {
  const rows = await ctx.db.select().from(calendarOverrides).where(inArray(calendarOverrides.scope, [NATIONAL, centerId]));
  const kept = rows.filter((o) => !(o.scope === scope && o.date === input.date));
  const next = input.remove ? kept : [...kept, { scope, date: input.date, kind: input.kind!, note: '' }];
  const published = (await ctx.db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.status, 'published'))).map((y) => y.year);
  const as = (o: { date: string; kind: Kind }): CalendarOverride => ({ date: o.date, kind: o.kind, note: '' });
  return WorkCalendar.national().withOverrides(next.filter((o) => o.scope === NATIONAL).map(as), next.filter((o) => o.scope !== NATIONAL).map(as), { published });
}

export async function previewCalendarChange(ctx: AppContext, user: SessionUser, input: PreviewInput) {
  const centerId = user.centerId ?? '';
  const t = new Date(`${input.date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== input.date || input.date < '1980-01-01' || input.date > '2149-12-31') {
    throw badRequest('validation_failed', 'Invalid request: body.date is not a calendar date', '请求参数不合法：body.date 不是有效日期', [{ field: 'body.date', message: 'not a calendar date' }]);
  }
  if (!input.remove) {
    const national = input.national === true;
    if (!input.kind || national !== (input.kind === 'holiday' || input.kind === 'adjustedWorkday')) {
      throw badRequest('override_kind', 'National rows are holiday/adjustedWorkday; a center adds localClosure/extraWorkday', '全国节假日数据只能是“法定假日/调休上班”，中心本地只能添加“本地闭馆/加班日”', [{ field: 'body.kind' }]);
    }
  }
  const national = input.national === true;
  const scope = national ? NATIONAL : centerId;
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calOf = (c: string) => calendars.get(c) ?? calendars.set(c, calendarAfter(ctx, c, scope, input)).get(c)!;
  const today = ctx.today();
  const start = sql`coalesce(${cases.acceptedOn}, ${cases.receivedOn})`;
  const found = await ctx.db.select({ row: cases, pauses: pausesJson() }).from(cases)
    .where(and(sql`${cases.active}`, national ? undefined : eq(cases.centerId, centerId), sql`${windowEnd} >= ${input.date}::date`, sql`${start} < ${input.date}::date`))
    .orderBy(asc(windowEnd), asc(cases.id)).limit(EXAMINED);
  const moved = [];
  let sms = 0;
  let elsewhere = 0;
  for (const { row, pauses } of found) {
    const next = recompute(row, pauses, await calOf(row.centerId), await caseEngine().clockSettings(ctx.db, row.centerId), deadlineRules(await itemVersionOf(ctx.db, row)), today);
    const keys = KEYS.filter((k) => row[k] !== next[k]);
    if (!keys.length) continue;
    // As recalc.ts sends them: a moved promised date, to an applicant with a phone (the SMS transport refuses none).
    if (keys.includes('promisedDue') && next.promisedDue && row.applicantPhone) sms += 1;
    if (!user.centerScope.includes(row.centerId)) { elsewhere += 1; continue; }
    moved.push({ id: row.id, caseNo: row.caseNo, itemName: row.itemName, moved: Object.fromEntries(keys.map((k) => [k, { from: row[k], to: next[k] }])) as Record<string, { from: string | null; to: string | null }> });
  }
  return {
    date: input.date, national, total: moved.length + elsewhere, elsewhere, capped: found.length === EXAMINED, sms,
    cases: moved.slice(0, SHOWN),
    deadlines: await otherDeadlines(ctx, national ? null : centerId, input.date, calOf),
  };
}

/** The other tracked deadlines that would move, counted per kind (the rows may have closed since; the job checks). */
async function otherDeadlines(ctx: AppContext, centerId: string | null, date: string, calOf: (c: string) => Promise<WorkCalendar>) {
  const facts = await ctx.db.select().from(workingDeadlines)
    .where(and(centerId ? eq(workingDeadlines.centerId, centerId) : undefined, sql`${workingDeadlines.due} >= ${date}::date`, sql`${workingDeadlines.startOn} < ${date}::date`)).limit(EXAMINED);
  const labels = new Map(DEADLINES.flatMap((d) => (d.way === 'tracked' ? [[d.kind, d.label] as const] : [])));
  const perKind = new Map<string, number>();
  for (const f of facts) {
    if ((await calOf(f.centerId)).addWorkingDays(f.startOn, f.workingDays).date !== f.due) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
  }
  return [...perKind].map(([kind, count]) => ({ kind, label: labels.get(kind) ?? kind, count }));
}

export function calendarPreviewRoutes(app: App, ctx: AppContext) {
  app.post('/api/calendar/overrides/preview', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['calendar'], summary: 'What adding (or, with remove, removing) an override would move: the center’s open cases and other deadlines. Stores nothing',
      body: Type.Object({
        date: IsoDate,
        kind: Type.Optional(Type.Union([Type.Literal('localClosure'), Type.Literal('extraWorkday'), Type.Literal('holiday'), Type.Literal('adjustedWorkday')])),
        national: Type.Optional(Type.Boolean()),
        remove: Type.Optional(Type.Boolean()),
      }),
      response: errors(400, 401, 403),
    },
  }, async (req) => previewCalendarChange(ctx, currentUser(req), req.body));
}
