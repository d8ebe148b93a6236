/** 首问负责 records and praise (锦旗、感谢信、表扬卡). */
import { outer } from '../core/db/outer.js';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { requireRefs } from '../core/refs.js';
import { appendAudit } from '../core/audit/audit.js';
import { maskName, maskPhone } from '../core/mask.js';
import { phoneMessage } from '../core/identity/index.js';
import { assertNoProblems } from '../core/identity/assert.js';
import { departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { firstAsks, praise, type FirstAskOutcome } from './schema.js';
import { iso } from './access.js';

export const FIRST_ASK_OUTCOME_LABELS: Record<FirstAskOutcome, string> = { open: '首问人跟进中', handled: '首问人当场办理/解答', handedOver: '已移交承办窗口/单位', referredOutside: '已告知大厅外主管单位' };
export const PRAISE_KIND_LABELS = { banner: '锦旗', letter: '感谢信', card: '表扬卡' } as const;

export interface NewFirstAsk { kind: 'question' | 'complaint'; askerName: string; askerPhone?: string; matter: string }
export interface FirstAskClose { outcome: Exclude<FirstAskOutcome, 'open'>; toWindowId?: string; toDepartmentId?: string; toUnit?: string; guidance: string }

export async function recordFirstAsk(ctx: AppContext, user: SessionUser, input: NewFirstAsk) {
  if (!user.centerId) throw forbidden();
  const phoneProblem = input.askerPhone?.trim() ? phoneMessage(input.askerPhone, { landline: true }) : null;
  assertNoProblems(phoneProblem ? [{ field: 'body.askerPhone', message: phoneProblem }] : []);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(firstAsks).values({ centerId: user.centerId!, ownerId: user.id, kind: input.kind, askerName: input.askerName.trim(), askerPhone: input.askerPhone ?? '', matter: input.matter.trim(), outcome: 'open', askedAt: now.toISOString() }).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'feedback.firstAsk.record', entityType: 'firstAsk', entityId: r.id, after: { kind: r.kind, asker: maskName(r.askerName) }, at: now });
    return { id: r.id, outcome: r.outcome };
  });
}

/**
 * The owner closes it: handled themselves, handed over to a named window or unit, or
 * referred outside the hall with the unit's place or phone — never "不知道".
 */
export async function closeFirstAsk(ctx: AppContext, user: SessionUser, id: string, b: FirstAskClose) {
  const now = ctx.now();
  const errs: { field: string; message: string }[] = [];
  if (b.outcome === 'handedOver' && !b.toWindowId && !b.toDepartmentId) errs.push({ field: 'body.toWindowId', message: 'name the window or unit' });
  if (b.outcome === 'referredOutside' && !(b.toUnit ?? '').trim()) errs.push({ field: 'body.toUnit', message: 'name the competent unit' });
  if (errs.length) throw unprocessable('validation_failed', 'Name who takes it over', '请写明承接的窗口、单位或主管部门', errs);
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(firstAsks).where(eq(firstAsks.id, id)).for('update');
    if (!r || !user.centerScope.includes(r.centerId)) throw notFound('First-ask record', '首问记录');
    if (r.ownerId !== user.id && user.role !== 'centerAdmin') throw forbidden('The first person asked owns it until hand-over', '首问责任人负责到移交为止，他人不能代为处理');
    if (r.outcome !== 'open') throw conflict('invalid_transition', 'Already handed over or handled', '该首问事项已移交或办结');
    await requireRefs(tx, [
      { field: 'body.toWindowId', kind: 'window', id: b.toWindowId, centerId: r.centerId },
      { field: 'body.toDepartmentId', kind: 'department', id: b.toDepartmentId, centerId: r.centerId },
    ]);
    const set = { outcome: b.outcome, toWindowId: b.toWindowId ?? null, toDepartmentId: b.toDepartmentId ?? null, toUnit: b.toUnit?.trim() || null, guidance: b.guidance.trim(), closedAt: now.toISOString() };
    await tx.update(firstAsks).set(set).where(eq(firstAsks.id, id));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'feedback.firstAsk.close', entityType: 'firstAsk', entityId: id, before: { outcome: 'open' }, after: set, at: now });
    return { id, outcome: b.outcome };
  });
}

