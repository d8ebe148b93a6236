import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../core/errors.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import type { Tx } from '../core/db/index.js';
import type { Notice } from '../core/outbox/enqueue.js';
import type { NoticeTemplate } from '../notify/templates.js';
import type { Refusal } from './machine.js';
import { inScope, scopeOf } from '../supervision/scope.js';

/** Who reads feedback lists: the office and supervisors their centers, department managers their department. */
export const FEEDBACK_READ_ROLES = ['centerAdmin', 'supervisor', 'leader', 'chiefRep', 'coordinator'] as const;
export const OFFICE_ROLES = ['centerAdmin', 'supervisor'] as const;

export const scopeWhere = (user: SessionUser, centerCol: AnyColumn, deptCol: AnyColumn): SQL => scopeOf(user, centerCol, deptCol);
export const readable = (user: SessionUser, row: { centerId: string; departmentId: string | null }) => inScope(user, row);

export const refusalError = (r: Refusal) => new AppError(r.status, r.code, r.message, r.messageZh);

export const versionConflict = () => new AppError(409, 'version_conflict', 'Someone changed this record meanwhile: reload and try again', '该记录已被他人修改，请刷新后重试');

/** In-app notices to a department's managers (coordinator, chief representative, leader). */
export async function managersOf(tx: Tx, departmentId: string, roles: string[] = ['coordinator', 'chiefRep', 'leader']) {
  return tx.select({ id: users.id, phone: users.phone }).from(users)
    .where(and(eq(users.departmentId, departmentId), eq(users.active, true), inArray(users.role, roles as never[])));
}

export async function officeOf(tx: Tx, centerId: string) {
  return tx.select({ id: users.id, phone: users.phone }).from(users)
    .where(and(eq(users.centerId, centerId), eq(users.active, true), inArray(users.role, ['centerAdmin', 'supervisor'])));
}

export const inApp = (ids: { id: string }[], template: NoticeTemplate, payload: Record<string, unknown>): Notice[] =>
  ids.map((u) => ({ channel: 'inApp', recipientUserId: u.id, template, payload }));

export const sms = (phone: string | null | undefined, template: NoticeTemplate, payload: Record<string, unknown>, userId: string | null = null): Notice[] =>
  phone ? [{ channel: 'sms', address: phone, recipientUserId: userId, template, payload }] : [];

export const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);
export const noScope = sql`false`;
