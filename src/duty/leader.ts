/**
 * Leader on-site duty (领导现场办公): department plans by the 10th, the center's merged and
 * published schedule, today's leader on the portal, substitutes with the center's consent,
 * sign-in/out at the guidance desk with a duty log, missed duties and their escalation.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import type { Job } from '../core/scheduler.js';
import { users } from '../core/auth/schema.js';
import { centers, departments } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { leaderDutyDays, leaderDutyEscalations, leaderDutyPlans, leaderDutySchedules } from './schema.js';
import { audit, isCenter, localTime, MONTH, ownCenter, requireDepartment, settingsOf } from './common.js';
import { hoursOn } from './hours.js';
import { CADENCE_DUTY, CADENCE_LABELS, sittingOf, daysOfMonth, missRunToEscalate, PLAN_STATUS_LABELS, planDueOn, planShortfall, planStatus, quarterMonths } from './leaderRules.js';
import type { DutySettings } from './settings.js';
import type { EscalationRecipient } from './schema.js';
import type { Notice } from '../core/outbox/enqueue.js';
import { LOCK } from '../core/locks.js';

const monthOf = (day: string) => day.slice(0, 7);
const checkMonth = (m: string) => { if (!MONTH.test(m)) throw badRequest('month_invalid', 'Month must be YYYY-MM', '月份格式应为YYYY-MM'); };
/** The leader who is actually on duty: the substitute once the center consented. */
const effective = (d: { leaderId: string; substituteId: string | null; substituteState: string | null }) => (d.substituteState === 'approved' && d.substituteId ? d.substituteId : d.leaderId);
const LEADER_ROLES = ['leader', 'chiefRep'];

export interface PlanInput { departmentId?: string; month: string; days: { day: string; leaderId: string }[] }

export async function submitPlan(ctx: AppContext, user: SessionUser, input: PlanInput) {
  checkMonth(input.month);
  const centerId = ownCenter(user);
  const departmentId = isCenter(user) ? input.departmentId : user.departmentId;
  if (!departmentId) throw badRequest('department_required', 'Name the department', '请选择部门', [{ field: 'body.departmentId' }]);
  requireDepartment(user, departmentId);
  const today = ctx.today();
  if (input.month <= monthOf(today)) throw unprocessable('plan_month_past', 'Plans are for a coming month', '只能报送以后月份的现场办公计划', [{ field: 'body.month' }]);
  const settings = await settingsOf(ctx.db, centerId);
  const cal = await calendarFor(ctx.db, centerId);
  const monthDays = new Set(daysOfMonth(input.month));
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    const field = `body.days.${i}.day`;
    if (!monthDays.has(d.day)) throw unprocessable('day_outside_month', `${d.day} is not in ${input.month}`, `${d.day}不在${input.month}内`, [{ field }]);
    if (!cal.isWorkingDay(d.day)) throw unprocessable('not_working_day', `${d.day} is not a working day`, `${d.day}不是工作日`, [{ field }]);
    if (seen.has(`${d.day}|${d.leaderId}`)) throw unprocessable('day_repeated', 'A day is listed twice', '同一领导同一天重复填报', [{ field }]);
    seen.add(`${d.day}|${d.leaderId}`);
  });
  const short = planShortfall(settings.leaderCadence, input.month, input.days.map((d) => d.day), (d) => cal.isWorkingDay(d), settings.leaderDaysPerMonth);
  if (short?.kind === 'days') {
    throw unprocessable('too_few_days', `At least ${short.minDays} leader day(s) a month`, `每月现场办公不少于${short.minDays}个工作日`, [{ field: 'body.days' }]);
  }
  if (short?.kind === 'weeks') {
    throw unprocessable('week_uncovered', `One sitting every week: none in the week(s) of ${short.weeks.join(', ')}`, `每周坐班半天：${short.weeks.map((w) => `${w}所在周`).join('、')}未安排`, [{ field: 'body.days', weeks: short.weeks }]);
  }
  const leaderIds = [...new Set(input.days.map((d) => d.leaderId))];
  const leaders = await ctx.db.select({ id: users.id, role: users.role, departmentId: users.departmentId }).from(users).where(inArray(users.id, leaderIds));
  for (const id of leaderIds) {
    const l = leaders.find((x) => x.id === id);
    if (!l || l.departmentId !== departmentId || !LEADER_ROLES.includes(l.role)) throw unprocessable('not_department_leader', 'The leader must be a leader of the department', '现场办公人员须为本部门领导', [{ field: 'body.days', leaderId: id }]);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [pub] = await tx.select().from(leaderDutySchedules).where(and(eq(leaderDutySchedules.centerId, centerId), eq(leaderDutySchedules.month, input.month)));
    if (pub) throw conflict('schedule_published', 'The schedule of this month is published; ask for a substitute instead', '该月排班已发布，如需调整请申请替班');
    const [existing] = await tx.select().from(leaderDutyPlans).where(and(eq(leaderDutyPlans.departmentId, departmentId), eq(leaderDutyPlans.month, input.month))).for('update');
    let planId: string;
    if (existing) {
      planId = existing.id;
      await tx.update(leaderDutyPlans).set({ revisedAt: now.toISOString() }).where(eq(leaderDutyPlans.id, planId));
      await tx.delete(leaderDutyDays).where(eq(leaderDutyDays.planId, planId));
    } else {
      const [p] = await tx.insert(leaderDutyPlans).values({ centerId, departmentId, month: input.month, submittedAt: now.toISOString(), submittedOn: today, submittedBy: user.id }).returning();
      planId = p.id;
    }
    await tx.insert(leaderDutyDays).values(input.days.map((d) => ({ planId, centerId, departmentId, month: input.month, day: d.day, leaderId: d.leaderId })));
    const status = planStatus(input.month, existing?.submittedOn ?? today, today, settings.planDueDay);
    await audit(tx, user, existing ? 'duty.plan.revise' : 'duty.plan.submit', 'leaderDutyPlan', planId, now, { month: input.month, days: input.days, status });
    return { id: planId, month: input.month, status, statusLabel: PLAN_STATUS_LABELS[status], dueOn: planDueOn(input.month, settings.planDueDay) };
  });
}

