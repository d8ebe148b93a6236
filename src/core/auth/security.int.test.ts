/**
 * Sign-in under attack and staff accounts (issue 20 §4): the login limits live in the
 * database (per account and per address, across instances), X-Forwarded-For is not believed
 * unless configured, login rotates the session id, admin-created accounts must change their
 * initial password before anything else answers, and admins stay inside their center scope.
 * Failing attempts come from their own made-up addresses so tests do not share counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp, type TestAppOptions } from '../../../test/harness.js';
import { auditEvents } from '../audit/schema.js';
import { centers, departments, windows } from '../org/schema.js';
import { loginThrottle, sessions, users } from './schema.js';
import { setPasswordByOperator } from './accounts.js';
import { LOCK_MS } from './throttle.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

interface Attempt { ip?: string; xff?: string; cookie?: string }
async function attempt(app: TestApp, username: string, password: string, a: Attempt = {}) {
  const res = await app.app.inject({
    method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: a.ip ?? '127.0.0.1',
    headers: { ...(a.xff ? { 'x-forwarded-for': a.xff } : {}), ...(a.cookie ? { cookie: a.cookie } : {}) },
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers, cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] };
}
const okLogin = async (app: TestApp, username: string, password: string, ip = '127.0.0.1') => {
  const r = await attempt(app, username, password, { ip });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r;
};
const throttleRows = (prefix: string) => t.ctx.db.select().from(loginThrottle).where(like(loginThrottle.key, `${prefix}%`));
const centerId = async (name: string) => (await t.ctx.db.select({ id: centers.id }).from(centers).where(eq(centers.name, name)))[0].id;
/** Accounts other tests count failures on: not sprayed. */
const USED_ELSEWHERE = sql.raw(`('leader1', 'chief1', 'admin', 'town_admin', 'coord1', 'window1', 'window2', 'window3', 'window4', 'window5')`);
/** Another instance on the same database, its wall clock where t's is (the lockout test moved t's on). */
async function sibling(config?: TestAppOptions['config']) {
  const s = await startTestApp({ sameDatabaseAs: t, config });
  s.ctx.clock.advanceWall(t.ctx.clock.wall().getTime() - s.ctx.clock.wall().getTime());
  return s;
}
const userRow = async (username: string) => (await t.ctx.db.select().from(users).where(eq(users.username, username)))[0];

