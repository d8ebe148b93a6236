/** Reading results: rankings, a subject's lines, awards, the period state and the bulletin's data. */
import { outer } from '../core/db/outer.js';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { assessmentAppeals, assessmentLines, assessmentPeriods, assessmentResults, assessmentSchemes } from './schema.js';
import { appealOpen, type PeriodState } from './machine.js';
import { METRICS, awardCandidates, describeRule, rank, round2, trendOf, valueOf, type SubjectType, SUBJECT_TYPES } from './rules.js';
import { canSeeSubject, ownsSubject, readsAll } from './access.js';
import { appealView, listAppeals } from './appeals.js';
import { type PeriodRow, periodView, readablePeriod } from './periods.js';
import { settingsFor } from './schemes.js';

export function lineView(l: typeof assessmentLines.$inferSelect) {
  return {
    id: l.id, key: l.key, label: l.label, source: l.source, metric: l.metric, metricLabel: l.metric ? METRICS[l.metric]?.label ?? l.metric : null,
    rule: l.rule, ruleText: l.rule ? describeRule(l.rule) : null, value: l.value, shown: l.value ? valueOf(l.value) : null, points: l.points,
    evidenceKind: l.evidenceKind, evidenceCount: l.evidenceRefs ? l.evidenceRefs.length : l.value?.kind === 'rate' ? l.value.den : l.value?.kind === 'count' ? l.value.count : 0,
    reason: l.reason, fileId: l.fileId, appealId: l.appealId, createdAt: l.createdAt,
  };
}

/** The subjects of one type with total, adjustments (decided appeals), final score, rank and trend against the previous periods. */
export async function ranking(ctx: AppContext, user: SessionUser, periodId: string, subjectType: SubjectType) {
  const p = await readablePeriod(ctx.db, user, periodId);
  const rows = await rankedRows(ctx.db, p, subjectType);
  const previous = await ctx.db.select().from(assessmentPeriods).where(and(eq(assessmentPeriods.centerId, p.centerId), eq(assessmentPeriods.kind, p.kind),
    inArray(assessmentPeriods.state, ['frozen', 'published']), lt(assessmentPeriods.fromDate, p.fromDate))).orderBy(desc(assessmentPeriods.fromDate)).limit(5);
  const history = new Map<string, { key: string; total: number }[]>();
  for (const q of [...previous].reverse()) {
    for (const r of await rankedRows(ctx.db, q, subjectType)) history.set(r.subjectId, [...(history.get(r.subjectId) ?? []), { key: q.key, total: r.total }]);
  }
  const visible = rows.filter((r) => canSeeSubject(user, p.centerId, p.state, { subjectType, subjectId: r.subjectId, departmentId: r.departmentId }));
  return {
    period: periodView(p, user), subjectType, periods: [...previous].reverse().map((q) => q.key).concat(p.key),
    items: visible.map((r) => {
      const h = history.get(r.subjectId) ?? [];
      return { ...r, trend: trendOf(r.total, h.length ? h[h.length - 1].total : undefined), history: [...h, { key: p.key, total: r.total }] };
    }),
  };
}

export async function rankedRows(db: Queryable, p: PeriodRow, subjectType: SubjectType) {
  const rows = await db.select({
    r: assessmentResults,
    adjustment: sql<number>`coalesce((select sum(l.points) from assessment_lines l where l.period_id = ${outer(assessmentResults.periodId)} and l.subject_type = ${outer(assessmentResults.subjectType)} and l.subject_id = ${outer(assessmentResults.subjectId)} and l.source = 'adjustment'), 0)::float8`,
  }).from(assessmentResults).where(and(eq(assessmentResults.periodId, p.id), eq(assessmentResults.subjectType, subjectType)));
  return rank(rows.map(({ r, adjustment }) => ({
    subjectId: r.subjectId, name: r.subjectName, departmentId: r.departmentId, computed: r.total, adjustment: round2(adjustment), total: round2(r.total + adjustment), counts: r.counts, schemeId: r.schemeId,
  })));
}

