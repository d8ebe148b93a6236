/** Helpers every part of the module shares: settings, local time, scope checks, audit. */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { forbidden } from '../core/errors.js';
import { dutySettings } from './schema.js';
import { withDefaults, type DutySettings } from './settings.js';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Local HH:MM of an instant in a zone. */
export function localTime(at: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(at);
}

export async function settingsOf(db: Queryable, centerId: string): Promise<DutySettings> {
  const [row] = await db.select({ data: dutySettings.data }).from(dutySettings).where(eq(dutySettings.centerId, centerId));
  return withDefaults(row?.data);
}

/** The center a staff user works in (every duty route is about one's own center). */
export function ownCenter(user: SessionUser): string {
  if (!user.centerId) throw forbidden('You belong to no center', '您不属于任何中心');
  return user.centerId;
}

export const isCenter = (u: SessionUser) => u.role === 'centerAdmin';
/** Department roles that speak for their department (plans, requests, rectification). */
export const DEPT_MANAGERS = ['chiefRep', 'leader', 'coordinator'] as const;
export const isDeptManager = (u: SessionUser) => (DEPT_MANAGERS as readonly string[]).includes(u.role) && !!u.departmentId;

export function requireDepartment(user: SessionUser, departmentId: string | null) {
  if (isCenter(user)) return;
  if (!isDeptManager(user) || user.departmentId !== departmentId) throw forbidden('Outside your department', '超出本部门的权限范围');
}

export async function audit(tx: Tx, user: SessionUser | null, action: string, entityType: string, entityId: string, at: Date, after?: unknown, before?: unknown) {
  await appendAudit(tx, { actorId: user?.id ?? null, actorRole: user?.role ?? 'system', action, entityType, entityId, after, before, at });
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