/** Departments of the center that have a window (the seeds: 每个进驻窗口的部门). */
async function windowDepartments(tx: Tx | AppContext['db'], centerId: string) {
  return rows<{ id: string; name: string }>(tx, sql`
    select d.id, d.name from departments d where d.center_id = ${centerId}
       and exists (select 1 from windows w where w.department_id = d.id) order by d.short_code`);
}

/** Each department's plan for a month with its by-the-10th status (late and missing flagged). */
export async function plansOverview(ctx: AppContext, user: SessionUser, month: string) {
  checkMonth(month);
  const centerId = ownCenter(user);
  const settings = await settingsOf(ctx.db, centerId);
  const depts = await windowDepartments(ctx.db, centerId);
  const quarterly = settings.leaderCadence === 'quarterlyHalfDay';
  const months = quarterly ? quarterMonths(month) : [month];
  const quarterPlans = await ctx.db.select().from(leaderDutyPlans).where(and(eq(leaderDutyPlans.centerId, centerId), inArray(leaderDutyPlans.month, months)));
  const plans = quarterPlans.filter((p) => p.month === month);
  const days = await dutyDays(ctx, centerId, month);
  const [pub] = await ctx.db.select().from(leaderDutySchedules).where(and(eq(leaderDutySchedules.centerId, centerId), eq(leaderDutySchedules.month, month)));
  return {
    month, dueOn: planDueOn(month, settings.planDueDay), minDays: settings.leaderDaysPerMonth, published: pub ? { at: pub.publishedAt } : null,
    cadence: settings.leaderCadence, cadenceLabel: CADENCE_LABELS[settings.leaderCadence],
    departments: depts.filter((d) => isCenter(user) || user.role === 'supervisor' || d.id === user.departmentId).map((d) => {
      const p = plans.find((x) => x.departmentId === d.id);
      const covered = quarterly && quarterPlans.some((x) => x.departmentId === d.id && x.month !== month);
      const status = planStatus(month, p?.submittedOn ?? null, ctx.today(), settings.planDueDay, covered);
      return { departmentId: d.id, department: d.name, status, statusLabel: PLAN_STATUS_LABELS[status], flagged: status === 'late' || status === 'missing', submittedAt: p?.submittedAt ?? null, days: days.filter((x) => x.departmentId === d.id) };
    }),
  };
}

