/**
 * Staff accounts managed by a center admin: create (with a generated initial password shown
 * once), list, reset the password, deactivate and reactivate. Created and reset accounts must
 * change their password at the next sign-in. Each change is one transaction with its audit event.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rows, type Tx } from '../db/index.js';
import { conflict, notFound } from '../errors.js';
import { appendAudit } from '../audit/audit.js';
import { departments, windows, centers } from '../org/schema.js';
import { loginThrottle, users } from './schema.js';
import { hashPassword } from './password.js';
import { generateInitialPassword } from './passwordRules.js';
import type { SessionUser } from './policy.js';
import { endUserSessions } from './service.js';
import { checkNewAccount, requireManageable, type NewAccount } from './accountRules.js';
import { ROLE_LABELS, STAFF_ROLES, type Role } from './roles.js';
import { accountKey } from './throttle.js';

interface AccountRow {
  id: string; username: string; display_name: string; role: Role; center_id: string; center_name: string;
  department_id: string | null; department_name: string | null; window_id: string | null; window_name: string | null;
  active: boolean; must_change_password: boolean; created_at: string;
}

const accountOf = (r: AccountRow) => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, roleLabel: ROLE_LABELS[r.role],
  centerId: r.center_id, centerName: r.center_name, departmentId: r.department_id, departmentName: r.department_name,
  windowId: r.window_id, windowName: r.window_name, active: r.active, mustChangePassword: r.must_change_password,
  createdAt: new Date(r.created_at).toISOString(),
});
export type Account = ReturnType<typeof accountOf>;

const ACCOUNT_SELECT = sql`
  select u.id, u.username, u.display_name, u.role, u.center_id, c.name as center_name, u.department_id, d.name as department_name,
         u.window_id, w.name as window_name, u.active, u.must_change_password, u.created_at::text as created_at
    from users u join centers c on c.id = u.center_id
    left join departments d on d.id = u.department_id left join windows w on w.id = u.window_id`;

/** Staff accounts of the admin's center and the centers below, by center then user name. */
export async function listAccounts(ctx: AppContext, admin: SessionUser, f: { centerId?: string; q?: string }): Promise<Account[]> {
  const scope = f.centerId ? admin.centerScope.filter((c) => c === f.centerId) : admin.centerScope;
  if (!scope.length) return [];
  const q = f.q?.trim().toLowerCase();
  const list = await rows<AccountRow>(ctx.db, sql`${ACCOUNT_SELECT}
    where u.role <> 'applicant' and u.center_id in (${sql.join(scope.map((id) => sql`${id}::uuid`), sql`, `)})
      ${q ? sql`and (strpos(lower(u.username), ${q}) > 0 or strpos(lower(u.display_name), ${q}) > 0)` : sql``}
    order by c.path, u.username limit 1000`);
  return list.map(accountOf);
}

async function accountById(ctx: AppContext, id: string): Promise<Account> {
  const [r] = await rows<AccountRow>(ctx.db, sql`${ACCOUNT_SELECT} where u.id = ${id}`);
  if (!r) throw notFound('Account', '账号');
  return accountOf(r);
}

/** What the create form offers: the centers in scope with their departments and windows, and the staff roles. */
export async function accountOptions(ctx: AppContext, admin: SessionUser) {
  const scope = admin.centerScope;
  const [cs, ds, ws] = scope.length ? await Promise.all([
    ctx.db.select({ id: centers.id, name: centers.name, level: centers.level }).from(centers).where(inArray(centers.id, scope)).orderBy(centers.path),
    ctx.db.select({ id: departments.id, name: departments.name, centerId: departments.centerId }).from(departments).where(inArray(departments.centerId, scope)).orderBy(departments.name),
    ctx.db.select({ id: windows.id, number: windows.number, name: windows.name, centerId: windows.centerId, departmentId: windows.departmentId }).from(windows).where(inArray(windows.centerId, scope)).orderBy(windows.number),
  ]) : [[], [], []];
  return { centers: cs, departments: ds, windows: ws, roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) };
}

