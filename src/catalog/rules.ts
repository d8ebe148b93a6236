/** Pure catalog rules: publish validation, item codes, the item lifecycle table. No I/O. */
import { ITEM_TYPE_CODES, type Availability, type GuideData, type Limit, type VersionStatus } from './types.js';

export interface Problem { field: string; message: string; messageZh: string }

/**
 * Is `promised` within `statutory`? Same units compare values. onTheSpot is the shortest
 * limit. Mixed working/calendar days compare the bare numbers: N working days always span
 * at least N calendar days, so promised N working ≤ statutory M calendar needs N ≤ M at
 * the least; we do not guess holidays into a catalog rule.
 */
export function promisedWithinStatutory(promised: Limit, statutory: Limit): boolean {
  if (promised.unit === 'onTheSpot') return true;
  if (statutory.unit === 'onTheSpot') return false;
  return promised.value <= statutory.value;
}

/** Catalog defaults a center may change (domain §9 "(config)"). */
export const CATALOG_DEFAULTS = { villageLimitWorkingDays: 10 };

/**
 * A village-level item that does not set its own promised limit (0 days, as a blank Excel
 * cell reads) is promised in the village default. Applied before validation and storage,
 * so the stored version — and every case under it — carries the limit it promises.
 */
export function applyLevelDefaults(d: GuideData, defaults = CATALOG_DEFAULTS): GuideData {
  if (d.level !== 'village' || d.promisedLimit.unit === 'onTheSpot' || d.promisedLimit.value > 0) return d;
  return { ...d, promisedLimit: { value: defaults.villageLimitWorkingDays, unit: 'workingDays' } };
}

function limitProblems(name: 'promisedLimit' | 'statutoryLimit', l: Limit, zh: string): Problem[] {
  if (l.unit === 'onTheSpot' && l.value !== 0) return [{ field: name, message: 'An on-the-spot limit has value 0', messageZh: `${zh}为即办时天数应为0` }];
  if (l.unit !== 'onTheSpot' && l.value < 1) return [{ field: name, message: 'The limit must be at least 1 day', messageZh: `${zh}至少为1天` }];
  return [];
}

const REQUIRED_TEXT: [keyof GuideData, string, string][] = [
  ['name', 'name', '事项名称'], ['legalBasis', 'legal basis', '设定依据'], ['conditions', 'conditions', '受理条件'],
  ['responsiblePerson', 'responsible person', '审批责任人'], ['theme', 'theme', '主题分类'],
];

/** Everything that must hold before an item version can be reviewed or published. */
export function validateGuide(d: GuideData): Problem[] {
  const p: Problem[] = [];
  for (const [field, en, zh] of REQUIRED_TEXT) {
    if (!String(d[field] ?? '').trim()) p.push({ field, message: `Missing ${en}`, messageZh: `缺少${zh}` });
  }
  p.push(...limitProblems('promisedLimit', d.promisedLimit, '承诺时限'), ...limitProblems('statutoryLimit', d.statutoryLimit, '法定时限'));
  if (!promisedWithinStatutory(d.promisedLimit, d.statutoryLimit)) {
    p.push({ field: 'promisedLimit', message: 'The promised limit exceeds the statutory limit', messageZh: '承诺时限不得超过法定时限' });
  }
  if ((d.caseKind === 'immediate') !== (d.promisedLimit.unit === 'onTheSpot')) {
    p.push({ field: 'caseKind', message: 'Immediate items (and only they) have an on-the-spot promised limit', messageZh: '即办件的承诺时限应为即办，其他办件类型不能为即办' });
  }
  if (!d.contact.phone.trim()) p.push({ field: 'contact.phone', message: 'Missing consultation phone', messageZh: '缺少咨询电话' });
  if (!d.contact.address.trim()) p.push({ field: 'contact.address', message: 'Missing address', messageZh: '缺少办理地点' });
  if (d.entryMode === 'notEntered' && !d.notEnteredReason?.trim()) {
    p.push({ field: 'notEnteredReason', message: 'Items not entering the center need a reason', messageZh: '未进驻中心的事项须说明理由' });
  }
  if (d.caseKind !== 'immediate' && d.procedure.length === 0) {
    p.push({ field: 'procedure', message: 'A procedure with at least one step is required', messageZh: '须填写办理流程' });
  }
  if (d.deliveryModes.length === 0 && d.entryMode !== 'networkOnly') p.push({ field: 'deliveryModes', message: 'Choose at least one delivery mode', messageZh: '至少选择一种送达方式' });
  p.push(...materialProblems(d), ...jointProblems(d), ...searchWordProblems(d));
  if (!d.fees.free && d.fees.items.length === 0) p.push({ field: 'fees', message: 'A charged item lists its fee items', messageZh: '收费事项须列明收费项目' });
  d.fees.items.forEach((f, i) => {
    if (!f.basis.trim()) p.push({ field: `fees.items.${i}.basis`, message: 'Every fee needs its legal basis', messageZh: '收费项目须有收费依据' });
  });
  return p;
}

