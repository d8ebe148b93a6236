/**
 * What each case action does beyond the state change: validates its body against the
 * case, changes case fields, writes pauses and materials, and names the notices and
 * notifications to issue. Runs inside the action's transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { unprocessable } from '../core/errors.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { ROLE_LABELS } from '../core/auth/roles.js';
import { files } from '../core/files/schema.js';
import type { Notice } from '../core/outbox/enqueue.js';
import type { NoticeTemplate } from '../notify/templates.js';
import { SPECIAL_PROCEDURE_LABELS, type GuideData } from '../catalog/types.js';
import { caseMaterials, casePauses } from './schema.js';
import { clockFrom, type CaseRow } from './repo.js';
import type { ActionBody } from './bodies.js';
import { handlingSteps } from './machine.js';
import { verdictOf } from './documents/decision.js';
import { extensionCap } from './settings.js';
import type { CaseAction, DocumentKind } from './types.js';
import { openParts } from './joint/parts.js';
import { caseEngine } from './ports.js';
import { appointCoordinator, assignPart, callMeeting, giveOpinion, recordMeeting } from './joint/effects.js';

export interface EffectInput<A extends CaseAction> {
  tx: Tx;
  user: SessionUser;
  row: CaseRow;
  guide: GuideData;
  body: ActionBody<A>;
  today: string;
  nowIso: string;
}

export interface Effect {
  set?: Partial<CaseRow>;
  /** Facts recorded on the case event. */
  event?: Record<string, unknown>;
  documents?: { kind: DocumentKind; details?: Record<string, unknown> }[];
  notify?: Notice[];
  /** 否定备案: refusals, returns and denials are filed with the center for review. */
  filing?: { kind: 'refusal' | 'return' | 'denial'; reasons: string };
  /** The effect opened or closed a pause: the clock reads the case's pauses again. */
  pausesChanged?: true;
}

const fail = (code: string, en: string, zh: string, details?: unknown) => unprocessable(code, en, zh, details);

// ---- materials -------------------------------------------------------------------------

function assertKnownMaterials(guide: GuideData, ids: readonly string[], field: string) {
  const known = new Set(guide.materials.map((m) => m.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw fail('unknown_material', `Not a material of this item: ${unknown.join(', ')}`, `不是该事项的申请材料：${unknown.join('、')}`, [{ field, message: unknown.join(', ') }]);
}

/** Marks materials as provided (ticked at the window, or a file attached). */
export async function markProvided(tx: Tx, caseId: string, items: { materialId: string; fileId?: string | null }[], nowIso: string) {
  // One statement for all of them; a material named twice counts once (the last file given wins),
  // and a tick without a file keeps the file already attached.
  const byId = new Map<string, string | null>();
  for (const m of items) byId.set(m.materialId, m.fileId ?? byId.get(m.materialId) ?? null);
  if (byId.size === 0) return;
  await tx.insert(caseMaterials).values([...byId].map(([materialId, fileId]) => ({ caseId, materialId, fileId, provided: true, updatedAt: nowIso })))
    .onConflictDoUpdate({
      target: [caseMaterials.caseId, caseMaterials.materialId],
      set: { provided: true, updatedAt: nowIso, fileId: sql`coalesce(excluded.file_id, ${caseMaterials.fileId})` },
    });
}

/** Files must belong to the person attaching them (or be attached by window staff from their own scans). */
export async function assertOwnFiles(tx: Tx, user: SessionUser, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const found = await tx.select({ id: files.id }).from(files).where(and(inArray(files.id, fileIds), eq(files.ownerId, user.id)));
  if (found.length !== new Set(fileIds).size) throw fail('file_not_yours', 'Attach only files you uploaded', '只能附加本人上传的文件');
}

/** Required materials (not obtainable by data sharing) still without a tick or file. */
async function missingRequired(tx: Tx, row: CaseRow, guide: GuideData, except: readonly string[] = []) {
  const have = await tx.select({ id: caseMaterials.materialId }).from(caseMaterials).where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.provided, true)));
  const provided = new Set(have.map((h) => h.id));
  return guide.materials.filter((m) => m.required === 'required' && m.source !== 'sharing' && !provided.has(m.id) && !except.includes(m.id));
}

