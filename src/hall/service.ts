/**
 * Categories, tickets and window actions. Every change is one transaction with its audit
 * row and its hall event (the board's feed). No in-memory locks: a window's actions are
 * ordered by its `hall_window_state` row lock, and a ticket is claimed by a conditional
 * update over `FOR UPDATE SKIP LOCKED`, so two windows never call the same ticket.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import type { Tx, Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import { maskIdNumber } from '../core/mask.js';
import { idNumberMessage, inferIdType, normalizeIdNumber, type IdType } from '../core/identity/index.js';
import { assertNoProblems } from '../core/identity/assert.js';
import { centers, windows } from '../core/org/schema.js';
import { hallCategories, hallServiceDays, hallTicketCounters, hallTickets, hallWindowCategories, hallWindowState } from './schema.js';
import { recordEvent } from './bus.js';
import { settingsFor } from './settings.js';
import { transition, ticketActions, type TicketAction } from './machine.js';
import { addDays, callingOrder, callText, estimateWaitMinutes, instantKey, openSessions, opening, ticketNumber, type Opening, type QueuedTicket } from './rules.js';
import { calendarFor } from '../core/calendar/service.js';
import { localTime } from './time.js';
import type { HallSettings, WindowAction } from './types.js';

export type TicketRow = typeof hallTickets.$inferSelect;
type Actor = { id: string | null; role: string };

// ---- categories ---------------------------------------------------------------------

export function requireCenterAdmin(user: SessionUser, centerId: string) {
  if (user.role !== 'centerAdmin' || user.centerId !== centerId) throw forbidden('Only the center’s administrators may configure its hall', '只有本中心管理办公室可以配置大厅');
}

/** The center a public page shows: the one asked for, else the user's, else the first county center with categories. */
export async function resolveCenter(ctx: AppContext, centerId: string | undefined, user: SessionUser | null): Promise<string> {
  if (centerId) {
    const [c] = await ctx.db.select({ id: centers.id }).from(centers).where(eq(centers.id, centerId));
    if (!c) throw notFound('Center', '中心');
    return c.id;
  }
  if (user?.centerId) return user.centerId;
  const [c] = await rows<{ id: string }>(ctx.db, sql`
    select c.id from centers c where exists (select 1 from hall_categories h where h.center_id = c.id and h.active)
     order by case c.level when 'county' then 0 when 'city' then 1 else 2 end, c.name limit 1`);
  if (!c) throw notFound('Hall', '大厅');
  return c.id;
}

export async function listCategories(ctx: AppContext, centerId: string, includeInactive = false) {
  const [center] = await ctx.db.select({ id: centers.id, name: centers.name }).from(centers).where(eq(centers.id, centerId));
  const list = await ctx.db.select().from(hallCategories)
    .where(and(eq(hallCategories.centerId, centerId), includeInactive ? undefined : eq(hallCategories.active, true)))
    .orderBy(asc(hallCategories.sortOrder), asc(hallCategories.prefix));
  const settings = await settingsFor(ctx.db, centerId);
  const waiting = await waitingCounts(ctx.db, centerId, ctx.today());
  return {
    center,
    opening: await hallOpening(ctx, centerId, settings),
    priorityGroups: settings.priorityGroups,
    categories: list.map((c) => ({ id: c.id, prefix: c.prefix, name: c.name, itemCodes: c.itemCodes, slotCapacity: c.slotCapacity, active: c.active, sortOrder: c.sortOrder, waiting: waiting[c.id] ?? 0 })),
  };
}

export interface CategoryInput { prefix: string; name: string; itemCodes?: string[]; slotCapacity?: number; active?: boolean; sortOrder?: number }

