/**
 * The window evaluation device (评价器): a tablet bound to one window by a signed device
 * link. It shows the case the window's staff just handled and takes the rating.
 *
 * Hall hook: the queue module (built separately) can name the served ticket. Register a
 * resolver with `setTicketResolver`; the device page passes `?ticket=` through to
 * `GET /api/feedback/device/current`, and when a resolver answers, its case wins over the
 * "latest case the window's staff handled" rule.
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
import { evaluations } from './schema.js';
import { SCORE_KEYS, SCORE_LABELS, servedBy, signLink } from './rules.js';
import { feedbackSettingsFor, linkSecret } from './settings.js';

export type TicketResolver = (ctx: AppContext, windowId: string, ticket: string) => Promise<string | null>;
let ticketResolver: TicketResolver | null = null;
/** For the hall module: map a served ticket number to its case id. */
export function setTicketResolver(fn: TicketResolver | null) { ticketResolver = fn; }

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

/** The latest case the window's staff acted on today (or the ticket's case, when the hall names one). */
export async function currentCaseOfWindow(ctx: AppContext, windowId: string, ticket?: string) {
  if (ticket && ticketResolver) {
    const id = await ticketResolver(ctx, windowId, ticket);
    if (id) return (await ctx.db.select().from(cases).where(eq(cases.id, id)))[0] ?? null;
  }
  const [last] = await ctx.db.select({ caseId: caseEvents.caseId }).from(caseEvents)
    .where(and(inArray(caseEvents.actorId, ctx.db.select({ id: users.id }).from(users).where(eq(users.windowId, windowId))), sql`(${caseEvents.at} at time zone ${ctx.config.timeZone})::date = ${ctx.today()}::date`))
    .orderBy(desc(caseEvents.id)).limit(1);
  if (!last) return null;
  return (await ctx.db.select().from(cases).where(eq(cases.id, last.caseId)))[0] ?? null;
}

/** What the tablet shows: the window, the case just served (masked) and what can be rated. */
export async function deviceView(ctx: AppContext, windowId: string, ticket?: string) {
  const [w] = await ctx.db.select().from(windows).where(eq(windows.id, windowId));
  if (!w) throw notFound('Window', '窗口');
  const staff = await ctx.db.select({ name: users.displayName }).from(users).where(and(eq(users.windowId, windowId), eq(users.active, true)));
  const c = await currentCaseOfWindow(ctx, windowId, ticket);
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
  return { window: { id: w.id, number: w.number, name: w.name }, staff: staff.map((s) => s.name), ticket: ticket ?? null, current };
}
