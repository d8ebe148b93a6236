import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { LOW_INCOME, MARRIAGE, must, walkIn } from '../../../test/cases.js';
import { users } from '../../core/auth/schema.js';

let t: TestApp;
let window1: Client, coord: Client, handler: Client, handler2: Client, chief: Client, citizen: Client;
const ids: Record<string, string> = {};
const MATERIALS = ['application', 'id-card', 'economic-statement', 'verification-consent'];
const plain = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-05T01:30:00Z' });
  [window1, coord, handler, handler2, chief, citizen] = await Promise.all(['window1', 'coord1', 'handler1', 'mz_handler2', 'chief1', 'citizen1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username, name: users.displayName }).from(users)) ids[u.username] = u.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const docsOf = async (c: Client, id: string) => (await c.get(`/api/cases/${id}`)).body.documents as { id: string; kind: string; title: string; docNo: string }[];

describe('internal paperwork of a promised case', () => {
  let id: string;
  const names: Record<string, string> = {};

  it('acceptance issues the 办理通知书 to the department (staff only)', async () => {
    for (const u of await t.ctx.db.select({ username: users.username, name: users.displayName }).from(users)) names[u.username] = u.name;
    const created = await window1.post('/api/cases', walkIn(LOW_INCOME, '冯困难'));
    id = created.body.id;
    await must(window1, id, 'accept', { provided: MATERIALS });
    const docs = await docsOf(window1, id);
    expect(docs.map((d) => d.kind)).toEqual(['receipt', 'acceptance', 'handlingNotice']);
    const notice = plain((await coord.get(`/api/cases/${id}/documents/${docs[2].id}`)).body);
    expect(notice).toContain('办理通知书');
    expect(notice).toContain('清渭县民政局：');
    expect(notice).toContain('居民家庭经济状况核对 具体办理人 4个工作日');
  });

  it('a material defect found in review is recorded against the current step', async () => {
    await must(coord, id, 'assign', { userId: ids.handler1 });
    const d = await handler.post(`/api/cases/${id}/defects`, { materialId: 'economic-statement', defect: '收入证明未加盖单位公章', correction: '补交加盖公章的收入证明' });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ stepIndex: 1, stepName: '居民家庭经济状况核对', materialName: expect.any(String) });
    const unknown = await handler.post(`/api/cases/${id}/defects`, { materialId: 'nope', defect: '不存在的材料', correction: '无' + '无' });
    expect(unknown.status).toBe(422);
    // Not the reviewer at this step.
    expect((await window1.post(`/api/cases/${id}/defects`, { materialId: 'id-card', defect: '复印件模糊', correction: '重新复印' })).status).toBe(403);
  });

  it('the 全程承办单 of a case with two hand-overs lists both, with signer and time', async () => {
    await setNow('2026-03-06T02:10:00Z');
    await must(handler, id, 'handOver', { toUserId: ids.mz_handler2, note: '本人外出培训，移交续办' });
    await setNow('2026-03-09T03:20:00Z');
    await must(handler2, id, 'handOver', { toUserId: ids.handler1, note: '培训结束，交回原承办人' });
    const facts = await coord.get(`/api/cases/${id}/paperwork`);
    expect(facts.status).toBe(200);
    const handovers = facts.body.route.filter((r: { action: string }) => r.action === '移交');
    expect(handovers).toEqual([
      expect.objectContaining({ from: names.handler1, to: names.mz_handler2, by: `${names.handler1}（具体办理人）`, at: '2026-03-06 10:10', opinion: '本人外出培训，移交续办' }),
      expect.objectContaining({ from: names.mz_handler2, to: names.handler1, by: `${names.mz_handler2}（具体办理人）`, at: '2026-03-09 11:20', opinion: '培训结束，交回原承办人' }),
    ]);
    const issued = await coord.post(`/api/cases/${id}/paperwork/routeSheet`);
    expect(issued.status).toBe(200);
    const sheet = (await coord.get(`/api/cases/${id}/documents/${issued.body.documentId}`)).body as string;
    const text = plain(sheet);
    expect(text).toContain('全程承办单');
    expect(text).toContain(`移交 ${names.handler1} ${names.mz_handler2} ${names.handler1}（具体办理人） 2026-03-06 10:10 本人外出培训，移交续办`);
    expect(text).toContain(`移交 ${names.mz_handler2} ${names.handler1} ${names.mz_handler2}（具体办理人） 2026-03-09 11:20 培训结束，交回原承办人`);
    // Immutable: later work makes a new sheet; the first one stays as it was.
    await must(handler, id, 'completeStep', { opinion: '经济状况核对符合条件' });
    const second = await coord.post(`/api/cases/${id}/paperwork/routeSheet`);
    expect(second.body.documentId).not.toBe(issued.body.documentId);
    expect((await coord.get(`/api/cases/${id}/documents/${issued.body.documentId}`)).body).toBe(sheet);
    const sheets = (await docsOf(coord, id)).filter((d) => d.kind === 'routeSheet');
    expect(sheets).toHaveLength(2);
    expect(new Set(sheets.map((s) => s.docNo)).size).toBe(2);
    expect(plain((await coord.get(`/api/cases/${id}/documents/${second.body.documentId}`)).body)).toContain('经济状况核对符合条件');
  });

  it('the 内部审批过程控制单 lists the steps, who completed each, and the defect against its step', async () => {
    const r = await coord.post(`/api/cases/${id}/paperwork/controlSheet`);
    expect(r.status).toBe(200);
    const text = plain((await coord.get(`/api/cases/${id}/documents/${r.body.documentId}`)).body);
    expect(text).toContain('内部审批过程控制单');
    expect(text).toContain(`居民家庭经济状况核对 具体办理人 4个工作日 ${names.handler1}（具体办理人） 2026-03-09 11:20 经济状况核对符合条件`);
    expect(text).toContain('入户调查及民主评议 具体办理人 5个工作日 （未完成）');
    expect(text).toContain('居民家庭经济状况核对 ');
    expect(text).toContain('收入证明未加盖单位公章 补交加盖公章的收入证明');
  });

  it('the applicant sees none of it', async () => {
    const mine = await citizen.get(`/api/cases/${id}`);
    expect(mine.status).toBe(403); // a walk-in case is not the citizen's
    expect((await citizen.get(`/api/cases/${id}/paperwork`)).status).toBe(403);
  });
});

describe('items without several internal steps', () => {
  it('get no control sheet, and 即办 cases no 办理通知书', async () => {
    const created = await window1.post('/api/cases', walkIn(MARRIAGE, '陈即办'));
    const id = created.body.id;
    await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    expect((await docsOf(window1, id)).map((d) => d.kind)).toEqual(['receipt', 'acceptance']);
    const r = await window1.post(`/api/cases/${id}/paperwork/controlSheet`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('single_step_item');
    expect((await window1.post(`/api/cases/${id}/paperwork/routeSheet`)).status).toBe(200);
  });
});
