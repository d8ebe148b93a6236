import { Type } from '@sinclair/typebox';
import { BusinessPeriod, Int, Num, Pattern, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { MANAGE, READ_ROLES, FULL_READ } from './access.js';
import { DEFAULT_SCHEMES, METRICS, METRIC_NAMES, PERIOD_KINDS, SUBJECT_TYPES, type SchemeBody } from './rules.js';
import { renderBulletin, rankingWorkbook } from './bulletin.js';
import {
  addManualLine, awards, bulletinData, computePeriod, createPeriod, createScheme, decideAppeal, fileAppeal, freezePeriod, getPeriod, getSettings, lineEvidence, lineFile,
  listAppeals, listPeriods, listSchemes, publishPeriod, publishScheme, putSettings, ranking, removeManualLine, subjectDetail, updateScheme,
} from './service.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const SubjectType = literal(SUBJECT_TYPES);
const PeriodKind = literal(PERIOD_KINDS);
const Metric = literal(METRIC_NAMES);
const Rule = Type.Union([
  Type.Object({ kind: Type.Literal('perUnit'), points: Type.Number({ minimum: -100, maximum: 100 }), free: Type.Optional(Int({ minimum: 0 })), cap: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('thresholds'), bands: Type.Array(Type.Object({ min: Num({ minimum: -1e6, maximum: 1e6 }), points: Type.Number({ minimum: -100, maximum: 100 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('target'), target: Type.Number({ minimum: 0, maximum: 100 }), perPoint: Type.Number({ minimum: 0, maximum: 100 }), cap: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), bonus: Type.Optional(Type.Number({ minimum: -100, maximum: 100 })) }, { additionalProperties: false }),
]);
const Body = Type.Object({
  baseScore: Type.Number({ minimum: 0, maximum: 1000, default: 100 }),
  floor: Type.Optional(Type.Union([Num({ minimum: -1000, maximum: 1000 }), Type.Null()])),
  ceiling: Type.Optional(Type.Union([Num({ minimum: -1000, maximum: 1000 }), Type.Null()])),
  lines: Type.Array(Type.Object({ key: Pattern('^[A-Za-z][A-Za-z0-9_-]{0,39}$'), label: Text(60, 1), metric: Metric, rule: Rule }, { additionalProperties: false }), { maxItems: 40 }),
}, { additionalProperties: false });
const Award = Type.Object({
  key: Pattern('^[A-Za-z][A-Za-z0-9_-]{0,39}$'), name: Text(40, 1), subject: SubjectType, topN: Int({ minimum: 1, maximum: 100 }),
  minScore: Type.Optional(Num({ minimum: -1000, maximum: 1000 })), noViolation: Type.Optional(Type.Boolean()), cleanMetrics: Type.Optional(Type.Array(Metric)),
}, { additionalProperties: false });
const Settings = Type.Object({ appealDays: Int({ minimum: 1, maximum: 30 }), awards: Type.Array(Award, { maxItems: 20 }) }, { additionalProperties: false });
const Id = Type.Object({ id: Uuid });
const tags = ['assessment'];

export function assessmentRoutes(app: App, ctx: AppContext) {
  app.get('/api/assessment/settings', { config: { policy: FULL_READ }, schema: { tags, summary: 'Appeal window and award rules of my center', response: errors(401, 403) } },
    async (req) => getSettings(ctx, currentUser(req)));
  app.put('/api/assessment/settings', { config: { policy: MANAGE }, schema: { tags, summary: 'Change the appeal window and award rules', body: Settings, response: errors(400, 401, 403) } },
    async (req) => putSettings(ctx, currentUser(req), req.body));

  app.get('/api/assessment/templates', { config: { policy: FULL_READ }, schema: { tags, summary: 'The metrics a scheme may score and the default 100-point schemes per subject type', response: errors(401, 403) } },
    async () => ({ metrics: METRICS, schemes: DEFAULT_SCHEMES }));
  app.get('/api/assessment/schemes', { config: { policy: FULL_READ }, schema: { tags, summary: 'Points schemes of my center, every version', response: errors(401, 403) } },
    async (req) => listSchemes(ctx, currentUser(req)));
  app.post('/api/assessment/schemes', {
    config: { policy: MANAGE },
    schema: { tags, summary: 'A new draft version of a points scheme (version 1 of a new code)', body: Type.Object({ code: Pattern('^[a-z][a-z0-9-]{1,39}$'), name: Text(80, 1), subjectType: SubjectType, periodKind: PeriodKind, body: Body }, { additionalProperties: false }), response: errors(400, 401, 403, 409, 422) },
  }, async (req, reply) => reply.status(201).send(await createScheme(ctx, currentUser(req), { ...req.body, body: req.body.body as SchemeBody })));
  app.put('/api/assessment/schemes/:id', {
    config: { policy: MANAGE },
    schema: { tags, summary: 'Edit a draft scheme version', params: Id, body: Type.Object({ name: Text(80, 1), body: Body }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req) => updateScheme(ctx, currentUser(req), req.params.id, { name: req.body.name, body: req.body.body as SchemeBody }));
  app.post('/api/assessment/schemes/:id/publish', { config: { policy: MANAGE }, schema: { tags, summary: 'Publish a draft version (supersedes the published one of its subject type and period kind)', params: Id, response: errors(400, 401, 403, 404, 409) } },
    async (req) => publishScheme(ctx, currentUser(req), req.params.id));

  app.get('/api/assessment/periods', { config: { policy: READ_ROLES }, schema: { tags, summary: 'Assessment periods (subjects see published ones)', querystring: Type.Object({ kind: Type.Optional(PeriodKind) }), response: errors(400, 401, 403) } },
    async (req) => listPeriods(ctx, currentUser(req), req.query));
  app.post('/api/assessment/periods', {
    config: { policy: MANAGE },
    schema: { tags, summary: 'Open a period (2026-11, 2026-Q4, 2026)', body: Type.Object({ kind: PeriodKind, key: BusinessPeriod('^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$', { description: 'YYYY-MM, YYYY-Qn or YYYY, within BANSHI_BUSINESS_YEARS of today' }) }, { additionalProperties: false }), response: errors(400, 401, 403, 409) },
  }, async (req, reply) => reply.status(201).send(await createPeriod(ctx, currentUser(req), req.body)));
  app.get('/api/assessment/periods/:id', { config: { policy: READ_ROLES }, schema: { tags, summary: 'One period', params: Id, response: errors(400, 401, 403, 404) } },
    async (req) => getPeriod(ctx, currentUser(req), req.params.id));
  for (const [action, fn, summary] of [
    ['compute', computePeriod, 'Compute (or recompute) every subject’s result from the facts; manual lines are kept'],
    ['freeze', freezePeriod, 'Freeze the computed result (never edited in place afterwards)'],
    ['publish', publishPeriod, 'Publish the frozen result: subjects see it and may appeal within the appeal window'],
  ] as const) {
    app.post(`/api/assessment/periods/:id/${action}`, { config: { policy: MANAGE }, schema: { tags, summary, params: Id, response: errors(400, 401, 403, 404, 409, 422) } },
      async (req) => fn(ctx, currentUser(req), (req.params as { id: string }).id));
  }
  app.get('/api/assessment/periods/:id/ranking', {
    config: { policy: READ_ROLES },
    schema: { tags, summary: 'Ranking of one subject type with trend against the earlier periods', params: Id, querystring: Type.Object({ subject: SubjectType }), response: errors(400, 401, 403, 404) },
  }, async (req) => ranking(ctx, currentUser(req), req.params.id, req.query.subject));
  app.get('/api/assessment/periods/:id/ranking.xlsx', {
    config: { policy: FULL_READ },
    schema: { tags, summary: 'The ranking as Excel (one sheet per subject type, or only `subject`)', params: Id, querystring: Type.Object({ subject: Type.Optional(SubjectType) }), response: errors(400, 401, 403, 404, 409) },
  }, async (req, reply) => {
    const d = await bulletinData(ctx, currentUser(req), req.params.id, req.query.subject);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`考核排名-${d.key}.xlsx`)}`).send(await rankingWorkbook(d));
  });
  app.get('/api/assessment/periods/:id/bulletin', {
    config: { policy: FULL_READ },
    schema: { tags, summary: 'The printable A4 assessment bulletin (考核通报)', params: Id, response: errors(400, 401, 403, 404, 409) },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(renderBulletin(await bulletinData(ctx, currentUser(req), req.params.id))));
  app.get('/api/assessment/periods/:id/awards', { config: { policy: FULL_READ }, schema: { tags, summary: 'Award candidates from the configured thresholds', params: Id, response: errors(400, 401, 403, 404) } },
    async (req) => awards(ctx, currentUser(req), req.params.id));
  app.get('/api/assessment/periods/:id/subjects/:subjectType/:subjectId', {
    config: { policy: READ_ROLES },
    schema: { tags, summary: 'One subject’s lines (computed, manual, adjustments) and appeals', params: Type.Object({ id: Uuid, subjectType: SubjectType, subjectId: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => subjectDetail(ctx, currentUser(req), req.params.id, req.params.subjectType, req.params.subjectId));
  app.post('/api/assessment/periods/:id/manual', {
    config: { policy: MANAGE },
    schema: {
      tags, summary: 'A manual line (points with a reason and an evidence file) while the period is computed', params: Id,
      body: Type.Object({ subjectType: SubjectType, subjectId: Uuid, label: Text(60, 1), points: Type.Number({ minimum: -100, maximum: 100 }), reason: Text(1000, 2), fileId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409),
    },
  }, async (req, reply) => reply.status(201).send(await addManualLine(ctx, currentUser(req), req.params.id, req.body)));
  app.delete('/api/assessment/lines/:id', { config: { policy: MANAGE }, schema: { tags, summary: 'Remove a manual line (while computed)', params: Id, response: errors(400, 401, 403, 404, 409) } },
    async (req) => removeManualLine(ctx, currentUser(req), req.params.id));
  app.get('/api/assessment/lines/:id/evidence', { config: { policy: READ_ROLES }, schema: { tags, summary: 'The rows behind a line (cases, reviews, complaints, findings…)', params: Id, response: errors(400, 401, 403, 404) } },
    async (req) => lineEvidence(ctx, currentUser(req), req.params.id));
  app.get('/api/assessment/lines/:id/file', { config: { policy: READ_ROLES }, schema: { tags, summary: 'The evidence file of a manual line or its appeal', params: Id, response: errors(400, 401, 403, 404) } },
    async (req, reply) => {
      const f = await lineFile(ctx, currentUser(req), req.params.id);
      return reply.type(f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('x-content-type-options', 'nosniff').send(f.content);
    });

  app.get('/api/assessment/appeals', {
    config: { policy: READ_ROLES },
    schema: { tags, summary: 'Appeals (the office: all; subjects: their own)', querystring: Type.Object({ periodId: Type.Optional(Uuid), state: Type.Optional(literal(['filed', 'decided'] as const)) }), response: errors(400, 401, 403) },
  }, async (req) => listAppeals(ctx, currentUser(req), req.query));
  app.post('/api/assessment/appeals', {
    config: { policy: ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] },
    schema: { tags, summary: 'Appeal (申诉) one line of a published result within the appeal window', body: Type.Object({ lineId: Uuid, reason: Text(2000, 2), fileId: Type.Optional(Uuid) }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req, reply) => reply.status(201).send(await fileAppeal(ctx, currentUser(req), req.body)));
  app.post('/api/assessment/appeals/:id/decide', {
    config: { policy: MANAGE },
    schema: { tags, summary: 'Decide an appeal: upheld adds one adjustment line, rejected changes nothing', params: Id, body: Type.Object({ decision: literal(['upheld', 'rejected'] as const), points: Type.Optional(Type.Number({ minimum: -100, maximum: 100 })), note: Text(2000, 2) }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => decideAppeal(ctx, currentUser(req), req.params.id, req.body));
}