describe('login limits kept in the database', () => {
  it('locks an account after 5 failures, says until when, refuses even the right password, then lets it in after 15 minutes', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await attempt(t, 'leader1', `wrong-${i}`, { ip: '198.51.100.1' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect(last!.body.error.code).toBe('account_locked');
    const until = new Date(last!.body.error.details.lockedUntil).getTime();
    expect(until - t.ctx.clock.wall().getTime()).toBeGreaterThan(LOCK_MS - 60_000);
    expect(until - t.ctx.clock.wall().getTime()).toBeLessThanOrEqual(LOCK_MS);
    const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(until);
    expect(last!.body.error.messageZh).toBe(`该账号连续登录失败次数过多，已暂时锁定，请于 ${hm} 后再试`);
    expect(last!.body.error.message).toContain(`locked until ${hm}`);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(800);

    // Locked for everybody, from any address, even with the right password.
    expect((await attempt(t, 'leader1', 'banshi123', { ip: '198.51.100.2' })).status).toBe(423);
    expect((await attempt(t, 'leader1', 'banshi123')).body.error.code).toBe('account_locked');

    t.ctx.clock.advanceWall(LOCK_MS + 1_000);
    await okLogin(t, 'leader1', 'banshi123');
    expect(await throttleRows('account:leader1')).toEqual([]);
    // The count starts again: one more failure is just a failure.
    expect((await attempt(t, 'leader1', 'nope', { ip: '198.51.100.1' })).status).toBe(401);
  });

  it('parallel attempts cannot slip past the limit: exactly 5 passwords are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(t, 'chief1', `guess-${i}`, { ip: `198.51.100.${100 + i}` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBe(4);
    expect(statuses.filter((s) => s === 423).length).toBe(8);
  });

  it('locks unknown user names the same way, so a lockout does not tell which accounts exist', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(t, 'nobody_here', 'x', { ip: '198.51.100.3' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
  });

  it('a forged, rotating X-Forwarded-For changes nothing with the default configuration', async () => {
    expect(t.ctx.config.trustProxy).toBe(false);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await attempt(t, `sprayed_${i}`, 'Spring2026!', { ip: '203.0.113.50', xff: `10.9.${i}.${i + 1}` })).status);
    }
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(19)).toEqual([429, 429, 429]);
    // The counter is keyed on the socket's address; no forged address was ever counted.
    expect((await throttleRows('address:')).map((r) => r.key)).toContain('address:203.0.113.50');
    expect((await throttleRows('address:10.9.')).length).toBe(0);
  });

  it('refuses one password sprayed over 25 real accounts from one address, without locking those accounts', async () => {
    const staff = (await t.ctx.db.select({ username: users.username }).from(users).where(sql`${users.role} <> 'applicant' and ${users.username} not in ${USED_ELSEWHERE}`).orderBy(users.username).limit(25)).map((u) => u.username);
    expect(staff.length).toBe(25);
    const answers = [];
    for (const username of staff) answers.push(await attempt(t, username, 'Qinghe@2026', { ip: '192.0.2.77' }));
    expect(answers.slice(0, 19).map((a) => a.status)).toEqual(Array(19).fill(401));
    expect(answers.slice(19).map((a) => a.status)).toEqual(Array(6).fill(429));
    expect(answers[24].body.error.code).toBe('too_many_attempts');
    expect(answers[24].body.error.messageZh).toMatch(/请于 \d\d:\d\d 后再试/);
    // Even the right password is refused from that address now …
    expect((await attempt(t, staff[0], 'banshi123', { ip: '192.0.2.77' })).status).toBe(429);
    // … while the accounts themselves (one failure each) sign in from elsewhere.
    await okLogin(t, staff[0], 'banshi123', '192.0.2.78');
  });

  it('counts IPv6 clients by their /64', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt(t, `v6_${i}`, 'x', { ip: `2001:db8:77:1::${(i + 1).toString(16)}` })).status);
    expect(statuses[18]).toBe(401);
    expect(statuses.slice(19)).toEqual([429, 429]);
  });

  it('believes X-Forwarded-For only from the proxies BANSHI_TRUST_PROXY names', async () => {
    const proxied = await sibling({ trustProxy: ['10.0.0.1'] });
    try {
      await attempt(proxied, 'no_such_a', 'x', { ip: '10.0.0.1', xff: '198.18.0.5' });
      await attempt(proxied, 'no_such_b', 'x', { ip: '198.18.0.99', xff: '198.18.0.6' });
      const keys = (await throttleRows('address:198.18.')).map((r) => r.key).sort();
      expect(keys).toEqual(['address:198.18.0.5', 'address:198.18.0.99']);
    } finally {
      await proxied.close();
    }
  });

  it('holds across two instances on one database and across a restart', async () => {
    const second = await sibling();
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 4; i++) statuses.push((await attempt(i % 2 ? second : t, 'coord1', 'bad', { ip: `198.51.100.${20 + i}` })).status);
      statuses.push((await attempt(second, 'coord1', 'bad', { ip: '198.51.100.30' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      expect((await attempt(t, 'coord1', 'banshi123')).status).toBe(423);
    } finally {
      await second.close();
    }
    const restarted = await sibling();
    try {
      expect((await attempt(restarted, 'coord1', 'banshi123')).status).toBe(423);
    } finally {
      await restarted.close();
    }
  });
});

describe('session id rotated at login', () => {
  it('ends the session the browser came with and issues a new id', async () => {
    const first = await okLogin(t, 'window2', 'banshi123');
    const second = await attempt(t, 'window2', 'banshi123', { cookie: first.cookie });
    expect(second.status).toBe(200);
    expect(second.cookie).not.toBe(first.cookie);
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(200);
    const [login] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.entityId, (await userRow('window2')).id))).orderBy(sql`${auditEvents.id} desc`).limit(1);
    expect(login.after).toEqual({ previousSessionEnded: true });
    // Another user's session cookie sent along is ended too (a shared kiosk browser).
    const other = await okLogin(t, 'window3', 'banshi123');
    await attempt(t, 'window2', 'banshi123', { cookie: other.cookie });
    expect((await me(other.cookie)).statusCode).toBe(401);
  });
});