function materialProblems(d: GuideData): Problem[] {
  const p: Problem[] = [];
  if (d.materials.length === 0) p.push({ field: 'materials', message: 'List at least one material', messageZh: '至少列明一项申请材料' });
  const seen = new Set<string>();
  d.materials.forEach((m, i) => {
    if (seen.has(m.id)) p.push({ field: `materials.${i}.id`, message: `Duplicate material id ${m.id}`, messageZh: `材料编号重复：${m.id}` });
    seen.add(m.id);
    if (m.required === 'conditional' && !m.condition?.trim()) {
      p.push({ field: `materials.${i}.condition`, message: 'A conditional material states its condition', messageZh: `材料“${m.name}”须说明提交情形` });
    }
    if (m.source === 'sharing' && !m.sourceAgency?.trim()) {
      p.push({ field: `materials.${i}.sourceAgency`, message: 'Shared materials name the issuing agency', messageZh: `共享材料“${m.name}”须注明出具部门` });
    }
  });
  // Seed 001: 「容缺办理制度。即办件除外」 — an immediate item is decided on the spot, with everything.
  if (d.conditionalAcceptance && d.caseKind === 'immediate') {
    p.push({ field: 'conditionalAcceptance', message: 'Immediate items cannot be accepted conditionally', messageZh: '即办件不适用容缺受理' });
  }
  if (d.conditionalAcceptance && !d.materials.some((m) => !m.major)) {
    p.push({ field: 'conditionalAcceptance', message: 'Conditional acceptance needs at least one minor material', messageZh: '容缺受理须至少有一项副件材料' });
  }
  return p;
}

/**
 * 别名 and 搜索关键词: no blank or repeated word, none that only repeats the name (it would
 * add nothing to search and clutter the guide). Compared as people type: width and case folded.
 */
export function searchWordProblems(d: GuideData): Problem[] {
  const p: Problem[] = [];
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const seen = new Set<string>([fold(d.name)]);
  for (const [field, zh] of [['aliases', '别名'], ['keywords', '关键词']] as const) {
    (d[field] ?? []).forEach((w, i) => {
      const f = fold(w);
      if (!f) p.push({ field: `${field}.${i}`, message: 'A search word may not be blank', messageZh: `${zh}不能为空` });
      else if (seen.has(f)) p.push({ field: `${field}.${i}`, message: `"${w}" repeats the name or another search word`, messageZh: `${zh}“${w}”与事项名称或其他别名、关键词重复` });
      seen.add(f);
    });
  }
  return p;
}

function jointProblems(d: GuideData): Problem[] {
  if (d.caseKind !== 'joint') return [];
  const p: Problem[] = [];
  if (d.jointParticipants.length === 0) p.push({ field: 'jointParticipants', message: 'A joint item names its participants', messageZh: '联办事项须列明协办部门' });
  const seen = new Set<string>();
  d.jointParticipants.forEach((j, i) => {
    if (j.departmentId === d.departmentId || seen.has(j.departmentId)) {
      p.push({ field: `jointParticipants.${i}.departmentId`, message: 'Participants are distinct and not the lead', messageZh: '协办部门不能重复，也不能是牵头部门' });
    }
    seen.add(j.departmentId);
    if (d.promisedLimit.unit !== 'onTheSpot' && j.subLimitWorkingDays > d.promisedLimit.value) {
      p.push({ field: `jointParticipants.${i}.subLimitWorkingDays`, message: 'A sub-limit fits inside the promised limit', messageZh: '协办时限不得超过承诺时限' });
    }
  });
  return p;
}

