import { Type } from '@sinclair/typebox';
import { Int, Text } from '../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { startEventStream } from '../core/sse.js';
import { board } from './board.js';
import { BoardBus } from './bus.js';
import { BOARD_ROLES, READ_ROLES } from './scope.js';
import { answerOrder, getSettings, handleAnomaly, listAccountability, listAnomalies, listSteps, putSettings, stepDocument } from './service.js';
import { RULES } from './anomalies/rules.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
/** SSE comment line that keeps proxies from closing an idle stream (connection upkeep, not domain time). */

export function supervisionRoutes(app: App, ctx: AppContext) {
  const bus = new BoardBus(ctx.database);
  app.addHook('onClose', async () => bus.close());

  app.get('/api/supervision/board', {
    config: { policy: BOARD_ROLES },
    schema: {
      tags: ['supervision'], summary: 'Supervision board: counts by light, per department and window, red/black cases, trends',
      querystring: Type.Object({ days: Type.Optional(Int({ minimum: 7, maximum: 366, default: 30 })) }), response: errors(401, 403),
    },
  }, async (req) => board(ctx, currentUser(req), req.query.days ?? 30));

  // Server-Sent Events: one `change` event whenever supervision data in the user's scope may have changed.
  app.get('/api/supervision/stream', {
    config: { policy: BOARD_ROLES },
    schema: { tags: ['supervision'], summary: 'Live board updates (text/event-stream; event `change`, data: center ids)', response: errors(401, 403) },
  }, async (req, reply) => {
    const user = currentUser(req);
    await bus.ready();
    let unsubscribe = () => {};
    const res = startEventStream(req, reply, 3000, () => unsubscribe());
    unsubscribe = await bus.subscribe((centerIds) => {
      if (centerIds.some((c) => user.centerScope.includes(c))) res.write(`event: change\ndata: ${JSON.stringify(centerIds)}\n\n`);
    });
  });

  app.get('/api/supervision/steps', {
    config: { policy: READ_ROLES },
    schema: {
      tags: ['supervision'], summary: 'Urge notices, supervision orders and violation records in your scope',
      querystring: Type.Object({ kind: Type.Optional(literal(['urge', 'order', 'violation'] as const)), open: Type.Optional(Type.Boolean()), caseId: Type.Optional(Uuid) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listSteps(ctx, currentUser(req), req.query));

  app.get('/api/supervision/steps/:id/document', {
    config: { policy: READ_ROLES },
    schema: { tags: ['supervision'], summary: 'The printable 催办单 / 督办单 / violation record (A4 HTML, QR code)', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(await stepDocument(ctx, currentUser(req), req.params.id, origin(req))));

  app.post('/api/supervision/steps/:id/answer', {
    config: { policy: ['chiefRep', 'leader', 'coordinator'] },
    schema: {
      tags: ['supervision'], summary: 'The department answers a supervision order',
      params: Type.Object({ id: Uuid }), body: Type.Object({ answer: Text(2000, 2) }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => answerOrder(ctx, currentUser(req), req.params.id, req.body.answer));

  app.get('/api/supervision/anomalies', {
    config: { policy: ['supervisor', 'centerAdmin', 'leader'] },
    schema: {
      tags: ['supervision'], summary: 'Anomalies found by the rules, with evidence',
      querystring: Type.Object({ status: Type.Optional(literal(['open', 'handled'] as const)), rule: Type.Optional(literal(Object.keys(RULES) as (keyof typeof RULES)[])) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listAnomalies(ctx, currentUser(req), req.query));

  app.post('/api/supervision/anomalies/:id/handle', {
    config: { policy: ['supervisor'] },
    schema: {
      tags: ['supervision'], summary: 'Mark an anomaly handled with a note (never deleted)',
      params: Type.Object({ id: Uuid }), body: Type.Object({ note: Text(2000, 2) }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => handleAnomaly(ctx, currentUser(req), req.params.id, req.body.note));

  app.get('/api/supervision/accountability', {
    config: { policy: READ_ROLES },
    schema: { tags: ['supervision'], summary: 'Accountability records (问责记录) in your scope', response: errors(401, 403) },
  }, async (req) => listAccountability(ctx, currentUser(req)));

  const Settings = Type.Object({
    yellowShare: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
    minYellowDays: Int({ minimum: 0, maximum: 30 }),
    orderAnswerDays: Int({ minimum: 1, maximum: 30 }),
  });
  app.get('/api/supervision/settings', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: { tags: ['supervision'], summary: 'My center’s supervision settings (defaults when never set)', response: { 200: Settings, ...errors(401, 403) } },
  }, async (req) => getSettings(ctx, currentUser(req)));

  app.put('/api/supervision/settings', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['supervision'], summary: 'Change my center’s supervision settings', body: Settings, response: { 200: Settings, ...errors(400, 401, 403) } },
  }, async (req) => putSettings(ctx, currentUser(req), req.body));
}
