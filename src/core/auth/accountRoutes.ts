import { Type } from '@sinclair/typebox';
import { Text } from '../formats.js';
import type { AppContext } from '../context.js';
import { errors, Uuid, type App } from '../http.js';
import { currentUser } from './policy.js';
import { NO_CONTROL_CHARS } from './routes.js';
import { accountOptions, createAccount, listAccounts, resetPassword, setActive } from './accounts.js';
import { USERNAME_PATTERN } from './accountRules.js';
import { STAFF_ROLES } from './roles.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Account = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.String(), roleLabel: Type.String(),
  centerId: Type.String(), centerName: Type.String(), departmentId: Nullable(Type.String()), departmentName: Nullable(Type.String()),
  windowId: Nullable(Type.String()), windowName: Nullable(Type.String()), active: Type.Boolean(), mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
});
const WithPassword = Type.Object({ account: Account, initialPassword: Type.String({ description: 'Shown once; the user must change it at the first sign-in' }) });
const IdParams = Type.Object({ id: Uuid });
const ADMIN = { policy: ['centerAdmin'] as const };

/** 账号管理: a center admin manages the staff accounts of their center and the centers below. */
export function accountRoutes(app: App, ctx: AppContext) {
  app.get('/api/accounts', {
    config: ADMIN,
    schema: {
      tags: ['accounts'], summary: 'Staff accounts of my center and the centers below',
      querystring: Type.Object({ centerId: Type.Optional(Uuid), q: Type.Optional(Text(64, 0, { pattern: NO_CONTROL_CHARS })) }),
      response: { 200: Type.Object({ items: Type.Array(Account) }), ...errors(400, 401, 403) },
    },
  }, async (req) => ({ items: await listAccounts(ctx, currentUser(req), req.query) }));

  app.get('/api/accounts/options', {
    config: ADMIN,
    schema: {
      tags: ['accounts'], summary: 'Centers, departments, windows and roles a new account may have',
      response: {
        200: Type.Object({
          centers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() })),
          departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), centerId: Type.String() })),
          windows: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), name: Type.String(), centerId: Type.String(), departmentId: Nullable(Type.String()) })),
          roles: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
        }),
        ...errors(401, 403),
      },
    },
  }, async (req) => accountOptions(ctx, currentUser(req)));

  app.post('/api/accounts', {
    config: ADMIN,
    schema: {
      tags: ['accounts'], summary: 'Create a staff account; answers its initial password once',
      body: Type.Object({
        username: Text(32, 3, { pattern: USERNAME_PATTERN, description: 'lower-case letters, digits, _ . -; 3–32 characters' }),
        displayName: Text(64, 1, { pattern: '^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$' }),
        role: Type.Union(STAFF_ROLES.map((r) => Type.Literal(r))),
        centerId: Uuid,
        departmentId: Type.Optional(Nullable(Uuid)),
        windowId: Type.Optional(Nullable(Uuid)),
      }, { additionalProperties: false }),
      response: { 200: WithPassword, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (req) => createAccount(ctx, currentUser(req), { ...req.body, displayName: req.body.displayName.trim() }));

  app.post('/api/accounts/:id/reset-password', {
    config: ADMIN,
    schema: {
      tags: ['accounts'], summary: 'Give an account a new initial password (to be changed at sign-in); ends its sessions and lifts a lockout',
      params: IdParams, response: { 200: WithPassword, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => resetPassword(ctx, currentUser(req), req.params.id));

  app.post('/api/accounts/:id/deactivate', {
    config: ADMIN,
    schema: { tags: ['accounts'], summary: 'Deactivate an account (it cannot sign in; its sessions end)', params: IdParams, response: { 200: Account, ...errors(400, 401, 403, 404, 409) } },
  }, async (req) => setActive(ctx, currentUser(req), req.params.id, false));

  app.post('/api/accounts/:id/activate', {
    config: ADMIN,
    schema: { tags: ['accounts'], summary: 'Reactivate an account', params: IdParams, response: { 200: Account, ...errors(400, 401, 403, 404) } },
  }, async (req) => setActive(ctx, currentUser(req), req.params.id, true));
}
