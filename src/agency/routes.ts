import { ID_TYPES } from '../core/identity/index.js';
import { CoApplicantBody } from '../core/identity/schema.js';
import { Type } from '@sinclair/typebox';
import { Int, Month, Pattern, Text } from '../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { agencyCaseView, listAgencyCases, listConsultations, listPoints, recordConsultation, recordHandover, submitForResident } from './service.js';
import { monthlyReport } from './report.js';
import { AGENCY_MODES, HANDOVER_STAGES } from './types.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Who reads the agency side: the agents themselves and the centers above their points. */
const READERS = ['agent', 'receiver', 'centerAdmin', 'supervisor'] as const;
const Phone = Text(20, 0, { description: 'mobile or landline; checked by src/core/identity' });

const SubmitBody = Type.Object({
  mode: literal(AGENCY_MODES),
  itemCode: Text(40, 1),
  applicant: Type.Object({
    kind: literal(['person', 'organization'] as const),
    name: Text(100, 1),
    idNumber: Text(30, 1, { description: 'ID document number or unified social credit code; checked by src/core/identity' }),
    idType: Type.Optional(literal(ID_TYPES)),
    phone: Text(20, 1, { description: '11-digit mobile' }),
  }),
  coApplicants: Type.Optional(Type.Array(CoApplicantBody, { maxItems: 9 })),
  formData: Type.Optional(Type.Record(Text(64), Type.Unknown(), { maxProperties: 100 })),
  materials: Type.Optional(Type.Array(Type.Object({ materialId: Text(64, 1), fileId: Uuid }), { maxItems: 60 })),
  handedOver: Type.Optional(Type.Array(Text(64, 1), { maxItems: 60, description: 'Paper materials the agent took from the resident (material ids)' })),
  note: Type.Optional(Text(1000)),
});

const HandoverBody = Type.Object({
  stage: literal(HANDOVER_STAGES),
  items: Type.Array(Text(200, 1), { minItems: 1, maxItems: 60, description: 'Materials or results handed over' }),
  counterpartName: Type.Optional(Text(50, 0, { description: 'The center staff member, when the agent records a hand-over at the center' })),
  note: Type.Optional(Text(1000)),
});

const ConsultationBody = Type.Object({
  residentName: Text(100, 1),
  residentPhone: Type.Optional(Type.Union([Phone, Type.Literal('')])),
  itemCode: Type.Optional(Text(40, 1)),
  question: Text(2000, 1),
  advice: Text(4000, 1),
});

export function agencyRoutes(app: App, ctx: AppContext) {
  app.get('/api/agency/points', {
    config: { policy: READERS },
    schema: { tags: ['agency'], summary: 'Agency points (代办点) with their agents: my own, or those below my center', response: errors(401, 403) },
  }, async (req) => listPoints(ctx, currentUser(req)));

  app.post('/api/agency/cases', {
    config: { policy: ['agent'] },
    schema: {
      tags: ['agency'], summary: 'An agent files a case for a resident (代办 proxy / 陪办 accompany); records the resident → agent hand-over with its sheet',
      body: SubmitBody,
      response: {
        201: Type.Object({ id: Type.String(), caseNo: Type.String(), queryCode: Type.String(), state: Type.String(), mode: Type.String(), handover: Type.Object({ id: Type.String(), documentId: Type.String() }) }),
        ...errors(400, 401, 403, 422),
      },
    },
  }, async (req, reply) => reply.status(201).send(await submitForResident(ctx, currentUser(req), req.body, origin(req))));

  app.get('/api/agency/cases', {
    config: { policy: READERS },
    schema: {
      tags: ['agency'], summary: 'Agency cases: an agent sees the cases they filed; centers those of points below them',
      querystring: Type.Object({ active: Type.Optional(Type.Boolean()), limit: Type.Optional(Int({ minimum: 1, maximum: 200, default: 100 })) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listAgencyCases(ctx, currentUser(req), { active: req.query.active, limit: req.query.limit ?? 100 }));

  app.get('/api/agency/cases/:id', {
    config: { policy: READERS },
    schema: { tags: ['agency'], summary: 'The agency side of a case: mode, agent, hand-overs and the stages you may record', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => agencyCaseView(ctx, currentUser(req), req.params.id));

  app.post('/api/agency/cases/:id/handovers', {
    config: { policy: ['agent', 'receiver'] },
    schema: {
      tags: ['agency'], summary: 'Record a hand-over (代办交接) and issue its sheet; the sheet prints at /api/cases/:id/documents/:documentId',
      params: Type.Object({ id: Uuid }), body: HandoverBody, response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req, reply) => reply.status(201).send(await recordHandover(ctx, currentUser(req), req.params.id, req.body, origin(req))));

  app.post('/api/agency/consultations', {
    config: { policy: ['agent'] },
    schema: { tags: ['agency'], summary: '咨办: record advice given to a resident (no case is filed)', body: ConsultationBody, response: errors(400, 401, 403, 422) },
  }, async (req, reply) => reply.status(201).send(await recordConsultation(ctx, currentUser(req), req.body)));

  app.get('/api/agency/consultations', {
    config: { policy: ['agent', 'centerAdmin', 'supervisor'] },
    schema: {
      tags: ['agency'], summary: '咨办 records: my own, or those of points below my center (names and phones masked)',
      querystring: Type.Object({ limit: Type.Optional(Int({ minimum: 1, maximum: 200, default: 100 })) }), response: errors(400, 401, 403),
    },
  }, async (req) => listConsultations(ctx, currentUser(req), req.query.limit ?? 100));

  app.get('/api/agency/points/:id/report.xlsx', {
    config: { policy: ['agent', 'centerAdmin'] },
    schema: {
      tags: ['agency'], summary: 'Monthly agency report (Excel) of one point: by item, filed / completed / in progress, and 咨办 advice',
      params: Type.Object({ id: Uuid }), querystring: Type.Object({ month: Month() }),
      response: errors(400, 401, 403, 404),
    },
  }, async (req, reply) => {
    const r = await monthlyReport(ctx, currentUser(req), req.params.id, req.query.month);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${r.fileName}"`).send(r.buffer);
  });
}
