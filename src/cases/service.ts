import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { centers } from '../core/org/schema.js';
import { AppError, conflict, forbidden, unprocessable } from '../core/errors.js';
import { appendAudit, auditInsertSql } from '../core/audit/audit.js';
import { outboxInsert } from '../core/outbox/enqueue.js';
import { maskIdNumber, maskPhone } from '../core/mask.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { isPublic, publishedJoin } from '../catalog/public.js';
import type { GuideData } from '../catalog/types.js';
import { cases } from './schema.js';
import { appendEvent, assignCaseNo, caseFacts, clockColumns, clockFrom, eventInsert, itemVersionOf, loadForAction, newQueryCode, nextChangeOf, nextChangeWrite, pausesOf, type CaseRow } from './repo.js';
import { checkTransition, mayAct } from './machine.js';
import { parseActionBody } from './bodies.js';
import { EFFECTS, assertOwnFiles, markProvided } from './effects.js';
import { numberDocuments, prepareDocument } from './issue.js';
import type { CaseAction, Channel } from './types.js';
import { runCaseHooks } from './hooks.js';
import { applicantMessages } from './sms.js';
import { centerById } from '../core/org/lookup.js';
import { asRepresentative, representativeMay } from './representative.js';
import type { Tx } from '../core/db/index.js';
import { writeTogether } from '../core/db/together.js';
import { caseEngine, type LicenceMaterial } from './ports.js';
import { jointFacts } from './joint/parts.js';
import { calendarFor } from '../core/calendar/service.js';
import { applicantProblems, coApplicantProblems, normalizeIdNumber, type IdType, type PersonIdentity } from '../core/identity/index.js';
import type { CoApplicant } from './schema.js';
import { assertNoProblems } from '../core/identity/assert.js';
import { ACCEPTANCE_DECISION_DAYS, deadlineRules, engineDeadlines, receivedOnAfter } from './intake.js';

export interface NewCase {
  itemCode: string;
  applicant?: { kind: 'person' | 'organization'; name: string; idNumber: string; idType?: IdType; phone: string };
  channel: Channel;
  formData?: Record<string, unknown>;
  /** Each material with its upload, or (免证办) with an e-licence the applicant holds and their consent. */
  materials?: MaterialGiven[];
  /** Items that take co-applicants (catalog `coApplicants`): the further persons, each checked. */
  coApplicants?: PersonIdentity[];
}

export interface MaterialGiven { materialId: string; fileId?: string; licenceId?: string; consent?: boolean }

/** Splits the given materials into uploads and licence uses; each names exactly one, and a licence needs consent. */
export function splitMaterials(given: readonly MaterialGiven[]): { uploads: { materialId: string; fileId: string }[]; licences: LicenceMaterial[] } {
  const uploads: { materialId: string; fileId: string }[] = [];
  const licences: LicenceMaterial[] = [];
  given.forEach((m, i) => {
    if (m.fileId && !m.licenceId) uploads.push({ materialId: m.materialId, fileId: m.fileId });
    else if (m.licenceId && !m.fileId) {
      if (m.consent !== true) throw unprocessable('licence_consent', 'Using a licence needs the holder\'s consent', '使用电子证照须经持证人同意，请勾选同意', [{ field: `body.materials.${i}.consent`, message: 'required' }]);
      licences.push({ materialId: m.materialId, licenceId: m.licenceId, consent: true });
    } else throw unprocessable('material_source', 'Give a file or a licence for each material', '每项材料须上传文件或选用电子证照（二选一）', [{ field: `body.materials.${i}`, message: 'fileId or licenceId' }]);
  });
  // A material is either uploaded or taken from a licence, not both.
  const both = licences.find((l) => uploads.some((u) => u.materialId === l.materialId));
  if (both) throw unprocessable('material_source', 'Give a file or a licence for each material', '每项材料须上传文件或选用电子证照（二选一）', [{ field: `body.materials.${both.materialId}`, message: 'fileId or licenceId' }]);
  return { uploads, licences };
}

/** Which channels each role files cases through. */
const CHANNELS_BY_ROLE: Partial<Record<SessionUser['role'], Channel[]>> = {
  applicant: ['online'],
  receiver: ['window', 'appointment', 'post'],
  // Agents file through the agency service (src/agency), which names the receiving center.
  agent: ['agent'],
};

