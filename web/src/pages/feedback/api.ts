import { zh } from '../../lib/i18n';
/** Feedback (好差评, complaints, 首问负责, praise) API shapes — see docs/feedback.md. */
import type { Me } from '../../api/types';

export interface ScoreKey { key: string; label: string }
export interface Evaluation {
  id: string; caseId: string; caseNo: string; itemName: string; department: string; departmentId: string; applicant: string;
  stage: 'completion' | 'acceptance'; grade: number; gradeLabel: string; scores: Record<string, number>; comment: string; channel: string;
  state: string; stateLabel: string; ratedOn: string; rectifyDue: string | null; light: 'green' | 'yellow' | 'red' | null;
  verification: { finding: string; reason: string } | null; rectification: { measures: string; on: string; onTime: boolean } | null;
  returnVisit: { satisfaction: number; method: string; note: string; on: string } | null; version: number; actions: string[];
}
export interface Complaint {
  id: string; no: string; channel: string; channelLabel: string; externalRef: string | null; category: string; categoryLabel: string;
  complainant: string; complainantPhone: string; content: string; department: string | null; handlerDepartment: string | null;
  state: string; stateLabel: string; receivedOn: string; acceptedOn: string | null; due: string | null; extended: boolean; extensionReason: string | null;
  exclusion: { reasonLabel: string; reply: string } | null; result: { finding: string; result: string; onTime: boolean } | null;
  light: 'green' | 'yellow' | 'red' | null; escalatedAt: string | null; version: number; actions: string[];
}
export interface Options {
  channels: Record<string, string>; categories: Record<string, string>; exclusionReasons: Record<string, string>;
  grades: Record<string, string>; scores: Record<string, string>; scoreKeys: { window: string[]; online: string[] };
}

/** Each grade's colour: its text on white and white on it both reach 4.5:1 (axe; the lime and gold of before did not). */
export const GRADES: [number, string, string][] = [
  [5, zh('非常满意'), '#237804'], [4, zh('满意'), '#3f6600'], [3, zh('基本满意'), '#874d00'], [2, zh('不满意'), '#ad2102'], [1, zh('非常不满意'), '#a8071a'],
];
export const SCORE_KEYS: Record<'window' | 'online', ScoreKey[]> = {
  window: [{ key: 'efficiency', label: zh('办事效率') }, { key: 'level', label: zh('业务水平') }, { key: 'attitude', label: zh('服务态度') }],
  online: [{ key: 'efficiency', label: zh('办事效率') }, { key: 'guideAccuracy', label: zh('办事指南准确性') }, { key: 'convenience', label: zh('办事便捷度') }, { key: 'platform', label: zh('平台好用程度') }],
};

const OFFICE = ['centerAdmin', 'supervisor'];
const MANAGERS = ['coordinator', 'chiefRep', 'leader'];
/** The feedback workbench: every staff member (首问负责); reviews and complaints for the office and department managers. */
export const canSeeFeedback = (u: Me | null | undefined) => !!u && u.role !== 'applicant' && u.role !== 'agent';
export const canSeeReviews = (u: Me | null | undefined) => !!u && (OFFICE.includes(u.role) || MANAGERS.includes(u.role));
export const isOffice = (u: Me | null | undefined) => !!u && OFFICE.includes(u.role);
