import { and, desc, eq, inArray } from 'drizzle-orm';
import { setWorkingDeadline } from '../core/deadlines/track.js';
import { REDO_DUE } from './deadlines.js';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { departments } from '../core/org/schema.js';
import { appendAudit } from '../core/audit/audit.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import { calendarFor } from '../core/calendar/service.js';
import { cases } from '../cases/schema.js';
import { loadCase, writeTransition } from '../cases/repo.js';
import type { Tx } from '../core/db/index.js';
import type { NegativeFiling } from '../cases/ports.js';
import { negativeFilings } from './schema.js';

/** The filing a refusing case action writes, not yet run (handed to the case engine by src/compose.ts). */
export const filingInsert = (tx: Tx, f: NegativeFiling) => tx.insert(negativeFilings).values(f);

/** The center's review queue (its own center and the centers below it). */
export async function listFilings(ctx: AppContext, user: SessionUser, status?: 'pending' | 'confirmed' | 'overturned') {
  const conds = [inArray(negativeFilings.centerId, user.centerScope.length ? user.centerScope : ['00000000-0000-0000-0000-000000000000'])];
  if (status) conds.push(eq(negativeFilings.status, status));
  const rows = await ctx.db.select({ f: negativeFilings, caseNo: cases.caseNo, itemName: cases.itemName, state: cases.state, department: departments.name })
    .from(negativeFilings).innerJoin(cases, eq(cases.id, negativeFilings.caseId)).innerJoin(departments, eq(departments.id, negativeFilings.departmentId))
    .where(and(...conds)).orderBy(desc(negativeFilings.filedAt)).limit(200);
  return {
    items: rows.map(({ f, caseNo, itemName, state, department }) => ({
      id: f.id, caseId: f.caseId, caseNo, itemName, caseState: state, department, kind: f.kind, reasons: f.reasons, status: f.status,
      filedAt: new Date(f.filedAt).toISOString(), reviewNote: f.reviewNote, redoDue: f.redoDue,
    })),
  };
}

async function pending(ctx: AppContext, user: SessionUser, id: string) {
  const [f] = await ctx.db.select().from(negativeFilings).where(eq(negativeFilings.id, id));
  if (!f) throw notFound('Negative filing', '否定备案');
  if (!user.centerScope.includes(f.centerId)) throw forbidden('Outside your center', '不在本中心管辖范围');
  if (f.status !== 'pending') throw conflict('invalid_transition', 'This filing has been reviewed already', '该备案已审查');
  return f;
}

export async function confirmFiling(ctx: AppContext, user: SessionUser, id: string, note: string) {
  const f = await pending(ctx, user, id);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(negativeFilings).set({ status: 'confirmed', reviewedBy: user.id, reviewedAt: now.toISOString(), reviewNote: note }).where(eq(negativeFilings.id, id));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'filing.confirm', entityType: 'negativeFiling', entityId: id, after: { note }, at: now });
  });
  return { ok: true, caseId: f.caseId };
}

/**
 * Overturning reopens the case: a denial goes back to the department's handling (from its
 * first step), a refusal or return back to the window's intake. The department is ordered
 * to redo it within `redoWorkingDays` working days.
 */
export async function overturnFiling(ctx: AppContext, user: SessionUser, id: string, note: string, redoWorkingDays: number) {
  const f = await pending(ctx, user, id);
  const now = ctx.now();
  const nowIso = now.toISOString();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, f.caseId, true);
    const redoDue = await setWorkingDeadline(tx, REDO_DUE, await calendarFor(tx, row.centerId), { rowId: id, centerId: row.centerId, startOn: ctx.today(), workingDays: redoWorkingDays });
    const toState = f.kind === 'denial' ? 'inProgress' : 'submitted';
    await tx.update(negativeFilings).set({ status: 'overturned', reviewedBy: user.id, reviewedAt: nowIso, reviewNote: note, redoWorkingDays, redoDue }).where(eq(negativeFilings.id, id));
    const data = { filingId: id, kind: f.kind, note, redoWorkingDays, redoDue };
    await writeTransition(tx, row, {
      toState, set: { outcome: null, closedOn: null, stepIndex: 0 }, action: 'overturn', auditAction: 'filing.overturn', actor: user, data, at: now, today: ctx.today(),
    });
    const coordinators = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, row.departmentId), eq(users.role, 'coordinator')));
    await enqueue(tx, coordinators.map((c) => ({ channel: 'inApp' as const, recipientUserId: c.id, template: 'case.redoOrdered', payload: { caseNo: row.caseNo, itemName: row.itemName, caseId: row.id, redoDue } })), now);
    return { ok: true, caseId: row.id, state: toState, redoDue };
  });
}
