import { setWorkingDeadline } from '../core/deadlines/track.js';
import { APPEAL_BY } from './deadlines.js';
/** Assessment periods: open, compute (facts → lines → results), freeze, publish. */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { calendarFor } from '../core/calendar/service.js';
import { departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { localTime } from '../duty/common.js';
import { assessmentLines, assessmentPeriods, assessmentResults, assessmentSchemes } from './schema.js';
import { checkPeriod, allowedPeriodActions, type PeriodAction } from './machine.js';
import { METRICS, clampTotal, periodRange, scoreSubject, type MetricName, type PeriodKind, type SchemeBody, type SubjectType } from './rules.js';
import { emptyValue, gatherFacts, tuneForFacts, type Facts } from './facts.js';
import { readsAll } from './access.js';
import { CASE_METRICS, STAFF_SUBJECT_ROLES, audit, ownCenter, refuse } from './common.js';
import { settingsFor } from './schemes.js';

export type PeriodRow = typeof assessmentPeriods.$inferSelect;

export function periodView(p: PeriodRow, user: SessionUser) {
  return {
    id: p.id, kind: p.kind, key: p.key, from: p.fromDate, to: p.toDate, state: p.state, schemes: p.schemes, digest: p.digest,
    computedAt: p.computedAt, computeCount: p.computeCount, frozenAt: p.frozenAt, publishedAt: p.publishedAt, publishedOn: p.publishedOn, appealBy: p.appealBy,
    actions: user.centerId === p.centerId ? allowedPeriodActions(p.state, user.role) : [],
  };
}

export async function listPeriods(ctx: AppContext, user: SessionUser, q: { kind?: PeriodKind }) {
  if (user.centerScope.length === 0) return { items: [] };
  const conds = [inArray(assessmentPeriods.centerId, user.centerScope)];
  if (q.kind) conds.push(eq(assessmentPeriods.kind, q.kind));
  const rows = await ctx.db.select().from(assessmentPeriods).where(and(...conds)).orderBy(desc(assessmentPeriods.fromDate), asc(assessmentPeriods.kind));
  return { items: rows.filter((p) => readsAll(user, p.centerId) || p.state === 'published').map((p) => periodView(p, user)) };
}

export async function readablePeriod(db: Queryable, user: SessionUser, id: string): Promise<PeriodRow> {
  const [p] = await db.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, id));
  if (!p || !user.centerScope.includes(p.centerId) || (!readsAll(user, p.centerId) && p.state !== 'published')) throw notFound('Assessment period', '考核周期');
  return p;
}

export async function getPeriod(ctx: AppContext, user: SessionUser, id: string) {
  return periodView(await readablePeriod(ctx.db, user, id), user);
}

export async function createPeriod(ctx: AppContext, user: SessionUser, input: { kind: PeriodKind; key: string }) {
  const centerId = ownCenter(user);
  const range = periodRange(input.kind, input.key);
  if (!range) throw badRequest('period_key_invalid', 'Period key must be YYYY-MM, YYYY-Qn or YYYY', '周期格式应为YYYY-MM、YYYY-Qn或YYYY');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(assessmentPeriods).where(and(eq(assessmentPeriods.centerId, centerId), eq(assessmentPeriods.kind, input.kind), eq(assessmentPeriods.key, input.key)));
    if (existing) throw conflict('period_exists', 'This period already exists', '该考核周期已存在', { id: existing.id });
    const [p] = await tx.insert(assessmentPeriods).values({
      centerId, kind: input.kind, key: input.key, fromDate: range.from, toDate: range.to, state: 'draft', createdAt: now.toISOString(), createdBy: user.id,
    }).returning();
    await audit(tx, user, 'assessment.period.create', 'assessmentPeriod', p.id, now, { kind: p.kind, key: p.key });
    return periodView(p, user);
  });
}

