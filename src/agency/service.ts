/**
 * Agency service (代办, domain §9): agents file cases for residents (代办 / 陪办), record every
 * hand-over with a printed sheet, and record 咨办 advice. Each write is one transaction with
 * its audit row; cases themselves go through the case service (channel `agent`).
 */
import { outer } from '../core/db/outer.js';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { centers } from '../core/org/schema.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../core/mask.js';
import { serviceItems } from '../catalog/schema.js';
import { caseDocuments, cases } from '../cases/schema.js';
import { phoneMessage } from '../core/identity/index.js';
import { assertNoProblems } from '../core/identity/assert.js';
import { createCase, type NewCase } from '../cases/service.js';
import { canReadCase } from '../cases/view.js';
import { itemVersionOf, loadCase, nextCounter, type CaseRow } from '../cases/repo.js';
import { CASE_STATE_LABELS, FINISHED_STATES, type CaseState } from '../cases/types.js';
import { agencyCases, agencyConsultations, agencyHandovers, agencyPoints } from './schema.js';
import { renderHandoverSheet } from './sheet.js';
import {
  AGENCY_MODE_LABELS, HANDOVER_DOCUMENT_KIND, HANDOVER_DOCUMENT_TITLE, HANDOVER_STAGE_LABELS, HANDOVER_STAGES,
  type AgencyMode, type HandoverStage,
} from './types.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';
const scopeIds = (user: SessionUser) => (user.centerScope.length ? user.centerScope : [NO_ID]);

// ---- points ------------------------------------------------------------------------------

type PointRow = typeof agencyPoints.$inferSelect;

/** The agency point an agent works at (their own center). */
export async function pointOfAgent(db: Queryable, user: SessionUser): Promise<PointRow> {
  const [p] = user.role === 'agent' && user.centerId
    ? await db.select().from(agencyPoints).where(and(eq(agencyPoints.centerId, user.centerId), eq(agencyPoints.active, true)))
    : [];
  if (!p) throw forbidden('You are not an agent of an agency point', '您不是代办点的代办员');
  return p;
}

/** Agents see their own point; center staff the points in their center's subtree. */
export async function listPoints(ctx: AppContext, user: SessionUser) {
  const where = user.role === 'agent' ? eq(agencyPoints.centerId, user.centerId ?? NO_ID) : inArray(agencyPoints.centerId, scopeIds(user));
  const points = await ctx.db.select({
    id: agencyPoints.id, centerId: agencyPoints.centerId, name: centers.name, level: centers.level, address: centers.address, phone: centers.phone,
    handoverCenter: sql<string>`(select name from centers h where h.id = ${outer(agencyPoints.handoverCenterId)})`,
  }).from(agencyPoints).innerJoin(centers, eq(centers.id, agencyPoints.centerId)).where(where).orderBy(asc(centers.divisionCode));
  const agents = points.length
    ? await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName, phone: users.phone, centerId: users.centerId })
      .from(users).where(and(eq(users.role, 'agent'), eq(users.active, true), inArray(users.centerId, points.map((p) => p.centerId)))).orderBy(asc(users.username))
    : [];
  return {
    items: points.map((p) => ({
      ...p, agents: agents.filter((a) => a.centerId === p.centerId).map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, phone: maskPhone(a.phone) })),
    })),
  };
}

// ---- hand-overs --------------------------------------------------------------------------

type AgencyCaseRow = typeof agencyCases.$inferSelect;
type HandoverRow = typeof agencyHandovers.$inferSelect;

/** States in which the center has a result (or written reasons) to hand back. */
const RESULT_STATES: readonly CaseState[] = ['decided', 'resultReady', 'delivered', 'completed', 'archived', 'refused', 'returned'];

interface Party { name: string; roleLabel: string }
interface StageCheck { ok: true; giver: Party; taker: Party; needsCounterpart: boolean }
type StageRefusal = { ok: false; status: 403 | 409; code: string; message: string; messageZh: string };

/**
 * Who may record which hand-over, in which order (one rule for the API and the buttons):
 * the filing agent records every stage; a receiver of the case's center may record the two
 * at the center. Materials may go resident → agent → center again (supplements) until the
 * result comes back; the result goes center → agent → resident once.
 */
