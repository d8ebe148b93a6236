import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { auditEvents } from '../core/audit/schema.js';
import { sampleGuide } from '../../test/catalog.js';

let t: TestApp;
let admin: Client;
let admin2: Client;
let mz: string;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  [admin, admin2] = await Promise.all([t.login('admin'), t.login('admin2')]);
  const facets = await t.anon.get('/api/public/facets');
  mz = facets.body.departments.find((d: { name: string }) => d.name.endsWith('民政局')).id;
  const me = async (c: Client) => (await c.get('/api/auth/me')).body.user.id as string;
  ids = { admin: await me(admin), admin2: await me(admin2) };
});
afterAll(async () => { await t?.close(); });

const act = (c: Client, id: string, a: string) => c.post(`/api/catalog/items/${id}/actions/${a}`, {});

async function submitted(name: string, editor = admin) {
  const created = await editor.post('/api/catalog/items', { data: sampleGuide(mz, { name }) });
  expect(created.status).toBe(201);
  expect((await act(editor, created.body.id, 'submit')).status).toBe(200);
  return created.body.id as string;
}

const auditOf = (id: string, action: string) =>
  t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action))).orderBy(asc(auditEvents.id));

describe('four eyes on the catalog (issue 21)', () => {
  it('is on by default: the editor may not review or publish; a second admin may, and both names are recorded', async () => {
    expect((await admin.get('/api/catalog/settings')).body).toEqual({ secondReviewer: true });
    const id = await submitted('四眼测试事项');

    const detail = (await admin.get(`/api/catalog/items/${id}`)).body;
    expect(detail.allowedActions).toContain('review');
    expect(detail.fourEyes).toEqual({ secondReviewer: true, blockedActions: ['review'] });
    expect(detail.latest.editedBy).toMatchObject({ id: ids.admin, name: '杨振华' });
    expect(detail.latest.submittedBy).toMatchObject({ id: ids.admin });
    expect((await admin2.get(`/api/catalog/items/${id}`)).body.fourEyes.blockedActions).toEqual([]);

    const own = await act(admin, id, 'review');
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'four_eyes', messageZh: expect.stringContaining('双人审核') });
    expect((await admin.get(`/api/catalog/items/${id}`)).body.status).toBe('submitted');

    expect((await act(admin2, id, 'review')).body.status).toBe('reviewed');
    // Publishing is refused to the editor too, even after someone else reviewed.
    expect((await act(admin, id, 'publish')).body.error.code).toBe('four_eyes');
    const pub = await act(admin2, id, 'publish');
    expect(pub.body).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(pub.body.latest).toMatchObject({
      editedBy: { id: ids.admin }, submittedBy: { id: ids.admin }, reviewedBy: { id: ids.admin2, name: '苏文静' }, publishedBy: { id: ids.admin2 },
    });
    expect(pub.body.versions[0]).toMatchObject({ editedBy: { id: ids.admin }, reviewedBy: { id: ids.admin2 } });

    const [review] = await auditOf(id, 'catalog.review');
    expect(review).toMatchObject({ actorId: ids.admin2, after: expect.objectContaining({ secondReviewer: true, editedBy: ids.admin, submittedBy: ids.admin, reviewedBy: ids.admin2 }) });
    const [publish] = await auditOf(id, 'catalog.publish');
    expect(publish).toMatchObject({ actorId: ids.admin2, after: expect.objectContaining({ editedBy: ids.admin, reviewedBy: ids.admin2 }) });
    // The refused attempts changed nothing and left no review/publish rows of the editor.
    expect((await auditOf(id, 'catalog.review')).map((a) => a.actorId)).toEqual([ids.admin2]);
  });

  it('counts the last editor: a reviewer who edits a submitted version hands review to someone else', async () => {
    const coord = await t.login('coord1');
    const id = await submitted('部门拟定后中心修改的事项', coord);
    const detail = (await admin2.get(`/api/catalog/items/${id}`)).body;
    const edit = await admin2.put(`/api/catalog/items/${id}`, { data: { ...detail.latest.data, conditions: '中心修改后的受理条件' }, baseVersion: detail.latestVersion });
    expect(edit.body).toMatchObject({ status: 'draft', latestVersion: 2, latest: { editedBy: { id: ids.admin2 } } });
    expect((await act(coord, id, 'submit')).status).toBe(200);
    expect((await act(admin2, id, 'review')).body.error.code).toBe('four_eyes');
    expect((await act(admin, id, 'review')).body.status).toBe('reviewed');
    // Sending one's own version back is not a second pair of eyes and stays allowed.
    expect((await admin2.post(`/api/catalog/items/${id}/actions/reject`, { note: '再核对一遍' })).body.status).toBe('draft');
  });

  it('off for the center: one admin may take an item through; the setting change is audited and admin-only', async () => {
    expect((await (await t.login('coord1')).put('/api/catalog/settings', { secondReviewer: false })).status).toBe(403);
    const off = await admin.put('/api/catalog/settings', { secondReviewer: false });
    expect(off.body).toEqual({ secondReviewer: false });
    try {
      const id = await submitted('单人发布事项');
      expect((await admin.get(`/api/catalog/items/${id}`)).body.fourEyes).toEqual({ secondReviewer: false, blockedActions: [] });
      expect((await act(admin, id, 'review')).body.status).toBe('reviewed');
      expect((await act(admin, id, 'publish')).body.status).toBe('published');
      const [review] = await auditOf(id, 'catalog.review');
      expect(review).toMatchObject({ actorId: ids.admin, after: expect.objectContaining({ secondReviewer: false, editedBy: ids.admin }) });
      const [change] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'catalog.settings'));
      expect(change).toMatchObject({ actorId: ids.admin, before: { secondReviewer: true }, after: { secondReviewer: false } });
    } finally {
      await admin.put('/api/catalog/settings', { secondReviewer: true });
    }
  });

  it('is per center: the town center keeps its own setting', async () => {
    await admin.put('/api/catalog/settings', { secondReviewer: false });
    try {
      expect((await (await t.login('town_admin')).get('/api/catalog/settings')).body).toEqual({ secondReviewer: true });
    } finally {
      await admin.put('/api/catalog/settings', { secondReviewer: true });
    }
  });

  it('refuses a malformed setting with 400, not 500', async () => {
    expect((await admin.put('/api/catalog/settings', { secondReviewer: 'yes' })).status).toBe(400);
    expect((await admin.put('/api/catalog/settings', {})).status).toBe(400);
  });
});
