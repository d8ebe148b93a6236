/**
 * The monthly assessment bulletin (考核通报): a printable A4 page of the ranking per subject
 * type, the award candidates and the decided appeals, and the same ranking as an Excel
 * workbook. Rendered from the stored results (frozen or published: never recomputed here).
 */
import ExcelJS from 'exceljs';
import { html } from '../cases/documents/html.js';
import { circularPage, circularStyle } from '../cases/documents/circular.js';
import { zhDate } from '../cases/documents/format.js';
import { PERIOD_LABELS, SUBJECT_LABELS, type PeriodKind, type SubjectType } from './rules.js';
import { PERIOD_STATE_LABELS, type PeriodState } from './machine.js';

export interface BulletinRow { rank: number; name: string; computed: number; adjustment: number; total: number; trend: number | null }
export interface BulletinData {
  centerName: string; kind: PeriodKind; key: string; from: string; to: string; state: PeriodState; publishedOn: string | null; appealBy: string | null;
  rankings: { subjectType: SubjectType; rows: BulletinRow[] }[];
  awards: { name: string; candidates: { name: string; total: number }[] }[];
  appeals: { subject: string; line: string; decision: string | null; points: number | null }[];
}

// The shared A4 circular page (src/cases/documents/circular.ts), with a centered table of
// figures whose name columns read left, and the issuing center above the title.
const STYLE = circularStyle({
  table: { fontSize: '10.5pt', cellPadding: '.8mm 2mm' },
  extra: '.org { text-align: center; margin: 0; } th, td { text-align: center; } th { font-weight: normal; } td.name { text-align: left; }',
});

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

export function renderBulletin(d: BulletinData): string {
  const title = `${d.key} ${PERIOD_LABELS[d.kind]}考核通报`;
  const sections = d.rankings.map((r) => html`<h2>${SUBJECT_LABELS[r.subjectType]}考核排名</h2>
    <table><thead><tr><th>名次</th><th>${SUBJECT_LABELS[r.subjectType]}</th><th>计算得分</th><th>申诉调整</th><th>最终得分</th><th>较上期</th></tr></thead>
    <tbody>${r.rows.map((x) => html`<tr><td>${x.rank}</td><td class="name">${x.name}</td><td>${x.computed}</td><td>${signed(x.adjustment || null)}</td><td>${x.total}</td><td>${signed(x.trend)}</td></tr>`)}</tbody></table>`);
  const awards = d.awards.map((a) => html`<tr><td class="name">${a.name}</td><td class="name">${a.candidates.length ? a.candidates.map((c) => `${c.name}（${c.total}分）`).join('、') : '暂无'}</td></tr>`);
  const appeals = d.appeals.map((a) => html`<tr><td class="name">${a.subject}</td><td class="name">${a.line}</td><td>${a.decision === 'upheld' ? '成立' : a.decision === 'rejected' ? '不成立' : '待裁定'}</td><td>${signed(a.points)}</td></tr>`);
  const body = html`<p class="org">${d.centerName}</p><h1>${title}</h1><hr>
    <p>根据本中心考核办法，现将${zhDate(d.from)}至${zhDate(d.to)}考核结果通报如下（状态：${PERIOD_STATE_LABELS[d.state]}${d.publishedOn ? `，发布日期${zhDate(d.publishedOn)}` : ''}${d.appealBy ? `，申诉截止${zhDate(d.appealBy)}` : ''}）。各项得分均可在系统中查看其依据。</p>
    ${sections}
    <h2>评优候选</h2><table><thead><tr><th>评优项目</th><th>候选对象</th></tr></thead><tbody>${awards}</tbody></table>
    ${d.appeals.length ? html`<h2>申诉处理</h2><table><thead><tr><th>考核对象</th><th>申诉明细</th><th>裁定</th><th>调整分值</th></tr></thead><tbody>${appeals}</tbody></table>` : ''}`;
  return circularPage({ title, style: STYLE, body });
}

/** The ranking as .xlsx: one sheet per subject type (Chinese headers), the period on a 说明 sheet. */
export async function rankingWorkbook(d: BulletinData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  for (const r of d.rankings) {
    const ws = wb.addWorksheet(`${SUBJECT_LABELS[r.subjectType]}排名`);
    ws.columns = [
      { header: '名次', key: 'rank', width: 6 }, { header: SUBJECT_LABELS[r.subjectType], key: 'name', width: 28 }, { header: '计算得分', key: 'computed', width: 10 },
      { header: '申诉调整', key: 'adjustment', width: 10 }, { header: '最终得分', key: 'total', width: 10 }, { header: '较上期', key: 'trend', width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const x of r.rows) ws.addRow({ ...x, trend: x.trend ?? '' });
  }
  const info = wb.addWorksheet('说明');
  info.columns = [{ header: '项目', key: 'k', width: 14 }, { header: '内容', key: 'v', width: 60 }];
  info.addRow({ k: '考核周期', v: `${d.key}（${d.from} 至 ${d.to}）` });
  info.addRow({ k: '状态', v: PERIOD_STATE_LABELS[d.state] });
  info.addRow({ k: '单位', v: d.centerName });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
