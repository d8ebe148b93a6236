/** 一件事 bundle cases: filing, the list, the progress view, and the public progress query. */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Paging, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { ID_TYPES } from '../core/identity/index.js';
import { AnswersSchema } from './thingSchema.js';
import { fileBundle } from './bundleFile.js';
import { BUNDLE_READERS, bundleView, listBundles, publicBundleProgress } from './bundleView.js';
import { BUNDLE_STATES } from './types.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const NewBundleBody = Type.Object({
  thingCode: Text(40, 1),
  answers: AnswersSchema,
  formData: Type.Record(Text(64), Type.Unknown(), { maxProperties: 100 }),
  materials: Type.Array(Type.Object({ key: Text(120, 1), fileId: Uuid }, { additionalProperties: false }), { maxItems: 60 }),
  channel: literal(['online', 'window'] as const),
  /** Required at the window; an applicant filing online applies as their own account. */
  applicant: Type.Optional(Type.Object({
    kind: literal(['person', 'organization'] as const),
    name: Text(100, 1),
    idNumber: Text(30, 1, { description: 'ID document number or unified social credit code; checked by src/core/identity' }),
    idType: Type.Optional(literal(ID_TYPES)),
    phone: Text(20, 1, { description: '11-digit mobile' }),
  }, { additionalProperties: false })),
  deliverTogether: Type.Optional(Type.Boolean({ description: 'Hand all results over together (default) or each as it is ready' })),
}, { additionalProperties: false });

const Part = Type.Object({ itemCode: Type.String(), itemName: Type.String(), state: Type.String(), caseId: Type.Union([Type.String(), Type.Null()]), caseNo: Type.Union([Type.String(), Type.Null()]) });

export function bundleRoutes(app: App, ctx: AppContext) {
  app.post('/api/bundles', {
    config: { policy: ['applicant', 'receiver'] },
    schema: {
      tags: ['things'], summary: '一件事: one application of a thing (online by the applicant, at the 综合窗口 by a receiver); starts the cases of the items that wait for nothing',
      body: NewBundleBody,
      response: { 201: Type.Object({ id: Type.String(), bundleNo: Type.String(), queryCode: Type.String(), state: Type.String(), parts: Type.Array(Part) }), ...errors(400, 401, 403, 422) },
    },
  }, async (req, reply) => reply.status(201).send(await fileBundle(ctx, currentUser(req), req.body, origin(req))));

  app.get('/api/bundles', {
    config: { policy: BUNDLE_READERS },
    schema: {
      tags: ['things'], summary: 'Bundle cases in my scope (applicant: mine; center staff: the center’s; department staff: those with a part in my department)',
      querystring: Type.Object({ state: Type.Optional(literal(BUNDLE_STATES)), ...Paging }), response: errors(400, 401, 403),
    },
  }, async (req) => listBundles(ctx, currentUser(req), { state: req.query.state, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }));

  app.get('/api/bundles/:id', {
    config: { policy: BUNDLE_READERS },
    schema: { tags: ['things'], summary: 'The progress view of one bundle case: its parts, their cases, refusals and what they mean for the rest', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => bundleView(ctx, currentUser(req), req.params.id));

  app.get('/api/public/bundles/:bundleNo', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'], summary: '一件事 progress query by number and query code (masked)',
      params: Type.Object({ bundleNo: Text(40, 1) }), querystring: Type.Object({ queryCode: Text(20, 1) }), response: errors(400, 404, 429),
    },
  }, async (req) => publicBundleProgress(ctx, req.params.bundleNo, req.query.queryCode));
}
