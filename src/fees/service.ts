/**
 * Fees in the hall: the center's treasury account, the payment notice (缴款通知书) of a case,
 * payments through the payment transport, the fee anomalies, and the totals for the
 * statistics report. Each change is one transaction with its case event and audit row;
 * notices and payments lock the case row, like a case action, so delivery (which checks
 * the notice under the same lock) never races a payment.
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit, appendAuditMany } from '../core/audit/audit.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { conflict, forbidden, unprocessable } from '../core/errors.js';
import { departments } from '../core/org/schema.js';
import { serviceItems } from '../catalog/schema.js';
import type { GuideData } from '../catalog/types.js';
import { appendEvent, itemVersionOf, loadCase, type CaseRow } from '../cases/repo.js';
import { mayReadCase } from '../cases/view.js';
import { numberDocuments, prepareDocument } from '../cases/issue.js';
import { anomalies } from '../supervision/schema.js';
import { announce } from '../supervision/bus.js';
import { feeNotices, feePayments, feeSettings } from './schema.js';
import { deliveryWaitsForPayment, feeFindings, noticeLines, parseFeeStandard } from './rules.js';
import { paymentTransport } from './transports.js';
import type { PaymentChannel, TreasuryAccount } from './types.js';

/** Delivery still waits for payment (read into the case facts of the transition table). */
export async function paymentDue(db: Queryable, row: Pick<CaseRow, 'id' | 'state'>, guide: GuideData): Promise<boolean> {
  if (row.state !== 'resultReady' || guide.fees.free || !guide.fees.payBeforeDelivery) return false;
  const [n] = await db.select({ amountFen: feeNotices.amountFen, paidFen: feeNotices.paidFen }).from(feeNotices).where(eq(feeNotices.caseId, row.id));
  return deliveryWaitsForPayment(guide.fees, n ?? null);
}

// ---- the treasury account ----------------------------------------------------------------

export async function getTreasury(db: Queryable, centerId: string): Promise<TreasuryAccount | null> {
  const [s] = await db.select().from(feeSettings).where(eq(feeSettings.centerId, centerId));
  return s ? { name: s.accountName, bank: s.bank, accountNo: s.accountNo } : null;
}

export async function putTreasury(ctx: AppContext, user: SessionUser, t: TreasuryAccount) {
  if (!user.centerId) throw forbidden();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await getTreasury(tx, user.centerId!);
    const values = { centerId: user.centerId!, accountName: t.name, bank: t.bank, accountNo: t.accountNo, updatedAt: now.toISOString(), updatedBy: user.id };
    await tx.insert(feeSettings).values(values).onConflictDoUpdate({ target: feeSettings.centerId, set: values });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'fees.treasury', entityType: 'center', entityId: user.centerId!, before, after: t, at: now });
    return t;
  });
}

// ---- who -------------------------------------------------------------------------------

/** The hall's windows of the case's center, the center office, or the department's coordinator. */
function mayCharge(user: SessionUser, row: CaseRow): boolean {
  if ((user.role === 'receiver' || user.role === 'centerAdmin') && user.centerId === row.centerId) return true;
  return user.role === 'coordinator' && user.departmentId === row.departmentId;
}

async function lockedCase(tx: Tx, user: SessionUser, caseId: string) {
  const row = await loadCase(tx, caseId, true);
  if (!mayCharge(user, row)) throw forbidden('Only the hall’s windows, the center office or the department’s coordinator handle fees of this case', '仅大厅窗口、中心管理办公室或本部门全程办事人可办理该办件的收费');
  return { row, guide: await itemVersionOf(tx, row) };
}

// ---- the payment notice ------------------------------------------------------------------