/** What another module adds to a submission: the receiving center, rows written in the same transaction. */
export interface SubmitOptions {
  centerId?: string;
  within?: (tx: Tx, row: CaseRow) => Promise<void>;
  /** Where the web app is served (the receipt's QR code links to the progress query there). */
  origin?: string;
}

async function publishedItem(ctx: AppContext, code: string) {
  const [r] = await ctx.db.select({ item: serviceItems, data: serviceItemVersions.data }).from(serviceItems)
    .innerJoin(serviceItemVersions, publishedJoin).where(and(eq(serviceItems.code, code), isPublic));
  if (!r) {
    throw unprocessable('item_unavailable', 'The item is not published or not open for applications', '该事项未发布或已暂停受理', [{ field: 'body.itemCode', message: 'not available' }]);
  }
  return r;
}

/** Online applicants apply as their own account (not typed-in data); staff enter the applicant. */
export async function applicantOf(ctx: AppContext, user: SessionUser, input: NewCase): Promise<NonNullable<NewCase['applicant']>> {
  if (user.role !== 'applicant') {
    if (!input.applicant) throw unprocessable('applicant_required', 'Enter the applicant', '请填写申请人信息', [{ field: 'body.applicant', message: 'required' }]);
    // The same rules as the form's (src/core/identity): a wrong check digit or a 10-digit mobile never gets in.
    assertNoProblems(applicantProblems(input.applicant, ctx.today()));
    return { ...input.applicant, idNumber: normalizeIdNumber(input.applicant.idNumber), phone: input.applicant.phone.trim() };
  }
  const [me] = await ctx.db.select().from(users).where(eq(users.id, user.id));
  if (!me.idNumber || !me.phone || !me.applicantKind) {
    throw unprocessable('profile_incomplete', 'Your account lacks an ID number or phone', '您的账户缺少证件号码或手机号码，请先完善个人信息');
  }
  const problems = applicantProblems({ kind: me.applicantKind, idNumber: me.idNumber, phone: me.phone }, ctx.today(), 'profile');
  if (problems.length) {
    throw unprocessable('profile_invalid', 'Your account’s ID number or phone is not valid', `您的账户信息有误：${problems.map((p) => p.message).join('；')}，请先更正个人信息`, problems);
  }
  return { kind: me.applicantKind, name: me.displayName, idNumber: me.idNumber, phone: me.phone };
}

/** Required materials the applicant must upload (not conditional, not obtained by data sharing). */
export function missingForOnline(guide: GuideData, given: readonly { materialId: string }[]) {
  const have = new Set(given.map((m) => m.materialId));
  return guide.materials.filter((m) => m.required === 'required' && m.source !== 'sharing' && !have.has(m.id));
}

function assertOnlineComplete(guide: GuideData, given: readonly { materialId: string }[]) {
  const missing = missingForOnline(guide, given);
  if (missing.length === 0) return;
  throw unprocessable('materials_incomplete', `Upload every required material before filing: ${missing.map((m) => m.id).join(', ')}`,
    `请先上传全部必要材料再提交：${missing.map((m) => m.name).join('、')}`, missing.map((m) => ({ field: `body.materials.${m.id}`, message: m.name })));
}

/**
 * The co-applicants the item's law names (结婚登记: both parties): as many as the catalog
 * allows, each identity checked, none the main applicant again; none for other items.
 */
export function checkCoApplicants(guide: GuideData, applicantId: string, given: readonly PersonIdentity[], today: string): CoApplicant[] {
  const rule = guide.coApplicants;
  if (!rule) {
    if (given.length) throw unprocessable('no_co_applicants', 'This item has one applicant', '该事项只有一名申请人，不能添加共同申请人', [{ field: 'body.coApplicants', message: 'not allowed' }]);
    return [];
  }
  if (given.length < rule.min || given.length > rule.max) {
    const want = rule.min === rule.max ? `${rule.min}名` : `${rule.min}至${rule.max}名`;
    throw unprocessable('co_applicants_count', `This item takes ${rule.min}–${rule.max} co-applicants`, `该事项须填写${want}${rule.label}`, [{ field: 'body.coApplicants', message: `${rule.min}-${rule.max}` }]);
  }
  assertNoProblems(coApplicantProblems(given, today));
  const people = given.map((p) => ({ name: p.name.trim(), idNumber: normalizeIdNumber(p.idNumber), ...(p.idType ? { idType: p.idType } : {}), ...(p.phone?.trim() ? { phone: p.phone.trim() } : {}) }));
  const ids = [normalizeIdNumber(applicantId), ...people.map((p) => p.idNumber)];
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice > 0) throw unprocessable('co_applicant_repeated', 'The same person is named twice', '同一人不能重复作为申请人', [{ field: `body.coApplicants.${twice - 1}.idNumber`, message: 'repeated' }]);
  return people;
}

