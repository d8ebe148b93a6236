/** Meetings (三会一课 …): schedule, hold with attendance, minutes and resolutions, the quorum judged once at holding; missed frequencies. */
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, notFound, unprocessable } from '../core/errors.js';
import { loadAccess, orgOf, requireManage, type OrgRow } from './access.js';
import { partyAttendance, partyMeetings, partyMembers, partyOfficers, type StoredResolution } from './schema.js';
import { COMMITTEE_MEETINGS, FREQUENCIES, judgeResolution, MEETINGS_OF, missedMeetings, quorum, type AttendanceCount } from './rules/meetings.js';
import { isoDate, yearOf } from './rules/dates.js';
import {
  FREQUENCY_LABELS, MEETING_KIND_LABELS, MEMBER_ON_ROLL, RESOLUTION_KIND_LABELS, type MeetingKind, type MemberStatus, type ResolutionKind,
} from './types.js';

type MeetingRow = typeof partyMeetings.$inferSelect;
export interface RosterEntry { memberId: string; name: string; status: MemberStatus; voting: boolean }

/**
 * Who should attend: the committee's members (its serving officers) for committee meetings,
 * otherwise the organization's party members (probationary, full and retired). Full and
 * retired members vote; probationary members do not.
 */
export async function rosterOf(db: Queryable, org: OrgRow, kind: MeetingKind): Promise<RosterEntry[]> {
  const cols = { memberId: partyMembers.id, name: partyMembers.name, status: partyMembers.status };
  const rows = COMMITTEE_MEETINGS.includes(kind)
    ? await db.selectDistinct(cols).from(partyOfficers).innerJoin(partyMembers, eq(partyMembers.id, partyOfficers.memberId))
      .where(and(eq(partyOfficers.orgId, org.id), isNull(partyOfficers.toOn)))
    : await db.select(cols).from(partyMembers).where(and(
      org.kind === 'group' ? eq(partyMembers.groupId, org.id) : org.kind === 'branch' ? eq(partyMembers.branchId, org.id) : eq(partyMembers.centerId, org.centerId),
      inArray(partyMembers.status, [...MEMBER_ON_ROLL]),
    ));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map((r) => ({ ...r, voting: r.status !== 'probationary' }));
}

export interface ScheduleBody { orgId: string; kind: MeetingKind; title: string; scheduledOn: string; topic?: string; personnel?: boolean }
export interface HoldBody {
  heldOn: string;
  place?: string;
  chair?: string;
  recorder?: string;
  topic?: string;
  minutes: string;
  personnel?: boolean;
  attendance: { memberId: string; present: boolean; absenceReason?: string }[];
  resolutions?: { kind: ResolutionKind; subject: string; memberId?: string | null; inFavour: number; against: number; abstain: number; applicantAndIntroducersPresent?: boolean }[];
}

function checkKind(org: OrgRow, kind: MeetingKind) {
  if (!MEETINGS_OF[org.kind].includes(kind)) {
    throw unprocessable('wrong_meeting_kind', `A ${org.kind} does not hold a ${kind}`, `${org.name}不召开${MEETING_KIND_LABELS[kind]}`, [{ field: 'body.kind', message: 'not a meeting of this organization' }]);
  }
}

async function insertMeeting(tx: Tx, ctx: AppContext, user: SessionUser, org: OrgRow, b: ScheduleBody) {
  checkKind(org, b.kind);
  const [m] = await tx.insert(partyMeetings).values({
    orgId: org.id, kind: b.kind, title: b.title.trim(), status: 'scheduled', scheduledOn: b.scheduledOn, topic: b.topic ?? '', personnel: b.personnel ?? false,
    createdBy: user.id, createdAt: ctx.now().toISOString(),
  }).returning();
  return m;
}

export async function scheduleMeeting(ctx: AppContext, user: SessionUser, b: ScheduleBody & { hold?: HoldBody }) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const org = requireManage(a, b.orgId);
    const m = await insertMeeting(tx, ctx, user, org, b);
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.meeting.schedule', entityType: 'partyMeeting', entityId: m.id, after: { orgId: org.id, kind: b.kind, scheduledOn: b.scheduledOn }, at: ctx.now() });
    if (b.hold) return holdIn(tx, ctx, user, org, m, b.hold);
    return meetingView(m, org);
  });
}

export async function holdMeeting(ctx: AppContext, user: SessionUser, id: string, b: HoldBody) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const [m] = await tx.select().from(partyMeetings).where(eq(partyMeetings.id, id)).for('update');
    if (!m) throw notFound('Meeting', '会议');
    const org = requireManage(a, m.orgId);
    if (m.status !== 'scheduled') throw conflict('meeting_not_scheduled', 'This meeting has been recorded already', '该会议已登记，不能重复登记');
    return holdIn(tx, ctx, user, org, m, b);
  });
}