export function checkStage(stage: HandoverStage, user: SessionUser, row: CaseRow, ac: AgencyCaseRow, done: readonly HandoverStage[], agentName: string, counterpart?: string): StageCheck | StageRefusal {
  const isAgent = user.role === 'agent' && ac.agentId === user.id;
  const isReceiver = user.role === 'receiver' && user.centerId === row.centerId;
  const no = (status: 403 | 409, code: string, message: string, messageZh: string): StageRefusal => ({ ok: false, status, code, message, messageZh });
  const atCenter = stage === 'agentToCenter' || stage === 'centerToAgent';
  if (!isAgent && !(atCenter && isReceiver)) return no(403, 'forbidden', 'You may not record this hand-over', '您不能登记该环节的交接');
  const resultBack = done.includes('centerToAgent');
  const agent: Party = { name: agentName, roleLabel: '代办员' };
  const resident: Party = { name: row.applicantName, roleLabel: '申请人' };
  const centerSide: Party = { name: isReceiver ? user.displayName : counterpart ?? '', roleLabel: '中心受理人' };
  switch (stage) {
    case 'residentToAgent':
      if (resultBack) return no(409, 'handover_order', 'The result is already back; no more materials go in', '办理结果已领回，不能再收取材料');
      return { ok: true, giver: resident, taker: agent, needsCounterpart: false };
    case 'agentToCenter':
      if (resultBack) return no(409, 'handover_order', 'The result is already back; no more materials go in', '办理结果已领回，不能再递交材料');
      return { ok: true, giver: agent, taker: centerSide, needsCounterpart: !isReceiver };
    case 'centerToAgent':
      if (resultBack) return no(409, 'handover_order', 'The result has been handed over already', '办理结果已交接，不能重复登记');
      if (!done.includes('agentToCenter')) return no(409, 'handover_order', 'The materials have not reached the center yet', '材料尚未递交中心');
      if (!RESULT_STATES.includes(row.state)) return no(409, 'handover_order', 'The case has no result yet', '办件尚无办理结果，不能领取');
      return { ok: true, giver: centerSide, taker: agent, needsCounterpart: !isReceiver };
    case 'agentToResident':
      if (done.includes('agentToResident')) return no(409, 'handover_order', 'The result has been delivered to the resident already', '办理结果已送达群众');
      if (!resultBack) return no(409, 'handover_order', 'The agent has not received the result yet', '代办员尚未领取办理结果');
      return { ok: true, giver: agent, taker: resident, needsCounterpart: false };
  }
}

export interface IssueHandover {
  tx: Tx;
  ctx: AppContext;
  user: SessionUser;
  row: CaseRow;
  ac: AgencyCaseRow;
  stage: HandoverStage;
  giver: Party;
  taker: Party;
  items: string[];
  note: string;
  origin: string;
}

async function agentOf(db: Queryable, agentId: string) {
  const [a] = await db.select({ displayName: users.displayName, phone: users.phone }).from(users).where(eq(users.id, agentId));
  return a;
}

