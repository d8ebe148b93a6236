/**
 * 免证办 and licences changed by later cases, end to end (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): a material naming 营业执照 is provided from the company's e-licence with
 * consent and no upload; a licence not the applicant's, revoked or expired is refused 422; an
 * approved change supersedes the old 营业执照, a cancelling item revokes it; the statistics count
 * them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sampleGuide } from '../../test/catalog.js';
import { must, upload } from '../../test/cases.js';
import { rows } from '../core/db/index.js';
import type { GuideData } from '../catalog/types.js';

let t: TestApp;
let admin: Client, admin2: Client, company1: Client, company2: Client, window1: Client, window2Town: Client, citizen: Client;
const codes: Record<'found' | 'permit' | 'change' | 'cancel', string> = { found: '', permit: '', change: '', cancel: '' };
const COMPANY2 = { kind: 'organization', name: '甘肃陇泰建设工程有限公司', idNumber: '91620524MA7J8Q5C1T', phone: '13909384420' };

const q = <T>(query: ReturnType<typeof sql>) => rows<T>(t.ctx.db, query);
const SPOT = { value: 0, unit: 'onTheSpot' } as const;

/** An organization's 即办 item of the 市场监督管理局 that the window decides on the spot (as 结婚登记). */
function spotItem(sc: string, over: Partial<GuideData>): GuideData {
  return sampleGuide(sc, {
    servedParty: 'organization', caseKind: 'immediate', statutoryLimit: SPOT, promisedLimit: SPOT, onlineDepth: 4, maxVisits: 0, conditionalAcceptance: false,
    procedure: [{ name: '窗口受理并审查', role: 'receiver' }, { name: '全程办事人当场复核', role: 'coordinator' }, { name: '首席代表当场签批', role: 'chiefRep' }],
    materials: [{ id: 'application', name: '申请书', required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant' }],
    ...over,
  });
}

async function publish(data: GuideData): Promise<string> {
  const created = await admin.post('/api/catalog/items', { data });
  expect(created.status).toBe(201);
  for (const a of ['submit', 'review', 'publish']) expect((await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${created.body.id}/actions/${a}`, {})).status).toBe(200);
  return created.body.code as string;
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-06T02:00:00Z' });
  [admin, admin2, company1, company2, window1, window2Town, citizen] = await Promise.all(
    ['admin', 'admin2', 'company1', 'company2', 'window1', 'town_window1', 'citizen1'].map((u) => t.login(u)),
  );
  const facets = await t.anon.get('/api/public/facets');
  const sc = facets.body.departments.find((d: { name: string }) => d.name.endsWith('市场监督管理局')).id;
  const licenceMaterial = { id: 'business-licence', name: '营业执照', required: 'required', major: true, copies: 1, form: 'electronic', source: 'applicant', licenceType: '营业执照' } as const;
  codes.found = await publish(spotItem(sc, { name: '测试：企业设立登记（即办）', result: { name: '营业执照', type: 'certificate' } }));
  codes.permit = await publish(spotItem(sc, {
    name: '测试：经营许可', materials: [...spotItem(sc, {}).materials, licenceMaterial], result: { name: '经营许可证', type: 'certificate' },
  }));
  codes.change = await publish(spotItem(sc, { name: '测试：企业变更登记', materials: [...spotItem(sc, {}).materials, licenceMaterial], result: { name: '营业执照', type: 'certificate', supersedes: '营业执照' } }));
  codes.cancel = await publish(spotItem(sc, { name: '测试：企业注销登记', result: { name: '准予注销登记通知书', type: 'other', revokes: '营业执照' } }));
});
afterAll(async () => { await t?.close(); });

/** Files online with an upload for `application` and the given extra materials. */
async function applyWith(c: Client, itemCode: string, extra: Record<string, unknown>[] = []) {
  const f = await upload(c);
  return c.post('/api/cases', { itemCode, channel: 'online', materials: [{ materialId: 'application', fileId: f.body.id }, ...extra] });
}

/** Accepts and approves a case at the window (即办). */
async function approve(id: string, provided: string[] = ['application']) {
  await must(window1, id, 'accept', { provided });
  await must(window1, id, 'decide', { outcome: 'approved' });
}

const licenceOf = async (caseId: string) => (await q<{ id: string; licence_no: string; verify_code: string; status: string; superseded_by: string | null }>(
  sql`select id, licence_no, verify_code, status, superseded_by from licences where case_id = ${caseId}`))[0];
const verify = async (l: { licence_no: string; verify_code: string }) => (await t.anon.get(`/api/public/licences/${l.licence_no}/verify?code=${l.verify_code}`)).body.result;

let licence1: { id: string; licence_no: string; verify_code: string };
let licence2: { id: string; licence_no: string; verify_code: string };

describe('免证办', () => {
  it('the catalog keeps the licence type of a material and the result\'s supersedes / revokes', async () => {
    const guide = (await t.anon.get(`/api/public/items/${codes.change}`)).body;
    expect(guide.materials.find((m: { id: string }) => m.id === 'business-licence')).toMatchObject({ licenceType: '营业执照' });
    expect(guide.result).toMatchObject({ supersedes: '营业执照' });
  });

  it('uses the company\'s 营业执照 with consent instead of an upload, and records which licence', async () => {
    for (const [c, who] of [[company1, 'company1'], [company2, 'company2']] as const) {
      const res = await applyWith(c, codes.found);
      expect(res.status, who).toBe(201);
      await approve(res.body.id);
    }
    const mine = await company1.get('/api/licences');
    licence1 = (await q<typeof licence1>(sql`select id, licence_no, verify_code from licences l where holder_id_number = '91620524MA74K3D709'`))[0];
    licence2 = (await q<typeof licence2>(sql`select id, licence_no, verify_code from licences l where holder_id_number = '91620524MA7J8Q5C1T'`))[0];
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([licence1.id]);

    // What the company's licences satisfy for the item: only its own.
    const usable = await company1.get(`/api/licences/usable?itemCode=${codes.permit}`);
    expect(usable.status).toBe(200);
    expect(usable.body.materials).toEqual([{ materialId: 'business-licence', materialName: '营业执照', licenceType: '营业执照', licences: [expect.objectContaining({ id: licence1.id, type: '营业执照' })] }]);

    // Without the licence the online completeness check asks for the upload.
    const without = await applyWith(company1, codes.permit);
    expect(without.status).toBe(422);
    expect(without.body.error.code).toBe('materials_incomplete');

    const res = await applyWith(company1, codes.permit, [{ materialId: 'business-licence', licenceId: licence1.id, consent: true }]);
    expect(res.status).toBe(201);
    const uses = await q<{ licence_id: string; material_id: string; consent: boolean; used_at: string }>(sql`select licence_id, material_id, consent, used_at from licence_uses where case_id = ${res.body.id}`);
    expect(uses).toEqual([{ licence_id: licence1.id, material_id: 'business-licence', consent: true, used_at: expect.anything() }]);
    const m = await q<{ provided: boolean; file_id: string | null }>(sql`select provided, file_id from case_materials where case_id = ${res.body.id} and material_id = 'business-licence'`);
    expect(m).toEqual([{ provided: true, file_id: null }]);
    // The window accepts it with no file for that material: it counts as provided.
    await approve(res.body.id, ['application']);
    const audit = await q<{ after: Record<string, unknown> }>(sql`select after from audit_events where action = 'licence.use'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('91620524MA74K3D709');
  });

  it('refuses 422 a licence without consent, of another holder, of another type, expired or revoked', async () => {
    const use = (licenceId: string, consent = true) => applyWith(company1, codes.permit, [{ materialId: 'business-licence', licenceId, consent }]);
    const noConsent = await use(licence1.id, false);
    expect([noConsent.status, noConsent.body.error.code]).toEqual([422, 'licence_consent']);
    const other = await use(licence2.id);
    expect([other.status, other.body.error.code]).toEqual([422, 'licence_unusable']);
    expect(other.body.error.messageZh).toContain('持证人不是申请人');
    const both = await applyWith(company1, codes.permit, [{ materialId: 'business-licence', licenceId: licence1.id, consent: true, fileId: licence1.id }]);
    expect([both.status, both.body.error.code]).toEqual([422, 'material_source']);
    const onApplication = await applyWith(company1, codes.permit, [{ materialId: 'application', licenceId: licence1.id, consent: true }, { materialId: 'business-licence', licenceId: licence1.id, consent: true }]);
    expect(onApplication.status).toBe(422);
    const unknown = await use('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(422);

    await t.ctx.db.execute(sql`update licences set valid_until = '2026-03-05' where id = ${licence1.id}`);
    const expired = await use(licence1.id);
    expect([expired.status, expired.body.error.messageZh]).toEqual([422, expect.stringContaining('已过有效期')]);
    expect((await company1.get(`/api/licences/usable?itemCode=${codes.permit}`)).body.materials[0].licences).toEqual([]);
    await t.ctx.db.execute(sql`update licences set valid_until = null where id = ${licence1.id}`);
    // Nothing of a refused filing stays behind.
    expect((await q<{ n: number }>(sql`select count(*)::int as n from licence_uses`))[0].n).toBe(1);
  });

  it('the window uses the applicant\'s licence too, its own center\'s only, and asks for the ID number', async () => {
    const usable = await window1.get(`/api/licences/usable?itemCode=${codes.permit}&idNumber=${COMPANY2.idNumber}`);
    expect(usable.body.materials[0].licences.map((l: { id: string }) => l.id)).toEqual([licence2.id]);
    expect((await window1.get(`/api/licences/usable?itemCode=${codes.permit}`)).status).toBe(422);
    // Another center's window does not see the county's licences.
    expect((await window2Town.get(`/api/licences/usable?itemCode=${codes.permit}&idNumber=${COMPANY2.idNumber}`)).body.materials[0].licences).toEqual([]);
    expect((await citizen.get(`/api/licences/usable?itemCode=${codes.permit}&idNumber=${COMPANY2.idNumber}`)).body.materials[0].licences).toEqual([]);
    expect((await t.anon.get(`/api/licences/usable?itemCode=${codes.permit}`)).status).toBe(401);

    const f = await upload(window1);
    const walkIn = (licenceId: string) => window1.post('/api/cases', {
      itemCode: codes.permit, channel: 'window', applicant: COMPANY2,
      materials: [{ materialId: 'application', fileId: f.body.id }, { materialId: 'business-licence', licenceId, consent: true }],
    });
    expect((await walkIn(licence1.id)).status).toBe(422);
    const ok = await walkIn(licence2.id);
    expect(ok.status).toBe(201);
    expect((await q<{ licence_id: string }>(sql`select licence_id from licence_uses where case_id = ${ok.body.id}`))[0].licence_id).toBe(licence2.id);
  });
});

describe('免证办 in a 补正', () => {
  it('takes the applicant\'s licence with consent for a material asked for in the one-time notice', async () => {
    const f = await upload(window1);
    const filed = await window1.post('/api/cases', { itemCode: codes.permit, channel: 'window', applicant: COMPANY2, materials: [{ materialId: 'application', fileId: f.body.id }] });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    await must(window1, id, 'notifySupplement', { missing: ['business-licence'], note: '请补交营业执照' });
    // Another holder's licence is refused, as at filing; the company's own is taken without a file.
    const cur = await window1.get(`/api/cases/${id}`);
    const other = await window1.post(`/api/cases/${id}/actions/supply`, { version: cur.body.version, licences: [{ materialId: 'business-licence', licenceId: licence1.id, consent: true }] });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('licence_unusable');
    await must(window1, id, 'supply', { licences: [{ materialId: 'business-licence', licenceId: licence2.id, consent: true }] });
    expect(await q<{ licence_id: string }>(sql`select licence_id from licence_uses where case_id = ${id}`)).toEqual([{ licence_id: licence2.id }]);
    expect(await q<{ provided: boolean; file_id: string | null }>(sql`select provided, file_id from case_materials where case_id = ${id} and material_id = 'business-licence'`))
      .toEqual([{ provided: true, file_id: null }]);
  });
});

describe('licences changed by later cases', () => {
  it('an approved 企业变更登记 supersedes the old 营业执照 with the new one; a revoked licence is refused', async () => {
    const res = await applyWith(company1, codes.change, [{ materialId: 'business-licence', licenceId: licence1.id, consent: true }]);
    expect(res.status).toBe(201);
    await approve(res.body.id);
    const fresh = await licenceOf(res.body.id);
    const old = (await q<{ status: string; superseded_by: string }>(sql`select status, superseded_by from licences where id = ${licence1.id}`))[0];
    expect(old).toEqual({ status: 'superseded', superseded_by: fresh.id });
    expect(await verify(licence1)).toBe('superseded');
    expect(await verify(fresh)).toBe('valid');
    // The other company's licence is untouched.
    expect(await verify(licence2)).toBe('valid');
    const superseded = await applyWith(company1, codes.permit, [{ materialId: 'business-licence', licenceId: licence1.id, consent: true }]);
    expect([superseded.status, superseded.body.error.messageZh]).toEqual([422, expect.stringContaining('替代')]);
    const audit = await q<{ after: { caseNo: string; supersededBy: string } }>(sql`select after from audit_events where action = 'licence.supersede' and entity_id = ${licence1.id}`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after.supersededBy).toBe(fresh.id);
    licence1 = fresh;
  });

  it('an approved 注销登记 revokes the holder\'s 营业执照 (its own result is no licence)', async () => {
    const res = await applyWith(company1, codes.cancel);
    await approve(res.body.id);
    expect(await licenceOf(res.body.id)).toBeUndefined();
    expect(await verify(licence1)).toBe('revoked');
    const revoked = await applyWith(company1, codes.permit, [{ materialId: 'business-licence', licenceId: licence1.id, consent: true }]);
    expect([revoked.status, revoked.body.error.messageZh]).toEqual([422, expect.stringContaining('已注销')]);
    expect((await q<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'licence.revoke' and entity_id = ${licence1.id}`))[0].n).toBe(1);
  });

  it('a denial changes nothing', async () => {
    const res = await applyWith(company2, codes.cancel);
    await must(window1, res.body.id, 'accept', { provided: ['application'] });
    await must(window1, res.body.id, 'decide', { outcome: 'denied', reasons: '尚有未结清税款' });
    expect(await verify(licence2)).toBe('valid');
  });
});

describe('statistics', () => {
  it('counts licences per type and department, and 免提交率', async () => {
    const leader = admin;
    const res = await leader.get('/api/stats/licences?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    // 营业执照: company1's first (superseded), company2's, company1's renewed (revoked).
    expect(res.body.issued).toEqual(expect.arrayContaining([
      { type: '营业执照', departmentId: expect.any(String), department: '清渭县市场监督管理局', issued: 3, revoked: 1, superseded: 1 },
      { type: '经营许可证', departmentId: expect.any(String), department: '清渭县市场监督管理局', issued: 1, revoked: 0, superseded: 0 },
    ]));
    // Filed with a licence-typed material: permit (company1, company2 at the window, the window's 补正 case), change → 4,
    // all four from a licence (the 补正 one in its supply; the refused filings never became cases).
    expect(res.body.noSubmission).toEqual({ eligible: 4, fromLicence: 4, rate: 100 });
    expect((await leader.get('/api/stats/licences?from=2026-04-01&to=2026-04-30')).body.noSubmission).toEqual({ eligible: 0, fromLicence: 0, rate: null });
    expect((await company1.get('/api/stats/licences?from=2026-03-01&to=2026-03-31')).status).toBe(403);
    expect((await leader.get('/api/stats/licences?from=2026-03-31&to=2026-03-01')).status).toBe(400);
  });
});
