/**
 * 好差评: ratings from the portal, the window device and SMS links; the bad-review flow
 * (verify → rectify → return visit). One transaction per change with its audit row.
 */
import { outer } from '../core/db/outer.js';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { STAFF_ROLES } from '../core/auth/roles.js';
import { AppError, badRequest, conflict, forbidden, notFound, unauthorized, unprocessable } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { calendarFor } from '../core/calendar/service.js';
import { trackDeadline } from '../core/deadlines/track.js';
import { RECTIFY_DUE } from './deadlines.js';
import { maskName } from '../core/mask.js';
import { departments } from '../core/org/schema.js';
import { cases } from '../cases/schema.js';
import { assertOwnFiles } from '../cases/effects.js';
import type { Tx } from '../core/db/index.js';
import { evaluations, invitations } from './schema.js';
import { checkEvaluation, evaluationActions, EVALUATION_STATE_LABELS, initialEvaluationState, type EvaluationAction, type EvaluationState } from './machine.js';
import { dueAfter, dueLight, GRADE_LABELS, isBad, scoreErrors, servedBy, verifyLink, yellowFrom, type EvaluationChannel, type Stage } from './rules.js';
import { feedbackSettingsFor, linkSecret } from './settings.js';
import { inApp, iso, managersOf, readable, refusalError, scopeWhere, versionConflict } from './access.js';
import { currentCaseOfWindow } from './device.js';
import { announce } from '../supervision/bus.js';

export interface RateInput {
  caseId?: string;
  stage?: Stage;
  grade: number;
  scores?: Record<string, number>;
  comment?: string;
  /** SMS link token (no login). */
  token?: string;
  /** Window device token (the evaluation tablet). */
  deviceToken?: string;
  /** With deviceToken: the hall ticket the tablet shows (its case may be rated). */
  ticket?: string;
}

type CaseForRating = typeof cases.$inferSelect;

const LINK_ERRORS = {
  malformed: badRequest('link_invalid', 'This rating link is not valid', '评价链接无效'),
  badSignature: badRequest('link_invalid', 'This rating link is not valid', '评价链接无效'),
  expired: new AppError(410, 'link_expired', 'This rating link has expired', '评价链接已过期'),
} as const;

/** Checks a signed link of the given type; throws the clear error. */
export async function openLink(ctx: AppContext, token: string, type: 'rate' | 'device') {
  const v = verifyLink(await linkSecret(ctx.db, ctx.now()), token, ctx.now().getTime());
  if (!v.ok) throw LINK_ERRORS[v.why];
  if (v.payload.t !== type) throw LINK_ERRORS.malformed;
  return v.payload;
}

/** Which stage a case can be rated at now, or why not. */
export async function rateableStage(db: AppContext['db'], c: Pick<CaseForRating, 'state' | 'acceptedAt' | 'centerId'>, want?: Stage): Promise<Stage> {
  const stage = want ?? 'completion';
  if (stage === 'completion' && c.state !== 'completed' && c.state !== 'archived') {
    throw conflict('not_completed', 'A case is rated once it is completed', '办件办结后方可评价');
  }
  if (stage === 'acceptance') {
    if (!(await feedbackSettingsFor(db, c.centerId)).acceptanceRating) throw conflict('acceptance_rating_off', 'This center does not take ratings at acceptance', '本中心未开通受理环节评价');
    if (!c.acceptedAt) throw conflict('not_accepted', 'The case is not accepted yet', '办件尚未受理，暂不能评价');
  }
  return stage;
}