export async function subjectDetail(ctx: AppContext, user: SessionUser, periodId: string, subjectType: SubjectType, subjectId: string) {
  const p = await readablePeriod(ctx.db, user, periodId);
  const [res] = await ctx.db.select().from(assessmentResults).where(and(eq(assessmentResults.periodId, periodId), eq(assessmentResults.subjectType, subjectType), eq(assessmentResults.subjectId, subjectId)));
  if (!res || !canSeeSubject(user, p.centerId, p.state, { subjectType, subjectId, departmentId: res.departmentId })) throw notFound('Result', '考核结果');
  const lines = await ctx.db.select().from(assessmentLines).where(and(eq(assessmentLines.periodId, periodId), eq(assessmentLines.subjectType, subjectType), eq(assessmentLines.subjectId, subjectId))).orderBy(asc(assessmentLines.seq), asc(assessmentLines.createdAt));
  const appeals = await ctx.db.select().from(assessmentAppeals).where(and(eq(assessmentAppeals.periodId, periodId), eq(assessmentAppeals.subjectType, subjectType), eq(assessmentAppeals.subjectId, subjectId))).orderBy(asc(assessmentAppeals.filedAt));
  const [scheme] = await ctx.db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, res.schemeId));
  const adjustment = round2(lines.filter((l) => l.source === 'adjustment').reduce((s, l) => s + l.points, 0));
  const own = ownsSubject(user, { subjectType, subjectId, departmentId: res.departmentId });
  return {
    period: periodView(p, user), subjectType, subjectId, name: res.subjectName, scheme: { id: scheme.id, name: scheme.name, code: scheme.code, version: scheme.version },
    baseScore: res.baseScore, computed: res.total, adjustment, total: round2(res.total + adjustment),
    lines: lines.map(lineView), appeals: appeals.map(appealView),
    mayAppeal: own && appealOpen(p.state, ctx.today(), p.appealBy),
  };
}

export async function awards(ctx: AppContext, user: SessionUser, periodId: string) {
  const p = await readablePeriod(ctx.db, user, periodId);
  if (!readsAll(user, p.centerId)) throw forbidden();
  const { awards: rules } = await settingsFor(ctx.db, p.centerId);
  const byType = new Map<SubjectType, Awaited<ReturnType<typeof rankedRows>>>();
  for (const t of SUBJECT_TYPES) byType.set(t, await rankedRows(ctx.db, p, t));
  return {
    period: periodView(p, user),
    items: rules.map((r) => ({ ...r, candidates: awardCandidates(r, byType.get(r.subject) ?? []).map((c) => ({ subjectId: c.subjectId, name: c.name, total: c.total, rank: c.rank })) })),
  };
}

export async function periodState(ctx: AppContext, id: string): Promise<PeriodState | null> {
  const [p] = await ctx.db.select({ state: assessmentPeriods.state }).from(assessmentPeriods).where(eq(assessmentPeriods.id, id));
  return p?.state ?? null;
}


export async function bulletinData(ctx: AppContext, user: SessionUser, periodId: string, only?: SubjectType) {
  const p = await readablePeriod(ctx.db, user, periodId);
  if (!readsAll(user, p.centerId)) throw forbidden();
  if (p.state === 'draft') throw conflict('period_not_computed', 'The period has not been computed yet', '该考核周期尚未计算');
  const [center] = (await ctx.db.execute(sql`select name from centers where id = ${p.centerId}`) as unknown as { rows: { name: string }[] }).rows;
  const types = only ? [only] : SUBJECT_TYPES.filter((t) => p.schemes[t]);
  const rankings = [];
  for (const t of types) rankings.push({ subjectType: t, rows: (await ranking(ctx, user, periodId, t)).items.map((r) => ({ rank: r.rank, name: r.name, computed: r.computed, adjustment: r.adjustment, total: r.total, trend: r.trend })) });
  const aw = await awards(ctx, user, periodId);
  const appeals = await listAppeals(ctx, user, { periodId });
  return {
    centerName: center?.name ?? '', kind: p.kind, key: p.key, from: p.fromDate, to: p.toDate, state: p.state, publishedOn: p.publishedOn, appealBy: p.appealBy, rankings,
    awards: aw.items.map((a) => ({ name: a.name, candidates: a.candidates.map((c) => ({ name: c.name, total: c.total })) })),
    appeals: appeals.items.map((a) => ({ subject: a.subjectName ?? '', line: a.lineLabel, decision: a.decision, points: a.points })),
  };
}
