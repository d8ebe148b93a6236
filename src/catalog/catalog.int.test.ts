import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sampleGuide } from '../../test/catalog.js';

let t: TestApp;
let admin: Client;
/** The county's second catalog admin: reviews and publishes what `admin` edited (four eyes, on by default). */
let admin2: Client;
let mz: string;
let sc: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  admin2 = await t.login('admin2');
  const facets = await t.anon.get('/api/public/facets');
  mz = facets.body.departments.find((d: { name: string }) => d.name.endsWith('民政局')).id;
  sc = facets.body.departments.find((d: { name: string }) => d.name.endsWith('市场监督管理局')).id;
});
afterAll(async () => { await t?.close(); });

describe('public service guide', () => {
  it('lists the demo catalog with paging and filters', async () => {
    const all = await t.anon.get('/api/public/items?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(35);
    const byDept = await t.anon.get(`/api/public/items?department=${mz}&pageSize=100`);
    expect(byDept.body.items.length).toBeGreaterThan(3);
    expect(byDept.body.items.every((i: { department: { id: string } }) => i.department.id === mz)).toBe(true);
    const search = await t.anon.get(`/api/public/items?q=${encodeURIComponent('婚')}`);
    expect(search.body.items.some((i: { name: string }) => i.name.includes('婚'))).toBe(true);
    const org = await t.anon.get('/api/public/items?servedParty=organization&pageSize=100');
    expect(org.body.items.every((i: { servedParty: string }) => i.servedParty !== 'person')).toBe(true);
  });

  it('shows every guide field of a published item', async () => {
    const list = await t.anon.get('/api/public/items?pageSize=1');
    const code = list.body.items[0].code;
    const res = await t.anon.get(`/api/public/items/${code}`);
    expect(res.status).toBe(200);
    for (const k of ['code', 'name', 'type', 'caseKind', 'promisedLimit', 'statutoryLimit', 'materials', 'fees', 'department', 'legalBasis', 'conditions', 'procedure', 'contact', 'maxVisits', 'center']) {
      expect(res.body).toHaveProperty(k);
    }
    expect(res.body.materials[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), required: expect.any(String), major: expect.any(Boolean) });
  });

  it('answers 404 with a bilingual error for an unknown code', async () => {
    const res = await t.anon.get('/api/public/items/NOPE');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', messageZh: expect.any(String) });
  });
});

