/** Per-center duty settings, with the defaults the seeds give (stored as one JSON row per center). */
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
  /** 每月安排…不少于1个工作日 */
  leaderDaysPerMonth: number;
  /** 每月10日前向中心报送下月… */
  planDueDay: number;
  /** 3次不履行… → the supervisor */
  missesToEscalate: number;
  /** The patrol checklist per window (configurable). */
  patrolChecklist: CheckItem[];
  /** Working days a department has to rectify a patrol finding. */
  rectifyWorkingDays: number;
}

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
  leaderDaysPerMonth: 1,
  planDueDay: 10,
  missesToEscalate: 3,
  patrolChecklist: DEFAULT_CHECKLIST,
  rectifyWorkingDays: 3,
};

export const withDefaults = (s: Partial<DutySettings> | null | undefined): DutySettings => ({ ...DEFAULT_SETTINGS, ...(s ?? {}) });
