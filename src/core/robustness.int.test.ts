/**
 * Issue 20, "no user input can produce a 500", case by case (the fuzz test covers the breadth):
 * shared formats at the schema, the JSON backstop, references to rows that do not exist,
 * business years, concurrent first writes, LIKE escaping and 403 before 409. On PGlite, and on
 * PostgreSQL (real concurrency) with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { MARRIAGE, walkIn } from '../../test/cases.js';

let t: TestApp;
let admin: Client;
let window1: Client;
let citizen: Client;
const NOW = '2026-12-03T02:00:00Z';
const NOBODY = '3f1c3e9a-1b2c-4d5e-8f90-123456789abc';

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  [admin, window1, citizen] = [await t.login('admin'), await t.login('window1'), await t.login('citizen1')];
}, 120_000);
afterAll(async () => { await t?.close(); });

const fields = (res: { body: { error?: { details?: { field: string }[] } } }) => (res.body.error?.details ?? []).map((d) => d.field);

describe('shared formats at the schema', () => {
  it('impossible dates, huge integers, non-UUID ids, NUL and lone surrogates answer 400 naming the field', async () => {
    const cases = [
      await admin.get('/api/stats/report?from=2026-02-30&to=2026-03-01'),
      await admin.get('/api/stats/report?from=2150-01-01&to=2150-01-02'),
      await admin.get('/api/catalog/items?page=99999999999999999999'),
      await admin.get('/api/feedback/complaints/not-a-uuid'),
      await admin.get('/api/feedback/complaints/urn:uuid:6f1c3e9a-1b2c-4d5e-8f90-123456789abc'),
      await admin.get('/api/catalog/items?q=a%00b'),
    ];
    expect(cases.map((r) => r.status)).toEqual(cases.map(() => 400));
    expect(fields(cases[0])).toEqual(['querystring.from']);
    expect(fields(cases[2])).toEqual(['querystring.page']);
    expect(fields(cases[3])).toEqual(['params.id']);
  });

  it('a lone surrogate or NUL anywhere in a JSON body (free-form parts included) answers 400 naming the path', async () => {
    const lone = await window1.raw({ method: 'POST', url: '/api/feedback/first-asks', payload: '{"kind":"question","askerName":"\\ud800","matter":"咨询"}', headers: { 'content-type': 'application/json' } });
    expect(lone.status).toBe(400);
    expect(fields(lone)).toEqual(['body.askerName']);
    const nested = await window1.raw({ method: 'POST', url: '/api/cases', payload: `{"itemCode":"${MARRIAGE}","formData":{"k":["ok","x\\u0000"]}}`, headers: { 'content-type': 'application/json' } });
    expect(nested.status).toBe(400);
    expect(fields(nested)).toEqual(['body.formData.k.1']);
    const pair = await window1.post('/api/feedback/first-asks', { kind: 'question', askerName: '𠀀老汉😀', matter: '咨询养老保险' });
    expect(pair.status).toBe(200); // a well-formed pair is fine
  });

  it('multipart without a boundary answers 400', async () => {
    const res = await admin.raw({ method: 'POST', url: '/api/files', payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } });
    expect(res.status).toBe(400);
  });
});

describe('references to rows that do not exist → 422 naming the field', () => {
  it('complaint staff and center, praise window and person, first-ask hand-over department', async () => {
    const staff = await admin.post('/api/feedback/complaints', { channel: 'hall', category: 'attitude', complainantName: '孙老汉', complainantPhone: '13900000000', content: '窗口人员态度生硬', staffId: NOBODY });
    expect(staff.status).toBe(422);
    expect(fields(staff)).toEqual(['body.staffId']);
    const center = await citizen.post('/api/feedback/complaints', { channel: 'portal', category: 'other', content: '网上投诉测试内容', centerId: NOBODY });
    expect(center.status).toBe(422);
    expect(fields(center)).toEqual(['body.centerId']);
    const praise = await admin.post('/api/feedback/praise', { kind: 'letter', windowId: NOBODY, userId: NOBODY, fromName: '群众', receivedOn: '2026-12-01' });
    expect(praise.status).toBe(422);
    expect(fields(praise)).toEqual(['body.windowId', 'body.userId']);
    const ask = await window1.post('/api/feedback/first-asks', { kind: 'question', askerName: '孙老汉', matter: '咨询养老保险待遇认证' });
    const close = await window1.post(`/api/feedback/first-asks/${ask.body.id}/close`, { outcome: 'handedOver', toDepartmentId: NOBODY, guidance: '请到社保窗口' });
    expect(close.status).toBe(422);
    expect(fields(close)).toEqual(['body.toDepartmentId']);
  });
});

describe('business years (BANSHI_BUSINESS_YEARS, default ±10 around today)', () => {
  it('refuses a circular for 0000-01, a report for 9999-12, leave and praise dated 9999-12-31', async () => {
    expect(t.ctx.config.businessYears).toBe(10);
    const circular = await admin.post('/api/duty/leader/circular/0000-01/issue');
    const far = await admin.post('/api/duty/leader/circular/2099-01/issue');
    const report = await admin.post('/api/supervision/reports', { period: '9999-12' });
    const leave = await window1.post('/api/duty/leave', { kind: 'personal', fromDate: '2026-12-10', toDate: '9999-12-31', reason: '家中有事' });
    const praise = await admin.post('/api/feedback/praise', { kind: 'letter', departmentId: NOBODY, fromName: '群众', receivedOn: '9999-12-31' });
    for (const r of [circular, far, report, leave, praise]) expect(r.status).toBe(400);
    expect(fields(leave)).toEqual(['body.toDate']);
    expect(fields(report)).toEqual(['body.period']);
    // Inside the window the same request gets past the schema (here: to the reference check).
    expect((await admin.post('/api/feedback/praise', { kind: 'letter', departmentId: NOBODY, fromName: '群众', receivedOn: '2026-12-01' })).status).toBe(422);
  });
});

describe('concurrent first writes', () => {
  it('items created at once get distinct generated codes', async () => {
    const list = await admin.get('/api/catalog/items?pageSize=1');
    const detail = await admin.get(`/api/catalog/items/${list.body.items[0].id}`);
    const data = detail.body.latest.data;
    const created = await Promise.all([1, 2, 3, 4, 5].map((i) => admin.post('/api/catalog/items', { data: { ...data, name: `并发新事项${i}` } })));
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const codes = created.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('two first saves of a party evaluation both succeed on one row', async () => {
    const party = await t.login('party1');
    const b1 = ((await party.get('/api/party/orgs')).body.items as { id: string; name: string }[]).find((o) => o.name.startsWith('第一党支部'))!.id;
    const v = await window1.get(`/api/party/evaluations/${b1}/2026`);
    expect(v.status).toBe(200);
    const grades = (v.body.members as { memberId: string; status: string }[]).map((m) => ({ memberId: m.memberId, grade: m.status === 'probationary' ? 'notGraded' : 'qualified' }));
    const saved = await Promise.all([window1.put(`/api/party/evaluations/${b1}/2026`, { grades }), window1.put(`/api/party/evaluations/${b1}/2026`, { grades })]);
    expect(saved.map((r) => r.status)).toEqual([200, 200]);
    expect(saved[0].body.status).toBe('draft');
  });
});

describe('search text and case actions', () => {
  it('% and _ in q= match literally', async () => {
    const all = await admin.get('/api/catalog/items?pageSize=100');
    expect(all.body.items.length).toBeGreaterThan(5);
    for (const q of ['%', '_', '%25']) {
      const r = await admin.get(`/api/catalog/items?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([]);
    }
    const cases = await window1.get(`/api/cases?q=${encodeURIComponent('%')}`);
    expect(cases.status).toBe(200);
    expect(cases.body.items).toEqual([]);
  });

  it('an action by someone who may not take it answers 403 before the version or state conflict', async () => {
    const created = await window1.post('/api/cases', walkIn(MARRIAGE));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const stale = await citizen.post(`/api/cases/${id}/actions/accept`, { version: 99, provided: [] });
    expect(stale.status).toBe(403);
    expect(JSON.stringify(stale.body)).not.toContain('"state"');
    expect(JSON.stringify(stale.body)).not.toContain('"version"');
    const own = await window1.post(`/api/cases/${id}/actions/accept`, { version: 99, provided: [] });
    expect(own.status).toBe(409); // the owner still hears of the stale version
  });
});