/** One rating: who may rate is decided by the credential (an applicant session, an SMS link or a window device). */
export async function rate(ctx: AppContext, user: SessionUser | null, input: RateInput) {
  const now = ctx.now();
  let channel: EvaluationChannel;
  let caseId = input.caseId;
  let stage = input.stage;
  let invitationId: string | null = null;
  if (input.token) {
    const p = await openLink(ctx, input.token, 'rate');
    const [inv] = await ctx.db.select().from(invitations).where(eq(invitations.id, (p as { inv: string }).inv));
    if (!inv) throw LINK_ERRORS.malformed;
    if (inv.usedAt) throw conflict('link_used', 'This rating link was already used', '该评价链接已使用，每笔办件只能评价一次');
    channel = 'sms'; caseId = inv.caseId; stage = inv.stage; invitationId = inv.id;
  } else if (input.deviceToken) {
    const p = await openLink(ctx, input.deviceToken, 'device');
    const current = (await currentCaseOfWindow(ctx, (p as { win: string }).win, input.ticket)).case;
    if (!current || current.id !== input.caseId) throw conflict('not_current_case', 'The device rates only the case the window just served', '评价器只能评价窗口刚办理的办件');
    channel = 'device';
  } else {
    if (!user) throw unauthorized();
    if (STAFF_ROLES.includes(user.role)) throw forbidden('Staff cannot rate cases', '工作人员不能评价办件');
    channel = 'portal';
  }
  if (!caseId) throw badRequest('validation_failed', 'caseId is required', '请指定办件', [{ field: 'body.caseId', message: 'required' }]);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) throw notFound('Case', '办件');
  if (channel === 'portal' && c.applicantUserId !== user!.id) throw forbidden('You can only rate your own cases', '只能评价本人的办件');
  const finalStage = await rateableStage(ctx.db, c, stage);
  const errs = scoreErrors(input.scores ?? {}, servedBy(c.channel));
  if (errs.length) throw badRequest('validation_failed', 'Invalid sub-scores', '分项评分无效', errs);
  const bad = isBad(input.grade);
  if (bad && !(input.comment ?? '').trim()) {
    throw unprocessable('comment_required', 'Tell us what went wrong (a bad review needs a comment)', '请填写不满意的原因', [{ field: 'body.comment', message: 'required for grades 1–2' }]);
  }
  const today = ctx.today();
  const settings = await feedbackSettingsFor(ctx.db, c.centerId);
  return ctx.db.transaction(async (tx) => {
    if (invitationId) {
      // Single use: the first rating through the link marks it; a concurrent second one finds it used.
      const used = await tx.update(invitations).set({ usedAt: now.toISOString() }).where(and(eq(invitations.id, invitationId), sql`${invitations.usedAt} is null`)).returning({ id: invitations.id });
      if (used.length === 0) throw conflict('link_used', 'This rating link was already used', '该评价链接已使用，每笔办件只能评价一次');
    }
    let due: string | null = null, yellow: string | null = null;
    if (bad) {
      const cal = await calendarFor(tx, c.centerId);
      due = dueAfter(cal, today, settings.rectifyDays);
      yellow = yellowFrom(cal, today, due);
    }
    const [row] = await tx.insert(evaluations).values({
      caseId: c.id, stage: finalStage, grade: input.grade, scores: input.scores ?? {}, comment: (input.comment ?? '').trim(), channel,
      centerId: c.centerId, departmentId: c.departmentId, itemId: c.itemId, windowId: c.windowId, staffId: c.acceptedBy,
      raterUserId: channel === 'portal' ? user!.id : null, state: initialEvaluationState(bad), ratedOn: today, ratedAt: now.toISOString(),
      rectifyDue: due, rectifyYellowOn: yellow,
    }).onConflictDoNothing().returning();
    if (!row) throw conflict('already_rated', 'This case was already rated at this stage', '该办件本环节已评价，每笔办件只能评价一次');
    if (due) await trackDeadline(tx, RECTIFY_DUE, { rowId: row.id, centerId: c.centerId, startOn: today, workingDays: settings.rectifyDays, due });
    if (bad) {
      await enqueue(tx, inApp(await managersOf(tx, c.departmentId), 'feedback.badReview', { caseNo: c.caseNo, itemName: c.itemName, gradeLabel: GRADE_LABELS[input.grade], evaluationId: row.id }), now);
    }
    await appendAudit(tx, {
      actorId: user?.id ?? null, actorRole: user?.role ?? (channel === 'sms' ? 'smsLink' : 'windowDevice'), action: 'feedback.rate', entityType: 'evaluation', entityId: row.id,
      after: { caseId: c.id, stage: finalStage, grade: input.grade, channel, state: row.state, rectifyDue: due }, at: now,
    });
    await announce(tx, [c.centerId]); // the supervision board shows 好评率 and open bad reviews
    return { id: row.id, caseId: c.id, stage: finalStage, grade: row.grade, state: row.state, rectifyDue: due };
  });
}