async function dutyDays(ctx: AppContext, centerId: string, month: string) {
  const list = await rows<{ id: string; department_id: string; department: string; day: string; leader_id: string; leader: string; substitute_id: string | null; substitute: string | null; substitute_state: string | null; substitute_reason: string | null; sign_in_at: string | null; sign_out_at: string | null; status: string; log: { at: string; text: string }[] }>(ctx.db, sql`
    select d.id, d.department_id, dp.name as department, d.day::text as day, d.leader_id, l.display_name as leader, d.substitute_id, s.display_name as substitute,
           d.substitute_state, d.substitute_reason, d.sign_in_at, d.sign_out_at, d.status, d.log
      from leader_duty_days d join departments dp on dp.id = d.department_id join users l on l.id = d.leader_id left join users s on s.id = d.substitute_id
     where d.center_id = ${centerId} and d.month = ${month} order by d.day, dp.short_code`);
  return list.map((d) => ({
    id: d.id, departmentId: d.department_id, department: d.department, day: d.day, leaderId: d.leader_id, leader: d.leader,
    substitute: d.substitute_id ? { id: d.substitute_id, name: d.substitute, state: d.substitute_state, reason: d.substitute_reason } : null,
    onDuty: d.substitute_state === 'approved' && d.substitute ? d.substitute : d.leader,
    signInAt: d.sign_in_at ? new Date(d.sign_in_at).toISOString() : null, signOutAt: d.sign_out_at ? new Date(d.sign_out_at).toISOString() : null, status: d.status, log: d.log,
  }));
}

export async function schedule(ctx: AppContext, user: SessionUser, month: string) {
  checkMonth(month);
  const centerId = ownCenter(user);
  const [pub] = await ctx.db.select().from(leaderDutySchedules).where(and(eq(leaderDutySchedules.centerId, centerId), eq(leaderDutySchedules.month, month)));
  return { month, published: pub ? { at: pub.publishedAt } : null, days: await dutyDays(ctx, centerId, month) };
}

export async function publish(ctx: AppContext, user: SessionUser, month: string) {
  checkMonth(month);
  const centerId = ownCenter(user);
  const overview = await plansOverview(ctx, user, month);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const got = await tx.insert(leaderDutySchedules).values({ centerId, month, publishedAt: now.toISOString(), publishedBy: user.id }).onConflictDoNothing().returning();
    if (!got.length) throw conflict('schedule_published', 'Already published', '该月排班已发布');
    await audit(tx, user, 'duty.schedule.publish', 'leaderDutySchedule', `${centerId}:${month}`, now, { month, flagged: overview.departments.filter((d) => d.flagged).map((d) => ({ department: d.department, status: d.status })) });
  });
  return { month, publishedAt: now.toISOString(), flagged: overview.departments.filter((d) => d.flagged).map((d) => ({ department: d.department, status: d.status, statusLabel: d.statusLabel })) };
}

/** Public: today's leaders on duty in published schedules (the portal's 今日领导坐班). */
export async function todayLeaders(ctx: AppContext, centerId?: string) {
  const today = ctx.today();
  const list = await rows<{ id: string; center: string; department: string; leader: string; substitute: string | null; substitute_state: string | null; sign_in_at: string | null; sign_out_at: string | null }>(ctx.db, sql`
    select d.id, c.name as center, dp.name as department, l.display_name as leader, s.display_name as substitute, d.substitute_state, d.sign_in_at, d.sign_out_at
      from leader_duty_days d join leader_duty_schedules p on p.center_id = d.center_id and p.month = d.month
      join centers c on c.id = d.center_id join departments dp on dp.id = d.department_id join users l on l.id = d.leader_id left join users s on s.id = d.substitute_id
     where d.day = ${today} ${centerId ? sql`and d.center_id = ${centerId}` : sql``} order by c.path, dp.short_code`);
  return {
    day: today,
    leaders: list.map((d) => ({
      id: d.id, center: d.center, department: d.department, name: d.substitute_state === 'approved' && d.substitute ? d.substitute : d.leader,
      substituted: d.substitute_state === 'approved', present: !!d.sign_in_at && !d.sign_out_at, signedInAt: d.sign_in_at ? new Date(d.sign_in_at).toISOString() : null,
    })),
  };
}

