/** 党费 (per member per half-year, with receipt and deposit), 党务公开 items, and the secretary's reminder list. */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { conflict, notFound, unprocessable } from '../core/errors.js';
import { loadAccess, orgOf, requireManage } from './access.js';
import { birthdayTalksDue, refusalError } from './members.js';
import { partyDisclosures, partyDues, partyMembers, partyTerms } from './schema.js';
import { halfYearOf, parsePeriod, periodsOwed } from './rules/dues.js';
import { checkDisclosureOrder } from './rules/disclosure.js';
import { termAlert } from './rules/terms.js';
import { daysBetween } from './rules/dates.js';
import { probationEnd } from './rules/pipeline.js';
import { evaluationDueOn } from './rules/evaluation.js';
import { DISCLOSURE_CATEGORY_LABELS, MEMBER_ON_ROLL, type DisclosureCategory } from './types.js';

// ---- dues ----------------------------------------------------------------------------------

export interface DuesBody { memberId: string; period: string; amount: number; paidOn: string; receiptNo: string; depositedOn?: string | null; bankSlipNo?: string }

export async function recordDues(ctx: AppContext, user: SessionUser, b: DuesBody) {
  const today = ctx.today();
  const p = parsePeriod(b.period);
  if (!p) throw unprocessable('bad_period', 'A period is a half-year such as 2026H1', '缴纳期间须为半年，如2026H1', [{ field: 'body.period', message: 'YYYYH1 or YYYYH2' }]);
  if (b.paidOn > today || (b.depositedOn && b.depositedOn > today)) throw unprocessable('date_in_future', 'Dates cannot be in the future', '日期不能晚于今天', [{ field: 'body.paidOn', message: 'future' }]);
  if (b.depositedOn && b.depositedOn < b.paidOn) throw unprocessable('deposit_before_payment', 'The deposit cannot be before the payment', '上缴日期不能早于缴纳日期', [{ field: 'body.depositedOn', message: 'before paidOn' }]);
  if (p.from > today) throw unprocessable('period_in_future', 'Dues are collected for the running or a past half-year', '只能登记本期或以前期间的党费', [{ field: 'body.period', message: 'future' }]);
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const [m] = await tx.select().from(partyMembers).where(eq(partyMembers.id, b.memberId));
    if (!m) throw notFound('Party member', '党员');
    requireManage(a, m.branchId);
    if (!MEMBER_ON_ROLL.includes(m.status)) throw unprocessable('not_a_member', 'Only party members pay dues', '仅党员缴纳党费', [{ field: 'body.memberId', message: m.status }]);
    const [dup] = await tx.select({ id: partyDues.id }).from(partyDues).where(and(eq(partyDues.memberId, m.id), eq(partyDues.period, b.period)));
    if (dup) throw conflict('dues_recorded', `Dues of ${b.period} are recorded for this member already`, `该党员${b.period}的党费已登记`);
    const [d] = await tx.insert(partyDues).values({
      memberId: m.id, period: b.period, amountCents: Math.round(b.amount * 100), paidOn: b.paidOn, receiptNo: b.receiptNo.trim(), depositedOn: b.depositedOn ?? null,
      bankSlipNo: b.bankSlipNo ?? '', recordedBy: user.id, recordedAt: ctx.now().toISOString(),
    }).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.dues.record', entityType: 'partyMember', entityId: m.id, after: { period: b.period, amountCents: d.amountCents, receiptNo: d.receiptNo }, at: ctx.now() });
    return { id: d.id };
  });
}

/** 党费上缴: the committee pays the collected dues into the 工委 account (bank slip). */
export async function depositDues(ctx: AppContext, user: SessionUser, b: { ids: string[]; depositedOn: string; bankSlipNo: string }) {
  if (b.depositedOn > ctx.today()) throw unprocessable('date_in_future', 'Dates cannot be in the future', '日期不能晚于今天', [{ field: 'body.depositedOn', message: 'future' }]);
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const rows = await tx.select({ d: partyDues, branchId: partyMembers.branchId }).from(partyDues).innerJoin(partyMembers, eq(partyMembers.id, partyDues.memberId)).where(inArray(partyDues.id, b.ids));
    if (rows.length !== new Set(b.ids).size) throw notFound('Dues record', '党费记录');
    for (const r of rows) {
      requireManage(a, r.branchId);
      if (r.d.depositedOn) throw conflict('dues_deposited', `Dues ${r.d.receiptNo} were deposited already`, `收据${r.d.receiptNo}的党费已上缴`);
      if (r.d.paidOn > b.depositedOn) throw unprocessable('deposit_before_payment', 'The deposit cannot be before the payment', '上缴日期不能早于缴纳日期', [{ field: 'body.depositedOn', message: r.d.receiptNo }]);
    }
    await tx.update(partyDues).set({ depositedOn: b.depositedOn, bankSlipNo: b.bankSlipNo }).where(inArray(partyDues.id, b.ids));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'party.dues.deposit', entityType: 'partyDues', entityId: b.ids[0]!, after: { ids: b.ids, depositedOn: b.depositedOn, bankSlipNo: b.bankSlipNo }, at: ctx.now() });
    return { deposited: b.ids.length };
  });
}

