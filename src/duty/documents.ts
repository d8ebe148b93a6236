/**
 * The monthly hall bulletin (大厅工作通报: patrol findings with their photos, rectification)
 * and the monthly leader-duty circular (领导现场办公情况通报), as printable A4 HTML and as
 * Excel. Rendering is pure (escaped); issuing stores the HTML once and never changes it.
 */
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { rows } from '../core/db/index.js';
import { centers } from '../core/org/schema.js';
import { conflict, notFound } from '../core/errors.js';
import { html, raw, type Html } from '../cases/documents/html.js';
import { circularPage, circularStyle } from '../cases/documents/circular.js';
import { dutyDocuments } from './schema.js';
import { audit, ownCenter } from './common.js';
import type { LedgerRow } from './patrol.js';
import type { circular } from './leader.js';
import { LOCK } from '../core/locks.js';

type Circular = Awaited<ReturnType<typeof circular>>;

const STYLE = circularStyle({
  table: { fontSize: '10.5pt', cellPadding: '1mm 1.5mm' },
  extra: '.photos img { max-width: 55mm; max-height: 40mm; margin: 1mm; border: .5pt solid #999; }',
});

const zhMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const pageOf = (title: string, body: Html) => circularPage({ title, style: STYLE, body });

export interface BulletinInput { centerName: string; month: string; issuedOn: string; seq: number | null; items: LedgerRow[]; photos: Map<string, string> }

export function renderBulletin(b: BulletinInput): string {
  const patrolCount = new Set(b.items.map((i) => i.patrolId)).size;
  const count = (g: string) => b.items.filter((i) => i.grade === g).length;
  const findings = b.items.filter((i) => i.rectification !== 'none');
  const good = b.items.filter((i) => i.grade === 'good');
  const body = html`
    <h1>大厅工作通报</h1>
    <div class="no">${zhMonth(b.month)}${b.seq ? html`（第${b.seq}期）` : html`（草稿）`}　${b.centerName}</div><hr>
    <p>${zhMonth(b.month)}，中心共开展巡查${patrolCount}次，检查窗口${b.items.length}个次，其中评定“好”${count('good')}个次、“一般”${count('fair')}个次、“较差”${count('poor')}个次，发现问题${findings.length}个，已整改${findings.filter((f) => f.rectification === 'rectified').length}个。</p>
    <h2>一、表现良好的窗口</h2>
    ${good.length ? html`<p>${[...new Set(good.map((g) => g.window))].join('、')}。</p>` : html`<p>本月无。</p>`}
    <h2>二、巡查发现的问题</h2>
    ${findings.length ? html`<table><thead><tr><th>日期</th><th>窗口</th><th>部门</th><th>评定</th><th>问题</th><th>整改期限</th><th>整改情况</th></tr></thead><tbody>
      ${findings.map((f) => html`<tr><td>${f.day}</td><td>${f.window}</td><td>${f.department ?? '中心'}</td><td>${f.gradeLabel}</td>
        <td>${f.failedLabels.join('、')}${f.note ? html`<br>${f.note}` : ''}${f.photoFileIds.length ? html`<div class="photos">${f.photoFileIds.map((id) => (b.photos.get(id) ? raw(`<img alt="巡查照片" src="${b.photos.get(id)}">`) : ''))}</div>` : ''}</td>
        <td>${f.rectifyDue ?? ''}</td><td>${f.rectification === 'rectified' ? html`已整改：${f.rectifiedNote ?? ''}` : f.overdue ? '逾期未整改' : '整改中'}</td></tr>`)}
    </tbody></table>` : html`<p>本月巡查未发现问题。</p>`}
    <h2>三、下一步要求</h2>
    <p>请各进驻部门对照问题清单，在整改期限内完成整改并报中心管理办公室复查；逾期未整改的，纳入月度窗口考核。</p>
    <div class="sign">${b.centerName}<br>${b.issuedOn}</div>`;
  return pageOf(`${zhMonth(b.month)}大厅工作通报`, body);
}

export function renderCircular(c: Circular, centerName: string, issuedOn: string, seq: number | null): string {
  const body = html`
    <h1>领导现场办公情况通报</h1>
    <div class="no">${zhMonth(c.month)}${seq ? html`（第${seq}期）` : html`（草稿）`}　${centerName}</div><hr>
    <p>按照“每月10日前向中心报送下月现场办公的领导和时间”的要求，${zhMonth(c.month)}计划报送截止日期为${c.dueOn}。各进驻部门领导现场办公情况通报如下：</p>
    <table><thead><tr><th>部门</th><th>计划报送</th><th>计划天数</th><th>已到岗</th><th>缺岗</th><th>替班</th><th>安排</th></tr></thead><tbody>
      ${c.departments.map((d) => html`<tr><td>${d.department}</td><td>${d.planStatus}</td><td>${d.planned}</td><td>${d.done}</td><td>${d.missed}</td><td>${d.substituted}</td>
        <td>${d.days.map((x) => html`${x.day} ${x.onDuty}（${x.status === 'done' ? '已到岗' : x.status === 'missed' ? '缺岗' : '待履职'}）<br>`)}</td></tr>`)}
    </tbody></table>
    <p>未按时报送计划或现场办公缺岗的部门，请于下月5日前向中心书面说明情况；连续3次缺岗的，报监察机关处理。</p>
    <div class="sign">${centerName}<br>${issuedOn}</div>`;
  return pageOf(`${zhMonth(c.month)}领导现场办公情况通报`, body);
}

