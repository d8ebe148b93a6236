/**
 * E-licences end to end on the real engine (PGlite, or PostgreSQL with TEST_DATABASE_URL): a
 * decided case issues exactly one signed licence; a changed byte fails verification; revocation,
 * key rotation and key revocation show on the public verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { applyOnline, MARRIAGE, must, TEMP_RELIEF, walkIn } from '../../test/cases.js';
import { rows } from '../core/db/index.js';

let t: TestApp;
let citizen: Client, citizen3: Client, window1: Client, leader: Client, otherLeader: Client, handler: Client, admin: Client;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-06T02:00:00Z' }); // Friday 10:00 in Shanghai
  [citizen, citizen3, window1, leader, otherLeader, handler, admin] = await Promise.all(
    ['citizen1', 'citizen3', 'window1', 'leader1', 'sc_leader', 'handler1', 'admin'].map((u) => t.login(u)),
  );
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.ctx.db, query);

/** An online 结婚登记 by citizen1, accepted and decided at the window (即办). */
async function marriedOnline(outcome: 'approved' | 'denied' = 'approved') {
  const created = await applyOnline(citizen, MARRIAGE);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
  await must(window1, id, 'decide', outcome === 'approved' ? { outcome } : { outcome, reasons: '双方未亲自到场' });
  return { id, caseNo: created.body.caseNo as string };
}

const licencesOf = (caseId: string) => q<{ id: string; licence_no: string; verify_code: string; key_id: string }>(sql`select id, licence_no, verify_code, key_id from licences where case_id = ${caseId}`);
const verifyUrl = (l: { licence_no: string; verify_code: string }) => `/api/public/licences/${l.licence_no}/verify?code=${l.verify_code}`;

