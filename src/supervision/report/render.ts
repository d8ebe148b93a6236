/** The 电子监察通报 as a printable A4 page and as Excel, from the frozen report data. Pure. */
import ExcelJS from 'exceljs';
import { html } from '../../cases/documents/html.js';
import { circularPage, circularStyle } from '../../cases/documents/circular.js';
import type { ReportData } from './rules.js';

const STYLE = circularStyle({
  table: { fontSize: '9.5pt', cellPadding: '1mm 1.2mm' },
  extra: 'td.n, th.n { text-align: right; }\n.defs { font-size: 9pt; color: #333; }',
});

export const COLUMNS: [keyof ReportData['total'], string][] = [
  ['accepted', '受理'], ['decided', '办结'], ['yellow', '黄灯'], ['red', '红灯'], ['black', '黑灯'], ['overdueDecided', '超时办结'], ['overdueOpen', '逾期未办结'],
  ['violations', '违法记录'], ['orders', '督办单'], ['ordersAnswered', '督办已答复'], ['ordersEscalated', '督办已上报'], ['accountability', '问责'], ['anomalies', '异常'], ['anomaliesHandled', '异常已处理'],
];

const DEFINITIONS = '受理：统计期内受理的办件；办结：统计期内作出准予或不予决定的办件；黄灯/红灯/黑灯：统计期内亮灯的办件（每件每种灯只计一次）；超时办结：统计期内办结且晚于承诺期限；逾期未办结：统计期末日前已受理、期末仍未办结且承诺期限已过；违法记录：统计期内黑灯生成的违法记录；督办单：统计期内发出的督办单，已答复按生成通报时计；问责：统计期内的问责记录；异常：统计期内发现的异常，已处理按生成通报时计。';
const ACC_KIND: Record<string, string> = { overdue: '超时办结', violation: '超过法定时限', complaint: '投诉属实' };

export function renderReport(d: ReportData, docNo: string, version: number, issuedOn: string): string {
  const t = d.total;
  const body = html`
<h1>电子监察通报</h1>
<div class="no">${d.period.label}　${docNo}（第${version}版）</div><hr>
<p>${d.period.label}（${d.period.from}至${d.period.to}），${d.centerName}共受理办件${t.accepted}件，办结${t.decided}件；亮黄灯${t.yellow}件、红灯${t.red}件、黑灯${t.black}件，超时办结${t.overdueDecided}件，期末逾期未办结${t.overdueOpen}件；发出督办单${t.orders}份，已答复${t.ordersAnswered}份；生成违法记录${t.violations}条、问责记录${t.accountability}条；发现异常${t.anomalies}条，已处理${t.anomaliesHandled}条。现将各部门情况通报如下：</p>
<h2>一、各部门办件监察情况</h2>
<table data-testid="report-departments"><thead><tr><th>部门</th>${COLUMNS.map(([, l]) => html`<th>${l}</th>`)}</tr></thead><tbody>
${d.departments.map((l) => html`<tr><td>${l.department}</td>${COLUMNS.map(([k]) => html`<td class="n">${l[k]}</td>`)}</tr>`)}
<tr><th>合计</th>${COLUMNS.map(([k]) => html`<th class="n">${t[k]}</th>`)}</tr>
</tbody></table>
<h2>二、督办单及答复</h2>
${d.orders.length ? html`<table><thead><tr><th>督办单号</th><th>部门</th><th>办件编号</th><th>发出日期</th><th>答复期限</th><th>答复</th></tr></thead><tbody>
${d.orders.map((o) => html`<tr><td>${o.docNo}</td><td>${o.department}</td><td>${o.caseNo}</td><td>${o.issuedOn}</td><td>${o.answerDue ?? ''}</td><td>${o.answer ? o.answer : o.escalatedAt ? '逾期未答复，已上报分管领导' : '未答复'}</td></tr>`)}
</tbody></table>` : html`<p>本期未发出督办单。</p>`}
<h2>三、问责记录</h2>
${d.accountability.length ? html`<table><thead><tr><th>日期</th><th>部门</th><th>类型</th><th>办件编号</th><th>责任人</th><th>环节</th></tr></thead><tbody>
${d.accountability.map((a) => html`<tr><td>${a.recordedOn}</td><td>${a.department}</td><td>${ACC_KIND[a.kind] ?? a.kind}</td><td>${a.caseNo ?? ''}</td><td>${a.person ?? ''}</td><td>${a.stepName ?? ''}</td></tr>`)}
</tbody></table>` : html`<p>本期无问责记录。</p>`}
<h2>四、异常处理情况</h2>
${d.anomaliesHandled.length ? html`<table><thead><tr><th>发现日期</th><th>部门</th><th>异常</th><th>办件编号</th><th>处理意见</th></tr></thead><tbody>
${d.anomaliesHandled.map((a) => html`<tr><td>${a.detectedOn}</td><td>${a.department}</td><td>${a.ruleLabel}</td><td>${a.caseNo ?? ''}</td><td>${a.note ?? ''}</td></tr>`)}
</tbody></table>` : html`<p>本期无已处理的异常。</p>`}
<p class="defs">口径说明：${DEFINITIONS}</p>
<div class="sign">${d.centerName}<br>${issuedOn}</div>`;
  return circularPage({ title: `电子监察通报（${d.period.label}，第${version}版）`, style: STYLE, body, meta: { 'doc-kind': 'supervisionReport', 'doc-no': docNo } });
}

