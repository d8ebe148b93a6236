import { Type } from '@sinclair/typebox';
import { Int, Text } from '../core/formats.js';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { ROLES } from '../core/auth/roles.js';
import { caseFees, feeTotals, getTreasury, issueNotice, paymentLedger, putTreasury, recordPayment } from './service.js';
import { PAYMENT_CHANNELS } from './types.js';

const lit = <T extends string>(vs: readonly T[]) => Type.Union(vs.map((v) => Type.Literal(v)));
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
/** Roles that handle fees on a case; the service narrows to the case's center (windows, office) or department (coordinator). */
const CHARGERS = ['receiver', 'centerAdmin', 'coordinator'] as const;
const Treasury = Type.Object({ name: Text(200, 2), bank: Text(200, 2), accountNo: Text(60, 4) });

export function feeRoutes(app: App, ctx: AppContext) {
  app.get('/api/fees/treasury', {
    config: { policy: ['centerAdmin', 'receiver', 'supervisor'] },
    schema: { tags: ['fees'], summary: 'The treasury account (财政专户) my center named; null when not set', response: errors(401, 403) },
  }, async (req) => ({ account: currentUser(req).centerId ? await getTreasury(ctx.db, currentUser(req).centerId!) : null }));

  app.put('/api/fees/treasury', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['fees'], summary: 'Name my center’s treasury account: every fee is paid straight into it', body: Treasury, response: errors(400, 401, 403) },
  }, async (req) => ({ account: await putTreasury(ctx, currentUser(req), req.body) }));

  app.get('/api/fees/cases/:id', {
    config: { policy: ROLES },
    schema: { tags: ['fees'], summary: 'A case’s fees: the item’s fee items with their rules, the payment notice, payments, whether delivery waits', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => caseFees(ctx, currentUser(req), req.params.id));

  app.post('/api/fees/cases/:id/notice', {
    config: { policy: CHARGERS },
    schema: {
      tags: ['fees'], summary: 'Issue the payment notice (缴款通知书) after an approving decision: one quantity per fee item (0 = not charged)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({
        quantities: Type.Array(Int({ minimum: 0, maximum: 999 }), { minItems: 1, maxItems: 20 }),
        /** 按实核定: the amount (fen) of each charged fee item whose standard gives no rule; null elsewhere. */
        assessedFen: Type.Optional(Type.Array(Type.Union([Int({ minimum: 1, maximum: 100_000_000 }), Type.Null()]), { maxItems: 20 })),
      }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => {
    const user = currentUser(req);
    await issueNotice(ctx, user, req.params.id, req.body.quantities, origin(req), req.body.assessedFen ?? []);
    return caseFees(ctx, user, req.params.id);
  });

  app.post('/api/fees/cases/:id/payments', {
    config: { policy: CHARGERS },
    schema: {
      tags: ['fees'], summary: 'Record a payment (the hall’s bank window or online) by its receipt number, through the payment transport (manual by default)',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ channel: lit(PAYMENT_CHANNELS), receiptNo: Text(60, 1), amountFen: Int({ minimum: 1, maximum: 100_000_000 }) }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => {
    const user = currentUser(req);
    const r = await recordPayment(ctx, user, req.params.id, req.body);
    return { ...(await caseFees(ctx, user, req.params.id)), anomalies: r.anomalies };
  });

  app.get('/api/fees/payments', {
    config: { policy: ['centerAdmin', 'supervisor', 'leader'] },
    schema: {
      tags: ['fees'], summary: 'The payment ledger (收费台账) of the period in my center scope, newest first (≤ 500)',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, channel: Type.Optional(lit(PAYMENT_CHANNELS)) }), response: errors(400, 401, 403),
    },
  }, async (req) => paymentLedger(ctx, currentUser(req), req.query));

  app.get('/api/stats/fees', {
    config: { policy: ['centerAdmin', 'supervisor', 'leader'] },
    schema: {
      tags: ['stats'], summary: 'Fee totals (paid into the treasury account) per department, item and month',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: Type.Optional(Uuid) }), response: errors(400, 401, 403, 404),
    },
  }, async (req) => feeTotals(ctx, currentUser(req), req.query));
}
