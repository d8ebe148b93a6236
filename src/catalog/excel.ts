import ExcelJS from 'exceljs';
import { Value } from '@sinclair/typebox/value';
import '../core/formats.js';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { unprocessable } from '../core/errors.js';
import { departments } from '../core/org/schema.js';
import { serviceItems, serviceItemVersions } from './schema.js';
import { GuideSchema } from './guideSchema.js';
import { createItem, updateItem } from './service.js';
import { canonical } from '../core/audit/audit.js';
import {
  CASE_KIND_LABELS, ITEM_LEVEL_LABELS, ITEM_TYPE_LABELS, SPECIAL_PROCEDURE_LABELS, type GuideData, type Material, type ProcedureStep,
} from './types.js';

// Labels as departments write them in their tables; the reverse maps read them back.
const LABELS = {
  type: ITEM_TYPE_LABELS,
  caseKind: CASE_KIND_LABELS,
  servedParty: { person: '个人', organization: '法人', both: '个人和法人' },
  unit: { workingDays: '工作日', calendarDays: '自然日', onTheSpot: '即办' },
  entryMode: { resident: '窗口进驻', comprehensive: '综合窗口代收', subCenter: '分中心', networkOnly: '网上办理', notEntered: '未进驻' },
  overdueDefault: { none: '仅督办', deemedApproved: '视为同意' },
  required: { required: '必要', optional: '可选', conditional: '视情况' },
  form: { paper: '纸质', electronic: '电子', both: '纸质和电子' },
  source: { applicant: '申请人提供', sharing: '部门共享' },
  delivery: { pickup: '窗口领取', post: '邮寄送达' },
  resultType: { certificate: '证照', approval: '批文', other: '其他' },
  role: { receiver: '受理', coordinator: '全程办事人', handler: '承办', chiefRep: '首席代表', leader: '分管领导' },
  special: SPECIAL_PROCEDURE_LABELS,
} as const;
type LabelMap = Record<string, string>;
const label = (m: LabelMap, v: string) => m[v] ?? v;
const unlabel = (m: LabelMap, text: string) => Object.keys(m).find((k) => m[k] === text) ?? text;
const yes = (b: boolean | undefined) => (b ? '是' : '否');
const isYes = (s: string) => s === '是' || s.toLowerCase() === 'true';
const list = (s: string) => s.split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s === '' ? NaN : Number(s));

type Cell = string | number;
interface Column { header: string; width?: number; get: (d: GuideData, names: Map<string, string>) => Cell; set: (d: GuideData, v: string, ids: Map<string, string>) => void }