async function lockDay(tx: Tx, id: string) {
  const [d] = await tx.select().from(leaderDutyDays).where(eq(leaderDutyDays.id, id)).for('update');
  if (!d) throw notFound('Duty day', '现场办公安排');
  return d;
}

export async function requestSubstitute(ctx: AppContext, user: SessionUser, dayId: string, input: { substituteId: string; reason: string }) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const d = await lockDay(tx, dayId);
    if (d.centerId !== ownCenter(user)) throw forbidden();
    requireDepartment(user, d.departmentId);
    if (d.status !== 'planned' || d.day < ctx.today()) throw conflict('duty_decided', 'This duty is over', '该现场办公已结束，不能替班');
    if (d.substituteState === 'requested') throw conflict('substitute_pending', 'A substitute request waits for the center', '已有替班申请待中心审批');
    const [sub] = await tx.select().from(users).where(eq(users.id, input.substituteId));
    if (!sub || sub.departmentId !== d.departmentId || !LEADER_ROLES.includes(sub.role) || sub.id === d.leaderId) {
      throw unprocessable('substitute_invalid', 'The substitute must be another leader of the department', '替班人须为本单位其他领导', [{ field: 'body.substituteId' }]);
    }
    await tx.update(leaderDutyDays).set({ substituteId: sub.id, substituteState: 'requested', substituteReason: input.reason }).where(eq(leaderDutyDays.id, d.id));
    await audit(tx, user, 'duty.substitute.request', 'leaderDutyDay', d.id, now, { substituteId: sub.id, reason: input.reason });
    return { id: d.id, substituteState: 'requested' };
  });
}

export async function decideSubstitute(ctx: AppContext, user: SessionUser, dayId: string, approve: boolean) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const d = await lockDay(tx, dayId);
    if (d.centerId !== ownCenter(user)) throw forbidden();
    if (d.substituteState !== 'requested') throw conflict('no_substitute_request', 'No substitute request to decide', '没有待审批的替班申请');
    const state = approve ? 'approved' : 'rejected';
    await tx.update(leaderDutyDays).set({ substituteState: state }).where(eq(leaderDutyDays.id, d.id));
    await audit(tx, user, `duty.substitute.${approve ? 'approve' : 'reject'}`, 'leaderDutyDay', d.id, now, { substituteId: d.substituteId });
    return { id: d.id, substituteState: state };
  });
}

/** Sign-in/out at the guidance desk: the leader on duty, or the center admin recording it for them; only on the day. */
export async function dutySign(ctx: AppContext, user: SessionUser, dayId: string, what: 'in' | 'out') {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const d = await lockDay(tx, dayId);
    if (!(isCenter(user) && d.centerId === user.centerId) && effective(d) !== user.id) throw forbidden('Only the leader on duty or the center signs', '只有当日值班领导本人或中心可以签到');
    if (d.day !== ctx.today()) throw conflict('not_duty_day', `The duty is on ${d.day}`, `现场办公日期为${d.day}，非当日不能签到`);
    const [pub] = await tx.select().from(leaderDutySchedules).where(and(eq(leaderDutySchedules.centerId, d.centerId), eq(leaderDutySchedules.month, d.month)));
    if (!pub) throw conflict('schedule_unpublished', 'The schedule is not published yet', '排班尚未发布');
    if (what === 'in') {
      if (d.signInAt) throw conflict('already_signed_in', 'Already signed in', '已签到');
      await tx.update(leaderDutyDays).set({ signInAt: now.toISOString(), status: 'done' }).where(eq(leaderDutyDays.id, d.id));
    } else {
      if (!d.signInAt) throw conflict('not_signed_in', 'Sign in first', '尚未签到');
      if (d.signOutAt) throw conflict('already_signed_out', 'Already signed out', '已签退');
      await tx.update(leaderDutyDays).set({ signOutAt: now.toISOString() }).where(eq(leaderDutyDays.id, d.id));
    }
    await audit(tx, user, `duty.leader.sign${what === 'in' ? 'In' : 'Out'}`, 'leaderDutyDay', d.id, now, { leaderId: effective(d) });
    return { id: d.id, [what === 'in' ? 'signInAt' : 'signOutAt']: now.toISOString() };
  });
}

