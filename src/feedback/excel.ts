import type ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { feedbackReport } from './measures.js';

/** The reader's centers, cut to one center's subtree when the report names one. */
export async function feedbackCenters(db: Queryable, scope: string[], centerId?: string): Promise<string[]> {
  if (!centerId) return scope;
  const sub = await rows<{ id: string }>(db, sql`select id::text from centers where path like (select path from centers where id = ${centerId}::uuid) || '%'`);
  return sub.map((r) => r.id).filter((id) => scope.includes(id));
}

/** The statistics workbook's 好差评与投诉 sheet: the same counts and rates as GET /api/stats/feedback. */
export async function addFeedbackSheet(wb: ExcelJS.Workbook, db: Queryable, centerIds: string[], from: string, to: string, today: string): Promise<void> {
  const r = await feedbackReport(db, centerIds, from, to, today);
  const ws = wb.addWorksheet('好差评与投诉');
  ws.columns = [{ header: '指标', key: 'k', width: 26 }, { header: '数值', key: 'v', width: 14 }, { header: '口径', key: 'd', width: 60 }];
  ws.getRow(1).font = { bold: true };
  const e = r.evaluation, c = r.complaints;
  const lines: [string, number | null, string][] = [
    ['评价数', e.rated, `统计期内（${from} 至 ${to}）作出的评价（按评价日）`], ['好评数', e.good, '非常满意（5）与满意（4）'], ['差评数', e.bad, '不满意（2）与非常不满意（1）'],
    ['好评率（%）', e.goodRate, '(5+4) ÷ 评价数'], ['差评核实属实', e.substantiated, ''], ['差评核实不属实', e.unfounded, '标记保留，不删除'],
    ['差评已整改', e.rectified, ''], ['差评整改率（%）', e.rectifyRate, '已整改 ÷ 核实属实'], ['按期整改率（%）', e.rectifyOnTimeRate, '整改期限内整改 ÷ 已整改'],
    ['回访数', e.visited, ''], ['回访率（%）', e.visitRate, '已回访 ÷ 已整改'],
    ['投诉数', c.received, '按登记日'], ['受理', c.accepted, ''], ['不予受理', c.excluded, ''], ['办结', c.resolved, ''], ['属实', c.substantiated, '记入问责'],
    ['按期办结率（%）', c.onTimeRate, '期限内办结 ÷ 办结'], ['延期', c.extended, '最多延期一次、最长15个工作日'], ['逾期未办结', c.overdueOpen, '截至今日'],
    ['表扬', r.praise, '锦旗、感谢信、表扬卡'],
  ];
  for (const [k, v, d] of lines) ws.addRow({ k, v, d });
  ws.addRow({});
  for (const x of c.byCategory) ws.addRow({ k: `投诉类别：${x.label}`, v: x.count });
  for (const x of c.byChannel) ws.addRow({ k: `投诉渠道：${x.label}`, v: x.count });
  ws.addRow({ k: '取舍规则', d: '比率由原始计数在查询时计算，四舍五入保留两位小数；分母为0时留空' });
}
