/**
 * The rendered e-licence (`GET /api/licences/:id/document`) on the real engine (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL): the holder's copy carries the ID number in full and a QR
 * code to the portal's verification page; staff in scope get it masked; everyone else 404/403/401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { applyOnline, MARRIAGE, must } from '../../test/cases.js';
import { rows } from '../core/db/index.js';

let t: TestApp;
let citizen: Client, citizen3: Client, window1: Client, otherLeader: Client, handler: Client, leader: Client;
let l: { id: string; licence_no: string; verify_code: string };

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-06T02:00:00Z' });
  [citizen, citizen3, window1, otherLeader, handler, leader] = await Promise.all(
    ['citizen1', 'citizen3', 'window1', 'sc_leader', 'handler1', 'leader1'].map((u) => t.login(u)),
  );
  const created = await applyOnline(citizen, MARRIAGE);
  await must(window1, created.body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
  await must(window1, created.body.id, 'decide', { outcome: 'approved' });
  [l] = await rows<typeof l>(t.ctx.db, sql`select id, licence_no, verify_code from licences where case_id = ${created.body.id}`);
});
afterAll(async () => { await t?.close(); });

const doc = (c: Client) => c.get(`/api/licences/${l.id}/document`);

describe('the rendered e-licence', () => {
  it('gives the holder the full copy: title, number, holder, seal with key and algorithm, QR to the verification page', async () => {
    const res = await doc(citizen);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    const page = res.raw.toString('utf8');
    expect(page).toContain('<h1 class="doc-title lic-title" data-testid="doc-title">结婚证</h1>');
    expect(page).toContain(l.licence_no);
    expect(page).toContain('王立军');
    expect(page).toContain('620524199005122336'); // the holder's own copy, like the paper certificate
    expect(page).toContain('钱晓梅');
    expect(page).toContain('清渭县民政局');
    expect(page).toContain('SM2-with-SM3');
    expect(page).toMatch(/密钥标识：[0-9a-f-]{36}/);
    expect(page).toContain('长期有效');
    expect(page).toContain(`核验码：<span class="qr-code-text">${l.verify_code}</span>`);
    expect(page).toContain('<svg'); // the QR code and the drawn seal
    expect(page).toContain('data-seal="电子印章"');
    expect(page).not.toContain('<script');
  });

  it('gives staff in scope a masked copy, and nothing to anyone else', async () => {
    for (const staff of [handler, leader]) {
      const res = await doc(staff);
      expect(res.status).toBe(200);
      const page = res.raw.toString('utf8');
      expect(page).toContain('6205**********2336');
      expect(page).not.toContain('620524199005122336');
      expect(page).toContain('<meta name="holder-copy" content="no">');
    }
    expect((await doc(citizen3)).status).toBe(404); // another applicant
    expect((await doc(otherLeader)).status).toBe(404); // another department
    expect((await doc(await t.login('agent1'))).status).toBe(403);
    expect((await doc(t.anon)).status).toBe(401);
    expect((await citizen.get('/api/licences/not-a-uuid/document')).status).toBe(400);
    expect((await citizen.get('/api/licences/00000000-0000-4000-8000-000000000000/document')).status).toBe(404);
  });

  it('says a revoked licence is revoked on its copy', async () => {
    expect((await leader.post(`/api/licences/${l.id}/revoke`, { reason: '登记错误' })).status).toBe(200);
    const page = (await doc(citizen)).raw.toString('utf8');
    expect(page).toContain('本证照已注销');
  });
});
