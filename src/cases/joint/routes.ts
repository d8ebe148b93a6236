import { Type } from '@sinclair/typebox';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import { errors, Uuid, type App } from '../../core/http.js';
import { currentUser } from '../../core/auth/policy.js';
import { users } from '../../core/auth/schema.js';
import { ROLE_LABELS, type Role } from '../../core/auth/roles.js';
import { forbidden } from '../../core/errors.js';
import { loadCase } from '../repo.js';

/** Staff a center may appoint as a green-channel coordinator (全程代办): its own window and department staff. */
const APPOINTABLE: Role[] = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader', 'centerAdmin', 'agent'];

export function jointRoutes(app: App, ctx: AppContext) {
  app.get('/api/cases/:id/appointees', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['cases'], summary: 'Staff of the case’s center who may be appointed its green-channel coordinator (appointCoordinator)', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => {
    const user = currentUser(req);
    const row = await loadCase(ctx.db, req.params.id);
    if (user.centerId !== row.centerId) throw forbidden('This case is outside your center', '该办件不属于本中心');
    const list = await ctx.db.select({ id: users.id, displayName: users.displayName, role: users.role, username: users.username }).from(users)
      .where(and(eq(users.centerId, row.centerId), eq(users.active, true), inArray(users.role, APPOINTABLE))).orderBy(asc(users.username));
    return { users: list.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })) };
  });
}
