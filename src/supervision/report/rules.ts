/**
 * The periodic supervision report (电子监察通报), pure: the period's bounds and the figures
 * per department from plain rows (cases, ladder steps, accountability records, anomalies).
 * Definitions (also printed on the report):
 * - 受理: cases accepted in the period; 办结: decided in the period (准予 or 不予).
 * - 黄灯/红灯/黑灯: cases that reached the light in the period (the ladder records each case's light once).
 * - 超时办结: decided in the period after the promised due date; 逾期未办结: accepted by the
 *   period's last day, not decided by then, and the promised due date before that day.
 * - 违法记录: black-light violation records issued in the period.
 * - 督办单: issued in the period; 已答复 by the moment the report is generated; 已上报 escalated.
 * - 问责: accountability records of the period; 异常: anomalies detected in the period, 已处理 handled.
 */

export type PeriodKind = 'month' | 'quarter';
export interface Period { period: string; kind: PeriodKind; from: string; to: string; label: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** '2026-03' → March 2026; '2026-Q1' → January to March. Null for anything else. */
export function periodOf(period: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { period, kind: 'month', from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`, label: `${y}年${mo}月` };
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const y = Number(q[1]), n = Number(q[2]);
    const first = (n - 1) * 3 + 1, last = first + 2;
    return { period, kind: 'quarter', from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}`, label: `${y}年第${'一二三四'[n - 1]}季度` };
  }
  return null;
}

export interface CaseFact { departmentId: string; acceptedOn: string | null; closedOn: string | null; outcome: string | null; promisedDue: string | null }
export interface StepFact { departmentId: string; caseNo: string; light: 'yellow' | 'red' | 'black'; kind: 'urge' | 'order' | 'violation'; docNo: string; issuedOn: string; answerDue: string | null; answeredAt: string | null; answer: string | null; escalatedAt: string | null }
export interface AccountabilityFact { departmentId: string; kind: string; caseNo: string | null; person: string | null; stepName: string | null; recordedOn: string }
export interface AnomalyFact { departmentId: string | null; rule: string; ruleLabel: string; caseNo: string | null; detectedOn: string; handledAt: string | null; note: string | null }

export interface DepartmentLine {
  departmentId: string; department: string;
  accepted: number; decided: number; yellow: number; red: number; black: number; overdueDecided: number; overdueOpen: number;
  violations: number; orders: number; ordersAnswered: number; ordersEscalated: number; accountability: number; anomalies: number; anomaliesHandled: number;
}

export interface ReportData {
  period: Period;
  centerName: string;
  generatedAt: string;
  departments: DepartmentLine[];
  total: Omit<DepartmentLine, 'departmentId' | 'department'>;
  orders: (StepFact & { department: string })[];
  accountability: (AccountabilityFact & { department: string })[];
  anomaliesHandled: (AnomalyFact & { department: string })[];
}

const within = (d: string | null, p: Period) => !!d && d >= p.from && d <= p.to;
const ZERO = { accepted: 0, decided: 0, yellow: 0, red: 0, black: 0, overdueDecided: 0, overdueOpen: 0, violations: 0, orders: 0, ordersAnswered: 0, ordersEscalated: 0, accountability: 0, anomalies: 0, anomaliesHandled: 0 };
export const KEYS = Object.keys(ZERO) as (keyof typeof ZERO)[];

/** The report's figures. Rows outside the period are ignored, so callers may pass a superset. */
export function buildReport(p: Period, centerName: string, generatedAt: string, depts: readonly { id: string; name: string }[],
  cs: readonly CaseFact[], steps: readonly StepFact[], acc: readonly AccountabilityFact[], anomalies: readonly AnomalyFact[]): ReportData {
  const name = new Map(depts.map((d) => [d.id, d.name]));
  const lines = new Map<string, DepartmentLine>(depts.map((d) => [d.id, { departmentId: d.id, department: d.name, ...ZERO }]));
  const line = (id: string | null) => (id ? lines.get(id) : undefined);
  for (const c of cs) {
    const l = line(c.departmentId);
    if (!l) continue;
    if (within(c.acceptedOn, p)) l.accepted++;
    const decided = !!c.outcome && within(c.closedOn, p);
    if (decided) {
      l.decided++;
      if (c.promisedDue && c.closedOn! > c.promisedDue) l.overdueDecided++;
    }
    const openAtEnd = !!c.acceptedOn && c.acceptedOn <= p.to && (!c.closedOn || c.closedOn > p.to);
    if (openAtEnd && c.promisedDue && c.promisedDue < p.to) l.overdueOpen++;
  }
  const orders: ReportData['orders'] = [];
  for (const s of steps) {
    const l = line(s.departmentId);
    if (!l || !within(s.issuedOn, p)) continue;
    l[s.light]++;
    if (s.kind === 'violation') l.violations++;
    if (s.kind === 'order') {
      l.orders++;
      if (s.answeredAt) l.ordersAnswered++;
      if (s.escalatedAt) l.ordersEscalated++;
      orders.push({ ...s, department: l.department });
    }
  }
  const accountability: ReportData['accountability'] = [];
  for (const a of acc) {
    const l = line(a.departmentId);
    if (!l || !within(a.recordedOn, p)) continue;
    l.accountability++;
    accountability.push({ ...a, department: l.department });
  }
  const handled: ReportData['anomaliesHandled'] = [];
  for (const a of anomalies) {
    if (!within(a.detectedOn, p)) continue;
    const l = line(a.departmentId);
    if (l) { l.anomalies++; if (a.handledAt) l.anomaliesHandled++; }
    if (a.handledAt) handled.push({ ...a, department: a.departmentId ? name.get(a.departmentId) ?? '' : '中心' });
  }
  const departments = [...lines.values()];
  const total = { ...ZERO };
  for (const l of departments) for (const k of KEYS) total[k] += l[k];
  const byDay = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    period: p, centerName, generatedAt, departments, total,
    orders: orders.sort(byDay((o) => o.issuedOn + o.docNo)),
    accountability: accountability.sort(byDay((a) => a.recordedOn)),
    anomaliesHandled: handled.sort(byDay((a) => a.detectedOn)),
  };
}
