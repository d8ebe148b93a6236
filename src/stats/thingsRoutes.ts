import { Type } from '@sinclair/typebox';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { thingsReport } from './things.js';

const STATS_ROLES = ['centerAdmin', 'supervisor', 'leader'] as const;

/** The statistics report's 一件事 section (its Excel sheet is in GET /api/stats/report.xlsx). */
export function thingStatsRoutes(app: App, ctx: AppContext) {
  app.get('/api/stats/things', {
    config: { policy: STATS_ROLES },
    schema: {
      tags: ['stats'],
      summary: '一件事 per thing for a period: filed, ended, completed, on-time share, average and longest end-to-end working days vs the promised total vs the sum of the parts, running by light, ratings of the whole (好评率)',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: Type.Optional(Uuid) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => thingsReport(ctx, currentUser(req), req.query));
}
