import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KIND, startTestApp, type TestApp } from '../../../test/harness.js';
import { users } from './schema.js';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('accounts and sessions', () => {
  it('reports health with the database kind', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.db).toBe(DB_KIND);
  });

  it('stores argon2id hashes, never the password', async () => {
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, 'admin'));
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u.passwordHash).not.toContain('banshi123');
  });

  it('logs in with an httpOnly SameSite cookie and returns the user and a CSRF token', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'window1', password: 'banshi123' });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/banshi_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user).toMatchObject({ username: 'window1', role: 'receiver' });
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password with a bilingual error and no cookie', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'admin', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_credentials' });
    expect(res.body.error.messageZh).toBeTruthy();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('names the missing field on a malformed login', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].field).toBe('body.password');
  });

  it('answers me, and 401 after logout', async () => {
    const c = await t.login('coord1');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'coordinator', departmentName: expect.stringContaining('民政局') });
    expect(me.body.csrfToken).toBe(c.csrf);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('answers the session probe with 200 for a visitor (user null) and for a signed-in user', async () => {
    const anon = await t.anon.get('/api/auth/session');
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ user: null, csrfToken: null });
    const c = await t.login('coord1');
    const me = await c.get('/api/auth/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'coordinator' });
    expect(me.body.csrfToken).toBe(c.csrf);
    await c.post('/api/auth/logout');
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const c = await t.login('admin');
    const res = await c.raw({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('locks an account after repeated wrong passwords (more in security.int.test.ts)', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) last = (await t.anon.post('/api/auth/login', { username: 'leader1', password: 'wrong' })).status;
    expect(last).toBe(423);
  });

  it('checks roles on the server: an applicant cannot manage the catalog', async () => {
    const c = await t.login('citizen1');
    const res = await c.get('/api/catalog/items');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await t.anon.get('/api/catalog/items')).status).toBe(401);
  });

  it('never answers 500 for an unknown API path or bad JSON', async () => {
    expect((await t.anon.get('/api/nope')).status).toBe(404);
    const res = await t.anon.raw({ method: 'POST', url: '/api/auth/login', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.messageZh).toBeTruthy();
  });
});