export async function lockPeriod(tx: Tx, user: SessionUser, id: string, action: PeriodAction): Promise<PeriodRow> {
  const [p] = await tx.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, id)).for('update');
  if (!p || !user.centerScope.includes(p.centerId)) throw notFound('Assessment period', '考核周期');
  if (p.centerId !== user.centerId) throw forbidden('Only the center’s own office manages its periods', '只能管理本中心的考核周期');
  const c = checkPeriod(action, p.state, user.role);
  if (!c.ok) throw refuse(c);
  return p;
}

export interface Subject { type: SubjectType; id: string; name: string; departmentId: string | null }

export async function subjectsOf(db: Queryable, centerId: string): Promise<Subject[]> {
  const ws = await db.select({ id: windows.id, number: windows.number, name: windows.name, departmentId: windows.departmentId }).from(windows).where(eq(windows.centerId, centerId)).orderBy(asc(windows.number));
  const ds = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, centerId)).orderBy(asc(departments.name));
  const us = await db.select({ id: users.id, name: users.displayName, departmentId: users.departmentId, windowId: users.windowId }).from(users)
    .where(and(eq(users.centerId, centerId), eq(users.active, true), inArray(users.role, [...STAFF_SUBJECT_ROLES]))).orderBy(asc(users.username));
  const winDept = new Map(ws.map((w) => [w.id, w.departmentId]));
  return [
    ...ws.map((w) => ({ type: 'window' as const, id: w.id, name: `${w.number}号窗口 ${w.name}`, departmentId: w.departmentId })),
    ...ds.map((d) => ({ type: 'department' as const, id: d.id, name: d.name, departmentId: d.id })),
    ...us.map((u) => ({ type: 'staff' as const, id: u.id, name: u.name, departmentId: u.departmentId ?? (u.windowId ? winDept.get(u.windowId) ?? null : null) })),
  ];
}

type LineInsert = typeof assessmentLines.$inferInsert;
type ResultInsert = typeof assessmentResults.$inferInsert;

/** What a computation produces for a period: result rows and computed line rows (pure given the facts). */
export function buildResults(periodId: string, subjects: Subject[], schemes: Map<SubjectType, { id: string; body: SchemeBody }>, facts: Facts,
  manual: { subjectType: SubjectType; subjectId: string; points: number }[], at: string, by: string | null): { results: ResultInsert[]; lines: LineInsert[]; digest: string } {
  const manualSum = new Map<string, number>();
  for (const m of manual) manualSum.set(`${m.subjectType}|${m.subjectId}`, (manualSum.get(`${m.subjectType}|${m.subjectId}`) ?? 0) + m.points);
  const results: ResultInsert[] = [];
  const lines: LineInsert[] = [];
  const hash = createHash('sha256');
  for (const s of subjects) {
    const scheme = schemes.get(s.type);
    if (!scheme) continue;
    const own = facts.get(s.type)?.get(s.id);
    const scored = scoreSubject(scheme.body, (m) => own?.get(m)?.value ?? emptyValue(METRICS[m].kind));
    const total = clampTotal(scheme.body, scored.total + (manualSum.get(`${s.type}|${s.id}`) ?? 0));
    const counts: Partial<Record<MetricName, number>> = {};
    scored.lines.forEach((l, i) => {
      const fact = own?.get(l.metric);
      if (l.value.kind === 'count') counts[l.metric] = l.value.count;
      lines.push({
        periodId, subjectType: s.type, subjectId: s.id, seq: i + 1, key: l.key, label: l.label, source: 'computed', metric: l.metric,
        rule: scheme.body.lines[i].rule, value: l.value, points: l.points, evidenceKind: fact?.evidenceKind ?? (METRICS[l.metric].kind === 'rate' ? 'cases' : null),
        evidenceRefs: fact ? fact.refs : CASE_METRICS.has(l.metric) ? null : [], createdAt: at, createdBy: by,
      });
    });
    results.push({ periodId, subjectType: s.type, subjectId: s.id, subjectName: s.name, departmentId: s.departmentId, schemeId: scheme.id, baseScore: scheme.body.baseScore, total, counts });
    // Fixed shapes in a fixed order: plain JSON is canonical here (and much cheaper over many references).
    hash.update(JSON.stringify([s.type, s.id, scheme.id, total, scored.lines.map((l) => [l.key, l.value.kind === 'count' ? [l.value.count] : [l.value.num, l.value.den], l.points, own?.get(l.metric)?.refs ?? null])]));
    hash.update('\n');
  }
  return { results, lines, digest: hash.digest('hex') };
}

