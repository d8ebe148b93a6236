/** The center's assessment settings and the versioned schemes (what is measured, how it scores). */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors.js';
import { assessmentSchemes, assessmentSettings } from './schema.js';
import { DEFAULT_AWARDS, METRICS, describeRule, schemeProblems, type AwardRule, type PeriodKind, type SchemeBody, type SubjectType } from './rules.js';
import { DEFAULT_APPEAL_DAYS, audit, ownCenter } from './common.js';

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

/** The center's scheme, locked for a change only a draft takes; `refusal` says what is refused (en, zh). */
async function lockDraft(tx: Tx, centerId: string, id: string, refusal: [string, string]) {
  const [s] = await tx.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.centerId, centerId))).for('update');
  if (!s) throw notFound('Scheme', '考核方案');
  if (s.state !== 'draft') throw conflict('scheme_not_draft', ...refusal);
  return s;
}

export async function updateScheme(ctx: AppContext, user: SessionUser, id: string, input: { name: string; body: SchemeBody }) {
  const centerId = ownCenter(user);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const s = await lockDraft(tx, centerId, id, ['Only a draft version is edited; create a new version', '只能修改草稿版本，请新建版本']);
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
    const s = await lockDraft(tx, centerId, id, ['Only a draft version is published', '只能发布草稿版本']);
    // One published scheme per subject type and period kind: the one a period uses.
    await tx.update(assessmentSchemes).set({ state: 'superseded' }).where(and(eq(assessmentSchemes.centerId, centerId), eq(assessmentSchemes.subjectType, s.subjectType),
      eq(assessmentSchemes.periodKind, s.periodKind), eq(assessmentSchemes.state, 'published')));
    const [row] = await tx.update(assessmentSchemes).set({ state: 'published', publishedAt: now.toISOString(), publishedBy: user.id }).where(eq(assessmentSchemes.id, id)).returning();
    await audit(tx, user, 'assessment.scheme.publish', 'assessmentScheme', id, now, { code: s.code, version: s.version });
    return schemeView(row);
  });
}
