import { Type } from '@sinclair/typebox';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { licenceReport } from './licences.js';

const STATS_ROLES = ['centerAdmin', 'supervisor', 'leader'] as const;

/** The statistics report's e-licence section (its Excel sheet is in GET /api/stats/report.xlsx). */
export function licenceStatsRoutes(app: App, ctx: AppContext) {
  app.get('/api/stats/licences', {
    config: { policy: STATS_ROLES },
    schema: {
      tags: ['stats'],
      summary: 'E-licences issued per type and issuing department in a period (revoked / superseded among them), and 免提交率: the share of applications with a material taken from an e-licence',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: Type.Optional(Uuid) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => licenceReport(ctx, currentUser(req), req.query));
}
