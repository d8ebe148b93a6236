/**
 * Publishing a national year (国务院办公厅关于某年部分节假日安排的通知): the admin enters or
 * imports the whole arrangement — every holiday and adjusted workday — reviews it and
 * publishes it in one act. Until then the year is "fallback" (Mon–Fri guess) everywhere,
 * whatever rows a draft holds. Publishing records one calendar change over the rows' span,
 * so every open deadline it touches moves (src/cases/recalc.ts).
 */
import ExcelJS from 'exceljs';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { SessionUser } from '../auth/policy.js';
import { appendAudit } from '../audit/audit.js';
import { badRequest, conflict, unprocessable } from '../errors.js';
import { isIsoDate, WorkCalendar, weekdayOf, toDayNumber } from './calendar.js';
import { calendarOverrides, calendarYearDrafts, calendarYears } from './schema.js';
import { NATIONAL, calendarChanged, clearCalendarCache, recordChange } from './service.js';

export type NationalKind = 'holiday' | 'adjustedWorkday';
export interface YearRow { date: string; kind: NationalKind; note: string }

export const KIND_LABELS: Record<NationalKind, string> = { holiday: '放假', adjustedWorkday: '调休上班' };

/**
 * Checks a year's arrangement as a whole (pure): dates inside the year, no date twice,
 * holidays on days that would otherwise be worked or weekends, adjusted workdays only on
 * weekends (a weekday is a workday already). Returns the problems, one per row.
 */
export function checkArrangement(year: number, list: readonly YearRow[]): { row: number; field: string; message: string; messageZh: string }[] {
  const problems: { row: number; field: string; message: string; messageZh: string }[] = [];
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const at = (field: string, message: string, messageZh: string) => problems.push({ row: i + 1, field, message, messageZh });
    if (!isIsoDate(r.date)) return at('date', `${r.date} is not a date`, `${r.date} 不是有效日期`);
    if (Number(r.date.slice(0, 4)) !== year) return at('date', `${r.date} is not in ${year}`, `${r.date} 不在${year}年`);
    if (seen.has(r.date)) return at('date', `${r.date} appears twice`, `${r.date} 重复`);
    seen.add(r.date);
    const wd = weekdayOf(toDayNumber(r.date));
    if (r.kind === 'adjustedWorkday' && wd !== 0 && wd !== 6) at('kind', `${r.date} is a weekday: it is a workday already`, `${r.date} 是工作日，无需调休上班`);
  });
  if (list.length > 0 && !list.some((r) => r.kind === 'holiday')) problems.push({ row: 0, field: 'rows', message: 'The arrangement has no holiday', messageZh: '安排中没有任何放假日期' });
  return problems;
}

/** The years an admin deals with: the package's last year and those after it, with their state. */
export async function yearStatus(ctx: AppContext, year: number) {
  const [y] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const inPackage = WorkCalendar.national().isKnownYear(year);
  const draft = await ctx.db.select().from(calendarYearDrafts).where(eq(calendarYearDrafts.year, year)).orderBy(asc(calendarYearDrafts.date));
  const published = await ctx.db.select({ date: calendarOverrides.date, kind: calendarOverrides.kind, note: calendarOverrides.note }).from(calendarOverrides)
    .where(and(eq(calendarOverrides.scope, NATIONAL), gte(calendarOverrides.date, `${year}-01-01`), lte(calendarOverrides.date, `${year}-12-31`)))
    .orderBy(asc(calendarOverrides.date));
  return {
    year, inPackage, status: inPackage ? 'package' : y?.status ?? 'none', noticeRef: y?.noticeRef ?? '',
    publishedAt: y?.publishedAt?.toISOString() ?? null, draft: draft.map((d) => ({ date: d.date, kind: d.kind, note: d.note })),
    published: published.map((d) => ({ date: d.date, kind: d.kind as NationalKind, note: d.note })),
  };
}

async function assertEditable(ctx: AppContext, year: number) {
  if (WorkCalendar.national().isKnownYear(year)) throw conflict('year_in_package', `${year} comes with the national data already`, `${year}年的全国节假日数据已内置，无需发布`);
}

/** Replaces the draft of a year (entered on screen or imported), checked as a whole. */
export async function saveDraft(ctx: AppContext, user: SessionUser, year: number, list: YearRow[], noticeRef: string) {
  await assertEditable(ctx, year);
  const problems = checkArrangement(year, list);
  if (problems.length) throw unprocessable('arrangement_invalid', `The arrangement has ${problems.length} problem(s)`, `节假日安排有${problems.length}处问题`, problems);
  await ctx.db.transaction(async (tx) => {
    // The year's row first, as an upsert: it locks the year, so two saves at once (the first of a
    // year included) replace the draft one after the other. A published year keeps its state
    // while a correction is drafted; publishing again applies it.
    await tx.insert(calendarYears).values({ year, status: 'draft', noticeRef, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: calendarYears.year, set: { noticeRef, updatedAt: ctx.now() } });
    await tx.delete(calendarYearDrafts).where(eq(calendarYearDrafts.year, year));
    if (list.length) await tx.insert(calendarYearDrafts).values(list.map((r) => ({ ...r, year })));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'calendar.year.draft', entityType: 'calendar', entityId: `national:${year}`, after: { rows: list.length, noticeRef }, at: ctx.now() });
  });
  return yearStatus(ctx, year);
}

