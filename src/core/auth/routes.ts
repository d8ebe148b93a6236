import { Type } from '@sinclair/typebox';
import { Text } from '../formats.js';
import type { AppContext } from '../context.js';
import { errors, type App } from '../http.js';
import { currentUser } from './policy.js';
import { describeUser, loadSession, login, logout, SESSION_COOKIE } from './service.js';

const Me = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.String(), roleLabel: Type.String(),
  centerId: Type.Union([Type.String(), Type.Null()]), centerName: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.String(), Type.Null()]), departmentName: Type.Union([Type.String(), Type.Null()]),
  windowId: Type.Union([Type.String(), Type.Null()]), applicantKind: Type.Union([Type.String(), Type.Null()]),
});
const MeResponse = Type.Object({ user: Me, csrfToken: Type.String() });

export function authRoutes(app: App, ctx: AppContext) {
  app.post('/api/auth/login', {
    config: {
      policy: 'public', csrf: false,
      rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string })?.username ?? ''}` },
    },
    schema: {
      tags: ['auth'], summary: 'Log in (sets the session cookie)',
      body: Type.Object({ username: Text(64, 1), password: Text(200, 1) }),
      response: { 200: MeResponse, ...errors(400, 401, 429) },
    },
  }, async (req, reply) => {
    const { sid, maxAgeSeconds } = await login(ctx, req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, sid, {
      httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.secureCookies, maxAge: maxAgeSeconds,
    });
    const user = (await loadSession(ctx, sid))!;
    return { user: await describeUser(ctx, user), csrfToken: user.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { policy: 'user' },
    schema: { tags: ['auth'], summary: 'Log out', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors(401, 403) } },
  }, async (req, reply) => {
    await logout(ctx, currentUser(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', {
    config: { policy: 'user' },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeResponse, ...errors(401) } },
  }, async (req) => {
    const user = currentUser(req);
    return { user: await describeUser(ctx, user), csrfToken: user.csrfToken };
  });
}
