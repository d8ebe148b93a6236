/**
 * Leader on-site duty rules (领导现场办公), pure:
 * - 「每月10日前向中心报送下月现场办公的领导和时间」: the plan for month M is due by day
 *   `dueDay` (inclusive) of month M−1. Submitted later: late. Not submitted once the due day
 *   has passed: missing. Before that: pending.
 * - 「每月安排一名领导…不少于1个工作日」: at least `minDays` working days in the month.
 * - `threshold` consecutive misses of one leader escalate once per run of misses: the run is
 *   keyed by its first missed day, so a fourth miss in the same run does not escalate again;
 *   a duty done breaks the run.
 */
export type PlanStatus = 'onTime' | 'late' | 'missing' | 'pending';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { onTime: '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送' };

/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day a plan for `month` is on time. */
export function planDueOn(month: string, dueDay: number): string {
  return `${previousMonth(month)}-${String(dueDay).padStart(2, '0')}`;
}

export function planStatus(month: string, submittedOn: string | null, today: string, dueDay: number): PlanStatus {
  const due = planDueOn(month, dueDay);
  if (submittedOn) return submittedOn <= due ? 'onTime' : 'late';
  return today > due ? 'missing' : 'pending';
}

export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export interface DutyFact { id: string; day: string; status: 'planned' | 'done' | 'missed' }

/**
 * The run of consecutive misses ending at the leader's latest decided duty, when it has
 * reached the threshold: its first day's id (the escalation key) and its days.
 */
export function missRunToEscalate(days: readonly DutyFact[], threshold: number): { runStartId: string; days: string[] } | null {
  const decided = days.filter((d) => d.status !== 'planned').sort((a, b) => a.day.localeCompare(b.day));
  const run: DutyFact[] = [];
  for (let i = decided.length - 1; i >= 0 && decided[i].status === 'missed'; i--) run.unshift(decided[i]);
  if (run.length < threshold) return null;
  return { runStartId: run[0].id, days: run.map((d) => d.day) };
}
