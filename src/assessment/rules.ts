/**
 * Assessment (考核, domain §8): the metrics a scheme may score and the points rules, as pure
 * functions with no I/O. The service (compute.ts) gathers the facts per subject with one
 * query per fact table; everything that turns facts into points is here and tested directly.
 *
 * A scheme has a base score (default 100, the seeds' 100-point window scheme) and named
 * lines. Each line is a metric (a count or a rate of facts already in the system) with a
 * points rule:
 * - perUnit: points × (count − free), never below zero units; |result| capped by `cap`
 *   (e.g. −2 per overdue case, at most −10; +1 per praise, at most +5).
 * - thresholds: the first band whose `min` the value reaches (bands sorted high → low);
 *   a value under every band scores 0. For rates (percent 0–100) or counts.
 * - target: a rate against a target percentage: below it, `perPoint` × shortfall in
 *   percentage points (negative), capped by `cap`; at or above it, `bonus` (default 0).
 * A rate with no denominator (no completed cases) scores 0 and is shown as "no data".
 * The subject's total = base + Σ line points, then clamped to [floor, ceiling] when set.
 * Points are kept to 2 decimals (half away from zero) so recomputing gives the same number.
 */

export const SUBJECT_TYPES = ['window', 'department', 'staff'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_LABELS: Record<SubjectType, string> = { window: '窗口', department: '部门', staff: '工作人员' };

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };

/** What each metric counts; `kind` says whether its value is a count or a percentage. */
export const METRICS = {
  onTimeRate: { label: '按时办结率', kind: 'rate', subjects: ['window', 'department', 'staff'] },
  overdueCases: { label: '超期办结件', kind: 'count', subjects: ['window', 'department', 'staff'] },
  violations: { label: '违规办件（黑灯）', kind: 'count', subjects: ['window', 'department', 'staff'] },
  accountability: { label: '问责记录', kind: 'count', subjects: ['window', 'department', 'staff'] },
  badReviews: { label: '核实差评', kind: 'count', subjects: ['window', 'department', 'staff'] },
  complaints: { label: '有效投诉', kind: 'count', subjects: ['window', 'department', 'staff'] },
  praise: { label: '表扬（锦旗、表扬信）', kind: 'count', subjects: ['window', 'department', 'staff'] },
  late: { label: '迟到早退', kind: 'count', subjects: ['window', 'department', 'staff'] },
  absent: { label: '缺勤', kind: 'count', subjects: ['window', 'department', 'staff'] },
  patrolFindings: { label: '巡查问题', kind: 'count', subjects: ['window', 'department'] },
  missedLeaderDuty: { label: '领导现场办公缺勤', kind: 'count', subjects: ['department', 'staff'] },
  anomalies: { label: '确认的异常', kind: 'count', subjects: ['window', 'department'] },
  immediateRate: { label: '即办率', kind: 'rate', subjects: ['window', 'department', 'staff'] },
  firstTimeRate: { label: '一次办结率', kind: 'rate', subjects: ['window', 'department', 'staff'] },
  onlineRate: { label: '网办率', kind: 'rate', subjects: ['window', 'department', 'staff'] },
} as const satisfies Record<string, { label: string; kind: 'count' | 'rate'; subjects: readonly SubjectType[] }>;
export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export type PointsRule =
  | { kind: 'perUnit'; points: number; free?: number; cap?: number }
  | { kind: 'thresholds'; bands: { min: number; points: number }[] }
  | { kind: 'target'; target: number; perPoint: number; cap?: number; bonus?: number };

export interface SchemeLine { key: string; label: string; metric: MetricName; rule: PointsRule }
export interface SchemeBody { baseScore: number; floor?: number | null; ceiling?: number | null; lines: SchemeLine[] }

/** The measured value of one metric for one subject. */
export type MetricValue =
  | { kind: 'count'; count: number }
  | { kind: 'rate'; num: number; den: number };

export const round2 = (x: number): number => {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? (r === 0 ? 0 : -r) : r;
};

/** The rate in percent with 2 decimals, null when nothing was counted. */
export function rateOf(v: { num: number; den: number }): number | null {
  return v.den === 0 ? null : round2((v.num * 100) / v.den);
}

const capped = (x: number, cap: number | undefined) => (cap === undefined || cap === null ? x : Math.max(-Math.abs(cap), Math.min(Math.abs(cap), x)));

/** The number a rule reads: a count, or a rate in percent (null: no data). */
export function valueOf(v: MetricValue): number | null {
  return v.kind === 'count' ? v.count : rateOf(v);
}

/** Points of one rule for one value. */
export function applyRule(rule: PointsRule, v: MetricValue): number {
  const x = valueOf(v);
  if (x === null) return 0;
  switch (rule.kind) {
    case 'perUnit': {
      const units = Math.max(0, x - (rule.free ?? 0));
      return round2(capped(units * rule.points, rule.cap));
    }
    case 'thresholds': {
      const bands = [...rule.bands].sort((a, b) => b.min - a.min);
      const hit = bands.find((b) => x >= b.min);
      return round2(hit ? hit.points : 0);
    }
    case 'target': {
      if (x >= rule.target) return round2(rule.bonus ?? 0);
      return round2(capped(-(rule.target - x) * Math.abs(rule.perPoint), rule.cap));
    }
  }
}

