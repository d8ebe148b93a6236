/**
 * The case state machine (domain §4) as one explicit table: action → allowed states,
 * who may act, guards, and the next state. Pure: no I/O. The service applies the effects;
 * `allowedActions` answers "which buttons does this user see" from the same table.
 */
import type { Role } from '../core/auth/roles.js';
import type { ProcedureStep } from '../catalog/types.js';
import type { CaseAction, CaseState } from './types.js';

/** What the table needs to know about a case. */
export interface CaseFacts {
  state: CaseState;
  kind: 'immediate' | 'promised' | 'joint' | 'reportUp';
  centerId: string;
  departmentId: string;
  applicantUserId: string | null;
  assigneeId: string | null;
  coordinatorId: string | null;
  /** The handling steps (the item's procedure after the intake steps). */
  steps: readonly ProcedureStep[];
  stepIndex: number;
  hasPendingExtension: boolean;
  owedCount: number;
  conditionalAllowed: boolean;
}

export interface ActorFacts {
  id: string;
  role: Role;
  centerId: string | null;
  departmentId: string | null;
}

export interface Refusal { status: 403 | 409 | 422; code: string; message: string; messageZh: string }

const SIGNERS = new Set<Role>(['chiefRep', 'leader']);
const DEPT_HANDLERS: readonly Role[] = ['coordinator', 'handler'];

/** Handling steps are the item's procedure without the window's intake steps. */
export function handlingSteps(procedure: readonly ProcedureStep[]): ProcedureStep[] {
  return procedure.filter((s) => s.role !== 'receiver');
}

/** The index of the sign-off step: the last step when a signer holds it, else past the end. */
export function signIndex(steps: readonly ProcedureStep[]): number {
  const last = steps[steps.length - 1];
  return last && SIGNERS.has(last.role) ? steps.length - 1 : steps.length;
}

/** Who signs: the last step's role, chiefRep by default. A leader may always sign for a chiefRep. */
export function signerRole(steps: readonly ProcedureStep[]): 'chiefRep' | 'leader' {
  const last = steps[steps.length - 1];
  return last?.role === 'leader' ? 'leader' : 'chiefRep';
}

// ---- who -----------------------------------------------------------------------------

const inDept = (c: CaseFacts, a: ActorFacts) => a.departmentId === c.departmentId;
const atWindow = (c: CaseFacts, a: ActorFacts) => a.role === 'receiver' && a.centerId === c.centerId;
const isApplicant = (c: CaseFacts, a: ActorFacts) => a.role === 'applicant' && c.applicantUserId === a.id;
const deptRole = (roles: readonly Role[]) => (c: CaseFacts, a: ActorFacts) => roles.includes(a.role) && inDept(c, a);

/** The person who holds the current step: the assignee for handler steps, the role otherwise. */
function holdsStep(c: CaseFacts, a: ActorFacts): boolean {
  const step = c.steps[c.stepIndex];
  if (!step || !inDept(c, a)) return false;
  if (step.role === 'handler') return c.assigneeId === a.id || (c.assigneeId === null && a.role === 'coordinator');
  if (step.role === 'coordinator') return a.role === 'coordinator';
  return a.role === step.role || (step.role === 'chiefRep' && a.role === 'leader');
}

function maySign(c: CaseFacts, a: ActorFacts): boolean {
  if (c.kind === 'immediate' && c.state === 'accepted') return atWindow(c, a) || deptRole(['coordinator', 'chiefRep', 'leader'])(c, a);
  if (!inDept(c, a)) return false;
  return signerRole(c.steps) === 'leader' ? a.role === 'leader' : SIGNERS.has(a.role);
}

// ---- guards ----------------------------------------------------------------------------

const refuse = (status: Refusal['status'], code: string, message: string, messageZh: string): Refusal => ({ status, code, message, messageZh });

const atSignStep = (c: CaseFacts) =>
  c.kind === 'immediate' && c.state === 'accepted'
    ? null
    : c.stepIndex >= signIndex(c.steps) ? null : refuse(409, 'steps_pending', 'Earlier handling steps are not complete', '前序办理环节尚未完成，不能作出决定');

const beforeSignStep = (c: CaseFacts) =>
  c.stepIndex < signIndex(c.steps) ? null : refuse(409, 'no_step', 'All steps are done: the signer decides now', '办理环节已全部完成，请签批人作出决定');

const noOwed = (c: CaseFacts) =>
  c.owedCount === 0 ? null : refuse(422, 'materials_owed', 'Owed materials (容缺) must arrive before delivery', '容缺材料尚未补齐，不能送达办理结果');

// ---- the table -------------------------------------------------------------------------

export interface Transition {
  from: readonly CaseState[];
  /** Next state; 'same' keeps it. */
  to: CaseState | 'same' | ((c: CaseFacts) => CaseState);
  who: (c: CaseFacts, a: ActorFacts) => boolean;
  guard?: (c: CaseFacts) => Refusal | null;
}

const OPEN_HANDLING: readonly CaseState[] = ['accepted', 'inProgress'];

