/**
 * Posts and badges, staff-change requests (the only way a department's staff at the center
 * change), leave requests (department, then center) and duty rosters for out-of-hours service.
 */
import { and, desc, eq, isNull, or, gte, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { windows } from '../core/org/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { badges, dutyRosters, leaveRequests, staffAssignments, staffChangeRequests, type PostKind } from './schema.js';
import { files } from '../core/files/schema.js';
import { audit, isCenter, isDeptManager, ownCenter, requireDepartment } from './common.js';
import { LEAVE, LEAVE_LABELS, STAFF_CHANGE, STAFF_CHANGE_LABELS, allowed, next, type Actor, type LeaveAction, type StaffChangeAction } from './machine.js';

/** The center's windows with their current posts and badges. */
export async function posts(ctx: AppContext, user: SessionUser) {
  const centerId = ownCenter(user);
  const today = ctx.today();
  const list = await rows<{ window_id: string; number: number; name: string; department_id: string | null; id: string | null; post: PostKind | null; user_id: string | null; display_name: string | null; role: string | null; from_date: string | null; to_date: string | null; exempt: boolean | null; badge: string | null; badge_title: string | null }>(ctx.db, sql`
    select w.id as window_id, w.number, w.name, w.department_id, s.id, s.post, s.user_id, u.display_name, u.role, s.from_date::text as from_date, s.to_date::text as to_date, s.attendance_exempt as exempt, b.number as badge, b.title as badge_title
      from windows w left join staff_assignments s on s.window_id = w.id and s.from_date <= ${today} and (s.to_date is null or s.to_date >= ${today})
      left join users u on u.id = s.user_id left join badges b on b.user_id = s.user_id
     where w.center_id = ${centerId} order by w.number, s.post`);
  const byWindow = new Map<string, { id: string; number: number; name: string; departmentId: string | null; posts: unknown[] }>();
  for (const r of list) {
    if (!byWindow.has(r.window_id)) byWindow.set(r.window_id, { id: r.window_id, number: r.number, name: r.name, departmentId: r.department_id, posts: [] });
    if (r.id) byWindow.get(r.window_id)!.posts.push({ id: r.id, post: r.post, userId: r.user_id, displayName: r.display_name, role: r.role, fromDate: r.from_date, toDate: r.to_date, attendanceExempt: r.exempt, badge: r.badge ? { number: r.badge, title: r.badge_title } : null });
  }
  return { windows: [...byWindow.values()] };
}

export interface ChangeInput { kind: 'add' | 'remove' | 'replace'; windowId: string; post: PostKind; outUserId?: string; inUserId?: string; effectiveOn: string; reason: string }

export async function requestChange(ctx: AppContext, user: SessionUser, input: ChangeInput) {
  const centerId = ownCenter(user);
  if (!isDeptManager(user)) throw forbidden('The department requests staff changes', '人员变更由进驻部门提出申请');
  const [w] = await ctx.db.select().from(windows).where(eq(windows.id, input.windowId));
  if (!w || w.centerId !== centerId) throw unprocessable('window_unknown', 'Not a window of your center', '不是本中心的窗口', [{ field: 'body.windowId' }]);
  if (w.departmentId !== user.departmentId) throw forbidden('Not your department’s window', '不是本部门的窗口');
  if (input.kind !== 'add' && !input.outUserId) throw unprocessable('out_user_required', 'Who leaves the post?', '请选择离岗人员', [{ field: 'body.outUserId' }]);
  if (input.kind !== 'remove' && !input.inUserId) throw unprocessable('in_user_required', 'Who takes the post?', '请选择进驻人员', [{ field: 'body.inUserId' }]);
  if (input.effectiveOn < ctx.today()) throw unprocessable('effective_past', 'The change cannot take effect in the past', '生效日期不能早于今天', [{ field: 'body.effectiveOn' }]);
  if (input.inUserId) {
    const [u] = await ctx.db.select().from(users).where(eq(users.id, input.inUserId));
    if (!u || u.departmentId !== user.departmentId) throw unprocessable('in_user_invalid', 'The new person must belong to the department', '进驻人员须为本部门人员', [{ field: 'body.inUserId' }]);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(staffChangeRequests).values({ centerId, departmentId: user.departmentId!, kind: input.kind, windowId: w.id, post: input.post, outUserId: input.outUserId ?? null, inUserId: input.inUserId ?? null, effectiveOn: input.effectiveOn, reason: input.reason, state: 'submitted', requestedBy: user.id, requestedAt: now.toISOString() }).returning();
    await audit(tx, user, 'duty.staffChange.submit', 'staffChangeRequest', r.id, now, input);
    return { id: r.id, state: r.state };
  });
}

const actorsFor = (user: SessionUser, departmentId: string | null, requesterId?: string): Actor[] => [
  ...(isCenter(user) ? ['center' as const] : []),
  ...(isDeptManager(user) && user.departmentId === departmentId ? ['department' as const] : []),
  ...(requesterId === user.id ? ['requester' as const] : []),
];

