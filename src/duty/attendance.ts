/**
 * Sign-in/out (once a day each, at the workbench or by the center admin), the day's board,
 * the monthly sheet — and the real `AttendanceSource` the empty-window anomaly reads.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { departments, windows } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import type { AttendanceSource } from '../supervision/anomalies/staffing.js';
import { attendance, leaveRequests, staffAssignments } from './schema.js';
import { audit, isCenter, localTime, MONTH, ownCenter, settingsOf } from './common.js';
import { classifyDay, hoursOn, STATUS_LABELS, type AttendanceStatus } from './hours.js';
import type { Session } from './settings.js';
import { daysOfMonth } from './leaderRules.js';
import { badRequest } from '../core/errors.js';

async function targetOf(ctx: AppContext, actor: SessionUser, userId: string | undefined) {
  const id = userId ?? actor.id;
  if (id !== actor.id && !isCenter(actor)) throw forbidden('Only the center admin signs in for someone else', '只有中心管理办公室可以代为签到');
  const [u] = await ctx.db.select({ id: users.id, centerId: users.centerId, role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, id));
  if (!u) throw notFound('User', '人员');
  if (!u.centerId || u.centerId !== ownCenter(actor) || u.role === 'applicant') throw forbidden('Not staff of your center', '不是本中心工作人员');
  return u;
}

export async function signIn(ctx: AppContext, actor: SessionUser, userId?: string) {
  const u = await targetOf(ctx, actor, userId);
  const now = ctx.now();
  const day = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const got = await tx.insert(attendance).values({ userId: u.id, centerId: u.centerId!, day, signInAt: now.toISOString(), signInBy: actor.id })
      .onConflictDoNothing().returning();
    if (got.length === 0) throw conflict('already_signed_in', 'Already signed in today', '今天已签到');
    await audit(tx, actor, 'duty.signIn', 'attendance', got[0].id, now, { userId: u.id, day });
    return { day, signInAt: got[0].signInAt, signOutAt: null };
  });
}

export async function signOut(ctx: AppContext, actor: SessionUser, userId?: string) {
  const u = await targetOf(ctx, actor, userId);
  const now = ctx.now();
  const day = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(attendance).where(and(eq(attendance.userId, u.id), eq(attendance.day, day))).for('update');
    if (!row?.signInAt) throw conflict('not_signed_in', 'Sign in first', '今天尚未签到，请先签到');
    if (row.signOutAt) throw conflict('already_signed_out', 'Already signed out today', '今天已签退');
    await tx.update(attendance).set({ signOutAt: now.toISOString(), signOutBy: actor.id }).where(eq(attendance.id, row.id));
    await audit(tx, actor, 'duty.signOut', 'attendance', row.id, now, { userId: u.id, day });
    return { day, signInAt: row.signInAt, signOutAt: now.toISOString() };
  });
}

interface Assignment { userId: string; windowId: string; post: string; fromDate: string; toDate: string | null; attendanceExempt: boolean }

const active = (a: { fromDate: string; toDate: string | null }, day: string) => a.fromDate <= day && (a.toDate === null || a.toDate >= day);

/** Everything classification needs for the people of a center over [from, to]. */
async function gather(db: Queryable, centerId: string, from: string, to: string) {
  const assigned: Assignment[] = await db.select({
    userId: staffAssignments.userId, windowId: staffAssignments.windowId, post: staffAssignments.post, fromDate: staffAssignments.fromDate, toDate: staffAssignments.toDate, attendanceExempt: staffAssignments.attendanceExempt,
  }).from(staffAssignments).where(and(eq(staffAssignments.centerId, centerId), lte(staffAssignments.fromDate, to), or(isNull(staffAssignments.toDate), gte(staffAssignments.toDate, from))));
  const ids = [...new Set(assigned.map((a) => a.userId))];
  const people = ids.length ? await db.select({ id: users.id, displayName: users.displayName, username: users.username, role: users.role, departmentId: users.departmentId }).from(users).where(inArray(users.id, ids)) : [];
  // By center and day (its index), only the columns classification reads: the sheet's biggest read.
  const marks = ids.length ? await db.select({ userId: attendance.userId, day: attendance.day, signInAt: attendance.signInAt, signOutAt: attendance.signOutAt })
    .from(attendance).where(and(eq(attendance.centerId, centerId), gte(attendance.day, from), lte(attendance.day, to))) : [];
  const leaves = ids.length ? await db.select().from(leaveRequests).where(and(inArray(leaveRequests.userId, ids), eq(leaveRequests.state, 'approved'), lte(leaveRequests.fromDate, to), gte(leaveRequests.toDate, from))) : [];
  return { assigned, people, marks, leaves };
}

type Gathered = Awaited<ReturnType<typeof gather>>;