/** The dates whose national row a publication adds, changes or drops (pure). */
export function changedDates(draft: readonly { date: string; kind: string }[], before: readonly { date: string; kind: string }[]): string[] {
  const key = (r: { date: string; kind: string }) => `${r.date}:${r.kind}`;
  const now = new Set(draft.map(key));
  const old = new Set(before.map(key));
  return [...new Set([...draft.filter((d) => !old.has(key(d))), ...before.filter((b) => !now.has(key(b)))].map((r) => r.date))].sort();
}

/**
 * The span a publication's calendar change covers (pure; the preview uses the same). The first
 * publication turns a whole fallback year into a known one: every deadline in it may move. A
 * correction moves only those around the dates that differ.
 */
export function publishSpan(year: number, firstPublish: boolean, changed: readonly string[]): { from: string | undefined; to: string | undefined } {
  return { from: firstPublish ? `${year}-01-01` : changed[0], to: firstPublish ? `${year}-12-31` : changed[changed.length - 1] };
}

/**
 * Publishes the draft: the year's national rows become exactly the draft's, the year is
 * known from now on, and one calendar change spanning the rows that differ is recorded in
 * the same transaction (the deadlines it moves follow right after, resumably).
 */
export async function publishYear(ctx: AppContext, user: SessionUser, year: number) {
  await assertEditable(ctx, year);
  const result = await ctx.db.transaction(async (tx) => {
    const draft = await tx.select().from(calendarYearDrafts).where(eq(calendarYearDrafts.year, year)).orderBy(asc(calendarYearDrafts.date));
    if (draft.length === 0) throw conflict('draft_empty', `Enter or import ${year}'s arrangement first`, `请先录入或导入${year}年的节假日安排`);
    const span = sql`${calendarOverrides.scope} = ${NATIONAL} and ${calendarOverrides.date} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`;
    const before = await tx.select().from(calendarOverrides).where(span);
    const changed = changedDates(draft, before);
    await tx.delete(calendarOverrides).where(span);
    await tx.insert(calendarOverrides).values(draft.map((d) => ({ scope: NATIONAL, date: d.date, kind: d.kind, note: d.note, createdBy: user.id, createdAt: ctx.now() })));
    await tx.delete(calendarYearDrafts).where(eq(calendarYearDrafts.year, year));
    const [y] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
    const firstPublish = y?.status !== 'published';
    await tx.update(calendarYears).set({ status: 'published', publishedAt: ctx.now(), publishedBy: user.id, updatedAt: ctx.now() }).where(eq(calendarYears.year, year));
    const { from, to } = publishSpan(year, firstPublish, changed);
    if (from && to) await recordChange(tx, { scope: NATIONAL, fromDate: from, toDate: to, reason: `published ${year}`, by: user.id, at: ctx.now() });
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'calendar.year.publish', entityType: 'calendar', entityId: `national:${year}`,
      before: { rows: before.length, status: y?.status ?? 'none' }, after: { rows: draft.length, noticeRef: y?.noticeRef ?? '', changedDates: changed }, at: ctx.now(),
    });
    return { year, rows: draft.length, changedDates: changed };
  });
  clearCalendarCache();
  await calendarChanged(ctx);
  return result;
}

// ---- Excel ----------------------------------------------------------------------------

const HEADERS = ['日期', '类型', '名称'];

/** A template to fill in: the three columns, with two example rows. */
export async function yearTemplate(year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年节假日安排`);
  ws.columns = HEADERS.map((h) => ({ header: h, width: h === '名称' ? 20 : 14 }));
  ws.addRow([`${year}-01-01`, KIND_LABELS.holiday, '元旦']);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (v && typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Reads 日期 / 类型 (放假, 调休上班) / 名称 rows; every row's problem is reported at once. */
export async function parseYearWorkbook(buf: Buffer): Promise<YearRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('file_type', 'The file is not an .xlsx workbook', '文件不是 .xlsx 格式的 Excel 工作簿');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('sheet_missing', 'The workbook has no sheet', '工作簿中没有工作表');
  const head = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  if (HEADERS.some((h, i) => head[i] !== h)) throw badRequest('headers', `The first row must be ${HEADERS.join(', ')}`, `第一行须为：${HEADERS.join('、')}`);
  const out: YearRow[] = [];
  const problems: { row: number; field: string; message: string; messageZh: string }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const [date, kindText, note] = [1, 2, 3].map((c) => cellText(row.getCell(c).value));
    if (!date && !kindText) return;
    const kind = (Object.keys(KIND_LABELS) as NationalKind[]).find((k) => KIND_LABELS[k] === kindText || k === kindText);
    if (!kind) problems.push({ row: n, field: '类型', message: `Row ${n}: type must be 放假 or 调休上班`, messageZh: `第${n}行：类型须为“放假”或“调休上班”` });
    else out.push({ date, kind, note: note ?? '' });
  });
  if (problems.length) throw unprocessable('import_invalid', `${problems.length} row(s) could not be read`, `${problems.length}行无法读取`, problems);
  return out;
}