async function provide(input: EffectInput<CaseAction>, provided: readonly string[] | undefined) {
  if (!provided?.length) return;
  assertKnownMaterials(input.guide, provided, 'body.provided');
  await markProvided(input.tx, input.row.id, provided.map((materialId) => ({ materialId })), input.nowIso);
}

async function requireComplete(input: EffectInput<CaseAction>, except: readonly string[] = []) {
  const missing = await missingRequired(input.tx, input.row, input.guide, except);
  if (missing.length) {
    throw fail('materials_incomplete', `Required materials missing: ${missing.map((m) => m.name).join(', ')}`,
      `必要材料不齐全：${missing.map((m) => m.name).join('、')}。请一次性告知补正或容缺受理`, missing.map((m) => ({ field: m.id, message: m.name })));
  }
}

/** Material ids → their names in the guide, in the guide's order. */
function materialNames(guide: GuideData, ids: readonly string[]): string[] {
  return guide.materials.filter((m) => ids.includes(m.id)).map((m) => m.name);
}

// ---- people ----------------------------------------------------------------------------

async function departmentMember(tx: Tx, row: CaseRow, userId: string, roles: string[]) {
  const [u] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!u || u.departmentId !== row.departmentId || !roles.includes(u.role)) {
    throw fail('invalid_assignee', 'Choose an active handler of the case’s department', '请选择本部门在岗的承办人员');
  }
  return u;
}

const applicantSms = (row: CaseRow, template: NoticeTemplate, payload: Record<string, unknown> = {}): Notice => ({
  channel: 'sms', recipientUserId: row.applicantUserId, address: row.applicantPhone, template,
  payload: { caseNo: row.caseNo, queryCode: row.queryCode, itemName: row.itemName, caseId: row.id, ...payload },
});

// ---- the effects -----------------------------------------------------------------------

type EffectFn<A extends CaseAction> = (input: EffectInput<A>) => Promise<Effect>;

/**
 * 联办受理: every participant gets its part at this moment; the joint acceptance notice
 * (联办受理通知书) lists them with their sub-due dates beside the case's one due date.
 */
async function acceptance(i: EffectInput<'accept' | 'acceptConditional'>): Promise<Pick<Effect, 'documents' | 'notify'>> {
  // 办理通知书: the window hands a promised (or joint, report-up) case to the department in writing.
  const handling = i.row.kind === 'immediate' ? [] : [{ kind: 'handlingNotice' as const, details: { steps: handlingSteps(i.guide.procedure).map((s, index) => ({ index, name: s.name, roleLabel: ROLE_LABELS[s.role], workingDays: s.workingDays })) } }];
  if (i.row.kind !== 'joint') return { documents: [{ kind: 'acceptance' }, ...handling], notify: [] };
  const opened = await openParts(i.tx, i.row, i.guide, i.today);
  return { documents: [{ kind: 'jointAcceptance', details: { participants: opened.parts } }, ...handling], notify: opened.notify };
}

/**
 * The promised due date the acceptance SMS names. The engine recomputes the clock after the
 * effect; this is the same computation on the row as it will be (accepted today, no pauses yet).
 */
async function promisedDueAt(i: EffectInput<'accept' | 'acceptConditional'>): Promise<string | null> {
  return (await clockFrom(i.tx, { ...i.row, acceptedOn: i.today, acceptedAt: i.nowIso }, [], i.today)).promisedDue ?? null;
}

const accept: EffectFn<'accept'> = async (i) => {
  await provide(i, i.body.provided);
  await requireComplete(i);
  const a = await acceptance(i);
  return {
    set: { acceptedAt: i.nowIso, acceptedOn: i.today, acceptedBy: i.user.id },
    documents: a.documents,
    notify: [applicantSms(i.row, 'case.accepted', { promisedDue: await promisedDueAt(i) }), ...(a.notify ?? [])],
  };
};

