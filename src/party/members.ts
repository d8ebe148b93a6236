/**
 * Members and the pipeline (发展党员): registering applicants, transfers in, every dated step
 * through the transition table (rules/pipeline.ts), political-birthday talks. Each change is
 * one transaction with its event row and audit row.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { AppError, conflict, notFound, unprocessable } from '../core/errors.js';
import { maskPhone } from '../core/mask.js';
import { users } from '../core/auth/schema.js';
import { loadAccess, orgOf, requireManage, type PartyAccess } from './access.js';
import { partyAttendance, partyDues, partyGrades, partyEvaluations, partyMeetings, partyMemberEvents, partyMembers, partyOfficers, partyOrgs } from './schema.js';
import { actionsFrom, applyStep, probationEnd, type MemberFacts, type VoteOutcome } from './rules/pipeline.js';
import { talkDue } from './rules/birthday.js';
import type { Refusal } from './rules/refusal.js';
import {
  GRADE_LABELS, MEETING_KIND_LABELS, MEMBER_ON_ROLL, MEMBER_STATUS_LABELS, OFFICER_ROLE_LABELS, PIPELINE_ACTION_LABELS,
  type MemberStatus, type PipelineAction,
} from './types.js';

export type MemberRow = typeof partyMembers.$inferSelect;

export function refusalError(r: Refusal): AppError {
  return new AppError(r.status, r.rule, r.en, r.zh, { rule: r.rule });
}

export const factsOf = (m: MemberRow): MemberFacts => ({
  status: m.status, appliedOn: m.appliedOn, activistOn: m.activistOn, targetOn: m.targetOn, probationOn: m.probationOn, fullOn: m.fullOn,
  contacts: m.contacts, introducers: m.introducers, exams: m.exams, trainings: m.trainings, extensionMonths: m.extensionMonths, lastStepOn: m.lastStepOn,
});

/** The member's date of joining the Party (入党日期): admission as a probationary member. */
export const joinedOn = (m: Pick<MemberRow, 'probationOn'>) => m.probationOn;

export function memberView(m: MemberRow, extra: { branchName?: string; groupName?: string | null } = {}) {
  return {
    id: m.id, name: m.name, gender: m.gender, birthOn: m.birthOn, phone: maskPhone(m.phone), post: m.post, deputyDivision: m.deputyDivision,
    branchId: m.branchId, groupId: m.groupId, branchName: extra.branchName ?? null, groupName: extra.groupName ?? null, userId: m.userId,
    status: m.status, statusLabel: MEMBER_STATUS_LABELS[m.status],
    appliedOn: m.appliedOn, activistOn: m.activistOn, targetOn: m.targetOn, probationOn: m.probationOn, fullOn: m.fullOn,
    probationEndsOn: m.status === 'probationary' ? probationEnd(m) : null, extensionMonths: m.extensionMonths,
    contacts: m.contacts, introducers: m.introducers, exams: m.exams, trainings: m.trainings, lastStepOn: m.lastStepOn,
    transferredInOn: m.transferredInOn, transferredInFrom: m.transferredInFrom, version: m.version,
    actions: actionsFrom(m.status).map((a) => ({ action: a, label: PIPELINE_ACTION_LABELS[a] })),
  };
}

async function loadMember(db: Queryable, id: string, lock = false): Promise<MemberRow> {
  const q = db.select().from(partyMembers).where(eq(partyMembers.id, id));
  const [m] = lock ? await q.for('update') : await q;
  if (!m) throw notFound('Party member', '党员（发展对象）');
  return m;
}

// ---- lists ---------------------------------------------------------------------------------

export async function listMembers(ctx: AppContext, user: SessionUser, q: { branchId?: string; status?: MemberStatus }) {
  const a = await loadAccess(ctx.db, user);
  const branchIds = a.readable.filter((o) => o.kind === 'branch' && (!q.branchId || o.id === q.branchId)).map((o) => o.id);
  if (!branchIds.length) return { items: [] };
  const conds = [inArray(partyMembers.branchId, branchIds)];
  if (q.status) conds.push(eq(partyMembers.status, q.status));
  const rows = await ctx.db.select().from(partyMembers).where(and(...conds)).orderBy(asc(partyMembers.branchId), asc(partyMembers.name));
  const names = new Map(a.readable.map((o) => [o.id, o.name]));
  return { items: rows.map((m) => memberView(m, { branchName: names.get(m.branchId), groupName: m.groupId ? names.get(m.groupId) ?? null : null })) };
}