export const TRANSITIONS: Record<CaseAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', who: atWindow },
  notifySupplement: { from: ['submitted'], to: 'awaitingSupplement', who: atWindow },
  supply: {
    from: ['awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady'],
    to: (c) => (c.state === 'awaitingSupplement' ? 'submitted' : c.state),
    who: (c, a) => isApplicant(c, a) || atWindow(c, a),
    guard: (c) => (c.state === 'awaitingSupplement' || c.owedCount > 0 ? null : refuse(409, 'nothing_owed', 'Nothing is owed on this case', '该办件没有待补材料')),
  },
  acceptConditional: {
    from: ['submitted'], to: 'accepted', who: atWindow,
    guard: (c) => (c.conditionalAllowed ? null : refuse(422, 'conditional_not_allowed', 'This item does not allow conditional acceptance', '该事项不适用容缺受理')),
  },
  return: { from: ['submitted', 'awaitingSupplement'], to: 'returned', who: atWindow },
  refuse: { from: ['submitted', 'awaitingSupplement'], to: 'refused', who: atWindow },
  assign: { from: OPEN_HANDLING, to: 'inProgress', who: deptRole(['coordinator']) },
  handOver: {
    from: ['inProgress'], to: 'same',
    who: (c, a) => inDept(c, a) && (c.assigneeId === a.id || a.role === 'coordinator'),
    guard: (c) => (c.steps[c.stepIndex]?.role === 'handler' ? null : refuse(409, 'not_handler_step', 'Only a handler step can be handed over', '当前环节不是承办环节，不能移交')),
  },
  completeStep: { from: OPEN_HANDLING, to: 'inProgress', who: holdsStep, guard: beforeSignStep },
  suspend: { from: ['inProgress'], to: 'suspended', who: deptRole(DEPT_HANDLERS) },
  resume: { from: ['suspended'], to: 'inProgress', who: deptRole(DEPT_HANDLERS) },
  requestExtension: {
    from: ['inProgress', 'suspended'], to: 'same', who: deptRole(DEPT_HANDLERS),
    guard: (c) => (c.hasPendingExtension ? refuse(409, 'extension_pending', 'An extension request is already pending', '已有待审批的延期申请') : null),
  },
  approveExtension: {
    from: ['inProgress', 'suspended'], to: 'same', who: deptRole(['leader']),
    guard: (c) => (c.hasPendingExtension ? null : refuse(409, 'no_extension_request', 'No extension request is pending', '没有待审批的延期申请')),
  },
  rejectExtension: {
    from: ['inProgress', 'suspended'], to: 'same', who: deptRole(['leader']),
    guard: (c) => (c.hasPendingExtension ? null : refuse(409, 'no_extension_request', 'No extension request is pending', '没有待审批的延期申请')),
  },
  decide: {
    from: ['accepted', 'inProgress'], to: 'decided', who: maySign,
    guard: (c) => (c.kind !== 'immediate' && c.state === 'accepted' ? refuse(409, 'steps_pending', 'The case has not been handled yet', '办件尚未办理，不能作出决定') : atSignStep(c)),
  },
  markResultReady: { from: ['decided'], to: 'resultReady', who: (c, a) => atWindow(c, a) || deptRole(DEPT_HANDLERS)(c, a) },
  deliver: { from: ['resultReady'], to: 'delivered', who: (c, a) => atWindow(c, a) || deptRole(['coordinator'])(c, a), guard: noOwed },
  complete: { from: ['delivered'], to: 'completed', who: (c, a) => atWindow(c, a) || deptRole(['coordinator'])(c, a) },
  withdraw: { from: ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp'], to: 'withdrawn', who: (c, a) => isApplicant(c, a) || atWindow(c, a) },
  // 上报件: after its own first review the department files upward; the clock waits for the reply.
  reportUp: {
    from: ['inProgress'], to: 'reportedUp', who: deptRole(['coordinator', 'chiefRep', 'leader']),
    guard: (c) => (c.kind === 'reportUp' ? null : refuse(409, 'not_report_up', 'Only report-up items are filed upward', '仅上报件可上报上级机关')),
  },
  recordReply: { from: ['reportedUp'], to: 'inProgress', who: deptRole(['coordinator', 'chiefRep', 'leader']) },
};

export type Check = { ok: true; to: CaseState } | { ok: false; refusal: Refusal };

/** Checks one action: state first (409), then who (403), then guards. */
export function checkTransition(action: CaseAction, c: CaseFacts, a: ActorFacts): Check {
  const t = TRANSITIONS[action];
  if (!t.from.includes(c.state)) {
    return { ok: false, refusal: refuse(409, 'invalid_transition', `Cannot ${action} a case that is ${c.state}`, `办件当前状态不能执行“${action}”操作`) };
  }
  if (!t.who(c, a)) return { ok: false, refusal: refuse(403, 'forbidden', 'Your role or scope may not do this on this case', '您的岗位或权限范围不能对该办件执行此操作') };
  const g = t.guard?.(c);
  if (g) return { ok: false, refusal: g };
  const to = t.to === 'same' ? c.state : typeof t.to === 'function' ? t.to(c) : t.to;
  return { ok: true, to };
}

/** The actions this user may take now — the UI shows exactly these buttons. */
export function allowedActions(c: CaseFacts, a: ActorFacts): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((action) => checkTransition(action, c, a).ok);
}
