/**
 * Two deadlines of the engine besides the clock, worked off from stored dates (indexed,
 * few rows), so a restart loses nothing and each applies once:
 * - 超时默认 for a single-department case whose item deems consent (`deemedApproved`):
 *   on `deem_on`, the first working day after the promised due date, the case is decided
 *   as approved by default, charged to the department (seed 001: 「对超过承诺时限的实行超时默认」);
 * - an overdue 容缺 pledge: the window that accepted the case is told once per deadline
 *   (the light turns red by itself: see intake.ts displayLight).
 */
import { outer } from '../core/db/outer.js';
import { and, eq, inArray, isNotNull, lte, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import { auditInsertSql } from '../core/audit/audit.js';
import { outboxInsert, type Notice } from '../core/outbox/enqueue.js';
import { writeTogether } from '../core/db/together.js';
import type { Job } from '../core/scheduler.js';
import { caseEvents, cases } from './schema.js';
import { eventInsert, itemVersionOf, writeTransition } from './repo.js';
import { LOCK } from '../core/locks.js';
import { dueDayStamp } from '../core/dueDay.js';
import { verdictOf } from './documents/decision.js';

/** The deemed decision's record, in the item's own words (准予许可 only for 行政许可). */
export const deemedDecisionText = (verdict: string) => `承诺期限届满未作出决定，按本事项超时默认规则视为同意（${verdict}）`;

export async function applySingleDefaults(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const due = await tx.select().from(cases)
    .where(and(isNotNull(cases.deemOn), lte(cases.deemOn, today), inArray(cases.state, ['accepted', 'inProgress'])))
    .for('update', { skipLocked: true });
  let n = 0;
  for (const row of due) {
    const guide = await itemVersionOf(tx, row);
    if (guide.overdueDefault !== 'deemedApproved' || row.kind === 'joint') continue;
    const deemedOn = row.deemOn!;
    // A run after the deem day (the server was down) still decides on that day.
    const stamp = dueDayStamp(ctx, deemedOn);
    const leaders = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, row.departmentId), eq(users.active, true), inArray(users.role, ['leader', 'chiefRep', 'coordinator'])));
    const verdict = verdictOf(guide, 'approved');
    const payload = { caseNo: row.caseNo, queryCode: row.queryCode, itemName: row.itemName, caseId: row.id, outcome: 'approved', verdict, deemed: true, deemedOn };
    await writeTransition(tx, row, {
      toState: 'decided', set: { outcome: 'approved', closedOn: deemedOn, deemOn: null }, nextChangeOn: null,
      action: 'deemedApproval', auditAction: 'case.deemedApproval', actor: { id: null, role: 'system' },
      data: { outcome: 'approved', deemedOn, promisedDue: row.promisedDue, chargedTo: row.departmentId, text: deemedDecisionText(verdict) }, at: stamp.at, today: stamp.day, recordedAt: ctx.now(),
    });
    const notices: Notice[] = [
      { channel: 'sms', recipientUserId: row.applicantUserId, address: row.applicantPhone, template: 'case.decided', payload },
      ...leaders.map((u) => ({ channel: 'inApp' as const, recipientUserId: u.id, template: 'case.deemedApproved' as const, payload })),
    ];
    const insert = outboxInsert(tx, notices, ctx.now());
    if (insert) await insert;
    n++;
  }
  return n;
}

export async function notifyOverduePledges(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const late = await tx.select().from(cases).where(and(isNotNull(cases.owedBy), lt(cases.owedBy, today), sql`${cases.active}`,
    sql`not exists (select 1 from ${caseEvents} e where e.case_id = ${outer(cases.id)} and e.action = 'pledgeOverdue' and e.data->>'owedBy' = ${outer(cases.owedBy)}::text)`))
    .limit(500).for('update', { of: cases, skipLocked: true });
  const now = ctx.now();
  for (const row of late) {
    const payload = { caseNo: row.caseNo, itemName: row.itemName, caseId: row.id, owedBy: row.owedBy, owed: row.owed };
    const notices: Notice[] = [
      ...(row.acceptedBy ? [{ channel: 'inApp' as const, recipientUserId: row.acceptedBy, template: 'case.pledgeOverdue' as const, payload }] : []),
      { channel: 'sms', recipientUserId: row.applicantUserId, address: row.applicantPhone, template: 'case.pledgeOverdueApplicant', payload: { ...payload, queryCode: row.queryCode } },
    ];
    await writeTogether(tx, [
      eventInsert({ caseId: row.id, at: now.toISOString(), actorId: null, actorRole: 'system', action: 'pledgeOverdue', fromState: row.state, toState: row.state, data: { owedBy: row.owedBy, owed: row.owed } }),
      auditInsertSql([{ actorId: null, actorRole: 'system', action: 'case.pledgeOverdue', entityType: 'case', entityId: row.id, after: { owedBy: row.owedBy, owed: row.owed }, at: now }]),
      outboxInsert(tx, notices, now),
    ]);
  }
  return late.length;
}

export const singleDefaultsJob: Job = { name: 'overdue-default', lockKey: LOCK.singleDefaults, everyMs: 60_000, run: applySingleDefaults };
export const pledgeOverdueJob: Job = { name: 'pledge-overdue', lockKey: LOCK.pledgeOverdue, everyMs: 60_000, run: notifyOverduePledges };
