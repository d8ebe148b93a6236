/**
 * 代办月报: one agency point's month as an Excel workbook — per item the cases filed that
 * month (代办 / 陪办), how many are completed, in progress or otherwise closed, and the 咨办
 * advice given. Counts are taken from the rows at export time, never stored.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { centers } from '../core/org/schema.js';
import { forbidden, notFound } from '../core/errors.js';
import { maskName } from '../core/mask.js';
import { cases } from '../cases/schema.js';
import { CASE_STATE_LABELS, FINISHED_STATES, type CaseState } from '../cases/types.js';
import { agencyCases, agencyConsultations, agencyPoints } from './schema.js';
import { AGENCY_MODE_LABELS } from './types.js';

export interface ReportLine {
  itemCode: string;
  itemName: string;
  proxy: number;
  accompany: number;
  submitted: number;
  completed: number;
  inProgress: number;
  closedOther: number;
  advice: number;
}

const DONE: readonly CaseState[] = ['completed', 'archived'];

/** The point's agents download their own point's report; center admins those of points below them. */
async function readablePoint(ctx: AppContext, user: SessionUser, pointId: string) {
  const [p] = await ctx.db.select({ id: agencyPoints.id, centerId: agencyPoints.centerId, name: centers.name })
    .from(agencyPoints).innerJoin(centers, eq(centers.id, agencyPoints.centerId)).where(eq(agencyPoints.id, pointId));
  if (!p) throw notFound('Agency point', '代办点');
  const ok = user.role === 'agent' ? user.centerId === p.centerId : user.role === 'centerAdmin' && user.centerScope.includes(p.centerId);
  if (!ok) throw forbidden('Not your agency point', '无权查看该代办点的月报');
  return p;
}

/** The month's facts (instants are placed in months by the center's zone). */
export async function monthlyFacts(ctx: AppContext, pointId: string, month: string) {
  const tz = ctx.config.timeZone;
  const inMonth = (col: unknown) => sql`to_char(${col} at time zone ${tz}, 'YYYY-MM') = ${month}`;
  const [filed, advice] = await Promise.all([
    ctx.db.select({
      caseNo: cases.caseNo, itemCode: cases.itemCode, itemName: cases.itemName, state: cases.state, applicantName: cases.applicantName,
      applicantKind: cases.applicantKind, submittedAt: cases.submittedAt, mode: agencyCases.mode, agentName: users.displayName,
    }).from(agencyCases).innerJoin(cases, eq(cases.id, agencyCases.caseId)).innerJoin(users, eq(users.id, agencyCases.agentId))
      .where(and(eq(agencyCases.pointId, pointId), inMonth(cases.submittedAt))).orderBy(asc(cases.submittedAt)),
    ctx.db.select().from(agencyConsultations).where(and(eq(agencyConsultations.pointId, pointId), inMonth(agencyConsultations.at))).orderBy(asc(agencyConsultations.at)),
  ]);
  const lines = new Map<string, ReportLine>();
  const line = (code: string, name: string) => {
    const key = code || `#${name}`;
    if (!lines.has(key)) lines.set(key, { itemCode: code, itemName: name || '（未指定事项）', proxy: 0, accompany: 0, submitted: 0, completed: 0, inProgress: 0, closedOther: 0, advice: 0 });
    return lines.get(key)!;
  };
  for (const c of filed) {
    const l = line(c.itemCode, c.itemName);
    l[c.mode] += 1;
    l.submitted += 1;
    if (DONE.includes(c.state)) l.completed += 1;
    else if (FINISHED_STATES.includes(c.state)) l.closedOther += 1;
    else l.inProgress += 1;
  }
  for (const a of advice) line(a.itemCode ?? '', a.itemName).advice += 1;
  const items = [...lines.values()].sort((a, b) => a.itemCode.localeCompare(b.itemCode) || a.itemName.localeCompare(b.itemName));
  const total = items.reduce((t, l) => {
    for (const k of ['proxy', 'accompany', 'submitted', 'completed', 'inProgress', 'closedOther', 'advice'] as const) t[k] += l[k];
    return t;
  }, { itemCode: '', itemName: '合计', proxy: 0, accompany: 0, submitted: 0, completed: 0, inProgress: 0, closedOther: 0, advice: 0 } as ReportLine);
  return { items, total, filed, advice };
}

const COLUMNS: [keyof ReportLine, string, number][] = [
  ['itemCode', '事项编码', 22], ['itemName', '事项名称', 34], ['proxy', '代办', 8], ['accompany', '陪办', 8], ['submitted', '提交合计', 10],
  ['completed', '已办结', 10], ['inProgress', '办理中', 10], ['closedOther', '未办结终止（不予受理/退回/撤回）', 18], ['advice', '咨办次数', 10],
];

export async function monthlyReport(ctx: AppContext, user: SessionUser, pointId: string, month: string) {
  const point = await readablePoint(ctx, user, pointId);
  const f = await monthlyFacts(ctx, pointId, month);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'banshi';
  const ws = wb.addWorksheet('代办月报');
  ws.columns = COLUMNS.map(([key, , width]) => ({ key, width }));
  const [y, m] = month.split('-');
  ws.addRow([`${point.name} ${y}年${Number(m)}月 代办月报`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.addRow([`统计口径：本月提交的代办件（按提交时间），状态截至导出日 ${ctx.today()}；咨办为本月登记的咨询答复次数`]);
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  const head = ws.addRow(COLUMNS.map(([, label]) => label));
  head.font = { bold: true };
  for (const l of f.items) ws.addRow(COLUMNS.map(([k]) => l[k]));
  ws.addRow(COLUMNS.map(([k]) => f.total[k])).font = { bold: true };

  const detail = wb.addWorksheet('代办明细');
  detail.columns = [{ width: 22 }, { width: 34 }, { width: 12 }, { width: 8 }, { width: 10 }, { width: 20 }, { width: 16 }];
  detail.addRow(['办件编号', '事项名称', '申请人', '代办方式', '代办员', '提交时间', '当前状态']).font = { bold: true };
  for (const c of f.filed) {
    detail.addRow([c.caseNo, c.itemName, maskName(c.applicantName, c.applicantKind), AGENCY_MODE_LABELS[c.mode], c.agentName, new Date(c.submittedAt).toISOString(), CASE_STATE_LABELS[c.state]]);
  }

  const advice = wb.addWorksheet('咨办记录');
  advice.columns = [{ width: 22 }, { width: 12 }, { width: 30 }, { width: 40 }, { width: 40 }];
  advice.addRow(['登记时间', '群众', '咨询事项', '咨询内容', '答复意见']).font = { bold: true };
  for (const a of f.advice) advice.addRow([new Date(a.at).toISOString(), maskName(a.residentName), a.itemName || '（未指定事项）', a.question, a.advice]);

  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `agency-report-${month}.xlsx` };
}