export async function saveCategory(ctx: AppContext, user: SessionUser, id: string | null, input: CategoryInput) {
  const centerId = user.centerId ?? '';
  requireCenterAdmin(user, centerId);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const clash = await tx.select({ id: hallCategories.id }).from(hallCategories).where(and(eq(hallCategories.centerId, centerId), eq(hallCategories.prefix, input.prefix)));
    if (clash.some((c) => c.id !== id)) throw conflict('prefix_taken', `Prefix ${input.prefix} is already used`, `字头${input.prefix}已被其他业务类别使用`, [{ field: 'body.prefix' }]);
    let before: unknown = null;
    let saved;
    if (id) {
      const [old] = await tx.select().from(hallCategories).where(eq(hallCategories.id, id)).for('update');
      if (!old || old.centerId !== centerId) throw notFound('Category', '业务类别');
      before = old;
      [saved] = await tx.update(hallCategories).set({ ...input }).where(eq(hallCategories.id, id)).returning();
    } else {
      [saved] = await tx.insert(hallCategories).values({ ...input, centerId, createdAt: now.toISOString() }).returning();
    }
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: id ? 'hall.category.update' : 'hall.category.create', entityType: 'hallCategory', entityId: saved.id, before, after: saved, at: now });
    return saved;
  });
}

// ---- windows ------------------------------------------------------------------------

async function windowRow(q: Queryable, windowId: string) {
  const [w] = await q.select({ id: windows.id, centerId: windows.centerId, number: windows.number, name: windows.name }).from(windows).where(eq(windows.id, windowId));
  if (!w) throw notFound('Window', '窗口');
  return w;
}

/** Window staff act at their own window; the center's administrators at any window of the center. */
function requireAtWindow(user: SessionUser, w: { id: string; centerId: string }) {
  if (user.windowId === w.id) return;
  if (user.role === 'centerAdmin' && user.centerId === w.centerId) return;
  throw forbidden('You do not sit at this window', '您不在此窗口，不能操作');
}

export async function setWindowCategories(ctx: AppContext, user: SessionUser, windowId: string, categoryIds: string[]) {
  const w = await windowRow(ctx.db, windowId);
  requireCenterAdmin(user, w.centerId);
  if (new Set(categoryIds).size !== categoryIds.length) throw badRequest('duplicate_category', 'A category is listed twice', '业务类别重复', [{ field: 'body.categoryIds' }]);
  await ctx.db.transaction(async (tx) => {
    if (categoryIds.length) {
      const found = await tx.select({ id: hallCategories.id }).from(hallCategories).where(and(inArray(hallCategories.id, categoryIds), eq(hallCategories.centerId, w.centerId)));
      if (found.length !== categoryIds.length) throw badRequest('unknown_category', 'A category is not one of this center', '业务类别不属于本中心', [{ field: 'body.categoryIds' }]);
    }
    const before = await tx.select().from(hallWindowCategories).where(eq(hallWindowCategories.windowId, windowId));
    await tx.delete(hallWindowCategories).where(eq(hallWindowCategories.windowId, windowId));
    if (categoryIds.length) await tx.insert(hallWindowCategories).values(categoryIds.map((categoryId, rank) => ({ windowId, categoryId, rank })));
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'hall.window.categories', entityType: 'window', entityId: windowId, before, after: categoryIds, at: ctx.now() });
  });
  return { windowId, categoryIds };
}

export async function listWindows(ctx: AppContext, centerId: string) {
  const list = await rows<{ id: string; number: number; name: string; kind: string; paused: boolean | null; pause_reason: string | null; current_ticket_id: string | null; category_ids: string[] | null }>(ctx.db, sql`
    select w.id, w.number, w.name, w.kind, s.paused, s.pause_reason, s.current_ticket_id,
           (select array_agg(wc.category_id::text order by wc.rank) from hall_window_categories wc where wc.window_id = w.id) as category_ids
      from windows w left join hall_window_state s on s.window_id = w.id
     where w.center_id = ${centerId} order by w.number`);
  const currentIds = list.map((w) => w.current_ticket_id).filter((x): x is string => !!x);
  const current = currentIds.length ? await ctx.db.select().from(hallTickets).where(inArray(hallTickets.id, currentIds)) : [];
  const byId = new Map(current.map((t) => [t.id, t]));
  return {
    windows: list.map((w) => ({
      id: w.id, number: w.number, name: w.name, kind: w.kind, paused: !!w.paused, pauseReason: w.pause_reason, categoryIds: w.category_ids ?? [],
      current: w.current_ticket_id && byId.get(w.current_ticket_id) ? ticketBrief(byId.get(w.current_ticket_id)!) : null,
    })),
  };
}

