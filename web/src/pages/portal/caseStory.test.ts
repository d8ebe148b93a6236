/** The applicant's case in plain words: stage, sentences, the date promised and what to do, per state. */
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../api/cases';
import { caseStory, type StoryInput } from './caseStory';

const M = (materialId: string, extra: Partial<CaseView['materials'][number]> = {}) =>
  ({ materialId, name: materialId, required: 'required', major: true, provided: true, fileId: 'f', owed: false, ...extra }) as CaseView['materials'][number];

function input(c: Partial<StoryInput['c']>, more: Partial<StoryInput> = {}): StoryInput {
  return {
    c: {
      state: 'submitted', outcome: null, department: { id: 'd', name: '民政局' }, step: null, materials: [M('a'), M('b')], events: [],
      clock: { acceptedOn: null, promisedDue: null, statutoryDue: null, usedWorkingDays: null, pausedWorkingDays: null, remainingWorkingDays: null, light: null, paused: false },
      intake: null, pledge: null, allowedActions: [], ...c,
    },
    unpaidFen: 0, rated: false, supplementDays: 30, dayOf: (iso) => iso.slice(0, 10), ...more,
  };
}

describe('caseStory', () => {
  it('submitted: waiting for the staff, answered by the acceptance deadline, nothing to do', () => {
    const s = caseStory(input({ intake: { receivedOn: '2026-04-01', acceptBy: '2026-04-08', light: 'green' } }));
    expect(s.stage).toBe('accept');
    expect(s.now).toEqual({ key: '您的申请已交到{department}，工作人员正在查看材料。', vars: { department: '民政局' } });
    expect(s.by?.date).toBe('2026-04-08');
    expect(s.todo).toEqual([]);
  });

  it('a supplement notice: the named materials, the note, and 30 days from the notice', () => {
    const s = caseStory(input({
      state: 'awaitingSupplement', allowedActions: ['supply', 'withdraw'],
      materials: [M('a'), M('b'), M('shared', { source: 'sharing', provided: false })],
      events: [{ seq: 2, at: '2026-04-01T03:00:00.000Z', action: 'notifySupplement', fromState: 'submitted', toState: 'awaitingSupplement', actor: { id: null, displayName: 'x', role: 'receiver' }, data: { missing: ['b'], note: '请签字' } }],
    }));
    expect(s.todo).toEqual([{ kind: 'supply', materials: [{ materialId: 'b', name: 'b', why: 'asked' }], by: '2026-05-01', note: '请签字' }]);
    expect(s.by?.date).toBe('2026-05-01');
  });

  it('in progress: the promised day; 容缺 owed materials by their own day', () => {
    const clock = { ...input({}).c.clock, promisedDue: '2026-04-30' };
    expect(caseStory(input({ state: 'inProgress', clock, step: { index: 1, name: '入户调查', role: 'handler' } })).by).toEqual({ date: '2026-04-30', text: { key: '承诺办结日' } });
    const owed = caseStory(input({ state: 'accepted', clock, allowedActions: ['supply'], materials: [M('a'), M('b', { owed: true, provided: false })], pledge: { owedBy: '2026-04-15', overdue: false } }));
    expect(owed.todo[0]).toMatchObject({ kind: 'supply', by: '2026-04-15', materials: [{ materialId: 'b', why: 'owed' }] });
    expect(owed.by?.date).toBe('2026-04-15');
  });

  it('result ready: collect, unless a fee is unpaid (pay first)', () => {
    expect(caseStory(input({ state: 'resultReady', outcome: 'approved' })).todo).toEqual([{ kind: 'collect' }]);
    expect(caseStory(input({ state: 'resultReady', outcome: 'approved' }, { unpaidFen: 1000 })).todo).toEqual([{ kind: 'pay', amountFen: 1000 }]);
  });

  it('completed: rate once', () => {
    expect(caseStory(input({ state: 'completed' })).todo).toEqual([{ kind: 'rate' }]);
    expect(caseStory(input({ state: 'completed' }, { rated: true })).todo).toEqual([]);
  });

  it('ended cases say why and what now', () => {
    const ev = (action: string, data: Record<string, unknown>) => [{ seq: 3, at: '2026-04-01T00:00:00Z', action, fromState: null, toState: 'withdrawn' as const, actor: { id: null, displayName: '', role: 'system' }, data }];
    const timedOut = caseStory(input({ state: 'withdrawn', events: ev('withdraw', { reason: 'supplementTimeout' }) }));
    expect(timedOut.stopped).toBe(true);
    expect(timedOut.now.key).toBe('超过 {days} 天没有补交材料，申请已视为撤回。');
    expect(caseStory(input({ state: 'returned', events: ev('return', { redirectTo: '县自然资源局' }) })).next).toEqual({ key: '请向 {to} 申请。', vars: { to: '县自然资源局' } });
    expect(caseStory(input({ state: 'refused', events: ev('refuse', { reasons: '不属于受理范围' }) })).now.vars).toEqual({ why: '不属于受理范围' });
  });
});
