/** Chinese labels for the catalog's enumerations and formatting helpers. */
import {
  CASE_KIND_LABELS,
  ITEM_TYPE_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type CaseKind,
  type EntryMode,
  type ItemStatus,
  type ItemType,
  type Limit,
  type LimitUnit,
  type Material,
  type OverdueDefault,
  type ProcedureStep,
  type ServedParty,
  type SpecialProcedure,
} from '../../../src/catalog/types';
import { ROLE_LABELS, type Role } from '../../../src/core/auth/roles';

export { CASE_KIND_LABELS, ITEM_TYPE_LABELS, SPECIAL_PROCEDURE_LABELS, ROLE_LABELS };

export const SERVED_PARTY_LABELS: Record<ServedParty, string> = {
  person: '个人',
  organization: '法人',
  both: '个人、法人',
};

export const ENTRY_MODE_LABELS: Record<EntryMode, string> = {
  resident: '部门窗口进驻',
  comprehensive: '综合窗口代办',
  subCenter: '分中心办理',
  networkOnly: '网上办理',
  notEntered: '未进驻',
};

export const LIMIT_UNIT_LABELS: Record<LimitUnit, string> = {
  workingDays: '工作日',
  calendarDays: '自然日',
  onTheSpot: '即办',
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '已审核',
  published: '已发布',
  superseded: '已替代',
  suspended: '已暂停',
  abolished: '已废止',
};

export const STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  published: 'success',
  superseded: 'default',
  suspended: 'warning',
  abolished: 'error',
};

export const REQUIRED_LABELS: Record<Material['required'], string> = {
  required: '必要',
  optional: '可选',
  conditional: '视情况',
};

export const MATERIAL_FORM_LABELS: Record<Material['form'], string> = {
  paper: '纸质',
  electronic: '电子',
  both: '纸质、电子',
};

export const MATERIAL_SOURCE_LABELS: Record<Material['source'], string> = {
  applicant: '申请人提供',
  sharing: '部门共享',
};

export const STEP_ROLES: ProcedureStep['role'][] = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'];
export const STEP_ROLE_LABELS: Record<ProcedureStep['role'], string> = {
  receiver: '受理',
  coordinator: '全程办事人',
  handler: '具体办理人',
  chiefRep: '首席代表',
  leader: '分管领导',
};

export const OVERDUE_DEFAULT_LABELS: Record<OverdueDefault, string> = {
  none: '无（超时按电子监察处理）',
  deemedApproved: '超时默认同意',
};

export const DELIVERY_LABELS: Record<'pickup' | 'post', string> = {
  pickup: '窗口领取',
  post: '邮寄送达',
};

export const RESULT_TYPE_LABELS: Record<'certificate' | 'approval' | 'other', string> = {
  certificate: '证照',
  approval: '批文',
  other: '其他',
};

export const ONLINE_DEPTH_LABELS: Record<number, string> = {
  1: '一级（网上咨询、表格下载）',
  2: '二级（网上预审）',
  3: '三级（网上受理、网上办理）',
  4: '四级（全程网办）',
};

export const MAX_VISITS_LABELS: Record<number, string> = {
  0: '零跑动',
  1: '最多跑一次',
  2: '最多跑两次',
};

export const DAY_KIND_LABELS: Record<string, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  adjustedWorkday: '调休上班',
  localClosure: '本地闭馆',
  extraWorkday: '加班日',
};

export function typeLabel(t: ItemType | string | undefined): string {
  return (t && ITEM_TYPE_LABELS[t as ItemType]) || t || '—';
}
export function caseKindLabel(k: CaseKind | string | undefined): string {
  return (k && CASE_KIND_LABELS[k as CaseKind]) || k || '—';
}
export function specialProcedureLabel(p: SpecialProcedure | string): string {
  return SPECIAL_PROCEDURE_LABELS[p as SpecialProcedure] ?? p;
}
export function roleLabel(r: Role | string | undefined): string {
  return (r && ROLE_LABELS[r as Role]) || r || '';
}

/** "5个工作日" / "即办" / "20个自然日". */
export function formatLimit(limit: Limit | undefined | null): string {
  if (!limit) return '—';
  if (limit.unit === 'onTheSpot') return '即办';
  return `${limit.value}个${LIMIT_UNIT_LABELS[limit.unit] ?? limit.unit}`;
}

/** "零跑动" when 0, "最多跑一次" when 1, otherwise "最多跑N次". */
export function formatVisits(n: number | undefined | null): string {
  if (n === undefined || n === null) return '—';
  if (n <= 0) return '零跑动';
  if (n === 1) return '最多跑一次';
  return MAX_VISITS_LABELS[n] ?? `最多跑${n}次`;
}

/**
 * The center's zone (the server's BANSHI_TZ default): times read as the hall's clock, the
 * same as on the printed notices, whatever zone the browser is set to.
 */
export const CENTER_TIME_ZONE = 'Asia/Shanghai';
const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CENTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export function formatDateTime(s: string | null | undefined): string {
  if (!s) return '—';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  const part = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** Chinese names of GuideData fields, for validation messages. */
export const FIELD_LABELS: Record<string, string> = {
  code: '事项编码',
  name: '事项名称',
  type: '事项类型',
  theme: '主题分类',
  servedParty: '服务对象',
  departmentId: '实施部门',
  entryMode: '进驻方式',
  notEnteredReason: '未进驻原因',
  windowNames: '受理窗口',
  responsiblePerson: '审批责任人',
  legalBasis: '设定依据',
  statutoryLimit: '法定时限',
  promisedLimit: '承诺时限',
  caseKind: '办件类型',
  conditions: '受理条件',
  reviewStandard: '审查标准',
  procedure: '办理流程',
  specialProcedures: '特别程序',
  jointParticipants: '联办部门',
  maxVisits: '到现场次数',
  onlineDepth: '网办深度',
  conditionalAcceptance: '容缺受理',
  appointmentAllowed: '预约',
  deliveryModes: '送达方式',
  overdueDefault: '超时默认',
  materials: '申请材料',
  fees: '收费',
  result: '办理结果',
  contact: '联系方式',
  keyProject: '重点项目',
  value: '数值',
  unit: '单位',
  condition: '适用情形',
  major: '主件/副件',
  copies: '份数',
  form: '形式',
  source: '来源',
  sourceAgency: '共享来源部门',
  sample: '样表',
  note: '备注',
  required: '必要性',
  items: '收费项目',
  free: '是否收费',
  standard: '收费标准',
  basis: '收费依据',
  role: '岗位',
  workingDays: '工作日',
  subLimitWorkingDays: '分段时限',
  task: '承担事项',
  address: '办理地点',
  hours: '办理时间',
  phone: '咨询电话',
  complaintPhone: '投诉电话',
};

/**
 * Parse a server field reference into a form path:
 * "/data/materials/0/name", "data.materials[0].name", "materials.0.name" → ['materials', 0, 'name'].
 */
export function parseFieldPath(field: string | undefined): (string | number)[] {
  if (!field) return [];
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  while (parts.length && (parts[0] === 'body' || parts[0] === 'data')) parts.shift();
  return parts;
}

/** "申请材料 第1项 · 名称" style label for a field path. */
export function fieldLabel(field: string | undefined): string {
  const path = parseFieldPath(field);
  if (!path.length) return field ?? '';
  return path
    .map((p) => (typeof p === 'number' ? `第${p + 1}项` : FIELD_LABELS[p] ?? p))
    .join(' · ');
}