export async function createCase(ctx: AppContext, user: SessionUser, input: NewCase, opts: SubmitOptions = {}) {
  const allowed = CHANNELS_BY_ROLE[user.role] ?? [];
  if (!allowed.includes(input.channel)) throw forbidden(`Your role files cases through: ${allowed.join(', ') || 'none'}`, '您的岗位不能通过该渠道提交申请');
  const { item, data } = await publishedItem(ctx, input.itemCode);
  const applicant = await applicantOf(ctx, user, input);
  if (data.servedParty !== 'both' && data.servedParty !== applicant.kind) {
    throw unprocessable('applicant_kind', 'This item serves another kind of applicant', data.servedParty === 'person' ? '该事项仅面向自然人' : '该事项仅面向法人或其他组织');
  }
  const known = new Set(data.materials.map((m) => m.id));
  const unknown = (input.materials ?? []).filter((m) => !known.has(m.materialId));
  if (unknown.length) throw unprocessable('unknown_material', 'Not a material of this item', `不是该事项的申请材料：${unknown.map((m) => m.materialId).join('、')}`);
  const coApplicants = checkCoApplicants(data, applicant.idNumber, input.coApplicants ?? [], ctx.today());
  // An online application is complete before it is filed: every required material not obtained by data sharing.
  if (input.channel === 'online') assertOnlineComplete(data, input.materials ?? []);
  const given = splitMaterials(input.materials ?? []);
  if (user.role === 'agent' && !opts.centerId) throw forbidden('Agents file through the agency service', '代办员请通过代办工作台提交');
  const centerId = opts.centerId ?? (user.role === 'applicant' ? item.centerId : user.centerId!);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await assertOwnFiles(tx, user, given.uploads.map((m) => m.fileId));
    return insertCase(tx, {
      item, guide: data, applicant, applicantUserId: user.role === 'applicant' ? user.id : null, coApplicants,
      submitter: { id: user.id, role: user.role, displayName: user.displayName, windowId: user.windowId }, channel: input.channel, centerId,
      formData: input.formData ?? {}, materials: given.uploads, licenceUses: given.licences, now, today: ctx.today(), origin: opts.origin ?? '', timeZone: ctx.config.timeZone,
    }, opts.within);
  });
}

/** A published item as a case starts from it: its row and its published guide. */
export type PublishedItem = Awaited<ReturnType<typeof publishedItem>>;

/** Everything a case starts with, already checked by the caller (createCase, or a bundle filing / its hook). */
export interface CaseStart {
  item: PublishedItem['item'];
  guide: GuideData;
  applicant: { kind: 'person' | 'organization'; name: string; idNumber: string; phone: string };
  /** The applicant's account when filed online (their 我的办件 lists it). */
  applicantUserId: string | null;
  coApplicants?: CoApplicant[];
  /** Who files: the signed-in user, or for a case a bundle starts later, the bundle's submitter. */
  submitter: { id: string; role: SessionUser['role']; displayName: string; windowId?: string | null };
  channel: Channel;
  centerId: string;
  formData: Record<string, unknown>;
  /** Materials of this item, each with its upload (the same upload may serve several cases). */
  /** A material handed on inside a bundle (a predecessor's result) is ticked without a file. */
  materials: readonly { materialId: string; fileId: string | null }[];
  /** 免证办: materials provided from the applicant's e-licences (checked and recorded by the licenceMaterials port). */
  licenceUses?: readonly LicenceMaterial[];
  now: Date;
  /** The business day the case is dated (the day a bundle's predecessor's result was ready). */
  today: string;
  origin: string;
  timeZone: string;
}

/**
 * Inserts a case in the caller's transaction: the row, its materials, the submit event, its
 * number, the 接件回执, the case hooks and the audit row. No checks of who files: the caller
 * made them (createCase for a signed-in user; src/things for the parts of a bundle case).
 */