/** One member with the pipeline history (for managers of the branch, and the member themself). */
export async function memberDetail(ctx: AppContext, user: SessionUser, id: string) {
  const a = await loadAccess(ctx.db, user);
  const m = await loadMember(ctx.db, id);
  if (a.memberId !== id) orgOf(a, m.branchId);
  return memberRecord(ctx.db, a, m);
}

async function memberRecord(db: Queryable, a: PartyAccess, m: MemberRow) {
  const [events, offices, dues, grades, attendance, orgNames] = await Promise.all([
    db.select().from(partyMemberEvents).where(eq(partyMemberEvents.memberId, m.id)).orderBy(asc(partyMemberEvents.on), asc(partyMemberEvents.at)),
    db.select({ role: partyOfficers.role, fromOn: partyOfficers.fromOn, toOn: partyOfficers.toOn, orgName: partyOrgs.name }).from(partyOfficers)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partyOfficers.orgId)).where(eq(partyOfficers.memberId, m.id)),
    db.select().from(partyDues).where(eq(partyDues.memberId, m.id)).orderBy(desc(partyDues.period)),
    db.select({ year: partyEvaluations.year, grade: partyGrades.grade, status: partyEvaluations.status }).from(partyGrades)
      .innerJoin(partyEvaluations, eq(partyEvaluations.id, partyGrades.evaluationId)).where(eq(partyGrades.memberId, m.id)).orderBy(desc(partyEvaluations.year)),
    db.select({ kind: partyMeetings.kind, title: partyMeetings.title, heldOn: partyMeetings.heldOn, present: partyAttendance.present }).from(partyAttendance)
      .innerJoin(partyMeetings, eq(partyMeetings.id, partyAttendance.meetingId)).where(eq(partyAttendance.memberId, m.id)).orderBy(desc(partyMeetings.heldOn)).limit(50),
    db.select({ id: partyOrgs.id, name: partyOrgs.name }).from(partyOrgs).where(inArray(partyOrgs.id, [m.branchId, ...(m.groupId ? [m.groupId] : [])])),
  ]);
  const names = new Map(orgNames.map((o) => [o.id, o.name]));
  return {
    member: memberView(m, { branchName: names.get(m.branchId), groupName: m.groupId ? names.get(m.groupId) ?? null : null }),
    mayManage: a.managed.has(m.branchId),
    events: events.map((e) => ({
      action: e.action, label: e.action in PIPELINE_ACTION_LABELS ? PIPELINE_ACTION_LABELS[e.action as PipelineAction] : EVENT_LABELS[e.action] ?? e.action,
      on: e.on, fromStatus: e.fromStatus, toStatus: e.toStatus, detail: e.detail,
    })),
    offices: offices.map((o) => ({ ...o, roleLabel: OFFICER_ROLE_LABELS[o.role] })),
    dues: dues.map((d) => ({ period: d.period, amount: d.amountCents / 100, paidOn: d.paidOn, receiptNo: d.receiptNo, depositedOn: d.depositedOn })),
    grades: grades.map((g) => ({ ...g, gradeLabel: GRADE_LABELS[g.grade] })),
    attendance: attendance.map((x) => ({ ...x, kindLabel: MEETING_KIND_LABELS[x.kind] })),
  };
}

const EVENT_LABELS: Record<string, string> = { register: '递交入党申请', transferIn: '组织关系转入', birthdayTalk: '政治生日谈话' };

/** GET /api/party/me: the signed-in user's own record. */
export async function myRecord(ctx: AppContext, user: SessionUser) {
  const a = await loadAccess(ctx.db, user);
  if (!a.memberId) return { member: null };
  return memberRecord(ctx.db, a, await loadMember(ctx.db, a.memberId));
}

// ---- registering -----------------------------------------------------------------------------

export interface NewMember {
  branchId: string;
  groupId?: string | null;
  username?: string | null;
  name: string;
  gender: '男' | '女';
  birthOn?: string | null;
  phone?: string | null;
  post?: string;
  deputyDivision?: boolean;
  /** An application (入党申请) … */
  appliedOn?: string;
  /** … or a member transferred in from another organization, with their dates. */
  transferIn?: { on: string; from: string; status: 'probationary' | 'full'; probationOn: string; fullOn?: string | null };
}

