import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ now: '2025-09-29T02:00:00Z' }); });
afterAll(async () => { await t?.close(); });

describe('GET /api/things/editor/options', () => {
  it('gives the center staff the published items of their center with materials, and its departments', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/things/editor/options');
    expect(res.status).toBe(200);
    const retire = res.body.items.find((i: { name: string }) => i.name === '退休审批');
    expect(retire).toMatchObject({ department: { name: '清渭县人力资源和社会保障局' }, promisedLimit: { value: 10, unit: 'workingDays' } });
    expect(retire.materials.map((m: { id: string }) => m.id)).toContain('personnel-file');
    // A draft item (企业变更登记 in the demo catalog) cannot be bundled.
    expect(res.body.items.some((i: { name: string }) => i.name === '企业变更登记')).toBe(false);
    expect(res.body.departments.map((d: { name: string }) => d.name)).toContain('天水市住房公积金管理中心清渭管理部');
    // Department staff see the same choice (they bundle other departments' items too).
    const sc = await t.login('sc_chief');
    expect((await sc.get('/api/things/editor/options')).body.items.length).toBe(res.body.items.length);
  });

  it('refuses applicants and visitors', async () => {
    expect((await (await t.login('citizen1')).get('/api/things/editor/options')).status).toBe(403);
    expect((await t.anon.get('/api/things/editor/options')).status).toBe(401);
  });
});