/** A window's screen and workbench: state, categories, the ticket it holds, the last one it served. */
export async function windowView(ctx: AppContext, windowId: string, staff: boolean) {
  const w = await windowRow(ctx.db, windowId);
  const [state] = await ctx.db.select().from(hallWindowState).where(eq(hallWindowState.windowId, windowId));
  const settings = await settingsFor(ctx.db, w.centerId);
  const current = state?.currentTicketId ? (await ctx.db.select().from(hallTickets).where(eq(hallTickets.id, state.currentTicketId)))[0] ?? null : null;
  const [lastServed] = await ctx.db.select().from(hallTickets)
    .where(and(eq(hallTickets.windowId, windowId), eq(hallTickets.state, 'done'), eq(hallTickets.day, ctx.today()))).orderBy(sql`${hallTickets.finishedAt} desc`).limit(1);
  const cats = await rows<{ id: string; prefix: string; name: string }>(ctx.db, sql`
    select c.id, c.prefix, c.name from hall_window_categories wc join hall_categories c on c.id = wc.category_id where wc.window_id = ${windowId} order by wc.rank`);
  const waiting = await waitingCounts(ctx.db, w.centerId, ctx.today());
  return {
    window: w, paused: state?.paused ?? false, pauseReason: state?.pauseReason ?? null,
    categories: cats.map((c) => ({ ...c, waiting: waiting[c.id] ?? 0 })),
    current: current ? { ...(staff ? ticketStaffView(current) : ticketBrief(current)), actions: staff ? ticketActions(current, settings) : [] } : null,
    lastServed: lastServed ? ticketBrief(lastServed) : null,
    noShowCalls: settings.noShowCalls,
  };
}

// ---- tickets ------------------------------------------------------------------------

export interface TakeInput { centerId?: string; categoryId: string; idNumber?: string; idType?: IdType; priorityGroup?: string; channel: 'kiosk' | 'mobile' | 'staff' }

/**
 * The ID number a ticket is linked to (optional), checked by the shared identity rules like
 * every other form: a wrong check digit or birth date is refused with what is wrong.
 */
function ticketIdNumber(input: TakeInput, today: string): string | null {
  if (input.idNumber === undefined || !input.idNumber.trim()) return null;
  const message = idNumberMessage(input.idNumber, today, input.idType ?? inferIdType(input.idNumber));
  assertNoProblems(message ? [{ field: 'body.idNumber', message }] : []);
  return normalizeIdNumber(input.idNumber);
}

export function ticketBrief(t: TicketRow) {
  return { id: t.id, number: t.number, categoryId: t.categoryId, state: t.state, priority: t.priority, calls: t.calls, windowId: t.windowId, takenAt: new Date(t.takenAt).toISOString() };
}

function ticketStaffView(t: TicketRow) {
  return { ...ticketBrief(t), priorityGroup: t.priorityGroup, channel: t.channel, idNumber: maskIdNumber(t.idNumber), bookingId: t.bookingId, transfers: t.transfers, caseIds: t.caseIds, calledAt: iso(t.calledAt), startedAt: iso(t.startedAt) };
}

const iso = (s: string | null) => (s ? new Date(s).toISOString() : null);

