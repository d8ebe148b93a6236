import { inArray, eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { SessionUser } from '../core/auth/policy.js';
import { DEPARTMENT_ROLES } from '../core/auth/roles.js';

/** Who reads supervision data (domain §12): supervisors and the office their center and below; department roles their department. */
export const BOARD_ROLES = ['supervisor', 'centerAdmin', 'leader'] as const;
export const READ_ROLES = ['supervisor', 'centerAdmin', 'leader', 'chiefRep', 'coordinator'] as const;

export function scopeOf(user: SessionUser, centerCol: AnyColumn, deptCol: AnyColumn): SQL {
  if (DEPARTMENT_ROLES.includes(user.role)) return user.departmentId ? eq(deptCol, user.departmentId) : sql`false`;
  if (user.centerScope.length === 0) return sql`false`;
  return inArray(centerCol, user.centerScope);
}

export function inScope(user: SessionUser, row: { centerId: string | null; departmentId: string | null }): boolean {
  if (DEPARTMENT_ROLES.includes(user.role)) return !!user.departmentId && row.departmentId === user.departmentId;
  return !!row.centerId && user.centerScope.includes(row.centerId);
}
