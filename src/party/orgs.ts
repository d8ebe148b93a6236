/** Organizations, terms, officers and elections (seed 004 第三条–第九条). */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, notFound, unprocessable } from '../core/errors.js';
import { loadAccess, orgOf, requireSecretary } from './access.js';
import { refusalError } from './members.js';
import { partyElections, partyMembers, partyOfficers, partyOrgs, partyTerms } from './schema.js';
import { judgeElection, minCandidates, termAlert, termEnd } from './rules/terms.js';
import { MEMBER_ON_ROLL, OFFICER_ROLE_LABELS, ORG_KIND_LABELS, type OfficerRole, type OrgKind } from './types.js';

async function currentTerms(db: Queryable, orgIds: string[]) {
  if (!orgIds.length) return new Map<string, typeof partyTerms.$inferSelect>();
  const rows = await db.selectDistinctOn([partyTerms.orgId]).from(partyTerms).where(inArray(partyTerms.orgId, orgIds)).orderBy(partyTerms.orgId, desc(partyTerms.startOn));
  return new Map(rows.map((t) => [t.orgId, t]));
}

/** The organizations the user reads, with their current term, alert, officers and member counts. */
export async function listOrgs(ctx: AppContext, user: SessionUser) {
  const a = await loadAccess(ctx.db, user);
  const ids = a.readable.map((o) => o.id);
  const today = ctx.today();
  const [terms, officers, counts] = await Promise.all([
    currentTerms(ctx.db, ids),
    ids.length ? ctx.db.select({ id: partyOfficers.id, orgId: partyOfficers.orgId, role: partyOfficers.role, fromOn: partyOfficers.fromOn, memberId: partyOfficers.memberId, name: partyMembers.name })
      .from(partyOfficers).innerJoin(partyMembers, eq(partyMembers.id, partyOfficers.memberId)).where(and(inArray(partyOfficers.orgId, ids), isNull(partyOfficers.toOn))) : [],
    ids.length ? ctx.db.select({ branchId: partyMembers.branchId, groupId: partyMembers.groupId, status: partyMembers.status, n: sql<number>`count(*)::int` })
      .from(partyMembers).where(inArray(partyMembers.branchId, ids)).groupBy(partyMembers.branchId, partyMembers.groupId, partyMembers.status) : [],
  ]);
  const kindOrder: Record<OrgKind, number> = { committee: 0, branch: 1, group: 2 };
  const orgs = [...a.readable].sort((x, y) => kindOrder[x.kind] - kindOrder[y.kind] || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return {
    items: orgs.map((o) => {
      const t = terms.get(o.id);
      const mine = counts.filter((c) => (o.kind === 'group' ? c.groupId === o.id : o.kind === 'branch' ? c.branchId === o.id : true));
      const n = (pred: (s: string) => boolean) => mine.filter((c) => pred(c.status)).reduce((s, c) => s + c.n, 0);
      return {
        id: o.id, kind: o.kind, kindLabel: ORG_KIND_LABELS[o.kind], name: o.name, parentId: o.parentId, establishedOn: o.establishedOn, manage: a.managed.has(o.id),
        term: t ? { startOn: t.startOn, ...termAlert(t.endOn, today, ctx.config.partyTermAlertDays) } : null,
        officers: officers.filter((x) => x.orgId === o.id).map((x) => ({ ...x, roleLabel: OFFICER_ROLE_LABELS[x.role] })),
        members: n((s) => (MEMBER_ON_ROLL as readonly string[]).includes(s)),
        probationary: n((s) => s === 'probationary'),
        pipeline: n((s) => s === 'applicant' || s === 'activist' || s === 'developmentTarget'),
      };
    }),
    termAlertDays: ctx.config.partyTermAlertDays,
  };
}

export async function createOrg(ctx: AppContext, user: SessionUser, input: { kind: OrgKind; name: string; parentId?: string | null; establishedOn: string; termStartOn?: string }) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    requireSecretary(a);
    const parent = input.parentId ? orgOf(a, input.parentId) : null;
    const wanted: Record<OrgKind, OrgKind | null> = { committee: null, branch: 'committee', group: 'branch' };
    if ((parent?.kind ?? null) !== wanted[input.kind]) {
      throw unprocessable('wrong_parent', 'A branch belongs to the committee, a group to a branch; the committee to none', '党支部隶属机关党委，党小组隶属党支部，机关党委无上级', [{ field: 'body.parentId', message: 'wrong parent' }]);
    }
    if (input.establishedOn > ctx.today()) throw unprocessable('date_in_future', 'Dates cannot be in the future', '日期不能晚于今天', [{ field: 'body.establishedOn', message: 'future' }]);
    const [o] = await tx.insert(partyOrgs).values({ centerId: user.centerId!, parentId: parent?.id ?? null, kind: input.kind, name: input.name.trim(), establishedOn: input.establishedOn, createdAt: ctx.now().toISOString() }).returning();
    const end = termEnd(input.kind, input.termStartOn ?? input.establishedOn);
    if (end) await tx.insert(partyTerms).values({ orgId: o.id, startOn: input.termStartOn ?? input.establishedOn, endOn: end });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.org.create', entityType: 'partyOrg', entityId: o.id, after: { kind: o.kind, name: o.name }, at: ctx.now() });
    return { id: o.id };
  });
}

