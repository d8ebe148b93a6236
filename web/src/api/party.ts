/** 机关党建 API shapes — see docs/party.md. */
export {
  GRADE_LABELS, MEETING_KIND_LABELS, MEMBER_STATUS_LABELS, OFFICER_ROLE_LABELS, ORG_KIND_LABELS, PIPELINE_ACTION_LABELS, RESOLUTION_KIND_LABELS,
  DISCLOSURE_CATEGORY_LABELS, MEETING_KINDS, GRADES, OFFICER_ROLES, DISCLOSURE_CATEGORIES,
} from '../../../src/party/types';
export { MEETINGS_OF } from '../../../src/party/types';
import type { DisclosureCategory, Grade, MeetingKind, MemberStatus, OfficerRole, OrgKind, PipelineAction, ResolutionKind } from '../../../src/party/types';
export type { DisclosureCategory, Grade, MeetingKind, MemberStatus, OfficerRole, OrgKind, PipelineAction, ResolutionKind };

export interface Check { rule: string; ok: boolean; zh: string; en: string }
export interface PartyOrg {
  id: string; kind: OrgKind; kindLabel: string; name: string; parentId: string | null; establishedOn: string; manage: boolean;
  term: { startOn: string; endOn: string; state: 'ok' | 'dueSoon' | 'expired'; daysLeft: number } | null;
  officers: { id: string; role: OfficerRole; roleLabel: string; name: string; memberId: string; fromOn: string }[];
  members: number; probationary: number; pipeline: number;
}
export interface PartyMember {
  id: string; name: string; gender: string; phone: string; post: string; deputyDivision: boolean; branchId: string; groupId: string | null;
  branchName: string | null; groupName: string | null; status: MemberStatus; statusLabel: string; appliedOn: string | null; activistOn: string | null;
  targetOn: string | null; probationOn: string | null; fullOn: string | null; probationEndsOn: string | null; extensionMonths: number | null;
  contacts: string[]; introducers: string[]; exams: string[]; trainings: string[]; version: number;
  actions: { action: PipelineAction; label: string }[];
}
export interface MemberRecord {
  member: PartyMember | null; mayManage?: boolean;
  events?: { action: string; label: string; on: string; detail: Record<string, unknown> }[];
  offices?: { role: OfficerRole; roleLabel: string; orgName: string; fromOn: string; toOn: string | null }[];
  dues?: { period: string; amount: number; paidOn: string; receiptNo: string; depositedOn: string | null }[];
  grades?: { year: number; grade: Grade; gradeLabel: string; status: string }[];
  attendance?: { kind: MeetingKind; kindLabel: string; title: string; heldOn: string | null; present: boolean }[];
}
export interface Meeting {
  id: string; orgId: string; orgName: string; kind: MeetingKind; kindLabel: string; title: string; status: 'scheduled' | 'held' | 'cancelled';
  scheduledOn: string; heldOn: string | null; topic: string; personnel: boolean; expected: number | null; present: number | null; quorumOk: boolean | null;
  quorumChecks: Check[]; resolutions: { kind: ResolutionKind; kindLabel: string; subject: string; inFavour: number; against: number; abstain: number; passed: boolean; checks: Check[] }[];
}
export interface RosterEntry { memberId: string; name: string; status: MemberStatus; voting: boolean }
export interface Compliance {
  year: number;
  items: { orgId: string; orgName: string; kind: OrgKind; kinds: { kind: MeetingKind; kindLabel: string; frequencyLabel: string; held: number }[]; missed: { kind: MeetingKind; kindLabel: string; period: string }[] }[];
}
export interface Evaluation {
  branchId: string; branchName: string; year: number; status: 'notStarted' | 'draft' | 'submitted'; submittedOn: string | null; late: boolean; dueOn: string;
  overdue: boolean; opensOn: string; open: boolean; manage: boolean; total: number; maxExcellent: number; counts: Record<Grade, number>;
  members: { memberId: string; name: string; status: MemberStatus; statusLabel: string; deputyDivision: boolean; grade: Grade | null; note: string; allowed: Grade[] }[];
}
export interface Reminders {
  today: string;
  termAlerts: { orgId: string; orgName: string; state: string; endOn: string; daysLeft: number }[];
  birthdayTalks: { memberId: string; name: string; branchName: string; anniversary: string; years: number; dueBy: string; daysLeft: number; overdue: boolean }[];
  probationEnding: { memberId: string; name: string; endsOn: string; daysLeft: number }[];
  evaluation: { year: number; dueOn: string };
}
export interface DuesRow { memberId: string; name: string; branchName: string; status: MemberStatus; paid: { id: string; amount: number; paidOn: string; receiptNo: string; depositedOn: string | null; bankSlipNo: string } | null }
export interface Disclosure {
  id: string; orgId: string; title: string; category: DisclosureCategory; categoryLabel: string; content: string; internalOn: string | null; internalForm: string;
  publicOn: string | null; publicForm: string; stage: string; stageLabel: string;
}
