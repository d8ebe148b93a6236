/**
 * Four eyes on the calendar: before a local closure, an extra working day or a national row
 * is added or removed, the admin sees what it would move — the open cases with their dates
 * before and after, how many applicants would get an SMS, and the other tracked deadlines
 * (src/deadlines.ts) — and confirms. Read-only: the same recomputation as the recalculation
 * (recalc.ts), on the calendar as it would be. A local change moves the center's cases; a
 * national one moves every center's, each on its own calendar, so all are counted — cases
 * outside the admin's centers are counted, not listed. Publishing a whole national year
 * (years.ts) is previewed the same way, over the span the publication records.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { AppContext } from './core/context.js';
import type { SessionUser } from './core/auth/policy.js';
import { currentUser } from './core/auth/policy.js';
import { errors, IsoDate, type App } from './core/http.js';
import { Int } from './core/formats.js';
import { badRequest, conflict } from './core/errors.js';
import { calendarOverrides, calendarYearDrafts, calendarYears } from './core/calendar/schema.js';
import { changedDates, publishSpan } from './core/calendar/years.js';
import { WorkCalendar, type CalendarOverride } from './core/calendar/calendar.js';
import { NATIONAL } from './core/calendar/service.js';
import { centers } from './core/org/schema.js';
import { workingDeadlines } from './core/deadlines/schema.js';
import { caseEngine } from './cases/ports.js';
import { DEADLINES } from './deadlines.js';
import { cases } from './cases/schema.js';
import { itemVersionOf, pausesJson } from './cases/repo.js';
import { deadlineRules } from './cases/intake.js';
import { recompute, windowEnd } from './cases/recalc.js';

type Kind = CalendarOverride['kind'];
type OverrideRow = { scope: string; date: string; kind: Kind; note: string };
export interface PreviewInput { date: string; kind?: Kind; national?: boolean; remove?: boolean }

/**
 * A calendar change as the preview sees it: its scope, the span of days it touches (the same
 * span the recalculation then walks) and the override rows after it.
 */
interface Change {
  national: boolean;
  /** The admin's center (a local change's scope). */
  centerId: string;
  from: string;
  to: string;
  /** The stored override rows (national and one center's) → the rows after the change. */
  apply: (rows: OverrideRow[]) => OverrideRow[];
  /** A national year that becomes published (known as a whole) with the change. */
  publishes?: number;
}

const SHOWN = 200;
const EXAMINED = 5000;
const KEYS = ['promisedDue', 'statutoryDue', 'acceptBy', 'owedBy', 'deemOn'] as const;

/** A center's calendar with the change applied, not stored. */
async function calendarAfter(ctx: AppContext, centerId: string, change: Change): Promise<WorkCalendar> {
  const rows = await ctx.db.select().from(calendarOverrides).where(inArray(calendarOverrides.scope, [NATIONAL, centerId]));
  const next = change.apply(rows.map((o) => ({ scope: o.scope, date: o.date, kind: o.kind, note: '' })));
  const published = (await ctx.db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.status, 'published'))).map((y) => y.year);
  if (change.publishes) published.push(change.publishes);
  const as = (o: { date: string; kind: Kind }): CalendarOverride => ({ date: o.date, kind: o.kind, note: '' });
  return WorkCalendar.national().withOverrides(next.filter((o) => o.scope === NATIONAL).map(as), next.filter((o) => o.scope !== NATIONAL).map(as), { published });
}

function checkDate(date: string) {
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date || date < '1980-01-01' || date > '2149-12-31') {
    throw badRequest('validation_failed', 'Invalid request: body.date is not a calendar date', '请求参数不合法：body.date 不是有效日期', [{ field: 'body.date', message: 'not a calendar date' }]);
  }
}

/** Adding or removing one override (a local closure / extra workday, or a national row). */
export async function previewCalendarChange(ctx: AppContext, user: SessionUser, input: PreviewInput) {
  checkDate(input.date);
  if (!input.remove) {
    const national = input.national === true;
    if (!input.kind || national !== (input.kind === 'holiday' || input.kind === 'adjustedWorkday')) {
      throw badRequest('override_kind', 'National rows are holiday/adjustedWorkday; a center adds localClosure/extraWorkday', '全国节假日数据只能是“法定假日/调休上班”，中心本地只能添加“本地闭馆/加班日”', [{ field: 'body.kind' }]);
    }
  }
  const national = input.national === true;
  const scope = national ? NATIONAL : user.centerId ?? '';
  const apply = (rows: OverrideRow[]) => {
    const kept = rows.filter((o) => !(o.scope === scope && o.date === input.date));
    return input.remove ? kept : [...kept, { scope, date: input.date, kind: input.kind!, note: '' }];
  };
  return { date: input.date, ...(await previewChange(ctx, user, { national, centerId: user.centerId ?? '', from: input.date, to: input.date, apply })) };
}

/**
 * Publishing a national year's stored draft (years.ts publishYear): the year's national rows
 * become the draft's and the year becomes known — over the same span the publication records.
 */