export async function issueNotice(ctx: AppContext, user: SessionUser, caseId: string, quantities: number[], origin: string, assessedFen: (number | null)[] = []) {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  return ctx.db.transaction(async (tx) => {
    const { row, guide } = await lockedCase(tx, user, caseId);
    if (guide.fees.free) throw conflict('item_free', 'This item is free of charge: it never asks for a fee', '该事项不收费，不开具缴款通知书');
    if (row.outcome !== 'approved' || !['decided', 'resultReady'].includes(row.state)) {
      throw conflict('not_decided', 'A payment notice follows an approving decision, before delivery', '须在作出准予许可决定后、送达前开具缴款通知书', { state: row.state });
    }
    const [existing] = await tx.select({ id: feeNotices.id }).from(feeNotices).where(eq(feeNotices.caseId, caseId));
    if (existing) throw conflict('notice_exists', 'The case already has its payment notice', '该办件已开具缴款通知书');
    const treasury = await getTreasury(tx, row.centerId);
    if (!treasury) throw unprocessable('treasury_not_set', 'The center has not named its treasury account', '中心尚未设置财政专户收款账户，请管理办公室先行设置');
    const r = noticeLines(guide.fees, quantities, assessedFen);
    if (!r.ok) throw unprocessable(r.code, r.message, r.messageZh);
    const issueCtx = { tx, user, row, guide, nowIso, today, origin, timeZone: ctx.config.timeZone };
    const doc = await prepareDocument(issueCtx, 'paymentNotice', { fee: { lines: r.lines, totalFen: r.totalFen, treasury, payBeforeDelivery: !!guide.fees.payBeforeDelivery } });
    await numberDocuments(issueCtx, [doc]);
    const [notice] = await tx.insert(feeNotices).values({
      caseId, centerId: row.centerId, departmentId: row.departmentId, itemId: row.itemId, documentId: doc.id, lines: r.lines, amountFen: r.totalFen,
      status: r.totalFen === 0 ? 'paid' : 'unpaid', treasury, issuedOn: today, issuedAt: nowIso, issuedBy: user.id, paidAt: r.totalFen === 0 ? nowIso : null,
    }).returning();
    await appendEvent(tx, { caseId, at: nowIso, actorId: user.id, actorRole: user.role, action: 'feeNotice', fromState: row.state, toState: row.state, data: { noticeId: notice.id, amountFen: r.totalFen, documents: [doc.id] } });
    // The applicant is told the amount and where to pay (SMS, through the outbox).
    await enqueue(tx, [{
      channel: 'sms', recipientUserId: row.applicantUserId, address: row.applicantPhone, template: 'fee.notice',
      payload: { caseId, caseNo: row.caseNo, itemName: row.itemName, queryCode: row.queryCode, amount: (r.totalFen / 100).toFixed(2), payBeforeDelivery: !!guide.fees.payBeforeDelivery },
    }], now);
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'fees.notice', entityType: 'case', entityId: caseId, after: { noticeId: notice.id, amountFen: r.totalFen, lines: r.lines.map((l) => ({ name: l.name, quantity: l.quantity, amountFen: l.amountFen })) }, at: now });
    return notice;
  });
}

// ---- payments --------------------------------------------------------------------------

export interface PaymentInput { channel: PaymentChannel; receiptNo: string; amountFen: number }

