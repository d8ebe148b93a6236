import { ID_TYPES } from '../core/identity/index.js';
import { Type } from '@sinclair/typebox';
import { BusinessDate, Int, Pattern, Text } from '../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { startEventStream } from '../core/sse.js';
import { AppError, badRequest } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { HallBus, eventsAfter, type HallEvent } from './bus.js';
import { boardSnapshot } from './board.js';
import { bookingPrefill, cancelBooking, checkInBooking, createBooking, listBookings, listServiceDays, listSlots, putServiceDay, setSlotCapacity } from './booking.js';
import { listCategories, listTickets, listWindows, requireCenterAdmin, resolveCenter, saveCategory, setWindowCategories, takeTicket, ticketStatus, windowAction, windowView } from './service.js';
import { settingsFor } from './settings.js';
import { hallSettings } from './schema.js';
import { renderSlip } from './slip.js';
import { hallStats } from './stats.js';
import { validSessions } from './rules.js';
import { WINDOW_ACTIONS, BOOKING_ACTIONS } from './types.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
/** Requests per minute and address on the public kiosk and booking routes (a hall kiosk is one address: generous by default). */
const PUBLIC_RATE = Number(process.env.BANSHI_HALL_RATE_LIMIT ?? 120);
const limited = (max: number) => ({ max, timeWindow: '1 minute' });

/** Any identity document's number: its own rules (src/core/identity) are checked in the service, with a message that names the fault. */
const IdNumber = Text(30, 1, { description: 'identity document number (居民身份证 by default; checked by the shared identity rules)' });
const HHMM = Pattern('^([01][0-9]|2[0-3]):[0-5][0-9]$');
const SessionT = Type.Object({ start: HHMM, end: HHMM });
const CategoryBody = Type.Object({
  prefix: Pattern('^[A-Z]{1,2}$'), name: Text(40, 1),
  itemCodes: Type.Optional(Type.Array(Text(40, 1), { maxItems: 500 })),
  slotCapacity: Type.Optional(Int({ minimum: 0, maximum: 500 })), active: Type.Optional(Type.Boolean()), sortOrder: Type.Optional(Int({ minimum: 0, maximum: 999 })),
});
const SettingsBody = Type.Object({
  noShowCalls: Int({ minimum: 1, maximum: 10 }), waitTargetMinutes: Int({ minimum: 1, maximum: 240 }),
  bookingHorizonDays: Int({ minimum: 0, maximum: 60 }), slotMinutes: Int({ minimum: 5, maximum: 240 }),
  sessions: Type.Array(SessionT, { minItems: 1, maxItems: 6 }),
  checkInBeforeMinutes: Int({ minimum: 0, maximum: 240 }), checkInAfterMinutes: Int({ minimum: 0, maximum: 240 }),
  cancelBeforeMinutes: Type.Optional(Int({ minimum: 0, maximum: 1440 })),
  noShowLimit: Int({ minimum: 1, maximum: 20 }), noShowWindowDays: Int({ minimum: 1, maximum: 365 }), blockDays: Int({ minimum: 1, maximum: 365 }),
  defaultServiceMinutes: Int({ minimum: 1, maximum: 120 }),
  priorityGroups: Type.Array(Type.Object({ key: Pattern('^[a-zA-Z][a-zA-Z0-9]{0,30}$'), label: Text(40, 1) }), { maxItems: 20 }),
});
const STAFF = ['receiver', 'coordinator', 'chiefRep', 'centerAdmin'] as const;
const CenterQuery = Type.Object({ centerId: Type.Optional(Uuid) });

