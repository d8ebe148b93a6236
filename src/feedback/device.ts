/**
 * The window evaluation device (评价器): a tablet bound to one window by a signed device
 * link. It shows the case the window's staff just handled and takes the rating.
 *
 * With the hall queue: the ticket the window called last today (or the finished one
 * `?ticket=` names) is shown; when finished, its linked case is the one rated if it is more
 * recent than the latest case the window's staff acted on (a case handled without a ticket
 * still counts). Nothing from before that ticket was called is shown: the person now at the
 * window is never thanked for the last person's rating.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { forbidden, notFound } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { users } from '../core/auth/schema.js';
import { windows } from '../core/org/schema.js';
import { caseEvents, cases } from '../cases/schema.js';
import { maskName } from '../core/mask.js';
import { hallTickets } from '../hall/schema.js';
import { evaluations } from './schema.js';
import { SCORE_KEYS, SCORE_LABELS, servedBy, signLink } from './rules.js';
import { feedbackSettingsFor, linkSecret } from './settings.js';


/** How long a device link is valid (a tablet is re-bound once a year). */
const DEVICE_DAYS = 366;

/** The centre office binds a tablet to one of its windows. */
export async function issueDeviceLink(ctx: AppContext, user: SessionUser, windowId: string) {
  const [w] = await ctx.db.select().from(windows).where(eq(windows.id, windowId));
  if (!w) throw notFound('Window', '窗口');
  if (w.centerId !== user.centerId) throw forbidden('Only your own center’s windows', '只能为本中心的窗口绑定评价器');
  const now = ctx.now();
  const exp = now.getTime() + DEVICE_DAYS * 86_400_000;
  const token = signLink(await linkSecret(ctx.db, now), { t: 'device', win: windowId, exp });
  await ctx.db.transaction((tx) => appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'feedback.device.bind', entityType: 'window', entityId: windowId, after: { expires: new Date(exp).toISOString() }, at: now }));
  return { token, path: `/kiosk/rate?device=${encodeURIComponent(token)}`, expiresAt: new Date(exp).toISOString() };
}

/**
 * The window's latest service today: the ticket it called last (being served or finished),
 * or the one named (the hall's 评价器 hook, finished tickets only).
 */
async function latestTicket(ctx: AppContext, windowId: string, ticket?: string) {
  const [t] = await ctx.db.select({ number: hallTickets.number, state: hallTickets.state, caseIds: hallTickets.caseIds, calledAt: hallTickets.calledAt, finishedAt: hallTickets.finishedAt }).from(hallTickets)
    .where(and(eq(hallTickets.windowId, windowId), eq(hallTickets.day, ctx.today()),
      ticket ? and(eq(hallTickets.number, ticket), eq(hallTickets.state, 'done')) : inArray(hallTickets.state, ['called', 'serving', 'done'])))
    .orderBy(desc(sql`coalesce(${hallTickets.finishedAt}, ${hallTickets.calledAt})`)).limit(1);
  return t ?? null;
}

/**
 * The case to rate: the served ticket's case, or the latest case the window's staff acted on
 * today, whichever is later — but never a case from before the window called the person now
 * at it: once the next ticket is called, the last person's case (and its "thank you") is gone,
 * and a ticket finished without a case leaves nothing to rate.
 */
export async function currentCaseOfWindow(ctx: AppContext, windowId: string, ticket?: string) {
  const served = await latestTicket(ctx, windowId, ticket);
  const since = served && !ticket ? served.calledAt : null;
  const [last] = await ctx.db.select({ caseId: caseEvents.caseId, at: caseEvents.at }).from(caseEvents)
    .where(and(inArray(caseEvents.actorId, ctx.db.select({ id: users.id }).from(users).where(eq(users.windowId, windowId))), sql`(${caseEvents.at} at time zone ${ctx.config.timeZone})::date = ${ctx.today()}::date`,
      since ? sql`${caseEvents.at} >= ${since}::timestamptz` : undefined))
    .orderBy(desc(caseEvents.id)).limit(1);
  const ticketCase = served?.state === 'done' ? served.caseIds[0] : undefined;
  const ticketWins = ticketCase && (ticket || !last || new Date(served!.finishedAt!).getTime() >= new Date(last.at).getTime());
  const id = ticketWins ? ticketCase : last?.caseId;
  const c = id ? (await ctx.db.select().from(cases).where(eq(cases.id, id)))[0] ?? null : null;
  return { case: c, ticket: served?.number ?? null };
}

/** What the tablet shows: the window, the case just served (masked) and what can be rated. */
export async function deviceView(ctx: AppContext, windowId: string, ticket?: string) {
  const [w] = await ctx.db.select().from(windows).where(eq(windows.id, windowId));
  if (!w) throw notFound('Window', '窗口');
  const staff = await ctx.db.select({ name: users.displayName }).from(users).where(and(eq(users.windowId, windowId), eq(users.active, true)));
  const { case: c, ticket: servedNumber } = await currentCaseOfWindow(ctx, windowId, ticket);
  let current = null;
  if (c) {
    const settings = await feedbackSettingsFor(ctx.db, c.centerId);
    const done = c.state === 'completed' || c.state === 'archived';
    const stage = done ? 'completion' : c.acceptedAt && settings.acceptanceRating ? 'acceptance' : null;
    const rated = stage ? (await ctx.db.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.caseId, c.id), eq(evaluations.stage, stage)))).length > 0 : false;
    const by = servedBy(c.channel);
    current = {
      caseId: c.id, caseNo: c.caseNo, itemName: c.itemName, applicant: maskName(c.applicantName, c.applicantKind), state: c.state, stage, rated,
      scoreKeys: SCORE_KEYS[by].map((k) => ({ key: k, label: SCORE_LABELS[k] })),
    };
  }
  return { window: { id: w.id, number: w.number, name: w.name }, staff: staff.map((s) => s.name), ticket: servedNumber, current };
}