const notifySupplement: EffectFn<'notifySupplement'> = async (i) => {
  assertKnownMaterials(i.guide, i.body.missing, 'body.missing');
  await provide(i, i.body.provided);
  // One notice lists everything: a second one on the same case is recorded as an anomaly.
  const repeated = i.row.supplementCount > 0;
  return {
    set: { supplementCount: i.row.supplementCount + 1 },
    event: { missing: i.body.missing, note: i.body.note, ...(repeated ? { anomaly: 'secondSupplementNotice' } : {}) },
    documents: [{ kind: 'supplement', details: { missing: i.body.missing, note: i.body.note } }],
    // The SMS names the materials as the guide does (the one-time notice lists them in full).
    notify: [applicantSms(i.row, 'case.supplementNotice', { missing: materialNames(i.guide, i.body.missing) })],
  };
};

const supply: EffectFn<'supply'> = async (i) => {
  const attached = i.body.materials ?? [];
  const fromLicences = i.body.licences ?? [];
  const ids = [...attached.map((m) => m.materialId), ...fromLicences.map((m) => m.materialId), ...(i.body.provided ?? [])];
  if (ids.length === 0) throw fail('nothing_supplied', 'Attach or tick at least one material', '请至少补交一项材料');
  assertKnownMaterials(i.guide, ids, 'body.materials');
  if (i.body.provided?.length && i.user.role !== 'receiver') throw fail('tick_at_window', 'Only window staff tick paper materials', '纸质材料由窗口人员勾选确认');
  await assertOwnFiles(i.tx, i.user, attached.map((m) => m.fileId));
  // 免证办 in a 补正 as at filing: a valid licence of the applicant, with consent, instead of an upload.
  if (fromLicences.length) {
    await caseEngine().licenceMaterials(i.tx, { row: i.row, guide: i.guide, uses: fromLicences, submitter: { id: i.user.id, role: i.user.role, centerId: i.user.centerId }, nowIso: i.nowIso, today: i.today });
  }
  await markProvided(i.tx, i.row.id, [...attached, ...fromLicences.map((m) => ({ materialId: m.materialId, fileId: null })), ...(i.body.provided ?? []).map((materialId) => ({ materialId }))], i.nowIso);
  const owed = i.row.owed.filter((id) => !ids.includes(id));
  return { set: { owed }, event: { materials: ids, owedLeft: owed } };
};

const acceptConditional: EffectFn<'acceptConditional'> = async (i) => {
  assertKnownMaterials(i.guide, i.body.owed, 'body.owed');
  const major = i.guide.materials.filter((m) => i.body.owed.includes(m.id) && m.major);
  if (major.length) {
    throw fail('owed_not_minor', `Only minor materials may be owed: ${major.map((m) => m.name).join(', ')}`, `容缺受理只能缺少副件材料，以下为主件：${major.map((m) => m.name).join('、')}`);
  }
  await provide(i, i.body.provided);
  await requireComplete(i, i.body.owed);
  const a = await acceptance(i);
  return {
    set: { acceptedAt: i.nowIso, acceptedOn: i.today, acceptedBy: i.user.id, owed: [...new Set(i.body.owed)] },
    event: { owed: i.body.owed },
    documents: [...a.documents!, { kind: 'pledge' }],
    notify: [applicantSms(i.row, 'case.accepted', { conditional: true, promisedDue: await promisedDueAt(i) }), ...(a.notify ?? [])],
  };
};

const closeAtWindow = (kind: 'return' | 'refusal') => async (i: EffectInput<'return' | 'refuse'>): Promise<Effect> => ({
  set: { closedOn: i.today },
  event: { ...i.body, negativeFiling: true },
  documents: [{ kind, details: { ...i.body } }],
  notify: [applicantSms(i.row, kind === 'return' ? 'case.returned' : 'case.refused')],
  filing: { kind, reasons: i.body.reasons },
});

