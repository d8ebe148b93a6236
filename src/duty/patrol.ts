/**
 * Patrols (巡查): scheduled or random rounds, a configurable checklist per window, photos
 * from the existing uploads, graded 好/一般/较差; anything short of 好 (or a failed check)
 * becomes a finding the window's department rectifies by a due date (working days on the
 * center's calendar). The ledger and the monthly bulletin read the same rows.
 */
import { trackDeadlinesSql } from '../core/deadlines/track.js';
import { PATROL_RECTIFY_DUE } from './deadlines.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { files } from '../core/files/schema.js';
import { windows } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { patrolFindings, patrols, type Grade } from './schema.js';
import { audit, isCenter, MONTH, ownCenter, requireDepartment, settingsOf } from './common.js';
import { daysOfMonth } from './leaderRules.js';

export const GRADE_LABELS: Record<Grade, string> = { good: '好', fair: '一般', poor: '较差' };

export interface PatrolInput {
  kind: 'scheduled' | 'random';
  session: 'morning' | 'afternoon';
  note?: string;
  findings: { windowId: string; grade: Grade; failedChecks: string[]; note?: string; photoFileIds: string[] }[];
}

export async function recordPatrol(ctx: AppContext, user: SessionUser, input: PatrolInput) {
  const centerId = ownCenter(user);
  if (input.findings.length === 0) throw badRequest('findings_required', 'Record at least one window', '请至少记录一个窗口的检查情况', [{ field: 'body.findings' }]);
  const settings = await settingsOf(ctx.db, centerId);
  const checks = new Set(settings.patrolChecklist.map((c) => c.key));
  const winIds = [...new Set(input.findings.map((f) => f.windowId))];
  if (winIds.length !== input.findings.length) throw unprocessable('window_repeated', 'A window is listed twice', '同一窗口重复记录', [{ field: 'body.findings' }]);
  const wins = await ctx.db.select().from(windows).where(inArray(windows.id, winIds));
  const photoIds = [...new Set(input.findings.flatMap((f) => f.photoFileIds))];
  const photos = photoIds.length ? await ctx.db.select({ id: files.id, ownerId: files.ownerId, mime: files.mime }).from(files).where(inArray(files.id, photoIds)) : [];
  input.findings.forEach((f, i) => {
    const w = wins.find((x) => x.id === f.windowId);
    if (!w || w.centerId !== centerId) throw unprocessable('window_unknown', 'Not a window of your center', '不是本中心的窗口', [{ field: `body.findings.${i}.windowId` }]);
    const bad = f.failedChecks.find((c) => !checks.has(c));
    if (bad) throw unprocessable('check_unknown', `Unknown check ${bad}`, `检查项“${bad}”不在检查清单中`, [{ field: `body.findings.${i}.failedChecks` }]);
    f.photoFileIds.forEach((pid, j) => {
      const p = photos.find((x) => x.id === pid);
      if (!p || p.ownerId !== user.id || !p.mime.startsWith('image/')) throw unprocessable('photo_invalid', 'Photos must be images you uploaded', '照片须为本人上传的图片（JPG/PNG）', [{ field: `body.findings.${i}.photoFileIds.${j}` }]);
    });
  });
  const today = ctx.today();
  const now = ctx.now();
  const cal = await calendarFor(ctx.db, centerId);
  const due = cal.addWorkingDays(today, settings.rectifyWorkingDays).date;
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx.insert(patrols).values({ centerId, kind: input.kind, session: input.session, day: today, patrolledAt: now.toISOString(), patrollerId: user.id, note: input.note ?? '' }).returning();
    const values = input.findings.map((f) => {
      const w = wins.find((x) => x.id === f.windowId)!;
      const open = f.grade !== 'good' || f.failedChecks.length > 0;
      return { patrolId: p.id, centerId, windowId: w.id, departmentId: w.departmentId, day: today, grade: f.grade, failedChecks: f.failedChecks, note: f.note ?? '', photoFileIds: f.photoFileIds, rectifyDue: open ? due : null, rectification: open ? 'open' as const : 'none' as const };
    });
    const found = await tx.insert(patrolFindings).values(values).returning();
    await tx.execute(trackDeadlinesSql(PATROL_RECTIFY_DUE, found.filter((f) => f.rectifyDue).map((f) => ({ rowId: f.id, centerId, startOn: today, workingDays: settings.rectifyWorkingDays, due: f.rectifyDue! }))) ?? sql`select 1`);
    // The department's chief representative is told what to rectify and by when.
    const deptIds = [...new Set(found.filter((f) => f.rectification === 'open' && f.departmentId).map((f) => f.departmentId!))];
    const chiefs = deptIds.length ? await tx.select({ id: users.id, departmentId: users.departmentId }).from(users).where(and(inArray(users.departmentId, deptIds), eq(users.role, 'chiefRep'), eq(users.active, true))) : [];
    await enqueue(tx, found.filter((f) => f.rectification === 'open').flatMap((f) => chiefs.filter((c) => c.departmentId === f.departmentId).map((c) => ({
      channel: 'inApp' as const, recipientUserId: c.id, template: 'duty.patrolFinding' as const,
      payload: { window: wins.find((w) => w.id === f.windowId)?.name, grade: GRADE_LABELS[f.grade], checks: f.failedChecks.map((k) => settings.patrolChecklist.find((x) => x.key === k)?.label ?? k), due: f.rectifyDue, findingId: f.id },
    }))), now);
    await audit(tx, user, 'duty.patrol.record', 'patrol', p.id, now, { kind: input.kind, session: input.session, findings: found.map((f) => ({ id: f.id, windowId: f.windowId, grade: f.grade, failedChecks: f.failedChecks, photos: f.photoFileIds.length })) });
    return { id: p.id, day: today, findings: found.map((f) => ({ id: f.id, windowId: f.windowId, grade: f.grade, rectification: f.rectification, rectifyDue: f.rectifyDue })) };
  });
}