/** 事项编码: {6-digit division}{2-digit sub}{2-letter dept}-{type code}-{4-digit seq}. */
export const ITEM_CODE_RE = /^(\d{6})(\d{2})([A-Z]{2})-(XK|QR|JF|JL|CJ|ZS|QT|GG)-(\d{4})$/;

export function buildItemCode(divisionCode: string, deptCode: string, type: GuideData['type'], seq: number, sub = '00'): string {
  return `${divisionCode}${sub}${deptCode}-${ITEM_TYPE_CODES[type]}-${String(seq).padStart(4, '0')}`;
}

export function itemCodeProblems(code: string, type: GuideData['type'], deptCode: string): Problem[] {
  const m = ITEM_CODE_RE.exec(code);
  if (!m) return [{ field: 'code', message: 'Item code format is {division}{sub}{dept}-{type}-{seq}, e.g. 62052400MZ-XK-0001', messageZh: '事项编码格式应为：区划代码+2位+部门代码-类型代码-4位序号，如62052400MZ-XK-0001' }];
  const p: Problem[] = [];
  if (m[3] !== deptCode) p.push({ field: 'code', message: `Department code in the item code should be ${deptCode}`, messageZh: `事项编码中的部门代码应为${deptCode}` });
  if (m[4] !== ITEM_TYPE_CODES[type]) p.push({ field: 'code', message: `Type code should be ${ITEM_TYPE_CODES[type]}`, messageZh: `事项编码中的类型代码应为${ITEM_TYPE_CODES[type]}` });
  return p;
}

// ---- Lifecycle -------------------------------------------------------------------------

export const ITEM_ACTIONS = ['submit', 'review', 'reject', 'publish', 'suspend', 'resume', 'abolish'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export interface ItemLifecycleState { versionStatus: VersionStatus; availability: Availability; hasPublished: boolean }

interface Transition {
  /** When the action is allowed. */
  from: (s: ItemLifecycleState) => boolean;
  to: Partial<{ versionStatus: VersionStatus; availability: Availability }>;
  /** The content must pass validateGuide first. */
  validates?: boolean;
  /** Only the center (not the department) may take it. */
  centerOnly: boolean;
}

/** Item lifecycle: draft → submitted → reviewed → published; suspended / abolished. */
export const ITEM_TRANSITIONS: Record<ItemAction, Transition> = {
  submit: { from: (s) => s.versionStatus === 'draft' && s.availability !== 'abolished', to: { versionStatus: 'submitted' }, validates: true, centerOnly: false },
  review: { from: (s) => s.versionStatus === 'submitted', to: { versionStatus: 'reviewed' }, validates: true, centerOnly: true },
  reject: { from: (s) => s.versionStatus === 'submitted' || s.versionStatus === 'reviewed', to: { versionStatus: 'draft' }, centerOnly: true },
  publish: { from: (s) => s.versionStatus === 'reviewed', to: { versionStatus: 'published' }, validates: true, centerOnly: true },
  suspend: { from: (s) => s.hasPublished && s.availability === 'active', to: { availability: 'suspended' }, centerOnly: true },
  resume: { from: (s) => s.availability === 'suspended', to: { availability: 'active' }, centerOnly: true },
  abolish: { from: (s) => s.hasPublished && s.availability !== 'abolished', to: { availability: 'abolished' }, centerOnly: true },
};

export function allowedItemActions(s: ItemLifecycleState, isCenter: boolean): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => ITEM_TRANSITIONS[a].from(s) && (isCenter || !ITEM_TRANSITIONS[a].centerOnly));
}

/** What a list shows as the item's status. */
export const displayStatus = (versionStatus: VersionStatus, availability: Availability) =>
  availability === 'active' ? versionStatus : availability;
