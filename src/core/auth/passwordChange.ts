import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError, unprocessable } from '../errors.js';
import { appendAudit } from '../audit/audit.js';
import { users } from './schema.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblem } from './passwordRules.js';
import type { SessionUser } from './policy.js';
import { endUserSessions, forgetCachedSessions } from './service.js';
import { countAttempt, settleSuccess, throttleKeys } from './throttle.js';

/**
 * A user changes their own password (the forced change after an admin created or reset the
 * account, or any time). The current password is checked under the login limits — a stolen
 * session must not become a way to guess it; the user's other sessions end.
 */
export async function changePassword(ctx: AppContext, user: SessionUser, input: { currentPassword: string; newPassword: string; ip: string }): Promise<void> {
  const keys = throttleKeys(user.username, input.ip);
  const counted = await countAttempt(ctx, ctx.db, keys);
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw counted.failure() ?? unprocessable('wrong_password', 'The current password is wrong', '当前密码不正确', [{ field: 'body.currentPassword' }]);
  }
  await settleSuccess(ctx, ctx.db, keys);
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError(422, problem.code, problem.message, problem.messageZh, [{ field: 'body.newPassword' }]);
  if (input.newPassword === input.currentPassword) {
    throw unprocessable('password_unchanged', 'The new password must differ from the current one', '新密码不能与当前密码相同', [{ field: 'body.newPassword' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.wall() }).where(sql`${users.id} = ${user.id}`);
    await endUserSessions(tx, user.id, user.sessionId);
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'auth.password_change', entityType: 'user', entityId: user.id,
      after: { wasInitialPassword: user.mustChangePassword === true }, at: ctx.now(),
    });
  });
  forgetCachedSessions(user.id);
}