const assign: EffectFn<'assign'> = async (i) => {
  const target = await departmentMember(i.tx, i.row, i.body.userId, ['handler', 'coordinator']);
  const steps = handlingSteps(i.guide.procedure);
  // Assigning a handler completes the coordinator's dispatch step (分办).
  const dispatching = steps[i.row.stepIndex]?.role === 'coordinator' && steps[i.row.stepIndex + 1]?.role === 'handler';
  return {
    set: { assigneeId: target.id, coordinatorId: i.row.coordinatorId ?? i.user.id, stepIndex: i.row.stepIndex + (dispatching ? 1 : 0) },
    event: { to: { id: target.id, name: target.displayName }, ...(dispatching ? { step: steps[i.row.stepIndex].name } : {}) },
    notify: [{ channel: 'inApp', recipientUserId: target.id, template: 'case.assigned', payload: { caseNo: i.row.caseNo, itemName: i.row.itemName, caseId: i.row.id } }],
  };
};

const handOver: EffectFn<'handOver'> = async (i) => {
  const target = await departmentMember(i.tx, i.row, i.body.toUserId, ['handler', 'coordinator']);
  if (target.id === i.row.assigneeId) throw fail('same_assignee', 'The case is already with this person', '该办件已由此人承办');
  return {
    set: { assigneeId: target.id },
    event: { from: i.row.assigneeId, to: { id: target.id, name: target.displayName }, note: i.body.note },
    notify: [{ channel: 'inApp', recipientUserId: target.id, template: 'case.assigned', payload: { caseNo: i.row.caseNo, itemName: i.row.itemName, caseId: i.row.id } }],
  };
};

const completeStep: EffectFn<'completeStep'> = async (i) => {
  const step = handlingSteps(i.guide.procedure)[i.row.stepIndex];
  return { set: { stepIndex: i.row.stepIndex + 1 }, event: { step: step?.name, role: step?.role, opinion: i.body.opinion } };
};

const suspend: EffectFn<'suspend'> = async (i) => {
  await i.tx.insert(casePauses).values({ caseId: i.row.id, procedure: i.body.procedure, reason: i.body.reason, plannedWorkingDays: i.body.plannedWorkingDays, startOn: i.today });
  const details = { procedure: { label: SPECIAL_PROCEDURE_LABELS[i.body.procedure], reason: i.body.reason, plannedWorkingDays: i.body.plannedWorkingDays, startOn: i.today } };
  return { event: { ...i.body }, documents: [{ kind: 'specialProcedure', details }], notify: [applicantSms(i.row, 'case.suspended', { procedure: i.body.procedure })], pausesChanged: true };
};

const resume: EffectFn<'resume'> = async (i) => {
  await i.tx.update(casePauses).set({ endOn: i.today }).where(and(eq(casePauses.caseId, i.row.id), isNull(casePauses.endOn)));
  return { pausesChanged: true };
};

const requestExtension: EffectFn<'requestExtension'> = async (i) => {
  const cap = extensionCap(i.row.statutoryLimit);
  if (i.row.extensionDays + i.body.workingDays > cap) {
    throw fail('extension_cap', `Extensions may total at most ${cap} working days (${i.row.extensionDays} used)`, `延期累计不得超过${cap}个工作日（已延期${i.row.extensionDays}个工作日）`);
  }
  const leaders = await i.tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, i.row.departmentId), eq(users.role, 'leader')));
  return {
    set: { pendingExtension: { workingDays: i.body.workingDays, reason: i.body.reason, requestedAt: i.nowIso, requestedBy: i.user.id } },
    event: { ...i.body, ...(i.row.extensionDays > 0 ? { anomaly: 'repeatedExtension' } : {}) },
    notify: leaders.map((l) => ({ channel: 'inApp' as const, recipientUserId: l.id, template: 'case.extensionRequested', payload: { caseNo: i.row.caseNo, itemName: i.row.itemName, caseId: i.row.id, workingDays: i.body.workingDays } })),
  };
};

