import { Type } from '@sinclair/typebox';
import { Id, Int } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { BOARD_ROLES } from './scope.js';
import { BUNDLE_LIGHTS, runningBundles } from './things.js';

/** 一件事 on the supervision board (issue 24): the running bundles and their lights. The per-thing figures come with GET /api/supervision/board (`things`). */
export function thingSupervisionRoutes(app: App, ctx: AppContext) {
  app.get('/api/supervision/things', {
    config: { policy: BOARD_ROLES },
    schema: {
      tags: ['supervision'],
      summary: 'Running 一件事 bundle cases in your scope with their lights (red: past the promised total; yellow: in its last working days by the center\'s yellow share), red first',
      querystring: Type.Object({
        thingId: Type.Optional(Id()),
        light: Type.Optional(Type.Union(BUNDLE_LIGHTS.map((l) => Type.Literal(l)))),
        page: Int({ minimum: 1, maximum: 1000, default: 1 }),
        pageSize: Int({ minimum: 1, maximum: 100, default: 20 }),
      }),
      response: errors(400, 401, 403),
    },
  }, async (req) => runningBundles(ctx, currentUser(req), req.query));
}