export async function takeTicket(ctx: AppContext, user: SessionUser | null, input: TakeInput) {
  const idNumber = ticketIdNumber(input, ctx.today());
  const [cat] = await ctx.db.select().from(hallCategories).where(eq(hallCategories.id, input.categoryId));
  if (!cat || !cat.active) throw notFound('Category', '业务类别');
  if (input.centerId && input.centerId !== cat.centerId) throw badRequest('wrong_center', 'The category is not one of this hall', '业务类别不属于本大厅', [{ field: 'body.categoryId' }]);
  const settings = await settingsFor(ctx.db, cat.centerId);
  if (input.priorityGroup && !settings.priorityGroups.some((g) => g.key === input.priorityGroup)) {
    throw badRequest('unknown_priority_group', 'Not a priority group of this center', '不是本中心设置的优先群体', [{ field: 'body.priorityGroup' }]);
  }
  if (input.channel === 'staff' && !(user && user.centerId === cat.centerId && user.role !== 'applicant')) throw forbidden();
  // The kiosk and the mobile page take tickets only while the hall is open (staff may still issue one).
  if (input.channel !== 'staff') {
    const o = await hallOpening(ctx, cat.centerId, settings);
    if (!o.open) throw closedError(o);
  }
  const ticket = await ctx.db.transaction((tx) => issueTicket(ctx, tx, cat, {
    priority: input.priorityGroup ? 1 : 0, priorityGroup: input.priorityGroup ?? null, channel: input.channel,
    idNumber, bookingId: null, actor: { id: user?.id ?? null, role: user?.role ?? 'public' },
  }));
  return ticketStatus(ctx, ticket.id);
}

/** Whether the hall takes tickets now and its next opening (the center's calendar, office sessions and service days). */
export async function hallOpening(ctx: AppContext, centerId: string, settings: Pick<HallSettings, 'sessions'>): Promise<Opening> {
  const today = ctx.today();
  const horizon = 31;
  const calendar = await calendarFor(ctx.db, centerId);
  const service = await ctx.db.select({ day: hallServiceDays.day, sessions: hallServiceDays.sessions }).from(hallServiceDays)
    .where(and(eq(hallServiceDays.centerId, centerId), sql`${hallServiceDays.day} between ${today}::date and ${addDays(today, horizon)}::date`));
  const byDay = new Map(service.map((d) => [d.day, d]));
  return opening(today, localTime(ctx.now(), ctx.config.timeZone), (day) => openSessions(calendar.isWorkingDay(day), byDay.get(day) ?? null, settings), horizon);
}

