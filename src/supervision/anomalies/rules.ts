/**
 * The anomaly rules of domain §6, each a named pure function over the facts it needs
 * (events of one case, the item version, the actor). The scan (scan.ts) gathers the facts
 * from stored data — whoever wrote it: the case engine, an import, another system — so a
 * rule also fires when the engine itself would have refused the action.
 *
 * "A window without staff during office hours" is written against a minimal attendance
 * interface in staffing.ts (implemented on real sign-ins by src/duty). "Case handled outside
 * office hours by a person not on duty" lives in src/duty/offHours.ts (it needs duty rosters).
 */
import type { Limit } from '../../catalog/types.js';

export const RULES = {
  decisionWithoutAcceptance: '未受理即作出决定（体外循环）',
  acceptanceOutsideCenter: '进驻中心事项在中心外受理',
  secondSupplementNotice: '同一申请二次补正告知',
  refusalWithoutReasons: '不予受理/不予许可/退回未说明理由',
  promisedOverStatutory: '承诺时限超过法定时限',
  excessVisits: '申请人跑动次数超过承诺',
  repeatedExtension: '多次延期',
  windowWithoutStaff: '工作时间窗口无人',
  handledOffDuty: '非工作时间由非值班人员办理',
  // Fees (src/fees/rules.ts): recorded with the payment that raises them.
  feeAboveStandard: '超标准收费',
  feeOnFreeItem: '免费事项收费',
  feeOutsideHall: '未经大厅收费窗口收费',
} as const;
export type RuleName = keyof typeof RULES;

export interface EventFact {
  id: number;
  seq: number;
  caseId: string;
  at: string;
  /** The business date of `at` in the center's zone. */
  on: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  data: Record<string, unknown>;
}

export interface Finding {
  rule: RuleName;
  /** What the anomaly is about; (rule, subject) is recorded once. */
  subject: string;
  evidence: Record<string, unknown>;
}

const ev = (e: EventFact) => ({ seq: e.seq, action: e.action, at: e.at, actorId: e.actorId, actorRole: e.actorRole });
const upTo = (events: readonly EventFact[], e: EventFact) => events.filter((x) => x.seq <= e.seq);

/** A decision on a case with no acceptance record before it (no accepted date, no accept event). */
export function decisionWithoutAcceptance(e: EventFact, events: readonly EventFact[], acceptedOn: string | null): Finding | null {
  if (e.action !== 'decide') return null;
  const accepted = upTo(events, e).some((x) => x.action === 'accept' || x.action === 'acceptConditional');
  if (accepted || acceptedOn) return null;
  return { rule: 'decisionWithoutAcceptance', subject: `case:${e.caseId}`, evidence: { decision: ev(e) } };
}

/** Items handled in the center (resident or comprehensive window) must be accepted by the center's own windows. */
export function acceptanceOutsideCenter(e: EventFact, item: { centerId: string; entryMode: string }, acceptedIn: string | null): Finding | null {
  if (e.action !== 'accept' && e.action !== 'acceptConditional') return null;
  if (item.entryMode !== 'resident' && item.entryMode !== 'comprehensive') return null;
  if (acceptedIn === null || acceptedIn === item.centerId) return null;
  return { rule: 'acceptanceOutsideCenter', subject: `case:${e.caseId}`, evidence: { acceptance: ev(e), acceptedInCenter: acceptedIn, itemCenter: item.centerId, entryMode: item.entryMode } };
}

/** One notice must list everything missing: any further notice on the case is flagged. */
export function secondSupplementNotice(e: EventFact, events: readonly EventFact[]): Finding | null {
  if (e.action !== 'notifySupplement') return null;
  const notices = upTo(events, e).filter((x) => x.action === 'notifySupplement');
  if (notices.length < 2) return null;
  return { rule: 'secondSupplementNotice', subject: `case:${e.caseId}:notice:${e.seq}`, evidence: { notices: notices.map(ev) } };
}

/** Refusal, return or denial with no written reasons. */
export function refusalWithoutReasons(e: EventFact): Finding | null {
  const negative = e.action === 'refuse' || e.action === 'return' || (e.action === 'decide' && e.data.outcome === 'denied');
  if (!negative) return null;
  if (typeof e.data.reasons === 'string' && e.data.reasons.trim() !== '') return null;
  return { rule: 'refusalWithoutReasons', subject: `case:${e.caseId}:event:${e.seq}`, evidence: { event: ev(e), reasons: e.data.reasons ?? null } };
}

/** Days of a limit in one unit, or null when the two limits cannot be compared exactly. */
function comparable(a: Limit, b: Limit): [number, number] | null {
  const v = (l: Limit) => (l.unit === 'onTheSpot' ? 0 : l.value);
  if (a.unit === b.unit || a.unit === 'onTheSpot' || b.unit === 'onTheSpot') return [v(a), v(b)];
  return null;
}

/**
 * Promised > statutory in a published item version. Limits in different units (calendar
 * vs working days) are not compared: which is longer depends on the holidays in between.
 */
export function promisedOverStatutory(item: { itemId: string; version: number; code: string; promisedLimit: Limit; statutoryLimit: Limit }): Finding | null {
  const c = comparable(item.promisedLimit, item.statutoryLimit);
  if (!c || c[0] <= c[1]) return null;
  return { rule: 'promisedOverStatutory', subject: `item:${item.itemId}@${item.version}`, evidence: { code: item.code, version: item.version, promised: item.promisedLimit, statutory: item.statutoryLimit } };
}

/**
 * Visits, defined: the distinct days (center zone) on which the applicant had to be at a
 * window for this case — the walk-in or booked submission, paper materials supplied at the
 * window, and picking up the result. Acceptance, notices and decisions are not visits (they
 * happen in the same sitting or without the applicant). The item's maxVisits is the
 * promise; a walk-in submission of a 0-visit item is the applicant's own choice, so a
 * window or appointment case is allowed at least one visit.
 */
export function isVisit(e: EventFact): boolean {
  if (e.action === 'submit') return e.data.channel === 'window' || e.data.channel === 'appointment';
  if (e.action === 'supply') return e.actorRole === 'receiver';
  if (e.action === 'deliver') return e.data.mode === 'pickup';
  return false;
}

export function excessVisits(e: EventFact, events: readonly EventFact[], maxVisits: number, channel: string): Finding | null {
  if (!isVisit(e)) return null;
  const visits = upTo(events, e).filter(isVisit);
  const days = [...new Set(visits.map((x) => x.on))];
  const allowed = Math.max(maxVisits, channel === 'window' || channel === 'appointment' ? 1 : 0);
  if (days.length <= allowed) return null;
  return { rule: 'excessVisits', subject: `case:${e.caseId}`, evidence: { maxVisits, allowed, days, visits: visits.map(ev) } };
}

/** A case extended more than once. */
export function repeatedExtension(e: EventFact, events: readonly EventFact[]): Finding | null {
  if (e.action !== 'approveExtension') return null;
  const approvals = upTo(events, e).filter((x) => x.action === 'approveExtension');
  if (approvals.length < 2) return null;
  return { rule: 'repeatedExtension', subject: `case:${e.caseId}`, evidence: { extensions: approvals.map((x) => ({ ...ev(x), workingDays: x.data.workingDays, reason: x.data.reason })) } };
}