export async function rectify(ctx: AppContext, user: SessionUser, findingId: string, note: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx.select().from(patrolFindings).where(eq(patrolFindings.id, findingId)).for('update');
    if (!f || f.centerId !== user.centerId) throw notFound('Finding', '巡查问题');
    requireDepartment(user, f.departmentId);
    if (f.rectification !== 'open') throw conflict('finding_not_open', 'Nothing to rectify', '该问题无需整改或已整改');
    await tx.update(patrolFindings).set({ rectification: 'rectified', rectifiedNote: note, rectifiedAt: now.toISOString(), rectifiedBy: user.id }).where(eq(patrolFindings.id, f.id));
    await audit(tx, user, 'duty.finding.rectify', 'patrolFinding', f.id, now, { note }, { rectification: f.rectification });
    return { id: f.id, rectification: 'rectified' };
  });
}

export interface LedgerRow {
  id: string; patrolId: string; day: string; patrolledAt: string; kind: string; session: string; patroller: string; windowId: string; window: string; windowNumber: number;
  department: string | null; departmentId: string | null; grade: Grade; gradeLabel: string; failedChecks: string[]; failedLabels: string[]; note: string; photoFileIds: string[];
  rectification: string; rectifyDue: string | null; rectifiedNote: string | null; rectifiedAt: string | null; overdue: boolean;
}

/** The patrol ledger of a month (a department sees its own windows). */
export async function ledger(ctx: AppContext, user: SessionUser, month: string): Promise<{ month: string; items: LedgerRow[]; checklist: { key: string; label: string }[] }> {
  if (!MONTH.test(month)) throw badRequest('month_invalid', 'Month must be YYYY-MM', '月份格式应为YYYY-MM');
  const centerId = ownCenter(user);
  const settings = await settingsOf(ctx.db, centerId);
  const days = daysOfMonth(month);
  const label = (k: string) => settings.patrolChecklist.find((x) => x.key === k)?.label ?? k;
  const list = await rows<{ id: string; patrol_id: string; day: string; patrolled_at: string; kind: string; session: string; patroller: string; window_id: string; window: string; number: number; department: string | null; department_id: string | null; grade: Grade; failed_checks: string[]; note: string; photo_file_ids: string[]; rectification: string; rectify_due: string | null; rectified_note: string | null; rectified_at: string | null }>(ctx.db, sql`
    select f.id, f.patrol_id, f.day::text as day, p.patrolled_at, p.kind, p.session, u.display_name as patroller, f.window_id, w.name as window, w.number, d.name as department, f.department_id,
           f.grade, f.failed_checks, f.note, f.photo_file_ids, f.rectification, f.rectify_due::text as rectify_due, f.rectified_note, f.rectified_at
      from patrol_findings f join patrols p on p.id = f.patrol_id join users u on u.id = p.patroller_id join windows w on w.id = f.window_id left join departments d on d.id = f.department_id
     where f.center_id = ${centerId} and f.day >= ${days[0]} and f.day <= ${days[days.length - 1]}
       ${isCenter(user) || user.role === 'supervisor' ? sql`` : sql`and f.department_id = ${user.departmentId}`}
     order by p.patrolled_at, w.number`);
  const today = ctx.today();
  return {
    month, checklist: settings.patrolChecklist,
    items: list.map((r) => ({
      id: r.id, patrolId: r.patrol_id, day: r.day, patrolledAt: new Date(r.patrolled_at).toISOString(), kind: r.kind, session: r.session, patroller: r.patroller,
      windowId: r.window_id, window: r.window, windowNumber: r.number, department: r.department, departmentId: r.department_id, grade: r.grade, gradeLabel: GRADE_LABELS[r.grade],
      failedChecks: r.failed_checks, failedLabels: r.failed_checks.map(label), note: r.note, photoFileIds: r.photo_file_ids, rectification: r.rectification,
      rectifyDue: r.rectify_due, rectifiedNote: r.rectified_note, rectifiedAt: r.rectified_at ? new Date(r.rectified_at).toISOString() : null,
      overdue: r.rectification === 'open' && !!r.rectify_due && r.rectify_due < today,
    })),
  };
}

/** A photo of a finding, for whoever may read the finding (center, supervisors, the department). */
export async function findingPhoto(ctx: AppContext, user: SessionUser, findingId: string, fileId: string) {
  const [f] = await ctx.db.select().from(patrolFindings).where(eq(patrolFindings.id, findingId));
  if (!f || !user.centerScope.includes(f.centerId) || !f.photoFileIds.includes(fileId)) throw notFound('Photo', '照片');
  if (!isCenter(user) && user.role !== 'supervisor' && user.departmentId !== f.departmentId) throw forbidden();
  const [file] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound('Photo', '照片');
  return file;
}

/** Photos' bytes for the bulletin (embedded as data: URIs so the issued document stands alone). */
export async function photoData(ctx: AppContext, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const got = await ctx.db.select({ id: files.id, mime: files.mime, content: files.content }).from(files).where(inArray(files.id, ids));
  return new Map(got.map((f) => [f.id, `data:${f.mime};base64,${f.content.toString('base64')}`]));
}