// ---- reading ---------------------------------------------------------------------------

export interface EvaluationQuery { state?: EvaluationState; bad?: boolean; from?: string; to?: string; departmentId?: string; caseId?: string }

type Row = typeof evaluations.$inferSelect;

function view(user: SessionUser, r: Row, extra: { caseNo: string; itemName: string; department: string; applicantName: string; applicantKind: 'person' | 'organization' }, today: string) {
  const open = r.state === 'assigned' || r.state === 'rectifying';
  return {
    id: r.id, caseId: r.caseId, caseNo: extra.caseNo, itemName: extra.itemName, department: extra.department, departmentId: r.departmentId,
    applicant: maskName(extra.applicantName, extra.applicantKind), stage: r.stage, grade: r.grade, gradeLabel: GRADE_LABELS[r.grade], scores: r.scores,
    comment: r.comment, channel: r.channel, state: r.state, stateLabel: EVALUATION_STATE_LABELS[r.state], ratedOn: r.ratedOn, ratedAt: iso(r.ratedAt),
    verification: r.verification, rectification: r.rectification, returnVisit: r.returnVisit, rectifyDue: r.rectifyDue,
    light: open && r.rectifyDue && r.rectifyYellowOn ? dueLight(r.rectifyDue, r.rectifyYellowOn, today) : null,
    urgedAt: iso(r.urgedAt), orderedAt: iso(r.orderedAt), version: r.version,
    actions: evaluationActions({ state: r.state, centerId: r.centerId, departmentId: r.departmentId }, user),
  };
}

const joined = {
  e: evaluations, caseNo: cases.caseNo, itemName: cases.itemName, applicantName: cases.applicantName, applicantKind: cases.applicantKind,
  department: sql<string>`(select name from ${departments} d where d.id = ${outer(evaluations.departmentId)})`,
};

export async function listEvaluations(ctx: AppContext, user: SessionUser, q: EvaluationQuery) {
  const conds: SQL[] = [scopeWhere(user, evaluations.centerId, evaluations.departmentId)];
  if (q.state) conds.push(eq(evaluations.state, q.state));
  if (q.bad) conds.push(lte(evaluations.grade, 2));
  if (q.from) conds.push(gte(evaluations.ratedOn, q.from));
  if (q.to) conds.push(lte(evaluations.ratedOn, q.to));
  if (q.departmentId) conds.push(eq(evaluations.departmentId, q.departmentId));
  if (q.caseId) conds.push(eq(evaluations.caseId, q.caseId));
  const list = await ctx.db.select(joined).from(evaluations).innerJoin(cases, eq(cases.id, evaluations.caseId))
    .where(and(...conds)).orderBy(desc(evaluations.ratedAt)).limit(200);
  const today = ctx.today();
  return { items: list.map(({ e, ...x }) => view(user, e, x, today)) };
}

export async function getEvaluation(ctx: AppContext, user: SessionUser, id: string) {
  const [r] = await ctx.db.select(joined).from(evaluations).innerJoin(cases, eq(cases.id, evaluations.caseId)).where(eq(evaluations.id, id));
  if (!r) throw notFound('Evaluation', '评价');
  if (!readable(user, r.e)) throw forbidden('Outside your scope', '不在您的权限范围内');
  const { e, ...x } = r;
  return view(user, e, x, ctx.today());
}

