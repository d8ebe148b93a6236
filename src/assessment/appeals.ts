/** Appeals against a line and their decision. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import { assessmentAppeals, assessmentLines, assessmentPeriods, assessmentResults } from './schema.js';
import { appealOpen, checkAppeal } from './machine.js';
import { round2 } from './rules.js';
import { ownsSubject, readsAll } from './access.js';
import { audit, refuse } from './common.js';

type AppealRow = typeof assessmentAppeals.$inferSelect;
export function appealView(a: AppealRow) {
  return { id: a.id, periodId: a.periodId, lineId: a.lineId, subjectType: a.subjectType, subjectId: a.subjectId, state: a.state, reason: a.reason, fileId: a.fileId,
    filedAt: a.filedAt, filedOn: a.filedOn, decision: a.decision, points: a.points, note: a.note, decidedAt: a.decidedAt, adjustmentLineId: a.adjustmentLineId };
}

export async function fileAppeal(ctx: AppContext, user: SessionUser, input: { lineId: string; reason: string; fileId?: string }) {
  const now = ctx.now();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const [l] = await tx.select().from(assessmentLines).where(eq(assessmentLines.id, input.lineId));
    if (!l) throw notFound('Line', '考核明细');
    const [p] = await tx.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, l.periodId)).for('update');
    const [res] = await tx.select().from(assessmentResults).where(and(eq(assessmentResults.periodId, l.periodId), eq(assessmentResults.subjectType, l.subjectType), eq(assessmentResults.subjectId, l.subjectId)));
    const c = checkAppeal('file', null, user.role);
    if (!c.ok) throw refuse(c);
    if (!p || p.centerId !== user.centerId || !ownsSubject(user, { subjectType: l.subjectType, subjectId: l.subjectId, departmentId: res?.departmentId ?? null })) {
      throw forbidden('Only the assessed subject appeals its own result', '只能对本人、本部门或本窗口的考核结果申诉');
    }
    if (p.state !== 'published') throw conflict('period_not_published', 'Appeals are filed against a published result', '考核结果发布后方可申诉');
    if (!appealOpen(p.state, today, p.appealBy)) throw conflict('appeal_window_closed', `The appeal window closed on ${p.appealBy}`, `申诉期限已于${p.appealBy}届满`, { appealBy: p.appealBy });
    if (l.source === 'adjustment') throw conflict('line_is_adjustment', 'An adjustment line is itself a decided appeal', '该明细为申诉裁定结果，不能再申诉');
    const open = await tx.select({ id: assessmentAppeals.id }).from(assessmentAppeals).where(and(eq(assessmentAppeals.lineId, l.id), eq(assessmentAppeals.state, 'filed')));
    if (open.length) throw conflict('appeal_pending', 'This line already has an appeal waiting for a decision', '该明细已有待裁定的申诉');
    const [a] = await tx.insert(assessmentAppeals).values({
      periodId: p.id, lineId: l.id, subjectType: l.subjectType, subjectId: l.subjectId, state: c.to, reason: input.reason, fileId: input.fileId ?? null,
      filedBy: user.id, filedAt: now.toISOString(), filedOn: today,
    }).returning();
    await audit(tx, user, 'assessment.appeal.file', 'assessmentAppeal', a.id, now, { lineId: l.id, reason: input.reason });
    return appealView(a);
  });
}

export async function listAppeals(ctx: AppContext, user: SessionUser, q: { periodId?: string; state?: 'filed' | 'decided' }) {
  if (user.centerScope.length === 0) return { items: [] };
  const conds = [inArray(assessmentPeriods.centerId, user.centerScope)];
  if (q.periodId) conds.push(eq(assessmentAppeals.periodId, q.periodId));
  if (q.state) conds.push(eq(assessmentAppeals.state, q.state));
  const rows = await ctx.db.select({ a: assessmentAppeals, centerId: assessmentPeriods.centerId, periodKey: assessmentPeriods.key, label: assessmentLines.label, points: assessmentLines.points, name: assessmentResults.subjectName, departmentId: assessmentResults.departmentId })
    .from(assessmentAppeals).innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessmentAppeals.periodId)).innerJoin(assessmentLines, eq(assessmentLines.id, assessmentAppeals.lineId))
    .leftJoin(assessmentResults, and(eq(assessmentResults.periodId, assessmentAppeals.periodId), eq(assessmentResults.subjectType, assessmentAppeals.subjectType), eq(assessmentResults.subjectId, assessmentAppeals.subjectId)))
    .where(and(...conds)).orderBy(desc(assessmentAppeals.filedAt)).limit(200);
  return {
    items: rows.filter((r) => readsAll(user, r.centerId) || r.a.filedBy === user.id || ownsSubject(user, { subjectType: r.a.subjectType, subjectId: r.a.subjectId, departmentId: r.departmentId }))
      .map((r) => ({ ...appealView(r.a), periodKey: r.periodKey, lineLabel: r.label, linePoints: r.points, subjectName: r.name })),
  };
}

/**
 * The office decides an appeal. Upheld: one adjustment line with the decided points is added
 * to the subject's result (the frozen lines and total stay as they were); rejected: nothing
 * changes but the appeal.
 */
export async function decideAppeal(ctx: AppContext, user: SessionUser, id: string, input: { decision: 'upheld' | 'rejected'; points?: number; note: string }) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update');
    if (!a) throw notFound('Appeal', '申诉');
    const [p] = await tx.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, a.periodId));
    if (p.centerId !== user.centerId) throw notFound('Appeal', '申诉');
    const c = checkAppeal('decide', a.state, user.role);
    if (!c.ok) throw refuse(c);
    let adjustmentLineId: string | null = null;
    const points = input.decision === 'upheld' ? round2(input.points ?? 0) : null;
    if (input.decision === 'upheld') {
      if (!points) throw badRequest('appeal_points_required', 'An upheld appeal states the points it changes', '申诉成立时须填写调整分值');
      const [l] = await tx.select().from(assessmentLines).where(eq(assessmentLines.id, a.lineId));
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(assessmentLines).where(and(eq(assessmentLines.periodId, a.periodId), eq(assessmentLines.subjectType, a.subjectType), eq(assessmentLines.subjectId, a.subjectId), eq(assessmentLines.source, 'adjustment')));
      const [adj] = await tx.insert(assessmentLines).values({
        periodId: a.periodId, subjectType: a.subjectType, subjectId: a.subjectId, seq: 2000 + n + 1, key: `adjustment-${n + 1}`, label: `申诉调整：${l.label}`, source: 'adjustment',
        points, reason: input.note, appealId: a.id, createdAt: now.toISOString(), createdBy: user.id,
      }).returning();
      adjustmentLineId = adj.id;
    }
    const [row] = await tx.update(assessmentAppeals).set({ state: c.to, decision: input.decision, points, note: input.note, decidedBy: user.id, decidedAt: now.toISOString(), adjustmentLineId })
      .where(eq(assessmentAppeals.id, id)).returning();
    await audit(tx, user, 'assessment.appeal.decide', 'assessmentAppeal', id, now, { decision: input.decision, points, note: input.note, adjustmentLineId }, { state: 'filed' });
    return appealView(row);
  });
}
