/**
 * Filing a 一件事 (issue 24): one application of a published thing, online by the applicant or
 * at the 综合窗口 by a receiver. One transaction: the bundle row, its parts, the cases of the
 * parts that wait for nothing (through the case engine), the promised total as a tracked
 * working-day deadline, and the audit event.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { forbidden, unprocessable } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { maskIdNumber, maskPhone } from '../core/mask.js';
import { centers } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { trackDeadline } from '../core/deadlines/track.js';
import type { IdType } from '../core/identity/index.js';
import { applicantOf } from '../cases/service.js';
import { assertOwnFiles } from '../cases/effects.js';
import { newQueryCode, nextCounter } from '../cases/repo.js';
import { bundleCases, bundleParts, things, thingVersions } from './schema.js';
import { MAX_TOTAL_WORKING_DAYS, answerProblems, chooseItems, chosenPredecessors, mergeFields, mergeMaterials, totals, type Answers } from './rules.js';
import { loadMembers } from './members.js';
import { startPart, type BundleRow } from './bundleStart.js';
import { fieldValueProblems } from './bundleRules.js';
import { BUNDLE_DUE } from './deadlines.js';
import type { BundleChannel, BundleMaterial, ThingData } from './types.js';

export interface NewBundle {
  thingCode: string;
  answers: Answers;
  formData: Record<string, unknown>;
  materials: BundleMaterial[];
  channel: BundleChannel;
  applicant?: { kind: 'person' | 'organization'; name: string; idNumber: string; idType?: IdType; phone: string };
  deliverTogether?: boolean;
}

const CHANNEL_OF: Partial<Record<SessionUser['role'], BundleChannel>> = { applicant: 'online', receiver: 'window' };

async function publishedThing(ctx: AppContext, code: string) {
  const [r] = await ctx.db.select({ t: things, data: thingVersions.data }).from(things)
    .innerJoin(thingVersions, and(eq(thingVersions.thingId, things.id), eq(thingVersions.version, things.publishedVersion)))
    .where(and(eq(things.code, code), isNotNull(things.publishedVersion), eq(things.availability, 'active')));
  if (!r) throw unprocessable('thing_unavailable', 'The thing is not published or not open for applications', '该一件事未发布或已暂停受理', [{ field: 'body.thingCode', message: 'not available' }]);
  return r;
}

const fail = (code: string, en: string, zh: string, details?: unknown) => unprocessable(code, en, zh, details);

/** The answers, the one form and the one material list against the chosen items. */
function checkApplication(data: ThingData, input: NewBundle, chosen: ThingData['items'], members: Awaited<ReturnType<typeof loadMembers>>, today: string) {
  const problems = answerProblems(data.questions, input.answers);
  if (problems.length) {
    throw fail('answers_invalid', `Answer the questions: ${problems.map((p) => p.message).join('; ')}`, `请完整回答问题：${problems.map((p) => p.messageZh).join('；')}`, problems);
  }
  if (chosen.length === 0) throw fail('nothing_chosen', 'The answers choose no item open for applications', '根据您的回答，没有可办理的事项');
  const fields = mergeFields(chosen);
  const wrong = fieldValueProblems(fields, input.formData, today);
  if (wrong.length) throw fail('identity_invalid', `Check: ${wrong.map((p) => p.field).join(', ')}`, `请核对：${wrong.map((p) => p.message).join('；')}`, wrong);
  // A field of an item the answers left out is simply not used; a key of no item is a mistake.
  const thingKeys = new Set(data.items.flatMap((i) => i.fields.map((f) => f.key)));
  const unknownFields = Object.keys(input.formData).filter((k) => !thingKeys.has(k));
  if (unknownFields.length) throw fail('unknown_field', `Not a field of this application: ${unknownFields.join(', ')}`, `不是本次申请的表单项：${unknownFields.join('、')}`, unknownFields.map((k) => ({ field: `body.formData.${k}`, message: 'unknown' })));
  const merged = mergeMaterials(chosen, members, data.sharedMaterials);
  const unknown = input.materials.filter((m) => !merged.some((x) => x.key === m.key));
  if (unknown.length) throw fail('unknown_material', 'Not a material to hand in for this application', `不是本次申请需提交的材料：${unknown.map((m) => m.key).join('、')}`, unknown.map((m) => ({ field: `body.materials.${m.key}`, message: 'unknown' })));
  if (input.channel !== 'online') return;
  const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  const missingFields = fields.filter((f) => f.required && empty(input.formData[f.key]));
  if (missingFields.length) throw fail('form_incomplete', `Fill in: ${missingFields.map((f) => f.key).join(', ')}`, `请填写：${missingFields.map((f) => f.label).join('、')}`, missingFields.map((f) => ({ field: `body.formData.${f.key}`, message: f.label })));
  // An online application is complete before it is filed: every required material the applicant hands in.
  const have = new Set(input.materials.map((m) => m.key));
  const missing = merged.filter((m) => m.handIn === 'applicant' && m.required === 'required' && !have.has(m.key));
  if (missing.length) {
    throw fail('materials_incomplete', `Upload every required material before filing: ${missing.map((m) => m.key).join(', ')}`,
      `请先上传全部必要材料再提交：${missing.map((m) => m.name).join('、')}`, missing.map((m) => ({ field: `body.materials.${m.key}`, message: m.name })));
  }
}

