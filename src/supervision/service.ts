import { outer } from '../core/db/outer.js';
import { and, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { caseLightQueue, cases } from '../cases/schema.js';
import { accountabilityRecords, anomalies, ladderSteps, supervisionSettings, type LadderKind } from './schema.js';
import { inScope, scopeOf } from './scope.js';
import { forgetSettings, settingsFor, type SupervisionSettings } from './settings.js';
import { afterCommit } from '../core/db/afterCommit.js';
import { renderStepDocument } from './document.js';
import { RULES, type RuleName } from './anomalies/rules.js';
import { announce } from './bus.js';

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export async function listSteps(ctx: AppContext, user: SessionUser, q: { kind?: LadderKind; open?: boolean; caseId?: string }) {
  const conds = [scopeOf(user, ladderSteps.centerId, ladderSteps.departmentId)];
  if (q.kind) conds.push(eq(ladderSteps.kind, q.kind));
  if (q.open) conds.push(isNull(ladderSteps.answeredAt));
  if (q.caseId) conds.push(eq(ladderSteps.caseId, q.caseId));
  const list = await ctx.db.select().from(ladderSteps).where(and(...conds)).orderBy(desc(ladderSteps.issuedAt)).limit(200);
  return {
    items: list.map((s) => ({
      id: s.id, caseId: s.caseId, caseNo: String(s.snapshot.caseNo ?? ''), itemName: String(s.snapshot.itemName ?? ''), department: String(s.snapshot.departmentName ?? ''),
      kind: s.kind, light: s.light, docNo: s.docNo, issuedOn: s.issuedOn, answerDue: s.answerDue, answeredAt: iso(s.answeredAt), answer: s.answer, escalatedAt: iso(s.escalatedAt),
    })),
  };
}

async function readableStep(ctx: AppContext, user: SessionUser, id: string) {
  const [s] = await ctx.db.select().from(ladderSteps).where(eq(ladderSteps.id, id));
  if (!s) throw notFound('Supervision document', '监察文书');
  if (!inScope(user, s)) throw forbidden('Outside your scope', '不在您的权限范围内');
  return s;
}

export async function stepDocument(ctx: AppContext, user: SessionUser, id: string, origin: string) {
  const s = await readableStep(ctx, user, id);
  return renderStepDocument({ ...s, issuedAt: iso(s.issuedAt)!, answeredAt: iso(s.answeredAt), escalatedAt: iso(s.escalatedAt) }, origin);
}

/** The department answers a supervision order (chief representative, leader or coordinator of that department). */
export async function answerOrder(ctx: AppContext, user: SessionUser, id: string, answer: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(ladderSteps).where(eq(ladderSteps.id, id)).for('update');
    if (!s) throw notFound('Supervision order', '督办单');
    if (user.departmentId !== s.departmentId) throw forbidden('Only the department the order is addressed to answers it', '只能由被督办部门答复');
    if (s.kind !== 'order') throw conflict('not_an_order', 'Only supervision orders are answered', '只有督办单需要答复');
    if (s.answeredAt) throw conflict('already_answered', 'The order was already answered', '该督办单已答复');
    await tx.update(ladderSteps).set({ answeredAt: now.toISOString(), answeredBy: user.id, answer }).where(eq(ladderSteps.id, id));
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'supervision.answer', entityType: 'ladderStep', entityId: id,
      before: { answeredAt: null }, after: { answer, late: s.answerDue !== null && ctx.today() > s.answerDue }, at: now,
    });
    await announce(tx, [s.centerId]);
    return { id, answeredAt: now.toISOString() };
  });
}

