/**
 * Internal paperwork: the 全程承办单 and the 内部审批过程控制单 issued on demand as immutable
 * case documents (each issue is a new numbered document; an earlier one never changes),
 * and the material defects found in review, recorded against the step. The 办理通知书 is
 * issued with the acceptance (src/cases/effects.ts).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import type { Queryable, Tx } from '../../core/db/index.js';
import type { SessionUser } from '../../core/auth/policy.js';
import { users } from '../../core/auth/schema.js';
import { DEPARTMENT_ROLES, ROLE_LABELS, type Role } from '../../core/auth/roles.js';
import { appendAudit } from '../../core/audit/audit.js';
import { conflict, forbidden, unprocessable } from '../../core/errors.js';
import { departmentById } from '../../core/org/lookup.js';
import type { GuideData } from '../../catalog/types.js';
import { caseEvents } from '../schema.js';
import { appendEvent, itemVersionOf, loadCase, type CaseRow } from '../repo.js';
import { handlingSteps } from '../machine.js';
import { mayReadCase } from '../view.js';
import { numberDocuments, prepareDocument } from '../issue.js';
import { OPEN_STATES } from '../types.js';
import { caseReviewDefects } from './schema.js';
import { controlSteps, hasSeveralSteps, localTime, routeRows, type Person, type RouteEvent } from './rules.js';

const LABELS = ROLE_LABELS as Record<string, string>;
const isStaff = (u: SessionUser) => u.role !== 'applicant' && u.role !== 'agent';

async function factsOf(db: Queryable, row: CaseRow) {
  const events: RouteEvent[] = (await db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq)))
    .map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actorId: e.actorId, actorRole: e.actorRole, action: e.action, data: (e.data ?? {}) as Record<string, unknown> }));
  const defects = await db.select().from(caseReviewDefects).where(eq(caseReviewDefects.caseId, row.id)).orderBy(asc(caseReviewDefects.recordedAt));
  const ids = [...new Set([...events.map((e) => e.actorId), ...defects.map((d) => d.recordedBy)].filter((x): x is string => !!x))];
  const us = ids.length ? await db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(inArray(users.id, ids)) : [];
  const people = new Map<string, Person>(us.map((u) => [u.id, { name: u.name, roleLabel: LABELS[u.role] ?? u.role }]));
  return { events, defects, people };
}

/** The route and the steps as the two sheets show them (also read by the case page). */
export async function paperworkFacts(db: Queryable, row: CaseRow, guide: GuideData, timeZone: string) {
  const { events, defects, people } = await factsOf(db, row);
  const steps = handlingSteps(guide.procedure);
  const dept = await departmentById(db, row.departmentId);
  const route = routeRows(events, people, steps, { department: dept.name, applicant: row.applicantName, timeZone, roleLabels: LABELS });
  const defectRows = defects.map((d) => ({ stepIndex: d.stepIndex, materialName: d.materialName, defect: d.defect, correction: d.correction, by: people.get(d.recordedBy)?.name ?? '', at: localTime(d.recordedAt, timeZone) }));
  return { route, steps: controlSteps(steps, events, people, defectRows, timeZone, LABELS), windowDefects: defectRows.filter((d) => d.stepIndex < 0), severalSteps: hasSeveralSteps(steps) };
}

export async function readPaperwork(ctx: AppContext, user: SessionUser, caseId: string) {
  const row = await loadCase(ctx.db, caseId);
  if (!isStaff(user) || !(await mayReadCase(ctx.db, user, row))) throw forbidden('Internal paperwork is for the staff of the case', '内部流转文书仅供经办人员查阅');
  return paperworkFacts(ctx.db, row, await itemVersionOf(ctx.db, row), ctx.config.timeZone);
}

export async function issueSheet(ctx: AppContext, user: SessionUser, caseId: string, kind: 'routeSheet' | 'controlSheet', origin: string) {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, caseId, true);
    if (!isStaff(user) || !(await mayReadCase(tx, user, row))) throw forbidden('Internal paperwork is for the staff of the case', '内部流转文书仅供经办人员出具');
    if (!row.acceptedOn) throw conflict('not_accepted', 'The case has not been accepted', '办件尚未受理，没有内部流转记录');
    const guide = await itemVersionOf(tx, row);
    const facts = await paperworkFacts(tx, row, guide, ctx.config.timeZone);
    if (kind === 'controlSheet' && !facts.severalSteps) throw conflict('single_step_item', 'The item has no several internal steps: no control sheet', '该事项内部审批环节少于三个，不出具内部审批过程控制单');
    const issueCtx = { tx, user, row, guide, nowIso, today, origin, timeZone: ctx.config.timeZone };
    const doc = await prepareDocument(issueCtx, kind, kind === 'routeSheet' ? { route: facts.route } : { steps: facts.steps });
    await numberDocuments(issueCtx, [doc]);
    await appendEvent(tx, { caseId, at: nowIso, actorId: user.id, actorRole: user.role, action: kind, fromState: row.state, toState: row.state, data: { documents: [doc.id] } });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: `case.${kind}`, entityType: 'case', entityId: caseId, after: { documentId: doc.id, rows: kind === 'routeSheet' ? facts.route.length : facts.steps.length }, at: now });
    return { documentId: doc.id };
  });
}

export interface DefectInput { materialId: string; defect: string; correction: string }

/** Who reviews at the case's current step: the window before acceptance, the department's staff after. */
function stepOf(user: SessionUser, row: CaseRow, guide: GuideData): { index: number; name: string } | null {
  if (row.state === 'submitted' || row.state === 'awaitingSupplement') {
    return user.role === 'receiver' && user.centerId === row.centerId ? { index: -1, name: '窗口受理审查' } : null;
  }
  if (!OPEN_STATES.includes(row.state) || !DEPARTMENT_ROLES.includes(user.role as Role) || user.departmentId !== row.departmentId) return null;
  const step = handlingSteps(guide.procedure)[row.stepIndex];
  return step ? { index: row.stepIndex, name: step.name } : null;
}

export async function recordDefect(ctx: AppContext, user: SessionUser, caseId: string, input: DefectInput) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx: Tx) => {
    const row = await loadCase(tx, caseId, true);
    const guide = await itemVersionOf(tx, row);
    const step = stepOf(user, row, guide);
    if (!step) throw forbidden('Defects are recorded by whoever reviews the case at its current step', '材料审查问题由当前环节的审查人员登记');
    const material = guide.materials.find((m) => m.id === input.materialId);
    if (!material) throw unprocessable('unknown_material', 'Not a material of this item', '不是该事项的申请材料', [{ field: 'body.materialId', message: 'unknown' }]);
    const [d] = await tx.insert(caseReviewDefects).values({
      caseId, stepIndex: step.index, stepName: step.name, materialId: material.id, materialName: material.name, defect: input.defect.trim(), correction: input.correction.trim(),
      recordedBy: user.id, recordedAt: now.toISOString(),
    }).returning();
    await appendEvent(tx, { caseId, at: now.toISOString(), actorId: user.id, actorRole: user.role, action: 'reviewDefect', fromState: row.state, toState: row.state, data: { defectId: d.id, step: step.name, material: material.name, defect: d.defect, note: d.correction } });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'case.reviewDefect', entityType: 'case', entityId: caseId, after: { defectId: d.id, step: step.name, materialId: material.id }, at: now });
    return d;
  });
}