/** The one form as filed: the fields the chosen items use. */
function usedFields(chosen: ThingData['items'], formData: Record<string, unknown>) {
  const keys = new Set(chosen.flatMap((i) => i.fields.map((f) => f.key)));
  return Object.fromEntries(Object.entries(formData).filter(([k]) => keys.has(k)));
}

/** 一件事编号: YJS + the center's division code + date + 4-digit daily sequence. */
async function bundleNoOf(tx: Tx, centerId: string, today: string) {
  const [c] = await tx.select({ divisionCode: centers.divisionCode }).from(centers).where(eq(centers.id, centerId));
  const n = await nextCounter(tx, `bundle:${centerId}:${today}`);
  return `YJS${c!.divisionCode}${today.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
}

export async function fileBundle(ctx: AppContext, user: SessionUser, input: NewBundle, origin: string) {
  if (CHANNEL_OF[user.role] !== input.channel) throw forbidden('Applicants file online, receivers at the window', '申请人通过网上申报、综合窗口人员通过窗口提交一件事申请');
  const { t, data } = await publishedThing(ctx, input.thingCode);
  if (user.role === 'receiver' && user.centerId !== t.centerId) throw forbidden('This thing belongs to another center', '该一件事不属于本中心');
  const members = await loadMembers(ctx.db, t.centerId, data.items.map((i) => i.itemCode));
  const chosen = chooseItems(data.items, input.answers).filter((i) => members.has(i.itemCode));
  checkApplication(data, input, chosen, members, ctx.today());
  const applicant = await applicantOf(ctx, user, { itemCode: '', channel: input.channel, applicant: input.applicant });
  if (data.servedParty !== applicant.kind) {
    throw unprocessable('applicant_kind', 'This thing serves another kind of applicant', data.servedParty === 'person' ? '该一件事仅面向自然人' : '该一件事仅面向法人或其他组织');
  }
  const codes = chosen.map((i) => i.itemCode);
  const preds = chosenPredecessors(data.items, new Set(codes));
  const tot = totals(data.items, chosen, members);
  if (tot.promisedWorkingDays > MAX_TOTAL_WORKING_DAYS) throw unprocessable('thing_too_long', 'The items now promise more than can be dated', '所含事项的承诺时限过长，无法受理');
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    await assertOwnFiles(tx, user, input.materials.map((m) => m.fileId));
    const calendar = await calendarFor(tx, t.centerId);
    const id = randomUUID();
    const promisedDue = calendar.addWorkingDays(today, tot.promisedWorkingDays).date;
    const [bundle] = await tx.insert(bundleCases).values({
      id, bundleNo: `pending:${id}`, queryCode: newQueryCode(), centerId: t.centerId, thingId: t.id, thingCode: t.code,
      thingVersion: t.publishedVersion!, thingName: data.name, leadDepartmentId: t.leadDepartmentId, state: 'running', channel: input.channel,
      applicantKind: applicant.kind, applicantName: applicant.name, applicantIdNumber: applicant.idNumber, applicantPhone: applicant.phone,
      applicantUserId: user.role === 'applicant' ? user.id : null, submittedBy: user.id, answers: input.answers, formData: usedFields(chosen, input.formData),
      materials: input.materials, deliverTogether: input.deliverTogether ?? true, filedOn: today,
      promisedWorkingDays: tot.promisedWorkingDays, sumWorkingDays: tot.sumWorkingDays, promisedDue, createdAt: nowIso, updatedAt: nowIso,
    }).returning();
    // The promised total follows the calendar: a holiday declared later moves it (src/things/deadlines.ts).
    await trackDeadline(tx, BUNDLE_DUE, { rowId: id, centerId: t.centerId, startOn: today, workingDays: tot.promisedWorkingDays, due: promisedDue });
    await tx.insert(bundleParts).values(chosen.map((i) => ({
      bundleId: id, itemCode: i.itemCode, itemName: members.get(i.itemCode)!.name, departmentId: members.get(i.itemCode)!.departmentId,
      waitsFor: preds.get(i.itemCode) ?? [], state: 'waiting' as const,
    })));
    const parts = await startFirstParts(tx, bundle as BundleRow, data, preds, { user, now, today, origin, timeZone: ctx.config.timeZone });
    // The number last, like a case's: the center's daily counter stays locked only while the transaction ends.
    const bundleNo = await bundleNoOf(tx, t.centerId, today);
    await tx.update(bundleCases).set({ bundleNo }).where(eq(bundleCases.id, id));
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'bundle.submit', entityType: 'bundleCase', entityId: id,
      after: {
        bundleNo, thingCode: t.code, thingVersion: t.publishedVersion, channel: input.channel, answers: input.answers,
        applicant: { kind: applicant.kind, name: applicant.name, idNumber: maskIdNumber(applicant.idNumber), phone: maskPhone(applicant.phone) },
        parts: parts.map((p) => ({ itemCode: p.itemCode, state: p.state, caseNo: p.caseNo })), promisedDue,
      }, at: now,
    });
    return { id, bundleNo, queryCode: bundle!.queryCode, state: bundle!.state, parts };
  });
}

/** The parts that wait for nothing start now; the others wait (no case yet). */
async function startFirstParts(tx: Tx, bundle: BundleRow, data: ThingData, preds: ReadonlyMap<string, readonly string[]>,
  o: { user: SessionUser; now: Date; today: string; origin: string; timeZone: string }) {
  const chosen = new Set(preds.keys());
  const submitter = { id: o.user.id, role: o.user.role, displayName: o.user.displayName, windowId: o.user.windowId };
  const rows = await tx.select().from(bundleParts).where(eq(bundleParts.bundleId, bundle.id));
  const order = [...preds.keys()];
  const out = [];
  for (const code of order) {
    const p = rows.find((r) => r.itemCode === code)!;
    const started = p.waitsFor.length === 0
      ? await startPart(tx, { bundle, thing: data, itemCode: code, chosen, submitter, now: o.now, today: o.today, origin: o.origin, timeZone: o.timeZone })
      : null;
    out.push({ itemCode: code, itemName: p.itemName, state: started ? 'started' as const : 'waiting' as const, caseId: started?.caseId ?? null, caseNo: started?.caseNo ?? null });
  }
  return out;
}
