/** The content of one version of a service item: every field of the public guide (domain §2). */

export const ITEM_TYPES = ['license', 'confirmation', 'benefit', 'award', 'ruling', 'levy', 'otherPower', 'publicService'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
/** Type codes used in item codes (事项编码). */
export const ITEM_TYPE_CODES: Record<ItemType, string> = {
  license: 'XK', confirmation: 'QR', benefit: 'JF', award: 'JL', ruling: 'CJ', levy: 'ZS', otherPower: 'QT', publicService: 'GG',
};
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  license: '行政许可', confirmation: '行政确认', benefit: '行政给付', award: '行政奖励', ruling: '行政裁决',
  levy: '行政征收', otherPower: '其他行政权力', publicService: '公共服务',
};

export const CASE_KINDS = ['immediate', 'promised', 'joint', 'reportUp'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { immediate: '即办件', promised: '承诺件', joint: '联办件', reportUp: '上报件' };

export const LIMIT_UNITS = ['workingDays', 'calendarDays', 'onTheSpot'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export interface Limit { value: number; unit: LimitUnit }

/** 层级: the network level that accepts the item (village-level items go through the agency points, §9). */
export const ITEM_LEVELS = ['county', 'town', 'village'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];
export const ITEM_LEVEL_LABELS: Record<ItemLevel, string> = { county: '县级', town: '乡镇级', village: '村级' };

export const ENTRY_MODES = ['resident', 'comprehensive', 'subCenter', 'networkOnly', 'notEntered'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];
export const SERVED_PARTIES = ['person', 'organization', 'both'] as const;
export type ServedParty = (typeof SERVED_PARTIES)[number];
export const OVERDUE_DEFAULTS = ['none', 'deemedApproved'] as const;
export type OverdueDefault = (typeof OVERDUE_DEFAULTS)[number];
export const SPECIAL_PROCEDURES = ['hearing', 'bidding', 'auction', 'inspection', 'testing', 'quarantine', 'appraisal', 'expertReview', 'reportUp'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];
export const SPECIAL_PROCEDURE_LABELS: Record<SpecialProcedure, string> = {
  hearing: '听证', bidding: '招标', auction: '拍卖', inspection: '检验', testing: '检测', quarantine: '检疫',
  appraisal: '鉴定', expertReview: '专家评审', reportUp: '上报等待',
};

/** Status of one version. */
export const VERSION_STATUSES = ['draft', 'submitted', 'reviewed', 'published', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
/** Whether the published item is open for applications. */
export type Availability = 'active' | 'suspended' | 'abolished';
/** What lists show: the availability when not active, else the newest version's status. */
export const ITEM_STATUSES = ['draft', 'submitted', 'reviewed', 'published', 'superseded', 'suspended', 'abolished'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿', submitted: '待审核', reviewed: '已审核', published: '已发布', superseded: '已替代', suspended: '已暂停', abolished: '已废止',
};

export interface Material {
  /** Stable across versions, so a case can point at it. */
  id: string;
  name: string;
  required: 'required' | 'optional' | 'conditional';
  condition?: string;
  /** 主件 (true) or 副件 (false); only minor ones may be owed under 容缺. */
  major: boolean;
  copies: number;
  form: 'paper' | 'electronic' | 'both';
  source: 'applicant' | 'sharing';
  /** Material obtainable by data sharing must not be demanded again. */
  sourceAgency?: string;
  sample?: string;
  note?: string;
  /** 免证办: the licence type (营业执照, 结婚证 …) whose valid e-licence, held by the applicant, satisfies it with their consent (src/licences/use.ts). */
  licenceType?: string;
}

export interface FeeItem { name: string; standard: string; basis: string }

export interface ProcedureStep { name: string; role: 'receiver' | 'coordinator' | 'handler' | 'chiefRep' | 'leader'; workingDays?: number }

export interface JointParticipant { departmentId: string; subLimitWorkingDays: number; task: string }

export interface GuideData {
  name: string;
  type: ItemType;
  theme: string;
  servedParty: ServedParty;
  departmentId: string;
  entryMode: EntryMode;
  notEnteredReason?: string;
  windowNames: string[];
  responsiblePerson: string;
  legalBasis: string;
  statutoryLimit: Limit;
  promisedLimit: Limit;
  caseKind: CaseKind;
  conditions: string;
  reviewStandard: string;
  /** The workflow template: receiver → coordinator → handler step(s) → review → sign-off. */
  procedure: ProcedureStep[];
  specialProcedures: SpecialProcedure[];
  jointParticipants: JointParticipant[];
  maxVisits: 0 | 1 | 2;
  onlineDepth: 1 | 2 | 3 | 4;
  conditionalAcceptance: boolean;
  /** 容缺: working days after acceptance to bring the owed materials (absent: the engine's default, 5). */
  owedWorkingDays?: number;
  /** 容缺: what the pledge says happens when they are late (absent: the standard wording). */
  owedOverdue?: string;
  appointmentAllowed: boolean;
  deliveryModes: ('pickup' | 'post')[];
  overdueDefault: OverdueDefault;
  materials: Material[];
  /** payBeforeDelivery: the result is handed over only once the payment notice is paid (src/fees). */
  fees: { free: boolean; items: FeeItem[]; payBeforeDelivery?: boolean };
  /**
   * supersedes / revokes: the licence type of the holder's that an approved case replaces
   * (企业变更登记 → 营业执照) or cancels (离婚登记 → 结婚证), src/licences/supersede.ts.
   */
  result: { name: string; type: 'certificate' | 'approval' | 'other'; sample?: string; supersedes?: string; revokes?: string };
  contact: { address: string; hours: string; phone: string; complaintPhone: string };
  keyProject?: boolean;
  /** 别名/俗称 people use for the item (低保, 结婚证); searched just below the exact name. */
  aliases?: string[];
  /** 搜索关键词: further words that should find the item (营业执照, 婚姻). */
  keywords?: string[];
  /** 层级; absent = county. A village-level item without its own promised limit gets the default (rules.ts). */
  level?: ItemLevel;
  /**
   * Items whose law names several applicants (结婚登记, 离婚登记, 收养登记) take co-applicants:
   * how many beside the main applicant, and what the form calls them. Absent: one applicant.
   */
  coApplicants?: CoApplicantRule;
}

export interface CoApplicantRule { min: number; max: number; label: string }
