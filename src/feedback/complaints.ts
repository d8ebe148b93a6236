/**
 * 投诉: registration from every channel, the acceptance check (受理审查), handling within
 * working days (extend once, at most 15), hand-overs, the result to the complainant and
 * the unit; a substantiated complaint writes the supervision module's accountability record.
 */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { DEPARTMENT_ROLES } from '../core/auth/roles.js';
import { badRequest, forbidden, notFound, unprocessable } from '../core/errors.js';
import { requireRefs } from '../core/refs.js';
import { appendAudit } from '../core/audit/audit.js';
import { enqueue, type Notice } from '../core/outbox/enqueue.js';
import { calendarFor } from '../core/calendar/service.js';
import { setWorkingDeadline } from '../core/deadlines/track.js';
import { COMPLAINT_DUE } from './deadlines.js';
import { phoneMessage } from '../core/identity/index.js';
import { maskName, maskPhone } from '../core/mask.js';
import { departments, centers } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import { reserveCounters } from '../cases/repo.js';
import type { Tx } from '../core/db/index.js';
import { recordComplaintAccountability } from '../supervision/accountability.js';
import { complaints, type HandOver } from './schema.js';
import { checkComplaint, complaintActions, COMPLAINT_STATE_LABELS, type ComplaintAction, type ComplaintState } from './machine.js';
import {
  COMPLAINT_CATEGORY_LABELS, COMPLAINT_CHANNEL_LABELS, dueLight, EXCLUSION_REASON_LABELS, isHotline,
  type ComplaintCategory, type ComplaintChannel, type ExclusionReason,
} from './rules.js';
import { feedbackSettingsFor } from './settings.js';
import { inApp, iso, managersOf, refusalError, sms, versionConflict } from './access.js';
import { announce } from '../supervision/bus.js';

export interface NewComplaint {
  centerId?: string;
  channel: ComplaintChannel;
  externalRef?: string;
  category: ComplaintCategory;
  complainantName?: string;
  complainantPhone?: string;
  content: string;
  caseId?: string;
  departmentId?: string;
  staffId?: string;
}

type Row = typeof complaints.$inferSelect;

/** Reading: the office and supervisors their centers; a unit's managers the complaints about it or handed to it; a complainant their own. */
function readScope(user: SessionUser): SQL {
  if (user.role === 'applicant') return eq(complaints.complainantUserId, user.id);
  if (DEPARTMENT_ROLES.includes(user.role)) {
    return user.departmentId ? sql`(${complaints.departmentId} = ${user.departmentId} or ${complaints.handlerDepartmentId} = ${user.departmentId})` : sql`false`;
  }
  if (user.centerScope.length === 0) return sql`false`;
  return sql`${complaints.centerId} in (${sql.join(user.centerScope.map((c) => sql`${c}::uuid`), sql`, `)})`;
}
function mayRead(user: SessionUser, r: Row): boolean {
  if (user.role === 'applicant') return r.complainantUserId === user.id;
  if (DEPARTMENT_ROLES.includes(user.role)) return !!user.departmentId && (r.departmentId === user.departmentId || r.handlerDepartmentId === user.departmentId);
  return user.centerScope.includes(r.centerId);
}