async function branchMembers(ctx: AppContext, branchIds: string[]) {
  return branchIds.length
    ? ctx.db.select().from(partyMembers).where(and(inArray(partyMembers.branchId, branchIds), inArray(partyMembers.status, [...MEMBER_ON_ROLL]))).orderBy(asc(partyMembers.name))
    : [];
}

export async function listDues(ctx: AppContext, user: SessionUser, q: { period?: string; branchId?: string }) {
  const a = await loadAccess(ctx.db, user);
  const branchIds = a.readable.filter((o) => o.kind === 'branch' && (!q.branchId || o.id === q.branchId)).map((o) => o.id);
  const period = q.period ?? halfYearOf(ctx.today()).period;
  const members = await branchMembers(ctx, branchIds);
  const paid = members.length ? await ctx.db.select().from(partyDues).where(and(eq(partyDues.period, period), inArray(partyDues.memberId, members.map((m) => m.id)))) : [];
  const names = new Map(a.readable.map((o) => [o.id, o.name]));
  return {
    period,
    items: members.map((m) => {
      const d = paid.find((x) => x.memberId === m.id);
      return {
        memberId: m.id, name: m.name, branchId: m.branchId, branchName: names.get(m.branchId) ?? '', status: m.status,
        paid: d ? { id: d.id, amount: d.amountCents / 100, paidOn: d.paidOn, receiptNo: d.receiptNo, depositedOn: d.depositedOn, bankSlipNo: d.bankSlipNo } : null,
      };
    }),
    totalAmount: paid.reduce((s, d) => s + d.amountCents, 0) / 100,
  };
}

/** Who is behind: members with ended half-years unpaid (since they came on the roll, two years back at most). */
export async function duesBehind(ctx: AppContext, user: SessionUser) {
  const a = await loadAccess(ctx.db, user);
  const today = ctx.today();
  const members = await branchMembers(ctx, a.readable.filter((o) => o.kind === 'branch').map((o) => o.id));
  const paid = members.length ? await ctx.db.select({ memberId: partyDues.memberId, period: partyDues.period }).from(partyDues).where(inArray(partyDues.memberId, members.map((m) => m.id))) : [];
  const names = new Map(a.readable.map((o) => [o.id, o.name]));
  return {
    items: members.flatMap((m) => {
      const since = m.onRollSince ?? m.probationOn;
      const owed = since ? periodsOwed(since, today, new Set(paid.filter((p) => p.memberId === m.id).map((p) => p.period))) : [];
      return owed.length ? [{ memberId: m.id, name: m.name, branchName: names.get(m.branchId) ?? '', periods: owed }] : [];
    }),
  };
}

// ---- disclosure ------------------------------------------------------------------------------

export interface DisclosureBody { orgId: string; title: string; category: DisclosureCategory; content: string; internalOn?: string | null; internalForm?: string; publicOn?: string | null; publicForm?: string }