export async function listFirstAsks(ctx: AppContext, user: SessionUser, q: { mine?: boolean; open?: boolean }) {
  const conds = [user.centerScope.length ? sql`${firstAsks.centerId} in (${sql.join(user.centerScope.map((c) => sql`${c}::uuid`), sql`, `)})` : sql`false`];
  if (q.mine || !['centerAdmin', 'supervisor'].includes(user.role)) conds.push(eq(firstAsks.ownerId, user.id));
  if (q.open) conds.push(eq(firstAsks.outcome, 'open'));
  const list = await ctx.db.select({
    r: firstAsks, owner: users.displayName,
    toWindow: sql<string | null>`(select number || '号窗口 ' || name from ${windows} w where w.id = ${outer(firstAsks.toWindowId)})`,
    toDepartment: sql<string | null>`(select name from ${departments} d where d.id = ${outer(firstAsks.toDepartmentId)})`,
  }).from(firstAsks).innerJoin(users, eq(users.id, firstAsks.ownerId)).where(and(...conds)).orderBy(desc(firstAsks.askedAt)).limit(200);
  return {
    items: list.map(({ r, owner, toWindow, toDepartment }) => ({
      id: r.id, kind: r.kind, asker: maskName(r.askerName), askerPhone: maskPhone(r.askerPhone), matter: r.matter, owner, ownerId: r.ownerId,
      outcome: r.outcome, outcomeLabel: FIRST_ASK_OUTCOME_LABELS[r.outcome], toWindow, toDepartment, toUnit: r.toUnit, guidance: r.guidance,
      askedAt: iso(r.askedAt), closedAt: iso(r.closedAt),
    })),
  };
}

export interface NewPraise { kind: keyof typeof PRAISE_KIND_LABELS; windowId?: string; userId?: string; departmentId?: string; fromName: string; note?: string; receivedOn: string }

export async function recordPraise(ctx: AppContext, user: SessionUser, input: NewPraise) {
  if (!user.centerId) throw forbidden();
  if (!input.windowId && !input.userId && !input.departmentId) throw unprocessable('validation_failed', 'Praise whom: a window, a person or a department', '请选择表扬的窗口、人员或部门', [{ field: 'body.windowId', message: 'one target required' }]);
  const now = ctx.now();
  await requireRefs(ctx.db, [
    { field: 'body.windowId', kind: 'window', id: input.windowId, centerId: user.centerId },
    { field: 'body.userId', kind: 'user', id: input.userId, centerId: user.centerId },
    { field: 'body.departmentId', kind: 'department', id: input.departmentId, centerId: user.centerId },
  ]);
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(praise).values({ centerId: user.centerId!, kind: input.kind, windowId: input.windowId ?? null, userId: input.userId ?? null, departmentId: input.departmentId ?? null, fromName: input.fromName.trim(), note: input.note ?? '', receivedOn: input.receivedOn, recordedBy: user.id, recordedAt: now.toISOString() }).returning();
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'feedback.praise.record', entityType: 'praise', entityId: r.id, after: { kind: r.kind, windowId: r.windowId, userId: r.userId, departmentId: r.departmentId }, at: now });
    return { id: r.id };
  });
}

export async function listPraise(ctx: AppContext, user: SessionUser) {
  const scope = user.centerScope.length ? sql`${praise.centerId} in (${sql.join(user.centerScope.map((c) => sql`${c}::uuid`), sql`, `)})` : sql`false`;
  const list = await ctx.db.select({
    r: praise,
    window: sql<string | null>`(select number || '号窗口 ' || name from ${windows} w where w.id = ${outer(praise.windowId)})`,
    person: sql<string | null>`(select display_name from ${users} u where u.id = ${outer(praise.userId)})`,
    department: sql<string | null>`(select name from ${departments} d where d.id = ${outer(praise.departmentId)})`,
  }).from(praise).where(scope).orderBy(desc(praise.receivedOn)).limit(200);
  return { items: list.map(({ r, window, person, department }) => ({ id: r.id, kind: r.kind, kindLabel: PRAISE_KIND_LABELS[r.kind], window, person, department, fromName: r.fromName, note: r.note, receivedOn: r.receivedOn })) };
}