/**
 * Computed lines in one statement per chunk: the rows go as one JSON parameter (thousands of
 * lines with their reference arrays would otherwise be tens of thousands of bound parameters).
 */
async function insertLines(tx: Tx, lines: LineInsert[]) {
  await tx.execute(sql`insert into assessment_lines (period_id, subject_type, subject_id, seq, key, label, source, metric, rule, value, points, evidence_kind, evidence_refs, created_at, created_by)
    select x.period_id, x.subject_type, x.subject_id, x.seq, x.key, x.label, x.source, x.metric, x.rule, x.value, x.points, x.evidence_kind, x.evidence_refs, x.created_at, x.created_by
      from jsonb_to_recordset(${JSON.stringify(lines.map((l) => ({
        period_id: l.periodId, subject_type: l.subjectType, subject_id: l.subjectId, seq: l.seq, key: l.key, label: l.label, source: l.source, metric: l.metric, rule: l.rule, value: l.value,
        points: l.points, evidence_kind: l.evidenceKind, evidence_refs: l.evidenceRefs, created_at: l.createdAt, created_by: l.createdBy,
      })))}::jsonb) as x(period_id uuid, subject_type text, subject_id uuid, seq int, key text, label text, source text, metric text, rule jsonb, value jsonb, points float8,
        evidence_kind text, evidence_refs text[], created_at timestamptz, created_by uuid)`);
}

async function insertChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Computes (or recomputes) a period: the published scheme of each subject type and the
 * period kind, the facts of every subject, one result row per subject and one line per
 * scheme line with its evidence, manual lines kept. One transaction with its audit row.
 */
