import { Type } from '@sinclair/typebox';
import type { AppContext } from '../core/context.js';
import { currentUser } from '../core/auth/policy.js';
import { DateTime, Text } from '../core/formats.js';
import { errors, Paging, Uuid, type App } from '../core/http.js';
import { listLicences, licenceView, revokeLicence, verifyLicence } from './service.js';
import { listKeys, publicKey, revoke, rotate } from './keyAdmin.js';
import { SEAL_BODY_KINDS } from './types.js';
import { licenceDocument } from './renderDocument.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
/** Readers of licences; the service narrows each to its own scope (the applicant: their own). */
const READERS = ['applicant', 'receiver', 'coordinator', 'handler', 'chiefRep', 'leader', 'centerAdmin', 'supervisor'] as const;

export function licenceRoutes(app: App, ctx: AppContext) {
  app.get('/api/public/licences/:no/verify', {
    // Throttled like the progress query: the code is short, guessing must stay slow.
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'], summary: 'Verify an e-licence (the QR code\'s link): valid / expired / revoked / superseded / invalidSignature; the holder only as a masked name',
      params: Type.Object({ no: Text(40, 1) }), querystring: Type.Object({ code: Text(20, 1) }), response: errors(400, 404, 429),
    },
  }, async (req) => verifyLicence(ctx, req.params.no, req.query.code));

  app.get('/api/public/seals/:id', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'A seal\'s public key (PEM, SM2) and standing, for verifiers outside Banshi', params: Type.Object({ id: Uuid }), response: errors(400, 404, 429) },
  }, async (req) => publicKey(ctx, req.params.id));

  app.get('/api/licences', {
    config: { policy: READERS },
    schema: {
      tags: ['licences'], summary: '我的证照 (an applicant: their own), or the licences of the staff member\'s department / centers',
      querystring: Type.Object({ caseId: Type.Optional(Uuid), ...Paging }), response: errors(400, 401, 403),
    },
  }, async (req) => listLicences(ctx, currentUser(req), { caseId: req.query.caseId, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 }));

  app.get('/api/licences/:id', {
    config: { policy: READERS },
    schema: { tags: ['licences'], summary: 'One e-licence with its signed record, signature and the seal\'s public key', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => licenceView(ctx, currentUser(req), req.params.id));

  app.get('/api/licences/:id/document', {
    config: { policy: READERS },
    schema: {
      tags: ['licences'], summary: 'The rendered e-licence (A4 HTML to print or save as PDF): the holder\'s copy shows the ID number in full, staff copies masked',
      params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404),
    },
  }, async (req, reply) => {
    const origin = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.type('text/html; charset=utf-8').send(await licenceDocument(ctx, currentUser(req), req.params.id, origin));
  });

  app.post('/api/licences/:id/revoke', {
    config: { policy: ['leader', 'centerAdmin'] },
    schema: {
      tags: ['licences'], summary: '注销 an e-licence with its reason (the issuing department\'s leader or the center\'s admin)',
      params: Type.Object({ id: Uuid }), body: Type.Object({ reason: Text(500, 1) }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => revokeLicence(ctx, currentUser(req), req.params.id, req.body.reason));

  app.get('/api/seals', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: { tags: ['licences'], summary: 'The electronic seals\' keys of my centers (public keys only)', response: errors(401, 403) },
  }, async (req) => listKeys(ctx, currentUser(req)));

  app.post('/api/seals/rotate', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['licences'], summary: 'Rotate a body\'s seal key: a new key signs from now on, the old one still verifies what it signed',
      body: Type.Object({ bodyKind: literal(SEAL_BODY_KINDS), bodyId: Uuid }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => rotate(ctx, currentUser(req), req.body.bodyKind, req.body.bodyId));

  app.post('/api/seals/:id/revoke', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['licences'], summary: 'Revoke a seal key from an instant (now by default): what it signed from then on no longer verifies',
      params: Type.Object({ id: Uuid }), body: Type.Object({ from: Type.Optional(DateTime()), reason: Text(500, 1) }), response: errors(400, 401, 403, 404, 409),
    },
  }, async (req) => revoke(ctx, currentUser(req), req.params.id, req.body));
}
