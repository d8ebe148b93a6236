/** Helpers every part of the module shares: settings, local time, scope checks, audit. */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { forbidden } from '../core/errors.js';
import { dutySettings } from './schema.js';
import { withDefaults, type DutySettings } from './settings.js';

const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const HOUR = 3_600_000;
/**
 * Local HH:MM of an instant in a zone. Intl formatting costs microseconds and the monthly
 * sheet formats every sign-in and sign-out, so the zone's offset is looked up once per UTC
 * hour (offsets change on hour boundaries) and the rest is arithmetic.
 */
export function localTime(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const key = `${timeZone}|${Math.floor(ms / HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let f = formats.get(timeZone);
    if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
    const [h, m] = f.format(new Date(Math.floor(ms / HOUR) * HOUR)).split(':').map(Number);
    offset = (((h * 60 + m) * 60_000 - (Math.floor(ms / HOUR) * HOUR) % 86_400_000) + 86_400_000 * 2) % 86_400_000;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  const minutes = Math.floor((((ms + offset) % 86_400_000) + 86_400_000) % 86_400_000 / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
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