export async function recordPayment(ctx: AppContext, user: SessionUser, caseId: string, input: PaymentInput) {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = ctx.today();
  const transport = paymentTransport();
  // The transport may ask a bank over the network: confirmed before the transaction, so no row lock waits on it.
  const before = await loadCase(ctx.db, caseId);
  if (!mayCharge(user, before)) throw forbidden('Only the hall’s windows, the center office or the department’s coordinator handle fees of this case', '仅大厅窗口、中心管理办公室或本部门全程办事人可办理该办件的收费');
  const treasury = await getTreasury(ctx.db, before.centerId);
  const { reference } = await transport.confirm({ channel: input.channel, receiptNo: input.receiptNo, amountFen: input.amountFen, noticeNo: null, treasuryAccountNo: treasury?.accountNo ?? null });
  return ctx.db.transaction(async (tx) => {
    const { row, guide } = await lockedCase(tx, user, caseId);
    if (row.state === 'submitted' || row.state === 'awaitingSupplement') throw conflict('not_accepted', 'A case not yet accepted takes no payment', '办件尚未受理，不能登记缴费');
    const [notice] = await tx.select().from(feeNotices).where(eq(feeNotices.caseId, caseId));
    const [dup] = await tx.select({ id: feePayments.id }).from(feePayments).where(and(eq(feePayments.transport, transport.name), eq(feePayments.reference, reference)));
    if (dup) throw conflict('receipt_recorded', 'This receipt is already recorded', '该缴款凭证已登记，不能重复登记');
    const [payment] = await tx.insert(feePayments).values({
      caseId, noticeId: notice?.id ?? null, centerId: row.centerId, departmentId: row.departmentId, itemId: row.itemId, amountFen: input.amountFen,
      channel: input.channel, transport: transport.name, reference, paidOn: today, recordedAt: nowIso, recordedBy: user.id,
    }).returning();
    const paidBefore = notice?.paidFen ?? 0;
    if (notice) {
      const paidFen = paidBefore + input.amountFen;
      const paid = paidFen >= notice.amountFen;
      await tx.update(feeNotices).set({ paidFen, status: paid ? 'paid' : 'unpaid', paidAt: paid ? notice.paidAt ?? nowIso : null }).where(eq(feeNotices.id, notice.id));
    }
    // The anomaly rules, on this payment: each fires once (its subject is the payment).
    const findings = feeFindings({ id: payment.id, caseId, amountFen: input.amountFen, channel: input.channel, receiptNo: reference, recordedBy: user.id, recordedRole: user.role }, guide.fees, notice?.amountFen ?? null, paidBefore);
    const written = findings.length ? await tx.insert(anomalies).values(findings.map((f) => ({
      rule: f.rule, subject: f.subject, centerId: row.centerId, departmentId: row.departmentId, caseId, evidence: { ...f.evidence, caseNo: row.caseNo, itemName: row.itemName }, detectedAt: nowIso,
    }))).onConflictDoNothing().returning({ id: anomalies.id, rule: anomalies.rule, subject: anomalies.subject }) : [];
    await appendEvent(tx, { caseId, at: nowIso, actorId: user.id, actorRole: user.role, action: 'feePaid', fromState: row.state, toState: row.state, data: { paymentId: payment.id, amountFen: input.amountFen, channel: input.channel, reference } });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'fees.payment', entityType: 'case', entityId: caseId, after: { paymentId: payment.id, amountFen: input.amountFen, channel: input.channel, transport: transport.name, reference }, at: now });
    await appendAuditMany(tx, written.map((w) => ({ actorId: null, actorRole: 'system', action: 'anomaly.detect', entityType: 'anomaly', entityId: w.id, after: { rule: w.rule, subject: w.subject }, at: now })));
    if (written.length) await announce(tx, [row.centerId]);
    return { payment, anomalies: written.map((w) => w.rule) };
  });
}

// ---- reading ----------------------------------------------------------------------------

/** The case's fee panel: what the item charges (with each fee item's rule), the notice, the payments. */
export async function caseFees(ctx: AppContext, user: SessionUser, caseId: string) {
  const row = await loadCase(ctx.db, caseId);
  if (!(await mayReadCase(ctx.db, user, row))) throw forbidden('This case is outside your scope', '该办件不在您的权限范围内');
  const guide = await itemVersionOf(ctx.db, row);
  const [notice] = await ctx.db.select().from(feeNotices).where(eq(feeNotices.caseId, caseId));
  const payments = user.role === 'applicant' ? [] : await ctx.db.select().from(feePayments).where(eq(feePayments.caseId, caseId)).orderBy(feePayments.recordedAt);
  return {
    free: guide.fees.free,
    payBeforeDelivery: !guide.fees.free && !!guide.fees.payBeforeDelivery,
    items: guide.fees.free ? [] : guide.fees.items.map((f, index) => ({ index, ...f, rule: parseFeeStandard(f.standard) })),
    notice: notice ? { id: notice.id, documentId: notice.documentId, lines: notice.lines, amountFen: notice.amountFen, paidFen: notice.paidFen, status: notice.status, treasury: notice.treasury, issuedAt: notice.issuedAt, paidAt: notice.paidAt } : null,
    payments: payments.map((p) => ({ id: p.id, amountFen: p.amountFen, channel: p.channel, transport: p.transport, reference: p.reference, paidOn: p.paidOn, recordedAt: p.recordedAt })),
    paymentDue: await paymentDue(ctx.db, row, guide),
    mayCharge: mayCharge(user, row),
    state: row.state,
    outcome: row.outcome,
  };
}

