import { Type } from '@sinclair/typebox';
import { Int, Pattern, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { bundleRating, rateBundle } from './bundleRating.js';

/** 好差评 of a 一件事 bundle case as a whole (issue 24): the applicant's one rating, after the results are ready. */
export function bundleRatingRoutes(app: App, ctx: AppContext) {
  app.get('/api/bundles/:id/rating', {
    config: { policy: ['applicant'] },
    schema: {
      tags: ['feedback'], summary: 'My rating of a 一件事 bundle case: whether it can be rated now (`rateable`), its sub-score keys, and the rating once given',
      params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404),
    },
  }, async (req) => bundleRating(ctx, currentUser(req), req.params.id));

  app.post('/api/bundles/:id/rating', {
    config: { policy: ['applicant'], rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['feedback'],
      summary: 'Rate a 一件事 bundle case as a whole (好差评), once, by its applicant, after every part\'s result is ready; a bad rating (1–2, comment required) goes to the lead department\'s rectification',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({
        grade: Int({ minimum: 1, maximum: 5 }),
        comment: Type.Optional(Text(1000)),
        scores: Type.Optional(Type.Record(Pattern('^[A-Za-z]{1,40}$'), Int({ minimum: 1, maximum: 5 }), { additionalProperties: false })),
      }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req, reply) => reply.status(201).send(await rateBundle(ctx, currentUser(req), req.params.id, req.body)));
}