export async function bulletinWorkbook(items: LedgerRow[], month: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet(`${month}巡查台账`);
  ws.columns = [
    { header: '日期', key: 'day', width: 11 }, { header: '时段', key: 'session', width: 6 }, { header: '方式', key: 'kind', width: 8 }, { header: '巡查人', key: 'patroller', width: 10 },
    { header: '窗口', key: 'window', width: 20 }, { header: '部门', key: 'department', width: 24 }, { header: '评定', key: 'grade', width: 6 }, { header: '问题', key: 'checks', width: 30 },
    { header: '说明', key: 'note', width: 30 }, { header: '照片数', key: 'photos', width: 7 }, { header: '整改期限', key: 'due', width: 11 }, { header: '整改情况', key: 'state', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) ws.addRow({
    day: i.day, session: i.session === 'morning' ? '上午' : '下午', kind: i.kind === 'scheduled' ? '定时' : '不定时', patroller: i.patroller, window: i.window, department: i.department ?? '中心',
    grade: i.gradeLabel, checks: i.failedLabels.join('、'), note: i.note, photos: i.photoFileIds.length, due: i.rectifyDue ?? '',
    state: i.rectification === 'rectified' ? `已整改：${i.rectifiedNote ?? ''}` : i.rectification === 'open' ? (i.overdue ? '逾期未整改' : '整改中') : '无需整改',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function circularWorkbook(c: Circular): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet(`${c.month}领导现场办公`);
  ws.columns = [{ header: '部门', key: 'department', width: 28 }, { header: '计划报送', key: 'planStatus', width: 10 }, { header: '计划天数', key: 'planned', width: 9 }, { header: '已到岗', key: 'done', width: 8 }, { header: '缺岗', key: 'missed', width: 6 }, { header: '替班', key: 'substituted', width: 6 }, { header: '安排', key: 'days', width: 50 }];
  ws.getRow(1).font = { bold: true };
  for (const d of c.departments) ws.addRow({ ...d, days: d.days.map((x) => `${x.day} ${x.onDuty}`).join('；') });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function centerName(ctx: AppContext, centerId: string) {
  const [c] = await ctx.db.select({ name: centers.name }).from(centers).where(eq(centers.id, centerId));
  return c?.name ?? '';
}

/** Stores a document once per center, kind and month (numbered in the center's yearly sequence). */
export async function issueDocument(ctx: AppContext, user: SessionUser, kind: 'hallBulletin' | 'leaderCircular', month: string, render: (seq: number) => string) {
  const centerId = ownCenter(user);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK.dutyDocuments})`);
    const [done] = await tx.select({ id: dutyDocuments.id }).from(dutyDocuments).where(and(eq(dutyDocuments.centerId, centerId), eq(dutyDocuments.kind, kind), eq(dutyDocuments.month, month)));
    if (done) throw conflict('document_issued', 'Already issued for this month', '本月已印发');
    const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from duty_documents where center_id = ${centerId} and kind = ${kind} and month like ${`${month.slice(0, 4)}-%`}`);
    const seq = n + 1;
    const [d] = await tx.insert(dutyDocuments).values({ centerId, kind, month, html: render(seq), issuedAt: now.toISOString(), issuedBy: user.id, seq }).returning({ id: dutyDocuments.id });
    await audit(tx, user, 'duty.document.issue', 'dutyDocument', d.id, now, { kind, month, seq });
    return { id: d.id, seq };
  });
}

export async function issuedDocument(ctx: AppContext, user: SessionUser, kind: 'hallBulletin' | 'leaderCircular', month: string) {
  const [d] = await ctx.db.select().from(dutyDocuments).where(and(eq(dutyDocuments.centerId, ownCenter(user)), eq(dutyDocuments.kind, kind), eq(dutyDocuments.month, month)));
  if (!d) throw notFound('Document', '文件');
  return d;
}

export async function issuedList(ctx: AppContext, user: SessionUser) {
  return ctx.db.select({ id: dutyDocuments.id, kind: dutyDocuments.kind, month: dutyDocuments.month, seq: dutyDocuments.seq, issuedAt: dutyDocuments.issuedAt }).from(dutyDocuments).where(eq(dutyDocuments.centerId, ownCenter(user)));
}
