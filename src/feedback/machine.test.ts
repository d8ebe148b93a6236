import { describe, expect, it } from 'vitest';
import {
  checkComplaint, checkEvaluation, complaintActions, COMPLAINT_ACTIONS, COMPLAINT_STATES, EVALUATION_ACTIONS, EVALUATION_STATES, evaluationActions,
  initialEvaluationState, type Actor, type ComplaintAction, type ComplaintState, type EvaluationAction, type EvaluationState,
} from './machine.js';

const C = 'center-1', D = 'dept-1';
const coord: Actor = { id: 'u1', role: 'coordinator', centerId: C, departmentId: D };
const otherCoord: Actor = { id: 'u2', role: 'coordinator', centerId: C, departmentId: 'dept-2' };
const handler: Actor = { id: 'u3', role: 'handler', centerId: C, departmentId: D };
const admin: Actor = { id: 'u4', role: 'centerAdmin', centerId: C, departmentId: null };
const otherAdmin: Actor = { id: 'u5', role: 'centerAdmin', centerId: 'center-2', departmentId: null };
const supervisor: Actor = { id: 'u6', role: 'supervisor', centerId: C, departmentId: null };
const receiver: Actor = { id: 'u7', role: 'receiver', centerId: C, departmentId: null };
const applicant: Actor = { id: 'u8', role: 'applicant', centerId: null, departmentId: null };

// The expected table, written out independently of the implementation: [from, action] → to.
const EVAL_OK: Partial<Record<`${EvaluationState}:${EvaluationAction}`, EvaluationState>> = {
  'assigned:verify': 'rectifying', 'rectifying:rectify': 'rectified', 'rectified:returnVisit': 'visited',
};
const EVAL_ACTOR: Record<EvaluationAction, Actor> = { verify: coord, rectify: coord, returnVisit: admin };

describe('evaluation machine: every (state, action) pair', () => {
  for (const s of EVALUATION_STATES) {
    for (const a of EVALUATION_ACTIONS) {
      const want = EVAL_OK[`${s}:${a}`];
      it(`${s} × ${a} → ${want ?? '409'}`, () => {
        const r = checkEvaluation(a, { state: s, centerId: C, departmentId: D }, EVAL_ACTOR[a], { finding: 'substantiated' });
        if (want) expect(r).toEqual({ ok: true, to: want });
        else expect(r).toMatchObject({ ok: false, refusal: { status: 409, code: 'invalid_transition' } });
      });
    }
  }
  it('a bad review starts assigned, a good one rated', () => {
    expect(initialEvaluationState(true)).toBe('assigned');
    expect(initialEvaluationState(false)).toBe('rated');
  });
  it('verify: unfounded is marked unfounded; no finding is 422', () => {
    expect(checkEvaluation('verify', { state: 'assigned', centerId: C, departmentId: D }, coord, { finding: 'unfounded' })).toEqual({ ok: true, to: 'unfounded' });
    expect(checkEvaluation('verify', { state: 'assigned', centerId: C, departmentId: D }, coord, {})).toMatchObject({ ok: false, refusal: { status: 422, code: 'finding_required' } });
  });
  it('who: the department’s managers verify and rectify; handlers, other departments and the office do not', () => {
    const e = { state: 'assigned' as const, centerId: C, departmentId: D };
    for (const a of [handler, otherCoord, admin, supervisor, receiver, applicant]) expect(checkEvaluation('verify', e, a, { finding: 'substantiated' })).toMatchObject({ ok: false, refusal: { status: 403 } });
    for (const role of ['coordinator', 'chiefRep', 'leader'] as const) expect(checkEvaluation('rectify', { ...e, state: 'rectifying' }, { ...coord, role }).ok).toBe(true);
  });
  it('who: the center’s office makes the return visit, not the department rated nor another center', () => {
    const e = { state: 'rectified' as const, centerId: C, departmentId: D };
    expect(checkEvaluation('returnVisit', e, supervisor).ok).toBe(true);
    for (const a of [coord, otherAdmin, receiver]) expect(checkEvaluation('returnVisit', e, a)).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
  it('buttons come from the same table', () => {
    expect(evaluationActions({ state: 'assigned', centerId: C, departmentId: D }, coord)).toEqual(['verify']);
    expect(evaluationActions({ state: 'rectified', centerId: C, departmentId: D }, coord)).toEqual([]);
    expect(evaluationActions({ state: 'rectified', centerId: C, departmentId: D }, admin)).toEqual(['returnVisit']);
  });
});

const COMP_OK: Partial<Record<`${ComplaintState}:${ComplaintAction}`, ComplaintState>> = {
  'received:accept': 'handling', 'received:exclude': 'excluded', 'handling:handOver': 'handling', 'handling:extend': 'handling', 'handling:resolve': 'resolved',
};

describe('complaint machine: every (state, action) pair', () => {
  for (const s of COMPLAINT_STATES) {
    for (const a of COMPLAINT_ACTIONS) {
      const want = COMP_OK[`${s}:${a}`];
      it(`${s} × ${a} → ${want ?? '409'}`, () => {
        const r = checkComplaint(a, { state: s, centerId: C, handlerDepartmentId: D, extended: false }, admin);
        if (want) expect(r).toEqual({ ok: true, to: want });
        else expect(r).toMatchObject({ ok: false, refusal: { status: 409, code: 'invalid_transition' } });
      });
    }
  }
  it('extends once only', () => {
    expect(checkComplaint('extend', { state: 'handling', centerId: C, handlerDepartmentId: D, extended: true }, admin)).toMatchObject({ ok: false, refusal: { status: 409, code: 'already_extended' } });
  });
  it('who: the office accepts or excludes; the handling unit’s managers hand over, extend and resolve', () => {
    const received = { state: 'received' as const, centerId: C, handlerDepartmentId: null, extended: false };
    expect(checkComplaint('accept', received, supervisor).ok).toBe(true);
    for (const a of [coord, otherAdmin, receiver, applicant]) expect(checkComplaint('accept', received, a)).toMatchObject({ ok: false, refusal: { status: 403 } });
    const handling = { state: 'handling' as const, centerId: C, handlerDepartmentId: D, extended: false };
    expect(complaintActions(handling, coord)).toEqual(['handOver', 'extend', 'resolve']);
    expect(complaintActions(handling, otherCoord)).toEqual([]);
    expect(complaintActions(handling, handler)).toEqual([]);
    expect(complaintActions({ ...handling, handlerDepartmentId: null }, coord)).toEqual([]);
  });
});