describe('issuing', () => {
  it('issues exactly one signed licence when a certificate is approved, with its seal use audited', async () => {
    const { id, caseNo } = await marriedOnline();
    const [l, ...more] = await licencesOf(id);
    expect(more).toHaveLength(0);
    expect(l.licence_no).toMatch(/^ZZ-620524-2026-\d{6}$/);
    // Delivering and completing the case changes it again: still one licence.
    await must(window1, id, 'markResultReady');
    await must(window1, id, 'deliver', { mode: 'pickup' });
    await must(window1, id, 'complete');
    expect(await licencesOf(id)).toHaveLength(1);

    const v = await t.anon.get(verifyUrl(l));
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      licenceNo: l.licence_no, result: 'valid', resultLabel: '有效', checks: { digest: true, signature: true, keyTrusted: true },
      key: { id: l.key_id, algorithm: 'SM2-with-SM3', state: 'active' },
      licence: { type: '结婚证', holderName: '王*军', issuer: '清渭县民政局', issuedOn: '2026-03-06', validUntil: null },
    });
    // Nothing else of the holder: no ID number, no full name, anywhere in the answer.
    expect(JSON.stringify(v.body)).not.toMatch(/620524199005122336|王立军|钱晓梅/);

    const audit = await q<{ action: string; after: Record<string, unknown> }>(sql`select action, after from audit_events where action in ('seal.create', 'seal.use', 'licence.issue') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['seal.create', 'seal.use', 'licence.issue']);
    expect(audit[1].after).toMatchObject({ purpose: 'licence', reference: l.licence_no });
    expect(JSON.stringify(audit)).not.toContain('620524199005122336'); // masked in the log

    const mine = await citizen.get('/api/licences');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ licenceNo: l.licence_no, type: '结婚证', holderIdMasked: '6205**********2336', status: 'valid', expired: false });
    const one = await citizen.get(`/api/licences/${l.id}`);
    expect(one.body.record).toMatchObject({
      type: '结婚证', holder: { name: '王立军', idNumber: '620524199005122336' }, coHolders: [{ name: '钱晓梅' }],
      source: { caseNo }, fields: { 决定: '准予登记' }, seal: { keyId: l.key_id, algorithm: 'SM2-with-SM3' },
    });
    expect(one.body.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(one.body.verifyPath).toBe(verifyUrl(l));
  });

  it('issues nothing for a denial', async () => {
    const { id } = await marriedOnline('denied');
    expect(await licencesOf(id)).toHaveLength(0);
  });

  it('shows each applicant only their own, and staff their department\'s, ID numbers masked', async () => {
    const [l] = await q<{ id: string }>(sql`select id from licences limit 1`);
    expect((await citizen3.get('/api/licences')).body.items).toHaveLength(0);
    expect((await citizen3.get(`/api/licences/${l.id}`)).status).toBe(404);
    expect((await otherLeader.get(`/api/licences/${l.id}`)).status).toBe(404);
    const staff = await handler.get(`/api/licences/${l.id}`);
    expect(staff.status).toBe(200);
    expect(staff.body.record.holder.idNumber).toBe('6205**********2336');
    expect((await (await t.login('agent1')).get('/api/licences')).status).toBe(403);
    expect((await t.anon.get('/api/licences')).status).toBe(401);
  });

  it('lists a licence of a case filed at the window under the ID number of the applicant\'s account (我的证照)', async () => {
    // 王立军 walks in: the window enters his ID number; the case has no account, his licence still is his.
    const walk = walkIn(MARRIAGE, '王立军');
    const created = await window1.post('/api/cases', { ...walk, applicant: { ...walk.applicant, idNumber: '620524199005122336' } });
    expect(created.status).toBe(201);
    await must(window1, created.body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await must(window1, created.body.id, 'decide', { outcome: 'approved' });
    const [l] = await licencesOf(created.body.id);
    const mine = await citizen.get('/api/licences');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(l!.id);
    // His own copy: the record in full, as on the paper certificate.
    expect((await citizen.get(`/api/licences/${l!.id}`)).body.record.holder.idNumber).toBe('620524199005122336');
    expect((await citizen3.get(`/api/licences/${l!.id}`)).status).toBe(404);
  });
});

describe('verification', () => {
  it('fails on a changed byte of the stored record, and shows nothing of it', async () => {
    const [l] = await q<{ id: string; licence_no: string; verify_code: string }>(sql`select id, licence_no, verify_code from licences order by created_at limit 1`);
    await t.ctx.db.execute(sql`update licences set record = jsonb_set(record, '{holder,name}', '"王立年"') where id = ${l.id}`);
    const bad = await t.anon.get(verifyUrl(l));
    expect(bad.body).toMatchObject({ result: 'invalidSignature', checks: { digest: false, signature: false }, licence: null });
    // A later validity written into the record breaks it the same way.
    await t.ctx.db.execute(sql`update licences set record = jsonb_set(jsonb_set(record, '{holder,name}', '"王立军"'), '{validUntil}', '"2099-12-31"') where id = ${l.id}`);
    expect((await t.anon.get(verifyUrl(l))).body.result).toBe('invalidSignature');
    await t.ctx.db.execute(sql`update licences set record = jsonb_set(record, '{validUntil}', 'null') where id = ${l.id}`);
    expect((await t.anon.get(verifyUrl(l))).body.result).toBe('valid');
  });

  it('answers the same 404 for a wrong code and an unknown number', async () => {
    const [l] = await q<{ licence_no: string; verify_code: string }>(sql`select licence_no, verify_code from licences limit 1`);
    const wrong = await t.anon.get(`/api/public/licences/${l.licence_no}/verify?code=AAAAAAAA`);
    const unknown = await t.anon.get(`/api/public/licences/ZZ-000000-2026-999999/verify?code=${l.verify_code}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.error.messageZh).toBe(unknown.body.error.messageZh);
    // Eight characters that are more than eight bytes: still a plain 404.
    expect((await t.anon.get(`/api/public/licences/${l.licence_no}/verify?code=${encodeURIComponent('证照核验码码码码')}`)).status).toBe(404);
  });

  it('shows a revoked licence as revoked; only the issuing department\'s leader or the center admin may revoke', async () => {
    const { id } = await marriedOnline();
    const [l] = await licencesOf(id);
    expect((await handler.post(`/api/licences/${l.id}/revoke`, { reason: '登记错误' })).status).toBe(403);
    expect((await otherLeader.post(`/api/licences/${l.id}/revoke`, { reason: '登记错误' })).status).toBe(403);
    expect((await leader.post(`/api/licences/${l.id}/revoke`, { reason: '' })).status).toBe(400);
    const revoked = await leader.post(`/api/licences/${l.id}/revoke`, { reason: '当事人以欺骗手段取得，依法撤销登记' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', statusOn: '2026-03-06' });
    expect((await admin.post(`/api/licences/${l.id}/revoke`, { reason: '再次' })).status).toBe(409);
    const v = await t.anon.get(verifyUrl(l));
    expect(v.body).toMatchObject({ result: 'revoked', resultLabel: '已注销', checks: { signature: true }, licence: { statusOn: '2026-03-06' } });
    const audit = await q<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'licence.revoke' and entity_id = ${l.id}`);
    expect(audit[0].n).toBe(1);
  });
});

describe('seal keys', () => {
  it('rotation keeps old licences verifiable and signs new ones with the new key', async () => {
    const [old] = await q<{ licence_no: string; verify_code: string; key_id: string; department_id: string }>(sql`select licence_no, verify_code, key_id, department_id from licences where status = 'valid' order by created_at limit 1`);
    expect((await window1.post('/api/seals/rotate', { bodyKind: 'department', bodyId: old.department_id })).status).toBe(403);
    const rotated = await admin.post('/api/seals/rotate', { bodyKind: 'department', bodyId: old.department_id });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ state: 'active', bodyName: '清渭县民政局', algorithm: 'SM2-with-SM3' });
    expect(rotated.body.id).not.toBe(old.key_id);
    const v = await t.anon.get(verifyUrl(old));
    expect(v.body).toMatchObject({ result: 'valid', key: { id: old.key_id, state: 'rotated' } });

    const { id } = await marriedOnline();
    const [fresh] = await licencesOf(id);
    expect(fresh.key_id).toBe(rotated.body.id);
    expect((await t.anon.get(verifyUrl(fresh))).body.result).toBe('valid');
    const keys = await admin.get('/api/seals');
    expect(keys.body.filter((k: { bodyId: string }) => k.bodyId === old.department_id).map((k: { state: string }) => k.state)).toEqual(['rotated', 'active']);
    expect(JSON.stringify(keys.body)).not.toMatch(/wrapped|privateKey/i);
    const pub = await t.anon.get(`/api/public/seals/${old.key_id}`);
    expect(pub.body).toMatchObject({ state: 'rotated', publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
  });

  it('a key revoked from an instant fails what it signed from then on, not before; the next use makes a new key', async () => {
    await setNow('2026-03-09T02:00:00Z');
    const { id: early } = await marriedOnline();
    await setNow('2026-03-09T06:00:00Z');
    const { id: late } = await marriedOnline();
    const [[a], [b]] = [await licencesOf(early), await licencesOf(late)];
    expect(a.key_id).toBe(b.key_id);
    expect((await admin.post(`/api/seals/${a.key_id}/revoke`, { reason: '密钥疑似泄露', from: '2026-03-10T00:00:00Z' })).status).toBe(400); // not in the future
    const revoked = await admin.post(`/api/seals/${a.key_id}/revoke`, { reason: '密钥疑似泄露', from: '2026-03-09T04:00:00Z' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedReason: '密钥疑似泄露' });
    expect((await t.anon.get(verifyUrl(a))).body.result).toBe('valid');
    expect((await t.anon.get(verifyUrl(b))).body).toMatchObject({ result: 'invalidSignature', checks: { signature: true, keyTrusted: false } });
    expect((await admin.post(`/api/seals/${a.key_id}/revoke`, { reason: '再次' })).status).toBe(409);
    // The department has no signing key now: two decisions at once make exactly one, and two numbers.
    const filed = await Promise.all([applyOnline(citizen, MARRIAGE), applyOnline(citizen, MARRIAGE)]);
    const ids = filed.map((f) => f.body.id as string);
    for (const id of ids) await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    const decided = await Promise.all(ids.map(async (id) => window1.post(`/api/cases/${id}/actions/decide`, { version: (await window1.get(`/api/cases/${id}`)).body.version, outcome: 'approved' })));
    expect(decided.map((r) => r.status)).toEqual([200, 200]);
    const [[c], [d]] = [await licencesOf(ids[0]), await licencesOf(ids[1])];
    expect(c.key_id).not.toBe(a.key_id);
    expect(d.key_id).toBe(c.key_id);
    expect(c.licence_no).not.toBe(d.licence_no);
    const active = await q<{ n: number }>(sql`select count(*)::int as n from seal_keys where body_id = (select department_id from licences where id = ${c.id}) and rotated_at is null and revoked_from is null`);
    expect(active[0].n).toBe(1);
    for (const l of [c, d]) expect((await t.anon.get(verifyUrl(l))).body.result).toBe('valid');
    // The private keys are stored wrapped, never as the bare scalar.
    const stored = await q<{ wrapped_private_key: string; kek_id: string }>(sql`select wrapped_private_key, kek_id from seal_keys`);
    expect(stored.every((k) => k.kek_id === 'dev' && !/^[0-9a-f]{64}$/.test(k.wrapped_private_key))).toBe(true);
  });

});

describe('the overdue default (超时默认)', () => {
  it('a decision deemed approved by the job issues the licence too, dated on the deem day and marked so', async () => {
    await t.ctx.db.execute(sql`update service_item_versions set data = jsonb_set(data, '{overdueDefault}', '"deemedApproved"')
      where item_id = (select id from service_items where code = ${TEMP_RELIEF})`);
    await setNow('2026-03-16T01:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '郑六'))).body;
    const required = (await window1.get(`/api/cases/${c.id}`)).body.materials
      .filter((m: { required: string; source: string }) => m.required === 'required' && m.source !== 'sharing').map((m: { materialId: string }) => m.materialId);
    const accepted = await must(window1, c.id, 'accept', { provided: required });
    expect(await licencesOf(c.id)).toHaveLength(0);
    await setNow(`${accepted.deemOn}T03:00:00Z`);
    expect((await t.anon.post('/api/test/sweep')).body.changed['overdue-default']).toBe(1);
    const [l, ...more] = await licencesOf(c.id);
    expect(more).toHaveLength(0);
    const [row] = await q<{ issued_on: string; record: { type: string; fields: Record<string, unknown>; holder: { name: string } } }>(sql`select issued_on::text, record from licences where id = ${l.id}`);
    expect(row.issued_on).toBe(accepted.deemOn);
    expect(row.record).toMatchObject({ type: expect.stringContaining('临时救助'), holder: { name: '郑六' }, fields: { 超时默认: true } });
    expect((await t.anon.get(verifyUrl(l))).body).toMatchObject({ result: 'valid', licence: { holderName: '郑*' } });
    const [use] = await q<{ actor_role: string }>(sql`select actor_role from audit_events where action = 'seal.use' and after->>'reference' = ${l.licence_no}`);
    expect(use.actor_role).toBe('system');
  });
});

describe('throttling (last: it spends the anonymous address\'s allowance)', () => {
  it('throttles the public verification like the progress query', async () => {
    const [l] = await q<{ licence_no: string }>(sql`select licence_no from licences limit 1`);
    const codes: number[] = [];
    for (let i = 0; i < 62; i++) codes.push((await t.anon.get(`/api/public/licences/${l.licence_no}/verify?code=WRONG${i}`)).status);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c >= 500)).toHaveLength(0);
  });
});