function classifier(ctx: AppContext, g: Gathered, settings: Awaited<ReturnType<typeof settingsOf>>, isWorkingDay: (d: string) => boolean) {
  const tz = ctx.config.timeZone;
  const today = ctx.today();
  const nowTime = localTime(ctx.now(), tz);
  const mark = new Map(g.marks.map((m) => [`${m.userId}|${m.day}`, m]));
  const roleOf = new Map(g.people.map((p) => [p.id, p.role]));
  const group = <T extends { userId: string }>(list: T[]) => list.reduce((m, x) => m.set(x.userId, [...(m.get(x.userId) ?? []), x]), new Map<string, T[]>());
  const postsOf = group(g.assigned);
  const leavesOf = group(g.leaves);
  return (userId: string, day: string) => {
    const posts = (postsOf.get(userId) ?? []).filter((a) => active(a, day));
    if (posts.length === 0 || day > today) return null;
    const m = mark.get(`${userId}|${day}`);
    const exempt = posts.every((p) => p.attendanceExempt || (settings.exemptChiefRepA && p.post === 'A' && roleOf.get(userId) === 'chiefRep'));
    return classifyDay({
      workingDay: isWorkingDay(day), hours: hoursOn(day, settings),
      signIn: m?.signInAt ? localTime(new Date(m.signInAt), tz) : null, signOut: m?.signOutAt ? localTime(new Date(m.signOutAt), tz) : null,
      onLeave: (leavesOf.get(userId) ?? []).some((l) => l.fromDate <= day && l.toDate >= day),
      exempt, graceMinutes: settings.graceMinutes, nowTime: day === today ? nowTime : null,
    });
  };
}

/** The day's attendance of the center's post holders (the center admin's board) or one's own. */
export async function dayBoard(ctx: AppContext, user: SessionUser, day: string) {
  const centerId = ownCenter(user);
  const g = await gather(ctx.db, centerId, day, day);
  const settings = await settingsOf(ctx.db, centerId);
  const cal = await calendarFor(ctx.db, centerId);
  const classify = classifier(ctx, g, settings, (d) => cal.isWorkingDay(d));
  const wins = await ctx.db.select({ id: windows.id, number: windows.number, name: windows.name }).from(windows).where(eq(windows.centerId, centerId));
  const winById = new Map(wins.map((w) => [w.id, w]));
  const mark = new Map(g.marks.map((m) => [m.userId, m]));
  const visible = g.people.filter((p) => isCenter(user) || user.role === 'supervisor' || p.id === user.id || (user.departmentId && p.departmentId === user.departmentId));
  return {
    day, hours: hoursOn(day, settings), workingDay: cal.isWorkingDay(day),
    people: visible.map((p) => {
      const c = classify(p.id, day);
      const m = mark.get(p.id);
      return {
        userId: p.id, displayName: p.displayName, username: p.username, role: p.role,
        posts: g.assigned.filter((a) => a.userId === p.id && active(a, day)).map((a) => ({ post: a.post, window: winById.get(a.windowId) ?? null })),
        signInAt: m?.signInAt ?? null, signOutAt: m?.signOutAt ?? null,
        status: c?.status ?? 'notRequired', statusLabel: STATUS_LABELS[c?.status ?? 'notRequired'], lateMinutes: c?.lateMinutes ?? 0, earlyMinutes: c?.earlyMinutes ?? 0,
      };
    }),
  };
}

export async function myDay(ctx: AppContext, user: SessionUser) {
  const [m] = await ctx.db.select().from(attendance).where(and(eq(attendance.userId, user.id), eq(attendance.day, ctx.today())));
  const board = user.centerId ? await dayBoard(ctx, { ...user, role: user.role }, ctx.today()) : null;
  const me = board?.people.find((p) => p.userId === user.id) ?? null;
  return { day: ctx.today(), signInAt: m?.signInAt ?? null, signOutAt: m?.signOutAt ?? null, status: me?.status ?? null, statusLabel: me?.statusLabel ?? null, posts: me?.posts ?? [] };
}

const CODES: Record<AttendanceStatus, string> = { notRequired: '', exempt: '免', leave: '假', absent: '缺', late: '迟', earlyLeave: '早', lateAndEarlyLeave: '迟早', onTime: '√', open: '…', notSignedOut: '未' };