export async function createComplaint(ctx: AppContext, user: SessionUser, input: NewComplaint) {
  const now = ctx.now();
  const today = ctx.today();
  let name = input.complainantName?.trim() ?? '';
  let phone = input.complainantPhone?.trim() ?? '';
  let centerId = user.centerId;
  if (user.role === 'applicant') {
    if (input.channel !== 'portal') throw forbidden('Applicants complain through the portal', '申请人请通过网上投诉渠道提交');
    const [me] = await ctx.db.select().from(users).where(eq(users.id, user.id));
    name = me.displayName; phone = me.phone ?? '';
    centerId = input.centerId ?? null;
  } else if (input.channel === 'portal') {
    throw unprocessable('validation_failed', 'Staff register complaints from the hall, phone, mailbox, letters or hotline transfers', '工作人员登记投诉请选择大厅、电话、信箱、来信或热线转办渠道', [{ field: 'body.channel', message: 'portal is for applicants' }]);
  }
  if (input.caseId) {
    const [c] = await ctx.db.select({ centerId: cases.centerId, departmentId: cases.departmentId, applicantUserId: cases.applicantUserId }).from(cases).where(eq(cases.id, input.caseId));
    if (!c) throw unprocessable('validation_failed', 'No such case', '办件不存在', [{ field: 'body.caseId', message: 'not found' }]);
    if (user.role === 'applicant' && c.applicantUserId !== user.id) throw forbidden('You can only name your own cases', '只能就本人的办件投诉');
    centerId ??= c.centerId;
    input.departmentId ??= c.departmentId;
  }
  const errs: { field: string; message: string }[] = [];
  if (!centerId) errs.push({ field: 'body.centerId', message: 'required' });
  if (name.length < 1) errs.push({ field: 'body.complainantName', message: 'required' });
  const phoneProblem = phoneMessage(phone, { landline: true });
  if (phoneProblem) errs.push({ field: 'body.complainantPhone', message: phoneProblem });
  if (isHotline(input.channel) && !input.externalRef?.trim()) errs.push({ field: 'body.externalRef', message: 'the hotline’s reference is required for transfers' });
  if (errs.length) throw badRequest('validation_failed', 'Invalid complaint', '投诉登记信息不完整', errs);
  if (user.role !== 'applicant' && !user.centerScope.includes(centerId!)) throw forbidden();
  // The center (an applicant names it), and the unit and staff member complained about, in that center.
  await requireRefs(ctx.db, [
    { field: 'body.centerId', kind: 'center', id: centerId },
    { field: 'body.departmentId', kind: 'department', id: input.departmentId, centerId },
    { field: 'body.staffId', kind: 'user', id: input.staffId, centerId },
  ]);
  return ctx.db.transaction(async (tx) => {
    const year = today.slice(0, 4);
    const key = `complaint:${centerId}:${year}`;
    const seq = (await reserveCounters(tx, new Map([[key, 1]]))).get(key)!;
    const [row] = await tx.insert(complaints).values({
      no: `TS${year}${centerId!.slice(0, 4).toUpperCase()}${String(seq).padStart(5, '0')}`, centerId: centerId!, channel: input.channel, externalRef: input.externalRef?.trim() || null,
      category: input.category, complainantName: name, complainantPhone: phone, complainantUserId: user.role === 'applicant' ? user.id : null,
      content: input.content.trim(), caseId: input.caseId ?? null, departmentId: input.departmentId ?? null, staffId: input.staffId ?? null,
      state: 'received', receivedOn: today, receivedAt: now.toISOString(), receivedBy: user.id,
    }).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'feedback.complaint.register', entityType: 'complaint', entityId: row.id,
      after: { no: row.no, channel: row.channel, category: row.category, complainant: { name: maskName(name), phone: maskPhone(phone) } }, at: now,
    });
    await announce(tx, [row.centerId]);
    return { id: row.id, no: row.no, state: row.state };
  });
}

export interface ComplaintQuery { state?: ComplaintState; category?: ComplaintCategory; channel?: ComplaintChannel; from?: string; to?: string }

async function names(ctx: AppContext, ids: (string | null)[]) {
  const list = ids.filter((x): x is string => !!x);
  if (!list.length) return new Map<string, string>();
  const r = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(sql`${departments.id} in (${sql.join([...new Set(list)].map((i) => sql`${i}::uuid`), sql`, `)})`);
  return new Map(r.map((x) => [x.id, x.name]));
}