/** The applicant's own ratings (the portal's 我的办件 shows which cases are rated). */
export async function myEvaluations(ctx: AppContext, user: SessionUser) {
  const list = await ctx.db.select({ caseId: evaluations.caseId, stage: evaluations.stage, grade: evaluations.grade, state: evaluations.state, ratedOn: evaluations.ratedOn })
    .from(evaluations).innerJoin(cases, eq(cases.id, evaluations.caseId)).where(eq(cases.applicantUserId, user.id)).orderBy(desc(evaluations.ratedAt)).limit(500);
  return { items: list.map((r) => ({ ...r, gradeLabel: GRADE_LABELS[r.grade] })) };
}

// ---- the bad-review flow ---------------------------------------------------------------

export interface EvaluationActionBody {
  version: number;
  finding?: 'substantiated' | 'unfounded';
  reason?: string;
  measures?: string;
  fileIds?: string[];
  satisfaction?: number;
  method?: 'phone' | 'visit' | 'sms';
  note?: string;
}

const need = (ok: boolean, field: string, en: string, zh: string) => {
  if (!ok) throw unprocessable('validation_failed', en, zh, [{ field: `body.${field}`, message: 'required' }]);
};

export async function actOnEvaluation(ctx: AppContext, user: SessionUser, id: string, action: EvaluationAction, body: EvaluationActionBody) {
  const now = ctx.now();
  const today = ctx.today();
  const at = now.toISOString();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
    if (!r || !readable(user, r)) throw notFound('Evaluation', '评价');
    const chk = checkEvaluation(action, r, user, { finding: body.finding });
    if (!chk.ok) throw refusalError(chk.refusal);
    if (body.version !== r.version) throw versionConflict();
    const set = await changes(tx, user, r, action, body, today, at);
    const [after] = await tx.update(evaluations).set({ ...set, state: chk.to, version: r.version + 1 }).where(eq(evaluations.id, id)).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: `feedback.evaluation.${action}`, entityType: 'evaluation', entityId: id,
      before: { state: r.state }, after: { state: after.state, ...set }, at: now,
    });
    await announce(tx, [r.centerId]);
    return { id, state: after.state, version: after.version };
  });
}

async function changes(tx: Tx, user: SessionUser, r: Row, action: EvaluationAction, b: EvaluationActionBody, today: string, at: string): Promise<Partial<Row>> {
  const fileIds = b.fileIds ?? [];
  if (action === 'verify') {
    need((b.reason ?? '').trim().length >= 2, 'reason', 'Give the reasons of the verification', '请填写核实情况和理由');
    await assertOwnFiles(tx, user, fileIds);
    const finding = b.finding!;
    // Unfounded: marked so, kept, and its rectification clock stops.
    return { verification: { finding, reason: b.reason!.trim(), fileIds, by: user.id, at }, ...(finding === 'unfounded' ? { rectifyDue: null, rectifyYellowOn: null } : {}) };
  }
  if (action === 'rectify') {
    need((b.measures ?? '').trim().length >= 2, 'measures', 'Describe the rectification measures', '请填写整改措施');
    await assertOwnFiles(tx, user, fileIds);
    return { rectification: { measures: b.measures!.trim(), fileIds, by: user.id, at, on: today, onTime: !r.rectifyDue || today <= r.rectifyDue } };
  }
  need(Number.isInteger(b.satisfaction) && b.satisfaction! >= 1 && b.satisfaction! <= 5, 'satisfaction', 'Record the applicant’s satisfaction (1–5)', '请记录申请人对整改的满意度（1–5）');
  return { returnVisit: { satisfaction: b.satisfaction!, method: b.method ?? 'phone', note: (b.note ?? '').trim(), by: user.id, at, on: today } };
}

