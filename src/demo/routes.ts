import { Type } from '@sinclair/typebox';
import type { AppContext } from '../core/context.js';
import { errors, type App } from '../core/http.js';
import { notFound } from '../core/errors.js';
import { ROLE_LABELS } from '../core/auth/roles.js';
import { demoAccounts, DEMO_PASSWORD } from './seed.js';

export function demoRoutes(app: App, ctx: AppContext) {
  app.get('/api/demo/accounts', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'], summary: 'Demo accounts (demo mode only)',
      response: {
        200: Type.Object({
          password: Type.String(),
          accounts: Type.Array(Type.Object({ username: Type.String(), role: Type.String(), roleLabel: Type.String(), displayName: Type.String(), note: Type.String() })),
        }),
        ...errors(404),
      },
    },
  }, async () => {
    if (!ctx.config.demo) throw notFound('Demo accounts', '演示账号');
    return { password: DEMO_PASSWORD, accounts: demoAccounts().map((a) => ({ ...a, roleLabel: ROLE_LABELS[a.role] })) };
  });
}