export async function previewYearPublish(ctx: AppContext, user: SessionUser, year: number) {
  const draft = await ctx.db.select().from(calendarYearDrafts).where(eq(calendarYearDrafts.year, year)).orderBy(asc(calendarYearDrafts.date));
  if (WorkCalendar.national().isKnownYear(year)) throw conflict('year_in_package', `${year} comes with the national data already`, `${year}年的全国节假日数据已内置，无需发布`);
  if (draft.length === 0) throw conflict('draft_empty', `Enter or import ${year}'s arrangement first`, `请先录入或导入${year}年的节假日安排`);
  const inYear = (o: { scope: string; date: string }) => o.scope === NATIONAL && o.date.slice(0, 4) === String(year);
  const before = (await ctx.db.select().from(calendarOverrides).where(eq(calendarOverrides.scope, NATIONAL))).filter(inYear);
  const [y] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const changed = changedDates(draft, before);
  const { from, to } = publishSpan(year, y?.status !== 'published', changed);
  const base = { year, changedDates: changed, date: from ?? `${year}-01-01` };
  if (!from || !to) return { ...base, national: true, total: 0, elsewhere: 0, capped: false, sms: 0, cases: [], perCenter: [], deadlines: [] };
  const apply = (rows: OverrideRow[]) => [...rows.filter((o) => !inYear(o)), ...draft.map((d) => ({ scope: NATIONAL, date: d.date, kind: d.kind as Kind, note: '' }))];
  return { ...base, ...(await previewChange(ctx, user, { national: true, centerId: user.centerId ?? '', from, to, apply, publishes: year })) };
}

/**
 * The open cases the change would move (as recalc.ts walks them: due window reaching `from`,
 * started before `to`), per center, the SMS it would send and the other deadlines.
 */
async function previewChange(ctx: AppContext, user: SessionUser, change: Change) {
  const { national, centerId } = change;
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calOf = (c: string) => calendars.get(c) ?? calendars.set(c, calendarAfter(ctx, c, change)).get(c)!;
  const today = ctx.today();
  const start = sql`coalesce(${cases.acceptedOn}, ${cases.receivedOn})`;
  const found = await ctx.db.select({ row: cases, pauses: pausesJson() }).from(cases)
    .where(and(sql`${cases.active}`, national ? undefined : eq(cases.centerId, centerId), sql`${windowEnd} >= ${change.from}::date`, sql`${start} < ${change.to}::date`))
    .orderBy(asc(windowEnd), asc(cases.id)).limit(EXAMINED);
  const moved = [];
  const perCenter = new Map<string, { cases: number; sms: number }>();
  let sms = 0;
  let elsewhere = 0;
  for (const { row, pauses } of found) {
    const next = recompute(row, pauses, await calOf(row.centerId), await caseEngine().clockSettings(ctx.db, row.centerId), deadlineRules(await itemVersionOf(ctx.db, row)), today);
    const keys = KEYS.filter((k) => row[k] !== next[k]);
    if (!keys.length) continue;
    // As recalc.ts sends them: a moved promised date, to an applicant with a phone (the SMS transport refuses none).
    const texts = keys.includes('promisedDue') && next.promisedDue && row.applicantPhone ? 1 : 0;
    sms += texts;
    const c = perCenter.get(row.centerId) ?? { cases: 0, sms: 0 };
    perCenter.set(row.centerId, { cases: c.cases + 1, sms: c.sms + texts });
    if (!user.centerScope.includes(row.centerId)) { elsewhere += 1; continue; }
    moved.push({ id: row.id, caseNo: row.caseNo, itemName: row.itemName, moved: Object.fromEntries(keys.map((k) => [k, { from: row[k], to: next[k] }])) as Record<string, { from: string | null; to: string | null }> });
  }
  const names = perCenter.size ? await ctx.db.select({ id: centers.id, name: centers.name }).from(centers).where(inArray(centers.id, [...perCenter.keys()])) : [];
  return {
    national, total: moved.length + elsewhere, elsewhere, capped: found.length === EXAMINED, sms,
    cases: moved.slice(0, SHOWN),
    // Every center's count (a center's name is no secret; its cases are listed only within the admin's scope).
    perCenter: [...perCenter].map(([id, c]) => ({ centerId: id, name: names.find((n) => n.id === id)?.name ?? '', ...c })).sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name)),
    deadlines: await otherDeadlines(ctx, national ? null : centerId, change.from, change.to, calOf),
  };
}

/** The other tracked deadlines that would move, counted per kind (the rows may have closed since; the job checks). */
async function otherDeadlines(ctx: AppContext, centerId: string | null, from: string, to: string, calOf: (c: string) => Promise<WorkCalendar>) {
  const facts = await ctx.db.select().from(workingDeadlines)
    .where(and(centerId ? eq(workingDeadlines.centerId, centerId) : undefined, sql`${workingDeadlines.due} >= ${from}::date`, sql`${workingDeadlines.startOn} < ${to}::date`)).limit(EXAMINED);
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

  app.post('/api/calendar/national/:year/preview', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['calendar'], summary: 'What publishing the year’s stored draft would move: every center’s open cases (listed within your centers), per center, the SMS and other deadlines. Stores nothing',
      params: Type.Object({ year: Int({ minimum: 2000, maximum: 2149 }) }), response: errors(400, 401, 403, 409),
    },
  }, async (req) => previewYearPublish(ctx, currentUser(req), req.params.year));
}
