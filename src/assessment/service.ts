import { outer } from '../core/db/outer.js';
import { setWorkingDeadline } from '../core/deadlines/track.js';
import { APPEAL_BY } from './deadlines.js';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { calendarFor } from '../core/calendar/service.js';
import { departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { files } from '../core/files/schema.js';
import { localTime } from '../duty/common.js';
import { assessmentAppeals, assessmentLines, assessmentPeriods, assessmentResults, assessmentSchemes, assessmentSettings } from './schema.js';
import { appealOpen, checkAppeal, checkPeriod, allowedPeriodActions, type PeriodAction, type PeriodState } from './machine.js';
import {
  DEFAULT_AWARDS, METRICS, awardCandidates, clampTotal, describeRule, periodRange, rank, round2, schemeProblems, scoreSubject, trendOf, valueOf,
  type AwardRule, type MetricName, type PeriodKind, type SchemeBody, type SubjectType, SUBJECT_TYPES,
} from './rules.js';
import { emptyValue, gatherFacts, tuneForFacts, type Facts } from './facts.js';
import { canSeeSubject, ownsSubject, readsAll } from './access.js';

export const DEFAULT_APPEAL_DAYS = 5;
/** Lines whose evidence is the subject's decided cases of the period, listed by the same condition when asked. */
const CASE_METRICS = new Set<MetricName>(['onTimeRate', 'firstTimeRate', 'immediateRate', 'onlineRate', 'overdueCases']);
const STAFF_SUBJECT_ROLES = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] as const;

const refuse = (c: { ok: false; refusal: { status: number; code: string; message: string; messageZh: string } }) =>
  new AppError(c.refusal.status, c.refusal.code, c.refusal.message, c.refusal.messageZh);
const ownCenter = (u: SessionUser) => { if (!u.centerId) throw forbidden(); return u.centerId; };
const audit = (tx: Tx, u: SessionUser, action: string, entityType: string, entityId: string, at: Date, after?: unknown, before?: unknown) =>
  appendAudit(tx, { actorId: u.id, actorRole: u.role, action, entityType, entityId, before, after, at });

// ---------------------------------------------------------------- settings

export interface AssessmentSettings { appealDays: number; awards: AwardRule[] }

export async function settingsFor(db: Queryable, centerId: string): Promise<AssessmentSettings> {
  const [row] = await db.select().from(assessmentSettings).where(eq(assessmentSettings.centerId, centerId));
  return row ? { appealDays: row.appealDays, awards: row.awards } : { appealDays: DEFAULT_APPEAL_DAYS, awards: DEFAULT_AWARDS };
}

export async function getSettings(ctx: AppContext, user: SessionUser) { return settingsFor(ctx.db, ownCenter(user)); }

export async function putSettings(ctx: AppContext, user: SessionUser, next: AssessmentSettings) {
  const centerId = ownCenter(user);
  const keys = new Set<string>();
  for (const a of next.awards) {
    if (keys.has(a.key)) throw badRequest('award_key_duplicate', `Award key ${a.key} appears twice`, `评优项目代码${a.key}重复`);
    keys.add(a.key);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await settingsFor(tx, centerId);
    await tx.insert(assessmentSettings).values({ centerId, ...next, updatedAt: now.toISOString(), updatedBy: user.id })
      .onConflictDoUpdate({ target: assessmentSettings.centerId, set: { ...next, updatedAt: now.toISOString(), updatedBy: user.id } });
    await audit(tx, user, 'assessment.settings', 'center', centerId, now, next, before);
    return next;
  });
}

// ---------------------------------------------------------------- schemes (versioned)

export async function listSchemes(ctx: AppContext, user: SessionUser) {
  const centerId = ownCenter(user);
  const rows = await ctx.db.select().from(assessmentSchemes).where(eq(assessmentSchemes.centerId, centerId)).orderBy(asc(assessmentSchemes.code), desc(assessmentSchemes.version));
  return { items: rows.map(schemeView) };
}

function schemeView(s: typeof assessmentSchemes.$inferSelect) {
  return {
    id: s.id, code: s.code, version: s.version, name: s.name, subjectType: s.subjectType, periodKind: s.periodKind, state: s.state, body: s.body,
    lines: s.body.lines.map((l) => ({ ...l, metricLabel: METRICS[l.metric]?.label ?? l.metric, ruleText: describeRule(l.rule) })),
    createdAt: s.createdAt, publishedAt: s.publishedAt,
  };
}

