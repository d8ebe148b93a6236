import { Type } from '@sinclair/typebox';
import { Int } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { CASE_KINDS } from '../catalog/types.js';
import { CHANNELS } from '../cases/types.js';
import { dimensions, publicReport, staffReport, type ReportQuery } from './service.js';
import { GROUP_BYS, PUBLIC_GROUP_BYS } from './types.js';
import { reportWorkbook } from './excel.js';
import { publicBoard } from './board.js';
import { addFeedbackSheet, feedbackCenters } from '../feedback/excel.js';
import { addHallSheet } from '../hall/excel.js';
import { addCatalogSheet, catalogReport } from './catalog.js';
import { addFeeSheet } from '../fees/excel.js';
import { feeTotals } from '../fees/service.js';
import { addThingsSheet, thingsReport } from './things.js';
import { addLicenceSheet, licenceReport } from './licences.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATS_ROLES = ['centerAdmin', 'supervisor', 'leader'] as const;
const lit = <T extends string>(vs: readonly T[]) => Type.Union(vs.map((v) => Type.Literal(v)));

const ReportQuerySchema = Type.Object({
  from: IsoDate, to: IsoDate,
  groupBy: Type.Optional(lit(GROUP_BYS)),
  centerId: Type.Optional(Uuid), departmentId: Type.Optional(Uuid), windowId: Type.Optional(Uuid), itemId: Type.Optional(Uuid),
  kind: Type.Optional(lit(CASE_KINDS)), channel: Type.Optional(lit(CHANNELS)),
});


export function statsRoutes(app: App, ctx: AppContext) {
  const query = (q: typeof ReportQuerySchema.static): ReportQuery => ({ ...q, groupBy: q.groupBy ?? 'none' });

  app.get('/api/stats/report', {
    config: { policy: STATS_ROLES },
    schema: {
      tags: ['stats'], summary: 'Statistics report (办件统计) from the daily rollups, for the reader\'s center subtree',
      querystring: ReportQuerySchema, response: errors(400, 401, 403),
    },
  }, async (req) => staffReport(ctx, currentUser(req), query(req.query)));

  app.get('/api/stats/dimensions', {
    config: { policy: STATS_ROLES },
    schema: { tags: ['stats'], summary: 'Filter choices for the report: centers, departments, windows and items in the reader\'s scope', response: errors(401, 403) },
  }, async (req) => dimensions(ctx, currentUser(req)));

  app.get('/api/stats/report.xlsx', {
    config: { policy: STATS_ROLES },
    schema: { tags: ['stats'], summary: 'The same report as an Excel workbook (Chinese headers)', querystring: ReportQuerySchema, response: errors(400, 401, 403) },
  }, async (req, reply) => {
    const q = query(req.query);
    const user = currentUser(req);
    const report = await staffReport(ctx, user, q);
    const filterText = Object.entries(req.query).filter(([k]) => !['from', 'to', 'groupBy'].includes(k)).map(([k, v]) => `${k}=${v}`).join('；');
    // Extra sheets from the modules: 好差评与投诉 (src/feedback/excel.ts), 大厅排队 for the reader's own
    // center as on the screen (src/hall/excel.ts), the fee totals (src/fees) and the catalog ratios (catalog.ts).
    const buf = await reportWorkbook(report, filterText, async (wb) => {
      await addFeedbackSheet(wb, ctx.db, await feedbackCenters(ctx.db, user.centerScope, q.centerId), q.from, q.to, ctx.today());
      if (user.centerId) await addHallSheet(wb, ctx, user.centerId, q.from, q.to);
      addFeeSheet(wb, await feeTotals(ctx, user, { from: q.from, to: q.to, centerId: q.centerId }));
      addCatalogSheet(wb, await catalogReport(ctx, user, { from: q.from, to: q.to, centerId: q.centerId }));
      addThingsSheet(wb, await thingsReport(ctx, user, { from: q.from, to: q.to, centerId: q.centerId }));
      addLicenceSheet(wb, await licenceReport(ctx, user, { from: q.from, to: q.to, centerId: q.centerId }));
    });
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="stats-${q.from}-${q.to}.xlsx"`).send(buf);
  });

  // The report's sections by period (each also a sheet of GET /api/stats/report.xlsx): one route shape.
  const SECTIONS: [path: string, summary: string, report: (c: AppContext, u: ReturnType<typeof currentUser>, q: { from: string; to: string; centerId?: string }) => Promise<unknown>][] = [
    ['/api/stats/catalog', 'Catalog ratios: shares of 即办 items, items handled in the center, online-capable (网办深度 ≥ 3), 最多跑一次; received vs accepted in the period', catalogReport],
    ['/api/stats/things', '一件事 per thing for a period: filed, ended, completed, on-time share, average and longest end-to-end working days vs the promised total vs the sum of the parts, running by light, ratings of the whole (好评率)', thingsReport],
    ['/api/stats/licences', 'E-licences issued per type and issuing department in a period (revoked / superseded among them), and 免提交率: the share of applications with a material taken from an e-licence', licenceReport],
  ];
  for (const [path, summary, report] of SECTIONS) {
    app.get(path, {
      config: { policy: STATS_ROLES },
      schema: { tags: ['stats'], summary, querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: Type.Optional(Uuid) }), response: errors(400, 401, 403) },
    }, async (req) => report(ctx, currentUser(req), req.query));
  }

  // Public and unauthenticated: limited per address so nobody can keep the database busy.
  app.get('/api/public/stats', {
    config: { policy: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['stats'], summary: 'Public statistics (portal): aggregate counts and rates, no personal data',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: Type.Optional(Uuid), groupBy: Type.Optional(lit(PUBLIC_GROUP_BYS)) }),
      response: errors(400),
    },
  }, async (req) => publicReport(ctx, { ...req.query, groupBy: req.query.groupBy ?? 'none' }));

  app.get('/api/public/board', {
    config: { policy: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['stats'], summary: 'The public board (挂牌销号): promised cases in progress and recently done, masked applicant',
      querystring: Type.Object({
        centerId: Type.Optional(Uuid),
        page: Int({ minimum: 1, maximum: 1000, default: 1 }), pageSize: Int({ minimum: 1, maximum: 100, default: 20 }),
      }),
      response: errors(400),
    },
  }, async (req) => publicBoard(ctx, req.query));
}