export async function actOnChange(ctx: AppContext, user: SessionUser, id: string, action: StaffChangeAction, note: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(staffChangeRequests).where(eq(staffChangeRequests.id, id)).for('update');
    if (!r || r.centerId !== user.centerId) throw notFound('Staff change request', '人员变更申请');
    const to = next(STAFF_CHANGE, action, r.state, actorsFor(user, r.departmentId));
    if (!to) throw conflict('transition_not_allowed', `Cannot ${action} a ${r.state} request`, `当前状态（${STAFF_CHANGE_LABELS[r.state]}）不能执行该操作`);
    await tx.update(staffChangeRequests).set({ state: to, decidedBy: user.id, decidedAt: now.toISOString(), note }).where(eq(staffChangeRequests.id, r.id));
    if (to === 'approved') {
      // The out-going holder's tenure ends the day before; the new holder's starts on the day.
      if (r.outUserId) {
        const prev = new Date(`${r.effectiveOn}T00:00:00Z`); prev.setUTCDate(prev.getUTCDate() - 1);
        await tx.update(staffAssignments).set({ toDate: prev.toISOString().slice(0, 10) }).where(and(eq(staffAssignments.windowId, r.windowId), eq(staffAssignments.userId, r.outUserId), eq(staffAssignments.post, r.post), or(isNull(staffAssignments.toDate), gte(staffAssignments.toDate, r.effectiveOn))));
      }
      if (r.inUserId) await tx.insert(staffAssignments).values({ centerId: r.centerId, windowId: r.windowId, departmentId: r.departmentId, userId: r.inUserId, post: r.post, fromDate: r.effectiveOn, createdAt: now.toISOString() });
    }
    await audit(tx, user, `duty.staffChange.${action}`, 'staffChangeRequest', r.id, now, { state: to, note }, { state: r.state });
    return { id: r.id, state: to };
  });
}

export async function listChanges(ctx: AppContext, user: SessionUser) {
  const centerId = ownCenter(user);
  const list = await rows<{ id: string; kind: string; window: string; post: string; out_name: string | null; in_name: string | null; effective_on: string; reason: string; state: 'submitted' | 'approved' | 'rejected' | 'withdrawn'; department: string; department_id: string; requested_at: string; note: string }>(ctx.db, sql`
    select r.id, r.kind, w.name as window, r.post, o.display_name as out_name, i.display_name as in_name, r.effective_on::text as effective_on, r.reason, r.state, d.name as department, r.department_id, r.requested_at, r.note
      from staff_change_requests r join windows w on w.id = r.window_id join departments d on d.id = r.department_id
      left join users o on o.id = r.out_user_id left join users i on i.id = r.in_user_id
     where r.center_id = ${centerId} ${isCenter(user) ? sql`` : sql`and r.department_id = ${user.departmentId}`} order by r.requested_at desc`);
  return { items: list.map((r) => ({ id: r.id, kind: r.kind, window: r.window, post: r.post, outName: r.out_name, inName: r.in_name, effectiveOn: r.effective_on, reason: r.reason, state: r.state, stateLabel: STAFF_CHANGE_LABELS[r.state], department: r.department, requestedAt: new Date(r.requested_at).toISOString(), note: r.note, actions: allowed(STAFF_CHANGE, r.state, actorsFor(user, r.department_id)) })) };
}

// ---- leave -------------------------------------------------------------------------------

export interface LeaveInput { kind: 'personal' | 'sick' | 'official' | 'annual'; fromDate: string; toDate: string; reason: string }

export async function requestLeave(ctx: AppContext, user: SessionUser, input: LeaveInput) {
  const centerId = ownCenter(user);
  if (input.toDate < input.fromDate) throw unprocessable('leave_range', 'The leave ends before it starts', '结束日期早于开始日期', [{ field: 'body.toDate' }]);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(leaveRequests).values({ userId: user.id, centerId, departmentId: user.departmentId, ...input, state: 'submitted', createdAt: now.toISOString() }).returning();
    await audit(tx, user, 'duty.leave.submit', 'leaveRequest', r.id, now, input);
    return { id: r.id, state: r.state };
  });
}

export async function actOnLeave(ctx: AppContext, user: SessionUser, id: string, action: LeaveAction, note: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, id)).for('update');
    if (!r || r.centerId !== user.centerId) throw notFound('Leave request', '请假申请');
    // Staff without a department (center staff) are approved by the center alone.
    const actors = actorsFor(user, r.departmentId, r.userId);
    if (!r.departmentId && isCenter(user)) actors.push('department');
    if (r.userId === user.id && action !== 'cancel') throw forbidden('You cannot approve your own leave', '不能审批本人的请假');
    const to = next(LEAVE, action, r.state, actors);
    if (!to) throw conflict('transition_not_allowed', `Cannot ${action} a ${r.state} request`, `当前状态（${LEAVE_LABELS[r.state]}）不能执行该操作`);
    await tx.update(leaveRequests).set({ state: to, history: [...r.history, { action, by: user.id, at: now.toISOString(), note }] }).where(eq(leaveRequests.id, r.id));
    await audit(tx, user, `duty.leave.${action}`, 'leaveRequest', r.id, now, { state: to, note }, { state: r.state });
    return { id: r.id, state: to };
  });
}

