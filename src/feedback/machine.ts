/**
 * The two state machines of feedback (domain §7) as transition tables, like the case
 * engine's: action → from-states, who may act, guards, next state. Pure: no I/O.
 *
 * Evaluation: a rating ≥ 3 is `rated` (final). A bad review (≤ 2) starts `assigned` to the
 * department → verify: substantiated → `rectifying` (due in working days), unfounded →
 * `unfounded` (kept, never deleted) → rectify → `rectified` → returnVisit → `visited`.
 *
 * Complaint: `received` → accept → `handling` (handOver, extend once) → resolve →
 * `resolved`; or exclude → `excluded` (with a reason and a written reply).
 */
import type { Role } from '../core/auth/roles.js';

export interface Refusal { status: 403 | 409 | 422; code: string; message: string; messageZh: string }
const refuse = (status: Refusal['status'], code: string, message: string, messageZh: string): Refusal => ({ status, code, message, messageZh });

export interface Actor { id: string; role: Role; centerId: string | null; departmentId: string | null }

interface Table<S extends string, F extends { state: S }, I> {
  from: readonly S[];
  to: S | 'same' | ((f: F, input: I) => S);
  who: (f: F, a: Actor) => boolean;
  guard?: (f: F, a: Actor, input: I) => Refusal | null;
}

export type Check<S> = { ok: true; to: S } | { ok: false; refusal: Refusal };

function check<S extends string, F extends { state: S }, I>(name: string, t: Table<S, F, I>, f: F, a: Actor, input: I, what: string): Check<S> {
  if (!t.from.includes(f.state)) return { ok: false, refusal: refuse(409, 'invalid_transition', `Cannot ${name} ${what} that is ${f.state}`, `当前状态不能执行“${name}”操作`) };
  if (!t.who(f, a)) return { ok: false, refusal: refuse(403, 'forbidden', 'Your role or scope may not do this', '您的岗位或权限范围不能执行此操作') };
  const g = t.guard?.(f, a, input);
  if (g) return { ok: false, refusal: g };
  return { ok: true, to: t.to === 'same' ? f.state : typeof t.to === 'function' ? t.to(f, input) : t.to };
}

const MANAGERS: readonly Role[] = ['coordinator', 'chiefRep', 'leader'];
const OFFICE: readonly Role[] = ['centerAdmin', 'supervisor'];
const deptManager = (deptId: string | null, a: Actor) => !!deptId && MANAGERS.includes(a.role) && a.departmentId === deptId;
const office = (centerId: string, a: Actor) => OFFICE.includes(a.role) && a.centerId === centerId;

// ---- evaluation ------------------------------------------------------------------------

export const EVALUATION_STATES = ['rated', 'assigned', 'rectifying', 'rectified', 'visited', 'unfounded'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];
export const EVALUATION_STATE_LABELS: Record<EvaluationState, string> = {
  rated: '已评价', assigned: '差评待核实', rectifying: '整改中', rectified: '已整改待回访', visited: '已回访', unfounded: '核实不属实',
};
export const EVALUATION_ACTIONS = ['verify', 'rectify', 'returnVisit'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

export interface EvaluationFacts { state: EvaluationState; centerId: string; departmentId: string }
/** Only verify's next state depends on its input (the finding). */
export interface EvaluationInput { finding?: 'substantiated' | 'unfounded' }

export const EVALUATION_TRANSITIONS: Record<EvaluationAction, Table<EvaluationState, EvaluationFacts, EvaluationInput>> = {
  verify: {
    from: ['assigned'], who: (e, a) => deptManager(e.departmentId, a),
    to: (_e, i) => (i.finding === 'unfounded' ? 'unfounded' : 'rectifying'),
    guard: (_e, _a, i) => (i.finding ? null : refuse(422, 'finding_required', 'Say whether the review is substantiated or unfounded', '请填写核实结论（属实或不属实）')),
  },
  rectify: { from: ['rectifying'], to: 'rectified', who: (e, a) => deptManager(e.departmentId, a) },
  // 回访: the center's office calls the applicant back, independent of the department rated.
  returnVisit: { from: ['rectified'], to: 'visited', who: (e, a) => office(e.centerId, a) },
};

export const initialEvaluationState = (bad: boolean): EvaluationState => (bad ? 'assigned' : 'rated');

export const checkEvaluation = (action: EvaluationAction, e: EvaluationFacts, a: Actor, input: EvaluationInput = {}) =>
  check(action, EVALUATION_TRANSITIONS[action], e, a, input, 'a review');

export const evaluationActions = (e: EvaluationFacts, a: Actor) =>
  EVALUATION_ACTIONS.filter((x) => checkEvaluation(x, e, a, { finding: 'substantiated' }).ok);

// ---- complaint -------------------------------------------------------------------------

export const COMPLAINT_STATES = ['received', 'handling', 'excluded', 'resolved'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = { received: '待受理审查', handling: '办理中', excluded: '不予受理', resolved: '已办结' };
export const COMPLAINT_ACTIONS = ['accept', 'exclude', 'handOver', 'extend', 'resolve'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export interface ComplaintFacts { state: ComplaintState; centerId: string; handlerDepartmentId: string | null; extended: boolean }

/** The office, or the managers of the unit now handling it. */
const handles = (c: ComplaintFacts, a: Actor) => office(c.centerId, a) || deptManager(c.handlerDepartmentId, a);

export const COMPLAINT_TRANSITIONS: Record<ComplaintAction, Table<ComplaintState, ComplaintFacts, unknown>> = {
  accept: { from: ['received'], to: 'handling', who: (c, a) => office(c.centerId, a) },
  exclude: { from: ['received'], to: 'excluded', who: (c, a) => office(c.centerId, a) },
  handOver: { from: ['handling'], to: 'same', who: handles },
  extend: {
    from: ['handling'], to: 'same', who: handles,
    guard: (c) => (c.extended ? refuse(409, 'already_extended', 'A complaint is extended once only', '投诉办理时限只能延长一次') : null),
  },
  resolve: { from: ['handling'], to: 'resolved', who: handles },
};

export const checkComplaint = (action: ComplaintAction, c: ComplaintFacts, a: Actor) => check(action, COMPLAINT_TRANSITIONS[action], c, a, undefined, 'a complaint');
export const complaintActions = (c: ComplaintFacts, a: Actor) => COMPLAINT_ACTIONS.filter((x) => checkComplaint(x, c, a).ok);
