import type { AppContext } from '../core/context.js';
import { errors, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { inAppNotices } from './worker.js';

export function notifyRoutes(app: App, ctx: AppContext) {
  app.get('/api/notifications', {
    config: { policy: 'user' },
    schema: { tags: ['notifications'], summary: 'My in-app notifications (assignments, redo orders, extension requests…)', response: errors(401) },
  }, async (req) => inAppNotices(ctx, currentUser(req).id));
}