function view(user: SessionUser, r: Row, depts: Map<string, string>, today: string) {
  const mine = user.role === 'applicant';
  return {
    id: r.id, no: r.no, centerId: r.centerId, channel: r.channel, channelLabel: COMPLAINT_CHANNEL_LABELS[r.channel], externalRef: r.externalRef,
    category: r.category, categoryLabel: COMPLAINT_CATEGORY_LABELS[r.category],
    complainant: mine ? r.complainantName : maskName(r.complainantName), complainantPhone: mine ? r.complainantPhone : maskPhone(r.complainantPhone),
    content: r.content, caseId: r.caseId, departmentId: r.departmentId, department: r.departmentId ? depts.get(r.departmentId) ?? null : null,
    handlerDepartmentId: r.handlerDepartmentId, handlerDepartment: r.handlerDepartmentId ? depts.get(r.handlerDepartmentId) ?? null : null,
    state: r.state, stateLabel: COMPLAINT_STATE_LABELS[r.state], receivedOn: r.receivedOn, acceptedOn: r.acceptedOn, due: r.due, extended: r.extended,
    extensionReason: r.extensionReason, handOvers: r.handOvers, exclusion: r.exclusion ? { ...r.exclusion, reasonLabel: EXCLUSION_REASON_LABELS[r.exclusion.reason] } : null,
    result: r.result, escalatedAt: iso(r.escalatedAt), version: r.version,
    // Yellow on the due day itself (limits are short: 3–5 working days), red after it.
    light: r.state === 'handling' && r.due ? dueLight(r.due, r.due, today) : null,
    actions: mine ? [] : complaintActions(r, user),
  };
}

export async function listComplaints(ctx: AppContext, user: SessionUser, q: ComplaintQuery) {
  const conds: SQL[] = [readScope(user)];
  if (q.state) conds.push(eq(complaints.state, q.state));
  if (q.category) conds.push(eq(complaints.category, q.category));
  if (q.channel) conds.push(eq(complaints.channel, q.channel));
  if (q.from) conds.push(gte(complaints.receivedOn, q.from));
  if (q.to) conds.push(lte(complaints.receivedOn, q.to));
  const list = await ctx.db.select().from(complaints).where(and(...conds)).orderBy(desc(complaints.receivedAt)).limit(200);
  const depts = await names(ctx, list.flatMap((r) => [r.departmentId, r.handlerDepartmentId]));
  const today = ctx.today();
  return { items: list.map((r) => view(user, r, depts, today)) };
}

export async function getComplaint(ctx: AppContext, user: SessionUser, id: string) {
  const [r] = await ctx.db.select().from(complaints).where(eq(complaints.id, id));
  if (!r || !mayRead(user, r)) throw notFound('Complaint', '投诉');
  return view(user, r, await names(ctx, [r.departmentId, r.handlerDepartmentId]), ctx.today());
}

export interface ComplaintActionBody {
  version: number;
  handlerDepartmentId?: string;
  handlerUserId?: string;
  reason?: ExclusionReason | string;
  reply?: string;
  note?: string;
  finding?: 'substantiated' | 'unfounded';
  result?: string;
  unitNotice?: string;
}

const need = (ok: boolean, field: string, en: string, zh: string) => {
  if (!ok) throw unprocessable('validation_failed', en, zh, [{ field: `body.${field}`, message: 'required' }]);
};
const text2 = (v: string | undefined) => (v ?? '').trim().length >= 2;

export async function actOnComplaint(ctx: AppContext, user: SessionUser, id: string, action: ComplaintAction, body: ComplaintActionBody) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    if (!r || !mayRead(user, r)) throw notFound('Complaint', '投诉');
    const chk = checkComplaint(action, r, user);
    if (!chk.ok) throw refusalError(chk.refusal);
    if (body.version !== r.version) throw versionConflict();
    const { set, notices, extra } = await EFFECTS[action](ctx, tx, user, r, body);
    const [after] = await tx.update(complaints).set({ ...set, state: chk.to, version: r.version + 1 }).where(eq(complaints.id, id)).returning();
    await enqueue(tx, notices, now);
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: `feedback.complaint.${action}`, entityType: 'complaint', entityId: id,
      before: { state: r.state, due: r.due }, after: { state: after.state, ...set, ...extra }, at: now,
    });
    await announce(tx, [r.centerId]);
    return { id, state: after.state, due: after.due, version: after.version, ...extra };
  });
}

type Effect = { set: Partial<Row>; notices: Notice[]; extra?: Record<string, unknown> };
type EffectFn = (ctx: AppContext, tx: Tx, user: SessionUser, r: Row, b: ComplaintActionBody) => Promise<Effect>;

async function checkDept(tx: Tx, r: Row, deptId: string | undefined) {
  if (!deptId) return;
  const [d] = await tx.select({ centerId: departments.centerId }).from(departments).where(eq(departments.id, deptId));
  if (!d || d.centerId !== r.centerId) throw unprocessable('validation_failed', 'Not a unit of this center', '不是本中心的进驻单位', [{ field: 'body.handlerDepartmentId', message: 'not in this center' }]);
}

