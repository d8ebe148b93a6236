import { Type } from '@sinclair/typebox';
import type { AppContext } from '../core/context.js';
import { currentUser } from '../core/auth/policy.js';
import { Text } from '../core/formats.js';
import { errors, type App } from '../core/http.js';
import { usableLicences } from './use.js';

/** 免证办: which materials of an item the applicant's valid e-licences satisfy. */
export function licenceUseRoutes(app: App, ctx: AppContext) {
  app.get('/api/licences/usable', {
    config: { policy: ['applicant', 'receiver'] },
    schema: {
      tags: ['licences'], summary: '免证办: the materials of an item that the applicant\'s valid e-licences satisfy (a receiver gives the applicant\'s ID number; own center\'s licences only)',
      querystring: Type.Object({ itemCode: Text(64, 1), idNumber: Type.Optional(Text(30, 1)) }), response: errors(400, 401, 403, 422),
    },
  }, async (req) => usableLicences(ctx, currentUser(req), req.query.itemCode, req.query.idNumber));
}
