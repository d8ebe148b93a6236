/**
 * The assessment state machines as transition tables (like the case engine's): action →
 * from-states, who may act, next state. Pure: no I/O.
 *
 * Period: draft → computed (compute; recompute stays computed) → frozen → published.
 * Manual lines are added or removed only while computed; a frozen period is never
 * edited in place — a decided appeal adds an adjustment line.
 * Appeal: filed → decided (upheld with a points change, or rejected).
 */
import type { Role } from '../core/auth/roles.js';

export const PERIOD_STATES = ['draft', 'computed', 'frozen', 'published'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
export const PERIOD_STATE_LABELS: Record<PeriodState, string> = { draft: '草稿', computed: '已计算', frozen: '已冻结', published: '已发布' };

export const APPEAL_STATES = ['filed', 'decided'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_STATE_LABELS: Record<AppealState, string> = { filed: '待裁定', decided: '已裁定' };

export interface Refusal { status: number; code: string; message: string; messageZh: string }
interface Rule<S extends string> { from: readonly S[]; to: S; who: readonly Role[] }
export type Check<S> = { ok: true; to: S } | { ok: false; refusal: Refusal };

const ADMIN: readonly Role[] = ['centerAdmin'];

export const PERIOD_ACTIONS = {
  compute: { from: ['draft', 'computed'], to: 'computed', who: ADMIN },
  addManual: { from: ['computed'], to: 'computed', who: ADMIN },
  removeManual: { from: ['computed'], to: 'computed', who: ADMIN },
  freeze: { from: ['computed'], to: 'frozen', who: ADMIN },
  publish: { from: ['frozen'], to: 'published', who: ADMIN },
} as const satisfies Record<string, Rule<PeriodState>>;
export type PeriodAction = keyof typeof PERIOD_ACTIONS;
export const PERIOD_ACTION_LABELS: Record<PeriodAction, string> = { compute: '计算', addManual: '添加人工加减分', removeManual: '删除人工加减分', freeze: '冻结', publish: '发布' };

const SUBJECT_ROLES: readonly Role[] = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'];

export const APPEAL_ACTIONS = {
  file: { from: [], to: 'filed', who: SUBJECT_ROLES },
  decide: { from: ['filed'], to: 'decided', who: ADMIN },
} as const satisfies Record<string, Rule<AppealState>>;

function check<S extends string>(rule: Rule<S>, state: S | null, role: Role, label: string): Check<S> {
  if (!rule.who.includes(role)) return { ok: false, refusal: { status: 403, code: 'forbidden', message: 'You may not do this', messageZh: '无权执行此操作' } };
  if (state !== null && !rule.from.includes(state)) {
    return { ok: false, refusal: { status: 409, code: 'invalid_transition', message: `Cannot ${label} in state ${state}`, messageZh: `当前状态不能执行“${label}”操作` } };
  }
  return { ok: true, to: rule.to };
}

export const checkPeriod = (action: PeriodAction, state: PeriodState, role: Role) => check<PeriodState>(PERIOD_ACTIONS[action], state, role, PERIOD_ACTION_LABELS[action]);
export const allowedPeriodActions = (state: PeriodState, role: Role): PeriodAction[] =>
  (Object.keys(PERIOD_ACTIONS) as PeriodAction[]).filter((a) => checkPeriod(a, state, role).ok);
export const checkAppeal = (action: keyof typeof APPEAL_ACTIONS, state: AppealState | null, role: Role) =>
  check<AppealState>(APPEAL_ACTIONS[action], state, role, action === 'file' ? '申诉' : '裁定');

/** A subject may appeal while the period is published and the window (N working days from publication) is open. */
export function appealOpen(periodState: PeriodState, today: string, appealBy: string | null): boolean {
  return periodState === 'published' && appealBy !== null && today <= appealBy;
}
