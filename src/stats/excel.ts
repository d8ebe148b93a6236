import ExcelJS from 'exceljs';
import { MEASURE_COLUMNS } from './measures.js';
import type { Report } from './service.js';

const DEFINITIONS: [string, string][] = [
  ['收件数', '统计期内提交的申请（按提交日）'],
  ['受理数', '统计期内受理（含容缺受理）的办件（按受理日）'],
  ['不予受理数', '统计期内不予受理且未被撤销的办件（按不予受理日）'],
  ['一次性告知数', '统计期内首次发出一次性告知书的办件'],
  ['办结数', '统计期内作出决定（准予或不予）的办件（按决定日）'],
  ['按时办结数', '办结日不晚于承诺期限（含特别程序与延期）的办结件'],
  ['超期办结数', '办结数 − 按时办结数'],
  ['在办数（期末）', '截至统计期最后一日已受理、尚未办结或撤回的办件'],
  ['平均办理工作日', '办结件受理次日至办结日的工作日数（扣除特别程序暂停的工作日）之和 ÷ 办结数'],
  ['即办率', '即办件办结数 ÷ 办结数'],
  ['一次办结率', '未发一次性告知书的办结件 ÷ 办结数'],
  ['按时办结率', '按时办结数 ÷ 办结数'],
  ['网办率', '网上申报收件数 ÷ 收件数'],
  ['取舍规则', '比率由原始计数在查询时计算，四舍五入保留两位小数；分母为0时留空'],
];

/** The report as an .xlsx workbook: Chinese headers in row 1, one row per group, the total last. */
export async function reportWorkbook(r: Report, filterText: string, extra?: (wb: ExcelJS.Workbook) => Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet('办件统计');
  ws.columns = [{ header: r.groupLabel, key: 'label', width: 28 }, ...MEASURE_COLUMNS.map((c) => ({ header: c.zh, key: c.key, width: c.rate ? 14 : 12 }))];
  ws.getRow(1).font = { bold: true };
  const line = (row: Report['total']) => ({ label: row.label, ...Object.fromEntries(MEASURE_COLUMNS.map((c) => [c.key, row[c.key]])) });
  for (const row of r.rows) ws.addRow(line(row));
  const total = ws.addRow(line(r.total));
  total.font = { bold: true };
  MEASURE_COLUMNS.forEach((c, i) => { if (c.rate || c.key === 'avgWorkingDays') ws.getColumn(i + 2).numFmt = '0.00'; });
  const info = wb.addWorksheet('说明');
  info.columns = [{ header: '项目', key: 'k', width: 18 }, { header: '说明', key: 'v', width: 80 }];
  info.addRow({ k: '统计期间', v: `${r.from} 至 ${r.to}` });
  info.addRow({ k: '筛选条件', v: filterText || '无' });
  for (const [k, v] of DEFINITIONS) info.addRow({ k, v });
  await extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
