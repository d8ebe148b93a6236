/** Case (办件) response shapes of docs/api.md "Files" and "Cases", and small helpers. */
import type { CaseAction, CaseState, Channel, DocumentKind, Opinion, PartStatus } from '../../../src/cases/types';
import type { CaseKind, Material, ProcedureStep } from '../../../src/catalog/types';
import type { Role } from '../../../src/core/auth/roles';
import { upload } from './client';
import type { NamedRef } from './types';

export type Light = 'green' | 'yellow' | 'red' | 'black';

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface ApplicantInput {
  kind: 'person' | 'organization';
  name: string;
  idNumber: string;
  phone: string;
}

export interface NewCaseBody {
  itemCode: string;
  channel: 'window' | 'online';
  /** Staff only: online applicants apply as their own account. */
  applicant?: ApplicantInput;
  /** Items whose law names several applicants (结婚登记): the further persons. */
  coApplicants?: { name: string; idNumber: string; phone?: string }[];
  formData?: Record<string, unknown>;
  /** Each with its upload, or (免证办) an e-licence the applicant holds and their consent. */
  materials?: ({ materialId: string; fileId: string } | { materialId: string; licenceId: string; consent: true })[];
}

export interface NewCaseResponse {
  id: string;
  caseNo: string;
  queryCode: string;
  state: CaseState;
}

export interface CaseMaterial {
  materialId: string;
  name: string;
  required: Material['required'];
  condition?: string | null;
  major: boolean;
  source?: Material['source'];
  provided: boolean;
  fileId: string | null;
  owed: boolean;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface CaseEvent {
  seq: number;
  at: string;
  action: CaseAction | 'submit' | string;
  label?: string;
  fromState: CaseState | null;
  toState: CaseState;
  actor: { id: string | null; displayName: string; role: Role | string };
  data: Record<string, unknown> | null;
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  docNo: string;
  issuedAt: string;
}

export interface CaseClock {
  acceptedOn: string | null;
  promisedDue: string | null;
  statutoryDue: string | null;
  usedWorkingDays: number | null;
  pausedWorkingDays: number | null;
  remainingWorkingDays: number | null;
  light: Light | null;
  paused: boolean;
  /** Some date lies in a year whose national holidays are not published yet (Mon–Fri guess). */
  fallback?: boolean;
}

export interface CaseView {
  id: string;
  caseNo: string;
  queryCode: string;
  state: CaseState;
  stateLabel?: string;
  outcome: 'approved' | 'denied' | null;
  kind: CaseKind;
  channel: Channel;
  version: number;
  keyProject?: boolean;
  item: { id: string; code: string; version: number; name: string };
  department: NamedRef;
  center: NamedRef;
  applicant: { kind: 'person' | 'organization'; name: string; idNumber: string; phone: string };
  formData: Record<string, unknown> | null;
  materials: CaseMaterial[];
  step: { index: number; name: string; role: ProcedureStep['role'] } | null;
  steps: { name: string; role: ProcedureStep['role'] }[];
  coordinator: PersonRef | null;
  assignee: PersonRef | null;
  pendingExtension: { workingDays: number; reason: string; requestedAt: string } | null;
  extensionDays?: number;
  supplementCount?: number;
  clock: CaseClock;
  events: CaseEvent[];
  documents: CaseDocument[];
  allowedActions: CaseAction[];
  /** 绿色通道: the appointed coordinator (全程代办). */
  greenCoordinator?: PersonRef | null;
  /** 联办: the participants' parts (null for other kinds). */
  participants?: CaseParticipant[] | null;
  meetings?: CaseMeeting[] | null;
  overdueDefault?: 'none' | 'deemedApproved' | null;
  /** 接件 → 受理: the acceptance decision's deadline while the case waits at the desk. */
  intake?: { receivedOn: string | null; acceptBy: string | null; light: Light | null } | null;
  /** 容缺: the owed materials' deadline. */
  pledge?: { owedBy: string | null; overdue: boolean } | null;
  /** 超时默认: the day a single-department case is deemed approved, if its item says so. */
  deemOn?: string | null;
}

export interface CaseParticipant {
  department: NamedRef;
  task: string;
  subLimitWorkingDays: number;
  subDue: string | null;
  deemOn: string | null;
  light: Light | null;
  state: PartStatus;
  stateLabel: string;
  assignee: PersonRef | null;
  opinion: { value: Opinion; label: string; text: string; files: string[]; on: string | null; by: PersonRef | null } | null;
  deemed: boolean;
  deemedOn: string | null;
  escalated: boolean;
  escalatedOn: string | null;
}

export interface CaseMeeting {
  id: number;
  at: string;
  place: string;
  agenda: string;
  invitees: NamedRef[];
  held: boolean;
  attended: NamedRef[] | null;
  minutes: string | null;
  opinions: { departmentId: string; department: NamedRef; opinion: Opinion; label: string; text: string }[];
  /** Who called it: the center's management office or the lead department; the person for staff only. */
  calledBy: { side: 'center' | 'lead'; label: string; department: NamedRef | null; person: { id: string; displayName: string } | null };
}

export interface CaseRow {
  id: string;
  caseNo: string;
  itemName: string;
  itemCode: string;
  kind: CaseKind;
  state: CaseState;
  stateLabel?: string;
  channel: Channel;
  applicantName: string;
  department: NamedRef;
  acceptedOn: string | null;
  promisedDue: string | null;
  light: Light | null;
  paused?: boolean;
  submittedAt?: string;
  assignee: PersonRef | null;
  keyProject?: boolean;
  /** 联办: the user's department's part of a joint case led by another department. */
  part?: { task: string; subDue: string | null; state: PartStatus; stateLabel: string } | null;
  /** Waiting at the desk: the last day for the acceptance decision. */
  acceptBy?: string | null;
  pledgeOverdue?: boolean;
}

export interface CaseList {
  items: CaseRow[];
  nextCursor: string | null;
}

export interface Progress {
  caseNo: string;
  itemName: string;
  department: string;
  state: CaseState;
  stateLabel: string;
  outcome?: 'approved' | 'denied' | null;
  applicantName: string;
  submittedAt?: string;
  acceptedOn: string | null;
  promisedDue: string | null;
  remainingWorkingDays: number | null;
  light: Light | null;
  paused?: boolean;
  /** 承办人: staff names are public (亮牌上岗). */
  handler?: { name: string; roleLabel: string } | null;
  history: { at: string; action: string; label: string; role: string; by?: string | null; state?: string }[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  username: string;
}

/** The materials upload rule (docs/api.md "Files"); the server checks the bytes again. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function uploadMaterial(file: File | Blob, name?: string): Promise<UploadedFile> {
  return upload<UploadedFile>('/api/files', file, name);
}

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
export const documentUrl = (caseId: string, docId: string) => `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}`;

/** The window checklist of a case created in this browser session (intake → case page). */
const CHECKLIST_KEY = (caseId: string) => `banshi.intake.checklist.${caseId}`;
export function saveChecklist(caseId: string, ticked: string[]): void {
  try {
    sessionStorage.setItem(CHECKLIST_KEY(caseId), JSON.stringify(ticked));
  } catch {
    /* storage unavailable: the case page falls back to the server's "provided" flags */
  }
}
export function loadChecklist(caseId: string): string[] | null {
  try {
    const raw = sessionStorage.getItem(CHECKLIST_KEY(caseId));
    const v = raw ? (JSON.parse(raw) as unknown) : null;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}
