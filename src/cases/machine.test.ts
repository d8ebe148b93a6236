import { describe, expect, it } from 'vitest';
import { allowedActions, checkTransition, handlingSteps, signIndex, type ActorFacts, type CaseFacts, type PartFacts } from './machine.js';
import { CASE_ACTIONS, CASE_STATES, type CaseAction, type CaseState } from './types.js';
import type { ProcedureStep } from '../catalog/types.js';

const PROCEDURE: ProcedureStep[] = [
  { name: '窗口受理', role: 'receiver' }, { name: '分办', role: 'coordinator' }, { name: '审查', role: 'handler' },
  { name: '复核', role: 'coordinator' }, { name: '签批', role: 'chiefRep' },
];
const STEPS = handlingSteps(PROCEDURE);
const CENTER = 'center-1';
const DEPT = 'dept-1';

const base = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  state: 'submitted', kind: 'promised', centerId: CENTER, departmentId: DEPT, applicantUserId: 'app-1', assigneeId: 'handler-1',
  coordinatorId: 'coord-1', steps: STEPS, stepIndex: 1, hasPendingExtension: false, owedCount: 0, conditionalAllowed: true, ...over,
});

const actor = (role: ActorFacts['role'], id = `${role}-1`, departmentId: string | null = DEPT, centerId: string | null = CENTER): ActorFacts => ({ id, role, centerId, departmentId });
const receiver = actor('receiver', 'receiver-1', null);
const applicant = actor('applicant', 'app-1', null, null);

/** Hand-written: in which states each action is allowed at all (domain §4). */
const EXPECTED_FROM: Record<CaseAction, CaseState[]> = {
  accept: ['submitted'],
  notifySupplement: ['submitted'],
  supply: ['awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady'],
  acceptConditional: ['submitted'],
  return: ['submitted', 'awaitingSupplement'],
  refuse: ['submitted', 'awaitingSupplement'],
  assign: ['accepted', 'inProgress'],
  handOver: ['inProgress'],
  completeStep: ['accepted', 'inProgress'],
  suspend: ['inProgress'],
  resume: ['suspended'],
  requestExtension: ['inProgress', 'suspended'],
  approveExtension: ['inProgress', 'suspended'],
  rejectExtension: ['inProgress', 'suspended'],
  decide: ['accepted', 'inProgress'],
  markResultReady: ['decided'],
  deliver: ['resultReady'],
  complete: ['delivered'],
  withdraw: ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp'],
  reportUp: ['inProgress'],
  recordReply: ['reportedUp'],
  assignPart: ['accepted', 'inProgress', 'suspended', 'reportedUp'],
  giveOpinion: ['accepted', 'inProgress', 'suspended', 'reportedUp'],
  callMeeting: ['accepted', 'inProgress', 'suspended', 'reportedUp'],
  recordMeeting: ['accepted', 'inProgress', 'suspended', 'reportedUp'],
  appointCoordinator: ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady'],
};

describe('case transition table: every (state, action) pair', () => {
  for (const action of CASE_ACTIONS) {
    for (const state of CASE_STATES) {
      const allowed = EXPECTED_FROM[action].includes(state);
      it(`${action} in ${state} → ${allowed ? 'passes the state check' : '409 invalid_transition'}`, () => {
        // Try every kind of actor: the state check comes first, so a wrong state is 409 for anyone.
        const actors = [receiver, applicant, actor('coordinator', 'coord-1'), actor('handler', 'handler-1'), actor('chiefRep'), actor('leader')];
        const results = actors.map((a) => checkTransition(action, base({ state, hasPendingExtension: true, owedCount: 1 }), a));
        if (!allowed) {
          for (const r of results) expect(r).toMatchObject({ ok: false, refusal: { status: 409, code: 'invalid_transition' } });
        } else {
          expect(results.some((r) => r.ok || r.refusal.code !== 'invalid_transition')).toBe(true);
        }
      });
    }
  }
});

