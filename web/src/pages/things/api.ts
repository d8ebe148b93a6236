/**
 * The bundle case (一件事) as the web sees it: the shapes of docs/things.md's API (the guide,
 * the plan, POST/GET /api/bundles, the public query) and the state labels in the chosen
 * language (English by the Chinese label in web/src/i18n/en/things.ts).
 */
import { BUNDLE_STATE_LABELS, PART_STATE_LABELS, type BundleState, type FieldKind, type PartState } from '../../../../src/things/types';
import type { Light } from '../../api/cases';
import { EN, getLang, tr } from '../../lib/i18n';

export type { BundleState, PartState, FieldKind };

export interface Question { key: string; text: string; help?: string; kind: 'yesNo' | 'choice'; options: { value: string; label: string }[] }
export interface Dept { id?: string; name: string }
export interface GuideItem { code: string; name: string; department: Dept }
export interface ThingGuide {
  code: string; name: string; summary: string; servedParty: 'person' | 'organization'; leadDepartment: Dept;
  questions: Question[]; items: GuideItem[]; promisedWorkingDays: number; sumWorkingDays: number;
}
export interface PlanItem extends GuideItem { startsOn: string; endsOn: string; waitsFor: string[] }
export interface PlanMaterial {
  key: string; name: string; required: 'required' | 'optional' | 'conditional'; condition?: string;
  handIn: 'applicant' | 'sharing' | 'produced'; sourceAgency?: string; producedBy?: string; copies: number;
  usedBy: { itemCode: string; materialId: string }[];
}
export interface PlanField { key: string; label: string; kind: FieldKind; required: boolean; options?: string[]; group?: string; usedBy: string[] }
export interface Plan {
  code: string; name: string; items: PlanItem[]; materials: PlanMaterial[]; fields: PlanField[];
  promisedWorkingDays: number; sumWorkingDays: number; filedOn: string; endsOn: string; workingDays: number;
}

export interface ApplicantInput { kind: 'person' | 'organization'; name: string; idNumber: string; phone: string }
export interface NewBundleBody {
  thingCode: string; answers: Record<string, string>; formData: Record<string, unknown>; materials: { key: string; fileId: string }[];
  channel: 'online' | 'window'; applicant?: ApplicantInput; deliverTogether?: boolean;
}
export interface NewBundleResponse {
  id: string; bundleNo: string; queryCode: string; state: BundleState;
  parts: { itemCode: string; itemName: string; state: PartState; caseId: string | null; caseNo: string | null }[];
}

export interface BundleSummary {
  id: string; bundleNo: string; thingCode: string; thingName: string; state: BundleState; filedOn: string; promisedDue: string | null;
  endedOn: string | null; applicantName: string; applicantIdNumber: string; light: Light | null; partCount: number; partsEnded: number;
}
export interface BundlePart {
  itemCode: string; itemName: string; department: Dept; state: PartState; waitsFor: string[];
  caseId: string | null; caseNo: string | null; caseState: string | null; startedOn: string | null; endedOn: string | null; promisedDue: string | null;
}
export interface BundleView {
  id?: string; bundleNo: string; queryCode?: string; thingCode: string; thingName: string; state: BundleState; channel?: 'online' | 'window';
  applicant: { kind?: string; name: string; idNumber?: string; phone?: string } | null;
  filedOn: string; promisedWorkingDays: number; sumWorkingDays: number; promisedDue: string | null; endedOn: string | null;
  completedAt?: string | null; deliverTogether: boolean; leadDepartment: Dept; light: Light | null; parts: BundlePart[];
  refusals: { itemCode: string; itemName: string; cancelled: string[] }[]; notice: string;
}

/** A server label in the chosen language: English by the enum's key (`bundleState:completed`, web/src/i18n/en/things.ts), as labels.ts does. */
function label(map: Record<string, string>, ns: string, s: string): string {
  if (!(s in map)) return s;
  return (getLang() === 'en' ? EN[`${ns}:${s}`] : undefined) ?? tr(map[s]!);
}
export const bundleStateLabel = (s: BundleState | string): string => label(BUNDLE_STATE_LABELS, 'bundleState', s);
export const partStateLabel = (s: PartState | string): string => label(PART_STATE_LABELS, 'partState', s);

export const BUNDLE_STATE_COLORS: Record<BundleState, string> = { running: 'processing', resultReady: 'gold', completed: 'success' };
export const PART_STATE_COLORS: Record<PartState, string> = {
  waiting: 'default', started: 'processing', resultReady: 'gold', refused: 'error', completed: 'success', cancelled: 'default',
};

/** Bundle numbers: YJS + division code + date + sequence (docs/things.md); a case number never starts so. */
export const isBundleNo = (no: string): boolean => /^YJS/i.test(no.trim());

/** The answers carried in the address (`?socialCard=yes`), so they survive the way through 登录. */
export function answersFrom(params: URLSearchParams, questions: Question[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const v = params.get(q.key);
    if (v !== null && q.options.some((o) => o.value === v)) out[q.key] = v;
  }
  return out;
}
