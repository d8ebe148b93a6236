/** The hall's sheet in the statistics report's Excel export (统计报表 → 导出): one center, the report's period. */
import type ExcelJS from 'exceljs';
import type { AppContext } from '../core/context.js';
import { hallStats } from './stats.js';

export async function addHallSheet(wb: ExcelJS.Workbook, ctx: AppContext, centerId: string, from: string, to: string): Promise<void> {
  const s = await hallStats(ctx, centerId, from, to);
  const ws = wb.addWorksheet('大厅排队');
  ws.columns = [
    { header: '分组', key: 'g', width: 22 }, { header: '取号', key: 'tickets', width: 8 }, { header: '已叫', key: 'called', width: 8 },
    { header: '办结', key: 'served', width: 8 }, { header: '过号', key: 'noShows', width: 8 }, { header: '平均等候（分钟）', key: 'avgWaitMinutes', width: 16 },
    { header: '平均办理（分钟）', key: 'avgServiceMinutes', width: 16 }, { header: `${s.waitTargetMinutes}分钟内叫号率（%）`, key: 'withinTargetRate', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  const add = (g: string, r: typeof s.total) => ws.addRow({ ...r, g });
  add(`合计（${from} 至 ${to}）`, s.total);
  for (const r of s.byCategory) add(`业务类别 ${r.key} ${r.name ?? ''}`, r);
  for (const r of s.byWindow) add(`${r.key}号窗口 ${r.name ?? ''}`, r);
  for (const r of s.byHour) add(`${r.key}时`, r);
  ws.addRow({});
  const b = s.bookings;
  ws.addRow({ g: '预约', tickets: b.total });
  ws.addRow({ g: '预约签到（守约）', tickets: b.kept });
  ws.addRow({ g: '预约爽约', tickets: b.noShows });
  ws.addRow({ g: '预约守约率（%）', tickets: b.keptRate });
  ws.addRow({ g: '口径', tickets: null, called: null });
  ws.addRow({ g: '等候＝取号至首次叫号；办理＝开始办理至办结；叫号率＝目标时间内首次叫号 ÷ 已叫；守约率＝签到 ÷（签到＋爽约）' });
}
