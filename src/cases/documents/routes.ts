import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../core/context.js';
import { errors, type App } from '../../core/http.js';
import { Text } from '../../core/formats.js';
import { currentUser } from '../../core/auth/policy.js';
import { STAFF_ROLES } from '../../core/auth/roles.js';
import { forbidden } from '../../core/errors.js';
import { ownRemedySettings, putRemedySettings, remedyBodiesFor } from './remedies.js';

/** The remedy bodies (复议机关, 人民法院) the center's adverse notices name. */
export function documentSettingsRoutes(app: App, ctx: AppContext) {
  const view = async (centerId: string) => ({ own: await ownRemedySettings(ctx.db, centerId), printed: await remedyBodiesFor(ctx.db, centerId) });
  app.get('/api/documents/remedies', {
    config: { policy: [...STAFF_ROLES] },
    schema: { tags: ['cases'], summary: 'The review body and court your center’s adverse notices name: its own settings and what is printed (inherited or generic)', response: errors(401, 403) },
  }, async (req) => {
    const user = currentUser(req);
    if (!user.centerId) throw forbidden('You belong to no center', '您不属于任何中心');
    return view(user.centerId);
  });
  app.put('/api/documents/remedies', {
    config: { policy: ['centerAdmin'] },
    schema: {
      tags: ['cases'], summary: 'Name the review body (复议机关) and the court (人民法院) of the center’s adverse notices; blank → inherited or generic wording',
      body: Type.Object({ reviewBody: Text(60), court: Text(60) }, { additionalProperties: false }), response: errors(400, 401, 403, 422),
    },
  }, async (req) => {
    const user = currentUser(req);
    await ctx.db.transaction((tx) => putRemedySettings(tx, user, req.body, ctx.now()));
    return view(user.centerId!);
  });
}