export async function listLeave(ctx: AppContext, user: SessionUser) {
  const centerId = ownCenter(user);
  const scope = isCenter(user) ? sql`` : isDeptManager(user) ? sql`and (l.department_id = ${user.departmentId} or l.user_id = ${user.id})` : sql`and l.user_id = ${user.id}`;
  const list = await rows<{ id: string; user_id: string; name: string; department_id: string | null; kind: string; from_date: string; to_date: string; reason: string; state: 'submitted' | 'deptApproved' | 'approved' | 'rejected' | 'cancelled' }>(ctx.db, sql`
    select l.id, l.user_id, u.display_name as name, l.department_id, l.kind, l.from_date::text as from_date, l.to_date::text as to_date, l.reason, l.state
      from leave_requests l join users u on u.id = l.user_id where l.center_id = ${centerId} ${scope} order by l.created_at desc limit 200`);
  return { items: list.map((l) => {
    const actors = actorsFor(user, l.department_id, l.user_id);
    if (!l.department_id && isCenter(user)) actors.push('department');
    return { id: l.id, name: l.name, kind: l.kind, fromDate: l.from_date, toDate: l.to_date, reason: l.reason, state: l.state, stateLabel: LEAVE_LABELS[l.state], actions: allowed(LEAVE, l.state, actors).filter((a) => l.user_id !== user.id || a === 'cancel') };
  }) };
}

// ---- duty rosters (extended / weekend service) --------------------------------------------

export async function addRoster(ctx: AppContext, user: SessionUser, input: { userId: string; day: string; fromTime: string; toTime: string; kind: 'extended' | 'weekend' }) {
  const centerId = ownCenter(user);
  if (input.toTime <= input.fromTime) throw unprocessable('roster_range', 'The duty ends before it starts', '值班结束时间须晚于开始时间', [{ field: 'body.toTime' }]);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!u || u.centerId !== centerId) throw unprocessable('user_unknown', 'Not staff of your center', '不是本中心工作人员', [{ field: 'body.userId' }]);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(dutyRosters).values({ centerId, ...input, createdAt: now.toISOString() }).returning();
    await audit(tx, user, 'duty.roster.add', 'dutyRoster', r.id, now, input);
    return { id: r.id };
  });
}

export async function listRosters(ctx: AppContext, user: SessionUser, from: string) {
  const centerId = ownCenter(user);
  const list = await ctx.db.select({ id: dutyRosters.id, day: dutyRosters.day, fromTime: dutyRosters.fromTime, toTime: dutyRosters.toTime, kind: dutyRosters.kind, userId: dutyRosters.userId, name: users.displayName })
    .from(dutyRosters).innerJoin(users, eq(users.id, dutyRosters.userId)).where(and(eq(dutyRosters.centerId, centerId), gte(dutyRosters.day, from))).orderBy(dutyRosters.day, desc(dutyRosters.fromTime));
  return { items: list };
}

export { requireDepartment };

/** Issue or change a badge (工号, title, photo from the uploads): the center admin. */
export async function putBadge(ctx: AppContext, user: SessionUser, userId: string, input: { number: string; title: string; photoFileId?: string }) {
  const centerId = ownCenter(user);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u || u.centerId !== centerId) throw notFound('Staff member', '工作人员');
  if (input.photoFileId) {
    const [f] = await ctx.db.select({ mime: files.mime }).from(files).where(eq(files.id, input.photoFileId));
    if (!f || !f.mime.startsWith('image/')) throw unprocessable('photo_invalid', 'The photo must be an uploaded image', '照片须为已上传的图片（JPG/PNG）', [{ field: 'body.photoFileId' }]);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx.select().from(badges).where(and(eq(badges.centerId, centerId), eq(badges.number, input.number)));
    if (clash && clash.userId !== userId) throw conflict('badge_number_taken', 'That badge number is taken', '该工号已被使用');
    const row = { userId, centerId, number: input.number, title: input.title, photoFileId: input.photoFileId ?? null, issuedOn: ctx.today() };
    await tx.insert(badges).values(row).onConflictDoUpdate({ target: badges.userId, set: { number: row.number, title: row.title, photoFileId: row.photoFileId, issuedOn: row.issuedOn } });
    await audit(tx, user, 'duty.badge.set', 'badge', userId, now, row);
    return row;
  });
}