describe('staff accounts an admin creates', () => {
  let admin: Client;
  let townAdmin: Client;
  let county: string;
  let town: string;
  beforeAll(async () => {
    admin = await t.login('admin');
    townAdmin = await t.login('town_admin');
    county = (await userRow('admin')).centerId!;
    town = (await userRow('town_admin')).centerId!;
  });

  it('creates a receiver with an initial password shown once; the user must change it before anything else', async () => {
    const [win] = await t.ctx.db.select().from(windows).where(and(eq(windows.centerId, county), eq(windows.number, 3)));
    const created = await admin.post('/api/accounts', { username: 'new_window', displayName: '新窗口', role: 'receiver', centerId: county, windowId: win.id });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.account).toMatchObject({ username: 'new_window', role: 'receiver', windowId: win.id, mustChangePassword: true, active: true });
    const initial: string = created.body.initialPassword;
    expect(initial).toMatch(/^[a-zA-Z2-9]{12}$/);
    expect((await userRow('new_window')).passwordHash).toMatch(/^\$argon2id\$/);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.create'), eq(auditEvents.entityId, created.body.account.id)));
    expect(JSON.stringify(audit.after)).not.toContain(initial);

    const user = await t.login('new_window', initial);
    const me = await user.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    for (const url of ['/api/notifications', '/api/cases', '/api/accounts']) {
      const r = await user.get(url);
      expect(r.status, url).toBe(403);
      expect(r.body.error.code).toBe('password_change_required');
    }
    // Public pages still answer, as to anybody.
    expect((await user.get('/api/health')).status).toBe(200);
    const otherSession = await t.login('new_window', initial);

    expect((await user.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'Window-Desk-2026' })).body.error.code).toBe('wrong_password');
    expect((await user.post('/api/auth/password', { currentPassword: initial, newPassword: 'short1' })).body.error.code).toBe('password_too_short');
    expect((await user.post('/api/auth/password', { currentPassword: initial, newPassword: 'new_window-2026' })).body.error.code).toBe('password_too_guessable');
    const changed = await user.post('/api/auth/password', { currentPassword: initial, newPassword: 'Window-Desk-2026' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);

    expect((await user.get('/api/notifications')).status).toBe(200);
    expect((await user.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await otherSession.get('/api/auth/me')).status).toBe(401);
    expect((await attempt(t, 'new_window', initial, { ip: '198.51.100.40' })).status).toBe(401);
    await okLogin(t, 'new_window', 'Window-Desk-2026');
    const [pwAudit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.password_change'), eq(auditEvents.entityId, created.body.account.id)));
    expect(pwAudit.after).toEqual({ wasInitialPassword: true });
  });

  it('checks the role, department and window against the center', async () => {
    const [mz] = await t.ctx.db.select().from(departments).where(and(eq(departments.centerId, county), like(departments.name, '%民政%')));
    const [townWin] = await t.ctx.db.select().from(windows).where(eq(windows.centerId, town));
    const base = { username: 'new_coord', displayName: '新全程', role: 'coordinator', centerId: county };
    const code = async (body: object) => (await admin.post('/api/accounts', body)).body.error?.code;
    expect(await code(base)).toBe('department_required');
    expect(await code({ ...base, role: 'supervisor', departmentId: mz.id })).toBe('department_not_allowed');
    expect(await code({ ...base, centerId: town, departmentId: mz.id })).toBe('department_not_in_center');
    expect(await code({ ...base, departmentId: mz.id, windowId: townWin.id })).toBe('window_not_in_center');
    expect(await code({ ...base, role: 'leader', departmentId: mz.id, windowId: (await t.ctx.db.select().from(windows).where(eq(windows.centerId, county)))[0].id })).toBe('window_not_allowed');
    expect((await admin.post('/api/accounts', { ...base, role: 'applicant' })).status).toBe(400);
    expect((await admin.post('/api/accounts', { ...base, username: 'Bad Name' })).status).toBe(400);
    expect((await admin.post('/api/accounts', { ...base, departmentId: '00000000-0000-4000-8000-000000000000' })).body.error.code).toBe('department_not_in_center');
    const ok = await admin.post('/api/accounts', { ...base, departmentId: mz.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.account.departmentName).toContain('民政');
    const dup = await admin.post('/api/accounts', { ...base, departmentId: mz.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('username_taken');
    expect((await (await t.login('window1')).get('/api/accounts')).status).toBe(403);
  });

  it('keeps admins inside their center and the centers below', async () => {
    // Town admin: nothing in the county center, above all no admin above their own center.
    expect((await townAdmin.post('/api/accounts', { username: 'sneaky_admin', displayName: '越权', role: 'centerAdmin', centerId: county })).status).toBe(403);
    expect((await townAdmin.post('/api/accounts', { username: 'sneaky_recv', displayName: '越权', role: 'receiver', centerId: county })).status).toBe(403);
    const window1 = await userRow('window1');
    expect((await townAdmin.post(`/api/accounts/${window1.id}/reset-password`)).status).toBe(403);
    expect((await townAdmin.post(`/api/accounts/${window1.id}/deactivate`)).status).toBe(403);
    expect((await townAdmin.post(`/api/accounts/${(await userRow('admin')).id}/reset-password`)).status).toBe(403);
    expect((await admin.post(`/api/accounts/${(await userRow('citizen1')).id}/reset-password`)).status).toBe(403);
    const townList = await townAdmin.get('/api/accounts');
    expect(townList.status).toBe(200);
    expect(townList.body.items.length).toBeGreaterThan(0);
    expect(townList.body.items.every((a: { centerId: string }) => a.centerId !== county)).toBe(true);
    expect(townList.body.items.map((a: { username: string }) => a.username)).not.toContain('window1');
    const opts = await townAdmin.get('/api/accounts/options');
    expect(opts.body.centers.map((c: { id: string }) => c.id)).not.toContain(county);

    // County admin: the town below is in scope (a town's admin included); the county list shows both.
    const townBoss = await admin.post('/api/accounts', { username: 'town_admin2', displayName: '镇副主任', role: 'centerAdmin', centerId: town });
    expect(townBoss.status, JSON.stringify(townBoss.body)).toBe(200);
    const countyList = (await admin.get('/api/accounts')).body.items.map((a: { username: string }) => a.username);
    expect(countyList).toEqual(expect.arrayContaining(['window1', 'town_admin', 'town_admin2']));
    expect(countyList).not.toContain('citizen1');
    expect((await admin.get(`/api/accounts?centerId=${town}&q=ADMIN2`)).body.items.map((a: { username: string }) => a.username)).toEqual(['town_admin2']);
    expect((await admin.post(`/api/accounts/${(await userRow('admin')).id}/deactivate`)).body.error.code).toBe('own_account');
  });

  it('resets a password (again must-change; sessions end; a lockout lifts) and deactivates an account', async () => {
    const target = await userRow('window4');
    const session = await t.login('window4');
    for (let i = 0; i < 5; i++) await attempt(t, 'window4', 'bad', { ip: '198.51.100.60' });
    expect((await attempt(t, 'window4', 'banshi123')).status).toBe(423);

    const reset = await admin.post(`/api/accounts/${target.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.account.mustChangePassword).toBe(true);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const again = await t.login('window4', reset.body.initialPassword);
    expect((await again.get('/api/notifications')).body.error.code).toBe('password_change_required');

    const off = await admin.post(`/api/accounts/${target.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, target.id))).toEqual([]);
    expect((await attempt(t, 'window4', reset.body.initialPassword, { ip: '198.51.100.61' })).status).toBe(401);
    const on = await admin.post(`/api/accounts/${target.id}/activate`);
    expect(on.body.active).toBe(true);
    await okLogin(t, 'window4', reset.body.initialPassword);
    const actions = (await t.ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, target.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account.reset_password', 'account.deactivate', 'account.activate']));
  });

  it('the operator command sets a chosen password and clears the flag, or keeps it with --must-change', async () => {
    expect(await setPasswordByOperator(t.ctx.db, 'window5', 'Operator-Set-2026', false, t.ctx.now())).toBe(true);
    expect((await userRow('window5')).mustChangePassword).toBe(false);
    const s = await t.login('window5', 'Operator-Set-2026');
    expect((await s.get('/api/notifications')).status).toBe(200);
    expect(await setPasswordByOperator(t.ctx.db, 'window5', 'Temporary-Pass-77', true, t.ctx.now())).toBe(true);
    expect((await s.get('/api/auth/me')).status).toBe(401);
    expect((await userRow('window5')).mustChangePassword).toBe(true);
    expect(await setPasswordByOperator(t.ctx.db, 'nobody', 'Temporary-Pass-77', true, t.ctx.now())).toBe(false);
  });

  it('refuses control characters and bad ids before the database sees them', async () => {
    expect((await attempt(t, 'adm\u0000in', 'x', { ip: '198.51.100.90' })).status).toBe(400);
    expect((await admin.post('/api/accounts', { username: 'nul_name', displayName: '孙\u0000', role: 'receiver', centerId: county })).status).toBe(400);
    expect((await admin.post('/api/accounts', { username: 'blank_name', displayName: '   ', role: 'receiver', centerId: county })).status).toBe(400);
    expect((await admin.get('/api/accounts?q=%00')).status).toBe(400);
    expect((await admin.post('/api/accounts/not-a-uuid/deactivate')).status).toBe(400);
    expect((await admin.post('/api/accounts/00000000-0000-4000-8000-000000000000/reset-password')).status).toBe(404);
  });

  it('the demo accounts are not asked to change their password', async () => {
    expect((await t.ctx.db.select().from(users).where(eq(users.mustChangePassword, true))).map((u) => u.username).sort())
      .toEqual(['new_coord', 'town_admin2', 'window4', 'window5']);
  });
});
