import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../core/db/index.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Client;

// Mon 2025-09-29: the plan runs across the National Day holiday (Oct 1–8; Sat Oct 11 is a working day).
beforeAll(async () => {
  t = await startTestApp({ now: '2025-09-29T02:00:00Z' });
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

interface Group { lifeEvent: string; label: string; party: string; things: { code: string; name: string; departments: string[]; promisedWorkingDays: number; sumWorkingDays: number }[] }

describe('public list and guide', () => {
  it('lists the demo things by life event, 个人 then 企业', async () => {
    const res = await t.anon.get('/api/public/things');
    expect(res.status).toBe(200);
    const groups: Group[] = res.body.groups;
    expect(groups.map((g) => g.label)).toEqual(['出生', '入学', '婚育', '就业', '退休', '身后', '开办', '变更', '注销']);
    expect(groups.map((g) => g.party)).toEqual([...Array(6).fill('person'), ...Array(3).fill('organization')]);
    const birth = groups.find((g) => g.lifeEvent === 'birth')!.things;
    expect(birth.map((x) => x.name)).toEqual(['新生儿出生一件事']);
    expect(birth[0]!.departments).toEqual(expect.arrayContaining(['清渭县卫生健康委员会', '清渭县公安局', '清渭县医疗保障局', '清渭县人力资源和社会保障局']));
    const opening = groups.find((g) => g.lifeEvent === 'opening')!.things[0]!;
    // 营业执照 (1) → 消防检查 (7) is the longest chain; the parts add up to 0+1+5+1+0+7.
    expect(opening).toMatchObject({ code: 'restaurant', promisedWorkingDays: 8, sumWorkingDays: 14 });
  });

  it('gives the guide: questionnaire, items with departments, one material list, one form', async () => {
    const res = await t.anon.get('/api/public/things/newborn');
    expect(res.status).toBe(200);
    const g = res.body;
    expect(g.leadDepartment.name).toBe('清渭县卫生健康委员会');
    expect(g.questions[0]).toMatchObject({ key: 'socialCard', kind: 'yesNo', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] });
    expect(g.items.map((i: { name: string }) => i.name)).toEqual(['出生医学证明首次签发', '出生登记', '城乡居民基本医疗保险参保登记', '社会保障卡申领', '生育登记']);
    const ids = g.materials.filter((m: { name: string }) => m.name === '父母双方居民身份证');
    expect(ids).toHaveLength(1);
    expect(ids[0].usedBy).toHaveLength(5);
    expect(g.materials.find((m: { key: string }) => m.key === 'birth-certificate')).toMatchObject({ handIn: 'produced' });
    const childName = g.fields.filter((f: { key: string }) => f.key === 'childName');
    expect(childName).toHaveLength(1);
    expect(childName[0].usedBy).toHaveLength(4);
    expect(g).toMatchObject({ promisedWorkingDays: 3, sumWorkingDays: 3 });
  });

  it('answers 404 for an unknown thing and 400 for a malformed code', async () => {
    expect((await t.anon.get('/api/public/things/nothing-here')).status).toBe(404);
    expect((await t.anon.get('/api/public/things/%E4%B8%80')).status).toBe(400);
  });
});

describe('plan', () => {
  it('chooses the items from the answers and dates the end across the holiday', async () => {
    const res = await t.anon.post('/api/public/things/restaurant/plan', { answers: { entity: 'individual', seal: 'no', invoice: 'yes', crowded: 'no' } });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.items.map((i: { name: string }) => i.name)).toEqual(['个体工商户设立登记', '食品经营许可', '发票领用']);
    // 个体 on the spot on Mon Sep 29, then 食品经营许可 5 working days: Sep 30, Oct 9, 10, 11 (Sat, 调休), 13.
    expect(p.items[1]).toMatchObject({ waitsFor: [p.items[0].code], startsOn: '2025-09-29', endsOn: '2025-10-13' });
    expect(p).toMatchObject({ filedOn: '2025-09-29', startsOn: '2025-09-29', endsOn: '2025-10-13', workingDays: 5, promisedWorkingDays: 5, sumWorkingDays: 5 });
    expect(p.materials.some((m: { name: string; handIn: string }) => m.name === '营业执照' && m.handIn === 'sharing')).toBe(true);
    expect(p.fields.filter((f: { key: string }) => f.key === 'operatorId')).toHaveLength(1);
    expect(p.fields.some((f: { key: string }) => f.key === 'capital' || f.key === 'floorArea')).toBe(false);
  });

  it('refuses missing or impossible answers with 422, and unknown keys or wrong types with 400', async () => {
    const missing = await t.anon.post('/api/public/things/restaurant/plan', { answers: { entity: 'individual' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('answers_invalid');
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['answers.seal', 'answers.invoice', 'answers.crowded']);
    const wrong = await t.anon.post('/api/public/things/restaurant/plan', { answers: { entity: 'llc', seal: 'no', invoice: 'no', crowded: 'no' } });
    expect(wrong.status).toBe(422);
    const unknown = await t.anon.post('/api/public/things/restaurant/plan', { answers: { entity: 'individual', seal: 'no', invoice: 'no', crowded: 'no', pets: 'yes' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.map((d: { field: string }) => d.field)).toEqual(['answers.pets']);
    expect((await t.anon.post('/api/public/things/restaurant/plan', { answers: { '1bad': 'x' } })).status).toBe(400);
    expect((await t.anon.post('/api/public/things/restaurant/plan', { answers: 'yes' })).status).toBe(400);
  });
});

describe('admin: versions, review and publish, RBAC', () => {
  it('drafts, refuses to publish an invalid or out-of-order thing, then submit → review → publish', async () => {
    const guide = (await t.anon.get('/api/public/things/marriage')).body;
    const listed = await admin.get('/api/things?q=marriage');
    const detail = await admin.get(`/api/things/${listed.body.items[0].id}`);
    const data = { ...detail.body.latest.data, name: '测试婚育一件事' };
    const created = await admin.post('/api/things', { code: 'marriage-test', data });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', problems: [], allowedActions: ['submit'] });
    const id = created.body.id;
    expect((await admin.post(`/api/things/${id}/actions/publish`, {})).status).toBe(409);
    expect((await t.anon.get('/api/public/things/marriage-test')).status).toBe(404);

    // A cycle is stored as a draft but refused at submission, naming the circle.
    const [a, b] = [data.items[0].itemCode, data.items[1].itemCode];
    const looped = { ...data, items: data.items.map((i: { itemCode: string }) => (i.itemCode === a ? { ...i, after: [b] } : i)) };
    const edited = await admin.put(`/api/things/${id}`, { data: looped, baseVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.problems.some((p: { messageZh: string }) => p.messageZh.includes('循环等待'))).toBe(true);
    const refused = await admin.post(`/api/things/${id}/actions/submit`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('thing_invalid');

    expect((await admin.put(`/api/things/${id}`, { data, baseVersion: 1 })).status).toBe(200);
    expect((await admin.post(`/api/things/${id}/actions/submit`, {})).status).toBe(200);
    // Four eyes (the catalog's rule, on by default): who edited or submitted may not review or publish.
    const own = await admin.get(`/api/things/${id}`);
    expect(own.body.fourEyes).toEqual({ secondReviewer: true, blockedActions: ['review'] });
    const self = await admin.post(`/api/things/${id}/actions/review`, {});
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('four_eyes');
    const second = await t.login('admin2');
    expect((await second.get(`/api/things/${id}`)).body.fourEyes.blockedActions).toEqual([]);
    for (const action of ['review', 'publish']) {
      const r = await second.post(`/api/things/${id}/actions/${action}`, {});
      expect(r.status, action).toBe(200);
    }
    const published = (await second.get(`/api/things/${id}`)).body.latest;
    expect(published.submittedBy).toBeTruthy();
    expect(published.publishedBy).toBe(published.reviewedBy);
    expect(published.publishedBy).not.toBe(published.submittedBy);
    const pub = await t.anon.get('/api/public/things/marriage-test');
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((i: { code: string }) => i.code)).toEqual(guide.items.map((i: { code: string }) => i.code));

    // Editing the published thing starts version 2; the portal keeps version 1 until it is published.
    const v2 = await admin.put(`/api/things/${id}`, { data: { ...data, name: '测试婚育一件事（第二版）' }, baseVersion: 1 });
    expect(v2.body).toMatchObject({ latestVersion: 2, publishedVersion: 1, status: 'draft' });
    expect((await t.anon.get('/api/public/things/marriage-test')).body.name).toBe('测试婚育一件事');
    expect((await admin.put(`/api/things/${id}`, { data, baseVersion: 1 })).status).toBe(409);

    const audit = await rows<{ action: string }>(t.ctx.db, sql`select action from audit_events where entity_id = ${id} order by at, id`);
    const actions = audit.map((r) => r.action);
    expect(actions).toEqual(['thing.create', 'thing.edit', 'thing.edit', 'thing.submit', 'thing.review', 'thing.publish', 'thing.edit']);
  });

  it('lets the lead department draft and submit but not publish; other departments and applicants are refused', async () => {
    const listed = await admin.get('/api/things?q=restaurant');
    const id = listed.body.items[0].id;
    const data = (await admin.get(`/api/things/${id}`)).body.latest.data;
    const sc = await t.login('sc_chief');
    const mz = await t.login('chief1');
    const citizen = await t.login('citizen1');
    expect((await sc.get(`/api/things/${id}`)).status).toBe(200);
    expect((await mz.get(`/api/things/${id}`)).status).toBe(403);
    expect((await mz.put(`/api/things/${id}`, { data, baseVersion: 1 })).status).toBe(403);
    expect((await citizen.get('/api/things')).status).toBe(403);
    expect((await t.anon.get('/api/things')).status).toBe(401);
    const draft = await sc.put(`/api/things/${id}`, { data: { ...data, summary: `${data.summary}（修订）` }, baseVersion: 1 });
    expect(draft.status).toBe(200);
    expect(draft.body.allowedActions).toEqual(['submit']);
    expect((await sc.post(`/api/things/${id}/actions/submit`, {})).status).toBe(200);
    expect((await sc.post(`/api/things/${id}/actions/review`, {})).status).toBe(403);
    expect((await sc.post('/api/things', { code: 'mz-thing', data: { ...data, leadDepartmentId: (await t.anon.get('/api/public/facets')).body.departments.find((d: { name: string }) => d.name === '清渭县民政局').id } })).status).toBe(403);
    const reject = await admin.post(`/api/things/${id}/actions/reject`, {});
    expect(reject.status).toBe(422);
    expect((await admin.post(`/api/things/${id}/actions/reject`, { note: '简介请写明消防检查的条件' })).status).toBe(200);
  });

  it('answers duplicates, unknown departments and bad bodies with 4xx', async () => {
    const listed = await admin.get('/api/things?q=newborn');
    const data = (await admin.get(`/api/things/${listed.body.items[0].id}`)).body.latest.data;
    expect((await admin.post('/api/things', { code: 'newborn', data })).status).toBe(409);
    expect((await admin.post('/api/things', { code: 'other', data: { ...data, leadDepartmentId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(422);
    expect((await admin.post('/api/things', { code: 'Bad Code', data })).status).toBe(400);
    expect((await admin.post('/api/things', { code: 'other', data: { ...data, lifeEvent: 'party' } })).status).toBe(400);
    expect((await admin.post('/api/things/00000000-0000-4000-8000-000000000000/actions/submit', {})).status).toBe(404);
  });
});

describe('the catalog and the calendar under a published thing', () => {
  const answers = { entity: 'individual', seal: 'no', invoice: 'yes', crowded: 'no' };

  it('a local closure of the center moves the day the plan ends', async () => {
    const before = (await t.anon.post('/api/public/things/restaurant/plan', { answers })).body;
    expect(before.endsOn).toBe('2025-10-13');
    expect((await admin.post('/api/calendar/overrides', { date: '2025-10-10', kind: 'localClosure', note: '设备检修闭馆' })).status).toBe(200);
    const after = (await t.anon.post('/api/public/things/restaurant/plan', { answers })).body;
    expect(after).toMatchObject({ endsOn: '2025-10-14', workingDays: 5 });
    expect((await admin.del('/api/calendar/overrides/2025-10-10')).status).toBe(200);
  });

  it('an item suspended after publication drops out of the guide and the plan', async () => {
    const guide = (await t.anon.get('/api/public/things/restaurant')).body;
    const invoice = guide.items.find((i: { name: string }) => i.name === '发票领用').code;
    const item = (await admin.get(`/api/catalog/items?q=${invoice}`)).body.items[0];
    expect((await admin.post(`/api/catalog/items/${item.id}/actions/suspend`, {})).status).toBe(200);
    const g = (await t.anon.get('/api/public/things/restaurant')).body;
    expect(g.unavailable).toEqual([invoice]);
    expect(g.items.map((i: { code: string }) => i.code)).not.toContain(invoice);
    const plan = (await t.anon.post('/api/public/things/restaurant/plan', { answers })).body;
    expect(plan.items.map((i: { name: string }) => i.name)).toEqual(['个体工商户设立登记', '食品经营许可']);
    // Submitting a new version of the thing is refused while its item is not published.
    const listed = await admin.get('/api/things?q=restaurant');
    const detail = (await admin.get(`/api/things/${listed.body.items[0].id}`)).body;
    expect(detail.problems.map((p: { messageZh: string }) => p.messageZh).join()).toContain(invoice);
    expect((await admin.post(`/api/catalog/items/${item.id}/actions/resume`, {})).status).toBe(200);
    expect((await t.anon.get('/api/public/things/restaurant')).body.unavailable).toEqual([]);
  });
});

describe('退休一件事: the fifth demo thing', () => {
  it('is published under 退休 with its lead department, dependency, produced and shared materials', async () => {
    const groups: Group[] = (await t.anon.get('/api/public/things')).body.groups;
    const retirement = groups.find((g) => g.lifeEvent === 'retirement')!.things;
    expect(retirement.map((x) => x.code)).toEqual(['retirement']);
    // 退休审批 (10) → 医保待遇核定 (5) is the longest chain; the parts add up to 10 + 5 + 3.
    expect(retirement[0]).toMatchObject({ promisedWorkingDays: 15, sumWorkingDays: 18 });
    expect(retirement[0]!.departments).toEqual(['清渭县人力资源和社会保障局', '清渭县医疗保障局', '天水市住房公积金管理中心清渭管理部']);

    const g = (await t.anon.get('/api/public/things/retirement')).body;
    expect(g.leadDepartment.name).toBe('清渭县人力资源和社会保障局');
    expect(g.items.map((i: { name: string }) => i.name)).toEqual(['退休审批', '职工基本医疗保险退休人员待遇核定', '住房公积金退休提取']);
    const retire = g.items[0].code;
    expect(g.items.slice(1).map((i: { after: string[] }) => i.after)).toEqual([[retire], [retire]]);
    expect(g.materials.find((m: { key: string }) => m.key === 'retire-approval')).toMatchObject({ handIn: 'produced', producedBy: retire });
    expect(g.materials.find((m: { key: string }) => m.key === 'social-card')).toMatchObject({ handIn: 'sharing', sourceAgency: '清渭县人力资源和社会保障局（社会保障卡信息共享）' });
    expect(g.materials.find((m: { key: string }) => m.key === 'retiree-id').usedBy).toHaveLength(3);
  });

  it('plans from the answers: 职工医保 yes, 公积金 no → two items, the second waits across the holiday', async () => {
    const p = (await t.anon.post('/api/public/things/retirement/plan', { answers: { medical: 'yes', fund: 'no' } })).body;
    expect(p.items.map((i: { name: string }) => i.name)).toEqual(['退休审批', '职工基本医疗保险退休人员待遇核定']);
    // 退休审批 10 working days from Mon Sep 29: Sep 30, Oct 9, 10, 11 (Sat, 调休), 13–17, 20; then 5 more: Oct 21–24, 27.
    expect(p.items[0]).toMatchObject({ startsOn: '2025-09-29', endsOn: '2025-10-20', waitsFor: [] });
    expect(p.items[1]).toMatchObject({ startsOn: '2025-10-20', endsOn: '2025-10-27', waitsFor: [p.items[0].code] });
    expect(p).toMatchObject({ promisedWorkingDays: 15, sumWorkingDays: 15, endsOn: '2025-10-27' });
    // The approval is handed on inside the bundle; the social security card comes by data sharing: neither is demanded.
    const demanded = p.materials.filter((m: { handIn: string }) => m.handIn === 'applicant').map((m: { name: string }) => m.name);
    expect(demanded).toContain('退休人员居民身份证');
    expect(demanded).not.toContain('退休审批表（核准退休）');
    expect(demanded).not.toContain('本人社会保障卡（金融账户）');
    expect(p.fields.some((f: { key: string }) => f.key === 'fundAccount')).toBe(false);

    const both = (await t.anon.post('/api/public/things/retirement/plan', { answers: { medical: 'no', fund: 'yes' } })).body;
    expect(both.items.map((i: { name: string }) => i.name)).toEqual(['退休审批', '住房公积金退休提取']);
    expect(both).toMatchObject({ promisedWorkingDays: 13, sumWorkingDays: 13 });
  });
});