async function placement(tx: Tx, a: PartyAccess, branchId: string, groupId: string | null | undefined) {
  const branch = requireManage(a, branchId);
  if (branch.kind !== 'branch') throw unprocessable('not_a_branch', 'Members belong to a branch', '党员须编入党支部', [{ field: 'body.branchId', message: 'not a branch' }]);
  if (groupId) {
    const g = orgOf(a, groupId);
    if (g.kind !== 'group' || g.parentId !== branchId) throw unprocessable('not_a_group_of_branch', 'The group is not one of this branch', '该党小组不属于此支部', [{ field: 'body.groupId', message: 'not a group of the branch' }]);
  }
  return branch;
}

export async function registerMember(ctx: AppContext, user: SessionUser, input: NewMember) {
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const branch = await placement(tx, a, input.branchId, input.groupId);
    let userId: string | null = null;
    if (input.username) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
      if (!u) throw unprocessable('unknown_user', 'No such staff account', '没有该用户账号', [{ field: 'body.username', message: 'unknown' }]);
      const [taken] = await tx.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, u.id));
      if (taken) throw conflict('user_already_linked', 'This account is linked to another member record', '该账号已关联其他党员档案');
      userId = u.id;
    }
    const t = input.transferIn;
    const on = t ? t.on : input.appliedOn;
    if (!on) throw unprocessable('date_required', 'Give the application date or the transfer', '请填写入党申请日期或转入信息', [{ field: 'body.appliedOn', message: 'required' }]);
    const dates = [on, t?.probationOn, t?.fullOn].filter((d): d is string => !!d);
    if (dates.some((d) => d > today)) throw unprocessable('date_in_future', 'Dates cannot be in the future', '日期不能晚于今天', [{ field: 'body', message: 'future date' }]);
    if (t && t.status === 'full' && !t.fullOn) throw unprocessable('date_required', 'A full member needs the confirmation date', '正式党员须填写转正日期', [{ field: 'body.transferIn.fullOn', message: 'required' }]);
    const [m] = await tx.insert(partyMembers).values({
      centerId: branch.centerId, branchId: branch.id, groupId: input.groupId ?? null, userId, name: input.name.trim(), gender: input.gender,
      birthOn: input.birthOn ?? null, phone: input.phone ?? null, post: input.post ?? '', deputyDivision: input.deputyDivision ?? false,
      status: t ? t.status : 'applicant', appliedOn: t ? null : on, probationOn: t?.probationOn ?? null, fullOn: t?.status === 'full' ? t.fullOn ?? null : null,
      lastStepOn: on, onRollSince: t ? t.on : null, transferredInOn: t?.on ?? null, transferredInFrom: t?.from ?? null, createdAt: ctx.now().toISOString(),
    }).returning();
    await tx.insert(partyMemberEvents).values({
      memberId: m.id, action: t ? 'transferIn' : 'register', toStatus: m.status, on, detail: t ? { from: t.from } : {}, actorId: user.id, at: ctx.now().toISOString(),
    });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: t ? 'party.member.transferIn' : 'party.member.register', entityType: 'partyMember', entityId: m.id, after: { branchId: m.branchId, status: m.status, on }, at: ctx.now() });
    return memberView(m, { branchName: branch.name });
  });
}

// ---- steps ---------------------------------------------------------------------------------

export interface StepBody {
  action: PipelineAction;
  on: string;
  contacts?: string[];
  introducers?: string[];
  months?: number;
  meetingId?: string;
  note?: string;
  /** Transfer out: where to, and the letter number. */
  to?: string;
  version?: number;
}

/** The assembly's vote on this member, as the meeting rules judged it when it was held. */
async function voteOf(tx: Tx, m: MemberRow, meetingId: string | undefined, kind: 'admission' | 'confirmation'): Promise<VoteOutcome | undefined> {
  if (!meetingId) return undefined;
  const [mt] = await tx.select().from(partyMeetings).where(eq(partyMeetings.id, meetingId));
  if (!mt || mt.orgId !== m.branchId || mt.kind !== 'branchAssembly' || mt.status !== 'held') {
    throw unprocessable('not_a_branch_assembly', 'Name a held branch assembly of the member\'s branch', '须选择本支部已召开的支部党员大会', [{ field: 'body.meetingId', message: 'not a held branch assembly of this branch' }]);
  }
  const r = mt.resolutions.find((x) => x.kind === kind && x.memberId === m.id);
  if (!r) return undefined;
  const failed = [...(mt.quorumChecks ?? []), ...r.checks].filter((c) => !c.ok).map((c) => c.zh).join('；');
  return { kind, heldOn: mt.heldOn!, passed: r.passed && mt.quorumOk === true, reason: failed };
}