function closedError(o: Opening): AppError {
  const next = o.next ? `${o.next.day} ${o.next.start}` : null;
  return conflict('hall_closed', `The hall is closed${next ? `; it opens ${next}` : ''}`, `大厅已停止取号${next ? `，下次取号时间：${next.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1年$2月$3日')}` : ''}`, { next: o.next });
}

/** Numbers and inserts a ticket in the caller's transaction (taking at the kiosk, or a booking's check-in). */
export async function issueTicket(ctx: AppContext, tx: Tx, cat: typeof hallCategories.$inferSelect, t: {
  priority: number; priorityGroup: string | null; channel: TicketRow['channel']; idNumber: string | null; bookingId: string | null; actor: Actor;
}): Promise<TicketRow> {
  const now = ctx.now();
  const day = ctx.today();
  const [{ last }] = await tx.insert(hallTicketCounters).values({ categoryId: cat.id, day, last: 1 })
    .onConflictDoUpdate({ target: [hallTicketCounters.categoryId, hallTicketCounters.day], set: { last: sql`${hallTicketCounters.last} + 1` } })
    .returning({ last: hallTicketCounters.last });
  const [row] = await tx.insert(hallTickets).values({
    centerId: cat.centerId, categoryId: cat.id, takenCategoryId: cat.id, day, seq: last, number: ticketNumber(cat.prefix, last), state: 'waiting',
    priority: t.priority, priorityGroup: t.priorityGroup, channel: t.channel, idNumber: t.idNumber, bookingId: t.bookingId,
    queuedAt: now.toISOString(), takenAt: now.toISOString(),
  }).returning();
  await appendAudit(tx, { actorId: t.actor.id, actorRole: t.actor.role, action: 'hall.ticket.take', entityType: 'hallTicket', entityId: row.id, after: { number: row.number, categoryId: cat.id, priority: row.priority, channel: row.channel, idNumber: maskIdNumber(row.idNumber) }, at: now });
  await recordEvent(tx, cat.centerId, 'take', { ticketId: row.id, number: row.number, categoryId: cat.id }, now, day);
  return row;
}

/** A ticket as the slip and the mobile page show it: people ahead and the estimated wait. */
export async function ticketStatus(ctx: AppContext, id: string) {
  const [t] = await ctx.db.select().from(hallTickets).where(eq(hallTickets.id, id));
  if (!t) throw notFound('Ticket', '号票');
  const [cat] = await ctx.db.select().from(hallCategories).where(eq(hallCategories.id, t.categoryId));
  const [center] = await ctx.db.select({ name: centers.name }).from(centers).where(eq(centers.id, t.centerId));
  const settings = await settingsFor(ctx.db, t.centerId);
  let ahead = 0;
  let estimate = 0;
  if (t.state === 'waiting') {
    // Same rule as aheadOf (rules.ts), counted in the database.
    const [a] = await rows<{ n: number }>(ctx.db, sql`
      select count(*)::int as n from hall_tickets o
       where o.center_id = ${t.centerId} and o.day = ${t.day} and o.state = 'waiting' and o.category_id = ${t.categoryId} and o.id <> ${t.id}
         and (o.priority > ${t.priority} or (o.priority = ${t.priority} and (o.queued_at < ${t.queuedAt}::timestamptz or (o.queued_at = ${t.queuedAt}::timestamptz and o.seq < ${t.seq}))))`);
    ahead = a.n;
    const [m] = await rows<{ avg: number | null; open: number }>(ctx.db, sql`
      select (select avg(extract(epoch from finished_at - started_at) / 60)::float8 from hall_tickets
               where category_id = ${t.categoryId} and day = ${t.day} and state = 'done' and started_at is not null) as avg,
             (select count(*)::int from hall_window_categories wc left join hall_window_state s on s.window_id = wc.window_id
               where wc.category_id = ${t.categoryId} and not coalesce(s.paused, false)) as open`);
    estimate = estimateWaitMinutes(ahead, m.avg, m.open, settings);
  }
  const windowNumber = t.windowId ? (await windowRow(ctx.db, t.windowId)).number : null;
  return {
    ...ticketBrief(t), centerName: center?.name ?? '', categoryName: cat?.name ?? '', priorityGroup: t.priorityGroup, day: t.day,
    ahead, estimatedWaitMinutes: estimate, windowNumber,
  };
}

export interface TicketQuery { state?: string; categoryId?: string; day?: string }

export async function listTickets(ctx: AppContext, user: SessionUser, q: TicketQuery) {
  const centerId = user.centerId;
  if (!centerId) throw forbidden();
  const list = await ctx.db.select().from(hallTickets).where(and(
    eq(hallTickets.centerId, centerId), eq(hallTickets.day, q.day ?? ctx.today()),
    q.state ? inArray(hallTickets.state, q.state.split(',') as TicketRow['state'][]) : undefined,
    q.categoryId ? eq(hallTickets.categoryId, q.categoryId) : undefined,
  )).orderBy(sql`${hallTickets.priority} desc`, asc(hallTickets.queuedAt), asc(hallTickets.seq)).limit(1000);
  return { tickets: list.map(ticketStaffView) };
}

export async function waitingCounts(q: Queryable, centerId: string, day: string): Promise<Record<string, number>> {
  const list = await rows<{ category_id: string; n: number }>(q, sql`
    select category_id, count(*)::int as n from hall_tickets where center_id = ${centerId} and day = ${day} and state = 'waiting' group by 1`);
  return Object.fromEntries(list.map((r) => [r.category_id, r.n]));
}

// ---- window actions -----------------------------------------------------------------

export interface ActionBody { ticketId?: string; toCategoryId?: string; toWindowId?: string; reason?: string; caseIds?: string[] }

export async function windowAction(ctx: AppContext, user: SessionUser, windowId: string, action: WindowAction, body: ActionBody) {
  const w = await windowRow(ctx.db, windowId);
  requireAtWindow(user, w);
  const settings = await settingsFor(ctx.db, w.centerId);
  const result = await ctx.db.transaction(async (tx) => {
    const state = await lockWindow(ctx, tx, w);
    const current = state.currentTicketId ? (await tx.select().from(hallTickets).where(eq(hallTickets.id, state.currentTicketId)).for('update'))[0] ?? null : null;
    const a: ActCtx = { ctx, tx, user, w, settings, current, paused: state.paused };
    switch (action) {
      case 'pause': return pause(a, body.reason);
      case 'resume': return setPaused(a, false, null);
      case 'callNext': return callNext(a);
      case 'recall': return recall(a, body.ticketId);
      default: return onCurrent(a, action, body);
    }
  });
  const holds = result.current;
  return {
    window: w, paused: result.paused,
    current: holds ? { ...ticketStaffView(holds), actions: ticketActions(holds, settings) } : null,
    called: (action === 'callNext' || action === 'recall') && result.ticket ? ticketBrief(result.ticket) : null,
    lastServed: action === 'finish' && result.ticket ? ticketBrief(result.ticket) : undefined,
  };
}

/** What an action leaves: the ticket it acted on, the ticket the window holds, paused or not. */
interface ActResult { ticket: TicketRow | null; current: TicketRow | null; paused: boolean }

interface ActCtx { ctx: AppContext; tx: Tx; user: SessionUser; w: { id: string; centerId: string; number: number; name: string }; settings: HallSettings; current: TicketRow | null; paused: boolean }

async function lockWindow(ctx: AppContext, tx: Tx, w: { id: string; centerId: string }) {
  // Creates the row on first use and locks it, in one statement.
  const [s] = await tx.insert(hallWindowState).values({ windowId: w.id, centerId: w.centerId, updatedAt: ctx.now().toISOString() })
    .onConflictDoUpdate({ target: hallWindowState.windowId, set: { windowId: sql`excluded.window_id` } }).returning();
  return s;
}

const busy = () => conflict('window_busy', 'Finish, skip or transfer the current ticket first', '请先办结、过号或转移当前号票');

async function pause(a: ActCtx, reason: string | undefined) {
  if (!reason?.trim()) throw badRequest('reason_required', 'Give a reason for pausing', '暂停服务须填写原因', [{ field: 'body.reason' }]);
  if (a.current) throw busy();
  return setPaused(a, true, reason.trim());
}

async function setPaused(a: ActCtx, paused: boolean, reason: string | null): Promise<ActResult> {
  const now = a.ctx.now();
  await a.tx.update(hallWindowState).set({ paused, pauseReason: reason, updatedAt: now.toISOString() }).where(eq(hallWindowState.windowId, a.w.id));
  await appendAudit(a.tx, { actorId: a.user.id, actorRole: a.user.role, action: paused ? 'hall.window.pause' : 'hall.window.resume', entityType: 'window', entityId: a.w.id, after: { paused, reason }, at: now });
  await recordEvent(a.tx, a.w.centerId, paused ? 'pause' : 'resume', { windowId: a.w.id, windowNumber: a.w.number, windowName: a.w.name, reason }, now, a.ctx.today());
  return { ticket: null, current: a.current, paused };
}

async function callNext(a: ActCtx): Promise<ActResult> {
  if (a.paused) throw conflict('window_paused', 'The window is paused: resume service first', '窗口已暂停服务，请先恢复服务');
  if (a.current) throw busy();
  const ticket = await claimNext(a);
  if (!ticket) return { ticket: null, current: null, paused: false };
  return announceCall(a, ticket, 'call', 'waiting');
}

/**
 * Claims the best waiting ticket for this window. The calling order is the pure
 * `callingOrder`; the claim takes the first of its head that no other transaction holds
 * (`FOR UPDATE SKIP LOCKED`) and that is still waiting, in one conditional UPDATE.
 */
async function claimNext(a: ActCtx): Promise<TicketRow | null> {
  const day = a.ctx.today();
  const now = a.ctx.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    // The head of each category's queue (and of the tickets sent to this window) is enough: within a category the
    // calling order is the queue order, so the window's best 16 are among each category's first 16.
    const waiting = await rows<{ id: string; category_id: string; priority: number; queued_at: string | Date; seq: number; target_window_id: string | null; prefs: string[] }>(a.tx, sql`
      with p as (select coalesce(array_agg(category_id::text order by rank), '{}') as prefs from hall_window_categories where window_id = ${a.w.id})
      select x.id, x.category_id, x.priority, x.queued_at, x.seq, x.target_window_id, p.prefs from p, (
        select t.id, t.category_id, t.priority, t.queued_at, t.seq, t.target_window_id,
               row_number() over (partition by t.category_id, t.target_window_id order by t.priority desc, t.queued_at, t.seq) as rn
          from hall_tickets t
         where t.center_id = ${a.w.centerId} and t.day = ${day} and t.state = 'waiting'
           and (t.category_id in (select category_id from hall_window_categories where window_id = ${a.w.id}) or t.target_window_id = ${a.w.id})) x
       where x.rn <= 16`);
    if (waiting.length === 0) return null;
    const prefs = waiting[0].prefs;
    const ordered = callingOrder(waiting.map((t): QueuedTicket => ({ id: t.id, categoryId: t.category_id, priority: t.priority, queuedAt: instantKey(t.queued_at), seq: t.seq, targetWindowId: t.target_window_id })), { windowId: a.w.id, categoryIds: prefs });
    for (let i = 0; i < ordered.length; i += 16) {
      const head = JSON.stringify(ordered.slice(i, i + 16).map((t) => t.id));
      // The first of the head that no other transaction holds and that is still waiting; the UPDATE re-checks the state.
      const [claimed] = await a.tx.update(hallTickets)
        .set({ state: 'called', windowId: a.w.id, targetWindowId: null, calls: 1, calledAt: now, firstCalledAt: sql`coalesce(${hallTickets.firstCalledAt}, ${now}::timestamptz)` })
        .where(sql`${hallTickets.state} = 'waiting' and ${hallTickets.id} = (
          select t.id from json_array_elements_text(${head}::json) with ordinality as x(id, ord) join hall_tickets t on t.id = x.id::uuid
           where t.state = 'waiting' order by x.ord limit 1 for update of t skip locked)`)
        .returning();
      if (claimed) return claimed;
    }
  }
  return null;
}

async function announceCall(a: ActCtx, t: TicketRow, kind: 'call' | 'recall', fromState: string): Promise<ActResult> {
  const now = a.ctx.now();
  await a.tx.update(hallWindowState).set({ currentTicketId: t.id, updatedAt: now.toISOString() }).where(eq(hallWindowState.windowId, a.w.id));
  await appendAudit(a.tx, { actorId: a.user.id, actorRole: a.user.role, action: `hall.ticket.${kind}`, entityType: 'hallTicket', entityId: t.id, before: { state: fromState }, after: { state: 'called', windowId: a.w.id, calls: t.calls }, at: now });
  await recordEvent(a.tx, a.w.centerId, kind, {
    ticketId: t.id, number: t.number, categoryId: t.categoryId, windowId: a.w.id, windowNumber: a.w.number, windowName: a.w.name, calls: t.calls,
    text: callText(t.number, a.w.number),
  }, now, a.ctx.today());
  return { ticket: t, current: t, paused: a.paused };
}

/** Calls the current ticket again, or a no-show of today who turned up (it is called at once). */
async function recall(a: ActCtx, ticketId: string | undefined): Promise<ActResult> {
  let t = a.current;
  if (ticketId && ticketId !== a.current?.id) {
    if (a.current) throw busy();
    [t] = await a.tx.select().from(hallTickets).where(eq(hallTickets.id, ticketId)).for('update');
    if (!t || t.centerId !== a.w.centerId) throw notFound('Ticket', '号票');
    if (t.day !== a.ctx.today()) throw conflict('wrong_day', 'Only today’s tickets can be recalled', '只能重呼当天的号票');
  }
  if (!t) throw conflict('no_current_ticket', 'The window has no ticket to recall', '窗口当前没有可重呼的号票');
  const step = transition('recall', t, a.settings);
  if ('refused' in step) throw refusal(step.refused);
  const fromState = t.state;
  const [u] = await a.tx.update(hallTickets).set({ state: 'called', windowId: a.w.id, calls: fromState === 'called' ? sql`${hallTickets.calls} + 1` : 1, calledAt: a.ctx.now().toISOString() })
    .where(eq(hallTickets.id, t.id)).returning();
  return announceCall(a, u, 'recall', fromState);
}

const refusal = (r: { code: string; en: string; zh: string }) => new AppError(409, r.code, r.en, r.zh);

async function onCurrent(a: ActCtx, action: 'skip' | 'transfer' | 'start' | 'finish', body: ActionBody): Promise<ActResult> {
  const t = a.current;
  if (!t) throw conflict('no_current_ticket', 'The window holds no ticket', '窗口当前没有号票');
  const step = transition(action as TicketAction, t, a.settings);
  if ('refused' in step) throw refusal(step.refused);
  const now = a.ctx.now();
  const at = now.toISOString();
  let set: Partial<typeof hallTickets.$inferInsert> = { state: step.to };
  let release = true;
  if (action === 'start') { set = { ...set, startedAt: at, servedBy: a.user.id }; release = false; }
  if (action === 'finish') set = { ...set, finishedAt: at, startedAt: t.startedAt ?? t.calledAt, servedBy: t.servedBy ?? a.user.id, caseIds: await checkedCases(a, body.caseIds ?? []) };
  if (action === 'transfer') set = { ...set, ...(await transferTarget(a, body)), windowId: null, calls: 0, startedAt: null, transfers: t.transfers + 1 };
  const [u] = await a.tx.update(hallTickets).set(set).where(eq(hallTickets.id, t.id)).returning();
  if (release) await a.tx.update(hallWindowState).set({ currentTicketId: null, updatedAt: at }).where(eq(hallWindowState.windowId, a.w.id));
  else await a.tx.update(hallWindowState).set({ updatedAt: at }).where(eq(hallWindowState.windowId, a.w.id));
  await appendAudit(a.tx, { actorId: a.user.id, actorRole: a.user.role, action: `hall.ticket.${action}`, entityType: 'hallTicket', entityId: t.id, before: { state: t.state, categoryId: t.categoryId }, after: { ...set, caseIds: u.caseIds }, at: now });
  await recordEvent(a.tx, a.w.centerId, action, {
    ticketId: t.id, number: t.number, categoryId: u.categoryId, windowId: a.w.id, windowNumber: a.w.number, windowName: a.w.name,
  }, now, a.ctx.today());
  return { ticket: u, current: release ? null : u, paused: a.paused };
}

async function transferTarget(a: ActCtx, body: ActionBody) {
  if (!body.toCategoryId && !body.toWindowId) throw badRequest('transfer_target', 'Name a category or a window to transfer to', '请选择转移到的业务类别或窗口', [{ field: 'body.toCategoryId' }]);
  const out: { categoryId?: string; targetWindowId: string | null } = { targetWindowId: null };
  if (body.toCategoryId) {
    const [c] = await a.tx.select().from(hallCategories).where(eq(hallCategories.id, body.toCategoryId));
    if (!c || c.centerId !== a.w.centerId || !c.active) throw badRequest('unknown_category', 'Not an active category of this center', '不是本中心启用的业务类别', [{ field: 'body.toCategoryId' }]);
    out.categoryId = c.id;
  }
  if (body.toWindowId) {
    const target = await windowRow(a.tx, body.toWindowId).catch(() => null);
    if (!target || target.centerId !== a.w.centerId || target.id === a.w.id) throw badRequest('unknown_window', 'Not another window of this center', '不是本中心的其他窗口', [{ field: 'body.toWindowId' }]);
    out.targetWindowId = target.id;
  }
  return out;
}

/** Cases filed while serving the ticket: they must exist and belong to this center. */
async function checkedCases(a: ActCtx, caseIds: string[]) {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return [];
  const found = await rows<{ id: string }>(a.tx, sql`select id from cases where center_id = ${a.w.centerId} and id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`);
  if (found.length !== ids.length) throw badRequest('unknown_case', 'A linked case is not one of this center', '关联的办件不存在或不属于本中心', [{ field: 'body.caseIds' }]);
  return ids;
}