const approveExtension: EffectFn<'approveExtension'> = async (i) => {
  const p = i.row.pendingExtension!;
  // The notice's new due dates are filled in after the clock is recomputed.
  return {
    set: { extensionDays: i.row.extensionDays + p.workingDays, pendingExtension: null },
    event: { workingDays: p.workingDays, reason: p.reason },
    documents: [{ kind: 'extension', details: { workingDays: p.workingDays, reason: p.reason } }],
    notify: [applicantSms(i.row, 'case.extended', { workingDays: p.workingDays })],
  };
};

const rejectExtension: EffectFn<'rejectExtension'> = async (i) => ({
  set: { pendingExtension: null }, event: { reason: i.body.reason, requested: i.row.pendingExtension },
});

const decide: EffectFn<'decide'> = async (i) => {
  if (i.body.outcome === 'denied' && !i.body.reasons?.trim()) {
    throw fail('reasons_required', 'A denial states its reasons', `${verdictOf(i.guide, 'denied')}须说明理由`, [{ field: 'body.reasons', message: 'required' }]);
  }
  const denied = i.body.outcome === 'denied';
  return {
    set: { outcome: i.body.outcome, closedOn: i.today },
    event: { ...i.body, ...(denied ? { negativeFiling: true } : {}) },
    documents: [{ kind: denied ? 'denial' : 'approval', details: { outcome: i.body.outcome, reasons: i.body.reasons, resultName: i.guide.result.name } }],
    notify: [applicantSms(i.row, 'case.decided', { outcome: i.body.outcome, verdict: verdictOf(i.guide, i.body.outcome) })],
    ...(denied ? { filing: { kind: 'denial' as const, reasons: i.body.reasons! } } : {}),
  };
};

const markResultReady: EffectFn<'markResultReady'> = async (i) => ({ notify: [applicantSms(i.row, 'case.resultReady')] });

const deliver: EffectFn<'deliver'> = async (i) => {
  if (i.body.mode === 'post' && !i.body.trackingNo?.trim()) {
    throw fail('tracking_required', 'Post delivery needs a tracking number', '邮寄送达须填写快递单号', [{ field: 'body.trackingNo', message: 'required' }]);
  }
  return { event: { ...i.body } };
};

const complete: EffectFn<'complete'> = async (i) => ({
  documents: [{ kind: 'completion', details: { resultName: i.guide.result.name } }],
  notify: [applicantSms(i.row, 'case.completed')],
});

const withdraw: EffectFn<'withdraw'> = async (i) => ({ set: { closedOn: i.today }, event: { reason: i.body.reason ?? '' } });

const reportUp: EffectFn<'reportUp'> = async (i) => {
  // The wait for the higher authority is a pause of the clock, like a special procedure.
  await i.tx.insert(casePauses).values({ caseId: i.row.id, procedure: 'reportUp', reason: `上报${i.body.authority}`, plannedWorkingDays: 0, startOn: i.today });
  return { event: { ...i.body }, notify: [applicantSms(i.row, 'case.reportedUp', { authority: i.body.authority })], pausesChanged: true };
};

const recordReply: EffectFn<'recordReply'> = async (i) => {
  await i.tx.update(casePauses).set({ endOn: i.today }).where(and(eq(casePauses.caseId, i.row.id), isNull(casePauses.endOn)));
  return { event: { ...i.body }, pausesChanged: true };
};

export const EFFECTS: { [A in CaseAction]: EffectFn<A> } = {
  accept, notifySupplement, supply, acceptConditional, return: closeAtWindow('return'), refuse: closeAtWindow('refusal'), assign, handOver,
  completeStep, suspend, resume, requestExtension, approveExtension, rejectExtension, decide, markResultReady, deliver, complete, withdraw,
  reportUp, recordReply, assignPart, giveOpinion, callMeeting, recordMeeting, appointCoordinator,
};