export async function addLog(ctx: AppContext, user: SessionUser, dayId: string, text: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const d = await lockDay(tx, dayId);
    if (effective(d) !== user.id) throw forbidden('Only the leader on duty keeps the log', '只有当日值班领导可以填写工作记录');
    if (!d.signInAt) throw conflict('not_signed_in', 'Sign in first', '请先签到');
    const log = [...d.log, { at: now.toISOString(), text }];
    await tx.update(leaderDutyDays).set({ log }).where(eq(leaderDutyDays.id, d.id));
    await audit(tx, user, 'duty.leader.log', 'leaderDutyDay', d.id, now, { text });
    return { id: d.id, log };
  });
}

/**
 * The sweep: a published duty day over (past, or today after office hours) with no sign-in
 * is recorded missed; a leader's run of `missesToEscalate` consecutive missed sittings (by
 * the center's cadence) escalates once to the recipients the settings name (outbox).
 */
export async function sweepMisses(ctx: AppContext, tx: Tx): Promise<number> {
  const now = ctx.now();
  const today = ctx.today();
  const time = localTime(now, ctx.config.timeZone);
  const due = await rows<{ id: string; center_id: string; day: string; leader_id: string; substitute_id: string | null; substitute_state: string | null }>(tx, sql`
    select d.id, d.center_id, d.day::text as day, d.leader_id, d.substitute_id, d.substitute_state from leader_duty_days d
      join leader_duty_schedules p on p.center_id = d.center_id and p.month = d.month
     where d.status = 'planned' and d.sign_in_at is null and d.day <= ${today} for update of d`);
  let changed = 0;
  const touched = new Map<string, string>();
  for (const d of due) {
    if (d.day === today) {
      const hours = hoursOn(today, await settingsOf(tx, d.center_id));
      if (!hours.length || time < hours[hours.length - 1].to) continue;
    }
    await tx.update(leaderDutyDays).set({ status: 'missed', missedRecordedAt: now.toISOString() }).where(eq(leaderDutyDays.id, d.id));
    await audit(tx, null, 'duty.leader.missed', 'leaderDutyDay', d.id, now, { day: d.day });
    touched.set(effective({ leaderId: d.leader_id, substituteId: d.substitute_id, substituteState: d.substitute_state }), d.center_id);
    changed++;
  }
  for (const [leaderId, centerId] of touched) changed += await escalateIfDue(ctx, tx, leaderId, centerId);
  return changed;
}

async function escalateIfDue(ctx: AppContext, tx: Tx, leaderId: string, centerId: string): Promise<number> {
  const settings = await settingsOf(tx, centerId);
  const mine = await rows<{ id: string; day: string; status: 'planned' | 'done' | 'missed' }>(tx, sql`
    select id, day::text as day, status from leader_duty_days
     where center_id = ${centerId} and (case when substitute_state = 'approved' and substitute_id is not null then substitute_id else leader_id end) = ${leaderId}`);
  const run = missRunToEscalate(mine, settings.missesToEscalate, settings.leaderCadence);
  if (!run) return 0;
  const now = ctx.now();
  const recipients = await resolveRecipients(tx, centerId, settings);
  const got = await tx.insert(leaderDutyEscalations).values({ centerId, leaderId, runStartDayId: run.runStartId, missedDays: run.days, escalatedAt: now.toISOString(), recipients }).onConflictDoNothing().returning();
  if (!got.length) return 0;
  const [leader] = await tx.select({ name: users.displayName, departmentId: users.departmentId }).from(users).where(eq(users.id, leaderId));
  const [dept] = leader?.departmentId ? await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, leader.departmentId)) : [];
  // Missed sittings, not days: two missed days of one week are one weekly sitting.
  const count = new Set(run.days.map((d) => sittingOf(settings.leaderCadence, d))).size;
  const payload = { leader: leader?.name, department: dept?.name, days: run.days, count, duty: CADENCE_DUTY[settings.leaderCadence] };
  const notices: Notice[] = recipients.flatMap((r): Notice[] => (r.kind === 'account'
    ? [{ channel: 'inApp', recipientUserId: r.userId, template: 'duty.leaderMisses', payload }]
    : r.email ? [{ channel: 'email', address: r.email, template: 'duty.leaderMisses', payload: { ...payload, to: r.name } }] : []));
  await enqueue(tx, notices, now);
  await audit(tx, null, 'duty.leader.escalate', 'leaderDutyEscalation', got[0].id, now, { leaderId, days: run.days, cadence: settings.leaderCadence, recipients: recipients.map((r) => (r.kind === 'account' ? { kind: r.kind, userId: r.userId } : { kind: r.kind, name: r.name, emailed: !!r.email })) });
  return 1;
}