export function hallRoutes(app: App, ctx: AppContext) {
  const bus = new HallBus(ctx.database);
  app.addHook('onClose', async () => bus.close());

  // ---- categories and windows ----
  app.get('/api/hall/categories', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'Service categories of a hall (the kiosk’s buttons), with waiting counts and the priority groups', querystring: Type.Object({ centerId: Type.Optional(Uuid), all: Type.Optional(Type.Boolean()) }), response: errors(400, 404) },
  }, async (req) => {
    const centerId = await resolveCenter(ctx, req.query.centerId, req.user);
    const all = req.query.all === true && req.user?.role === 'centerAdmin' && req.user.centerId === centerId;
    return listCategories(ctx, centerId, all);
  });
  app.post('/api/hall/categories', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['hall'], summary: 'Add a service category', body: CategoryBody, response: errors(400, 401, 403, 409) },
  }, async (req, reply) => reply.status(201).send(await saveCategory(ctx, currentUser(req), null, req.body)));
  app.put('/api/hall/categories/:id', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['hall'], summary: 'Change a service category', params: Type.Object({ id: Uuid }), body: CategoryBody, response: errors(400, 401, 403, 404, 409) },
  }, async (req) => saveCategory(ctx, currentUser(req), req.params.id, req.body));

  app.get('/api/hall/windows', {
    config: { policy: STAFF },
    schema: { tags: ['hall'], summary: 'The windows of my center: categories served, paused, current ticket', response: errors(401, 403) },
  }, async (req) => listWindows(ctx, currentUser(req).centerId ?? ''));
  app.get('/api/hall/windows/:id', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'A window’s screen: its current ticket and the one it served last (public view; staff get the actions)', params: Type.Object({ id: Uuid }), response: errors(400, 404) },
  }, async (req) => {
    const staff = !!req.user && (req.user.windowId === req.params.id || req.user.role === 'centerAdmin');
    return windowView(ctx, req.params.id, staff);
  });
  app.put('/api/hall/windows/:id/categories', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['hall'], summary: 'The categories a window serves, in order of preference', params: Type.Object({ id: Uuid }), body: Type.Object({ categoryIds: Type.Array(Uuid, { maxItems: 50 }) }), response: errors(400, 401, 403, 404) },
  }, async (req) => setWindowCategories(ctx, currentUser(req), req.params.id, req.body.categoryIds));

  app.post('/api/hall/windows/:id/actions/:action', {
    config: { policy: STAFF },
    schema: {
      tags: ['hall'], summary: 'Window actions: callNext, recall, skip, transfer, start, finish, pause, resume',
      params: Type.Object({ id: Uuid, action: literal(WINDOW_ACTIONS) }),
      body: Type.Optional(Type.Object({
        ticketId: Type.Optional(Uuid), toCategoryId: Type.Optional(Uuid), toWindowId: Type.Optional(Uuid),
        reason: Type.Optional(Text(200)), caseIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
      })),
      response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => windowAction(ctx, currentUser(req), req.params.id, req.params.action, req.body ?? {}));

  // ---- tickets ----
  app.post('/api/hall/tickets', {
    config: { policy: 'public', rateLimit: limited(PUBLIC_RATE) },
    schema: {
      tags: ['hall'], summary: 'Take a ticket (kiosk, mobile page, or staff for a visitor); rate-limited; 409 hall_closed outside the sessions (details.next: the next opening)',
      body: Type.Object({
        centerId: Type.Optional(Uuid), categoryId: Uuid, idNumber: Type.Optional(IdNumber), idType: Type.Optional(literal(ID_TYPES)), priorityGroup: Type.Optional(Text(32)),
        channel: Type.Optional(literal(['kiosk', 'mobile', 'staff'] as const)),
      }),
      response: errors(400, 403, 404, 409, 422, 429),
    },
  }, async (req, reply) => reply.status(201).send(await takeTicket(ctx, req.user, { ...req.body, channel: req.body.channel ?? 'kiosk' })));
  app.get('/api/hall/tickets', {
    config: { policy: STAFF },
    schema: {
      tags: ['hall'], summary: 'Today’s tickets of my center (ID numbers masked)',
      querystring: Type.Object({ state: Type.Optional(Pattern('^[a-zA-Z,]{1,80}$')), categoryId: Type.Optional(Uuid), day: Type.Optional(IsoDate) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listTickets(ctx, currentUser(req), req.query));
  app.get('/api/hall/tickets/:id', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'A ticket’s progress: people ahead, estimated wait, window when called (the id is the secret)', params: Type.Object({ id: Uuid }), response: errors(400, 404) },
  }, async (req) => ticketStatus(ctx, req.params.id));
  app.get('/api/hall/tickets/:id/slip', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'The printable 80 mm ticket slip (HTML)', params: Type.Object({ id: Uuid }), response: errors(400, 404) },
  }, async (req, reply) => {
    const t = await ticketStatus(ctx, req.params.id);
    const html = await renderSlip({ ...t, statusUrl: `${ctx.config.publicUrl ?? origin(req)}/hall/ticket/${t.id}`, timeZone: ctx.config.timeZone });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  // ---- boards ----
  app.get('/api/hall/board', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'A hall board’s state: recent calls, windows, waiting per category, the event id to stream from', querystring: CenterQuery, response: errors(400, 404) },
  }, async (req) => boardSnapshot(ctx, await resolveCenter(ctx, req.query.centerId, req.user)));

  app.get('/api/hall/stream', {
    config: { policy: 'public' },
    schema: {
      tags: ['hall'], summary: 'Board feed (text/event-stream): `hall` events with ids; resumes after `Last-Event-ID` (header, or `lastEventId` query)',
      querystring: Type.Object({ centerId: Type.Optional(Uuid), lastEventId: Type.Optional(Int({ minimum: 0 })) }), response: errors(400, 404),
    },
  }, async (req, reply) => {
    const centerId = await resolveCenter(ctx, req.query.centerId, req.user);
    const header = req.headers['last-event-id'];
    const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
    const resumeFrom = fromHeader ?? req.query.lastEventId;
    await bus.ready(centerId);
    let unsubscribe = () => {};
    const res = startEventStream(req, reply, 2000, () => unsubscribe());
    let sent = resumeFrom ?? 0;
    let buffer: HallEvent[] | null = [];
    const send = (e: HallEvent) => {
      if (e.id <= sent) return;
      sent = e.id;
      res.write(`id: ${e.id}\nevent: hall\ndata: ${JSON.stringify({ id: e.id, kind: e.kind, at: e.at, ...e.data })}\n\n`);
    };
    unsubscribe = await bus.subscribe(centerId, (e) => (buffer ? buffer.push(e) : send(e)));
    try {
      if (resumeFrom !== undefined) {
        for (const e of await eventsAfter(ctx.db, centerId, resumeFrom)) send(e);
      } else {
        const snap = await boardSnapshot(ctx, centerId);
        sent = snap.lastEventId;
        res.write(`id: ${snap.lastEventId}\nevent: snapshot\ndata: ${JSON.stringify(snap)}\n\n`);
      }
      const pending = buffer;
      buffer = null;
      for (const e of pending.sort((a, b) => a.id - b.id)) send(e);
    } catch (err) {
      req.log.error(err);
      res.end();
    }
  });

  // ---- appointments ----
  app.get('/api/hall/slots', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'Booking slots of a category (one day, or today through the horizon) with places left', querystring: Type.Object({ categoryId: Uuid, day: Type.Optional(IsoDate) }), response: errors(400, 404) },
  }, async (req) => listSlots(ctx, req.query.categoryId, req.query.day));
  app.put('/api/hall/slots/:id', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['hall'], summary: 'Set a slot’s capacity', params: Type.Object({ id: Uuid }), body: Type.Object({ capacity: Int({ minimum: 0, maximum: 500 }) }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => setSlotCapacity(ctx, currentUser(req), req.params.id, req.body.capacity));

  app.post('/api/hall/bookings', {
    config: { policy: 'public', rateLimit: limited(Math.max(10, Math.floor(PUBLIC_RATE / 4))) },
    schema: {
      tags: ['hall'], summary: 'Book a slot (one per person, category and day; refused while blocked for no-shows); rate-limited',
      body: Type.Object({
        slotId: Uuid, name: Text(50, 1),
        // Checked in the service by src/core/identity (422 naming the field), like every other form.
        idNumber: Text(30, 1), idType: Type.Optional(literal(ID_TYPES)), phone: Text(20, 1),
      }),
      response: errors(400, 403, 404, 409, 422, 429),
    },
  }, async (req, reply) => reply.status(201).send(await createBooking(ctx, req.user, req.body)));
  app.get('/api/hall/bookings/prefill', {
    config: { policy: ['applicant'] },
    schema: { tags: ['hall'], summary: 'The signed-in citizen’s name, ID number and phone to prefill the booking form (their own data, unmasked)', response: errors(401, 403) },
  }, async (req) => bookingPrefill(ctx, currentUser(req)));
  app.get('/api/hall/bookings', {
    config: { policy: ['applicant', ...STAFF] },
    schema: { tags: ['hall'], summary: '我的预约 (applicant: bookings made while signed in, or anonymously with the account’s ID number; with category, center and whether it may still be cancelled) or the center’s bookings of a day (staff; personal data masked)', querystring: Type.Object({ day: Type.Optional(IsoDate), status: Type.Optional(Pattern('^[a-zA-Z,]{1,60}$')) }), response: errors(400, 401, 403) },
  }, async (req) => listBookings(ctx, currentUser(req), req.query));
  app.post('/api/hall/bookings/:id/actions/:action', {
    config: { policy: 'public', rateLimit: limited(Math.max(10, Math.floor(PUBLIC_RATE / 2))) },
    schema: {
      tags: ['hall'], summary: 'Cancel a booking, or check in (within the slot’s window: becomes a priority ticket). `:id` is the booking id or its code; without a staff session give the ID number',
      params: Type.Object({ id: Type.Union([Uuid, Pattern('^[A-Za-z0-9]{8}$', { description: 'or the booking code' })]), action: literal(BOOKING_ACTIONS) }),
      body: Type.Optional(Type.Object({ idNumber: Type.Optional(IdNumber) })),
      response: errors(400, 404, 409, 422, 429),
    },
  }, async (req) => (req.params.action === 'cancel'
    ? cancelBooking(ctx, req.user, req.params.id, req.body?.idNumber)
    : checkInBooking(ctx, req.user, req.params.id, req.body?.idNumber)));

  // ---- settings and service days ----
  app.get('/api/hall/settings', {
    config: { policy: STAFF },
    schema: { tags: ['hall'], summary: 'My center’s hall settings (defaults where never set)', response: errors(401, 403) },
  }, async (req) => settingsFor(ctx.db, currentUser(req).centerId ?? ''));
  app.put('/api/hall/settings', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['hall'], summary: 'Change my center’s hall settings', body: SettingsBody, response: errors(400, 401, 403) },
  }, async (req) => {
    const user = currentUser(req);
    const centerId = user.centerId ?? '';
    requireCenterAdmin(user, centerId);
    if (!validSessions(req.body.sessions)) throw badRequest('bad_sessions', 'Sessions must be HH:MM ranges that do not overlap', '办公时段须为互不重叠的“时:分”区间', [{ field: 'body.sessions' }]);
    await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      await tx.insert(hallSettings).values({ centerId, settings: req.body, updatedAt: now.toISOString() })
        .onConflictDoUpdate({ target: hallSettings.centerId, set: { settings: req.body, updatedAt: now.toISOString() } });
      await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'hall.settings.set', entityType: 'hallSettings', entityId: centerId, after: req.body, at: now });
    });
    return settingsFor(ctx.db, centerId);
  });
  app.get('/api/hall/service-days', {
    config: { policy: 'public' },
    schema: { tags: ['hall'], summary: 'Extended-hours and weekend service days from today on', querystring: CenterQuery, response: errors(400, 404) },
  }, async (req) => listServiceDays(ctx, await resolveCenter(ctx, req.query.centerId, req.user)));
  app.put('/api/hall/service-days/:day', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['hall'], summary: 'Set a 延时服务 (working day, extra sessions) or 周末服务 (rest day or holiday, opened) day',
      params: Type.Object({ day: BusinessDate() }), body: Type.Object({ kind: literal(['extended', 'weekend'] as const), sessions: Type.Array(SessionT, { minItems: 1, maxItems: 4 }), note: Type.Optional(Text(100)) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => putServiceDay(ctx, currentUser(req), req.params.day, req.body));

  // ---- statistics ----
  app.get('/api/hall/stats', {
    config: { policy: ['centerAdmin', 'supervisor', 'leader', 'chiefRep'] },
    schema: { tags: ['hall'], summary: 'Hall statistics: waiting now, wait and service time per hour/category/window, share within the wait target, no-shows, bookings kept', querystring: Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }), response: errors(400, 401, 403) },
  }, async (req) => {
    const user = currentUser(req);
    if (!user.centerId) throw new AppError(403, 'forbidden', 'No center', '无所属中心');
    const to = req.query.to ?? ctx.today();
    const from = req.query.from ?? to;
    if (from > to) throw badRequest('bad_period', '`from` is after `to`', '开始日期晚于结束日期', [{ field: 'query.from' }]);
    return hallStats(ctx, user.centerId, from, to);
  });
}
