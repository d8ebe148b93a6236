/**
 * Scheduled work of feedback, each derived from stored data (no timers):
 * - invitations: unrated completed cases get one SMS rating link after N days;
 * - the rectification ladder: a bad review's rectification turning yellow gets an urge
 *   notice, red a supervision order (each once), like the case ladder (src/supervision);
 * - overdue complaints escalate once to the office and the unit's leader.
 */
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { appendAudit } from '../core/audit/audit.js';
import { enqueue, type Notice } from '../core/outbox/enqueue.js';
import { cases } from '../cases/schema.js';
import { complaints, evaluations, invitations } from './schema.js';
import { dueLight, ladderRung, signLink } from './rules.js';
import { DEFAULT_FEEDBACK_SETTINGS, linkSecret } from './settings.js';
import { inApp, managersOf, officeOf, sms } from './access.js';
import { announce } from '../supervision/bus.js';
import { LOCK } from '../core/locks.js';

/** Invitations go to cases completed within this many days before their invitation day (no flood on first start). */
const INVITE_WINDOW_DAYS = 30;

export async function sendInvitations(ctx: AppContext, tx: Tx): Promise<number> {
  const now = ctx.now();
  const d = DEFAULT_FEEDBACK_SETTINGS;
  const due = await rows<{ id: string; case_no: string; item_name: string; applicant_phone: string; applicant_user_id: string | null; valid_days: number }>(tx, sql`
    select c.id, c.case_no, c.item_name, c.applicant_phone, c.applicant_user_id, coalesce(fs.link_valid_days, ${d.linkValidDays})::int as valid_days
      from ${cases} c left join feedback_settings fs on fs.center_id = c.center_id
     where c.state = 'completed'
       and c.updated_at <= ${now.toISOString()}::timestamptz - make_interval(days => coalesce(fs.invite_after_days, ${d.inviteAfterDays}))
       and c.updated_at > ${now.toISOString()}::timestamptz - make_interval(days => coalesce(fs.invite_after_days, ${d.inviteAfterDays}) + ${INVITE_WINDOW_DAYS})
       and not exists (select 1 from ${evaluations} e where e.case_id = c.id and e.stage = 'completion')
       and not exists (select 1 from ${invitations} i where i.case_id = c.id and i.stage = 'completion')
     limit 1000`);
  if (due.length === 0) return 0;
  const secret = await linkSecret(tx, now);
  const base = (ctx.config.publicUrl ?? '').replace(/\/$/, '');
  const notices: Notice[] = [];
  for (const c of due) {
    const expiresAt = new Date(now.getTime() + Number(c.valid_days) * 86_400_000);
    const [inv] = await tx.insert(invitations).values({ caseId: c.id, stage: 'completion', sentAt: now.toISOString(), expiresAt: expiresAt.toISOString() }).onConflictDoNothing().returning();
    if (!inv) continue;
    const token = signLink(secret, { t: 'rate', inv: inv.id, exp: expiresAt.getTime() });
    notices.push(...sms(c.applicant_phone, 'feedback.invite', { caseNo: c.case_no, itemName: c.item_name, link: `${base}/rate?token=${token}`, validDays: c.valid_days, caseId: c.id }, c.applicant_user_id));
  }
  await enqueue(tx, notices, now);
  await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'feedback.invite', entityType: 'invitationBatch', entityId: due[0].id, after: { cases: due.map((c) => c.id) }, at: now });
  return due.length;
}

export async function rectificationLadder(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const now = ctx.now();
  const open = await tx.select({ e: evaluations, caseNo: cases.caseNo, itemName: cases.itemName }).from(evaluations).innerJoin(cases, eq(cases.id, evaluations.caseId))
    .where(and(inArray(evaluations.state, ['assigned', 'rectifying']), lte(evaluations.rectifyYellowOn, today), or(isNull(evaluations.urgedAt), isNull(evaluations.orderedAt))))
    .limit(2000).for('update', { of: [evaluations], skipLocked: true });
  let n = 0;
  for (const { e, caseNo, itemName } of open) {
    const rung = ladderRung(dueLight(e.rectifyDue!, e.rectifyYellowOn!, today), !!e.urgedAt, !!e.orderedAt);
    if (!rung) continue;
    const payload = { caseNo, itemName, due: e.rectifyDue, evaluationId: e.id };
    const to = rung === 'urge' ? await managersOf(tx, e.departmentId) : [...await managersOf(tx, e.departmentId, ['chiefRep', 'leader']), ...(await officeOf(tx, e.centerId))];
    const notices = inApp(to, rung === 'urge' ? 'feedback.rectifyUrge' : 'feedback.rectifyOrder', payload);
    for (const p of to) notices.push(...sms(p.phone, rung === 'urge' ? 'feedback.rectifyUrge' : 'feedback.rectifyOrder', payload, p.id));
    await tx.update(evaluations).set(rung === 'urge' ? { urgedAt: now.toISOString() } : { orderedAt: now.toISOString(), urgedAt: e.urgedAt ?? now.toISOString() }).where(eq(evaluations.id, e.id));
    await enqueue(tx, notices, now);
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: `feedback.rectify.${rung}`, entityType: 'evaluation', entityId: e.id, after: { due: e.rectifyDue, recipients: to.map((p) => p.id) }, at: now });
    await announce(tx, [e.centerId]);
    n++;
  }
  return n;
}

export async function escalateComplaints(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const now = ctx.now();
  const late = await tx.select().from(complaints).where(and(eq(complaints.state, 'handling'), lt(complaints.due, today), isNull(complaints.escalatedAt)))
    .limit(1000).for('update', { skipLocked: true });
  for (const c of late) {
    const to = [...(await officeOf(tx, c.centerId)), ...(c.handlerDepartmentId ? await managersOf(tx, c.handlerDepartmentId, ['leader']) : [])];
    await tx.update(complaints).set({ escalatedAt: now.toISOString() }).where(eq(complaints.id, c.id));
    await enqueue(tx, inApp(to, 'feedback.complaintOverdue', { no: c.no, due: c.due }), now);
    await announce(tx, [c.centerId]);
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'feedback.complaint.escalate', entityType: 'complaint', entityId: c.id, after: { due: c.due, recipients: to.map((p) => p.id) }, at: now });
  }
  return late.length;
}

export const invitationJob: Job = { name: 'feedback-invitations', lockKey: LOCK.feedbackInvitations, everyMs: 10 * 60_000, run: sendInvitations };
export const rectificationJob: Job = { name: 'feedback-rectification', lockKey: LOCK.feedbackRectification, everyMs: 10 * 60_000, run: rectificationLadder };
export const complaintEscalationJob: Job = { name: 'feedback-complaints', lockKey: LOCK.feedbackComplaints, everyMs: 10 * 60_000, run: escalateComplaints };
export const FEEDBACK_JOBS = [invitationJob, rectificationJob, complaintEscalationJob];
