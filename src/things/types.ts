/**
 * 一件事一次办 (issue 24): a "thing" is a named bundle of catalog items of several
 * departments that a life event or an enterprise event needs, applied for once. Its content
 * lives in versions, reviewed and published like items (the catalog's lifecycle table).
 * Items are referred to by their item code (stable across the item's versions).
 */
import type { ServedParty } from '../catalog/types.js';

/** 个人: 出生、入学、婚育、就业、退休、身后; 企业: 开办、变更、注销 (国办发〔2025〕24号's grouping). */
export const PERSON_EVENTS = ['birth', 'schooling', 'family', 'employment', 'retirement', 'death'] as const;
export const ORGANIZATION_EVENTS = ['opening', 'change', 'closing'] as const;
export const LIFE_EVENTS = [...PERSON_EVENTS, ...ORGANIZATION_EVENTS] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];
export const LIFE_EVENT_LABELS: Record<LifeEvent, string> = {
  birth: '出生', schooling: '入学', family: '婚育', employment: '就业', retirement: '退休', death: '身后',
  opening: '开办', change: '变更', closing: '注销',
};
/** Who a life event belongs to: the portal shows 个人 and 企业 apart. */
export const lifeEventParty = (e: LifeEvent): 'person' | 'organization' =>
  (PERSON_EVENTS as readonly string[]).includes(e) ? 'person' : 'organization';

/** One question of the short questionnaire (是否需要刻章, 经营主体类型…). */
export interface Question {
  /** Stable key, referred to by conditions. */
  key: string;
  text: string;
  /** yesNo questions have the options yes/no (是/否); a choice lists its own. */
  kind: 'yesNo' | 'choice';
  options?: { value: string; label: string }[];
  help?: string;
}

/** An item is chosen when every clause holds: the answer to `question` is one of `in`. */
export interface Clause { question: string; in: string[] }

export const FIELD_KINDS = ['text', 'date', 'idNumber', 'phone', 'number', 'choice', 'address'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** A field of the one merged form; several items needing the same `key` ask it once. */
export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: string[];
  /** Which part of the form it belongs to (申请人, 新生儿, 企业…), for the layout. */
  group?: string;
}

export interface ThingItem {
  itemCode: string;
  /** Absent or empty: always part of the thing. */
  when?: Clause[];
  /** Item codes whose result this item waits for (户口登记 waits for 出生医学证明). */
  after: string[];
  /** What this item's part of the one form asks. */
  fields: FormField[];
  /** This item's materials that are one shared material of the thing (handed in once). */
  shares: { materialId: string; key: string }[];
}

/** A material several items require, handed in once and shared by all of them. */
export interface SharedMaterial {
  key: string;
  name: string;
  /** Obtained by data sharing from this agency: not demanded from the applicant. */
  sharingSource?: string;
  /** The result of this item of the thing: handed on inside the bundle, not demanded. */
  producedBy?: string;
  note?: string;
}

export interface ThingData {
  name: string;
  lifeEvent: LifeEvent;
  servedParty: Exclude<ServedParty, 'both'>;
  /** 牵头部门: one of the items' departments; it answers for the thing as a whole. */
  leadDepartmentId: string;
  summary: string;
  /** The policy the bundle rests on (国办发〔2024〕3号…). */
  basis: string;
  questions: Question[];
  items: ThingItem[];
  sharedMaterials: SharedMaterial[];
  contact: { address: string; hours: string; phone: string };
}

export type { ServedParty };

// ---- The bundle case: one application of a thing (issue 24) ----------------------------

/**
 * A bundle case's state, derived from its parts: `running` while any part is waiting or in
 * progress; `resultReady` when every part has ended (result ready, refused or cancelled) and
 * results wait to be handed over together; `completed` when every part's case is closed.
 */
export const BUNDLE_STATES = ['running', 'resultReady', 'completed'] as const;
export type BundleState = (typeof BUNDLE_STATES)[number];

/**
 * One chosen item of a bundle case: `waiting` for a predecessor's result (no case yet);
 * `started` (its case runs in its department); `resultReady` (the case's result is ready);
 * `refused` (不予受理/不予许可/退回 — the case ended without the result); `completed` (the case is
 * closed with the result delivered); `cancelled` (a predecessor was refused, so it is not filed).
 */
export const PART_STATES = ['waiting', 'started', 'resultReady', 'refused', 'completed', 'cancelled'] as const;
export type PartState = (typeof PART_STATES)[number];

export const BUNDLE_STATE_LABELS: Record<BundleState, string> = { running: '办理中', resultReady: '结果待领取', completed: '已办结' };
export const PART_STATE_LABELS: Record<PartState, string> = {
  waiting: '等待前序事项结果', started: '办理中', resultReady: '结果已出', refused: '未获办理', completed: '已办结', cancelled: '不再办理',
};

/** The channels a bundle case is filed through: online by the applicant, or at the 综合窗口. */
export type BundleChannel = 'online' | 'window';

/** One handed-in material of the one material list: its merged key (shared key or `itemCode:materialId`) and the upload. */
export interface BundleMaterial { key: string; fileId: string }
