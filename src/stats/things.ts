/**
 * The statistics report's 一件事 section (issue 24): per thing over a period — bundles filed,
 * ended, completed, the on-time share, average and longest end-to-end working days against the
 * promised total and the sum of the parts (the supervision module's figures, src/supervision/
 * things.ts), and the 好差评 of the thing as a whole (evaluations of stage `bundle`: rated, 好评率).
 */
import type ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { rows } from '../core/db/index.js';
import { badRequest } from '../core/errors.js';
import { percent } from '../core/rounding.js';
import { bundleCases } from '../things/schema.js';
import { evaluations } from '../feedback/schema.js';
import { feedbackCenters } from '../feedback/excel.js';
import { bundlesOfCenters, thingsFigures } from '../supervision/things.js';

export interface ThingsQuery { from: string; to: string; centerId?: string }

interface RatingRow { thingId: string; rated: number; good: number; bad: number }

/** Ratings of bundles as a whole, by the rating day, per thing. */
async function ratingsByThing(ctx: AppContext, centerIds: string[], q: ThingsQuery) {
  const list = await rows<RatingRow>(ctx.db, sql`
    select ${bundleCases.thingId}::text as "thingId", count(*)::int as rated, count(*) filter (where e.grade >= 4)::int as good, count(*) filter (where e.grade <= 2)::int as bad
      from ${evaluations} e join ${bundleCases} on ${bundleCases.id} = e.bundle_id
     where e.bundle_id is not null and e.rated_on between ${q.from}::date and ${q.to}::date and ${bundlesOfCenters(centerIds)}
     group by 1`);
  return new Map(list.map((r) => [r.thingId, { rated: Number(r.rated), good: Number(r.good), bad: Number(r.bad) }]));
}

const ratingOf = (r: { rated: number; good: number; bad: number } | undefined) => {
  const x = r ?? { rated: 0, good: 0, bad: 0 };
  return { rated: x.rated, good: x.good, bad: x.bad, goodRate: percent(x.good, x.rated) };
};

/** A real period of at most three years, as the rest of the report. */
function checkPeriod(q: ThingsQuery) {
  if (q.from > q.to) throw badRequest('validation_failed', '`from` is after `to`', '起始日期晚于截止日期', [{ field: 'querystring.from', message: 'after to' }]);
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > 3 * 366) {
    throw badRequest('period_too_long', 'A report covers at most three years', '统计期间最长三年', [{ field: 'querystring.to', message: 'too long' }]);
  }
}

/** Staff: their center and the centers below it, cut to one center's subtree when asked. */
export async function thingsReport(ctx: AppContext, user: SessionUser, q: ThingsQuery) {
  checkPeriod(q);
  const centerIds = await feedbackCenters(ctx.db, user.centerScope, q.centerId);
  const [figures, ratings] = await Promise.all([
    thingsFigures(ctx.db, bundlesOfCenters(centerIds), { from: q.from, to: q.to, today: ctx.today(), timeZone: ctx.config.timeZone }),
    ratingsByThing(ctx, centerIds, q),
  ]);
  // A thing rated in the period but with no bundle filed, ended or running in it still gets its row.
  const missing = [...ratings.keys()].filter((id) => !figures.things.some((t) => t.thingId === id));
  const extra = missing.length
    ? await rows<{ id: string; code: string; name: string }>(ctx.db, sql`select id::text, code, name from things where id in (${sql.join(missing.map((id) => sql`${id}::uuid`), sql`, `)})`)
    : [];
  const zero = { filed: 0, ended: 0, completed: 0, onTime: 0, onTimeShare: null, avgDays: null, maxDays: null, avgPromisedDays: null, avgSumDays: null, running: { green: 0, yellow: 0, red: 0, total: 0 } };
  const things = [...figures.things, ...extra.map((t) => ({ thingId: t.id, thingCode: t.code, thingName: t.name, ...zero }))]
    .map((t) => ({ ...t, rating: ratingOf(ratings.get(t.thingId)) }));
  const all = [...ratings.values()].reduce((s, r) => ({ rated: s.rated + r.rated, good: s.good + r.good, bad: s.bad + r.bad }), { rated: 0, good: 0, bad: 0 });
  return { from: q.from, to: q.to, today: ctx.today(), things, total: { ...figures.total, rating: ratingOf(all) } };
}

export type ThingsReport = Awaited<ReturnType<typeof thingsReport>>;

const COLUMNS: { header: string; key: string; width: number; note: string }[] = [
  { header: '一件事', key: 'name', width: 28, note: '' },
  { header: '申请数', key: 'filed', width: 10, note: '统计期内提交的一件事申请（按提交日）' },
  { header: '办结数', key: 'ended', width: 10, note: '统计期内全部事项办理完毕（结果已出、未获办理或不再办理）的一件事（按最后一项结束之日）' },
  { header: '已送达', key: 'completed', width: 10, note: '统计期内全部结果送达、办件关闭的一件事' },
  { header: '按时办结数', key: 'onTime', width: 12, note: '结束日不晚于承诺总时限到期日' },
  { header: '按时办结率（%）', key: 'onTimeShare', width: 14, note: '按时办结数 ÷ 办结数' },
  { header: '平均用时（工作日）', key: 'avgDays', width: 16, note: '提交次日至最后一项结束之日的工作日数（本中心工作日历）之和 ÷ 办结数' },
  { header: '最长用时（工作日）', key: 'maxDays', width: 16, note: '' },
  { header: '平均承诺总时限', key: 'avgPromisedDays', width: 16, note: '办结件的承诺总时限（关键路径）平均值，工作日' },
  { header: '平均各事项时限之和', key: 'avgSumDays', width: 18, note: '办结件各事项承诺时限之和的平均值，工作日' },
  { header: '在办（当前）', key: 'running', width: 12, note: '截至今日仍在办理的一件事' },
  { header: '其中黄灯', key: 'yellow', width: 10, note: '距承诺总时限到期不足预警工作日' },
  { header: '其中红灯', key: 'red', width: 10, note: '已超过承诺总时限' },
  { header: '整件评价数', key: 'rated', width: 12, note: '统计期内对一件事整体作出的评价（按评价日）' },
  { header: '整件好评率（%）', key: 'goodRate', width: 14, note: '(5+4) ÷ 整件评价数' },
];

/** The statistics workbook's 一件事 sheet: the same figures as GET /api/stats/things. */
export function addThingsSheet(wb: ExcelJS.Workbook, r: ThingsReport) {
  const ws = wb.addWorksheet('一件事');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const line = (name: string, t: ThingsReport['total']) => ({
    name, filed: t.filed, ended: t.ended, completed: t.completed, onTime: t.onTime, onTimeShare: t.onTimeShare, avgDays: t.avgDays, maxDays: t.maxDays,
    avgPromisedDays: t.avgPromisedDays, avgSumDays: t.avgSumDays, running: t.running.total, yellow: t.running.yellow, red: t.running.red,
    rated: t.rating.rated, goodRate: t.rating.goodRate,
  });
  for (const t of r.things) ws.addRow(line(t.thingName, t));
  ws.addRow(line('合计', r.total)).font = { bold: true };
  ws.addRow({});
  ws.addRow({ name: `统计期间：${r.from} 至 ${r.to}；在办与亮灯截至 ${r.today}` });
  for (const c of COLUMNS) if (c.note) ws.addRow({ name: `${c.header}：${c.note}` });
  ws.addRow({ name: '取舍规则：比率与平均值由原始计数在查询时计算，四舍五入保留两位小数；分母为0时留空' });
}