export async function computePeriod(ctx: AppContext, user: SessionUser, id: string, phases?: Record<string, number>) {
  const now = ctx.now();
  const at = now.toISOString();
  let t = performance.now();
  const lap = (name: string) => { if (phases) { const n = performance.now(); phases[name] = (phases[name] ?? 0) + n - t; t = n; } };
  const postgres = ctx.database.kind === 'postgres';
  const publishedOf = (db: Queryable, p: PeriodRow) => db.select().from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.centerId, p.centerId), eq(assessmentSchemes.periodKind, p.kind), eq(assessmentSchemes.state, 'published'))).orderBy(asc(assessmentSchemes.id));
  const gather = (db: Queryable, p: PeriodRow, published: (typeof assessmentSchemes.$inferSelect)[], parallel: boolean) => gatherFacts(db,
    { centerId: p.centerId, from: p.fromDate, to: p.toDate, timeZone: ctx.config.timeZone },
    { today: ctx.today(), nowTime: localTime(now, ctx.config.timeZone), metrics: new Set(published.flatMap((s) => s.body.lines.map((l) => l.metric))), phases, parallel });
  // On PostgreSQL the facts are read first, side by side on pooled connections; the write
  // transaction then checks that the period and its schemes are still what they were read for.
  let early: { schemeIds: string; facts: Facts } | null = null;
  if (postgres) {
    const [p0] = await ctx.db.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, id));
    if (p0 && p0.centerId === user.centerId && checkPeriod('compute', p0.state, user.role).ok) {
      const published = await publishedOf(ctx.db, p0);
      if (published.length) early = { schemeIds: published.map((s) => s.id).join(','), facts: await gather(ctx.db, p0, published, true) };
    }
    lap('facts');
  }
  return ctx.db.transaction(async (tx) => {
    const p = await lockPeriod(tx, user, id, 'compute');
    const published = await publishedOf(tx, p);
    if (published.length === 0) throw unprocessable('no_published_scheme', `No published scheme for ${p.kind} periods`, '没有适用于该周期的已发布考核方案');
    const schemes = new Map(published.map((s) => [s.subjectType, { id: s.id, body: s.body }]));
    let facts: Facts;
    if (early && early.schemeIds === published.map((s) => s.id).join(',')) facts = early.facts;
    else {
      if (postgres) await tuneForFacts(tx);
      facts = await gather(tx, p, published, false);
      lap('facts');
    }
    const subjects = await subjectsOf(tx, p.centerId);
    const manual = await tx.select({ subjectType: assessmentLines.subjectType, subjectId: assessmentLines.subjectId, points: assessmentLines.points }).from(assessmentLines)
      .where(and(eq(assessmentLines.periodId, id), eq(assessmentLines.source, 'manual')));
    lap('subjects');
    const built = buildResults(id, subjects, schemes, facts, manual, at, user.id);
    lap('score');
    await tx.delete(assessmentLines).where(and(eq(assessmentLines.periodId, id), eq(assessmentLines.source, 'computed')));
    await tx.delete(assessmentResults).where(eq(assessmentResults.periodId, id));
    lap('delete');
    await insertChunks(built.results, 2000, (c) => tx.insert(assessmentResults).values(c));
    await insertChunks(built.lines, 2000, (c) => insertLines(tx, c));
    lap('write');
    const same = p.digest === built.digest;
    const schemeIds = Object.fromEntries(published.map((s) => [s.subjectType, s.id]));
    const [row] = await tx.update(assessmentPeriods).set({ state: 'computed', digest: built.digest, schemes: schemeIds, computedAt: at, computedBy: user.id, computeCount: p.computeCount + 1 })
      .where(eq(assessmentPeriods.id, id)).returning();
    await audit(tx, user, 'assessment.period.compute', 'assessmentPeriod', id, now, { digest: built.digest, subjects: built.results.length, lines: built.lines.length, sameAsBefore: p.digest ? same : null });
    return { ...periodView(row, user), subjects: built.results.length, lines: built.lines.length, sameAsBefore: p.digest ? same : null };
  });
}

export async function freezePeriod(ctx: AppContext, user: SessionUser, id: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockPeriod(tx, user, id, 'freeze');
    const [row] = await tx.update(assessmentPeriods).set({ state: 'frozen', frozenAt: now.toISOString(), frozenBy: user.id }).where(eq(assessmentPeriods.id, id)).returning();
    await audit(tx, user, 'assessment.period.freeze', 'assessmentPeriod', id, now, { digest: row.digest }, { state: 'computed' });
    return periodView(row, user);
  });
}

/** Publishes a frozen period: subjects see it and may appeal until `appealBy` (N working days on the center's calendar). */
export async function publishPeriod(ctx: AppContext, user: SessionUser, id: string) {
  const now = ctx.now();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const p = await lockPeriod(tx, user, id, 'publish');
    const { appealDays } = await settingsFor(tx, p.centerId);
    const cal = await calendarFor(tx, p.centerId);
    const appealBy = await setWorkingDeadline(tx, APPEAL_BY, cal, { rowId: id, centerId: p.centerId, startOn: today, workingDays: appealDays });
    const [row] = await tx.update(assessmentPeriods).set({ state: 'published', publishedAt: now.toISOString(), publishedOn: today, appealBy }).where(eq(assessmentPeriods.id, id)).returning();
    await audit(tx, user, 'assessment.period.publish', 'assessmentPeriod', id, now, { appealBy }, { state: 'frozen' });
    return periodView(row, user);
  });
}
