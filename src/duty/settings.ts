/** Per-center duty settings, with the defaults the seeds give (stored as one JSON row per center). */
import type { SittingCadence } from './leaderRules.js';
export interface Session { from: string; to: string }
/** Office hours of part of the year (e.g. summer hours), from/to as MM-DD, inclusive; may wrap the new year. */
export interface Season { name: string; from: string; to: string; hours: Session[] }
export interface CheckItem { key: string; label: string }

export interface DutySettings {
  /** Office hours (local HH:MM) outside any season. */
  hours: Session[];
  seasons: Season[];
  /** Minutes after the start (or before the end) still counted on time. */
  graceMinutes: number;
  /** 首席代表A角不参加中心考勤 (seed 001): exempt where the center sets so. */
  exemptChiefRepA: boolean;
  /** How often a department's leader sits at the center (seed 001: 每周坐班半天 by default). */
  leaderCadence: SittingCadence;
  /** 每月安排…不少于1个工作日 (the monthly cadence). */
  leaderDaysPerMonth: number;
  /** 每月10日前向中心报送下月… */
  planDueDay: number;
  /** 「3次不履行坐班制度」: consecutive missed sittings that escalate. */
  missesToEscalate: number;
  /** Who hears of it: 「呈报县委、县政府主要领导,并移送县纪委监委」 (seed 001). */
  missRecipients: MissRecipient[];
  /** The patrol checklist per window (configurable). */
  patrolChecklist: CheckItem[];
  /** Working days a department has to rectify a patrol finding. */
  rectifyWorkingDays: number;
}

/**
 * Who an escalation of missed sittings goes to: staff of a role in this center or a center
 * above it (in-app), one account (in-app), or an organisation outside the system — the
 * county's leaders, the discipline commission — named, with an e-mail address when the center
 * has one (else the center forwards the record in writing; it is listed on the escalation).
 */
export type MissRecipient =
  | { kind: 'role'; role: 'supervisor' | 'centerAdmin' }
  | { kind: 'user'; userId: string }
  | { kind: 'organisation'; name: string; email?: string };
export const RECIPIENT_ROLES = ['supervisor', 'centerAdmin'] as const;

export const DEFAULT_MISS_RECIPIENTS: MissRecipient[] = [
  { kind: 'organisation', name: '县委、县政府主要领导' },
  { kind: 'organisation', name: '县纪委监委' },
  // 监察 (supervisor): the commission's office stationed in the center sees it in the system.
  { kind: 'role', role: 'supervisor' },
];

export const DEFAULT_CHECKLIST: CheckItem[] = [
  { key: 'absent', label: '离岗/脱岗' },
  { key: 'attitude', label: '服务态度' },
  { key: 'tidiness', label: '桌面整洁' },
  { key: 'badge', label: '佩证上岗' },
  { key: 'dress', label: '着装规范' },
  { key: 'phone', label: '玩手机/做与工作无关的事' },
  { key: 'placard', label: '身份公示牌' },
];

export const DEFAULT_SETTINGS: DutySettings = {
  hours: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }],
  seasons: [],
  graceMinutes: 0,
  exemptChiefRepA: true,
  leaderCadence: 'weeklyHalfDay',
  leaderDaysPerMonth: 1,
  planDueDay: 10,
  missesToEscalate: 3,
  missRecipients: DEFAULT_MISS_RECIPIENTS,
  patrolChecklist: DEFAULT_CHECKLIST,
  rectifyWorkingDays: 3,
};

export const withDefaults = (s: Partial<DutySettings> | null | undefined): DutySettings => ({ ...DEFAULT_SETTINGS, ...(s ?? {}) });
