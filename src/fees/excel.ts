import type ExcelJS from 'exceljs';
import type { feeTotals } from './service.js';

/** The 收费统计 sheet of the statistics workbook: per month, department and item, in yuan. */
export function addFeeSheet(wb: ExcelJS.Workbook, r: Awaited<ReturnType<typeof feeTotals>>) {
  const ws = wb.addWorksheet('收费统计');
  ws.columns = [{ header: '月份', key: 'month', width: 10 }, { header: '部门', key: 'department', width: 24 }, { header: '事项', key: 'itemName', width: 30 }, { header: '笔数', key: 'payments', width: 8 }, { header: '金额（元）', key: 'amount', width: 14 }, { header: '其中经大厅渠道（元）', key: 'hall', width: 18 }];
  ws.getRow(1).font = { bold: true };
  for (const row of r.rows) ws.addRow({ ...row, amount: row.amountFen / 100, hall: row.hallFen / 100 });
  const total = ws.addRow({ month: '合计', payments: r.payments, amount: r.totalFen / 100 });
  total.font = { bold: true };
  ws.getColumn('amount').numFmt = '0.00';
  ws.getColumn('hall').numFmt = '0.00';
}