export async function listAnomalies(ctx: AppContext, user: SessionUser, q: { status?: 'open' | 'handled'; rule?: RuleName }) {
  const conds = [scopeOf(user, anomalies.centerId, anomalies.departmentId)];
  if (q.status === 'open') conds.push(isNull(anomalies.handledAt));
  if (q.status === 'handled') conds.push(isNotNull(anomalies.handledAt));
  if (q.rule) conds.push(eq(anomalies.rule, q.rule));
  const list = await ctx.db.select({ a: anomalies, caseNo: cases.caseNo }).from(anomalies).leftJoin(cases, eq(cases.id, anomalies.caseId))
    .where(and(...conds)).orderBy(desc(anomalies.detectedAt)).limit(200);
  return {
    items: list.map(({ a, caseNo }) => ({
      id: a.id, rule: a.rule, ruleLabel: RULES[a.rule as RuleName] ?? a.rule, subject: a.subject, caseId: a.caseId, caseNo, evidence: a.evidence,
      detectedAt: iso(a.detectedAt), handledAt: iso(a.handledAt), note: a.note,
    })),
  };
}

/** Supervisors mark an anomaly handled with a note; nothing is deleted. */
export async function handleAnomaly(ctx: AppContext, user: SessionUser, id: string, note: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(anomalies).where(eq(anomalies.id, id)).for('update');
    if (!a || !inScope(user, a)) throw notFound('Anomaly', '异常');
    if (a.handledAt) throw conflict('already_handled', 'The anomaly was already handled', '该异常已处理');
    await tx.update(anomalies).set({ handledAt: now.toISOString(), handledBy: user.id, note }).where(eq(anomalies.id, id));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'anomaly.handle', entityType: 'anomaly', entityId: id, before: { handledAt: null }, after: { note }, at: now });
    if (a.centerId) await announce(tx, [a.centerId]);
    return { id, handledAt: now.toISOString() };
  });
}

export async function listAccountability(ctx: AppContext, user: SessionUser) {
  const list = await ctx.db.select({
    r: accountabilityRecords, caseNo: cases.caseNo,
    department: sql<string>`(select name from departments d where d.id = ${outer(accountabilityRecords.departmentId)})`,
    person: sql<string | null>`(select display_name from users u where u.id = ${outer(accountabilityRecords.userId)})`,
  }).from(accountabilityRecords).leftJoin(cases, eq(cases.id, accountabilityRecords.caseId))
    .where(scopeOf(user, accountabilityRecords.centerId, accountabilityRecords.departmentId)).orderBy(desc(accountabilityRecords.recordedAt)).limit(200);
  return { items: list.map(({ r, caseNo, department, person }) => ({ id: r.id, kind: r.kind, caseId: r.caseId, caseNo, department, person, stepName: r.stepName, recordedOn: r.recordedOn })) };
}

export async function getSettings(ctx: AppContext, user: SessionUser) {
  if (!user.centerId) throw forbidden();
  return settingsFor(ctx.db, user.centerId);
}

/**
 * Changes the center's settings. A new yellow threshold changes when running clocks turn
 * yellow, so every running clock of the center is marked due and the sweep recomputes it.
 */
export async function putSettings(ctx: AppContext, user: SessionUser, next: SupervisionSettings) {
  const centerId = user.centerId;
  if (!centerId) throw forbidden();
  const now = ctx.now();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    forgetSettings();
    afterCommit(tx, forgetSettings);
    const before = await settingsFor(tx, centerId);
    await tx.insert(supervisionSettings).values({ centerId, ...next, updatedAt: now.toISOString(), updatedBy: user.id })
      .onConflictDoUpdate({ target: supervisionSettings.centerId, set: { ...next, updatedAt: now.toISOString(), updatedBy: user.id } });
    if (before.yellowShare !== next.yellowShare || before.minYellowDays !== next.minYellowDays) {
      // Every open case of the center is due for the sweep now: its lights follow the new threshold.
      await tx.execute(sql`update ${caseLightQueue} q set next_change_on = ${today}::date from ${cases} c
        where c.id = q.case_id and c.center_id = ${centerId} and q.next_change_on > ${today}::date`);
    }
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'supervision.settings', entityType: 'center', entityId: centerId, before, after: next, at: now });
    return next;
  });
}