describe('catalog lifecycle', () => {
  it('creates a draft, refuses to publish out of order, then submit → review → publish', async () => {
    const created = await admin.post('/api/catalog/items', { data: sampleGuide(mz) });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^62052400MZ-XK-\d{4}$/);
    expect(created.body.status).toBe('draft');
    const id = created.body.id;
    const early = await admin.post(`/api/catalog/items/${id}/actions/publish`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_transition');
    expect((await admin.post(`/api/catalog/items/${id}/actions/submit`, {})).body.status).toBe('submitted');
    expect((await admin2.post(`/api/catalog/items/${id}/actions/review`, {})).body.status).toBe('reviewed');
    const pub = await admin2.post(`/api/catalog/items/${id}/actions/publish`, {});
    expect(pub.body).toMatchObject({ status: 'published', publishedVersion: 1 });
    const guide = await t.anon.get(`/api/public/items/${created.body.code}`);
    expect(guide.body.name).toBe('测试事项：宗教活动场所筹备设立审核');
  });

  it('refuses to submit or publish when promised exceeds statutory, naming the field', async () => {
    const bad = sampleGuide(mz, { name: '时限错误的事项', promisedLimit: { value: 30, unit: 'workingDays' } });
    const created = await admin.post('/api/catalog/items', { data: bad });
    const res = await admin.post(`/api/catalog/items/${created.body.id}/actions/submit`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('item_invalid');
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'promisedLimit', messageZh: '承诺时限不得超过法定时限' }));
  });

  it('refuses 容缺 on an immediate item (seed 001: 即办件除外)', async () => {
    const bad = sampleGuide(mz, { name: '即办容缺事项', caseKind: 'immediate', promisedLimit: { value: 0, unit: 'onTheSpot' }, conditionalAcceptance: true });
    const created = await admin.post('/api/catalog/items', { data: bad });
    const res = await admin.post(`/api/catalog/items/${created.body.id}/actions/submit`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'conditionalAcceptance', messageZh: '即办件不适用容缺受理' }));
  });

  it('refuses a missing required field with a clear message', async () => {
    const created = await admin.post('/api/catalog/items', { data: sampleGuide(mz, { name: '缺依据', legalBasis: '' }) });
    const res = await admin.post(`/api/catalog/items/${created.body.id}/actions/submit`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'legalBasis' }));
  });

  it('rejects a body that violates the schema with the field name', async () => {
    const res = await admin.post('/api/catalog/items', { data: { ...sampleGuide(mz), maxVisits: 7 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.some((d: { field: string }) => d.field.includes('maxVisits'))).toBe(true);
  });

  it('keeps every version: editing a published item starts a new draft, the portal keeps the old one', async () => {
    const created = await admin.post('/api/catalog/items', { data: sampleGuide(mz, { name: '版本测试事项' }) });
    const id = created.body.id;
    for (const a of ['submit', 'review', 'publish']) await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${id}/actions/${a}`, {});
    const edit = await admin.put(`/api/catalog/items/${id}`, { data: sampleGuide(mz, { name: '版本测试事项（修订）' }), baseVersion: 1 });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ latestVersion: 2, publishedVersion: 1, status: 'draft' });
    expect((await t.anon.get(`/api/public/items/${created.body.code}`)).body.name).toBe('版本测试事项');
    const stale = await admin.put(`/api/catalog/items/${id}`, { data: sampleGuide(mz), baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    for (const a of ['submit', 'review', 'publish']) await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${id}/actions/${a}`, {});
    const pub = await t.anon.get(`/api/public/items/${created.body.code}`);
    expect(pub.body).toMatchObject({ name: '版本测试事项（修订）', version: 2 });
    const v1 = await admin.get(`/api/catalog/items/${id}/versions/1`);
    expect(v1.body).toMatchObject({ status: 'superseded', data: { name: '版本测试事项' } });
    const detail = await admin.get(`/api/catalog/items/${id}`);
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('suspends and abolishes: a suspended item leaves the portal', async () => {
    const created = await admin.post('/api/catalog/items', { data: sampleGuide(mz, { name: '暂停测试事项' }) });
    const id = created.body.id;
    for (const a of ['submit', 'review', 'publish', 'suspend']) await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${id}/actions/${a}`, {});
    expect((await t.anon.get(`/api/public/items/${created.body.code}`)).status).toBe(404);
    expect((await admin.post(`/api/catalog/items/${id}/actions/resume`, {})).body.status).toBe('published');
    expect((await t.anon.get(`/api/public/items/${created.body.code}`)).status).toBe(200);
  });

  it('lets department staff draft and submit their own items only; review is the center’s', async () => {
    const coord = await t.login('coord1');
    const own = await coord.post('/api/catalog/items', { data: sampleGuide(mz, { name: '民政局自拟事项' }) });
    expect(own.status).toBe(201);
    expect((await coord.post(`/api/catalog/items/${own.body.id}/actions/submit`, {})).status).toBe(200);
    const review = await coord.post(`/api/catalog/items/${own.body.id}/actions/review`, {});
    expect(review.status).toBe(403);
    const other = await coord.post('/api/catalog/items', { data: sampleGuide(sc) });
    expect(other.status).toBe(403);
    const list = await coord.get('/api/catalog/items?pageSize=200');
    expect(list.body.items.every((i: { department: { id: string } }) => i.department.id === mz)).toBe(true);
    const handler = await t.login('handler1');
    expect((await handler.post('/api/catalog/items', { data: sampleGuide(mz) })).status).toBe(403);
  });

  it('requires a note to send an item back', async () => {
    const created = await admin.post('/api/catalog/items', { data: sampleGuide(mz, { name: '退回测试' }) });
    await admin.post(`/api/catalog/items/${created.body.id}/actions/submit`, {});
    expect((await admin.post(`/api/catalog/items/${created.body.id}/actions/reject`, {})).status).toBe(422);
    const ok = await admin.post(`/api/catalog/items/${created.body.id}/actions/reject`, { note: '请补充审查标准' });
    expect(ok.body.status).toBe('draft');
  });
});

describe('Excel import and export', () => {
  it('round-trips the catalog: export, re-import unchanged, then import an edited row as a new draft version', async () => {
    const exp = await admin.get('/api/catalog/export.xlsx');
    expect(exp.status).toBe(200);
    expect(String(exp.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.raw as unknown as ArrayBuffer);
    const items = wb.getWorksheet('事项')!;
    expect(items.rowCount).toBeGreaterThan(35);
    expect(wb.getWorksheet('申请材料')!.rowCount).toBeGreaterThan(100);

    const upload = async (buf: Buffer) => {
      const boundary = '----banshi';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        buf, Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return admin.raw({ method: 'POST', url: '/api/catalog/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const same = await upload(exp.raw);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(same.body.unchanged).toBe(items.rowCount - 1);

    const code = String(items.getRow(2).getCell(1).value);
    items.getRow(2).getCell(2).value = '导入修改后的名称';
    const edited = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(edited.body).toMatchObject({ created: 0, updated: 1 });
    const list = await admin.get(`/api/catalog/items?q=${code}`);
    expect(list.body.items[0]).toMatchObject({ status: 'draft' });

    items.getRow(3).getCell(3).value = '不存在的局';
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.body.created + bad.body.updated).toBe(0);
    expect(bad.body.errors[0]).toMatchObject({ row: 3, field: 'departmentId' });
  });

  it('refuses a file that is not a workbook, by its bytes', async () => {
    const boundary = '----banshi';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fake.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const res = await admin.raw({ method: 'POST', url: '/api/catalog/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('file_type');
  });
});