/** A readable statement of a rule (Chinese, like every stored label; the UI translates the pieces). */
export function describeRule(rule: PointsRule): string {
  switch (rule.kind) {
    case 'perUnit': return `每件${rule.points >= 0 ? '加' : '扣'}${Math.abs(rule.points)}分${rule.free ? `（${rule.free}件以内不计）` : ''}${rule.cap !== undefined ? `，最多${Math.abs(rule.cap)}分` : ''}`;
    case 'thresholds': return [...rule.bands].sort((a, b) => b.min - a.min).map((b) => `≥${b.min}：${b.points >= 0 ? '+' : ''}${b.points}`).join('；');
    case 'target': return `目标${rule.target}%，每低1个百分点扣${Math.abs(rule.perPoint)}分${rule.cap !== undefined ? `，最多${Math.abs(rule.cap)}分` : ''}${rule.bonus ? `；达标加${rule.bonus}分` : ''}`;
  }
}

export interface ScoredLine { key: string; label: string; metric: MetricName; value: MetricValue; points: number }

/** Scores one subject: every line of the scheme, the total (base + Σ points, clamped). */
export function scoreSubject(scheme: SchemeBody, values: (metric: MetricName) => MetricValue): { lines: ScoredLine[]; total: number } {
  const lines = scheme.lines.map((l) => {
    const value = values(l.metric);
    return { key: l.key, label: l.label, metric: l.metric, value, points: applyRule(l.rule, value) };
  });
  return { lines, total: clampTotal(scheme, scheme.baseScore + lines.reduce((s, l) => s + l.points, 0)) };
}

export function clampTotal(scheme: Pick<SchemeBody, 'floor' | 'ceiling'>, x: number): number {
  let t = round2(x);
  if (scheme.floor !== undefined && scheme.floor !== null) t = Math.max(scheme.floor, t);
  if (scheme.ceiling !== undefined && scheme.ceiling !== null) t = Math.min(scheme.ceiling, t);
  return t;
}

/** Problems of a scheme body (empty when valid): unknown metric for the subject, bad rules, duplicate keys. */
export function schemeProblems(subject: SubjectType, body: SchemeBody): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  if (!Number.isFinite(body.baseScore) || body.baseScore < 0) out.push('baseScore');
  for (const l of body.lines) {
    if (keys.has(l.key)) out.push(`lines.${l.key}: duplicate key`);
    keys.add(l.key);
    const m = METRICS[l.metric] as (typeof METRICS)[MetricName] | undefined;
    if (!m) { out.push(`lines.${l.key}: unknown metric`); continue; }
    if (!(m.subjects as readonly string[]).includes(subject)) out.push(`lines.${l.key}: ${l.metric} does not apply to ${subject}`);
    if (l.rule.kind === 'target' && m.kind !== 'rate') out.push(`lines.${l.key}: a target needs a rate`);
    if (l.rule.kind === 'thresholds' && l.rule.bands.length === 0) out.push(`lines.${l.key}: no bands`);
  }
  return out;
}