/** The monthly sheet: one line per person, one column per day, totals. */
export async function monthSheet(ctx: AppContext, user: SessionUser, month: string) {
  if (!MONTH.test(month)) throw badRequest('month_invalid', 'Month must be YYYY-MM', '月份格式应为YYYY-MM');
  if (!isCenter(user) && user.role !== 'supervisor' && !user.departmentId) throw forbidden();
  const centerId = ownCenter(user);
  const days = daysOfMonth(month);
  const g = await gather(ctx.db, centerId, days[0], days[days.length - 1]);
  const settings = await settingsOf(ctx.db, centerId);
  const cal = await calendarFor(ctx.db, centerId);
  const classify = classifier(ctx, g, settings, (d) => cal.isWorkingDay(d));
  const deptNames = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, centerId))).map((d) => [d.id, d.name]));
  const people = g.people.filter((p) => isCenter(user) || user.role === 'supervisor' || p.departmentId === user.departmentId)
    .sort((a, b) => (a.departmentId ?? '').localeCompare(b.departmentId ?? '') || a.username.localeCompare(b.username));
  const lines = people.map((p) => {
    const cells = days.map((d) => classify(p.id, d)?.status ?? 'notRequired');
    const count = (s: AttendanceStatus[]) => cells.filter((c) => s.includes(c)).length;
    return {
      userId: p.id, displayName: p.displayName, department: p.departmentId ? deptNames.get(p.departmentId) ?? '' : '中心', cells,
      totals: { required: cells.filter((c) => c !== 'notRequired' && c !== 'exempt').length, onTime: count(['onTime']), late: count(['late', 'lateAndEarlyLeave']), earlyLeave: count(['earlyLeave', 'lateAndEarlyLeave']), absent: count(['absent']), leave: count(['leave']) },
    };
  });
  return { month, days, workingDays: days.filter((d) => cal.isWorkingDay(d)), lines };
}

export async function monthSheetWorkbook(sheet: Awaited<ReturnType<typeof monthSheet>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet(`${sheet.month}考勤`);
  ws.columns = [
    { header: '姓名', key: 'name', width: 10 }, { header: '单位', key: 'dept', width: 22 },
    ...sheet.days.map((d) => ({ header: String(Number(d.slice(8))), key: d, width: 4 })),
    { header: '应出勤', key: 'required', width: 7 }, { header: '正常', key: 'onTime', width: 6 }, { header: '迟到', key: 'late', width: 6 },
    { header: '早退', key: 'earlyLeave', width: 6 }, { header: '缺勤', key: 'absent', width: 6 }, { header: '请假', key: 'leave', width: 6 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const l of sheet.lines) ws.addRow({ name: l.displayName, dept: l.department, ...Object.fromEntries(sheet.days.map((d, i) => [d, CODES[l.cells[i]]])), ...l.totals });
  const info = wb.addWorksheet('说明');
  info.addRow(['√ 正常  迟 迟到  早 早退（含当日结束仍未签退）  未 今日未签退  缺 缺勤  假 请假  免 免考勤  空白 非工作日或无岗位']);
  info.addRow(['考勤按中心工作日历（法定节假日无需考勤，调休上班日照常考勤）和中心作息时间（含季节作息）计算']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The empty-window rule's view of real sign-ins: the post holders of a window signed in at
 * an instant (signed in that day, not yet signed out). Judged only for windows with posts.
 * The job asks window by window; the source answers from one query per instant (and one
 * per day for the tracked windows), memoised for its life — one job run (src/duty/jobs.ts
 * builds a fresh source each run, so a post or sign-in change is seen at the next run).
 */
export function dutyAttendance(timeZone: string): AttendanceSource {
  const dayOf = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const present = new Map<string, Promise<Map<string, string[]>>>();
  const tracked = new Map<string, Promise<Set<string>>>();
  const hours = new Map<string, Promise<Session[]>>();
  const memo = <T>(m: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    if (!m.has(key)) m.set(key, load());
    return m.get(key)!;
  };
  return {
    async signedInAt(db, windowId, at) {
      const byWindow = await memo(present, at.toISOString(), async () => {
        const day = dayOf(at);
        const got = await rows<{ window_id: string; user_id: string }>(db, sql`
          select s.window_id, a.user_id from staff_assignments s join attendance a on a.user_id = s.user_id and a.day = ${day}
           where s.from_date <= ${day} and (s.to_date is null or s.to_date >= ${day})
             and a.sign_in_at <= ${at.toISOString()} and (a.sign_out_at is null or a.sign_out_at > ${at.toISOString()})`);
        const m = new Map<string, string[]>();
        for (const r of got) m.set(r.window_id, [...(m.get(r.window_id) ?? []), r.user_id]);
        return m;
      });
      return byWindow.get(windowId) ?? [];
    },
    async tracks(db, windowId, day) {
      const set = await memo(tracked, day, async () => new Set((await rows<{ window_id: string }>(db, sql`
        select distinct window_id from staff_assignments where from_date <= ${day} and (to_date is null or to_date >= ${day})`)).map((r) => r.window_id)));
      return set.has(windowId);
    },
    async hoursFor(db, centerId, day) {
      return memo(hours, `${centerId}|${day}`, async () => hoursOn(day, await settingsOf(db, centerId)));
    },
  };
}