/** Writes one hand-over: its sheet (rendered once, stored as a case document), its row, its audit row. */
async function issueHandover(h: IssueHandover) {
  const { tx, ctx, row, ac } = h;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  const [point] = await tx.select({ centerId: centers.id, name: centers.name, address: centers.address, phone: centers.phone })
    .from(agencyPoints).innerJoin(centers, eq(centers.id, agencyPoints.centerId)).where(eq(agencyPoints.id, ac.pointId));
  const [center] = await tx.select({ name: centers.name }).from(centers).where(eq(centers.id, row.centerId));
  const agent = await agentOf(tx, ac.agentId);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(agencyHandovers).where(eq(agencyHandovers.caseId, row.id));
  const seq = n + 1;
  const year = today.slice(0, 4);
  const docSeq = await nextCounter(tx, `doc:${point.centerId}:${HANDOVER_DOCUMENT_KIND}:${year}`);
  const shortName = point.name.replace(/便民服务中心|便民服务站|便民代办点/g, '');
  const docNo = `${shortName}代办交字〔${year}〕第${String(docSeq).padStart(6, '0')}号`;
  const html = await renderHandoverSheet({
    docNo, issuedAt: nowIso, issuedOn: today, atText: `${today} ${timeInZone(now, ctx.config.timeZone)}`,
    point: { name: point.name, address: point.address, phone: point.phone }, center: { name: center.name },
    case: {
      caseNo: row.caseNo, queryCode: row.queryCode, itemName: row.itemName, itemCode: row.itemCode, applicantName: row.applicantName,
      applicantIdMasked: maskIdNumber(row.applicantIdNumber), applicantPhoneMasked: maskPhone(row.applicantPhone),
    },
    agent: { name: agent.displayName, phoneMasked: maskPhone(agent.phone) }, modeLabel: AGENCY_MODE_LABELS[ac.mode],
    stage: h.stage, seq, giver: h.giver, taker: h.taker, items: h.items, note: h.note,
    progressUrl: `${h.origin}/progress?caseNo=${encodeURIComponent(row.caseNo)}&queryCode=${encodeURIComponent(row.queryCode)}`,
  });
  const [doc] = await tx.insert(caseDocuments).values({
    caseId: row.id, kind: HANDOVER_DOCUMENT_KIND, title: `${HANDOVER_DOCUMENT_TITLE}（${HANDOVER_STAGE_LABELS[h.stage]}）`, docNo, html, issuedAt: nowIso, issuedBy: h.user.id,
  }).returning({ id: caseDocuments.id });
  const [handover] = await tx.insert(agencyHandovers).values({
    caseId: row.id, seq, stage: h.stage, giverName: h.giver.name, giverRole: h.giver.roleLabel, takerName: h.taker.name, takerRole: h.taker.roleLabel,
    items: h.items, note: h.note, at: nowIso, recordedBy: h.user.id, documentId: doc.id,
  }).returning();
  await appendAudit(tx, {
    actorId: h.user.id, actorRole: h.user.role, action: 'agency.handover', entityType: 'case', entityId: row.id,
    after: { stage: h.stage, seq, giver: h.giver.name, taker: h.taker.name, items: h.items, documentId: doc.id, docNo }, at: now,
  });
  return handover;
}

function timeInZone(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

// ---- submitting for a resident -------------------------------------------------------------

export interface AgencySubmission {
  mode: AgencyMode;
  itemCode: string;
  applicant: NonNullable<NewCase['applicant']>;
  coApplicants?: NewCase['coApplicants'];
  formData?: Record<string, unknown>;
  /** Scanned materials (files the agent uploaded). */
  materials?: { materialId: string; fileId: string }[];
  /** Paper materials the agent took from the resident (material ids); the receiver ticks them at acceptance. */
  handedOver?: string[];
  note?: string;
}

/**
 * The agent files the case (channel `agent`) with the center their point hands cases to; in
 * the same transaction the agency record and the first hand-over (resident → agent) with
 * its sheet are written.
 */
export async function submitForResident(ctx: AppContext, user: SessionUser, input: AgencySubmission, origin: string) {
  const point = await pointOfAgent(ctx.db, user);
  let handoverId = '';
  let documentId = '';
  const created = await createCase(ctx, user, { itemCode: input.itemCode, applicant: input.applicant, coApplicants: input.coApplicants, channel: 'agent', formData: input.formData, materials: input.materials }, {
    centerId: point.handoverCenterId,
    within: async (tx, row) => {
      const guide = await itemVersionOf(tx, row);
      const names = new Map(guide.materials.map((m) => [m.id, m.name]));
      const ids = [...new Set([...(input.materials ?? []).map((m) => m.materialId), ...(input.handedOver ?? [])])];
      const unknown = ids.filter((id) => !names.has(id));
      if (unknown.length) throw unprocessable('unknown_material', 'Not a material of this item', `不是该事项的申请材料：${unknown.join('、')}`, [{ field: 'body.handedOver', message: unknown.join(', ') }]);
      const [ac] = await tx.insert(agencyCases).values({ caseId: row.id, pointId: point.id, agentId: user.id, mode: input.mode, createdAt: row.createdAt }).returning();
      const agent = await agentOf(tx, user.id);
      const h = await issueHandover({
        tx, ctx, user, row, ac, stage: 'residentToAgent', origin, note: input.note ?? '',
        giver: { name: row.applicantName, roleLabel: '申请人' }, taker: { name: agent.displayName, roleLabel: '代办员' },
        items: ids.map((id) => names.get(id)!),
      });
      await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'agency.submit', entityType: 'case', entityId: row.id, after: { pointId: point.id, mode: input.mode }, at: ctx.now() });
      handoverId = h.id;
      documentId = h.documentId;
    },
  });
  return { ...created, mode: input.mode, handover: { id: handoverId, documentId } };
}

export interface HandoverInput { stage: HandoverStage; items: string[]; counterpartName?: string; note?: string }

