import { Type } from '@sinclair/typebox';
import { readUpload } from '../files/upload.js';
import { Int, Text } from '../formats.js';
import type { AppContext } from '../context.js';
import { errors, IsoDate, Uuid, type App } from '../http.js';
import { currentUser } from '../auth/policy.js';
import { badRequest } from '../errors.js';
import { addOverride, calendarFor, listOverrides, removeOverride } from './service.js';
import { parseYearWorkbook, publishYear, saveDraft, yearStatus, yearTemplate } from './years.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Year = Type.Object({ year: Int({ minimum: 2000, maximum: 2149 }) });

const Center = { center: Type.Optional(Uuid) };

/** A real calendar date: the pattern lets 2025-02-30 through, this does not. */
function assertDate(field: string, d: string) {
  const t = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) {
    throw badRequest('validation_failed', `Invalid request: ${field} is not a calendar date`, `请求参数不合法：${field} 不是有效日期`, [{ field, message: 'not a calendar date' }]);
  }
}

/** Dates outside the calendar's index (1980–2149) are a user's mistake, not a server error. */
function inRange<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw badRequest('date_out_of_range', `Date out of the supported range: ${e.message}`, '日期超出支持范围（1980—2149年）');
    throw e;
  }
}

export function calendarRoutes(app: App, ctx: AppContext) {
  app.get('/api/calendar/add', {
    config: { policy: 'public' },
    schema: {
      tags: ['calendar'], summary: 'The N-th working day after a date (the date itself not counted)',
      querystring: Type.Object({ from: IsoDate, days: Int({ minimum: 0, maximum: 3650 }), ...Center }),
      response: { 200: Type.Object({ due: Type.String(), fallback: Type.Boolean() }), ...errors(400) },
    },
  }, async (req) => {
    assertDate('querystring.from', req.query.from);
    const cal = await calendarFor(ctx.db, req.query.center);
    const r = inRange(() => cal.addWorkingDays(req.query.from, req.query.days));
    return { due: r.date, fallback: r.fallback };
  });

  app.get('/api/calendar/between', {
    config: { policy: 'public' },
    schema: {
      tags: ['calendar'], summary: 'Working days in (from, to]',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, ...Center }),
      response: { 200: Type.Object({ workingDays: Int(), fallback: Type.Boolean() }), ...errors(400) },
    },
  }, async (req) => {
    assertDate('querystring.from', req.query.from);
    assertDate('querystring.to', req.query.to);
    const cal = await calendarFor(ctx.db, req.query.center);
    const r = inRange(() => cal.workingDaysBetween(req.query.from, req.query.to));
    return { workingDays: r.days, fallback: r.fallback };
  });

  app.get('/api/calendar/year/:year', {
    config: { policy: 'public' },
    schema: {
      tags: ['calendar'], summary: "A year's days with their kind",
      params: Type.Object({ year: Int({ minimum: 1990, maximum: 2100 }) }), querystring: Type.Object(Center),
      response: errors(400),
    },
  }, async (req) => (await calendarFor(ctx.db, req.query.center ?? req.user?.centerId)).year(req.params.year));

  app.get('/api/calendar/overrides', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['calendar'], summary: "National rows and my center's local overrides", response: errors(401, 403) },
  }, async (req) => listOverrides(ctx, currentUser(req)));

  app.post('/api/calendar/overrides', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['calendar'], summary: 'Add a local closure / extra working day, or a national day of a year the package lacks',
      body: Type.Object({
        date: IsoDate,
        kind: Type.Union([Type.Literal('localClosure'), Type.Literal('extraWorkday'), Type.Literal('holiday'), Type.Literal('adjustedWorkday')]),
        note: Text(200, 0, { default: '' }),
        national: Type.Optional(Type.Boolean()),
      }),
      response: errors(400, 401, 403),
    },
  }, async (req) => {
    assertDate('body.date', req.body.date);
    return addOverride(ctx, currentUser(req), req.body);
  });

  app.delete('/api/calendar/overrides/:date', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['calendar'], summary: 'Remove an override',
      params: Type.Object({ date: IsoDate }), querystring: Type.Object({ national: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])) }),
      response: errors(400, 401, 403, 404),
    },
  }, async (req) => removeOverride(ctx, currentUser(req), req.params.date, req.query.national === '1'));

  app.get('/api/calendar/national/:year', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: { tags: ['calendar'], summary: "A national year's state (package / none / draft / published), its draft and its published rows", params: Year, response: errors(400, 401, 403) },
  }, async (req) => yearStatus(ctx, req.params.year));

  const Row = Type.Object({ date: IsoDate, kind: Type.Union([Type.Literal('holiday'), Type.Literal('adjustedWorkday')]), note: Text(100, 0, { default: '' }) });
  app.put('/api/calendar/national/:year/draft', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['calendar'], summary: "Replace the draft of a year's arrangement (checked as a whole; nothing changes until it is published)",
      params: Year, body: Type.Object({ rows: Type.Array(Row, { maxItems: 120 }), noticeRef: Text(100, 0, { default: '' }) }),
      response: errors(400, 401, 403, 409, 422),
    },
  }, async (req) => saveDraft(ctx, currentUser(req), req.params.year, req.body.rows, req.body.noticeRef));

  app.post('/api/calendar/national/:year/import', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['calendar'], summary: 'Import the draft from an Excel workbook (日期 / 类型 / 名称); replaces the draft, all rows or none', params: Year, consumes: ['multipart/form-data'], response: errors(400, 401, 403, 409, 413, 422) },
  }, async (req) => {
    const file = await readUpload(req);
    if (!file) throw badRequest('file_required', 'Upload an .xlsx file in the field "file"', '请上传 .xlsx 文件');
    const buf = file.content;
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw badRequest('file_type', 'The file is not an .xlsx workbook', '文件不是 .xlsx 格式的 Excel 工作簿');
    const current = await yearStatus(ctx, req.params.year);
    return saveDraft(ctx, currentUser(req), req.params.year, await parseYearWorkbook(buf), current.noticeRef);
  });

  app.get('/api/calendar/national/:year/template.xlsx', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['calendar'], summary: 'An Excel template for a year\'s arrangement', params: Year, response: errors(400, 401, 403) },
  }, async (req, reply) => reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="calendar-${req.params.year}.xlsx"`).send(await yearTemplate(req.params.year)));

  app.post('/api/calendar/national/:year/publish', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['calendar'], summary: 'Publish the draft: the year becomes known and every open deadline it touches moves', params: Year, response: errors(400, 401, 403, 409) },
  }, async (req) => publishYear(ctx, currentUser(req), req.params.year));

}
