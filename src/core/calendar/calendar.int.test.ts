import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { LOW_INCOME, must, walkIn } from '../../../test/cases.js';

let t: TestApp;
let admin: Client;
let centerId: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  centerId = (await admin.get('/api/auth/me')).body.user.centerId;
});
afterAll(async () => { await t?.close(); });

describe('calendar API', () => {
  it('adds working days across National Day (acceptance day not counted)', async () => {
    const res = await t.anon.get('/api/calendar/add?from=2025-09-30&days=5');
    expect(res.body).toEqual({ due: '2025-10-14', fallback: false });
  });

  it('counts working days in (from, to]', async () => {
    const res = await t.anon.get('/api/calendar/between?from=2025-09-30&to=2025-10-14');
    expect(res.body).toEqual({ workingDays: 5, fallback: false });
  });

  it('lists a year with kinds, and flags years outside the data', async () => {
    const y = await t.anon.get('/api/calendar/year/2026');
    expect(y.body.known).toBe(true);
    expect(y.body.days).toHaveLength(365);
    const kind = (d: string) => y.body.days.find((x: { date: string }) => x.date === d).kind;
    expect(kind('2026-02-17')).toBe('holiday');
    expect(kind('2026-01-05')).toBe('workday');
    expect(kind('2026-01-10')).toBe('weekend');
    expect(y.body.days.some((d: { kind: string }) => d.kind === 'adjustedWorkday')).toBe(true);
    const far = await t.anon.get('/api/calendar/year/2031');
    expect(far.body.known).toBe(false);
    expect((await t.anon.get('/api/calendar/add?from=2031-01-01&days=1')).body.fallback).toBe(true);
  });

  it('refuses impossible dates and negative days with a named field', async () => {
    const bad = await t.anon.get('/api/calendar/add?from=2025-02-30&days=1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('querystring.from');
    const neg = await t.anon.get('/api/calendar/add?from=2025-02-03&days=-1');
    expect(neg.status).toBe(400);
    expect(neg.body.error.code).toBe('validation_failed');
    const old = await t.anon.get('/api/calendar/add?from=1900-01-01&days=1');
    expect(old.status).toBe(400);
    // Outside the calendar's range (1980–2149): refused by the shared date format, naming the field.
    expect(old.body.error.code).toBe('validation_failed');
    expect(old.body.error.details[0].field).toBe('querystring.from');
    expect((await t.anon.get('/api/calendar/add?from=2149-12-30&days=3650')).status).toBe(400);
  });

  it('applies a center’s local closure and extra working day, and removes them', async () => {
    // Thu 2026-12-03 + 1 → Fri 12-04; close the center on Friday → Mon 12-07.
    expect((await t.anon.get(`/api/calendar/add?from=2026-12-03&days=1&center=${centerId}`)).body.due).toBe('2026-12-04');
    expect((await admin.post('/api/calendar/overrides', { date: '2026-12-04', kind: 'localClosure', note: '设备检修闭馆' })).status).toBe(200);
    expect((await t.anon.get(`/api/calendar/add?from=2026-12-03&days=1&center=${centerId}`)).body.due).toBe('2026-12-07');
    // National answers do not change.
    expect((await t.anon.get('/api/calendar/add?from=2026-12-03&days=1')).body.due).toBe('2026-12-04');
    await admin.post('/api/calendar/overrides', { date: '2026-12-05', kind: 'extraWorkday', note: '周六延时服务' });
    expect((await t.anon.get(`/api/calendar/add?from=2026-12-03&days=1&center=${centerId}`)).body.due).toBe('2026-12-05');
    const year = await t.anon.get(`/api/calendar/year/2026?center=${centerId}`);
    expect(year.body.days.find((d: { date: string }) => d.date === '2026-12-04').kind).toBe('localClosure');
    expect((await admin.del('/api/calendar/overrides/2026-12-04')).status).toBe(200);
    expect((await admin.del('/api/calendar/overrides/2026-12-05')).status).toBe(200);
    expect((await t.anon.get(`/api/calendar/add?from=2026-12-03&days=1&center=${centerId}`)).body.due).toBe('2026-12-04');
    expect((await admin.del('/api/calendar/overrides/2026-12-05')).status).toBe(404);
  });

  it('loads national days for a year the package does not know (one date leaves the year fallback)', async () => {
    await admin.post('/api/calendar/overrides', { date: '2027-01-01', kind: 'holiday', note: '元旦', national: true });
    const y = await t.anon.get('/api/calendar/year/2027');
    expect(y.body.known).toBe(false);
    expect((await t.anon.get('/api/calendar/add?from=2026-12-31&days=1')).body).toEqual({ due: '2027-01-04', fallback: true });
    expect(y.body.days.find((d: { date: string }) => d.date === '2027-01-01').kind).toBe('holiday');
    const wrong = await admin.post('/api/calendar/overrides', { date: '2027-01-02', kind: 'localClosure', note: '', national: true });
    expect(wrong.status).toBe(400);
    await admin.del('/api/calendar/overrides/2027-01-01?national=1');
  });

  it('lets only center admins change the calendar', async () => {
    const w = await t.login('window1');
    expect((await w.post('/api/calendar/overrides', { date: '2026-12-04', kind: 'localClosure', note: '' })).status).toBe(403);
  });

  it('serves the OpenAPI document with every route', async () => {
    const doc = await t.anon.get('/api/docs/json');
    expect(doc.status).toBe(200);
    for (const p of ['/api/health', '/api/auth/login', '/api/calendar/add', '/api/public/items', '/api/public/items/{code}', '/api/catalog/items']) {
      expect(doc.body.paths).toHaveProperty([p]);
    }
  });
});

describe('preview of a calendar change (four eyes)', () => {
  it('lists the cases a local closure would move, stores nothing, and refuses bad input', async () => {
    const before = await t.ctx.db.execute(sql`select count(*)::int as n from calendar_changes`) as unknown as { rows: { n: number }[] };
    // A demo-free app: file one case so there is something to move.
    const window1 = await t.login('window1');
    const created = await window1.post('/api/cases', walkIn(LOW_INCOME));
    await must(window1, created.body.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    const view = (await window1.get(`/api/cases/${created.body.id}`)).body.clock;
    const day = (await t.anon.get(`/api/calendar/add?from=${view.acceptedOn}&days=1`)).body.due as string; // inside its window
    const p = await admin.post('/api/calendar/overrides/preview', { date: day, kind: 'localClosure' });
    expect(p.status, JSON.stringify([view.acceptedOn, day, p.body])).toBe(200);
    const mine = p.body.cases.find((c: { id: string }) => c.id === created.body.id);
    expect(mine.moved.promisedDue.from).toBe(view.promisedDue);
    expect(mine.moved.promisedDue.to > view.promisedDue).toBe(true);
    expect(p.body.sms).toBeGreaterThanOrEqual(1);
    const after = await t.ctx.db.execute(sql`select count(*)::int as n from calendar_changes`) as unknown as { rows: { n: number }[] };
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect((await window1.get(`/api/cases/${created.body.id}`)).body.clock.promisedDue).toBe(view.promisedDue);
    expect((await admin.post('/api/calendar/overrides/preview', { date: '2026-03-03', kind: 'holiday' })).body.error.code).toBe('override_kind');
    expect((await admin.post('/api/calendar/overrides/preview', { date: '2026-02-30', kind: 'localClosure' })).status).toBe(400);
    expect((await window1.post('/api/calendar/overrides/preview', { date: '2026-03-03', kind: 'localClosure' })).status).toBe(403);
  });
});
