/** Lines added or removed by hand (bonus and deduction items), and the subject's total after them. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { conflict, notFound } from '../core/errors.js';
import { files } from '../core/files/schema.js';
import { assessmentLines, assessmentResults, assessmentSchemes } from './schema.js';
import { clampTotal, round2, type SubjectType } from './rules.js';
import { audit } from './common.js';
import { type PeriodRow, lockPeriod } from './periods.js';
import { lineView } from './results.js';

export interface ManualInput { subjectType: SubjectType; subjectId: string; label: string; points: number; reason: string; fileId?: string }

export async function addManualLine(ctx: AppContext, user: SessionUser, periodId: string, input: ManualInput) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const p = await lockPeriod(tx, user, periodId, 'addManual');
    const [res] = await tx.select().from(assessmentResults).where(and(eq(assessmentResults.periodId, periodId), eq(assessmentResults.subjectType, input.subjectType), eq(assessmentResults.subjectId, input.subjectId))).for('update');
    if (!res) throw notFound('Subject in this period', '本周期的考核对象');
    if (input.fileId) {
      const [f] = await tx.select({ id: files.id }).from(files).where(eq(files.id, input.fileId));
      if (!f) throw notFound('File', '文件');
    }
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(assessmentLines).where(and(eq(assessmentLines.periodId, periodId), eq(assessmentLines.subjectType, input.subjectType), eq(assessmentLines.subjectId, input.subjectId), eq(assessmentLines.source, 'manual')));
    const [line] = await tx.insert(assessmentLines).values({
      periodId, subjectType: input.subjectType, subjectId: input.subjectId, seq: 1000 + n + 1, key: `manual-${n + 1}`, label: input.label, source: 'manual',
      points: round2(input.points), reason: input.reason, fileId: input.fileId ?? null, createdAt: now.toISOString(), createdBy: user.id,
    }).returning();
    await retotal(tx, p, res);
    await audit(tx, user, 'assessment.line.manual', 'assessmentLine', line.id, now, { periodId, subjectType: input.subjectType, subjectId: input.subjectId, label: input.label, points: line.points, reason: input.reason, fileId: input.fileId ?? null });
    return lineView(line);
  });
}

export async function removeManualLine(ctx: AppContext, user: SessionUser, lineId: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [line] = await tx.select().from(assessmentLines).where(eq(assessmentLines.id, lineId));
    if (!line) throw notFound('Line', '考核明细');
    const p = await lockPeriod(tx, user, line.periodId, 'removeManual');
    if (line.source !== 'manual') throw conflict('line_not_manual', 'Only manual lines are removed', '只能删除人工加减分');
    const [res] = await tx.select().from(assessmentResults).where(and(eq(assessmentResults.periodId, line.periodId), eq(assessmentResults.subjectType, line.subjectType), eq(assessmentResults.subjectId, line.subjectId))).for('update');
    await tx.delete(assessmentLines).where(eq(assessmentLines.id, lineId));
    if (res) await retotal(tx, p, res);
    await audit(tx, user, 'assessment.line.remove', 'assessmentLine', lineId, now, null, { label: line.label, points: line.points, reason: line.reason });
    return { id: lineId, removed: true };
  });
}

/** Re-adds a subject's total from its computed and manual lines (while the period is computed). */
async function retotal(tx: Tx, p: PeriodRow, res: typeof assessmentResults.$inferSelect) {
  const [scheme] = await tx.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, res.schemeId));
  const [{ s }] = await tx.select({ s: sql<number>`coalesce(sum(${assessmentLines.points}), 0)::float8` }).from(assessmentLines)
    .where(and(eq(assessmentLines.periodId, p.id), eq(assessmentLines.subjectType, res.subjectType), eq(assessmentLines.subjectId, res.subjectId), inArray(assessmentLines.source, ['computed', 'manual'])));
  await tx.update(assessmentResults).set({ total: clampTotal(scheme.body, res.baseScore + s) })
    .where(and(eq(assessmentResults.periodId, p.id), eq(assessmentResults.subjectType, res.subjectType), eq(assessmentResults.subjectId, res.subjectId)));
}