export async function reportWorkbook(d: ReportData, docNo: string, version: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet('各部门');
  ws.columns = [{ header: '部门', key: 'department', width: 26 }, ...COLUMNS.map(([k, l]) => ({ header: l, key: k, width: 11 }))];
  ws.getRow(1).font = { bold: true };
  for (const l of d.departments) ws.addRow(l);
  ws.addRow({ department: '合计', ...d.total }).font = { bold: true };
  const orders = wb.addWorksheet('督办单');
  orders.columns = [{ header: '督办单号', key: 'docNo', width: 28 }, { header: '部门', key: 'department', width: 22 }, { header: '办件编号', key: 'caseNo', width: 24 }, { header: '发出日期', key: 'issuedOn', width: 12 }, { header: '答复期限', key: 'answerDue', width: 12 }, { header: '答复', key: 'answer', width: 50 }];
  orders.getRow(1).font = { bold: true };
  for (const o of d.orders) orders.addRow({ ...o, answer: o.answer ?? (o.escalatedAt ? '逾期未答复，已上报' : '未答复') });
  const acc = wb.addWorksheet('问责记录');
  acc.columns = [{ header: '日期', key: 'recordedOn', width: 12 }, { header: '部门', key: 'department', width: 22 }, { header: '类型', key: 'kind', width: 14 }, { header: '办件编号', key: 'caseNo', width: 24 }, { header: '责任人', key: 'person', width: 12 }, { header: '环节', key: 'stepName', width: 20 }];
  acc.getRow(1).font = { bold: true };
  for (const a of d.accountability) acc.addRow({ ...a, kind: ACC_KIND[a.kind] ?? a.kind });
  const an = wb.addWorksheet('异常处理');
  an.columns = [{ header: '发现日期', key: 'detectedOn', width: 12 }, { header: '部门', key: 'department', width: 22 }, { header: '异常', key: 'ruleLabel', width: 28 }, { header: '办件编号', key: 'caseNo', width: 24 }, { header: '处理意见', key: 'note', width: 50 }];
  an.getRow(1).font = { bold: true };
  for (const a of d.anomaliesHandled) an.addRow(a);
  const info = wb.addWorksheet('说明');
  info.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '内容', key: 'v', width: 100 }];
  info.addRow({ k: '通报', v: `${d.centerName} 电子监察通报 ${d.period.label}（${d.period.from} 至 ${d.period.to}）` });
  info.addRow({ k: '文号', v: `${docNo}（第${version}版）` });
  info.addRow({ k: '生成时间', v: d.generatedAt });
  info.addRow({ k: '口径', v: DEFINITIONS });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
