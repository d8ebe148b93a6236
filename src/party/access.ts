/**
 * Who may read and manage which party organization. The `partySecretary` role (机关党委的专职
 * 副书记 / 党务干部) manages every organization of their center; a branch secretary, deputy
 * secretary or organizer (组宣委员) manages their branch and its groups, a group leader their
 * group — officer roles on the organization, held by the member linked to the user. The
 * management office and supervisors read. Everyone linked to a member reads their own record.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { forbidden, notFound } from '../core/errors.js';
import { partyMembers, partyOfficers, partyOrgs } from './schema.js';
import { MANAGING_OFFICERS } from './types.js';

export type OrgRow = typeof partyOrgs.$inferSelect;

export interface PartyAccess {
  user: SessionUser;
  /** Organizations visible to the user (read). */
  readable: OrgRow[];
  /** Ids of organizations the user manages. */
  managed: Set<string>;
  /** The member record linked to the user, if any. */
  memberId: string | null;
}

const READ_ALL_ROLES = ['partySecretary', 'centerAdmin', 'supervisor'] as const;

/** Every organization below `rootIds` (inclusive), from the center's list. */
function withDescendants(all: readonly OrgRow[], rootIds: Iterable<string>): Set<string> {
  const out = new Set(rootIds);
  for (let grew = true; grew;) {
    grew = false;
    for (const o of all) if (o.parentId && out.has(o.parentId) && !out.has(o.id)) { out.add(o.id); grew = true; }
  }
  return out;
}

export async function loadAccess(db: Queryable, user: SessionUser): Promise<PartyAccess> {
  const [me] = await db.select({ id: partyMembers.id, centerId: partyMembers.centerId }).from(partyMembers).where(eq(partyMembers.userId, user.id));
  const readsAll = (READ_ALL_ROLES as readonly string[]).includes(user.role);
  const centerIds = readsAll ? user.centerScope : me ? [me.centerId] : [];
  const all = centerIds.length ? await db.select().from(partyOrgs).where(and(inArray(partyOrgs.centerId, centerIds), eq(partyOrgs.active, true))) : [];
  const offices = me
    ? await db.select({ orgId: partyOfficers.orgId, role: partyOfficers.role }).from(partyOfficers).where(and(eq(partyOfficers.memberId, me.id), isNull(partyOfficers.toOn)))
    : [];
  const led = offices.filter((o) => MANAGING_OFFICERS.includes(o.role)).map((o) => o.orgId);
  const managed = user.role === 'partySecretary'
    ? new Set(all.filter((o) => o.centerId === user.centerId).map((o) => o.id))
    : withDescendants(all, led);
  const readable = readsAll ? all : all.filter((o) => managed.has(o.id));
  return { user, readable, managed, memberId: me?.id ?? null };
}

export function orgOf(a: PartyAccess, orgId: string): OrgRow {
  const o = a.readable.find((x) => x.id === orgId);
  if (!o) throw notFound('Party organization', '党组织');
  return o;
}

export function requireManage(a: PartyAccess, orgId: string): OrgRow {
  const o = orgOf(a, orgId);
  if (!a.managed.has(orgId)) throw forbidden('You do not manage this party organization', '您不负责该党组织的党务工作');
  return o;
}

/** Only the party secretary sets up organizations, officers and elections. */
export function requireSecretary(a: PartyAccess): void {
  if (a.user.role !== 'partySecretary' || !a.user.centerId) throw forbidden('Only the committee\'s party office does this', '仅机关党委（党务）可办理');
}

export const canReadAny = (a: PartyAccess) => a.readable.length > 0;