export async function recordHandover(ctx: AppContext, user: SessionUser, caseId: string, input: HandoverInput, origin: string) {
  return ctx.db.transaction(async (tx) => {
    // The case row lock serializes hand-overs of one case (their numbering and order checks).
    const row = await loadCase(tx, caseId, true);
    if (!canReadCase(user, row)) throw forbidden('This case is outside your scope', '该办件不在您的权限范围内');
    const [ac] = await tx.select().from(agencyCases).where(eq(agencyCases.caseId, caseId));
    if (!ac) throw notFound('Agency case', '代办件');
    const done = (await tx.select({ stage: agencyHandovers.stage }).from(agencyHandovers).where(eq(agencyHandovers.caseId, caseId))).map((h) => h.stage);
    const agent = await agentOf(tx, ac.agentId);
    const counterpart = input.counterpartName?.trim();
    const check = checkStage(input.stage, user, row, ac, done, agent.displayName, counterpart);
    if (!check.ok) {
      if (check.status === 403) throw forbidden(check.message, check.messageZh);
      throw conflict(check.code, check.message, check.messageZh, { stage: input.stage, done });
    }
    if (check.needsCounterpart && !counterpart) {
      throw unprocessable('counterpart_required', 'Name the center staff on the other side of the hand-over', '请填写中心经办人姓名', [{ field: 'body.counterpartName', message: 'required' }]);
    }
    const h = await issueHandover({ tx, ctx, user, row, ac, stage: input.stage, giver: check.giver, taker: check.taker, items: input.items, note: input.note ?? '', origin });
    return handoverView(h);
  });
}

function handoverView(h: HandoverRow) {
  return {
    id: h.id, seq: h.seq, stage: h.stage, stageLabel: HANDOVER_STAGE_LABELS[h.stage], giver: { name: h.giverName, roleLabel: h.giverRole },
    taker: { name: h.takerName, roleLabel: h.takerRole }, items: h.items, note: h.note, at: new Date(h.at).toISOString(), documentId: h.documentId,
  };
}

/** The agency side of one case: mode, point, agent, the hand-overs and which stages the user may record now. */
export async function agencyCaseView(ctx: AppContext, user: SessionUser, caseId: string) {
  const row = await loadCase(ctx.db, caseId);
  if (!canReadCase(user, row)) throw forbidden('This case is outside your scope', '该办件不在您的权限范围内');
  const [ac] = await ctx.db.select().from(agencyCases).where(eq(agencyCases.caseId, caseId));
  if (!ac) throw notFound('Agency case', '代办件');
  const [handovers, agent, [point]] = await Promise.all([
    ctx.db.select().from(agencyHandovers).where(eq(agencyHandovers.caseId, caseId)).orderBy(asc(agencyHandovers.seq)),
    agentOf(ctx.db, ac.agentId),
    ctx.db.select({ name: centers.name }).from(agencyPoints).innerJoin(centers, eq(centers.id, agencyPoints.centerId)).where(eq(agencyPoints.id, ac.pointId)),
  ]);
  const done = handovers.map((h) => h.stage);
  return {
    caseId, caseNo: row.caseNo, state: row.state, stateLabel: CASE_STATE_LABELS[row.state], itemName: row.itemName,
    mode: ac.mode, modeLabel: AGENCY_MODE_LABELS[ac.mode], point: { id: ac.pointId, name: point.name }, agent: { id: ac.agentId, displayName: agent.displayName },
    handovers: handovers.map(handoverView),
    // The buttons: stages this user may record now (the counterpart name is asked for where needed).
    nextStages: HANDOVER_STAGES.flatMap((s) => {
      const c = checkStage(s, user, row, ac, done, agent.displayName, 'x');
      return c.ok ? [{ stage: s, label: HANDOVER_STAGE_LABELS[s], needsCounterpart: c.needsCounterpart }] : [];
    }),
  };
}

