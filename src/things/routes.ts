import { Type } from '@sinclair/typebox';
import { Int, Pattern, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Paging, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { ITEM_ACTIONS } from '../catalog/rules.js';
import { AnswersSchema, ThingSchema } from './thingSchema.js';
import { actOnThing, createThingForUser, getThing, listThings, updateThing } from './service.js';
import { getPublicThing, listPublicThings, planThing } from './public.js';
import { bundleRoutes } from './bundleRoutes.js';

/** Who may read and edit things: as the catalog (center admins; department staff for their own lead department). */
const READERS = ['centerAdmin', 'coordinator', 'handler', 'chiefRep', 'leader'] as const;
const EDITORS = ['centerAdmin', 'coordinator', 'chiefRep', 'leader'] as const;
/** A thing's portal address: newborn, restaurant-opening… */
export const ThingCode = Pattern('^[a-z][a-z0-9-]{1,39}$', { maxLength: 40 });
const IdParams = Type.Object({ id: Uuid });

export function thingRoutes(app: App, ctx: AppContext) {
  bundleRoutes(app, ctx);

  app.get('/api/public/things', {
    config: { policy: 'public' },
    schema: { tags: ['public'], summary: '一件事一次办: the published things, grouped by life event (个人 then 企业)', response: errors(400) },
  }, async () => listPublicThings(ctx));

  app.get('/api/public/things/:code', {
    config: { policy: 'public' },
    schema: { tags: ['public'], summary: 'The guide of one thing: questionnaire, items, one material list, one form, promised total', params: Type.Object({ code: ThingCode }), response: errors(400, 404) },
  }, async (req) => getPublicThing(ctx, req.params.code));

  app.post('/api/public/things/:code/plan', {
    config: { policy: 'public' },
    schema: {
      tags: ['public'], summary: 'Answers → the chosen items, materials and fields, the promised total and the day it ends if filed today',
      params: Type.Object({ code: ThingCode }), body: Type.Object({ answers: AnswersSchema }, { additionalProperties: false }),
      response: errors(400, 404, 422),
    },
  }, async (req) => planThing(ctx, req.params.code, req.body.answers));

  app.get('/api/things', {
    config: { policy: READERS },
    schema: { tags: ['things'], summary: 'Things in my scope (every status)', querystring: Type.Object({ q: Type.Optional(Text(100)), ...Paging }), response: errors(400, 401, 403) },
  }, async (req) => listThings(ctx, currentUser(req), { q: req.query.q, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }));

  app.post('/api/things', {
    config: { policy: EDITORS },
    schema: { tags: ['things'], summary: 'Create a thing (version 1, draft)', body: Type.Object({ code: ThingCode, data: ThingSchema }, { additionalProperties: false }), response: errors(400, 401, 403, 409, 422) },
  }, async (req, reply) => reply.status(201).send(await createThingForUser(ctx, currentUser(req), req.body.code, req.body.data)));

  app.get('/api/things/:id', {
    config: { policy: READERS },
    schema: { tags: ['things'], summary: 'One thing with its versions and what would stop its publication', params: IdParams, response: errors(400, 401, 403, 404) },
  }, async (req) => getThing(ctx, currentUser(req), req.params.id));

  app.put('/api/things/:id', {
    config: { policy: EDITORS },
    schema: {
      tags: ['things'], summary: 'Edit a thing (a draft in place; otherwise a new draft version)', params: IdParams,
      body: Type.Object({ data: ThingSchema, baseVersion: Int({ minimum: 1 }) }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => updateThing(ctx, currentUser(req), req.params.id, req.body.data, req.body.baseVersion));

  app.post('/api/things/:id/actions/:action', {
    config: { policy: EDITORS },
    schema: {
      tags: ['things'], summary: 'Lifecycle as items: submit, review, reject, publish, suspend, resume, abolish',
      params: Type.Object({ id: Uuid, action: Type.Union(ITEM_ACTIONS.map((a) => Type.Literal(a))) }),
      body: Type.Optional(Type.Object({ note: Type.Optional(Text(2000)) })),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => actOnThing(ctx, currentUser(req), req.params.id, req.params.action, req.body?.note));
}