const EFFECTS: Record<ComplaintAction, EffectFn> = {
  async accept(ctx, tx, _u, r, b) {
    const dept = b.handlerDepartmentId ?? r.departmentId ?? null;
    await checkDept(tx, r, dept ?? undefined);
    await requireRefs(tx, [{ field: 'body.handlerUserId', kind: 'user', id: b.handlerUserId, centerId: r.centerId }]);
    const cal = await calendarFor(tx, r.centerId);
    const settings = await feedbackSettingsFor(tx, r.centerId);
    const today = ctx.today();
    const due = await setWorkingDeadline(tx, COMPLAINT_DUE, cal, { rowId: r.id, centerId: r.centerId, startOn: today, workingDays: settings.complaintDays });
    const notices = [...sms(r.complainantPhone, 'feedback.complaintAccepted', { no: r.no, due }, r.complainantUserId)];
    if (dept) notices.push(...inApp(await managersOf(tx, dept), 'feedback.complaintAssigned', { no: r.no, due }));
    return { set: { acceptedOn: today, due, handlerDepartmentId: dept, handlerUserId: b.handlerUserId ?? null }, notices };
  },
  async exclude(_ctx, _tx, _u, r, b) {
    need(typeof b.reason === 'string' && b.reason in EXCLUSION_REASON_LABELS, 'reason', 'Choose the exclusion reason', '请选择不予受理的理由');
    need(text2(b.reply), 'reply', 'Write the not-accepted reply to the complainant', '请填写不予受理书面答复');
    const reason = b.reason as ExclusionReason;
    return {
      set: { exclusion: { reason, reply: b.reply!.trim(), by: _u.id, at: _ctx.now().toISOString() } },
      notices: sms(r.complainantPhone, 'feedback.complaintExcluded', { no: r.no, reasonLabel: EXCLUSION_REASON_LABELS[reason], reply: b.reply!.trim() }, r.complainantUserId),
    };
  },
  async handOver(ctx, tx, u, r, b) {
    need(!!b.handlerDepartmentId || !!b.handlerUserId, 'handlerDepartmentId', 'Name the unit or person it goes to', '请选择移交的单位或人员');
    need(text2(b.note), 'note', 'Say why it is handed over', '请填写移交说明');
    await checkDept(tx, r, b.handlerDepartmentId);
    await requireRefs(tx, [{ field: 'body.handlerUserId', kind: 'user', id: b.handlerUserId, centerId: r.centerId }]);
    const to = b.handlerDepartmentId ?? r.handlerDepartmentId;
    const h: HandOver = { toDepartmentId: to ?? null, toUserId: b.handlerUserId ?? null, note: b.note!.trim(), by: u.id, at: ctx.now().toISOString() };
    return {
      set: { handlerDepartmentId: to ?? null, handlerUserId: b.handlerUserId ?? null, handOvers: [...r.handOvers, h] },
      notices: to ? inApp(await managersOf(tx, to), 'feedback.complaintAssigned', { no: r.no, due: r.due }) : [],
    };
  },
  async extend(_ctx, tx, _u, r, b) {
    need(text2(b.reason), 'reason', 'Give the reason told to the complainant', '请填写延期理由（将告知投诉人）');
    const settings = await feedbackSettingsFor(tx, r.centerId);
    // The extended limit counts from acceptance, like the first (extendedDue, kept with its facts).
    const due = await setWorkingDeadline(tx, COMPLAINT_DUE, await calendarFor(tx, r.centerId), { rowId: r.id, centerId: r.centerId, startOn: r.acceptedOn!, workingDays: settings.complaintMaxDays });
    return {
      set: { extended: true, extensionReason: b.reason!.trim(), due },
      notices: sms(r.complainantPhone, 'feedback.complaintExtended', { no: r.no, due, reason: b.reason!.trim() }, r.complainantUserId),
    };
  },
  async resolve(ctx, tx, u, r, b) {
    need(b.finding === 'substantiated' || b.finding === 'unfounded', 'finding', 'Say whether the complaint is substantiated', '请填写核查结论（属实或不属实）');
    need(text2(b.result), 'result', 'Write the result told to the complainant', '请填写处理结果（将告知投诉人）');
    const today = ctx.today();
    const unit = r.departmentId ?? r.handlerDepartmentId;
    if (b.finding === 'substantiated' && !unit) {
      throw unprocessable('unit_required', 'A substantiated complaint is charged to a unit: name the department complained about', '投诉属实须明确被投诉单位', [{ field: 'body.finding', message: 'no unit' }]);
    }
    const result = { finding: b.finding!, result: b.result!.trim(), unitNotice: (b.unitNotice ?? '').trim(), by: u.id, at: ctx.now().toISOString(), on: today, onTime: !r.due || today <= r.due };
    const notices = [...sms(r.complainantPhone, 'feedback.complaintResult', { no: r.no, result: result.result }, r.complainantUserId)];
    const units = [...new Set([r.departmentId, r.handlerDepartmentId].filter((x): x is string => !!x))];
    for (const d of units) notices.push(...inApp(await managersOf(tx, d, ['chiefRep', 'leader']), 'feedback.complaintUnitNotice', { no: r.no, finding: result.finding, unitNotice: result.unitNotice }));
    let accountabilityId: string | null = null;
    if (b.finding === 'substantiated') {
      accountabilityId = await recordComplaintAccountability(tx, {
        complaintId: r.id, caseId: r.caseId, centerId: r.centerId, departmentId: unit!, userId: r.staffId,
        what: `投诉属实：${COMPLAINT_CATEGORY_LABELS[r.category]}（${r.no}）`, today, at: ctx.now(),
      });
    }
    return { set: { result }, notices, extra: { accountabilityId } };
  },
};