function checkBody(subject: SubjectType, body: SchemeBody) {
  const problems = schemeProblems(subject, body);
  if (problems.length) throw unprocessable('scheme_invalid', `The scheme is not valid: ${problems.join('; ')}`, `考核方案有误：${problems.join('；')}`, problems);
}

export interface SchemeInput { code: string; name: string; subjectType: SubjectType; periodKind: PeriodKind; body: SchemeBody }

/** A new draft version of a code (version 1 for a new code); the published version stays in force until the draft is published. */
export async function createScheme(ctx: AppContext, user: SessionUser, input: SchemeInput) {
  const centerId = ownCenter(user);
  checkBody(input.subjectType, input.body);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const versions = await tx.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.centerId, centerId), eq(assessmentSchemes.code, input.code))).for('update');
    if (versions.some((v) => v.state === 'draft')) throw conflict('scheme_draft_exists', 'This scheme already has a draft version: edit or publish it', '该方案已有草稿版本，请先编辑或发布');
    if (versions.some((v) => v.subjectType !== input.subjectType || v.periodKind !== input.periodKind)) {
      throw conflict('scheme_kind_fixed', 'A scheme keeps its subject type and period kind across versions', '方案的考核对象和周期在各版本间不可更改');
    }
    const version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
    const [row] = await tx.insert(assessmentSchemes).values({ centerId, ...input, version, state: 'draft', createdAt: now.toISOString(), createdBy: user.id }).returning();
    await audit(tx, user, 'assessment.scheme.create', 'assessmentScheme', row.id, now, { code: row.code, version });
    return schemeView(row);
  });
}

export async function updateScheme(ctx: AppContext, user: SessionUser, id: string, input: { name: string; body: SchemeBody }) {
  const centerId = ownCenter(user);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.centerId, centerId))).for('update');
    if (!s) throw notFound('Scheme', '考核方案');
    if (s.state !== 'draft') throw conflict('scheme_not_draft', 'Only a draft version is edited; create a new version', '只能修改草稿版本，请新建版本');
    checkBody(s.subjectType, input.body);
    const [row] = await tx.update(assessmentSchemes).set(input).where(eq(assessmentSchemes.id, id)).returning();
    await audit(tx, user, 'assessment.scheme.update', 'assessmentScheme', id, now, input, { name: s.name, body: s.body });
    return schemeView(row);
  });
}

export async function publishScheme(ctx: AppContext, user: SessionUser, id: string) {
  const centerId = ownCenter(user);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.centerId, centerId))).for('update');
    if (!s) throw notFound('Scheme', '考核方案');
    if (s.state !== 'draft') throw conflict('scheme_not_draft', 'Only a draft version is published', '只能发布草稿版本');
    // One published scheme per subject type and period kind: the one a period uses.
    await tx.update(assessmentSchemes).set({ state: 'superseded' }).where(and(eq(assessmentSchemes.centerId, centerId), eq(assessmentSchemes.subjectType, s.subjectType),
      eq(assessmentSchemes.periodKind, s.periodKind), eq(assessmentSchemes.state, 'published')));
    const [row] = await tx.update(assessmentSchemes).set({ state: 'published', publishedAt: now.toISOString(), publishedBy: user.id }).where(eq(assessmentSchemes.id, id)).returning();
    await audit(tx, user, 'assessment.scheme.publish', 'assessmentScheme', id, now, { code: s.code, version: s.version });
    return schemeView(row);
  });
}

// ---------------------------------------------------------------- periods

type PeriodRow = typeof assessmentPeriods.$inferSelect;

