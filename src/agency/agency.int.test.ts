import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, MARRIAGE, SPOUSE, TEMP_RELIEF, act, must, upload, walkIn } from '../../test/cases.js';
import { applyLevelDefaults } from '../catalog/rules.js';
import type { GuideData } from '../catalog/types.js';

const ELDERLY = '62052400MZ-JF-0009'; // 高龄津贴申领 (village-level)
const ALL = ['application', 'id-card', 'economic-statement', 'verification-consent'];

let t: TestApp;
let agent1: Client, agent2: Client, town: Client, townAdmin: Client, window1: Client, super1: Client, admin: Client;
let coord: Client, handler: Client, chief: Client;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' }); // Monday 09:00 in Asia/Shanghai
  [agent1, agent2, town, townAdmin, window1, super1, admin, coord, handler, chief] = await Promise.all(
    ['agent1', 'agent2', 'town_window1', 'town_admin', 'window1', 'super1', 'admin', 'coord1', 'handler1', 'chief1'].map((u) => t.login(u)),
  );
});
afterAll(async () => { await t?.close(); });

const resident = (name = '柳大娘', idNumber = '620524195003031221') => ({ kind: 'person', name, idNumber, phone: '13993861111' });

async function submit(c: Client, itemCode = LOW_INCOME, mode = 'proxy', extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/agency/cases', { mode, itemCode, applicant: resident(), handedOver: ['application', 'id-card'], ...extra });
  if (res.status !== 201) throw new Error(`agency submit → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; caseNo: string; queryCode: string; mode: string; handover: { id: string; documentId: string } };
}

async function handover(c: Client, id: string, stage: string, items: string[], extra: Record<string, unknown> = {}) {
  return c.post(`/api/agency/cases/${id}/handovers`, { stage, items, ...extra });
}

/** Accept at the town window and walk the 低保 case through the county department to a decision. */
async function acceptAndDecide(id: string) {
  await must(town, id, 'accept', { provided: ALL });
  const handlerId = (await handler.get('/api/auth/me')).body.user.id;
  await must(coord, id, 'assign', { userId: handlerId });
  for (let i = 0; i < 3; i++) await must(handler, id, 'completeStep', { opinion: '核查属实' });
  await must(coord, id, 'completeStep', { opinion: '复核同意' });
  await must(chief, id, 'decide', { outcome: 'approved' });
}

describe('agency points (demo network)', () => {
  it('the two villages are agency points handing cases to the town center, with their agents', async () => {
    const mine = await agent1.get('/api/agency/points');
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ name: '龙泉镇柳树沟村便民服务站', level: 'village', handoverCenter: '清渭县龙泉镇便民服务中心' });
    expect(mine.body.items[0].agents.map((a: { username: string }) => a.username)).toEqual(['agent1']);
    expect(mine.body.items[0].agents[0].phone).toBe('138****1201');
    const town = await townAdmin.get('/api/agency/points');
    expect(town.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['龙泉镇柳树沟村便民服务站', '龙泉镇石桥沟村便民代办点'].sort());
  });
});

describe('submitting for a resident', () => {
  it('代办: channel agent, mode recorded, filed with the town center, first hand-over printed', async () => {
    const c = await submit(agent1, LOW_INCOME, 'proxy', { note: '老人行动不便，上门收件' });
    expect(c.mode).toBe('proxy');
    const view = await agent1.get(`/api/cases/${c.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ channel: 'agent', state: 'submitted', center: { name: '清渭县龙泉镇便民服务中心' } });
    expect(view.body.applicant.idNumber).toBe('6205**********1221');
    expect(view.body.documents).toEqual([expect.objectContaining({ kind: 'receipt' }), expect.objectContaining({ id: c.handover.documentId, kind: 'agencyHandover', title: '代办交接单（群众交代办员（收件））' })]);
    const agency = await agent1.get(`/api/agency/cases/${c.id}`);
    expect(agency.body).toMatchObject({ mode: 'proxy', modeLabel: '代办', agent: { displayName: '柳成林' }, point: { name: '龙泉镇柳树沟村便民服务站' } });
    expect(agency.body.handovers).toEqual([expect.objectContaining({
      seq: 1, stage: 'residentToAgent', giver: { name: '柳大娘', roleLabel: '申请人' }, taker: { name: '柳成林', roleLabel: '代办员' },
      items: ['最低生活保障申请书', '申请人及共同生活家庭成员居民身份证'].map((n) => expect.stringContaining(n.slice(0, 4))), note: '老人行动不便，上门收件',
    })]);
    const sheet = await agent1.get(`/api/cases/${c.id}/documents/${c.handover.documentId}`);
    expect(sheet.status).toBe(200);
    expect(String(sheet.headers['content-type'])).toContain('text/html');
    const html = sheet.raw.toString();
    expect(html).toContain('<h1 class="doc-title" data-testid="doc-title">代办交接单</h1>');
    expect(html).toContain('第1次交接：群众交代办员（收件）');
    expect(html).toMatch(/柳树沟村代办交字〔2026〕第\d{6}号/);
    expect(html).toContain('6205**********1221');
    expect(html).not.toContain('620524195003031221');
    expect(html).toContain('<svg'); // the QR code
    expect(html).toContain(`办件编号：${c.caseNo}`);
    expect(html).toContain(`查询码：${c.queryCode}`);
    // Issued once: reading it again gives the same bytes.
    expect((await agent1.get(`/api/cases/${c.id}/documents/${c.handover.documentId}`)).raw.toString()).toBe(html);
  });

  it('陪办 is recorded as its own mode', async () => {
    const c = await submit(agent1, TEMP_RELIEF, 'accompany', { handedOver: [] });
    expect((await agent1.get(`/api/agency/cases/${c.id}`)).body).toMatchObject({ mode: 'accompany', modeLabel: '陪办' });
    expect((await agent1.get(`/api/cases/${c.id}`)).body.channel).toBe('agent');
  });

  it('only agents file through the agency service, and agents only through it', async () => {
    expect((await town.post('/api/agency/cases', { mode: 'proxy', itemCode: LOW_INCOME, applicant: resident() })).status).toBe(403);
    expect((await agent1.post('/api/cases', { ...walkIn(LOW_INCOME), channel: 'agent' })).status).toBe(403);
    const bad = await agent1.post('/api/agency/cases', { mode: 'advise', itemCode: LOW_INCOME, applicant: resident() });
    expect(bad.status).toBe(400);
    const unknown = await agent1.post('/api/agency/cases', { mode: 'proxy', itemCode: LOW_INCOME, applicant: resident(), handedOver: ['no-such'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_material');
  });

  it('咨办 records the advice and files no case', async () => {
    const before = (await agent1.get('/api/agency/cases')).body.items.length;
    const res = await agent1.post('/api/agency/consultations', {
      residentName: '柳二牛', residentPhone: '13993862222', itemCode: ELDERLY, question: '父亲今年80岁，能否领高龄津贴？', advice: '可以，带户口簿和社保卡，由代办员上门代办。',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ residentName: '柳*牛', residentPhone: '139****2222', itemName: '高龄津贴申领' });
    expect((await agent1.get('/api/agency/cases')).body.items.length).toBe(before);
    const list = await agent1.get('/api/agency/consultations');
    expect(list.body.items[0]).toMatchObject({ id: res.body.id, residentName: '柳*牛' });
    expect((await agent2.get('/api/agency/consultations')).body.items.some((x: { id: string }) => x.id === res.body.id)).toBe(false);
    expect((await agent1.post('/api/agency/consultations', { residentName: 'x', itemCode: 'NOPE', question: 'q', advice: 'a' })).status).toBe(422);
  });
});

describe('the hand-over chain: resident → agent → center → agent → resident', () => {
  it('records every hand-over in order, each with its own printed sheet', async () => {
    const c = await submit(agent1);
    // Out of order: nothing has a result yet.
    expect((await handover(agent1, c.id, 'centerToAgent', ['结果'], { counterpartName: '朱红霞' })).body.error.code).toBe('handover_order');
    expect((await handover(agent1, c.id, 'agentToResident', ['结果'])).body.error.code).toBe('handover_order');
    // The town window takes the materials from the agent (and names itself on the sheet).
    const toCenter = await handover(town, c.id, 'agentToCenter', ['最低生活保障申请书', '居民身份证']);
    expect(toCenter.status).toBe(201);
    expect(toCenter.body).toMatchObject({ seq: 2, giver: { name: '柳成林' }, taker: { name: '朱红霞', roleLabel: '中心受理人' } });
    // A receiver does not record the resident's side.
    expect((await handover(town, c.id, 'agentToResident', ['x'])).status).toBe(403);
    await acceptAndDecide(c.id);
    await must(town, c.id, 'markResultReady');
    // The agent records receiving the result and must name the center's person.
    const noName = await handover(agent1, c.id, 'centerToAgent', ['最低生活保障审核确认决定书']);
    expect(noName.status).toBe(422);
    expect(noName.body.error.code).toBe('counterpart_required');
    const back = await handover(agent1, c.id, 'centerToAgent', ['最低生活保障审核确认决定书'], { counterpartName: '朱红霞' });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ seq: 3, giver: { name: '朱红霞' }, taker: { name: '柳成林' } });
    expect((await handover(agent1, c.id, 'centerToAgent', ['again'], { counterpartName: '朱红霞' })).body.error.code).toBe('handover_order');
    expect((await handover(agent1, c.id, 'agentToCenter', ['late'], { counterpartName: '朱红霞' })).body.error.code).toBe('handover_order');
    await must(town, c.id, 'deliver', { mode: 'pickup' });
    const home = await handover(agent1, c.id, 'agentToResident', ['最低生活保障审核确认决定书'], { note: '已上门送达' });
    expect(home.status).toBe(201);
    expect(home.body).toMatchObject({ seq: 4, giver: { name: '柳成林' }, taker: { name: '柳大娘', roleLabel: '申请人' } });
    await must(town, c.id, 'complete');

    const agency = (await agent1.get(`/api/agency/cases/${c.id}`)).body;
    expect(agency.handovers.map((h: { stage: string }) => h.stage)).toEqual(['residentToAgent', 'agentToCenter', 'centerToAgent', 'agentToResident']);
    expect(agency.nextStages).toEqual([]);
    expect(agency.state).toBe('completed');
    const docs = new Set(agency.handovers.map((h: { documentId: string }) => h.documentId));
    expect(docs.size).toBe(4);
    for (const h of agency.handovers) {
      const sheet = (await agent1.get(`/api/cases/${c.id}/documents/${h.documentId}`)).raw.toString();
      expect(sheet).toContain(`第${h.seq}次交接：${h.stageLabel}`);
      for (const item of h.items) expect(sheet).toContain(item);
    }
    // The county supervisor reads the whole chain.
    expect((await super1.get(`/api/agency/cases/${c.id}`)).status).toBe(200);
  });

  it('the agent acts only as the resident\'s representative: supplies materials, nothing else', async () => {
    const c = await submit(agent1);
    await must(town, c.id, 'notifySupplement', { missing: ['economic-statement'], note: '请补交家庭经济状况声明' });
    const view = await agent1.get(`/api/cases/${c.id}`);
    expect(view.body.allowedActions).toEqual(['supply']);
    expect((await act(agent1, c.id, 'withdraw')).status).toBe(403);
    const file = await upload(agent1);
    const supplied = await act(agent1, c.id, 'supply', { materials: [{ materialId: 'economic-statement', fileId: file.body.id }] });
    expect(supplied.status).toBe(200);
    expect(supplied.body.state).toBe('submitted');
    expect((await act(agent1, c.id, 'accept', { provided: ALL })).status).toBe(403);
    // Another agent may not read the file the agent attached; the county supervisor may.
    expect((await agent2.get(`/api/files/${file.body.id}`)).status).toBe(403);
    expect((await super1.get(`/api/files/${file.body.id}`)).status).toBe(200);
  });
});