export async function saveDisclosure(ctx: AppContext, user: SessionUser, b: DisclosureBody, id?: string) {
  const r = checkDisclosureOrder(b.internalOn ?? null, b.publicOn ?? null);
  if (r) throw refusalError(r);
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    requireManage(a, b.orgId);
    const values = {
      orgId: b.orgId, title: b.title.trim(), category: b.category, content: b.content, internalOn: b.internalOn ?? null, internalForm: b.internalForm ?? '',
      publicOn: b.publicOn ?? null, publicForm: b.publicForm ?? '',
    };
    let row;
    if (id) {
      const [old] = await tx.select().from(partyDisclosures).where(eq(partyDisclosures.id, id)).for('update');
      if (!old) throw notFound('Disclosure item', '党务公开事项');
      requireManage(a, old.orgId);
      [row] = await tx.update(partyDisclosures).set(values).where(eq(partyDisclosures.id, id)).returning();
    } else {
      [row] = await tx.insert(partyDisclosures).values({ ...values, createdBy: user.id, createdAt: ctx.now().toISOString() }).returning();
    }
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: id ? 'party.disclosure.update' : 'party.disclosure.create', entityType: 'partyDisclosure', entityId: row.id, after: { internalOn: row.internalOn, publicOn: row.publicOn }, at: ctx.now() });
    return disclosureView(row, ctx.today());
  });
}

function disclosureView(d: typeof partyDisclosures.$inferSelect, today: string) {
  const stage = d.publicOn && d.publicOn <= today ? 'public' : d.internalOn && d.internalOn <= today ? 'internal' : 'planned';
  return { ...d, createdAt: new Date(d.createdAt).toISOString(), categoryLabel: DISCLOSURE_CATEGORY_LABELS[d.category], stage, stageLabel: { public: '已向社会公开', internal: '已党内公开', planned: '待公开' }[stage] };
}

export async function listDisclosures(ctx: AppContext, user: SessionUser, orgId?: string) {
  const a = await loadAccess(ctx.db, user);
  const ids = a.readable.filter((o) => !orgId || o.id === orgId).map((o) => o.id);
  if (orgId) orgOf(a, orgId);
  const rows = ids.length ? await ctx.db.select().from(partyDisclosures).where(inArray(partyDisclosures.orgId, ids)).orderBy(desc(partyDisclosures.internalOn), desc(partyDisclosures.createdAt)) : [];
  return { items: rows.map((d) => disclosureView(d, ctx.today())) };
}

/** The public side: only items whose public date has come (never the internal-only ones). */
export async function publicDisclosures(ctx: AppContext) {
  const today = ctx.today();
  const rows = await ctx.db.select().from(partyDisclosures).where(lte(partyDisclosures.publicOn, today)).orderBy(desc(partyDisclosures.publicOn)).limit(100);
  return { items: rows.map((d) => ({ id: d.id, title: d.title, category: d.category, categoryLabel: DISCLOSURE_CATEGORY_LABELS[d.category], content: d.content, publicOn: d.publicOn, publicForm: d.publicForm })) };
}

// ---- reminders -------------------------------------------------------------------------------

/** What the secretary should act on now: term alerts, birthday talks, probation ending, evaluations due. */
export async function reminders(ctx: AppContext, user: SessionUser) {
  const a = await loadAccess(ctx.db, user);
  const today = ctx.today();
  const managed = a.readable;
  const ids = managed.map((o) => o.id);
  const branchIds = managed.filter((o) => o.kind === 'branch').map((o) => o.id);
  const terms = ids.length ? await ctx.db.selectDistinctOn([partyTerms.orgId]).from(partyTerms).where(inArray(partyTerms.orgId, ids)).orderBy(partyTerms.orgId, desc(partyTerms.startOn)) : [];
  const names = new Map(managed.map((o) => [o.id, o.name]));
  const termAlerts = terms.map((t) => ({ orgId: t.orgId, orgName: names.get(t.orgId) ?? '', ...termAlert(t.endOn, today, ctx.config.partyTermAlertDays) })).filter((t) => t.state !== 'ok');
  const probation = branchIds.length ? await ctx.db.select().from(partyMembers).where(and(inArray(partyMembers.branchId, branchIds), eq(partyMembers.status, 'probationary'))) : [];
  const probationEnding = probation.map((m) => ({ memberId: m.id, name: m.name, endsOn: probationEnd(m)!, daysLeft: daysBetween(today, probationEnd(m)!) })).filter((p) => p.daysLeft <= 30).sort((x, y) => x.daysLeft - y.daysLeft);
  const year = Number(today.slice(0, 4));
  const evalYear = today.slice(5) < '12-01' ? year - 1 : year;
  return {
    today, termAlerts, birthdayTalks: (await birthdayTalksDue(ctx.db, branchIds, today)).map((b) => ({ ...b, branchName: names.get(b.branchId) ?? '' })),
    probationEnding, evaluation: { year: evalYear, dueOn: evaluationDueOn(evalYear) },
  };
}