/** The item sheet, column by column: how a field is written and read back. */
const ITEM_COLUMNS: Column[] = [
  { header: '事项名称', width: 28, get: (d) => d.name, set: (d, v) => { d.name = v; } },
  { header: '实施部门', width: 16, get: (d, n) => n.get(d.departmentId) ?? '', set: (d, v, ids) => { d.departmentId = ids.get(v) ?? `?${v}`; } },
  { header: '事项类型', get: (d) => label(LABELS.type, d.type), set: (d, v) => { d.type = unlabel(LABELS.type, v) as GuideData['type']; } },
  { header: '主题', get: (d) => d.theme, set: (d, v) => { d.theme = v; } },
  { header: '服务对象', get: (d) => label(LABELS.servedParty, d.servedParty), set: (d, v) => { d.servedParty = unlabel(LABELS.servedParty, v) as GuideData['servedParty']; } },
  { header: '办件类型', get: (d) => label(LABELS.caseKind, d.caseKind), set: (d, v) => { d.caseKind = unlabel(LABELS.caseKind, v) as GuideData['caseKind']; } },
  { header: '法定时限', get: (d) => d.statutoryLimit.value, set: (d, v) => { d.statutoryLimit.value = num(v); } },
  { header: '法定时限单位', get: (d) => label(LABELS.unit, d.statutoryLimit.unit), set: (d, v) => { d.statutoryLimit.unit = unlabel(LABELS.unit, v) as GuideData['statutoryLimit']['unit']; } },
  { header: '承诺时限', get: (d) => d.promisedLimit.value, set: (d, v) => { d.promisedLimit.value = num(v); } },
  { header: '承诺时限单位', get: (d) => label(LABELS.unit, d.promisedLimit.unit), set: (d, v) => { d.promisedLimit.unit = unlabel(LABELS.unit, v) as GuideData['promisedLimit']['unit']; } },
  { header: '设定依据', width: 40, get: (d) => d.legalBasis, set: (d, v) => { d.legalBasis = v; } },
  { header: '受理条件', width: 40, get: (d) => d.conditions, set: (d, v) => { d.conditions = v; } },
  { header: '审查标准', width: 30, get: (d) => d.reviewStandard, set: (d, v) => { d.reviewStandard = v; } },
  { header: '进驻方式', get: (d) => label(LABELS.entryMode, d.entryMode), set: (d, v) => { d.entryMode = unlabel(LABELS.entryMode, v) as GuideData['entryMode']; } },
  { header: '未进驻理由', get: (d) => d.notEnteredReason ?? '', set: (d, v) => { if (v) d.notEnteredReason = v; } },
  { header: '受理窗口', get: (d) => d.windowNames.join('、'), set: (d, v) => { d.windowNames = list(v); } },
  { header: '审批责任人', get: (d) => d.responsiblePerson, set: (d, v) => { d.responsiblePerson = v; } },
  { header: '到现场次数', get: (d) => d.maxVisits, set: (d, v) => { d.maxVisits = num(v) as GuideData['maxVisits']; } },
  { header: '网办深度', get: (d) => d.onlineDepth, set: (d, v) => { d.onlineDepth = num(v) as GuideData['onlineDepth']; } },
  { header: '容缺受理', get: (d) => yes(d.conditionalAcceptance), set: (d, v) => { d.conditionalAcceptance = isYes(v); } },
  { header: '容缺补齐时限（工作日）', get: (d) => d.owedWorkingDays ?? '', set: (d, v) => { if (v) d.owedWorkingDays = num(v); } },
  { header: '容缺超期处理办法', width: 30, get: (d) => d.owedOverdue ?? '', set: (d, v) => { if (v) d.owedOverdue = v; } },
  { header: '可预约', get: (d) => yes(d.appointmentAllowed), set: (d, v) => { d.appointmentAllowed = isYes(v); } },
  { header: '送达方式', get: (d) => d.deliveryModes.map((m) => label(LABELS.delivery, m)).join('、'), set: (d, v) => { d.deliveryModes = list(v).map((x) => unlabel(LABELS.delivery, x)) as GuideData['deliveryModes']; } },
  { header: '超时默认', get: (d) => label(LABELS.overdueDefault, d.overdueDefault), set: (d, v) => { d.overdueDefault = unlabel(LABELS.overdueDefault, v) as GuideData['overdueDefault']; } },
  { header: '特别程序', get: (d) => d.specialProcedures.map((s) => label(LABELS.special, s)).join('、'), set: (d, v) => { d.specialProcedures = list(v).map((x) => unlabel(LABELS.special, x)) as GuideData['specialProcedures']; } },
  {
    header: '联办部门（部门:工作日:任务）', width: 30,
    get: (d, n) => d.jointParticipants.map((j) => `${n.get(j.departmentId) ?? j.departmentId}:${j.subLimitWorkingDays}:${j.task}`).join('；'),
    set: (d, v, ids) => {
      d.jointParticipants = v.split(/[;；]/).map((x) => x.trim()).filter(Boolean).map((x) => {
        const [dept, days, ...task] = x.split(/[:：]/);
        return { departmentId: ids.get(dept) ?? `?${dept}`, subLimitWorkingDays: num(days), task: task.join(':') };
      });
    },
  },
  { header: '是否收费', get: (d) => yes(!d.fees.free), set: (d, v) => { d.fees.free = !isYes(v); } },
  { header: '缴费后送达', get: (d) => yes(!!d.fees.payBeforeDelivery), set: (d, v) => { if (isYes(v)) d.fees.payBeforeDelivery = true; else delete d.fees.payBeforeDelivery; } },
  { header: '办理结果', get: (d) => d.result.name, set: (d, v) => { d.result.name = v; } },
  { header: '结果类型', get: (d) => label(LABELS.resultType, d.result.type), set: (d, v) => { d.result.type = unlabel(LABELS.resultType, v) as GuideData['result']['type']; } },
  { header: '结果样本', get: (d) => d.result.sample ?? '', set: (d, v) => { if (v) d.result.sample = v; } },
  { header: '办理地点', get: (d) => d.contact.address, set: (d, v) => { d.contact.address = v; } },
  { header: '办理时间', get: (d) => d.contact.hours, set: (d, v) => { d.contact.hours = v; } },
  { header: '咨询电话', get: (d) => d.contact.phone, set: (d, v) => { d.contact.phone = v; } },
  { header: '投诉电话', get: (d) => d.contact.complaintPhone, set: (d, v) => { d.contact.complaintPhone = v; } },
  { header: '重点项目', get: (d) => yes(d.keyProject), set: (d, v) => { if (isYes(v)) d.keyProject = true; } },
  // 村级 items with 承诺时限 0 are promised the village default (rules.ts applyLevelDefaults).
  { header: '层级', get: (d) => (d.level ? ITEM_LEVEL_LABELS[d.level] : ''), set: (d, v) => { if (v) d.level = unlabel(ITEM_LEVEL_LABELS, v) as GuideData['level']; } },
  // Search words last, so workbooks exported before they existed still import column by column.
  { header: '别名（俗称）', width: 20, get: (d) => (d.aliases ?? []).join('、'), set: (d, v) => { if (list(v).length) d.aliases = list(v); } },
  { header: '搜索关键词', width: 24, get: (d) => (d.keywords ?? []).join('、'), set: (d, v) => { if (list(v).length) d.keywords = list(v); } },
  // 共同申请人: 「最少-最多 称谓」, e.g. 「1-1 另一方当事人」; empty for one applicant.
  { header: '共同申请人', width: 20, get: (d) => (d.coApplicants ? `${d.coApplicants.min}-${d.coApplicants.max} ${d.coApplicants.label}` : ''), set: (d, v) => {
    const m = /^(\d)\s*-\s*(\d)\s+(.+)$/.exec(v.trim());
    if (m) d.coApplicants = { min: Number(m[1]), max: Number(m[2]), label: m[3].trim() };
  } },
  // 电子证照: the licence type the approved result replaces (换发) or cancels (注销), src/licences/supersede.ts.
  { header: '替代证照类型', width: 16, get: (d) => d.result.supersedes ?? '', set: (d, v) => { if (v) d.result.supersedes = v; } },
  { header: '注销证照类型', width: 16, get: (d) => d.result.revokes ?? '', set: (d, v) => { if (v) d.result.revokes = v; } },
];

