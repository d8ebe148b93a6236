import { Type } from '@sinclair/typebox';
import { Text } from '../../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { errors, Uuid, type App } from '../../core/http.js';
import { currentUser } from '../../core/auth/policy.js';
import { STAFF_ROLES } from '../../core/auth/roles.js';
import { issueSheet, readPaperwork, recordDefect } from './service.js';

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export function paperworkRoutes(app: App, ctx: AppContext) {
  app.get('/api/cases/:id/paperwork', {
    config: { policy: STAFF_ROLES },
    schema: { tags: ['cases'], summary: 'The case’s internal route (hand-overs signed who/when/opinion), its steps and the material defects found in review', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => readPaperwork(ctx, currentUser(req), req.params.id));

  app.post('/api/cases/:id/paperwork/:kind', {
    config: { policy: STAFF_ROLES },
    schema: {
      tags: ['cases'], summary: 'Issue the 全程承办单 (routeSheet) or 内部审批过程控制单 (controlSheet) as an immutable A4 document; each issue is a new document',
      params: Type.Object({ id: Uuid, kind: Type.Union([Type.Literal('routeSheet'), Type.Literal('controlSheet')]) }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => issueSheet(ctx, currentUser(req), req.params.id, req.params.kind, origin(req)));

  app.post('/api/cases/:id/defects', {
    config: { policy: STAFF_ROLES },
    schema: {
      tags: ['cases'], summary: 'Record a material defect found in review against the current step (材料审查记录)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ materialId: Text(100, 1), defect: Text(1000, 2), correction: Text(1000, 2) }),
      response: errors(400, 401, 403, 404, 422),
    },
  }, async (req) => recordDefect(ctx, currentUser(req), req.params.id, req.body));
}
