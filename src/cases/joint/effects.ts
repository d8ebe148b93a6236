/**
 * Effects of the joint-approval (联办) and green-channel (绿色通道) actions. Like
 * ../effects.ts: validate the body against the case, write the part/meeting rows, name the
 * event facts and the notices. The transition table has already checked state and who.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../core/db/index.js';
import type { SessionUser } from '../../core/auth/policy.js';
import { users } from '../../core/auth/schema.js';
import { files } from '../../core/files/schema.js';
import { departments } from '../../core/org/schema.js';
import { unprocessable } from '../../core/errors.js';
import type { Notice } from '../../core/outbox/enqueue.js';
import type { NoticeTemplate } from '../../notify/templates.js';
import type { GuideData } from '../../catalog/types.js';
import type { CaseRow } from '../repo.js';
import type { ActionBody } from '../bodies.js';
import type { CaseAction } from '../types.js';
import { caseMeetings, caseParticipants } from './schema.js';
import { callerSide, openMeeting, partsOf } from './parts.js';
import { applyOverdueDefault } from './defaults.js';

interface In<A extends CaseAction> { tx: Tx; user: SessionUser; row: CaseRow; guide: GuideData; body: ActionBody<A>; today: string; nowIso: string }
interface Out { set?: Partial<CaseRow>; event?: Record<string, unknown>; notify?: Notice[] }

const fail = (code: string, en: string, zh: string, details?: unknown) => unprocessable(code, en, zh, details);
const inApp = (row: CaseRow, to: string | null | undefined, template: NoticeTemplate, extra: Record<string, unknown> = {}): Notice[] =>
  to ? [{ channel: 'inApp', recipientUserId: to, template, payload: { caseNo: row.caseNo, itemName: row.itemName, caseId: row.id, ...extra } }] : [];

async function myPart(i: In<CaseAction>) {
  const [p] = await i.tx.select().from(caseParticipants).where(and(eq(caseParticipants.caseId, i.row.id), eq(caseParticipants.departmentId, i.user.departmentId!)));
  return p;
}

async function deptName(tx: Tx, id: string) {
  const [d] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
  return d?.name ?? '';
}

/** The participant's coordinator hands its part to one of its handlers. */
export async function assignPart(i: In<'assignPart'>): Promise<Out> {
  const [u] = await i.tx.select().from(users).where(and(eq(users.id, i.body.userId), eq(users.active, true)));
  if (!u || u.departmentId !== i.user.departmentId || !['handler', 'coordinator'].includes(u.role)) {
    throw fail('invalid_assignee', 'Choose an active handler of your department', '请选择本部门在岗的承办人员');
  }
  const part = await myPart(i);
  await i.tx.update(caseParticipants).set({ assigneeId: u.id }).where(eq(caseParticipants.id, part.id));
  return { event: { departmentId: part.departmentId, to: { id: u.id, name: u.displayName } }, notify: inApp(i.row, u.id, 'case.jointAssigned') };
}

/** 出具意见: agree / agree with conditions / disagree with reasons, with the department's documents. */
export async function giveOpinion(i: In<'giveOpinion'>): Promise<Out> {
  const text = i.body.text.trim();
  if (i.body.opinion !== 'agree' && !text) {
    throw fail('opinion_text_required', 'State the conditions or the reasons', i.body.opinion === 'disagree' ? '不同意须说明理由' : '附条件同意须写明条件', [{ field: 'body.text', message: 'required' }]);
  }
  const fileIds = [...new Set(i.body.files ?? [])];
  if (fileIds.length) {
    const own = await i.tx.select({ id: files.id }).from(files).where(and(inArray(files.id, fileIds), eq(files.ownerId, i.user.id)));
    if (own.length !== fileIds.length) throw fail('file_not_yours', 'Attach only files you uploaded', '只能附加本人上传的文件');
  }
  const part = await myPart(i);
  await i.tx.update(caseParticipants).set({
    status: 'answered', opinion: i.body.opinion, opinionText: text, opinionFiles: fileIds, answeredOn: i.today, answeredAt: i.nowIso, answeredBy: i.user.id, open: false,
  }).where(eq(caseParticipants.id, part.id));
  const late = part.subDue !== null && i.today > part.subDue;
  return {
    event: { departmentId: part.departmentId, department: await deptName(i.tx, part.departmentId), task: part.task, opinion: i.body.opinion, text, files: fileIds, subDue: part.subDue, ...(late ? { late: true } : {}), ...(part.status === 'escalated' ? { afterEscalation: true } : {}) },
    notify: inApp(i.row, i.row.coordinatorId, 'case.jointOpinion', { departmentId: part.departmentId, opinion: i.body.opinion }),
  };
}

/**
 * 联审会议: the lead department — or the center (seed 001: 「由政务服务中心组织召开联席会议」) —
 * calls the lead and/or participant departments to one time and place. The invited
 * departments' coordinators are told; when the center calls, so is the lead's own
 * coordinator of the case, even if the lead is not invited (it decides on the case).
 */
