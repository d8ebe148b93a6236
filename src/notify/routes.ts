import { Type } from '@sinclair/typebox';
import { DateTime, Int } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { listInbox, markAllRead, markRead, PAGE_SIZE } from './inbox.js';

const Item = Type.Object({
  id: Int(), template: Type.String(), title: Type.String(), text: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]), createdAt: DateTime(), read: Type.Boolean(),
});

export function notifyRoutes(app: App, ctx: AppContext) {
  app.get('/api/notifications', {
    config: { policy: 'user' },
    schema: {
      tags: ['notifications'], summary: 'My in-app notifications, newest first, with the unread count (assignments, redo orders, urge and supervision orders…)',
      querystring: Type.Object({
        before: Type.Optional(Int({ minimum: 1, description: 'keyset: the last id of the previous page (`nextBefore`)' })),
        limit: Type.Optional(Int({ minimum: 1, maximum: PAGE_SIZE, default: PAGE_SIZE })),
      }),
      response: { 200: Type.Object({ items: Type.Array(Item), unread: Int(), nextBefore: Type.Union([Int(), Type.Null()]) }), ...errors(400, 401) },
    },
  }, async (req) => listInbox(ctx, currentUser(req).id, req.query));

  app.post('/api/notifications/:id/read', {
    config: { policy: 'user' },
    schema: {
      tags: ['notifications'], summary: 'Mark one of my notifications read (another user’s id: 404)',
      params: Type.Object({ id: Int({ minimum: 1 }) }),
      response: { 200: Type.Object({ id: Int(), read: Type.Boolean(), readAt: DateTime() }), ...errors(400, 401, 404) },
    },
  }, async (req) => markRead(ctx, currentUser(req).id, req.params.id));

  app.post('/api/notifications/read-all', {
    config: { policy: 'user' },
    schema: { tags: ['notifications'], summary: '全部已读: mark all my notifications read', response: { 200: Type.Object({ marked: Int() }), ...errors(401) } },
  }, async (req) => markAllRead(ctx, currentUser(req).id));
}
