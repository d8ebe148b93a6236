import { Type } from '@sinclair/typebox';
import { BusinessPeriod, Period } from '../../core/formats.js';
import type { AppContext } from '../../core/context.js';
import { errors, Uuid, type App } from '../../core/http.js';
import { currentUser } from '../../core/auth/policy.js';
import { getReport, issueReport, listReports, previewReport, reportExcel, reportHtml } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READERS = ['supervisor', 'centerAdmin', 'leader'] as const;
const ISSUERS = ['supervisor', 'centerAdmin'] as const;
/** Issuing freezes the report for good: the period must also lie within the business years. */
const IssuePeriod = BusinessPeriod('^\\d{4}-(\\d{2}|Q[1-4])$', { description: 'YYYY-MM or YYYY-Qn, within BANSHI_BUSINESS_YEARS of today' });
const ReportPeriod = Period('^\\d{4}-(\\d{2}|Q[1-4])$', { description: 'YYYY-MM (month) or YYYY-Qn (quarter)' });

export function reportRoutes(app: App, ctx: AppContext) {
  app.get('/api/supervision/reports', {
    config: { policy: READERS },
    schema: { tags: ['supervision'], summary: 'Issued periodic supervision reports (电子监察通报), every version', response: errors(401, 403) },
  }, async (req) => listReports(ctx, currentUser(req)));

  app.get('/api/supervision/reports/preview', {
    config: { policy: ISSUERS },
    schema: { tags: ['supervision'], summary: 'The report of my center for a month or quarter, computed now and not stored', querystring: Type.Object({ period: ReportPeriod }), response: errors(400, 401, 403) },
  }, async (req) => previewReport(ctx, currentUser(req), req.query.period));

  app.post('/api/supervision/reports', {
    config: { policy: ISSUERS },
    schema: { tags: ['supervision'], summary: 'Issue the report: frozen as a new version (earlier versions unchanged)', body: Type.Object({ period: IssuePeriod }), response: errors(400, 401, 403) },
  }, async (req) => issueReport(ctx, currentUser(req), req.body.period));

  app.get('/api/supervision/reports/:id', {
    config: { policy: READERS },
    schema: { tags: ['supervision'], summary: 'One issued version with its frozen figures', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => getReport(ctx, currentUser(req), req.params.id));

  app.get('/api/supervision/reports/:id/document', {
    config: { policy: READERS },
    schema: { tags: ['supervision'], summary: 'The printable A4 page of an issued version', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(await reportHtml(ctx, currentUser(req), req.params.id)));

  app.get('/api/supervision/reports/:id/excel', {
    config: { policy: READERS },
    schema: { tags: ['supervision'], summary: 'The same version as an Excel workbook', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => {
    const { buf, name } = await reportExcel(ctx, currentUser(req), req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(buf);
  });
}