describe('who may act', () => {
  it('only window staff of the case’s center accept, notify, refuse and return', () => {
    for (const a of ['accept', 'notifySupplement', 'refuse', 'return', 'acceptConditional'] as const) {
      expect(checkTransition(a, base(), receiver).ok).toBe(true);
      expect(checkTransition(a, base(), actor('receiver', 'r2', null, 'other-center'))).toMatchObject({ ok: false, refusal: { status: 403 } });
      expect(checkTransition(a, base(), actor('coordinator'))).toMatchObject({ ok: false, refusal: { status: 403 } });
      expect(checkTransition(a, base(), applicant)).toMatchObject({ ok: false, refusal: { status: 403 } });
    }
  });

  it('the applicant supplies and withdraws only their own case', () => {
    const awaiting = base({ state: 'awaitingSupplement' });
    expect(checkTransition('supply', awaiting, applicant)).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('supply', awaiting, actor('applicant', 'someone-else', null, null))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('withdraw', base(), applicant)).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('the coordinator of the department assigns; another department’s may not', () => {
    const accepted = base({ state: 'accepted', stepIndex: 0 });
    expect(checkTransition('assign', accepted, actor('coordinator', 'coord-1'))).toEqual({ ok: true, to: 'inProgress' });
    expect(checkTransition('assign', accepted, actor('coordinator', 'c9', 'dept-9'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('assign', accepted, actor('handler'))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });

  it('only the assignee completes a handler step', () => {
    const c = base({ state: 'inProgress', stepIndex: 1, assigneeId: 'handler-1' });
    expect(checkTransition('completeStep', c, actor('handler', 'handler-1')).ok).toBe(true);
    expect(checkTransition('completeStep', c, actor('handler', 'handler-2'))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });

  it('the signer decides only at the sign-off step; a leader may sign for a chief representative', () => {
    const early = base({ state: 'inProgress', stepIndex: 2 });
    expect(checkTransition('decide', early, actor('chiefRep'))).toMatchObject({ ok: false, refusal: { code: 'steps_pending' } });
    const atSign = base({ state: 'inProgress', stepIndex: signIndex(STEPS) });
    expect(checkTransition('decide', atSign, actor('chiefRep'))).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition('decide', atSign, actor('leader'))).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition('decide', atSign, actor('handler'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    const leaderSigns = handlingSteps([...PROCEDURE.slice(0, 4), { name: '签发', role: 'leader' }]);
    expect(checkTransition('decide', base({ state: 'inProgress', steps: leaderSigns, stepIndex: 3 }), actor('chiefRep'))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });

  it('an immediate case is decided at the window right after acceptance; a promised one is not', () => {
    expect(checkTransition('decide', base({ state: 'accepted', kind: 'immediate', stepIndex: 0 }), receiver)).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition('decide', base({ state: 'accepted', kind: 'promised', stepIndex: 0 }), receiver)).toMatchObject({ ok: false });
  });

  it('only a leader of the department approves an extension, and only one is pending at a time', () => {
    const pending = base({ state: 'inProgress', hasPendingExtension: true });
    expect(checkTransition('approveExtension', pending, actor('leader')).ok).toBe(true);
    expect(checkTransition('approveExtension', pending, actor('chiefRep'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('requestExtension', pending, actor('handler'))).toMatchObject({ ok: false, refusal: { code: 'extension_pending' } });
    expect(checkTransition('approveExtension', base({ state: 'inProgress' }), actor('leader'))).toMatchObject({ ok: false, refusal: { code: 'no_extension_request' } });
  });

  it('refuses delivery while conditional-acceptance materials are owed', () => {
    expect(checkTransition('deliver', base({ state: 'resultReady', owedCount: 1 }), receiver)).toMatchObject({ ok: false, refusal: { code: 'materials_owed' } });
    expect(checkTransition('deliver', base({ state: 'resultReady', owedCount: 0 }), receiver).ok).toBe(true);
  });

  it('files upward only report-up cases, and only the department does', () => {
    const c = base({ state: 'inProgress', kind: 'reportUp' });
    expect(checkTransition('reportUp', c, actor('coordinator'))).toEqual({ ok: true, to: 'reportedUp' });
    expect(checkTransition('reportUp', c, actor('handler'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('reportUp', base({ state: 'inProgress' }), actor('coordinator'))).toMatchObject({ ok: false, refusal: { code: 'not_report_up' } });
    expect(checkTransition('recordReply', base({ state: 'reportedUp', kind: 'reportUp' }), actor('coordinator'))).toEqual({ ok: true, to: 'inProgress' });
  });

  it('refuses conditional acceptance where the item does not allow it', () => {
    expect(checkTransition('acceptConditional', base({ conditionalAllowed: false }), receiver)).toMatchObject({ ok: false, refusal: { code: 'conditional_not_allowed' } });
  });

  it('lists exactly the actions a user may take', () => {
    expect(allowedActions(base(), receiver).sort()).toEqual(['accept', 'acceptConditional', 'notifySupplement', 'refuse', 'return', 'withdraw']);
    expect(allowedActions(base(), applicant)).toEqual(['withdraw']);
    expect(allowedActions(base({ state: 'completed' }), receiver)).toEqual([]);
  });
});

describe('joint cases (联办) and the green channel', () => {
  const GA = 'dept-ga', HB = 'dept-hb', ZR = 'dept-zr';
  const part = (departmentId: string, status: PartFacts['status'] = 'pending', assigneeId: string | null = null): PartFacts => ({ departmentId, status, assigneeId });
  const joint = (parts: PartFacts[], over: Partial<CaseFacts> = {}, meetingOpen = false): CaseFacts =>
    base({ state: 'inProgress', kind: 'joint', stepIndex: signIndex(STEPS), joint: { parts, departmentCount: 1 + parts.length, meetingOpen }, ...over });

  it('a participant department gives its opinion once; the lead and strangers may not', () => {
    const c = joint([part(GA), part(HB, 'answered')]);
    expect(checkTransition('giveOpinion', c, actor('coordinator', 'ga-c', GA))).toEqual({ ok: true, to: 'inProgress' });
    expect(checkTransition('giveOpinion', c, actor('chiefRep', 'ga-chief', GA)).ok).toBe(true);
    expect(checkTransition('giveOpinion', c, actor('coordinator', 'hb-c', HB))).toMatchObject({ ok: false, refusal: { status: 409, code: 'opinion_given' } });
    expect(checkTransition('giveOpinion', c, actor('coordinator', 'coord-1'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('giveOpinion', c, actor('coordinator', 'x', 'dept-other'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('giveOpinion', joint([part(GA, 'deemed')]), actor('coordinator', 'ga-c', GA))).toMatchObject({ ok: false, refusal: { code: 'part_deemed' } });
    // An escalated part still owes its opinion.
    expect(checkTransition('giveOpinion', joint([part(GA, 'escalated')]), actor('leader', 'ga-l', GA)).ok).toBe(true);
  });

  it('a participant handler gives the opinion only when the part is assigned to them; the participant coordinator assigns', () => {
    const c = joint([part(GA, 'pending', 'ga-h1')]);
    expect(checkTransition('giveOpinion', c, actor('handler', 'ga-h1', GA)).ok).toBe(true);
    expect(checkTransition('giveOpinion', c, actor('handler', 'ga-h2', GA))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('assignPart', c, actor('coordinator', 'ga-c', GA)).ok).toBe(true);
    expect(checkTransition('assignPart', c, actor('handler', 'ga-h1', GA))).toMatchObject({ ok: false, refusal: { status: 403 } });
    // Participants do not act on the lead's own steps.
    expect(checkTransition('completeStep', base({ state: 'inProgress', kind: 'joint', joint: { parts: [part(GA)], departmentCount: 2, meetingOpen: false } }), actor('coordinator', 'ga-c', GA))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });

  it('the lead decides only when every part has an opinion or a deemed consent', () => {
    const chief = actor('chiefRep');
    expect(checkTransition('decide', joint([part(GA, 'answered'), part(HB)]), chief)).toMatchObject({ ok: false, refusal: { status: 409, code: 'joint_opinions_pending' } });
    expect(checkTransition('decide', joint([part(GA, 'answered'), part(HB, 'escalated')]), chief)).toMatchObject({ ok: false, refusal: { status: 409, code: 'joint_part_escalated' } });
    expect(checkTransition('decide', joint([part(GA, 'answered'), part(HB, 'deemed')]), chief)).toEqual({ ok: true, to: 'decided' });
    expect(allowedActions(joint([part(GA)]), chief)).not.toContain('decide');
  });

  it('a review meeting needs three departments or a key project, one at a time, called by the lead', () => {
    const lead = actor('coordinator', 'coord-1');
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)]), lead)).toEqual({ ok: true, to: 'inProgress' });
    expect(checkTransition('callMeeting', joint([part(GA)]), lead)).toMatchObject({ ok: false, refusal: { code: 'meeting_not_allowed' } });
    expect(checkTransition('callMeeting', joint([part(GA)], { keyProject: true }), lead).ok).toBe(true);
    expect(checkTransition('callMeeting', base({ state: 'inProgress', keyProject: true }), lead)).toMatchObject({ ok: false, refusal: { code: 'meeting_not_allowed' } });
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)], {}, true), lead)).toMatchObject({ ok: false, refusal: { code: 'meeting_open' } });
    expect(checkTransition('callMeeting', joint([part(GA), part(HB), part(ZR)]), actor('coordinator', 'ga-c', GA))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('recordMeeting', joint([part(GA), part(HB)], {}, true), lead).ok).toBe(true);
    expect(checkTransition('recordMeeting', joint([part(GA), part(HB)]), lead)).toMatchObject({ ok: false, refusal: { code: 'no_meeting' } });
  });

  it('the center (its management office) also calls and records a review meeting — of its own center only (seed 001)', () => {
    const admin = actor('centerAdmin', 'admin-1', null);
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)]), admin)).toEqual({ ok: true, to: 'inProgress' });
    expect(checkTransition('recordMeeting', joint([part(GA), part(HB)], {}, true), admin).ok).toBe(true);
    expect(checkTransition('callMeeting', joint([part(GA)]), admin)).toMatchObject({ ok: false, refusal: { code: 'meeting_not_allowed' } });
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)]), actor('centerAdmin', 'town-admin', null, 'other-center'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)]), actor('supervisor', 'sup-1', null))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('callMeeting', joint([part(GA), part(HB)]), actor('receiver', 'win-1', null))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(allowedActions(joint([part(GA), part(HB)]), admin)).toContain('callMeeting');
  });

  it('the center admin appoints a green-channel coordinator for key projects, who then supplies for the applicant', () => {
    const admin = actor('centerAdmin', 'admin-1', null);
    expect(checkTransition('appointCoordinator', base({ keyProject: true }), admin)).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('appointCoordinator', base({ keyProject: false }), admin)).toMatchObject({ ok: false, refusal: { code: 'not_key_project' } });
    expect(checkTransition('appointCoordinator', base({ keyProject: true }), actor('centerAdmin', 'admin-2', null, 'other-center'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(checkTransition('appointCoordinator', base({ keyProject: true }), actor('coordinator'))).toMatchObject({ ok: false, refusal: { status: 403 } });
    const owed = base({ state: 'inProgress', owedCount: 1, greenCoordinatorId: 'staff-9' });
    expect(checkTransition('supply', owed, actor('receiver', 'staff-9', null, 'other-center')).ok).toBe(true);
    expect(checkTransition('supply', owed, actor('receiver', 'staff-8', null, 'other-center'))).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
});