/** Agency cases: an agent's own; center staff those filed at points in their subtree or owned by centers in it. */
export async function listAgencyCases(ctx: AppContext, user: SessionUser, q: { active?: boolean; limit: number }) {
  const scope = user.role === 'agent'
    ? eq(agencyCases.agentId, user.id)
    : or(inArray(agencyPoints.centerId, scopeIds(user)), inArray(cases.centerId, scopeIds(user)))!;
  const conds = [scope];
  if (q.active !== undefined) conds.push(eq(cases.active, q.active));
  const rows = await ctx.db.select({
    id: cases.id, caseNo: cases.caseNo, itemName: cases.itemName, itemCode: cases.itemCode, state: cases.state, applicantName: cases.applicantName,
    applicantKind: cases.applicantKind, submittedAt: cases.submittedAt, promisedDue: cases.promisedDue, mode: agencyCases.mode,
    pointName: sql<string>`(select name from centers p where p.id = ${outer(agencyPoints.centerId)})`,
    agentName: sql<string>`(select display_name from users u where u.id = ${outer(agencyCases.agentId)})`,
    stages: sql<HandoverStage[]>`coalesce((select array_agg(h.stage order by h.seq) from agency_handovers h where h.case_id = ${outer(cases.id)}), '{}')`,
  }).from(agencyCases).innerJoin(cases, eq(cases.id, agencyCases.caseId)).innerJoin(agencyPoints, eq(agencyPoints.id, agencyCases.pointId))
    .where(and(...conds)).orderBy(desc(cases.submittedAt), asc(cases.id)).limit(q.limit);
  return {
    items: rows.map((r) => ({
      id: r.id, caseNo: r.caseNo, itemName: r.itemName, itemCode: r.itemCode, state: r.state, stateLabel: CASE_STATE_LABELS[r.state],
      finished: FINISHED_STATES.includes(r.state), applicantName: maskName(r.applicantName, r.applicantKind), submittedAt: new Date(r.submittedAt).toISOString(),
      promisedDue: r.promisedDue, mode: r.mode, modeLabel: AGENCY_MODE_LABELS[r.mode], pointName: r.pointName, agentName: r.agentName,
      lastStage: r.stages.at(-1) ?? null, lastStageLabel: r.stages.length ? HANDOVER_STAGE_LABELS[r.stages.at(-1)!] : null,
    })),
  };
}

// ---- 咨办 ------------------------------------------------------------------------------------

export interface ConsultationInput { residentName: string; residentPhone?: string; itemCode?: string; question: string; advice: string }

/** 咨办: the agent advised a resident; recorded for the monthly report, no case is filed. */
export async function recordConsultation(ctx: AppContext, user: SessionUser, input: ConsultationInput) {
  const point = await pointOfAgent(ctx.db, user);
  const phoneProblem = input.residentPhone?.trim() ? phoneMessage(input.residentPhone, { landline: true }) : null;
  assertNoProblems(phoneProblem ? [{ field: 'body.residentPhone', message: phoneProblem }] : []);
  let itemName = '';
  if (input.itemCode) {
    const [item] = await ctx.db.select({ name: serviceItems.name }).from(serviceItems).where(eq(serviceItems.code, input.itemCode));
    if (!item) throw unprocessable('unknown_item', 'No such item in the catalog', '事项目录中没有该事项', [{ field: 'body.itemCode', message: 'unknown' }]);
    itemName = item.name;
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.insert(agencyConsultations).values({
      pointId: point.id, agentId: user.id, residentName: input.residentName, residentPhone: input.residentPhone ?? '',
      itemCode: input.itemCode ?? null, itemName, question: input.question, advice: input.advice, at: now.toISOString(),
    }).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'agency.advise', entityType: 'agencyConsultation', entityId: c.id,
      after: { pointId: point.id, resident: maskName(input.residentName), phone: maskPhone(input.residentPhone), itemCode: input.itemCode ?? null }, at: now,
    });
    return consultationView(c);
  });
}

function consultationView(c: typeof agencyConsultations.$inferSelect) {
  return {
    id: c.id, residentName: maskName(c.residentName), residentPhone: maskPhone(c.residentPhone), itemCode: c.itemCode, itemName: c.itemName,
    question: c.question, advice: c.advice, at: new Date(c.at).toISOString(),
  };
}

export async function listConsultations(ctx: AppContext, user: SessionUser, limit: number) {
  const where = user.role === 'agent' ? eq(agencyConsultations.agentId, user.id) : inArray(agencyPoints.centerId, scopeIds(user));
  const rows = await ctx.db.select({ c: agencyConsultations }).from(agencyConsultations).innerJoin(agencyPoints, eq(agencyPoints.id, agencyConsultations.pointId))
    .where(where).orderBy(desc(agencyConsultations.at)).limit(limit);
  return { items: rows.map((r) => consultationView(r.c)) };
}

