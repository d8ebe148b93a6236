/**
 * The two small state machines of the module as transition tables (action → from-states,
 * who may act, next state): staff-change requests and leave requests. `allowed` answers the
 * UI and the service from the same table.
 */
import type { LeaveState, StaffChangeState } from './schema.js';

export type Actor = 'department' | 'center' | 'requester';

interface Transition<S extends string> { from: readonly S[]; by: readonly Actor[]; to: S }

export const STAFF_CHANGE: Record<'approve' | 'reject' | 'withdraw', Transition<StaffChangeState>> = {
  approve: { from: ['submitted'], by: ['center'], to: 'approved' },
  reject: { from: ['submitted'], by: ['center'], to: 'rejected' },
  withdraw: { from: ['submitted'], by: ['department'], to: 'withdrawn' },
};
export type StaffChangeAction = keyof typeof STAFF_CHANGE;

/** 部门审批 then 中心审批; the requester may cancel while it is not decided. */
export const LEAVE: Record<'deptApprove' | 'approve' | 'reject' | 'cancel', Transition<LeaveState>> = {
  deptApprove: { from: ['submitted'], by: ['department'], to: 'deptApproved' },
  approve: { from: ['deptApproved'], by: ['center'], to: 'approved' },
  reject: { from: ['submitted', 'deptApproved'], by: ['department', 'center'], to: 'rejected' },
  cancel: { from: ['submitted', 'deptApproved'], by: ['requester'], to: 'cancelled' },
};
export type LeaveAction = keyof typeof LEAVE;

export const STAFF_CHANGE_LABELS: Record<StaffChangeState, string> = { submitted: '待中心审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' };
export const LEAVE_LABELS: Record<LeaveState, string> = { submitted: '待部门审批', deptApproved: '待中心审批', approved: '已批准', rejected: '已驳回', cancelled: '已撤销' };

export function next<S extends string>(table: Record<string, Transition<S>>, action: string, state: S, actors: readonly Actor[]): S | null {
  const t = table[action];
  if (!t || !t.from.includes(state) || !t.by.some((b) => actors.includes(b))) return null;
  return t.to;
}

export function allowed<S extends string>(table: Record<string, Transition<S>>, state: S, actors: readonly Actor[]): string[] {
  return Object.keys(table).filter((a) => next(table, a, state, actors) !== null);
}
