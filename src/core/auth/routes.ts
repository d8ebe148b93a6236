import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { Text } from '../formats.js';
import type { AppContext } from '../context.js';
import { errors, type App } from '../http.js';
import { currentUser } from './policy.js';
import { describeUser, loadSession, login, logout, SESSION_COOKIE } from './service.js';
import { changePassword } from './passwordChange.js';
import { isLockError } from './throttle.js';

const Me = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.String(), roleLabel: Type.String(),
  centerId: Type.Union([Type.String(), Type.Null()]), centerName: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.String(), Type.Null()]), departmentName: Type.Union([Type.String(), Type.Null()]),
  windowId: Type.Union([Type.String(), Type.Null()]), applicantKind: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean({ description: 'true: only me, logout and POST /api/auth/password answer until the password is changed' }),
});
/** PostgreSQL text cannot hold NUL: a user name with control characters is refused here, not by the database. */
export const NO_CONTROL_CHARS = '^[^\\u0000-\\u001f\\u007f]*$';

const MeResponse = Type.Object({ user: Me, csrfToken: Type.String() });
const SessionResponse = Type.Object({ user: Type.Union([Me, Type.Null()]), csrfToken: Type.Union([Type.String(), Type.Null()]) });

export function authRoutes(app: App, ctx: AppContext) {
  app.post('/api/auth/login', {
    config: {
      policy: 'public', csrf: false,
      // The real limits are per account and per address in PostgreSQL (throttle.ts); this one,
      // in memory, only stops one address from burning the CPU with password hashing.
      rateLimit: { max: 120, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['auth'], summary: 'Log in (sets the session cookie); 423 when the account is locked, 429 when the address is',
      description: 'Failed sign-ins are counted per account and per client address: at the limit (5 and 20 within 15 minutes by default) sign-in is refused for 15 minutes, with the time in the message and details.lockedUntil. A session cookie sent along is ended: every login gets a new session id.',
      body: Type.Object({ username: Text(64, 1, { pattern: NO_CONTROL_CHARS }), password: Text(200, 1) }),
      response: { 200: MeResponse, ...errors(400, 401, 423, 429) },
    },
  }, async (req, reply) => {
    const { sid, maxAgeSeconds } = await withRetryAfter(reply, login(ctx, {
      username: req.body.username, password: req.body.password, ip: req.ip, previousSid: req.cookies[SESSION_COOKIE],
    }));
    reply.setCookie(SESSION_COOKIE, sid, {
      httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.secureCookies, maxAge: maxAgeSeconds,
    });
    const user = (await loadSession(ctx, sid))!;
    return { user: await describeUser(ctx, user), csrfToken: user.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { policy: 'user', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'Log out', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors(401, 403) } },
  }, async (req, reply) => {
    await logout(ctx, currentUser(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', {
    config: { policy: 'user', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeResponse, ...errors(401) } },
  }, async (req) => {
    const user = currentUser(req);
    return { user: await describeUser(ctx, user), csrfToken: user.csrfToken };
  });

  // The web app's probe on every page: "who am I, if anyone". Anonymous is an answer, not an
  // error (a 401 here would be logged in every visitor's console); /api/auth/me keeps its 401.
  app.get('/api/auth/session', {
    config: { policy: 'public', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'The signed-in user, or null for a visitor', response: { 200: SessionResponse } },
  }, async (req) => {
    if (!req.user) return { user: null, csrfToken: null };
    return { user: await describeUser(ctx, req.user), csrfToken: req.user.csrfToken };
  });
  app.post('/api/auth/password', {
    config: { policy: 'user', beforePasswordChange: true },
    schema: {
      tags: ['auth'], summary: 'Change my password (also the forced change of an initial password); ends my other sessions',
      body: Type.Object({ currentPassword: Text(200, 1), newPassword: Text(200, 1) }),
      response: { 200: MeResponse, ...errors(400, 401, 403, 422, 423, 429) },
    },
  }, async (req, reply) => {
    const user = currentUser(req);
    await withRetryAfter(reply, changePassword(ctx, user, { ...req.body, ip: req.ip }));
    const fresh = { ...user, mustChangePassword: false };
    return { user: await describeUser(ctx, fresh), csrfToken: user.csrfToken };
  });
}

/** A lockout answers with Retry-After as well as the time in its message. */
async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isLockError(e)) reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
    throw e;
  }
}
