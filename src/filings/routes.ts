import { Type } from '@sinclair/typebox';
import { Int, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { confirmFiling, listFilings, overturnFiling } from './service.js';

export function filingRoutes(app: App, ctx: AppContext) {
  app.get('/api/filings', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: {
      tags: ['filings'], summary: 'Negative filings (否定备案): refusals, returns and denials for review',
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('overturned')])) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listFilings(ctx, currentUser(req), req.query.status));

  app.post('/api/filings/:id/confirm', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['filings'], summary: 'Confirm a refusal/return/denial', params: Type.Object({ id: Uuid }), body: Type.Object({ note: Text(2000, 0, { default: '' }) }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => confirmFiling(ctx, currentUser(req), req.params.id, req.body.note));

  app.post('/api/filings/:id/overturn', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['filings'], summary: 'Overturn it: the case reopens and the department must redo it within N working days',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ note: Text(2000, 1), redoWorkingDays: Int({ minimum: 1, maximum: 60 }) }),
      response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => overturnFiling(ctx, currentUser(req), req.params.id, req.body.note, req.body.redoWorkingDays));
}
