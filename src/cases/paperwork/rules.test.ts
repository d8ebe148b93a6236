import { describe, expect, it } from 'vitest';
import type { ProcedureStep } from '../../catalog/types.js';
import { controlSteps, hasSeveralSteps, localTime, routeRows, type RouteEvent } from './rules.js';

const STEPS: ProcedureStep[] = [{ name: '分办', role: 'coordinator' }, { name: '审核', role: 'handler', workingDays: 3 }, { name: '复核', role: 'coordinator' }, { name: '签批', role: 'chiefRep' }];
const LABELS = { receiver: '受理人（窗口）', coordinator: '全程办事人', handler: '具体办理人', chiefRep: '首席代表', applicant: '申请人' };
const people = new Map([['w', { name: '窗口甲', roleLabel: '受理人（窗口）' }], ['c', { name: '协调乙', roleLabel: '全程办事人' }], ['h', { name: '承办丙', roleLabel: '具体办理人' }], ['h2', { name: '承办丁', roleLabel: '具体办理人' }], ['k', { name: '首席戊', roleLabel: '首席代表' }]]);
const e = (seq: number, at: string, actorId: string | null, actorRole: string, action: string, data: Record<string, unknown> = {}): RouteEvent => ({ seq, at, actorId, actorRole, action, data });
const EVENTS = [
  e(1, '2026-03-05T01:00:00Z', 'w', 'receiver', 'submit', { channel: 'window' }),
  e(2, '2026-03-05T01:05:00Z', 'w', 'receiver', 'accept'),
  e(3, '2026-03-05T02:00:00Z', 'c', 'coordinator', 'assign', { to: { id: 'h', name: '承办丙' }, step: '分办' }),
  e(4, '2026-03-06T02:00:00Z', 'h', 'handler', 'handOver', { from: 'h', to: { id: 'h2', name: '承办丁' }, note: '外出' }),
  e(5, '2026-03-06T03:00:00Z', 'h2', 'handler', 'notifySupplement'),
  e(6, '2026-03-09T02:00:00Z', 'h2', 'handler', 'completeStep', { step: '审核', opinion: '同意' }),
  e(7, '2026-03-10T02:00:00Z', 'c', 'coordinator', 'completeStep', { step: '复核', opinion: '无误' }),
  e(8, '2026-03-10T06:00:00Z', 'k', 'chiefRep', 'decide', { outcome: 'approved' }),
];

describe('routeRows', () => {
  it('one row per hand-over, in order, each signed with who, when (center zone) and opinion', () => {
    const rows = routeRows(EVENTS, people, STEPS, { department: '某局', applicant: '申请人甲', timeZone: 'Asia/Shanghai', roleLabels: LABELS });
    expect(rows.map((r) => [r.action, r.from, r.to, r.by, r.at, r.opinion])).toEqual([
      ['提交申请', '申请人甲', '窗口', '窗口甲（受理人（窗口））', '2026-03-05 09:00', ''],
      ['受理', '窗口', '某局', '窗口甲（受理人（窗口））', '2026-03-05 09:05', ''],
      ['分办', '某局', '承办丙', '协调乙（全程办事人）', '2026-03-05 10:00', ''],
      ['移交', '承办丙', '承办丁', '承办丙（具体办理人）', '2026-03-06 10:00', '外出'],
      ['完成本环节', '承办丁', '复核（全程办事人）', '承办丁（具体办理人）', '2026-03-09 10:00', '同意'],
      ['完成本环节', '复核（全程办事人）', '签批（首席代表）', '协调乙（全程办事人）', '2026-03-10 10:00', '无误'],
      ['作出决定', '签批（首席代表）', '窗口（送达）', '首席戊（首席代表）', '2026-03-10 14:00', ''],
    ]);
  });
});

describe('controlSteps', () => {
  it('each step with who completed it, when, the opinion and its defects', () => {
    const steps = controlSteps(STEPS, EVENTS, people, [{ stepIndex: 1, materialName: '申请书', defect: '未签字', correction: '补签', by: '承办丙', at: '2026-03-06 09:00' }], 'Asia/Shanghai', LABELS);
    expect(steps.map((s) => [s.name, s.doneBy, s.doneAt, s.opinion, s.defects.length])).toEqual([
      ['分办', '协调乙（全程办事人）', '2026-03-05 10:00', '', 0],
      ['审核', '承办丁（具体办理人）', '2026-03-09 10:00', '同意', 1],
      ['复核', '协调乙（全程办事人）', '2026-03-10 10:00', '无误', 0],
      ['签批', '首席戊（首席代表）', '2026-03-10 14:00', '准予许可', 0],
    ]);
  });
  it('steps not yet done have no signer', () => {
    expect(controlSteps(STEPS, EVENTS.slice(0, 3), people, [], 'Asia/Shanghai', LABELS).map((s) => s.doneBy)).toEqual(['协调乙（全程办事人）', undefined, undefined, undefined]);
  });
  it('several steps means three or more', () => {
    expect(hasSeveralSteps(STEPS)).toBe(true);
    expect(hasSeveralSteps(STEPS.slice(0, 2))).toBe(false);
  });
  it('localTime is the center’s wall clock', () => expect(localTime('2026-03-05T16:30:00Z', 'Asia/Shanghai')).toBe('2026-03-06 00:30'));
});
