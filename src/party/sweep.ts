/**
 * The daily reminder job: political-birthday talks coming due and terms about to end become
 * in-app notices to the people who act on them (the branch's secretary, deputy secretary and
 * organizer; for terms, the organization's and its parent's; always the center's party
 * office). Derived from stored data on each run; `party_reminder_log` makes it send each
 * reminder once, so the job may run any number of times.
 */
import { and, desc, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Tx } from '../core/db/index.js';
import type { Job } from '../core/scheduler.js';
import { users } from '../core/auth/schema.js';
import { enqueue, type Notice } from '../core/outbox/enqueue.js';
import { birthdayTalksDue } from './members.js';
import { partyMembers, partyOfficers, partyOrgs, partyReminderLog, partyTerms } from './schema.js';
import { termAlert } from './rules/terms.js';
import { MANAGING_OFFICERS } from './types.js';
import { LOCK } from '../core/locks.js';

interface Reminder { key: string; orgIds: string[]; centerId: string; template: Notice['template']; payload: Record<string, unknown> }

export async function sendPartyReminders(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const orgs = await tx.select().from(partyOrgs).where(eq(partyOrgs.active, true));
  if (!orgs.length) return 0;
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const reminders: Reminder[] = [];
  for (const b of await birthdayTalksDue(tx, orgs.filter((o) => o.kind === 'branch').map((o) => o.id), today)) {
    if (b.overdue) continue;
    reminders.push({ key: `birthday:${b.memberId}:${b.anniversary}`, orgIds: [b.branchId], centerId: byId.get(b.branchId)!.centerId, template: 'party.birthdayTalk', payload: { name: b.name, anniversary: b.anniversary, years: b.years, dueBy: b.dueBy } });
  }
  const terms = await tx.selectDistinctOn([partyTerms.orgId]).from(partyTerms).orderBy(partyTerms.orgId, desc(partyTerms.startOn));
  for (const t of terms) {
    const o = byId.get(t.orgId);
    const a = o ? termAlert(t.endOn, today, ctx.config.partyTermAlertDays) : null;
    if (!o || !a || a.state === 'ok') continue;
    reminders.push({ key: `term:${t.id}:${a.state}`, orgIds: [o.id, ...(o.parentId ? [o.parentId] : [])], centerId: o.centerId, template: 'party.termAlert', payload: { orgName: o.name, endOn: t.endOn, expired: a.state === 'expired' } });
  }
  if (!reminders.length) return 0;
  const fresh = new Set((await tx.insert(partyReminderLog).values(reminders.map((r) => ({ key: r.key, sentAt: ctx.now().toISOString() })))
    .onConflictDoNothing().returning({ key: partyReminderLog.key })).map((r) => r.key));
  const todo = reminders.filter((r) => fresh.has(r.key));
  if (!todo.length) return 0;
  const officers = await tx.select({ orgId: partyOfficers.orgId, userId: partyMembers.userId }).from(partyOfficers)
    .innerJoin(partyMembers, eq(partyMembers.id, partyOfficers.memberId))
    .where(and(isNull(partyOfficers.toOn), inArray(partyOfficers.role, [...MANAGING_OFFICERS]), isNotNull(partyMembers.userId)));
  const office = await tx.select({ id: users.id, centerId: users.centerId }).from(users).where(and(eq(users.role, 'partySecretary'), eq(users.active, true)));
  const notices: Notice[] = todo.flatMap((r) => {
    const to = new Set([...officers.filter((x) => r.orgIds.includes(x.orgId)).map((x) => x.userId!), ...office.filter((u) => u.centerId === r.centerId).map((u) => u.id)]);
    return [...to].map((userId) => ({ channel: 'inApp' as const, recipientUserId: userId, template: r.template, payload: r.payload }));
  });
  await enqueue(tx, notices, ctx.now());
  return todo.length;
}

export const partyRemindersJob: Job = { name: 'party-reminders', lockKey: LOCK.partyReminders, everyMs: 60 * 60_000, run: sendPartyReminders };