export async function createAccount(ctx: AppContext, admin: SessionUser, input: NewAccount): Promise<{ account: Account; initialPassword: string }> {
  const a = { ...input, departmentId: input.departmentId || null, windowId: input.windowId || null };
  const [dept] = a.departmentId ? await ctx.db.select({ centerId: departments.centerId }).from(departments).where(eq(departments.id, a.departmentId)) : [];
  const [win] = a.windowId ? await ctx.db.select({ centerId: windows.centerId, departmentId: windows.departmentId }).from(windows).where(eq(windows.id, a.windowId)) : [];
  checkNewAccount(admin, a, { department: dept, window: win });
  const initialPassword = generateInitialPassword(a.username);
  const passwordHash = await hashPassword(initialPassword);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({
      username: a.username, displayName: a.displayName, role: a.role, centerId: a.centerId, departmentId: a.departmentId,
      windowId: a.windowId, passwordHash, mustChangePassword: true, createdAt: ctx.now(),
    }).onConflictDoNothing({ target: users.username }).returning({ id: users.id });
    if (!row) throw conflict('username_taken', 'This user name is taken', '该用户名已被使用', [{ field: 'body.username' }]);
    await appendAudit(tx, {
      actorId: admin.id, actorRole: admin.role, action: 'account.create', entityType: 'user', entityId: row.id,
      after: { username: a.username, displayName: a.displayName, role: a.role, centerId: a.centerId, departmentId: a.departmentId, windowId: a.windowId }, at: ctx.now(),
    });
    return row.id;
  });
  return { account: await accountById(ctx, id), initialPassword };
}

/** The account row, locked for the change, checked against the admin's scope. */
async function lockTarget(tx: Tx, admin: SessionUser, id: string, action: 'reset' | 'deactivate' | 'activate') {
  const [t] = await tx.select({ id: users.id, username: users.username, role: users.role, centerId: users.centerId, active: users.active })
    .from(users).where(eq(users.id, id)).for('update');
  if (!t) throw notFound('Account', '账号');
  requireManageable(admin, t, action);
  return t;
}

/** A new initial password (shown once); the user must change it, their sessions end and a lockout is lifted. */
export async function resetPassword(ctx: AppContext, admin: SessionUser, id: string): Promise<{ account: Account; initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await ctx.db.transaction(async (tx) => {
    const t = await lockTarget(tx, admin, id, 'reset');
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, t.id));
    await endUserSessions(tx, t.id);
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(t.username)));
    await appendAudit(tx, { actorId: admin.id, actorRole: admin.role, action: 'account.reset_password', entityType: 'user', entityId: t.id, at: ctx.now() });
  });
  return { account: await accountById(ctx, id), initialPassword };
}

/** Deactivated: cannot sign in, every session ends; history keeps the name. Reactivating restores sign-in. */
export async function setActive(ctx: AppContext, admin: SessionUser, id: string, active: boolean): Promise<Account> {
  await ctx.db.transaction(async (tx) => {
    const t = await lockTarget(tx, admin, id, active ? 'activate' : 'deactivate');
    if (t.active === active) return;
    await tx.update(users).set({ active }).where(eq(users.id, t.id));
    if (!active) await endUserSessions(tx, t.id);
    await appendAudit(tx, {
      actorId: admin.id, actorRole: admin.role, action: active ? 'account.activate' : 'account.deactivate', entityType: 'user', entityId: t.id,
      before: { active: t.active }, after: { active }, at: ctx.now(),
    });
  });
  return accountById(ctx, id);
}

/**
 * `banshi user passwd` (an operator at the server): sets the password they chose. It clears
 * the must-change flag — the operator picked it, e.g. for the first admin — unless mustChange
 * asks to keep it a temporary one. Sessions end and a lockout is lifted, with an audit event.
 */
export async function setPasswordByOperator(db: AppContext['db'], username: string, password: string, mustChange: boolean, now: Date): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [u] = await tx.update(users).set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: mustChange ? null : now })
      .where(eq(users.username, username)).returning({ id: users.id });
    if (!u) return false;
    await endUserSessions(tx, u.id);
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(username)));
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'account.operator_password', entityType: 'user', entityId: u.id, after: { mustChangePassword: mustChange }, at: now });
    return true;
  });
}
