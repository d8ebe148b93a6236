/**
 * The case state machine (domain §4) as one explicit table: action → allowed states,
 * who may act, guards, and the next state. Pure: no I/O. The service applies the effects;
 * `allowedActions` answers "which buttons does this user see" from the same table.
 */
import type { Role } from '../core/auth/roles.js';
import type { ProcedureStep } from '../catalog/types.js';
import type { CaseAction, CaseState, PartStatus } from './types.js';

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
  /** Green channel (绿色通道): the case is a key project. */
  keyProject?: boolean;
  /** 绿色通道: the staff member the center appointed to act for the applicant. */
  greenCoordinatorId?: string | null;
  /** Joint cases (联办), once accepted: the participants' parts. */
  joint?: JointFacts;
  /** Fees (src/fees): the item makes delivery wait for payment, and the payment notice is missing or not paid in full. */
  paymentDue?: boolean;
  /** 一件事 (src/things): the results of the case's bundle go out together, and these of its items are still running. */
  deliveryHeldBy?: readonly string[];
}

export interface PartFacts {
  departmentId: string;
  status: PartStatus;
  assigneeId: string | null;
}

export interface JointFacts {
  parts: readonly PartFacts[];
  /** Lead + participants. */
  departmentCount: number;
  /** A joint review meeting was called and its result is not recorded yet. */
  meetingOpen: boolean;
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

/** 联办: the lead decides only when every participant has an opinion or was deemed to agree. */
function jointSettled(c: CaseFacts): Refusal | null {
  const parts = c.joint?.parts ?? [];
  if (parts.some((p) => p.status === 'escalated')) {
    return refuse(409, 'joint_part_escalated', 'A participant let its sub-limit pass and was escalated: its opinion is still required', '有联办部门逾期未出具意见（已上报督办），须待其出具意见后方可作出决定');
  }
  if (parts.some((p) => p.status === 'pending')) {
    return refuse(409, 'joint_opinions_pending', 'Participant departments have not all given their opinions', '联办部门意见尚未全部出具，不能作出决定');
  }
  return null;
}

/** The participant part of the actor's department, if the case is joint and they take part. */
const partOf = (c: CaseFacts, a: ActorFacts) => c.joint?.parts.find((p) => p.departmentId === a.departmentId) ?? null;

/** A part that answered or was deemed to agree is closed: its department acts no more. */
function partOpen(c: CaseFacts, a: ActorFacts): Refusal | null {
  const p = partOf(c, a);
  if (p?.status === 'answered') return refuse(409, 'opinion_given', 'Your department has given its opinion', '本部门已出具联办意见');
  if (p?.status === 'deemed') return refuse(409, 'part_deemed', 'Your department’s sub-limit passed and it was deemed to agree', '本部门已逾期，按缺席默认视为同意');
  return null;
}

const noOwed = (c: CaseFacts) =>
  c.owedCount === 0 ? null : refuse(422, 'materials_owed', 'Owed materials (容缺) must arrive before delivery', '容缺材料尚未补齐，不能送达办理结果');

const deliverable = (c: CaseFacts) => noOwed(c)
  ?? (c.paymentDue ? refuse(409, 'payment_pending', 'The fee of the payment notice is not paid yet: the result waits for payment', '缴款通知书所列费用尚未缴清，办理结果须缴款后送达') : null)
  ?? (c.deliveryHeldBy?.length ? refuse(409, 'bundle_delivery_held', `The results of the bundle are delivered together: ${c.deliveryHeldBy.length} item(s) still running`,
    `一件事的结果一并送达：${c.deliveryHeldBy.map((n) => `“${n}”`).join('、')}尚未办结`) : null);

// ---- the table -------------------------------------------------------------------------

export interface Transition {
  from: readonly CaseState[];
  /** Next state; 'same' keeps it. */
  to: CaseState | 'same' | ((c: CaseFacts) => CaseState);
  who: (c: CaseFacts, a: ActorFacts) => boolean;
  guard?: (c: CaseFacts, a: ActorFacts) => Refusal | null;
}

const OPEN_HANDLING: readonly CaseState[] = ['accepted', 'inProgress'];
/**
 * Participants work while the lead handles the case: a special procedure or a report-up
 * wait of the lead pauses their clocks (see joint/parts.ts) but does not stop their work.
 */
export const JOINT_HANDLING: readonly CaseState[] = ['accepted', 'inProgress', 'suspended', 'reportedUp'];
const LEAD_MANAGERS = deptRole(['coordinator', 'chiefRep', 'leader']);
const PART_SIGNERS: readonly Role[] = ['coordinator', 'chiefRep', 'leader'];
/**
 * 联审会议: the lead department's managers, or the center itself (seed 001: 「由责任主体单位牵头
 * 或由政务服务中心组织召开联席会议」) — the center's management office (centerAdmin) of the
 * case's own center. 监察 (supervisor) watches approvals and does not run them.
 */
const centerOfCase = (c: CaseFacts, a: ActorFacts) => a.role === 'centerAdmin' && a.centerId !== null && a.centerId === c.centerId;
const MEETING_CALLERS = (c: CaseFacts, a: ActorFacts) => LEAD_MANAGERS(c, a) || centerOfCase(c, a);

export const TRANSITIONS: Record<CaseAction, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', who: atWindow },
  notifySupplement: { from: ['submitted'], to: 'awaitingSupplement', who: atWindow },
  supply: {
    from: ['awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady'],
    to: (c) => (c.state === 'awaitingSupplement' ? 'submitted' : c.state),
    // 绿色通道: the appointed coordinator supplies for the applicant (全程代办).
    who: (c, a) => isApplicant(c, a) || atWindow(c, a) || (!!c.greenCoordinatorId && c.greenCoordinatorId === a.id),
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
    guard: (c) => (c.kind !== 'immediate' && c.state === 'accepted' ? refuse(409, 'steps_pending', 'The case has not been handled yet', '办件尚未办理，不能作出决定') : jointSettled(c) ?? atSignStep(c)),
  },
  markResultReady: { from: ['decided'], to: 'resultReady', who: (c, a) => atWindow(c, a) || deptRole(DEPT_HANDLERS)(c, a) },
  deliver: { from: ['resultReady'], to: 'delivered', who: (c, a) => atWindow(c, a) || deptRole(['coordinator'])(c, a), guard: deliverable },
  complete: { from: ['delivered'], to: 'completed', who: (c, a) => atWindow(c, a) || deptRole(['coordinator'])(c, a) },
  withdraw: { from: ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp'], to: 'withdrawn', who: (c, a) => isApplicant(c, a) || atWindow(c, a) },
  // 上报件: after its own first review the department files upward; the clock waits for the reply.
  reportUp: {
    from: ['inProgress'], to: 'reportedUp', who: deptRole(['coordinator', 'chiefRep', 'leader']),
    guard: (c) => (c.kind === 'reportUp' ? null : refuse(409, 'not_report_up', 'Only report-up items are filed upward', '仅上报件可上报上级机关')),
  },
  recordReply: { from: ['reportedUp'], to: 'inProgress', who: deptRole(['coordinator', 'chiefRep', 'leader']) },
  // ---- 联办: each participant department works its own part, in parallel with the lead.
  assignPart: { from: JOINT_HANDLING, to: 'same', who: (c, a) => a.role === 'coordinator' && !!partOf(c, a), guard: partOpen },
  giveOpinion: {
    from: JOINT_HANDLING, to: 'same', guard: partOpen,
    who: (c, a) => {
      const p = partOf(c, a);
      return !!p && (PART_SIGNERS.includes(a.role) || (a.role === 'handler' && p.assigneeId === a.id));
    },
  },
  // 联审会议: items with three or more departments, or key projects; called by the lead or the center.
  callMeeting: {
    from: JOINT_HANDLING, to: 'same', who: MEETING_CALLERS,
    guard: (c) => {
      if (!c.joint || (c.joint.departmentCount < 3 && !c.keyProject)) return refuse(409, 'meeting_not_allowed', 'Only joint cases with three or more departments, or key projects, call a review meeting', '仅涉及三个以上部门的联办件或重点项目可召开联审会议');
      return c.joint.meetingOpen ? refuse(409, 'meeting_open', 'A review meeting is already called and not yet recorded', '已召集联审会议，尚未登记会议结果') : null;
    },
  },
  recordMeeting: {
    from: JOINT_HANDLING, to: 'same', who: MEETING_CALLERS,
    guard: (c) => (c.joint?.meetingOpen ? null : refuse(409, 'no_meeting', 'No review meeting is waiting for its record', '没有待登记结果的联审会议')),
  },
  // ---- 绿色通道: the center appoints a staff member who acts for the applicant throughout.
  appointCoordinator: {
    from: ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady'], to: 'same',
    who: (c, a) => a.role === 'centerAdmin' && a.centerId === c.centerId,
    guard: (c) => (c.keyProject ? null : refuse(409, 'not_key_project', 'Only key projects (green channel) get an appointed coordinator', '仅重点项目（绿色通道）可指定全程代办人')),
  },
};

export type Check = { ok: true; to: CaseState } | { ok: false; refusal: Refusal };

/** Checks one action: state first (409), then who (403), then guards. */
export function checkTransition(action: CaseAction, c: CaseFacts, a: ActorFacts): Check {
  const t = TRANSITIONS[action];
  if (!t.from.includes(c.state)) {
    return { ok: false, refusal: refuse(409, 'invalid_transition', `Cannot ${action} a case that is ${c.state}`, `办件当前状态不能执行“${action}”操作`) };
  }
  if (!t.who(c, a)) return { ok: false, refusal: refuse(403, 'forbidden', 'Your role or scope may not do this on this case', '您的岗位或权限范围不能对该办件执行此操作') };
  const g = t.guard?.(c, a);
  if (g) return { ok: false, refusal: g };
  const to = t.to === 'same' ? c.state : typeof t.to === 'function' ? t.to(c) : t.to;
  return { ok: true, to };
}

/**
 * Whether this actor may take the action on this case at all (role, scope, ownership), whatever
 * its state: asked first, so a non-owner learns nothing of the case's state or version (403
 * before any 409).
 */
export function mayAct(action: CaseAction, c: CaseFacts, a: ActorFacts): boolean {
  return TRANSITIONS[action].who(c, a);
}

/** The actions this user may take now — the UI shows exactly these buttons. */
export function allowedActions(c: CaseFacts, a: ActorFacts): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((action) => checkTransition(action, c, a).ok);
}