function periodView(p: PeriodRow, user: SessionUser) {
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

async function readablePeriod(db: Queryable, user: SessionUser, id: string): Promise<PeriodRow> {
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

async function lockPeriod(tx: Tx, user: SessionUser, id: string, action: PeriodAction): Promise<PeriodRow> {
  const [p] = await tx.select().from(assessmentPeriods).where(eq(assessmentPeriods.id, id)).for('update');
  if (!p || !user.centerScope.includes(p.centerId)) throw notFound('Assessment period', '考核周期');
  if (p.centerId !== user.centerId) throw forbidden('Only the center’s own office manages its periods', '只能管理本中心的考核周期');
  const c = checkPeriod(action, p.state, user.role);
  if (!c.ok) throw refuse(c);
  return p;
}

interface Subject { type: SubjectType; id: string; name: string; departmentId: string | null }

async function subjectsOf(db: Queryable, centerId: string): Promise<Subject[]> {
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

// ---------------------------------------------------------------- manual lines

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

// ---------------------------------------------------------------- reading results

function lineView(l: typeof assessmentLines.$inferSelect) {
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

async function rankedRows(db: Queryable, p: PeriodRow, subjectType: SubjectType) {
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

// ---------------------------------------------------------------- evidence

async function readableLine(ctx: AppContext, user: SessionUser, lineId: string) {
  const [l] = await ctx.db.select().from(assessmentLines).where(eq(assessmentLines.id, lineId));
  if (!l) throw notFound('Line', '考核明细');
  const p = await readablePeriod(ctx.db, user, l.periodId);
  const [res] = await ctx.db.select({ departmentId: assessmentResults.departmentId }).from(assessmentResults)
    .where(and(eq(assessmentResults.periodId, l.periodId), eq(assessmentResults.subjectType, l.subjectType), eq(assessmentResults.subjectId, l.subjectId)));
  if (!canSeeSubject(user, p.centerId, p.state, { subjectType: l.subjectType, subjectId: l.subjectId, departmentId: res?.departmentId ?? null })) throw notFound('Line', '考核明细');
  return { l, p };
}

const rowsOf = async <T>(db: Queryable, q: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
const EVIDENCE_LIMIT = 500;

/**
 * The rows behind a line. Lines of records (violations, reviews, complaints, praise,
 * attendance, findings…) list the rows their stored references name (frozen with the
 * result: a fact recorded later is not among them). Case lines (rates and overdue cases)
 * list the subject's cases decided in the period as they stand now, each with whether it
 * counted, next to the numbers the line was scored with.
 */
export async function lineEvidence(ctx: AppContext, user: SessionUser, lineId: string) {
  const { l, p } = await readableLine(ctx, user, lineId);
  const base = { line: lineView(l), kind: l.evidenceKind, limit: EVIDENCE_LIMIT };
  if (l.source !== 'computed') {
    const appeal = l.appealId ? (await ctx.db.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, l.appealId)))[0] : null;
    return { ...base, kind: l.source, rows: [], reason: l.reason, fileId: l.fileId, appeal: appeal ? appealView(appeal) : null };
  }
  const refs = (l.evidenceRefs ?? []).slice(0, EVIDENCE_LIMIT);
  const ids = sql`${`{${refs.join(',')}}`}::uuid[]`;
  let rows: unknown[] = [];
  switch (l.evidenceKind) {
    case 'cases': {
      // Case lines: the subject's cases decided in the period as they stand now, marked whether
      // each counted, next to the numbers the line was scored with.
      const col = l.subjectType === 'window' ? sql`c.window_id` : l.subjectType === 'department' ? sql`c.department_id` : sql`c.accepted_by`;
      const onTime = sql`(c.promised_due is not null and c.closed_on <= c.promised_due)`;
      const flag = l.metric === 'onTimeRate' ? onTime : l.metric === 'overdueCases' ? sql`(not ${onTime})` : l.metric === 'firstTimeRate' ? sql`(c.supplement_count = 0)`
        : l.metric === 'immediateRate' ? sql`(c.kind = 'immediate')` : sql`(c.channel = 'online')`;
      const only = l.metric === 'overdueCases' ? sql`and ${flag}` : sql``;
      const where = sql`c.center_id = ${p.centerId} and ${col} = ${l.subjectId} and c.outcome is not null and c.closed_on between ${p.fromDate}::date and ${p.toDate}::date ${only}`;
      rows = await rowsOf(ctx.db, sql`select c.id, c.case_no as "caseNo", c.item_name as "itemName", c.kind, c.channel, c.closed_on::text as "closedOn", c.promised_due::text as "promisedDue", ${flag} as counted
        from cases c where ${where} order by counted, c.closed_on, c.case_no limit ${EVIDENCE_LIMIT}`);
      const [{ n }] = await rowsOf<{ n: number }>(ctx.db, sql`select count(*)::int as n from cases c where ${where}`);
      return { ...base, rows, total: n, scored: l.value };
    }
    case 'ladderSteps':
      rows = await rowsOf(ctx.db, sql`select s.id, s.case_id as "caseId", s.doc_no as "docNo", s.issued_on::text as "issuedOn", s.snapshot->>'caseNo' as "caseNo", s.snapshot->>'itemName' as "itemName" from ladder_steps s where s.id = any(${ids}) order by s.issued_on, s.doc_no`);
      break;
    case 'accountability':
      rows = await rowsOf(ctx.db, sql`select a.id, a.kind, a.case_id as "caseId", c.case_no as "caseNo", a.step_name as "stepName", a.recorded_on::text as "recordedOn", u.display_name as person
        from accountability_records a left join cases c on c.id = a.case_id left join users u on u.id = a.user_id where a.id = any(${ids}) order by a.recorded_on`);
      break;
    case 'evaluations':
      rows = await rowsOf(ctx.db, sql`select e.id, e.case_id as "caseId", c.case_no as "caseNo", e.grade, e.comment, e.rated_on::text as "ratedOn", e.state, e.verification->>'reason' as "finding"
        from feedback_evaluations e join cases c on c.id = e.case_id where e.id = any(${ids}) order by e.rated_on`);
      break;
    case 'complaints':
      rows = await rowsOf(ctx.db, sql`select fc.id, fc.no, fc.category, left(fc.content, 200) as content, fc.received_on::text as "receivedOn", fc.result->>'result' as result, fc.result->>'on' as "resolvedOn"
        from feedback_complaints fc where fc.id = any(${ids}) order by fc.received_on, fc.no`);
      break;
    case 'praise':
      rows = await rowsOf(ctx.db, sql`select p.id, p.kind, p.from_name as "fromName", p.note, p.received_on::text as "receivedOn" from feedback_praise p where p.id = any(${ids}) order by p.received_on`);
      break;
    case 'patrolFindings':
      rows = await rowsOf(ctx.db, sql`select f.id, f.day::text, f.grade, f.failed_checks as "failedChecks", f.note, f.rectification, jsonb_array_length(f.photo_file_ids)::int as photos, w.number as "windowNumber"
        from patrol_findings f join windows w on w.id = f.window_id where f.id = any(${ids}) order by f.day`);
      break;
    case 'leaderDutyDays':
      rows = await rowsOf(ctx.db, sql`select d.id, d.day::text, u.display_name as leader, d.status from leader_duty_days d join users u on u.id = d.leader_id where d.id = any(${ids}) order by d.day`);
      break;
    case 'anomalies':
      rows = await rowsOf(ctx.db, sql`select a.id, a.rule, a.case_id as "caseId", c.case_no as "caseNo", a.detected_at as "detectedAt", a.note from anomalies a left join cases c on c.id = a.case_id where a.id = any(${ids}) order by a.detected_at`);
      break;
    case 'attendance': {
      const people = [...new Set(refs.map((r) => r.split('|')[0]))];
      const names = people.length ? new Map((await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name])) : new Map();
      rows = refs.map((r) => { const [userId, day, status] = r.split('|'); return { id: r, userId, person: names.get(userId) ?? '', day, status }; });
      break;
    }
    default: rows = [];
  }
  return { ...base, rows, total: l.evidenceRefs?.length ?? 0 };
}

/** A manual line's evidence file (or an appeal's), for whoever may see the line. */
export async function lineFile(ctx: AppContext, user: SessionUser, lineId: string) {
  const { l } = await readableLine(ctx, user, lineId);
  let fileId = l.fileId;
  if (!fileId && l.appealId) fileId = (await ctx.db.select({ f: assessmentAppeals.fileId }).from(assessmentAppeals).where(eq(assessmentAppeals.id, l.appealId)))[0]?.f ?? null;
  if (!fileId) throw notFound('File', '文件');
  const [f] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!f) throw notFound('File', '文件');
  return f;
}

// ---------------------------------------------------------------- appeals

type AppealRow = typeof assessmentAppeals.$inferSelect;
function appealView(a: AppealRow) {
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

// ---------------------------------------------------------------- awards, trend

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

export { readablePeriod, rankedRows, subjectsOf };

// ---------------------------------------------------------------- bulletin

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
