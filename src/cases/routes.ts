import { Type } from '@sinclair/typebox';
import { Int, Pattern, Text } from '../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { ROLES } from '../core/auth/roles.js';
import { actOnCase, createCase } from './service.js';
import { caseView, departmentStaff, documentHtml, listCases, publicProgress } from './view.js';
import { ACTION_BODIES } from './bodies.js';
import { CASE_ACTIONS, CHANNELS } from './types.js';
import { jointRoutes } from './joint/routes.js';
import { cachedPage, scopeKey } from './worklistCache.js';
import { calendarWarning } from './recalc.js';
import { ID_TYPES } from '../core/identity/index.js';
import { CoApplicantBody } from '../core/identity/schema.js';

const ANYONE_SIGNED_IN = ROLES; // each route still narrows by case scope in the service
const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const NewCaseBody = Type.Object({
  itemCode: Text(40, 1),
  /** Required from window staff; applicants filing online apply as their own account. */
  applicant: Type.Optional(Type.Object({
    kind: literal(['person', 'organization'] as const),
    name: Text(100, 1),
    idNumber: Text(30, 1, { description: 'ID document number (GB 11643 for 居民身份证) or unified social credit code (GB 32100); checked by src/core/identity' }),
    idType: Type.Optional(literal(ID_TYPES)),
    phone: Text(20, 1, { description: '11-digit mobile' }),
  })),
  channel: literal(CHANNELS),
  coApplicants: Type.Optional(Type.Array(CoApplicantBody, { maxItems: 9, description: 'Items whose law names several applicants (catalog coApplicants): the further persons' })),
  formData: Type.Optional(Type.Record(Text(64), Type.Unknown(), { maxProperties: 100 })),
  materials: Type.Optional(Type.Array(Type.Object({ materialId: Text(64, 1), fileId: Type.Optional(Uuid), licenceId: Type.Optional(Uuid), consent: Type.Optional(Type.Boolean()) }), { maxItems: 60 })),
});

export function caseRoutes(app: App, ctx: AppContext) {
  app.get('/api/calendar/warning', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: { tags: ['calendar'], summary: 'From 1 October: whether next year is published, and the open cases whose due dates lie in a fallback year', response: errors(401, 403) },
  }, async (req) => calendarWarning(ctx, currentUser(req)));

  app.post('/api/cases', {
    config: { policy: ['applicant', 'receiver'] },
    schema: {
      tags: ['cases'], summary: 'Submit an application (online by the applicant, at the window by a receiver)', body: NewCaseBody,
      response: { 201: Type.Object({ id: Type.String(), caseNo: Type.String(), queryCode: Type.String(), state: Type.String() }), ...errors(400, 401, 403, 422) },
    },
  }, async (req, reply) => reply.status(201).send(await createCase(ctx, currentUser(req), req.body, { origin: origin(req) })));

  app.get('/api/cases', {
    config: { policy: ANYONE_SIGNED_IN },
    schema: {
      tags: ['cases'], summary: 'Worklist / my cases, most urgent first, keyset-paged',
      querystring: Type.Object({
        state: Type.Optional(Pattern('^[a-zA-Z,]+$', { maxLength: 200 })), light: Type.Optional(literal(['green', 'yellow', 'red', 'black'] as const)),
        assignee: Type.Optional(Type.Literal('me')), q: Type.Optional(Text(100)), cursor: Type.Optional(Text(200)),
        limit: Type.Optional(Int({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: errors(400, 401, 403),
    },
  }, async (req, reply) => {
    const user = currentUser(req);
    const q = { ...req.query, limit: req.query.limit ?? 50 };
    const key = `${scopeKey(user, q.assignee === 'me')}|${ctx.today()}|${JSON.stringify(q)}`;
    return reply.type('application/json; charset=utf-8').send(await cachedPage(key, () => listCases(ctx, user, q)));
  });

  app.get('/api/cases/staff', {
    config: { policy: ['coordinator', 'handler', 'chiefRep', 'leader'] },
    schema: { tags: ['cases'], summary: 'Staff of my department (to assign or hand over)', querystring: Type.Object({ role: Type.Optional(literal(ROLES)) }), response: errors(401, 403) },
  }, async (req) => departmentStaff(ctx, currentUser(req), req.query.role));

  jointRoutes(app, ctx);

  app.get('/api/cases/:id', {
    config: { policy: ANYONE_SIGNED_IN },
    schema: { tags: ['cases'], summary: 'One case with its clock, events, documents and the actions you may take', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => caseView(ctx, currentUser(req), req.params.id));

  app.post('/api/cases/:id/actions/:action', {
    config: { policy: ANYONE_SIGNED_IN },
    schema: {
      tags: ['cases'],
      summary: 'Act on a case',
      description: `Actions and their bodies (all also carry \`version\`): ${CASE_ACTIONS.map((a) => `\`${a}\``).join(', ')}. Wrong state → 409 invalid_transition; stale version → 409 version_conflict; role/scope → 403.`,
      params: Type.Object({ id: Uuid, action: literal(CASE_ACTIONS) }),
      body: Type.Intersect([Type.Object({ version: Int({ minimum: 1 }) }), Type.Union(Object.values(ACTION_BODIES))]),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => {
    const user = currentUser(req);
    await actOnCase(ctx, user, req.params.id, req.params.action, req.body as Record<string, unknown>, origin(req));
    return caseView(ctx, user, req.params.id);
  });

  app.get('/api/cases/:id/documents/:docId', {
    config: { policy: ANYONE_SIGNED_IN },
    schema: { tags: ['cases'], summary: 'A printable notice (A4 HTML with a QR code)', params: Type.Object({ id: Uuid, docId: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(await documentHtml(ctx, req.user, req.params.id, req.params.docId)));

  app.get('/api/public/progress', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'], summary: 'Progress query by case number and query code (masked)',
      querystring: Type.Object({ caseNo: Text(40, 1), queryCode: Text(20, 1) }),
      response: errors(400, 404, 429),
    },
  }, async (req) => publicProgress(ctx, req.query.caseNo, req.query.queryCode));
}