/** Fee totals (payments into the treasury account) per department, item and month, in the user's center scope. */
export async function feeTotals(ctx: AppContext, user: SessionUser, q: { from: string; to: string; centerId?: string }) {
  // The asked center's subtree (or the reader's whole scope), cut to the reader's scope — as the report does.
  if (q.centerId && !user.centerScope.includes(q.centerId)) throw forbidden('Outside your center', '不在本中心管辖范围');
  const subtree = q.centerId
    ? (await ctx.db.execute(sql`select id from centers where path like (select path from centers where id = ${q.centerId}) || '%'`) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id)
    : user.centerScope;
  const centerIds = subtree.filter((id) => user.centerScope.includes(id));
  if (centerIds.length === 0) return { from: q.from, to: q.to, rows: [], byDepartment: [], byItem: [], byMonth: [], totalFen: 0, payments: 0 };
  const month = sql<string>`to_char(${feePayments.paidOn}, 'YYYY-MM')`;
  const grouped = await ctx.db.select({
    departmentId: feePayments.departmentId, department: departments.name, itemId: feePayments.itemId, itemCode: serviceItems.code, month,
    payments: sql<number>`count(*)::int`, amountFen: sql<number>`sum(${feePayments.amountFen})::int`,
    hallFen: sql<number>`coalesce(sum(${feePayments.amountFen}) filter (where ${feePayments.channel} in ('hallBank', 'online')), 0)::int`,
  }).from(feePayments)
    .innerJoin(departments, eq(departments.id, feePayments.departmentId)).innerJoin(serviceItems, eq(serviceItems.id, feePayments.itemId))
    .where(and(inArray(feePayments.centerId, centerIds), gte(feePayments.paidOn, q.from), lte(feePayments.paidOn, q.to)))
    .groupBy(feePayments.departmentId, departments.name, feePayments.itemId, serviceItems.code, month)
    .orderBy(month, departments.name, serviceItems.code);
  // Item names from the published versions' data (the case rows carry them too).
  const names = new Map((grouped.length ? await ctx.db.execute(sql`select distinct on (item_id) item_id, item_name from cases where item_id in (${sql.join([...new Set(grouped.map((g) => g.itemId))].map((id) => sql`${id}`), sql`, `)}) order by item_id, submitted_at desc`) as unknown as { rows: { item_id: string; item_name: string }[] } : { rows: [] }).rows.map((r) => [r.item_id, r.item_name]));
  const rowsOut = grouped.map((g) => ({ ...g, itemName: names.get(g.itemId) ?? g.itemCode }));
  const sum = (f: (r: (typeof rowsOut)[number]) => string) => {
    const m = new Map<string, { key: string; payments: number; amountFen: number }>();
    for (const r of rowsOut) {
      const k = f(r);
      const e = m.get(k) ?? { key: k, payments: 0, amountFen: 0 };
      e.payments += r.payments; e.amountFen += r.amountFen;
      m.set(k, e);
    }
    return [...m.values()];
  };
  return {
    from: q.from, to: q.to, rows: rowsOut,
    byDepartment: sum((r) => r.department), byItem: sum((r) => r.itemName), byMonth: sum((r) => r.month),
    totalFen: rowsOut.reduce((a, r) => a + r.amountFen, 0), payments: rowsOut.reduce((a, r) => a + r.payments, 0),
  };
}

/** 收费台账: every payment of the period in the reader's center scope, newest first (at most 500). */
export async function paymentLedger(ctx: AppContext, user: SessionUser, q: { from: string; to: string; channel?: PaymentChannel }) {
  if (user.centerScope.length === 0) return { items: [] };
  const r = await ctx.db.execute(sql`
    select p.id, p.case_id as "caseId", c.case_no as "caseNo", c.item_name as "itemName", d.name as department, p.amount_fen as "amountFen", p.channel,
           p.transport, p.reference, p.paid_on::text as "paidOn", p.recorded_at as "recordedAt", u.display_name as "recordedBy", p.notice_id is not null as "withNotice"
      from fee_payments p join cases c on c.id = p.case_id join departments d on d.id = p.department_id join users u on u.id = p.recorded_by
     where p.center_id in (${sql.join(user.centerScope.map((c) => sql`${c}`), sql`, `)}) and p.paid_on between ${q.from} and ${q.to}
       ${q.channel ? sql`and p.channel = ${q.channel}` : sql``}
     order by p.recorded_at desc, p.id limit 500`) as unknown as { rows: Record<string, unknown>[] };
  return { items: r.rows.map((x) => ({ ...x, recordedAt: new Date(String(x.recordedAt)).toISOString() })) };
}
