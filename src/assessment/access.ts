/**
 * Who sees and does what in assessment (RBAC + data scope, checked on the server for every
 * route): the office (centerAdmin) manages its center's schemes and periods; supervisors
 * and leaders read every result of their center and below; a department head (chiefRep,
 * coordinator, leader) sees the department, its windows and its people and appeals for the
 * department or its windows; a staff member sees and appeals their own result (a receiver
 * also their window's). Subjects see a period only once it is published.
 */
import type { SessionUser } from '../core/auth/policy.js';
import type { Role } from '../core/auth/roles.js';
import type { PeriodState } from './machine.js';
import type { SubjectType } from './rules.js';

export const MANAGE: readonly Role[] = ['centerAdmin'];
export const FULL_READ: readonly Role[] = ['centerAdmin', 'supervisor', 'leader'];
export const DEPT_HEADS: readonly Role[] = ['chiefRep', 'coordinator', 'leader'];
export const READ_ROLES: readonly Role[] = ['centerAdmin', 'supervisor', 'leader', 'chiefRep', 'coordinator', 'receiver', 'handler'];

export const readsAll = (u: SessionUser, centerId: string) => FULL_READ.includes(u.role) && u.centerScope.includes(centerId);

export interface SubjectRef { subjectType: SubjectType; subjectId: string; departmentId: string | null }

/** May the user see this subject's result in a period of this state? */
export function canSeeSubject(u: SessionUser, centerId: string, state: PeriodState, s: SubjectRef): boolean {
  if (readsAll(u, centerId)) return true;
  if (state !== 'published' || u.centerId !== centerId) return false;
  return ownsSubject(u, s) || (DEPT_HEADS.includes(u.role) && !!u.departmentId && s.departmentId === u.departmentId);
}

/** May the user appeal for this subject (it is theirs: their own person, their department, their window)? */
export function ownsSubject(u: SessionUser, s: SubjectRef): boolean {
  if (s.subjectType === 'staff') return s.subjectId === u.id;
  if (s.subjectType === 'department') return DEPT_HEADS.includes(u.role) && u.departmentId === s.subjectId;
  return (u.role === 'receiver' && u.windowId === s.subjectId) || (DEPT_HEADS.includes(u.role) && !!u.departmentId && s.departmentId === u.departmentId);
}