/** Records the meeting as held: attendance against the roster, the quorum and each resolution judged by the rules. */
async function holdIn(tx: Tx, ctx: AppContext, user: SessionUser, org: OrgRow, m: MeetingRow, b: HoldBody) {
  if (b.heldOn > ctx.today()) throw unprocessable('date_in_future', 'A meeting cannot be recorded before it is held', '会议日期不能晚于今天', [{ field: 'body.heldOn', message: 'future' }]);
  const roster = await rosterOf(tx, org, m.kind);
  const onRoster = new Map(roster.map((r) => [r.memberId, r]));
  const stray = b.attendance.filter((x) => !onRoster.has(x.memberId));
  if (stray.length) throw unprocessable('not_on_roster', 'Attendance lists someone who is not a member of this body', '出席名单中有不属于本组织的人员', stray.map((s) => ({ field: 'body.attendance', message: s.memberId })));
  const present = new Set(b.attendance.filter((x) => x.present).map((x) => x.memberId));
  const count: AttendanceCount = {
    expected: roster.length, present: roster.filter((r) => present.has(r.memberId)).length,
    votingExpected: roster.filter((r) => r.voting).length, votingPresent: roster.filter((r) => r.voting && present.has(r.memberId)).length,
  };
  const resolutions = b.resolutions ?? [];
  const personnel = (b.personnel ?? m.personnel) || resolutions.some((r) => r.kind !== 'general');
  const q = quorum(count, personnel);
  const stored: StoredResolution[] = [];
  for (const r of resolutions) {
    if (r.kind === 'admission' || r.kind === 'confirmation') {
      if (m.kind !== 'branchAssembly') throw unprocessable('admission_at_assembly', 'Admission and confirmation are voted by the branch assembly', '接收预备党员和预备党员转正须由支部党员大会表决（第十三条、第十四条）', [{ field: 'body.resolutions', message: r.kind }]);
      const [subject] = r.memberId ? await tx.select().from(partyMembers).where(eq(partyMembers.id, r.memberId)) : [];
      const want = r.kind === 'admission' ? 'developmentTarget' : 'probationary';
      if (!subject || subject.branchId !== org.id || subject.status !== want) {
        throw unprocessable('resolution_member', `Name a ${want} of this branch`, r.kind === 'admission' ? '须选择本支部的发展对象' : '须选择本支部的预备党员', [{ field: 'body.resolutions.memberId', message: r.memberId ?? 'missing' }]);
      }
    }
    const j = judgeResolution(count, { ...r, applicantAndIntroducersPresent: r.applicantAndIntroducersPresent });
    stored.push({
      kind: r.kind, subject: r.subject, memberId: r.memberId ?? null, inFavour: r.inFavour, against: r.against, abstain: r.abstain,
      applicantAndIntroducersPresent: r.applicantAndIntroducersPresent ?? false, passed: q.ok && j.ok, checks: j.checks,
    });
  }
  const [after] = await tx.update(partyMeetings).set({
    status: 'held', heldOn: b.heldOn, place: b.place ?? '', chair: b.chair ?? '', recorder: b.recorder ?? '', topic: b.topic ?? m.topic, minutes: b.minutes,
    personnel, expected: count.expected, present: count.present, quorumOk: q.ok, quorumChecks: q.checks, resolutions: stored,
  }).where(eq(partyMeetings.id, m.id)).returning();
  const listed = new Map(b.attendance.map((x) => [x.memberId, x]));
  if (roster.length) {
    await tx.insert(partyAttendance).values(roster.map((r) => ({
      meetingId: m.id, memberId: r.memberId, present: present.has(r.memberId), expected: true, voting: r.voting, absenceReason: listed.get(r.memberId)?.absenceReason ?? '',
    })));
  }
  await appendAudit(tx, {
    actorId: user.id, actorRole: user.role, action: 'party.meeting.hold', entityType: 'partyMeeting', entityId: m.id,
    after: { heldOn: b.heldOn, expected: count.expected, present: count.present, quorumOk: q.ok, resolutions: stored.map((s) => ({ kind: s.kind, memberId: s.memberId, passed: s.passed })) }, at: ctx.now(),
  });
  return meetingView(after, org);
}

export async function cancelMeeting(ctx: AppContext, user: SessionUser, id: string) {
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const [m] = await tx.select().from(partyMeetings).where(eq(partyMeetings.id, id)).for('update');
    if (!m) throw notFound('Meeting', '会议');
    const org = requireManage(a, m.orgId);
    if (m.status !== 'scheduled') throw conflict('meeting_not_scheduled', 'Only a scheduled meeting can be cancelled', '只有未召开的会议可以取消');
    const [after] = await tx.update(partyMeetings).set({ status: 'cancelled' }).where(eq(partyMeetings.id, id)).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.meeting.cancel', entityType: 'partyMeeting', entityId: id, at: ctx.now() });
    return meetingView(after, org);
  });
}