describe('who sees what across the network', () => {
  it('an agent cannot read another agent\'s case, its hand-overs or its sheets', async () => {
    const c = await submit(agent1);
    expect((await agent2.get(`/api/cases/${c.id}`)).status).toBe(403);
    expect((await agent2.get(`/api/agency/cases/${c.id}`)).status).toBe(403);
    expect((await agent2.get(`/api/cases/${c.id}/documents/${c.handover.documentId}`)).status).toBe(403);
    expect((await handover(agent2, c.id, 'agentToCenter', ['x'], { counterpartName: 'y' })).status).toBe(403);
  });

  it('an agent sees only their own submissions, in the case list and the agency list', async () => {
    const mine = await submit(agent1);
    const theirs = await submit(agent2);
    const counter = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
    for (const url of ['/api/cases?state=all&limit=200', '/api/agency/cases?limit=200']) {
      const ids = (await agent1.get(url)).body.items.map((x: { id: string }) => x.id);
      expect(ids, url).toContain(mine.id);
      expect(ids, url).not.toContain(theirs.id);
      expect(ids, url).not.toContain(counter.id);
    }
    const list = (await agent1.get('/api/agency/cases')).body.items;
    expect(list.every((x: { agentName: string }) => x.agentName === '柳成林')).toBe(true);
    expect(list[0].applicantName).toBe('柳*娘');
  });

  it('a town receiver cannot read a county case; the county supervisor reads a case filed at a village point', async () => {
    const filed = await window1.post('/api/cases', walkIn(LOW_INCOME));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const county = filed.body;
    expect((await town.get(`/api/cases/${county.id}`)).status).toBe(403);
    expect((await town.get('/api/cases?state=all&limit=200')).body.items.map((x: { id: string }) => x.id)).not.toContain(county.id);
    const village = await submit(agent2);
    expect((await super1.get(`/api/cases/${village.id}`)).status).toBe(200);
    expect((await super1.get(`/api/cases/${village.id}/documents/${village.handover.documentId}`)).status).toBe(200);
    expect((await super1.get('/api/cases?state=all&limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(village.id);
    expect((await super1.get('/api/agency/cases?limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(village.id);
    // The town center reads (and its window acts on) cases from the villages below it.
    expect((await town.get(`/api/cases/${village.id}`)).body.allowedActions).toContain('accept');
    expect((await townAdmin.get('/api/agency/cases?limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(village.id);
    // …but the county window does not act on the town's case.
    expect((await window1.get(`/api/cases/${village.id}`)).body.allowedActions).toEqual([]);
  });
});

describe('village-level items: 10 working days unless the item sets its own', () => {
  it('applyLevelDefaults fills only a village item without its own limit', () => {
    const g = (level: GuideData['level'], value: number) => ({ level, promisedLimit: { value, unit: 'workingDays' } }) as GuideData;
    expect(applyLevelDefaults(g('village', 0)).promisedLimit).toEqual({ value: 10, unit: 'workingDays' });
    expect(applyLevelDefaults(g('village', 5)).promisedLimit).toEqual({ value: 5, unit: 'workingDays' });
    expect(applyLevelDefaults(g(undefined, 0)).promisedLimit).toEqual({ value: 0, unit: 'workingDays' });
    expect(applyLevelDefaults(g('county', 0)).promisedLimit).toEqual({ value: 0, unit: 'workingDays' });
  });

  it('a village item published without a limit promises 10 working days; its agency case is due accordingly', async () => {
    const mz = (await t.anon.get('/api/public/facets')).body.departments.find((d: { name: string }) => d.name.endsWith('民政局')).id;
    const data: GuideData = {
      name: '村级测试事项：困难群众慰问金申领', type: 'benefit', theme: '社会救助', servedParty: 'person', departmentId: mz, level: 'village',
      entryMode: 'resident', windowNames: ['便民服务中心综合窗口'], responsiblePerson: '张三', legalBasis: '《社会救助暂行办法》第二条',
      statutoryLimit: { value: 20, unit: 'workingDays' }, promisedLimit: { value: 0, unit: 'workingDays' }, caseKind: 'promised',
      conditions: '本村困难群众', reviewStandard: '材料齐全', procedure: [{ name: '受理', role: 'receiver' }, { name: '审查', role: 'handler', workingDays: 5 }, { name: '决定', role: 'chiefRep' }],
      specialProcedures: [], jointParticipants: [], maxVisits: 0, onlineDepth: 3, conditionalAcceptance: false, appointmentAllowed: false,
      deliveryModes: ['pickup'], overdueDefault: 'none',
      materials: [{ id: 'application', name: '申请书', required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant' }],
      fees: { free: true, items: [] }, result: { name: '慰问金发放通知', type: 'other' },
      contact: { address: '龙泉镇便民服务中心', hours: '工作日', phone: '0938-6850012', complaintPhone: '12345' },
    };
    const created = await admin.post('/api/catalog/items', { data });
    expect(created.status).toBe(201);
    const admin2 = await t.login('admin2'); // four eyes: a second admin reviews and publishes
    for (const a of ['submit', 'review', 'publish']) expect((await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${created.body.id}/actions/${a}`, {})).status).toBe(200);
    const guide = (await t.anon.get(`/api/public/items/${created.body.code}`)).body;
    expect(guide.promisedLimit).toEqual({ value: 10, unit: 'workingDays' });
    expect(guide.level).toBe('village');
    const c = await submit(agent1, created.body.code, 'proxy', { handedOver: ['application'] });
    await must(town, c.id, 'accept', { provided: ['application'] });
    // Accepted Monday 2026-03-02 (the day does not count): ten working days later is Monday 2026-03-16.
    expect((await agent1.get(`/api/cases/${c.id}`)).body.clock.promisedDue).toBe('2026-03-16');
  });
});

describe('monthly agency report (代办月报)', () => {
  async function report(c: Client, pointId: string, month: string) {
    const res = await c.get(`/api/agency/points/${pointId}/report.xlsx?month=${month}`);
    if (res.status !== 200) return { status: res.status, rows: [] as unknown[][] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('代办月报')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return { status: 200, rows };
  }
  const numbers = (row: unknown[] | undefined) => (row ?? []).slice(2, 9).map(Number);

  it('counts per item the cases this point filed in the month and the advice given', async () => {
    // A fresh app: the counts below are exactly the cases this test creates.
    const r = await startTestApp({ now: '2026-03-02T01:00:00Z' });
    try {
      const [a2, tw, ta, a1, co, ha, ch] = await Promise.all(['agent2', 'town_window1', 'town_admin', 'agent1', 'coord1', 'handler1', 'chief1'].map((u) => r.login(u)));
      const pointId = (await a2.get('/api/agency/points')).body.items[0].id;
      const file = async (code: string, mode: string) => (await a2.post('/api/agency/cases', { mode, itemCode: code, applicant: resident('石老汉', '620524194203081026') })).body.id as string;
      const done = await file(LOW_INCOME, 'proxy');
      const refused = await file(LOW_INCOME, 'proxy');
      await file(LOW_INCOME, 'accompany');
      await file(ELDERLY, 'proxy');
      await must(tw, refused, 'refuse', { reasons: '申请人家庭收入超过本县低保标准' });
      await must(tw, done, 'accept', { provided: ALL });
      const handlerId = (await ha.get('/api/auth/me')).body.user.id;
      await must(co, done, 'assign', { userId: handlerId });
      for (let i = 0; i < 3; i++) await must(ha, done, 'completeStep', { opinion: '核查' });
      await must(co, done, 'completeStep', { opinion: '复核' });
      await must(ch, done, 'decide', { outcome: 'approved' });
      for (const [action, body] of [['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]] as const) await must(tw, done, action, body);
      for (const itemCode of [LOW_INCOME, LOW_INCOME, undefined]) {
        expect((await a2.post('/api/agency/consultations', { residentName: '石大姐', itemCode, question: '怎么申请？', advice: '带身份证户口簿到村代办点' })).status).toBe(201);
      }
      // Other points' work does not count here.
      await a1.post('/api/agency/cases', { mode: 'proxy', itemCode: LOW_INCOME, applicant: resident() });

      const march = await report(a2, pointId, '2026-03');
      expect(march.status).toBe(200);
      expect(march.rows[0]![0]).toBe('龙泉镇石桥沟村便民代办点 2026年3月 代办月报');
      expect(march.rows[2]).toEqual(['事项编码', '事项名称', '代办', '陪办', '提交合计', '已办结', '办理中', '未办结终止（不予受理/退回/撤回）', '咨办次数']);
      //                         代办 陪办 合计 办结 办理中 终止 咨办
      expect(numbers(march.rows.find((x) => x[0] === LOW_INCOME))).toEqual([2, 1, 3, 1, 1, 1, 2]);
      expect(numbers(march.rows.find((x) => x[0] === ELDERLY))).toEqual([1, 0, 1, 0, 1, 0, 0]);
      expect(numbers(march.rows.find((x) => x[1] === '（未指定事项）'))).toEqual([0, 0, 0, 0, 0, 0, 1]);
      expect(numbers(march.rows.find((x) => x[1] === '合计'))).toEqual([3, 1, 4, 1, 2, 1, 3]);

      // Months are months: April's case is not March's.
      r.ctx.clock.set(new Date('2026-04-01T01:00:00Z'));
      await file(ELDERLY, 'proxy');
      expect(numbers((await report(a2, pointId, '2026-03')).rows.find((x) => x[1] === '合计'))).toEqual([3, 1, 4, 1, 2, 1, 3]);
      expect(numbers((await report(ta, pointId, '2026-04')).rows.find((x) => x[1] === '合计'))).toEqual([1, 0, 1, 0, 1, 0, 0]);

      // Who may download: the point's agents and center admins above it.
      expect((await report(a1, pointId, '2026-03')).status).toBe(403);
      expect((await report(tw, pointId, '2026-03')).status).toBe(403);
      expect((await a2.get(`/api/agency/points/${pointId}/report.xlsx?month=2026-13`)).status).toBe(400);
    } finally {
      await r.close();
    }
  });
});

describe('co-applicants at agency points (结婚登记: the law names both parties)', () => {
  it('takes the other party, each checked by the shared identity rules, and names both on the case', async () => {
    const marriage = (coApplicants?: unknown) => agent1.post('/api/agency/cases', {
      mode: 'accompany', itemCode: MARRIAGE, applicant: resident('柳大山', '620524198001011239'), handedOver: ['id-card', 'photo'], ...(coApplicants ? { coApplicants } : {}),
    });
    expect((await marriage()).body.error.code).toBe('co_applicants_count');
    const wrong = await marriage([{ name: '钱晓梅', idNumber: '620524198203050026' }]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([{ field: 'body.coApplicants.0.idNumber', message: '身份证号码校验位错误，请核对' }]);
    expect((await marriage([{ name: '', idNumber: SPOUSE.idNumber }])).body.error.details[0].field).toBe('body.coApplicants.0.name');
    expect((await marriage([{ name: '柳大山', idNumber: '620524198001011239' }])).body.error.code).toBe('co_applicant_repeated');
    // A one-applicant item takes none.
    expect((await agent1.post('/api/agency/cases', { mode: 'proxy', itemCode: LOW_INCOME, applicant: resident(), coApplicants: [SPOUSE] })).body.error.code).toBe('no_co_applicants');
    const ok = await marriage([SPOUSE]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const view = (await agent1.get(`/api/cases/${ok.body.id}`)).body;
    expect(view.coApplicants).toEqual([expect.objectContaining({ name: SPOUSE.name, idNumber: '6205**********0025' })]);
  });
});
