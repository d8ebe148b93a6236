import type { FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorized } from '../errors.js';
import type { Role } from './roles.js';

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  centerId: string | null;
  /** This center and every center below it (for reading). */
  centerScope: string[];
  departmentId: string | null;
  windowId: string | null;
  applicantKind: 'person' | 'organization' | null;
  sessionId: string;
  csrfToken: string;
  /** An account an admin created or reset: only routes marked beforePasswordChange answer until the user picks a password. */
  mustChangePassword?: boolean;
}

/**
 * Every route declares its policy in `config.policy`; app.ts refuses to start when a
 * route under /api has none, so no route can skip the check.
 * - 'public': anyone
 * - 'user': any signed-in user
 * - Role[]: signed-in with one of these roles
 */
export type RoutePolicy = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** The few routes a user who must change their password may still call (me, logout, change password). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/**
 * Checks a request against its route's policy and returns the user the route sees. A user
 * who must change their password is refused everywhere but the routes marked
 * beforePasswordChange, and is anonymous on public routes (their session grants nothing yet).
 */
export function checkPolicy(policy: RoutePolicy, user: SessionUser | null, beforePasswordChange = false): SessionUser | null {
  if (user?.mustChangePassword && !beforePasswordChange) {
    if (policy === 'public') return null;
    throw passwordChangeRequired();
  }
  if (policy === 'public') return user;
  if (!user) throw unauthorized();
  if (policy === 'user') return user;
  if (!policy.includes(user.role)) throw forbidden();
  return user;
}

export const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Choose a new password before going on', '请先修改初始密码后再继续');

/** The signed-in user of a route whose policy already demanded one. */
export function currentUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw unauthorized();
  return req.user;
}

/** Reading: a user sees their own center and every center below it. */
export function canReadCenter(user: SessionUser, centerId: string): boolean {
  return user.centerScope.includes(centerId);
}

/** Acting: staff act only within their own center, department roles only for their department. */
export function canActForDepartment(user: SessionUser, centerId: string, departmentId: string): boolean {
  if (user.role === 'centerAdmin') return user.centerId === centerId;
  if (user.role === 'applicant' || user.role === 'supervisor' || user.role === 'agent') return false;
  if (user.departmentId) return user.departmentId === departmentId;
  return user.centerId === centerId;
}

export function requireDepartmentAct(user: SessionUser, centerId: string, departmentId: string): void {
  if (!canActForDepartment(user, centerId, departmentId)) {
    throw forbidden('Outside your department or center', '超出本部门或本中心的权限范围');
  }
}