/**
 * The settings' recipients as of now: role → active staff of that role in this center or a
 * center above it; user → that account, if still active; organisation → as named.
 */
async function resolveRecipients(tx: Tx, centerId: string, settings: DutySettings): Promise<EscalationRecipient[]> {
  const [center] = await tx.select({ path: centers.path }).from(centers).where(eq(centers.id, centerId));
  const out: EscalationRecipient[] = [];
  const seen = new Set<string>();
  const add = (u: { id: string; name: string; role: string }) => { if (!seen.has(u.id)) { seen.add(u.id); out.push({ kind: 'account', userId: u.id, name: u.name, role: u.role }); } };
  for (const r of settings.missRecipients) {
    if (r.kind === 'organisation') out.push({ kind: 'organisation', name: r.name, email: r.email ?? null });
    else if (r.kind === 'role') {
      const list = await rows<{ id: string; name: string; role: string }>(tx, sql`select u.id, u.display_name as name, u.role from users u join centers c on c.id = u.center_id
         where u.role = ${r.role} and u.active and ${center.path} like c.path || '%' order by u.username`);
      list.forEach(add);
    } else {
      const [u] = await tx.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(and(eq(users.id, r.userId), eq(users.active, true)));
      if (u) add(u);
    }
  }
  return out;
}

export async function escalations(ctx: AppContext, user: SessionUser) {
  if (user.centerScope.length === 0) return { items: [] };
  const list = await rows<{ id: string; leader: string; department: string | null; missed_days: string[]; escalated_at: string; recipients: EscalationRecipient[] }>(ctx.db, sql`
    select e.id, u.display_name as leader, d.name as department, e.missed_days, e.escalated_at, e.recipients from leader_duty_escalations e
      join users u on u.id = e.leader_id left join departments d on d.id = u.department_id
     where e.center_id in ${sql`(${sql.join(user.centerScope.map((c) => sql`${c}`), sql`, `)})`} order by e.escalated_at desc`);
  return { items: list.map((e) => ({ id: e.id, leader: e.leader, department: e.department, missedDays: e.missed_days, escalatedAt: new Date(e.escalated_at).toISOString(),
    recipients: e.recipients.map((r) => (r.kind === 'account' ? { kind: r.kind, name: r.name } : { kind: r.kind, name: r.name, emailed: !!r.email })) })) };
}

export const leaderMissJob: Job = { name: 'duty-leader-misses', lockKey: LOCK.dutyLeaderMisses, everyMs: 5 * 60_000, run: sweepMisses };

/** The monthly circular's facts: per department, plan status and duty performance. */
export async function circular(ctx: AppContext, user: SessionUser, month: string) {
  const o = await plansOverview(ctx, user, month);
  return {
    month, dueOn: o.dueOn, published: o.published,
    departments: o.departments.map((d) => ({
      department: d.department, planStatus: d.statusLabel, flagged: d.flagged, planned: d.days.length,
      done: d.days.filter((x) => x.status === 'done').length, missed: d.days.filter((x) => x.status === 'missed').length,
      substituted: d.days.filter((x) => x.substitute?.state === 'approved').length,
      days: d.days.map((x) => ({ day: x.day, onDuty: x.onDuty, status: x.status, logCount: x.log.length })),
    })),
  };
}