/** The written record (书面记录) of one complaint, printable A4; an excluded one includes the not-accepted reply. */
export async function complaintRecord(ctx: AppContext, user: SessionUser, id: string): Promise<string> {
  const c = await getComplaint(ctx, user, id);
  const [r] = await ctx.db.select({ name: centers.name }).from(centers).where(eq(centers.id, c.centerId));
  const e = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const row = (k: string, v: unknown) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`;
  const parts = [
    row('投诉编号', c.no), row('投诉渠道', c.channelLabel + (c.externalRef ? `（${c.externalRef}）` : '')), row('投诉类别', c.categoryLabel),
    row('投诉人', `${c.complainant} ${c.complainantPhone}`), row('被投诉单位', c.department ?? '—'), row('投诉内容', c.content),
    row('登记日期', c.receivedOn), row('状态', c.stateLabel),
  ];
  if (c.acceptedOn) parts.push(row('受理日期', c.acceptedOn), row('办理期限', c.due + (c.extended ? `（已延期：${c.extensionReason}）` : '')), row('承办单位', c.handlerDepartment ?? '本中心'));
  for (const h of c.handOvers) parts.push(row('移交', `${h.at.slice(0, 10)} ${h.note}`));
  if (c.result) parts.push(row('核查结论', c.result.finding === 'substantiated' ? '属实' : '不属实'), row('处理结果', c.result.result), row('办结日期', `${c.result.on}${c.result.onTime ? '（按期）' : '（逾期）'}`));
  const reply = c.exclusion ? `<h2>不予受理告知书</h2><p>${e(c.complainant)}：</p><p>您于${e(c.receivedOn)}提出的投诉（编号${e(c.no)}），经审查，${e(c.exclusion.reasonLabel)}，决定不予受理。</p><p>${e(c.exclusion.reply)}</p><p style="text-align:right">${e(r?.name ?? '')}<br>${e(c.exclusion.at.slice(0, 10))}</p>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>投诉处理记录 ${e(c.no)}</title>
<style>@page{size:A4;margin:20mm}body{font-family:"SimSun","Songti SC",serif;max-width:170mm;margin:auto}h1,h2{text-align:center}table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:6px;text-align:left;vertical-align:top}th{width:28mm;white-space:nowrap}</style></head>
<body><h1>${e(r?.name ?? '')}投诉处理记录</h1><table>${parts.join('')}</table>${reply}</body></html>`;
}