export function meetingView(m: MeetingRow, org: OrgRow) {
  return {
    id: m.id, orgId: m.orgId, orgName: org.name, kind: m.kind, kindLabel: MEETING_KIND_LABELS[m.kind], title: m.title, status: m.status,
    scheduledOn: m.scheduledOn, heldOn: m.heldOn, place: m.place, chair: m.chair, recorder: m.recorder, topic: m.topic, minutes: m.minutes, personnel: m.personnel,
    expected: m.expected, present: m.present, quorumOk: m.quorumOk, quorumChecks: m.quorumChecks ?? [],
    resolutions: m.resolutions.map((r) => ({ ...r, kindLabel: RESOLUTION_KIND_LABELS[r.kind] })),
  };
}

export async function listMeetings(ctx: AppContext, user: SessionUser, q: { orgId?: string; year?: number }) {
  const a = await loadAccess(ctx.db, user);
  const orgs = a.readable.filter((o) => !q.orgId || o.id === q.orgId);
  if (!orgs.length) return { items: [] };
  const year = q.year ?? yearOf(ctx.today());
  const rows = await ctx.db.select().from(partyMeetings).where(and(
    inArray(partyMeetings.orgId, orgs.map((o) => o.id)), gte(partyMeetings.scheduledOn, isoDate(year, 1, 1)), lte(partyMeetings.scheduledOn, isoDate(year, 12, 31)),
  )).orderBy(desc(partyMeetings.scheduledOn), asc(partyMeetings.kind));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return { items: rows.map((m) => ({ ...meetingView(m, byId.get(m.orgId)!), minutes: undefined })) };
}

/** One meeting with its attendance; a scheduled one with the roster to tick. */
export async function meetingDetail(ctx: AppContext, user: SessionUser, id: string) {
  const a = await loadAccess(ctx.db, user);
  const [m] = await ctx.db.select().from(partyMeetings).where(eq(partyMeetings.id, id));
  if (!m) throw notFound('Meeting', '会议');
  const org = orgOf(a, m.orgId);
  const attendance = m.status === 'held'
    ? await ctx.db.select({ memberId: partyAttendance.memberId, name: partyMembers.name, status: partyMembers.status, present: partyAttendance.present, voting: partyAttendance.voting, absenceReason: partyAttendance.absenceReason })
      .from(partyAttendance).innerJoin(partyMembers, eq(partyMembers.id, partyAttendance.memberId)).where(eq(partyAttendance.meetingId, id)).orderBy(asc(partyMembers.name))
    : (await rosterOf(ctx.db, org, m.kind)).map((r) => ({ ...r, present: false, absenceReason: '' }));
  return { ...meetingView(m, org), attendance, manage: a.managed.has(org.id) };
}

/** The roster a new meeting of this kind would have (the form's attendance list). */
export async function meetingRoster(ctx: AppContext, user: SessionUser, orgId: string, kind: MeetingKind) {
  const a = await loadAccess(ctx.db, user);
  const org = orgOf(a, orgId);
  checkKind(org, kind);
  return { items: await rosterOf(ctx.db, org, kind) };
}

/** Missed frequencies per organization for a year: quorate held meetings count; the running period is not missed yet. */
export async function meetingCompliance(ctx: AppContext, user: SessionUser, year: number) {
  const a = await loadAccess(ctx.db, user);
  const today = ctx.today();
  const ids = a.readable.map((o) => o.id);
  const held = ids.length
    ? await ctx.db.select({ orgId: partyMeetings.orgId, kind: partyMeetings.kind, heldOn: partyMeetings.heldOn }).from(partyMeetings)
      .where(and(inArray(partyMeetings.orgId, ids), eq(partyMeetings.status, 'held'), eq(partyMeetings.quorumOk, true), gte(partyMeetings.heldOn, isoDate(year, 1, 1)), lte(partyMeetings.heldOn, isoDate(year, 12, 31))))
    : [];
  return {
    year,
    items: a.readable.map((o) => {
      const mine = held.filter((h) => h.orgId === o.id).map((h) => ({ kind: h.kind, heldOn: h.heldOn! }));
      const missed = missedMeetings(o.kind, year, mine, today, o.establishedOn);
      return {
        orgId: o.id, orgName: o.name, kind: o.kind,
        kinds: MEETINGS_OF[o.kind].map((k) => ({ kind: k, kindLabel: MEETING_KIND_LABELS[k], frequency: FREQUENCIES[k], frequencyLabel: FREQUENCY_LABELS[FREQUENCIES[k]], held: mine.filter((h) => h.kind === k).length })),
        missed: missed.map((x) => ({ ...x, kindLabel: MEETING_KIND_LABELS[x.kind] })),
      };
    }),
  };
}