const MATERIAL_HEADERS = ['事项编码', '材料编号', '材料名称', '必要性', '提交情形', '主件/副件', '份数', '形式', '来源', '出具部门', '样表', '备注', '可用电子证照类型'];
const STEP_HEADERS = ['事项编码', '序号', '环节名称', '岗位', '工作日'];
const FEE_HEADERS = ['事项编码', '收费项目', '收费标准', '收费依据'];

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[] = []) {
  const ws = wb.addWorksheet(name);
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? Math.max(10, h.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

/** The latest version of every item of the admin's center, in four sheets. */
export async function exportCatalog(ctx: AppContext, user: SessionUser): Promise<Buffer> {
  const items = await ctx.db.select({ code: serviceItems.code, data: serviceItemVersions.data }).from(serviceItems)
    .innerJoin(serviceItemVersions, and(eq(serviceItemVersions.itemId, serviceItems.id), eq(serviceItemVersions.version, serviceItems.latestVersion)))
    .where(eq(serviceItems.centerId, user.centerId ?? '')).orderBy(serviceItems.code);
  const depts = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments);
  const names = new Map(depts.map((d) => [d.id, d.name]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi';
  const wsItems = sheet(wb, '事项', ['事项编码', ...ITEM_COLUMNS.map((c) => c.header)], [22, ...ITEM_COLUMNS.map((c) => c.width ?? 12)]);
  const wsMat = sheet(wb, '申请材料', MATERIAL_HEADERS, [22, 16, 30]);
  const wsSteps = sheet(wb, '办理流程', STEP_HEADERS, [22]);
  const wsFees = sheet(wb, '收费项目', FEE_HEADERS, [22, 20, 20, 40]);
  for (const { code, data } of items) {
    wsItems.addRow([code, ...ITEM_COLUMNS.map((c) => c.get(data, names))]);
    for (const m of data.materials) {
      wsMat.addRow([code, m.id, m.name, label(LABELS.required, m.required), m.condition ?? '', m.major ? '主件' : '副件', m.copies,
        label(LABELS.form, m.form), label(LABELS.source, m.source), m.sourceAgency ?? '', m.sample ?? '', m.note ?? '', m.licenceType ?? '']);
    }
    data.procedure.forEach((s, i) => wsSteps.addRow([code, i + 1, s.name, label(LABELS.role, s.role), s.workingDays ?? '']));
    for (const f of data.fees.items) wsFees.addRow([code, f.name, f.standard, f.basis]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface ImportError { row: number; sheet: string; field: string; message: string; messageZh: string }

function cellText(row: ExcelJS.Row, col: number): string {
  const v = row.getCell(col).value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

function emptyGuide(): GuideData {
  return {
    name: '', type: 'license', theme: '', servedParty: 'person', departmentId: '', entryMode: 'resident', windowNames: [], responsiblePerson: '',
    legalBasis: '', statutoryLimit: { value: 0, unit: 'workingDays' }, promisedLimit: { value: 0, unit: 'workingDays' }, caseKind: 'promised',
    conditions: '', reviewStandard: '', procedure: [], specialProcedures: [], jointParticipants: [], maxVisits: 1, onlineDepth: 1,
    conditionalAcceptance: false, appointmentAllowed: false, deliveryModes: [], overdueDefault: 'none', materials: [],
    fees: { free: true, items: [] }, result: { name: '', type: 'other' }, contact: { address: '', hours: '', phone: '', complaintPhone: '' },
  };
}

/** Reads the four sheets back into guides keyed by item code (rows without a code get a generated one). */
export function readWorkbook(wb: ExcelJS.Workbook, ids: Map<string, string>) {
  const guides = new Map<string, { row: number; data: GuideData }>();
  const errors: ImportError[] = [];
  const items = wb.getWorksheet('事项');
  if (!items) return { guides, errors: [{ row: 0, sheet: '事项', field: 'sheet', message: 'Missing sheet 事项', messageZh: '缺少“事项”工作表' }] };
  items.eachRow((row, n) => {
    if (n === 1) return;
    const data = emptyGuide();
    ITEM_COLUMNS.forEach((c, i) => c.set(data, cellText(row, i + 2), ids));
    const code = cellText(row, 1) || `new-${n}`;
    if (guides.has(code)) errors.push({ row: n, sheet: '事项', field: 'code', message: `Duplicate code ${code}`, messageZh: `事项编码重复：${code}` });
    guides.set(code, { row: n, data });
  });
  const forCode = (sheetName: string, row: ExcelJS.Row, n: number) => {
    const g = guides.get(cellText(row, 1));
    if (!g) errors.push({ row: n, sheet: sheetName, field: 'code', message: 'No such item code in sheet 事项', messageZh: '“事项”表中没有该事项编码' });
    return g?.data;
  };
  wb.getWorksheet('申请材料')?.eachRow((row, n) => {
    const d = n > 1 && forCode('申请材料', row, n);
    if (!d) return;
    const t = (c: number) => cellText(row, c);
    const m: Material = {
      id: t(2), name: t(3), required: unlabel(LABELS.required, t(4)) as Material['required'], major: t(6) !== '副件', copies: num(t(7) || '1'),
      form: unlabel(LABELS.form, t(8)) as Material['form'], source: unlabel(LABELS.source, t(9)) as Material['source'],
    };
    const optional: [keyof Material, string][] = [['condition', t(5)], ['sourceAgency', t(10)], ['sample', t(11)], ['note', t(12)], ['licenceType', t(13)]];
    for (const [k, v] of optional) if (v) (m as unknown as Record<string, unknown>)[k] = v;
    d.materials.push(m);
  });
  wb.getWorksheet('办理流程')?.eachRow((row, n) => {
    const d = n > 1 && forCode('办理流程', row, n);
    if (!d) return;
    const step: ProcedureStep = { name: cellText(row, 3), role: unlabel(LABELS.role, cellText(row, 4)) as ProcedureStep['role'] };
    if (cellText(row, 5)) step.workingDays = num(cellText(row, 5));
    d.procedure.push(step);
  });
  wb.getWorksheet('收费项目')?.eachRow((row, n) => {
    const d = n > 1 && forCode('收费项目', row, n);
    if (d) d.fees.items.push({ name: cellText(row, 2), standard: cellText(row, 3), basis: cellText(row, 4) });
  });
  return { guides, errors };
}

/** Schema errors of one row, with the Excel row number and a readable field name. */
function schemaErrors(row: number, data: GuideData): ImportError[] {
  return [...Value.Errors(GuideSchema, data)].slice(0, 5).map((e) => {
    const field = e.path.replace(/^\//, '').replace(/\//g, '.');
    const zh = field === 'departmentId' ? '实施部门不存在' : `字段 ${field} 的值不合法`;
    return { row, sheet: '事项', field, message: `${field}: ${e.message}`, messageZh: zh };
  });
}

/** Creates new items and new draft versions of changed ones — every row or none. */
export async function importCatalog(ctx: AppContext, user: SessionUser, buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unprocessable('file_unreadable', 'The workbook cannot be read', 'Excel 文件无法读取');
  }
  const depts = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, user.centerId ?? ''));
  const { guides, errors } = readWorkbook(wb, new Map(depts.map((d) => [d.name, d.id])));
  for (const { row, data } of guides.values()) errors.push(...schemaErrors(row, data));
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    let created = 0, updated = 0, unchanged = 0;
    for (const [code, { data }] of guides) {
      const [existing] = await tx.select({ id: serviceItems.id, latestVersion: serviceItems.latestVersion, data: serviceItemVersions.data })
        .from(serviceItems).innerJoin(serviceItemVersions, and(eq(serviceItemVersions.itemId, serviceItems.id), eq(serviceItemVersions.version, serviceItems.latestVersion)))
        .where(eq(serviceItems.code, code));
      if (!existing) {
        await createItem(tx, user, data, at, code.startsWith('new-') ? undefined : code);
        created++;
      } else if (canonical(existing.data) === canonical(data)) {
        unchanged++;
      } else {
        await updateItem(tx, user, existing.id, data, existing.latestVersion, at);
        updated++;
      }
    }
    return { created, updated, unchanged, errors: [] as ImportError[] };
  });
}