export async function insertCase(tx: Tx, s: CaseStart, within?: SubmitOptions['within']) {
  const { item, guide: data, applicant, centerId, channel, today } = s;
  const nowIso = s.now.toISOString();
  const coApplicants = s.coApplicants ?? [];
  const [center] = await tx.select({ divisionCode: centers.divisionCode }).from(centers).where(eq(centers.id, centerId));
  const id = randomUUID();
  const [inserted] = await tx.insert(cases).values({
    id, caseNo: `pending:${id}`, queryCode: newQueryCode(), centerId, departmentId: item.departmentId, itemId: item.id, itemCode: item.code,
    itemVersion: item.publishedVersion!, itemName: data.name, kind: data.caseKind, state: 'submitted', channel,
    applicantKind: applicant.kind, applicantName: applicant.name, applicantIdNumber: applicant.idNumber, applicantPhone: applicant.phone,
    applicantUserId: s.applicantUserId, coApplicants, submittedBy: s.submitter.id, formData: s.formData,
    submittedAt: nowIso, promisedLimit: data.promisedLimit, statutoryLimit: data.statutoryLimit, keyProject: data.keyProject ?? false,
    receivedOn: today, acceptBy: (await calendarFor(tx, centerId)).addWorkingDays(today, ACCEPTANCE_DECISION_DAYS).date,
    createdAt: nowIso, updatedAt: nowIso,
  }).returning();
  const fromLicences = s.licenceUses ?? [];
  await markProvided(tx, id, [...s.materials, ...fromLicences.map((m) => ({ materialId: m.materialId, fileId: null }))], nowIso);
  await appendEvent(tx, { caseId: id, at: nowIso, actorId: s.submitter.id, actorRole: s.submitter.role, action: 'submit', fromState: null, toState: 'submitted',
    data: { channel, materials: s.materials.map((m) => m.materialId), ...(fromLicences.length ? { fromLicences: fromLicences.map((m) => m.materialId) } : {}) } });
  if (fromLicences.length) {
    await caseEngine().licenceMaterials(tx, { row: inserted, guide: data, uses: fromLicences, submitter: { id: s.submitter.id, role: s.submitter.role, centerId }, nowIso, today });
  }
  // The number comes from the center's daily counter, which every submission locks until
  // it commits: reserved here, after the rest of the rows are written.
  const row: CaseRow = { ...inserted, caseNo: await assignCaseNo(tx, id, centerId, center.divisionCode, today) };
  const caseNo = row.caseNo;
  // 接件回执: what was handed in and by when the acceptance decision comes (numbered last, like every notice).
  const receiptCtx = { tx, user: s.submitter, row, guide: data, nowIso, today, origin: s.origin, timeZone: s.timeZone };
  await numberDocuments(receiptCtx, [await prepareDocument(receiptCtx, 'receipt', { acceptBy: row.acceptBy ?? undefined })]);
  await within?.(tx, row);
  await runCaseHooks(caseEngine().hooks, { tx, action: 'submit', before: null, after: row, actor: { id: s.submitter.id, role: s.submitter.role, windowId: s.submitter.windowId }, at: s.now, today, event: { channel } });
  await appendAudit(tx, {
    actorId: s.submitter.id, actorRole: s.submitter.role, action: 'case.submit', entityType: 'case', entityId: id,
    after: { caseNo, itemCode: item.code, itemVersion: item.publishedVersion, channel, applicant: { ...applicant, idNumber: maskIdNumber(applicant.idNumber), phone: maskPhone(applicant.phone) },
      ...(coApplicants.length ? { coApplicants: coApplicants.map((p) => ({ name: p.name, idNumber: maskIdNumber(p.idNumber) })) } : {}) }, at: s.now,
  });
  return { id: row.id, caseNo: row.caseNo, queryCode: row.queryCode, state: row.state };
}

/**
 * One action on one case, in one transaction: lock the row, check the version and the
 * transition table, apply the effect, recompute the clock columns, write the event, the
 * audit row, the notices and the outbox rows. Any failure rolls all of it back.
 */