export async function appointOfficer(ctx: AppContext, user: SessionUser, orgId: string, input: { memberId: string; role: OfficerRole; fromOn: string }) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    requireSecretary(a);
    const org = orgOf(a, orgId);
    const [m] = await tx.select().from(partyMembers).where(eq(partyMembers.id, input.memberId));
    if (!m || m.centerId !== org.centerId) throw unprocessable('unknown_member', 'No such member', '没有该党员', [{ field: 'body.memberId', message: 'unknown' }]);
    if (m.status !== 'full') throw unprocessable('officer_full_member', 'Officers are full members', '党组织委员须为正式党员', [{ field: 'body.memberId', message: m.status }]);
    if ((input.role === 'groupLeader') !== (org.kind === 'group')) throw unprocessable('wrong_officer_role', 'A group has a leader; committees and branches have secretaries and members', '党小组设组长，党委、支部设书记、委员', [{ field: 'body.role', message: 'wrong role for the organization' }]);
    const single: OfficerRole[] = ['secretary', 'groupLeader'];
    if (single.includes(input.role)) await tx.update(partyOfficers).set({ toOn: input.fromOn }).where(and(eq(partyOfficers.orgId, orgId), eq(partyOfficers.role, input.role), isNull(partyOfficers.toOn)));
    const [o] = await tx.insert(partyOfficers).values({ orgId, memberId: m.id, role: input.role, fromOn: input.fromOn }).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.officer.appoint', entityType: 'partyOrg', entityId: orgId, after: { memberId: m.id, role: input.role, fromOn: input.fromOn }, at: ctx.now() });
    return { id: o.id };
  });
}

export async function endOfficer(ctx: AppContext, user: SessionUser, officerId: string, toOn: string) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    requireSecretary(a);
    const [o] = await tx.select().from(partyOfficers).where(eq(partyOfficers.id, officerId));
    if (!o) throw notFound('Officer', '委员任职');
    orgOf(a, o.orgId);
    if (o.toOn) throw conflict('officer_ended', 'This post has ended already', '该任职已结束');
    await tx.update(partyOfficers).set({ toOn }).where(eq(partyOfficers.id, officerId));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.officer.end', entityType: 'partyOrg', entityId: o.orgId, before: { memberId: o.memberId, role: o.role }, after: { toOn }, at: ctx.now() });
    return { ok: true };
  });
}

export interface ElectionBody {
  kind: 'general' | 'byElection';
  heldOn: string;
  seats: number;
  voters: number;
  ballots: number;
  candidates: { name: string; votes: number; memberId?: string | null }[];
  note?: string;
}

/**
 * Records an election with its votes. A valid general election (换届) opens a new term from
 * its day; a by-election (增补) fills seats in the running term.
 */
export async function recordElection(ctx: AppContext, user: SessionUser, orgId: string, e: ElectionBody) {
  if (e.heldOn > ctx.today()) throw unprocessable('date_in_future', 'Dates cannot be in the future', '日期不能晚于今天', [{ field: 'body.heldOn', message: 'future' }]);
  const r = judgeElection(e);
  if (!r.ok) throw refusalError(r.refusal);
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    requireSecretary(a);
    const org = orgOf(a, orgId);
    if (org.kind === 'group') throw unprocessable('no_election', 'Groups do not elect a committee', '党小组不进行委员选举', [{ field: 'params.id', message: 'group' }]);
    const [el] = await tx.insert(partyElections).values({
      orgId, kind: e.kind, heldOn: e.heldOn, seats: e.seats, voters: e.voters, ballots: e.ballots,
      candidates: e.candidates.map((c) => ({ name: c.name.trim(), votes: c.votes, memberId: c.memberId ?? null })), elected: r.elected, valid: r.valid,
      note: e.note ?? '', recordedBy: user.id, recordedAt: ctx.now().toISOString(),
    }).returning();
    let term = null;
    if (e.kind === 'general' && r.valid) {
      const [t] = await tx.insert(partyTerms).values({ orgId, startOn: e.heldOn, endOn: termEnd(org.kind, e.heldOn)!, electionId: el.id }).returning();
      term = { startOn: t.startOn, endOn: t.endOn };
    }
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.election', entityType: 'partyOrg', entityId: orgId, after: { electionId: el.id, kind: e.kind, seats: e.seats, elected: r.elected, valid: r.valid }, at: ctx.now() });
    return { id: el.id, elected: r.elected, valid: r.valid, minCandidates: minCandidates(e.seats), term };
  });
}

export async function listElections(ctx: AppContext, user: SessionUser, orgId: string) {
  const a = await loadAccess(ctx.db, user);
  orgOf(a, orgId);
  const rows = await ctx.db.select().from(partyElections).where(eq(partyElections.orgId, orgId)).orderBy(desc(partyElections.heldOn));
  const terms = await ctx.db.select().from(partyTerms).where(eq(partyTerms.orgId, orgId)).orderBy(asc(partyTerms.startOn));
  return { items: rows.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() })), terms };
}
