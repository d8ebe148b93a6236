import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rows, type Tx } from '../db/index.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/audit.js';
import { sessions, users } from './schema.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import type { SessionUser } from './policy.js';
import { countAttempt, settleSuccess, throttleKeys } from './throttle.js';
import { ROLE_LABELS, type Role } from './roles.js';

export const SESSION_COOKIE = 'banshi_sid';
const SESSION_HOURS = 12;

/** The database stores only a hash of the session id, so a leaked table grants no session. */
const hashSessionId = (sid: string) => createHash('sha256').update(sid).digest('hex');

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client's address (req.ip: the socket's unless BANSHI_TRUST_PROXY names the proxy). */
  ip: string;
  /** The session cookie the browser still sent, if any: ended here, so a login always gets a new id. */
  previousSid?: string;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong username or password', '用户名或密码错误');

/**
 * Checks the password under the login limits (src/core/auth/throttle.ts): the attempt is
 * counted first and refused, before any password is checked, when the account or the
 * address is over its limit; a success clears the account's count, ends the session the
 * browser came with and opens a new one.
 */
export async function login(ctx: AppContext, attempt: LoginAttempt) {
  const keys = throttleKeys(attempt.username, attempt.ip);
  const counted = await countAttempt(ctx, ctx.db, keys);
  const [user] = await ctx.db.select({ id: users.id, passwordHash: users.passwordHash, role: users.role, active: users.active })
    .from(users).where(eq(users.username, attempt.username)).limit(1);
  const ok = user && user.active ? await verifyPassword(user.passwordHash, attempt.password) : (await verifyPassword(await dummyPasswordHash(), attempt.password), false);
  if (!user || !ok) throw counted.failure() ?? invalidCredentials();
  const sid = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const wall = ctx.clock.wall();
  await ctx.db.transaction(async (tx) => {
    const rotated = attempt.previousSid ? await endSession(tx, attempt.previousSid) : false;
    await settleSuccess(ctx, tx, keys);
    await tx.insert(sessions).values({
      id: hashSessionId(sid), userId: user.id, csrfToken, createdAt: wall,
      expiresAt: new Date(wall.getTime() + SESSION_HOURS * 3600_000),
    });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'auth.login', entityType: 'user', entityId: user.id, after: rotated ? { previousSessionEnded: true } : undefined, at: ctx.now() });
  });
  return { sid, maxAgeSeconds: SESSION_HOURS * 3600 };
}

/** Deletes the session with this (cookie) id wherever it belongs; true when there was one. */
async function endSession(tx: Tx, sid: string): Promise<boolean> {
  const key = hashSessionId(sid);
  sessionCache.delete(key);
  const gone = await tx.delete(sessions).where(eq(sessions.id, key)).returning({ id: sessions.id });
  return gone.length > 0;
}

/** Drops a user's sessions from this instance's cache (their rows were just deleted or their flags changed). */
export function forgetCachedSessions(userId: string): void {
  for (const [key, hit] of sessionCache) if (hit.user.id === userId) sessionCache.delete(key);
}

/** Ends every session of a user but the one given (password changed, reset, account deactivated). */
export async function endUserSessions(tx: Tx, userId: string, keepSessionId?: string): Promise<void> {
  await tx.delete(sessions).where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
  forgetCachedSessions(userId);
}

export async function logout(ctx: AppContext, user: SessionUser): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, user.sessionId));
    sessionCache.delete(user.sessionId);
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'auth.logout', entityType: 'user', entityId: user.id, at: ctx.now() });
  });
}

interface SessionRow {
  session_id: string; csrf_token: string; id: string; username: string; display_name: string; role: Role;
  center_id: string | null; department_id: string | null; window_id: string | null;
  applicant_kind: 'person' | 'organization' | null; center_scope: string[] | null; must_change_password: boolean;
}

/**
 * Sessions read in the last few seconds are kept in memory: most requests of a busy
 * window come in bursts. Logout drops the entry here at once; another instance may
 * honour a revoked session for at most SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const sessionCache = new Map<string, { user: SessionUser; until: number }>();

export async function loadSession(ctx: AppContext, sid: string): Promise<SessionUser | null> {
  const key = hashSessionId(sid);
  const hit = sessionCache.get(key);
  const wall = ctx.clock.wall().getTime();
  if (hit && hit.until > wall) return hit.user;
  const user = await readSession(ctx, sid);
  if (sessionCache.size > 10_000) sessionCache.clear();
  if (user) sessionCache.set(key, { user, until: wall + SESSION_CACHE_MS });
  else sessionCache.delete(key);
  return user;
}

/** A user's columns as a SessionUser needs them, with the centers the user may read (own center and below). */
const USER_COLUMNS = sql`u.id, u.username, u.display_name, u.role, u.center_id, u.department_id, u.window_id, u.applicant_kind, u.must_change_password,
  (select array_agg(c.id) from centers c where u.center_id is not null and c.path like '%' || u.center_id || '%') as center_scope`;

const sessionUserOf = (r: SessionRow): SessionUser => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, centerId: r.center_id,
  centerScope: r.center_scope ?? [], departmentId: r.department_id, windowId: r.window_id,
  applicantKind: r.applicant_kind, sessionId: r.session_id, csrfToken: r.csrf_token,
  mustChangePassword: r.must_change_password,
});

/** One query: the session, its user and the centers the user may read. */
async function readSession(ctx: AppContext, sid: string): Promise<SessionUser | null> {
  const [r] = await rows<SessionRow>(ctx.db, sql`
    select s.id as session_id, s.csrf_token, ${USER_COLUMNS}
      from sessions s join users u on u.id = s.user_id
     where s.id = ${hashSessionId(sid)} and s.expires_at > ${ctx.clock.wall().toISOString()} and u.active`);
  return r ? sessionUserOf(r) : null;
}

/**
 * A user acting without a session (the demo's history is filed in their names): the same
 * user, role and scope a login would give, with no session or CSRF token.
 */
export async function actingUser(ctx: AppContext, username: string): Promise<SessionUser> {
  const [r] = await rows<SessionRow>(ctx.db, sql`select '' as session_id, '' as csrf_token, ${USER_COLUMNS} from users u where u.username = ${username}`);
  if (!r) throw new Error(`no user ${username}`);
  return sessionUserOf(r);
}

/** What the UI needs about the signed-in user. */
export async function describeUser(ctx: AppContext, user: SessionUser) {
  const [r] = await rows<{ center_name: string | null; department_name: string | null }>(ctx.db, sql`
    select (select name from centers where id = ${user.centerId}) as center_name,
           (select name from departments where id = ${user.departmentId}) as department_name`);
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role, roleLabel: ROLE_LABELS[user.role],
    centerId: user.centerId, centerName: r?.center_name ?? null, departmentId: user.departmentId,
    departmentName: r?.department_name ?? null, windowId: user.windowId, applicantKind: user.applicantKind,
    mustChangePassword: user.mustChangePassword === true,
  };
}