/** Period keys: 2026-11 (month), 2026-Q4 (quarter), 2026 (year) → first and last day. */
export function periodRange(kind: PeriodKind, key: string): { from: string; to: string } | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (kind === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
    if (!m) return null;
    const y = +m[1], mo = +m[2];
    return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(last(y, mo))}` };
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    if (!m) return null;
    const y = +m[1], q = +m[2];
    return { from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${pad(last(y, q * 3))}` };
  }
  const m = /^(\d{4})$/.exec(key);
  return m ? { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` } : null;
}

/** Ranks by total, high first; equal totals share a rank (1, 2, 2, 4); ties listed by name. */
export function rank<T extends { total: number; name: string }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  let prev: number | null = null, r = 0;
  return sorted.map((row, i) => {
    if (prev === null || row.total !== prev) r = i + 1;
    prev = row.total;
    return { ...row, rank: r };
  });
}

/**
 * Award candidates (评优): per award, the subjects of its type ranked within `topN`, with a
 * total of at least `minScore`, and — when `noViolation` — no line of the listed
 * "clean" metrics with a count above zero (violations, accountability, substantiated
 * complaints by default).
 */
export interface AwardRule { key: string; name: string; subject: SubjectType; topN: number; minScore?: number; noViolation?: boolean; cleanMetrics?: MetricName[] }

export const DEFAULT_CLEAN: MetricName[] = ['violations', 'accountability', 'complaints'];

export const DEFAULT_AWARDS: AwardRule[] = [
  { key: 'civilized', name: '文明(示范)窗口', subject: 'window', topN: 3, minScore: 95, noViolation: true },
  { key: 'conduct', name: '行风示范窗口', subject: 'window', topN: 3, minScore: 95, noViolation: true, cleanMetrics: ['violations', 'accountability', 'complaints', 'badReviews'] },
  { key: 'youth', name: '青年文明号', subject: 'window', topN: 1, minScore: 98, noViolation: true },
  { key: 'fiveStar', name: '五星级窗口', subject: 'window', topN: 5, minScore: 98, noViolation: true },
  { key: 'model', name: '服务标兵/先进个人', subject: 'staff', topN: 5, minScore: 95, noViolation: true },
];

export interface RankedSubject { subjectId: string; name: string; total: number; rank: number; counts: Partial<Record<MetricName, number>> }

export function awardCandidates(rule: AwardRule, ranked: RankedSubject[]): RankedSubject[] {
  const clean = rule.cleanMetrics ?? DEFAULT_CLEAN;
  return ranked.filter((s) => s.rank <= rule.topN && (rule.minScore === undefined || s.total >= rule.minScore)
    && (!rule.noViolation || clean.every((m) => (s.counts[m] ?? 0) === 0)));
}

/** Trend: change of total against the subject's previous period (null when it had none). */
export function trendOf(current: number, previous: number | undefined): number | null {
  return previous === undefined ? null : round2(current - previous);
}

/** The 100-point window scheme the demo and a new center start from (no point values in the seeds: ours). */
export const DEFAULT_WINDOW_SCHEME: SchemeBody = {
  baseScore: 100, floor: 0, ceiling: null,
  lines: [
    { key: 'onTime', label: '按时办结率', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 0.5, cap: 10 } },
    { key: 'overdue', label: '超期办结', metric: 'overdueCases', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'violation', label: '违规办件（黑灯）', metric: 'violations', rule: { kind: 'perUnit', points: -5, cap: 20 } },
    { key: 'badReview', label: '核实差评', metric: 'badReviews', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'complaint', label: '有效投诉', metric: 'complaints', rule: { kind: 'perUnit', points: -3, cap: 15 } },
    { key: 'late', label: '迟到早退', metric: 'late', rule: { kind: 'perUnit', points: -0.5, cap: 5 } },
    { key: 'absent', label: '缺勤', metric: 'absent', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'patrol', label: '巡查问题', metric: 'patrolFindings', rule: { kind: 'perUnit', points: -1, cap: 5 } },
    { key: 'firstTime', label: '一次办结率', metric: 'firstTimeRate', rule: { kind: 'thresholds', bands: [{ min: 90, points: 0 }, { min: 80, points: -1 }, { min: 0, points: -3 }] } },
    { key: 'praise', label: '锦旗表扬', metric: 'praise', rule: { kind: 'perUnit', points: 1, cap: 5 } },
  ],
};
export const DEFAULT_DEPARTMENT_SCHEME: SchemeBody = {
  baseScore: 100, floor: 0, ceiling: null,
  lines: [
    { key: 'onTime', label: '按时办结率', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 0.5, cap: 10 } },
    { key: 'violation', label: '违规办件（黑灯）', metric: 'violations', rule: { kind: 'perUnit', points: -5, cap: 20 } },
    { key: 'accountability', label: '问责记录', metric: 'accountability', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'complaint', label: '有效投诉', metric: 'complaints', rule: { kind: 'perUnit', points: -3, cap: 15 } },
    { key: 'leaderDuty', label: '领导现场办公缺勤', metric: 'missedLeaderDuty', rule: { kind: 'perUnit', points: -2, cap: 6 } },
    { key: 'anomaly', label: '确认的异常', metric: 'anomalies', rule: { kind: 'perUnit', points: -1, cap: 5 } },
    { key: 'immediate', label: '即办率', metric: 'immediateRate', rule: { kind: 'target', target: 30, perPoint: 0.1, cap: 3 } },
    { key: 'online', label: '网办率', metric: 'onlineRate', rule: { kind: 'target', target: 50, perPoint: 0.1, cap: 3, bonus: 1 } },
    { key: 'praise', label: '锦旗表扬', metric: 'praise', rule: { kind: 'perUnit', points: 1, cap: 5 } },
  ],
};
export const DEFAULT_STAFF_SCHEME: SchemeBody = {
  baseScore: 100, floor: 0, ceiling: null,
  lines: [
    { key: 'onTime', label: '按时办结率', metric: 'onTimeRate', rule: { kind: 'target', target: 100, perPoint: 0.5, cap: 10 } },
    { key: 'accountability', label: '问责记录', metric: 'accountability', rule: { kind: 'perUnit', points: -3, cap: 15 } },
    { key: 'badReview', label: '核实差评', metric: 'badReviews', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'complaint', label: '有效投诉', metric: 'complaints', rule: { kind: 'perUnit', points: -3, cap: 15 } },
    { key: 'late', label: '迟到早退', metric: 'late', rule: { kind: 'perUnit', points: -1, cap: 5 } },
    { key: 'absent', label: '缺勤', metric: 'absent', rule: { kind: 'perUnit', points: -2, cap: 10 } },
    { key: 'praise', label: '锦旗表扬', metric: 'praise', rule: { kind: 'perUnit', points: 1, cap: 5 } },
  ],
};
export const DEFAULT_SCHEMES: Record<SubjectType, SchemeBody> = { window: DEFAULT_WINDOW_SCHEME, department: DEFAULT_DEPARTMENT_SCHEME, staff: DEFAULT_STAFF_SCHEME };
