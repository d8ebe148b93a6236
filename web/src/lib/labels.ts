/** Chinese labels for the catalog's enumerations and formatting helpers. */
import {
  CASE_KIND_LABELS as CASE_KIND_ZH,
  ITEM_LEVEL_LABELS as ITEM_LEVEL_ZH,
  ITEM_TYPE_LABELS as ITEM_TYPE_ZH,
  SPECIAL_PROCEDURE_LABELS as SPECIAL_PROCEDURE_ZH,
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
import { ROLE_LABELS as ROLE_ZH, type Role } from '../../../src/core/auth/roles';
import {
  CASE_ACTION_LABELS as CASE_ACTION_ZH,
  CASE_STATE_LABELS as CASE_STATE_ZH,
  CHANNEL_LABELS as CHANNEL_ZH,
  DOCUMENT_TITLES as DOCUMENT_TITLE_ZH,
  JOINT_EVENT_LABELS as JOINT_EVENT_ZH,
  OPINION_LABELS as OPINION_ZH,
  PART_STATUS_LABELS as PART_STATUS_ZH,
  SYSTEM_EVENT_LABELS as SYSTEM_EVENT_ZH,
} from '../../../src/cases/types';
import { GROUP_BY_LABELS as GROUP_BY_ZH } from '../../../src/stats/types';
import { EN, getLang, tr } from './i18n';

/**
 * The server's Chinese label maps, read in the chosen language. English is looked up by the
 * enum's own key first (`caseAction:accept` in web/src/i18n/en/enums.ts — one Chinese word
 * such as 受理 is an action, a step and a role, each with its own English), then by the
 * Chinese text (web/src/i18n/en/labels.ts). The i18n test checks every value has one.
 */
function translated<K extends string>(m: Record<K, string>, ns?: string): Record<K, string> {
  return new Proxy(m, {
    get: (o, k) => {
      if (typeof k !== 'string' || !(k in o)) return Reflect.get(o, k);
      const byKey = ns && getLang() === 'en' ? EN[`${ns}:${k}`] : undefined;
      return byKey ?? tr(o[k as K]);
    },
  });
}
export const CASE_KIND_LABELS = translated(CASE_KIND_ZH);
export const ITEM_TYPE_LABELS = translated(ITEM_TYPE_ZH);
export const ITEM_LEVEL_LABELS = translated(ITEM_LEVEL_ZH);
export const SPECIAL_PROCEDURE_LABELS = translated(SPECIAL_PROCEDURE_ZH);
export const ROLE_LABELS = translated(ROLE_ZH);
export const CASE_STATE_LABELS = translated(CASE_STATE_ZH, 'caseState');
export const CHANNEL_LABELS = translated(CHANNEL_ZH, 'channel');
export const CASE_ACTION_LABELS = translated(CASE_ACTION_ZH, 'caseAction');
export const OPINION_LABELS = translated(OPINION_ZH, 'opinion');
export const PART_STATUS_LABELS = translated(PART_STATUS_ZH, 'partStatus');
export const DOCUMENT_TITLES = translated(DOCUMENT_TITLE_ZH, 'document');
export const GROUP_BY_LABELS = translated(GROUP_BY_ZH, 'groupBy');
const JOINT_EVENT_LABELS = translated(JOINT_EVENT_ZH, 'caseEvent');
const SYSTEM_EVENT_LABELS = translated(SYSTEM_EVENT_ZH, 'caseEvent');

/** What an event of a case's history was, by its kind (the server's Chinese `label` is its fallback). */
export function caseEventLabel(action: string, fallback?: string): string {
  const maps: Record<string, string>[] = [CASE_ACTION_LABELS, JOINT_EVENT_LABELS, SYSTEM_EVENT_LABELS];
  for (const m of maps) if (action in m) return m[action];
  return fallback ? tr(fallback) : action;
}

/** A case state named by its Chinese label (the public progress query sends labels): in the chosen language. */
export function caseStateByLabel(zh: string): string {
  const key = (Object.keys(CASE_STATE_ZH) as (keyof typeof CASE_STATE_ZH)[]).find((k) => CASE_STATE_ZH[k] === zh);
  return key ? CASE_STATE_LABELS[key] : tr(zh);
}

/**
 * A handling step's name: the catalog's own words (data), in English when it is one of the
 * standard steps (受理, 审查, 决定, 送达 …) the dictionary knows under `step:`.
 */
export function stepName(name: string): string {
  return (getLang() === 'en' && EN[`step:${name}`]) || name;
}

export const SERVED_PARTY_LABELS: Record<ServedParty, string> = {
  get person() { return tr('个人'); },
  get organization() { return tr('法人'); },
  get both() { return tr('个人、法人'); },
};

export const ENTRY_MODE_LABELS: Record<EntryMode, string> = {
  get resident() { return tr('部门窗口进驻'); },
  get comprehensive() { return tr('综合窗口代办'); },
  get subCenter() { return tr('分中心办理'); },
  get networkOnly() { return tr('网上办理'); },
  get notEntered() { return tr('未进驻'); },
};

export const LIMIT_UNIT_LABELS: Record<LimitUnit, string> = {
  get workingDays() { return tr('工作日'); },
  get calendarDays() { return tr('自然日'); },
  get onTheSpot() { return tr('即办'); },
};

export const STATUS_LABELS: Record<ItemStatus, string> = {
  get draft() { return tr('草稿'); },
  get submitted() { return tr('待审核'); },
  get reviewed() { return tr('已审核'); },
  get published() { return tr('已发布'); },
  get superseded() { return tr('已替代'); },
  get suspended() { return tr('已暂停'); },
  get abolished() { return tr('已废止'); },
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
  get required() { return tr('必要'); },
  get optional() { return tr('可选'); },
  get conditional() { return tr('视情况'); },
};

export const MATERIAL_FORM_LABELS: Record<Material['form'], string> = {
  get paper() { return tr('纸质'); },
  get electronic() { return tr('电子'); },
  get both() { return tr('纸质、电子'); },
};

export const MATERIAL_SOURCE_LABELS: Record<Material['source'], string> = {
  get applicant() { return tr('申请人提供'); },
  get sharing() { return tr('部门共享'); },
};

export const STEP_ROLES: ProcedureStep['role'][] = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'];
export const STEP_ROLE_LABELS: Record<ProcedureStep['role'], string> = {
  get receiver() { return tr('受理'); },
  get coordinator() { return tr('全程办事人'); },
  get handler() { return tr('具体办理人'); },
  get chiefRep() { return tr('首席代表'); },
  get leader() { return tr('分管领导'); },
};

export const OVERDUE_DEFAULT_LABELS: Record<OverdueDefault, string> = {
  get none() { return tr('无（超时按电子监察处理）'); },
  get deemedApproved() { return tr('超时默认同意'); },
};

export const DELIVERY_LABELS: Record<'pickup' | 'post', string> = {
  get pickup() { return tr('窗口领取'); },
  get post() { return tr('邮寄送达'); },
};

export const RESULT_TYPE_LABELS: Record<'certificate' | 'approval' | 'other', string> = {
  get certificate() { return tr('证照'); },
  get approval() { return tr('批文'); },
  get other() { return tr('其他'); },
};

export const ONLINE_DEPTH_LABELS: Record<number, string> = {
  get 1() { return tr('一级（网上咨询、表格下载）'); },
  get 2() { return tr('二级（网上预审）'); },
  get 3() { return tr('三级（网上受理、网上办理）'); },
  get 4() { return tr('四级（全程网办）'); },
};

export const MAX_VISITS_LABELS: Record<number, string> = {
  get 0() { return tr('零跑动'); },
  get 1() { return tr('最多跑一次'); },
  get 2() { return tr('最多跑两次'); },
};

export const DAY_KIND_LABELS: Record<string, string> = {
  get workday() { return tr('工作日'); },
  get weekend() { return tr('周末'); },
  get holiday() { return tr('法定节假日'); },
  get adjustedWorkday() { return tr('调休上班'); },
  get localClosure() { return tr('本地闭馆'); },
  get extraWorkday() { return tr('加班日'); },
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
  if (limit.unit === 'onTheSpot') return tr('即办');
  return tr('{value}个{v1}', { value: limit.value, v1: LIMIT_UNIT_LABELS[limit.unit] ?? limit.unit });
}

/** "零跑动" when 0, "最多跑一次" when 1, otherwise "最多跑N次". */
export function formatVisits(n: number | undefined | null): string {
  if (n === undefined || n === null) return '—';
  if (n <= 0) return tr('零跑动');
  if (n === 1) return tr('最多跑一次');
  return MAX_VISITS_LABELS[n] ?? tr('最多跑{n}次', { n });
}

/**
 * The center's zone (the server's `timeZone`, BANSHI_TZ, read from /api/health when the app
 * starts): every time staff read is the hall's clock, the same as on the printed notices,
 * whatever zone the browser is set to (a browser on UTC once showed an 08:44 sign-in as 00:44).
 */
export let CENTER_TIME_ZONE = 'Asia/Shanghai';
const partsIn = (tz: string) => new Intl.DateTimeFormat('en-CA', {
  timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
let dateTimeParts = partsIn(CENTER_TIME_ZONE);

/** Sets the zone staff-facing times read in; true when it changed (the pages then re-render). */
export function setCenterTimeZone(tz: string | null | undefined): boolean {
  if (!tz || tz === CENTER_TIME_ZONE) return false;
  try {
    dateTimeParts = partsIn(tz);
    CENTER_TIME_ZONE = tz;
    return true;
  } catch {
    return false; // An unknown zone name keeps the default.
  }
}

function centerParts(s: string | null | undefined): Record<string, string> | null {
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
}

export function formatDateTime(s: string | null | undefined): string {
  const part = centerParts(s);
  if (!part) return s || '—';
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** Today's date (YYYY-MM-DD) on the center's clock: a browser on UTC is still on yesterday for 8 hours. */
export function centerToday(): string {
  return formatDateTime(new Date().toISOString()).slice(0, 10);
}

/** HH:mm on the center's clock. */
export function formatTime(s: string | null | undefined): string {
  const part = centerParts(s);
  if (!part) return s || '—';
  return `${part.hour}:${part.minute}`;
}

/** Chinese names of GuideData fields, for validation messages. */
export const FIELD_LABELS: Record<string, string> = {
  get code() { return tr('事项编码'); },
  get name() { return tr('事项名称'); },
  get type() { return tr('事项类型'); },
  get theme() { return tr('主题分类'); },
  get servedParty() { return tr('服务对象'); },
  get departmentId() { return tr('实施部门'); },
  get entryMode() { return tr('进驻方式'); },
  get notEnteredReason() { return tr('未进驻原因'); },
  get windowNames() { return tr('受理窗口'); },
  get responsiblePerson() { return tr('审批责任人'); },
  get legalBasis() { return tr('设定依据'); },
  get statutoryLimit() { return tr('法定时限'); },
  get promisedLimit() { return tr('承诺时限'); },
  get caseKind() { return tr('办件类型'); },
  get conditions() { return tr('受理条件'); },
  get reviewStandard() { return tr('审查标准'); },
  get procedure() { return tr('办理流程'); },
  get specialProcedures() { return tr('特别程序'); },
  get jointParticipants() { return tr('联办部门'); },
  get maxVisits() { return tr('到现场次数'); },
  get onlineDepth() { return tr('网办深度'); },
  get conditionalAcceptance() { return tr('容缺受理'); },
  get appointmentAllowed() { return tr('预约'); },
  get deliveryModes() { return tr('送达方式'); },
  get overdueDefault() { return tr('超时默认'); },
  get materials() { return tr('申请材料'); },
  get fees() { return tr('收费'); },
  get result() { return tr('办理结果'); },
  get contact() { return tr('联系方式'); },
  get keyProject() { return tr('重点项目'); },
  get aliases() { return tr('别名（俗称）'); },
  get keywords() { return tr('搜索关键词'); },
  get value() { return tr('数值'); },
  get unit() { return tr('单位'); },
  get condition() { return tr('适用情形'); },
  get major() { return tr('主件/副件'); },
  get copies() { return tr('份数'); },
  get form() { return tr('形式'); },
  get source() { return tr('来源'); },
  get sourceAgency() { return tr('共享来源部门'); },
  get sample() { return tr('样表'); },
  get note() { return tr('备注'); },
  get required() { return tr('必要性'); },
  get items() { return tr('收费项目'); },
  get free() { return tr('是否收费'); },
  get standard() { return tr('收费标准'); },
  get basis() { return tr('收费依据'); },
  get role() { return tr('岗位'); },
  get workingDays() { return tr('工作日'); },
  get subLimitWorkingDays() { return tr('分段时限'); },
  get task() { return tr('承担事项'); },
  get address() { return tr('办理地点'); },
  get hours() { return tr('办理时间'); },
  get phone() { return tr('咨询电话'); },
  get complaintPhone() { return tr('投诉电话'); },
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
    .map((p) => (typeof p === 'number' ? tr('第{v0}项', { v0: p + 1 }) : FIELD_LABELS[p] ?? p))
    .join(' · ');
}