export async function actOnCase(ctx: AppContext, user: SessionUser, id: string, action: CaseAction, body: Record<string, unknown>, origin: string) {
  const parsed = parseActionBody(action, body);
  const version = body.version;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const { row, pauses: pausesBefore, queued } = await loadForAction(tx, id);
    const guide = await itemVersionOf(tx, row);
    if (!representativeMay(user, action)) throw forbidden('An agent only supplies materials for the resident', '代办员仅可代群众补交材料');
    const facts = {
      ...caseFacts(row, guide, await jointFacts(tx, row, guide)), paymentDue: await caseEngine().paymentDue(tx, row, guide),
      deliveryHeldBy: action === 'deliver' ? await caseEngine().deliveryHeld(tx, row) : [],
    };
    const rep = asRepresentative(user, row.submittedBy, facts);
    // Who may act comes first: someone who may not learns nothing of the case (403 before any 409).
    if (!mayAct(action, rep.facts, rep.actor)) throw forbidden('Your role or scope may not do this on this case', '您的岗位或权限范围不能对该办件执行此操作');
    // Then a stale view: the client must reload before anything else is meaningful.
    if (version !== row.version) {
      throw conflict('version_conflict', `The case changed meanwhile (now version ${row.version})`, '办件已被他人更新，请刷新后重试', { version: row.version });
    }
    const check = checkTransition(action, rep.facts, rep.actor);
    if (!check.ok) throw new AppError(check.refusal.status, check.refusal.code, check.refusal.message, check.refusal.messageZh, { state: row.state, action });
    const effect = await EFFECTS[action]({ tx, user, row, guide, body: parsed as never, today, nowIso });
    const updated: CaseRow = { ...row, ...effect.set, state: check.to, version: row.version + 1, updatedAt: nowIso };
    const pauses = effect.pausesChanged ? await pausesOf(tx, id) : pausesBefore;
    const clock = await clockFrom(tx, updated, updated.acceptedOn ? pauses : [], today);
    Object.assign(updated, clockColumns(clock, updated, today));
    updated.receivedOn = receivedOnAfter(row.state, updated.state, row.receivedOn, today);
    Object.assign(updated, engineDeadlines(await calendarFor(tx, row.centerId), updated, deadlineRules(guide)));
    const { id: _id, active: _active, ...columns } = updated;
    await tx.update(cases).set(columns).where(eq(cases.id, id));
    const issueCtx = { tx, user, row: updated, guide, nowIso, today, origin, timeZone: ctx.config.timeZone };
    const documents = [];
    for (const d of effect.documents ?? []) {
      const details = d.kind === 'extension' ? { extension: { ...d.details, newPromisedDue: clock.promisedDue, newStatutoryDue: clock.statutoryDue } }
        : d.kind === 'pledge' ? { ...d.details, owedBy: updated.owedBy ?? undefined, owedOverdue: guide.owedOverdue } : d.details;
      documents.push(await prepareDocument(issueCtx, d.kind, details));
    }
    // Last, the rows that every concurrent action of the center competes for (rollup rows,
    // document-number counters), so they are held only while the transaction ends.
    await runCaseHooks(caseEngine().hooks, { tx, action, before: row, after: updated, actor: { id: user.id, role: user.role, windowId: user.windowId }, at: now, today, event: effect.event ?? {}, pauses });
    await numberDocuments(issueCtx, documents);
    const notices = await applicantMessages(tx, id, (await centerById(tx, row.centerId)).name, effect.notify ?? []);
    // The action's own records, none read by another in this transaction: one statement.
    await writeTogether(tx, [
      eventInsert({
        caseId: id, at: nowIso, actorId: user.id, actorRole: user.role, action, fromState: row.state, toState: check.to,
        data: { ...effect.event, ...(documents.length ? { documents: documents.map((d) => d.id) } : {}) },
      }),
      nextChangeOf(clock) !== queued ? nextChangeWrite(tx, id, nextChangeOf(clock)) : null,
      outboxInsert(tx, notices, now),
      effect.filing ? caseEngine().negativeFiling(tx, {
        caseId: id, centerId: row.centerId, departmentId: row.departmentId, kind: effect.filing.kind, reasons: effect.filing.reasons, filedAt: nowIso, filedBy: user.id,
      }) : null,
      auditInsertSql([{
        actorId: user.id, actorRole: user.role, action: `case.${action}`, entityType: 'case', entityId: id,
        before: { state: row.state, version: row.version }, after: { state: check.to, version: updated.version, ...effect.event }, at: now,
      }]),
    ]);
    return { id };
  });
}
