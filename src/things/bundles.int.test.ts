import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../core/db/index.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/cases.js';

let t: TestApp;
let admin: Client, citizen: Client, other: Client, window1: Client;
let codes: { cert: string; reg: string; card: string; fertility: string };

// Mon 2025-09-29: the promised total runs across the National Day holiday (Oct 1–8).
beforeAll(async () => {
  t = await startTestApp({ now: '2025-09-29T02:00:00Z' });
  [admin, citizen, other, window1] = await Promise.all([t.login('admin'), t.login('citizen1'), t.login('citizen3'), t.login('window1')]);
  // A thing of four items: 出生医学证明 (卫健, 2 working days) → 出生登记 (公安, on the spot);
  // 社会保障卡 (人社) beside them when asked for; 生育登记 (卫健) when not yet registered.
  const listed = await admin.get('/api/things?q=newborn');
  const data = (await admin.get(`/api/things/${listed.body.items[0].id}`)).body.latest.data;
  const [cert, reg, , card, fertility] = data.items;
  codes = { cert: cert.itemCode, reg: reg.itemCode, card: card.itemCode, fertility: fertility.itemCode };
  const test = { ...data, name: '测试出生一件事', items: [cert, reg, { ...card, after: [] }, fertility],
    sharedMaterials: data.sharedMaterials };
  const created = await admin.post('/api/things', { code: 'birth-test', data: test });
  expect(created.body.problems).toEqual([]);
  // Four eyes: a second administrator reviews and publishes what admin submitted.
  const admin2 = await t.login('admin2');
  for (const a of ['submit', 'review', 'publish']) expect((await (a === 'submit' ? admin : admin2).post(`/api/things/${created.body.id}/actions/${a}`, {})).status).toBe(200);
});
afterAll(async () => { await t?.close(); });

const ANSWERS = { socialCard: 'yes', birthRegistered: 'yes' };

/** The one form filled in and every material the applicant hands in uploaded once. */
async function application(c: Client, code = 'birth-test', answers: Record<string, string> = ANSWERS) {
  const plan = (await t.anon.post(`/api/public/things/${code}/plan`, { answers })).body;
  const formData: Record<string, unknown> = {};
  for (const f of plan.fields) {
    formData[f.key] = f.kind === 'idNumber' ? '620524199005122336' : f.kind === 'phone' ? '13919385566' : f.kind === 'date' ? '2025-09-20'
      : f.kind === 'choice' ? f.options[0] : '测试';
  }
  const hand = plan.materials.filter((m: { handIn: string }) => m.handIn === 'applicant');
  const files: string[] = [];
  for (const _m of hand) files.push((await upload(c)).body.id);
  return { thingCode: code, answers, formData, channel: 'online', materials: hand.map((m: { key: string }, i: number) => ({ key: m.key, fileId: files[i] })), plan };
}

