/**
 * Leader on-site duty rules (领导现场办公 / 坐班), pure:
 * - 「每月10日前向中心报送下月现场办公的领导和时间」: the plan for month M is due by day
 *   `dueDay` (inclusive) of month M−1. Submitted later: late. Not submitted once the due day
 *   has passed: missing. Before that: pending.
 * - 「每月安排一名领导…不少于1个工作日」: at least `minDays` working days in the month.
 * - the sitting cadence (weekly half day, monthly day, quarterly half day) decides what a plan
 *   must cover and what counts as one missed sitting;
 * - `threshold` consecutive missed sittings of one leader escalate once per run: the run is
 *   keyed by its first missed day, so a fourth miss in the same run does not escalate again;
 *   a sitting done breaks the run.
 */
export type PlanStatus = 'onTime' | 'late' | 'missing' | 'pending' | 'covered';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { onTime: '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送', covered: '本季度已安排' };

/** The months of a month's quarter ('2026-05' → 2026-04, 2026-05, 2026-06). */
export function quarterMonths(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return [first, first + 1, first + 2].map((x) => `${y}-${String(x).padStart(2, '0')}`);
}

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

/** `coveredInQuarter`: under the quarterly cadence, another month of the quarter has the department's plan — none is owed for this one. */
export function planStatus(month: string, submittedOn: string | null, today: string, dueDay: number, coveredInQuarter = false): PlanStatus {
  const due = planDueOn(month, dueDay);
  if (submittedOn) return submittedOn <= due ? 'onTime' : 'late';
  if (coveredInQuarter) return 'covered';
  return today > due ? 'missing' : 'pending';
}

export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export interface DutyFact { id: string; day: string; status: 'planned' | 'done' | 'missed' }

/**
 * How often a department's leader sits at the center (seed 001 has all three):
 * 「每周在政服务中心坐班半天」 (weekly half day), 「每月…不少于1个工作日」 (monthly day),
 * 「每季度…不少于半个工作日」 (quarterly half day).
 */
export const SITTING_CADENCES = ['weeklyHalfDay', 'monthlyDay', 'quarterlyHalfDay'] as const;
export type SittingCadence = (typeof SITTING_CADENCES)[number];
export const CADENCE_LABELS: Record<SittingCadence, string> = { weeklyHalfDay: '每周坐班半天', monthlyDay: '每月现场办公', quarterlyHalfDay: '每季度接待日（半天）' };
/** What one missed sitting is called in the escalation notice. */
export const CADENCE_DUTY: Record<SittingCadence, string> = { weeklyHalfDay: '坐班制度', monthlyDay: '现场办公', quarterlyHalfDay: '接待日制度' };

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => iso(new Date(utc(day).getTime() + n * 86_400_000));
/** The Monday of the (Monday–Sunday) week of a day. */
export const mondayOf = (day: string) => plusDays(day, -((utc(day).getUTCDay() + 6) % 7));
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The sitting a duty day belongs to: under the weekly cadence its week, under the quarterly
 * its quarter — two planned days in one week are one sitting, done if either is done. Under
 * the monthly cadence every planned working day is a sitting of its own (「不少于N个工作日」).
 */
export function sittingOf(cadence: SittingCadence, day: string): string {
  if (cadence === 'weeklyHalfDay') return `W${mondayOf(day)}`;
  if (cadence === 'quarterlyHalfDay') return quarterOf(day);
  return day;
}

/**
 * The weeks a month's plan must cover under the weekly cadence: the weeks whose Thursday
 * falls in the month (so a week split by a month end belongs to one month only), each with
 * the month's working days in it; a week whose days in the month are all holidays needs none.
 */
export function weeksOfMonth(month: string, isWorkingDay: (day: string) => boolean): { monday: string; days: string[] }[] {
  const days = daysOfMonth(month);
  const mondays = [...new Set(days.map(mondayOf))].filter((m) => plusDays(m, 3).startsWith(month));
  return mondays.map((monday) => ({ monday, days: days.filter((d) => mondayOf(d) === monday && isWorkingDay(d)) })).filter((w) => w.days.length > 0);
}

/** What a month's plan lacks under the cadence (null: enough). The quarterly cadence needs one sitting a quarter: any plan has it. */
export function planShortfall(cadence: SittingCadence, month: string, planned: readonly string[], isWorkingDay: (day: string) => boolean, minDays: number):
  { kind: 'days'; minDays: number } | { kind: 'weeks'; weeks: string[] } | null {
  if (cadence === 'monthlyDay') return new Set(planned).size >= minDays ? null : { kind: 'days', minDays };
  if (cadence === 'weeklyHalfDay') {
    const missing = weeksOfMonth(month, isWorkingDay).filter((w) => !planned.some((d) => w.days.includes(d))).map((w) => w.monday);
    return missing.length ? { kind: 'weeks', weeks: missing } : null;
  }
  return planned.length ? null : { kind: 'days', minDays: 1 };
}

/**
 * The run of consecutive missed sittings ending at the leader's latest decided sitting, when
 * it has reached the threshold: its first missed day's id (the escalation key) and the missed
 * days. A sitting is missed when all its days are decided and none was done; one still
 * planned is not decided yet; a sitting done breaks the run.
 */
export function missRunToEscalate(days: readonly DutyFact[], threshold: number, cadence: SittingCadence = 'monthlyDay'): { runStartId: string; days: string[] } | null {
  const sittings = new Map<string, DutyFact[]>();
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const key = sittingOf(cadence, d.day);
    sittings.set(key, [...(sittings.get(key) ?? []), d]);
  }
  const decided = [...sittings.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, list]) => list)
    .filter((list) => list.some((d) => d.status === 'done') || list.every((d) => d.status === 'missed'));
  const run: DutyFact[][] = [];
  for (let i = decided.length - 1; i >= 0 && decided[i].every((d) => d.status === 'missed'); i--) run.unshift(decided[i]);
  if (run.length < threshold) return null;
  const missed = run.flat();
  return { runStartId: missed[0].id, days: missed.map((d) => d.day) };
}