export async function takeStep(ctx: AppContext, user: SessionUser, id: string, s: StepBody) {
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const m = await loadMember(tx, id, true);
    requireManage(a, m.branchId);
    if (s.version !== undefined && s.version !== m.version) throw conflict('version_conflict', 'The record changed meanwhile; reload it', '档案已被他人修改，请刷新后重试');
    const kind = s.action === 'admit' ? 'admission' : s.action === 'confirm' ? 'confirmation' : null;
    const vote = kind ? await voteOf(tx, m, s.meetingId, kind) : undefined;
    const r = applyStep(factsOf(m), { action: s.action, on: s.on, contacts: s.contacts, introducers: s.introducers, months: s.months, vote }, today);
    if (!r.ok) throw refusalError(r.refusal);
    const f = r.facts;
    const onRollSince = s.action === 'admit' ? s.on : m.onRollSince;
    const [after] = await tx.update(partyMembers).set({
      status: f.status, activistOn: f.activistOn, targetOn: f.targetOn, probationOn: f.probationOn, fullOn: f.fullOn, extensionMonths: f.extensionMonths,
      contacts: f.contacts, introducers: f.introducers, exams: f.exams, trainings: f.trainings, lastStepOn: f.lastStepOn, onRollSince, version: m.version + 1,
    }).where(eq(partyMembers.id, id)).returning();
    const detail = { ...(s.note ? { note: s.note } : {}), ...(s.months ? { months: s.months } : {}), ...(s.meetingId ? { meetingId: s.meetingId } : {}), ...(s.to ? { to: s.to } : {}) };
    await tx.insert(partyMemberEvents).values({ memberId: id, action: s.action, fromStatus: m.status, toStatus: f.status, on: s.on, detail, actorId: user.id, at: ctx.now().toISOString() });
    if (f.status === 'transferredOut' || f.status === 'disqualified') {
      // Officer posts end with the membership here.
      await tx.update(partyOfficers).set({ toOn: s.on }).where(and(eq(partyOfficers.memberId, id)));
    }
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: `party.member.${s.action}`, entityType: 'partyMember', entityId: id,
      before: { status: m.status, version: m.version }, after: { status: f.status, on: s.on, ...detail }, at: ctx.now(),
    });
    return memberView(after);
  });
}

// ---- political birthday talks --------------------------------------------------------------

export async function recordBirthdayTalk(ctx: AppContext, user: SessionUser, id: string, body: { on: string; note?: string }) {
  const today = ctx.today();
  if (body.on > today) throw unprocessable('date_in_future', 'A talk cannot be dated in the future', '谈话日期不能晚于今天', [{ field: 'body.on', message: 'future' }]);
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const m = await loadMember(tx, id, true);
    requireManage(a, m.branchId);
    if (!MEMBER_ON_ROLL.includes(m.status) || !joinedOn(m)) throw conflict('not_a_member', 'Only party members have a political birthday', '仅党员有政治生日');
    await tx.insert(partyMemberEvents).values({ memberId: id, action: 'birthdayTalk', on: body.on, detail: body.note ? { note: body.note } : {}, actorId: user.id, at: ctx.now().toISOString() });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.member.birthdayTalk', entityType: 'partyMember', entityId: id, after: { on: body.on }, at: ctx.now() });
    return { ok: true };
  });
}

/** Members whose political-birthday talk is due now or within a week, not yet held. */
export async function birthdayTalksDue(db: Queryable, branchIds: string[], today: string) {
  if (!branchIds.length) return [];
  const rows = await db.select().from(partyMembers).where(and(inArray(partyMembers.branchId, branchIds), inArray(partyMembers.status, [...MEMBER_ON_ROLL])));
  const talks = rows.length
    ? await db.select({ memberId: partyMemberEvents.memberId, on: partyMemberEvents.on }).from(partyMemberEvents)
      .where(and(eq(partyMemberEvents.action, 'birthdayTalk'), inArray(partyMemberEvents.memberId, rows.map((r) => r.id))))
    : [];
  return rows.flatMap((m) => {
    const j = joinedOn(m);
    const due = j ? talkDue(j, today, talks.filter((t) => t.memberId === m.id).map((t) => t.on)) : null;
    return due ? [{ memberId: m.id, name: m.name, branchId: m.branchId, joinedOn: j, ...due }] : [];
  }).sort((x, y) => x.dueBy.localeCompare(y.dueBy));
}