async function file(c: Client = citizen, extra: Record<string, unknown> = {}) {
  const { plan: _plan, ...body } = await application(c);
  const res = await c.post('/api/bundles', { ...body, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; bundleNo: string; queryCode: string; parts: { itemCode: string; state: string; caseId: string | null; caseNo: string | null }[] };
}

const view = async (id: string, c: Client = citizen) => (await c.get(`/api/bundles/${id}`)).body;
const partOf = (v: { parts: { itemCode: string }[] }, code: string) => v.parts.find((p) => p.itemCode === code) as Record<string, any>;

/** Posts an action with the case's current version. */
async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const cur = await c.get(`/api/cases/${id}`);
  return c.post(`/api/cases/${id}/actions/${action}`, { version: cur.body.version, ...body });
}
async function must(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(c, id, action, body);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An immediate (即办) case at the window: accepted, decided and its result made. */
async function windowResult(id: string) {
  await must(window1, id, 'accept');
  await must(window1, id, 'decide', { outcome: 'approved' });
  return must(window1, id, 'markResultReady');
}

/** The 出生医学证明 case through the 卫健委: accepted, assigned, handled and signed (decided, result not yet made). */
async function certDecided(id: string) {
  const [coord, handler, chief] = await Promise.all([t.login('wj_coord'), t.login('wj_handler'), t.login('wj_chief')]);
  await must(window1, id, 'accept');
  const staff = (await coord.get('/api/cases/staff?role=handler')).body.users;
  await must(coord, id, 'assign', { userId: staff[0].id });
  for (let i = 0; i < 4; i++) {
    const v = (await coord.get(`/api/cases/${id}`)).body;
    if (v.allowedActions.includes('decide') || (await chief.get(`/api/cases/${id}`)).body.allowedActions.includes('decide')) break;
    const who = v.allowedActions.includes('completeStep') ? coord : handler;
    await must(who, id, 'completeStep', { opinion: '核对无误' });
  }
  return must(chief, id, 'decide', { outcome: 'approved' });
}

describe('filing a bundle', () => {
  it('the answers choose 3 of 4 items: 3 cases in 3 departments (one waiting), a shared material uploaded once on each', async () => {
    const { plan, ...body } = await application(citizen);
    expect(plan.items.map((i: { code: string }) => i.code)).toEqual([codes.cert, codes.reg, codes.card]);
    // A field of the item the answers left out (生育登记's 孩次) is not used.
    const res = await citizen.post('/api/bundles', { ...body, formData: { ...body.formData, childOrder: '一孩' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const b = res.body;
    expect(b.bundleNo).toMatch(/^YJS\d+202509290001$/);
    expect(b.state).toBe('running');
    expect(b.parts.map((p: { itemCode: string; state: string }) => [p.itemCode, p.state])).toEqual([[codes.cert, 'started'], [codes.reg, 'waiting'], [codes.card, 'started']]);

    const v = await view(b.id);
    expect(new Set(v.parts.map((p: { department: { name: string } }) => p.department.name))).toEqual(new Set(['清渭县卫生健康委员会', '清渭县公安局', '清渭县人力资源和社会保障局']));
    expect(partOf(v, codes.reg)).toMatchObject({ state: 'waiting', caseId: null, waitsFor: [codes.cert] });
    expect(v.applicant).toMatchObject({ name: '王立军', idNumber: '6205**********2336', phone: '139****5566' });
    // 出生医学证明 2 working days: Sep 30, then Oct 9 after the holiday.
    expect(v).toMatchObject({ filedOn: '2025-09-29', promisedWorkingDays: 2, sumWorkingDays: 2, promisedDue: '2025-10-09', light: 'green', notice: '', deliverTogether: true });

    // The parents' ID card (key parents-id) was uploaded once; both started cases carry that very upload.
    const shared = body.materials.find((m: { key: string }) => m.key === 'parents-id')!.fileId;
    const cert = (await citizen.get(`/api/cases/${partOf(v, codes.cert).caseId}`)).body;
    const card = (await citizen.get(`/api/cases/${partOf(v, codes.card).caseId}`)).body;
    expect(cert.materials.find((m: { materialId: string }) => m.materialId === 'parents-id').fileId).toBe(shared);
    expect(card.materials.find((m: { materialId: string }) => m.materialId === 'guardian').fileId).toBe(shared);
    expect(cert.channel).toBe('online');
    expect(cert.formData.childName).toBe('测试');
    expect(Object.keys(card.formData)).not.toContain('hospital');
    expect(Object.keys(cert.formData)).not.toContain('childOrder');

    const audit = await rows<{ after: { applicant: { idNumber: string; phone: string } } }>(t.ctx.db, sql`select after from audit_events where action = 'bundle.submit' and entity_id = ${b.id}`);
    expect(audit[0]!.after.applicant).toMatchObject({ idNumber: '6205**********2336', phone: '139****5566' });
  });

  it('refuses an incomplete online application, a wrong channel and a stranger’s upload', async () => {
    const { plan: _p, ...body } = await application(citizen);
    const missing = await citizen.post('/api/bundles', { ...body, materials: body.materials.filter((m: { key: string }) => m.key !== 'parents-id') });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('materials_incomplete');
    expect(missing.body.error.messageZh).toContain('父母双方居民身份证');
    expect((await citizen.post('/api/bundles', { ...body, channel: 'window' })).status).toBe(403);
    expect((await citizen.post('/api/bundles', { ...body, answers: { socialCard: 'maybe', birthRegistered: 'yes' } })).status).toBe(422);
    expect((await citizen.post('/api/bundles', { ...body, thingCode: 'nothing-here' })).status).toBe(422);
    expect((await citizen.post('/api/bundles', { ...body, formData: { ...body.formData, shoeSize: '42' } })).body.error.code).toBe('unknown_field');
    const { childName: _c, ...noName } = body.formData;
    expect((await citizen.post('/api/bundles', { ...body, formData: noName })).body.error.code).toBe('form_incomplete');
    // The one form's ID numbers and phones by the shared identity rules: a wrong check digit does not get in.
    const wrongId = await citizen.post('/api/bundles', { ...body, formData: { ...body.formData, motherId: '620524199003120021', phone: '1391938556' } });
    expect(wrongId.status).toBe(422);
    expect(wrongId.body.error.code).toBe('identity_invalid');
    expect(wrongId.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.formData.motherId', 'body.formData.phone']);
    expect((await citizen.post('/api/bundles', { ...body, materials: [...body.materials, { key: 'nothing', fileId: body.materials[0].fileId }] })).body.error.code).toBe('unknown_material');
    expect((await other.post('/api/bundles', body)).body.error.code).toBe('file_not_yours');
    expect((await (await t.login('agent1')).post('/api/bundles', body)).status).toBe(403);
  });

  it('files at the window for a walk-in applicant', async () => {
    const { plan: _p, ...body } = await application(window1);
    const res = await window1.post('/api/bundles', { ...body, channel: 'window', applicant: { kind: 'person', name: '赵大山', idNumber: '620524198001011239', phone: '13800001111' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const c = (await window1.get(`/api/cases/${res.body.parts[0].caseId}`)).body;
    expect(c).toMatchObject({ channel: 'window' });
    expect((await window1.post('/api/bundles', { ...body, channel: 'window' })).body.error.code).toBe('applicant_required');
  });
});

describe('the parts follow one another', () => {
  it('a waiting item starts only when its predecessor’s result is ready, with that result handed on', async () => {
    const b = await file();
    const certId = b.parts.find((p) => p.itemCode === codes.cert)!.caseId!;
    await certDecided(certId);
    expect(partOf(await view(b.id), codes.reg)).toMatchObject({ state: 'waiting', caseId: null });
    await must(window1, certId, 'markResultReady');
    const v = await view(b.id);
    expect(partOf(v, codes.cert)).toMatchObject({ state: 'resultReady', endedOn: '2025-09-29' });
    const reg = partOf(v, codes.reg);
    expect(reg).toMatchObject({ state: 'started', startedOn: '2025-09-29', caseState: 'submitted' });
    const regCase = (await citizen.get(`/api/cases/${reg.caseId}`)).body;
    expect(regCase.applicant?.name ?? regCase.applicantName).toBeTruthy();
    // 出生医学证明 is the result of the first part: handed on, ticked without an upload.
    expect(regCase.materials.find((m: { materialId: string }) => m.materialId === 'birth-certificate')).toMatchObject({ provided: true, fileId: null });
    const sms = await rows<{ payload: { summary: string } }>(t.ctx.db, sql`select payload from outbox where template = 'bundle.progress' and payload->>'bundleId' = ${b.id}`);
    expect(sms.map((s) => s.payload.summary)).toEqual(['“出生医学证明首次签发”已出结果，“出生登记”已开始办理']);
  });

  it('one item refused: the bundle says which, the one waiting on it is cancelled, the others go on', async () => {
    const b = await file();
    const certId = b.parts.find((p) => p.itemCode === codes.cert)!.caseId!;
    await must(window1, certId, 'refuse', { reasons: '分娩记录与申请信息不一致' });
    const v = await view(b.id);
    expect(partOf(v, codes.cert)).toMatchObject({ state: 'refused' });
    expect(partOf(v, codes.reg)).toMatchObject({ state: 'cancelled', caseId: null });
    expect(partOf(v, codes.card)).toMatchObject({ state: 'started' });
    expect(v.state).toBe('running');
    expect(v.refusals).toEqual([{ itemCode: codes.cert, itemName: '出生医学证明首次签发', cancelled: ['出生登记'] }]);
    expect(v.notice).toBe('其中“出生医学证明首次签发”未获办理；“出生登记”因需其结果不再办理；其余事项照常办理。');
    const sms = await rows<{ payload: { summary: string; centerName: string } }>(t.ctx.db, sql`select payload from outbox where template = 'bundle.progress' and payload->>'bundleId' = ${b.id}`);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.payload).toMatchObject({ summary: '“出生医学证明首次签发”未获办理；“出生登记”因需其结果不再办理；其余事项照常办理', centerName: '清渭县政务服务中心' });

    // The last running part ends: the bundle's result is ready; delivered and closed: completed.
    const cardId = b.parts.find((p) => p.itemCode === codes.card)!.caseId!;
    await windowResult(cardId);
    const ready = await view(b.id);
    expect(ready).toMatchObject({ state: 'resultReady', endedOn: '2025-09-29', light: null });
    await must(window1, cardId, 'deliver', { mode: 'pickup' });
    await must(window1, cardId, 'complete');
    const done = await view(b.id);
    expect(done.state).toBe('completed');
    expect(done.completedAt).toBeTruthy();
    const changes = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_events where action = 'bundle.change' and entity_id = ${b.id}`);
    // The refusal; the card's result (the bundle's result ready); the card's case closed (completed). Its delivery moved nothing.
    expect(changes[0]!.n).toBe(3);
  });

  it('one delivery: a part’s result waits until every other part has ended, then goes out', async () => {
    const b = await file();
    const cardId = b.parts.find((p) => p.itemCode === codes.card)!.caseId!;
    await windowResult(cardId);
    const card = (await window1.get(`/api/cases/${cardId}`)).body;
    expect(card.allowedActions).not.toContain('deliver');
    const held = await act(window1, cardId, 'deliver', { mode: 'pickup' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('bundle_delivery_held');
    expect(held.body.error.messageZh).toBe('一件事的结果一并送达：“出生医学证明首次签发”、“出生登记”尚未办结');
    const certId = b.parts.find((p) => p.itemCode === codes.cert)!.caseId!;
    await certDecided(certId);
    await must(window1, certId, 'markResultReady');
    const regId = partOf(await view(b.id), codes.reg).caseId;
    expect((await act(window1, cardId, 'deliver', { mode: 'pickup' })).body.error.messageZh).toBe('一件事的结果一并送达：“出生登记”尚未办结');
    await windowResult(regId);
    expect((await view(b.id)).state).toBe('resultReady');
    for (const id of [cardId, certId, regId]) await must(window1, id, 'deliver', { mode: 'pickup' });
  });

  it('results asked for one by one are delivered as each is ready', async () => {
    const b = await file(citizen, { deliverTogether: false });
    const cardId = b.parts.find((p) => p.itemCode === codes.card)!.caseId!;
    await windowResult(cardId);
    expect((await act(window1, cardId, 'deliver', { mode: 'pickup' })).status).toBe(200);
  });
});

describe('reading bundles', () => {
  it('scopes the list and the view: own applicant, the center, the departments with a part', async () => {
    const b = await file();
    expect((await other.get(`/api/bundles/${b.id}`)).status).toBe(403);
    expect((await other.get('/api/bundles')).body.items.map((x: { id: string }) => x.id)).not.toContain(b.id);
    const mine = (await citizen.get('/api/bundles?pageSize=100')).body;
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(mine.items[0]).toMatchObject({ thingName: '测试出生一件事', applicantIdNumber: '6205**********2336', partCount: 3 });
    expect((await window1.get(`/api/bundles/${b.id}`)).status).toBe(200);
    const ga = await t.login('ga_handler');
    expect((await ga.get(`/api/bundles/${b.id}`)).status).toBe(200);
    const mz = await t.login('handler1');
    expect((await mz.get(`/api/bundles/${b.id}`)).status).toBe(403);
    expect((await mz.get('/api/bundles')).body.total).toBe(0);
    expect((await (await t.login('town_window1')).get(`/api/bundles/${b.id}`)).status).toBe(403);
    expect((await (await t.login('agent1')).get('/api/bundles')).status).toBe(403);
    expect((await t.anon.get('/api/bundles')).status).toBe(401);
    expect((await citizen.get('/api/bundles/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await citizen.get('/api/bundles?state=running')).body.items.every((x: { state: string }) => x.state === 'running')).toBe(true);
  });

  it('answers the public progress query masked, and a wrong code like an unknown number', async () => {
    const b = await file();
    const res = await t.anon.get(`/api/public/bundles/${b.bundleNo}?queryCode=${b.queryCode}`);
    expect(res.status).toBe(200);
    expect(res.body.applicant).toMatchObject({ name: '王*军', idNumber: '6205**********2336', phone: '139****5566' });
    expect(res.body.queryCode).toBeUndefined();
    expect(res.body.parts).toHaveLength(3);
    const wrong = await t.anon.get(`/api/public/bundles/${b.bundleNo}?queryCode=${b.queryCode === '000000' ? '111111' : '000000'}`);
    expect(wrong.status).toBe(404);
    const unknown = await t.anon.get(`/api/public/bundles/YJS0000?queryCode=${b.queryCode}`);
    expect(unknown.status).toBe(404);
    expect(wrong.body.error.messageZh).toBe(unknown.body.error.messageZh);
  });
});

describe('the promised total and the calendar', () => {
  it('counts working days across the holiday, and a calendar change moves it', async () => {
    const b = await file();
    expect((await view(b.id)).promisedDue).toBe('2025-10-09');
    expect((await admin.post('/api/calendar/overrides', { date: '2025-09-30', kind: 'localClosure', note: '设备检修闭馆' })).status).toBe(200);
    expect((await view(b.id)).promisedDue).toBe('2025-10-10');
    expect((await admin.del('/api/calendar/overrides/2025-09-30')).status).toBe(200);
    expect((await view(b.id)).promisedDue).toBe('2025-10-09');
  });
});