export async function callMeeting(i: In<'callMeeting'>): Promise<Out> {
  const parts = await partsOf(i.tx, i.row.id);
  const allowed = new Set([i.row.departmentId, ...parts.map((p) => p.departmentId)]);
  const invitees = [...new Set(i.body.invitees)];
  const strangers = invitees.filter((d) => !allowed.has(d));
  if (strangers.length) throw fail('invalid_invitee', 'Invite only the lead and the participant departments', '只能邀请牵头部门和联办部门参加', [{ field: 'body.invitees', message: strangers.join(', ') }]);
  const at = new Date(i.body.at).toISOString();
  if (at < i.nowIso) throw fail('meeting_in_past', 'A meeting is called for a future time', '会议时间不能早于当前时间', [{ field: 'body.at', message: 'past' }]);
  const [m] = await i.tx.insert(caseMeetings).values({
    caseId: i.row.id, at, place: i.body.place, agenda: i.body.agenda, invitees, calledBy: i.user.id, calledAt: i.nowIso,
  }).returning({ id: caseMeetings.id });
  const coords = await i.tx.select({ id: users.id }).from(users).where(and(inArray(users.departmentId, invitees), eq(users.role, 'coordinator'), eq(users.active, true)));
  const calledBy = callerSide(i.user.role);
  const told = new Set(coords.map((c) => c.id));
  if (calledBy === 'center' && i.row.coordinatorId) told.add(i.row.coordinatorId);
  return {
    event: { meetingId: m.id, at, place: i.body.place, agenda: i.body.agenda, invitees, calledBy },
    notify: [...told].flatMap((id) => inApp(i.row, id, 'case.jointMeeting', { at, place: i.body.place, calledBy })),
  };
}

/**
 * The meeting's record: attendance, minutes and each attending participant's opinion. An
 * invited participant that stayed away is treated like one whose sub-limit passed.
 */
export async function recordMeeting(i: In<'recordMeeting'>): Promise<Out> {
  const m = (await openMeeting(i.tx, i.row.id))!;
  if (i.nowIso < new Date(m.at).toISOString()) throw fail('meeting_not_held', 'The meeting has not taken place yet', '会议尚未召开，不能登记会议结果');
  const attended = [...new Set(i.body.attended)];
  const notInvited = attended.filter((d) => !m.invitees.includes(d));
  if (notInvited.length) throw fail('not_invited', 'Attendance lists invited departments only', '出席部门须为受邀部门', [{ field: 'body.attended', message: notInvited.join(', ') }]);
  const parts = await partsOf(i.tx, i.row.id);
  const byDept = new Map(parts.map((p) => [p.departmentId, p]));
  const strays = i.body.opinions.filter((o) => !attended.includes(o.departmentId) || !byDept.has(o.departmentId));
  if (strays.length) throw fail('opinion_not_attending', 'Opinions come from attending participant departments', '会议意见须由出席的联办部门出具', [{ field: 'body.opinions', message: strays.map((o) => o.departmentId).join(', ') }]);
  const missingText = i.body.opinions.filter((o) => o.opinion !== 'agree' && !o.text.trim());
  if (missingText.length) throw fail('opinion_text_required', 'State the conditions or the reasons', '附条件同意须写明条件，不同意须说明理由', [{ field: 'body.opinions', message: missingText.map((o) => o.departmentId).join(', ') }]);
  const stillOwes = (d: string) => ['pending', 'escalated'].includes(byDept.get(d)?.status ?? '');
  for (const o of i.body.opinions.filter((x) => stillOwes(x.departmentId))) {
    await i.tx.update(caseParticipants).set({
      status: 'answered', opinion: o.opinion, opinionText: o.text.trim(), answeredOn: i.today, answeredAt: i.nowIso, answeredBy: i.user.id, open: false,
    }).where(eq(caseParticipants.id, byDept.get(o.departmentId)!.id));
  }
  const absent = m.invitees.filter((d) => !attended.includes(d));
  const defaults = [];
  const notify: Notice[] = [];
  for (const d of absent.filter(stillOwes)) {
    const applied = await applyOverdueDefault(i.tx, i.row, i.guide, byDept.get(d)!, i.today, 'absentFromMeeting');
    if (applied) {
      defaults.push({ departmentId: d, applied: applied.applied, chargedTo: applied.chargedTo, overdueDefault: i.guide.overdueDefault });
      notify.push(...applied.notify);
    }
  }
  await i.tx.update(caseMeetings).set({ held: true, attended, minutes: i.body.minutes, opinions: i.body.opinions.map((o) => ({ ...o, text: o.text.trim() })), recordedBy: i.user.id, recordedAt: i.nowIso })
    .where(eq(caseMeetings.id, m.id));
  return { event: { meetingId: m.id, attended, absent, minutes: i.body.minutes, opinions: i.body.opinions, defaults }, notify };
}

/** 绿色通道: the center appoints one of its staff to act for the applicant (全程代办). */
export async function appointCoordinator(i: In<'appointCoordinator'>): Promise<Out> {
  const [u] = await i.tx.select().from(users).where(and(eq(users.id, i.body.userId), eq(users.active, true)));
  if (!u || u.centerId !== i.row.centerId || ['applicant', 'supervisor'].includes(u.role)) {
    throw fail('invalid_appointee', 'Choose an active staff member of this center', '请选择本中心在岗的工作人员');
  }
  return {
    set: { greenCoordinatorId: u.id },
    event: { to: { id: u.id, name: u.displayName }, from: i.row.greenCoordinatorId },
    notify: inApp(i.row, u.id, 'case.greenCoordinatorAppointed'),
  };
}
