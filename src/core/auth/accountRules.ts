/**
 * Who may manage which staff account, and what a new account must look like (pure).
 * A center admin manages staff of their own center and the centers below it — never a
 * center above (so never an admin above their own), never applicants' accounts.
 */
import { AppError, forbidden, unprocessable } from '../errors.js';
import type { SessionUser } from './policy.js';
import { DEPARTMENT_ROLES, STAFF_ROLES, type Role } from './roles.js';

/** Roles that sit at a hall window. */
export const WINDOW_ROLES: readonly Role[] = ['receiver', 'coordinator', 'handler', 'chiefRep'];

export const USERNAME_PATTERN = '^[a-z][a-z0-9_.-]{2,31}$';

export function canManageAccount(admin: SessionUser, target: { role: Role; centerId: string | null }): boolean {
  return admin.role === 'centerAdmin' && target.role !== 'applicant' && !!target.centerId && admin.centerScope.includes(target.centerId);
}

export function requireManageable(admin: SessionUser, target: { id: string; role: Role; centerId: string | null }, action: 'reset' | 'deactivate' | 'activate'): void {
  if (!canManageAccount(admin, target)) throw forbidden('This account is outside your center', '该账号不属于本中心或下级中心，无权管理');
  if (target.id === admin.id && action !== 'activate') {
    throw new AppError(409, 'own_account', 'Use “change password” for your own account; you cannot deactivate yourself', '不能对自己的账号执行此操作（修改本人密码请用“修改密码”）');
  }
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  centerId: string;
  departmentId?: string | null;
  windowId?: string | null;
}

/** The organisation rows a new account points at, as the service found them (undefined: no such row). */
export interface AccountOrg {
  department?: { centerId: string };
  window?: { centerId: string; departmentId: string | null };
}

const field = (name: string) => [{ field: `body.${name}` }];

/** Refuses an account outside the admin's scope or pointing at a department/window that does not fit. */
export function checkNewAccount(admin: SessionUser, a: NewAccount, org: AccountOrg): void {
  if (!STAFF_ROLES.includes(a.role)) {
    throw unprocessable('not_a_staff_role', 'Only staff accounts are created here', '此处只能创建工作人员账号', field('role'));
  }
  if (!admin.centerScope.includes(a.centerId)) {
    throw forbidden('You may create accounts only for your center and the centers below it', '只能为本中心及下级中心创建账号');
  }
  checkDepartment(a, org);
  checkWindow(a, org);
}

function checkDepartment(a: NewAccount, org: AccountOrg): void {
  const needs = DEPARTMENT_ROLES.includes(a.role);
  if (needs && !a.departmentId) {
    throw unprocessable('department_required', 'This role belongs to a department: choose one', '该角色属于进驻部门，请选择部门', field('departmentId'));
  }
  if (!needs && a.departmentId) {
    throw unprocessable('department_not_allowed', 'Only department roles (coordinator, handler, chief representative, leader) have a department', '只有部门角色（全程办事人、具体办理人、首席代表、分管领导）需要选择部门', field('departmentId'));
  }
  if (a.departmentId && org.department?.centerId !== a.centerId) {
    throw unprocessable('department_not_in_center', 'No such department in this center', '该中心没有此部门', field('departmentId'));
  }
}

function checkWindow(a: NewAccount, org: AccountOrg): void {
  if (!a.windowId) return;
  if (!WINDOW_ROLES.includes(a.role)) {
    throw unprocessable('window_not_allowed', 'Only window staff have a window', '只有窗口人员需要选择窗口', field('windowId'));
  }
  if (org.window?.centerId !== a.centerId) {
    throw unprocessable('window_not_in_center', 'No such window in this center', '该中心没有此窗口', field('windowId'));
  }
  if (a.departmentId && org.window.departmentId && org.window.departmentId !== a.departmentId) {
    throw unprocessable('window_of_other_department', 'This window belongs to another department', '该窗口属于其他部门', field('windowId'));
  }
}
