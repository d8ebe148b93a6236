/** Duty API shapes (docs/duty.md). */
export interface Person { id: string; displayName: string; role: string; departmentId: string | null }
export interface People { people: Person[]; windows: { id: string; number: number; name: string; departmentId: string | null }[]; departments: { id: string; name: string }[] }
export interface MyDay { day: string; signInAt: string | null; signOutAt: string | null; status: string | null; statusLabel: string | null; posts: { post: string; window: { number: number; name: string } | null }[] }
export interface BoardPerson { userId: string; displayName: string; username: string; role: string; posts: MyDay['posts']; signInAt: string | null; signOutAt: string | null; status: string; statusLabel: string; lateMinutes: number; earlyMinutes: number }
export interface DutyDay {
  id: string; departmentId: string; department: string; day: string; leaderId: string; leader: string; onDuty: string;
  substitute: { id: string; name: string; state: string; reason: string } | null; signInAt: string | null; signOutAt: string | null; status: string; log: { at: string; text: string }[];
}
export interface PlansOverview {
  month: string; dueOn: string; minDays: number; published: { at: string } | null; cadence: Settings['leaderCadence']; cadenceLabel: string;
  departments: { departmentId: string; department: string; status: string; statusLabel: string; flagged: boolean; submittedAt: string | null; days: DutyDay[] }[];
}
export interface LedgerRow {
  id: string; day: string; patrolledAt: string; kind: string; session: string; patroller: string; window: string; department: string | null; departmentId: string | null;
  grade: string; gradeLabel: string; failedLabels: string[]; note: string; photoFileIds: string[]; rectification: string; rectifyDue: string | null; rectifiedNote: string | null; overdue: boolean;
}
export type MissRecipient = { kind: 'role'; role: 'supervisor' | 'centerAdmin' } | { kind: 'user'; userId: string } | { kind: 'organisation'; name: string; email?: string };
export interface Settings {
  patrolChecklist: { key: string; label: string }[];
  leaderCadence: 'weeklyHalfDay' | 'monthlyDay' | 'quarterlyHalfDay'; leaderDaysPerMonth: number; missesToEscalate: number; missRecipients: MissRecipient[];
}
