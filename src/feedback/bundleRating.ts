/**
 * 好差评 of a 一件事 bundle case as a whole (issue 24): the applicant rates the thing once, after
 * its results are ready — one grade and comment for the whole, beside the ratings of its parts'
 * cases. Stored as an evaluation of stage `bundle` (feedback_evaluations.bundle_id), hung on one
 * of the bundle's cases so that the lists, the bad-review flow (verify → rectify → return visit),
 * its deadline and its ladder work unchanged; its department is the bundle's lead department
 * (牵头部门), which answers for the thing and rectifies a bad rating.
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { calendarFor } from '../core/calendar/service.js';
import { trackDeadline } from '../core/deadlines/track.js';
import { cases } from '../cases/schema.js';
import { bundleCases, bundleParts } from '../things/schema.js';
import type { BundleState } from '../things/types.js';
import { announce } from '../supervision/bus.js';
import { evaluations } from './schema.js';
import { initialEvaluationState } from './machine.js';
import { dueAfter, GRADE_LABELS, isBad, SCORE_KEYS, scoreErrors, servedBy, yellowFrom } from './rules.js';
import { feedbackSettingsFor } from './settings.js';
import { inApp, managersOf } from './access.js';
import { RECTIFY_DUE } from './deadlines.js';

export const BUNDLE_STAGE = 'bundle' as const;

/** A bundle is rated once its every part has ended (results ready) — and after it closed. */
export const RATEABLE_BUNDLE_STATES: readonly BundleState[] = ['resultReady', 'completed'];

type Bundle = typeof bundleCases.$inferSelect;

/** The applicant's own bundle, or 404 (another's bundle is not revealed). */
async function ownBundle(ctx: AppContext, user: SessionUser, id: string): Promise<Bundle> {
  const [b] = await ctx.db.select().from(bundleCases).where(eq(bundleCases.id, id));
  if (!b || !b.applicantUserId || b.applicantUserId !== user.id) throw notFound('Bundle case', '一件事办件');
  return b;
}

/** The case the rating hangs on: the lead department's part when it ran, else the first part that ran. */
async function anchorCase(ctx: AppContext, b: Bundle) {
  const [row] = await ctx.db.select({ c: cases }).from(bundleParts).innerJoin(cases, eq(cases.id, bundleParts.caseId))
    .where(and(eq(bundleParts.bundleId, b.id), isNotNull(bundleParts.caseId)))
    .orderBy(desc(sql`${bundleParts.departmentId} = ${b.leadDepartmentId}`), asc(bundleParts.startedOn), asc(bundleParts.itemCode)).limit(1);
  return row?.c ?? null;
}

const view = (r: typeof evaluations.$inferSelect) => ({
  id: r.id, grade: r.grade, gradeLabel: GRADE_LABELS[r.grade], comment: r.comment, scores: r.scores, ratedOn: r.ratedOn, state: r.state,
});

/** What the portal needs for its button: whether the bundle can be rated now, and the rating once given. */
export async function bundleRating(ctx: AppContext, user: SessionUser, bundleId: string) {
  const b = await ownBundle(ctx, user, bundleId);
  const [r] = await ctx.db.select().from(evaluations).where(eq(evaluations.bundleId, b.id));
  return {
    bundleId: b.id, bundleNo: b.bundleNo, thingName: b.thingName,
    rateable: !r && RATEABLE_BUNDLE_STATES.includes(b.state),
    scoreKeys: SCORE_KEYS[servedBy(b.channel)],
    rating: r ? view(r) : null,
  };
}

export interface BundleRateInput { grade: number; comment?: string; scores?: Record<string, number> }

/** The applicant's one rating of the whole bundle; a bad one (grade ≤ 2) goes to the lead department's rectification. */
export async function rateBundle(ctx: AppContext, user: SessionUser, bundleId: string, input: BundleRateInput) {
  const b = await ownBundle(ctx, user, bundleId);
  if (!RATEABLE_BUNDLE_STATES.includes(b.state)) {
    throw conflict('bundle_not_ready', 'A bundle is rated once all its results are ready', '一件事的办理结果全部出具后方可评价');
  }
  const errs = scoreErrors(input.scores ?? {}, servedBy(b.channel));
  if (errs.length) throw badRequest('validation_failed', 'Invalid sub-scores', '分项评分无效', errs);
  const bad = isBad(input.grade);
  const comment = (input.comment ?? '').trim();
  if (bad && !comment) {
    throw unprocessable('comment_required', 'Tell us what went wrong (a bad review needs a comment)', '请填写不满意的原因', [{ field: 'body.comment', message: 'required for grades 1–2' }]);
  }
  const anchor = await anchorCase(ctx, b);
  // Every filed bundle starts at least one part's case; a bundle without one has nothing to rate.
  if (!anchor) throw conflict('bundle_not_ready', 'A bundle is rated once all its results are ready', '一件事的办理结果全部出具后方可评价');
  const now = ctx.now();
  const today = ctx.today();
  const settings = await feedbackSettingsFor(ctx.db, b.centerId);
  return ctx.db.transaction(async (tx) => {
    let due: string | null = null, yellow: string | null = null;
    if (bad) {
      const cal = await calendarFor(tx, b.centerId);
      due = dueAfter(cal, today, settings.rectifyDays);
      yellow = yellowFrom(cal, today, due);
    }
    const [row] = await tx.insert(evaluations).values({
      caseId: anchor.id, stage: BUNDLE_STAGE, bundleId: b.id, grade: input.grade, scores: input.scores ?? {}, comment, channel: 'portal',
      centerId: b.centerId, departmentId: b.leadDepartmentId, itemId: anchor.itemId, windowId: anchor.windowId,
      // The 综合窗口 member who took the application (none when filed online).
      staffId: b.channel === 'window' ? b.submittedBy : null,
      raterUserId: user.id, state: initialEvaluationState(bad), ratedOn: today, ratedAt: now.toISOString(), rectifyDue: due, rectifyYellowOn: yellow,
    }).onConflictDoNothing().returning();
    if (!row) throw conflict('already_rated', 'This bundle was already rated', '该一件事已评价，每件只能评价一次');
    if (due) {
      await trackDeadline(tx, RECTIFY_DUE, { rowId: row.id, centerId: b.centerId, startOn: today, workingDays: settings.rectifyDays, due });
      await enqueue(tx, inApp(await managersOf(tx, b.leadDepartmentId), 'feedback.badReview', { caseNo: b.bundleNo, itemName: b.thingName, gradeLabel: GRADE_LABELS[input.grade], evaluationId: row.id }), now);
    }
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'feedback.rateBundle', entityType: 'evaluation', entityId: row.id,
      after: { bundleId: b.id, caseId: anchor.id, grade: input.grade, state: row.state, departmentId: b.leadDepartmentId, rectifyDue: due }, at: now,
    });
    await announce(tx, [b.centerId]);
    return { id: row.id, bundleId: b.id, grade: row.grade, state: row.state, rectifyDue: due };
  });
}
