import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { act, LOW_INCOME, MARRIAGE, must, PDF, SPOUSE, TEMP_RELIEF, upload, walkIn } from '../../test/cases.js';

let t: TestApp;
let citizen: Client, window1: Client, coord: Client, handler: Client, chief: Client, leader: Client;
let handlerId: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' }); // Monday 09:00 in Shanghai
  [citizen, window1, coord, handler, chief, leader] = await Promise.all(['citizen1', 'window1', 'coord1', 'handler1', 'chief1', 'leader1'].map((u) => t.login(u)));
  handlerId = (await handler.get('/api/auth/me')).body.user.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });

/** The case's entry in the light sweep's queue (its next light change), or null. */
const queued = async (caseId: string) => (await t.ctx.db.execute(sql`select next_change_on::text as d from case_light_queue where case_id = ${caseId}`) as unknown as { rows: { d: string }[] }).rows[0]?.d ?? null;

describe('online application to completion', () => {
  it('walks submit → supplement → supply → accept → handling → decision → pickup → complete', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const files = await Promise.all([upload(citizen), upload(citizen), upload(citizen), upload(citizen)]);
    expect(files[0].status).toBe(201);
    const two = [{ materialId: 'application', fileId: files[0].body.id }, { materialId: 'id-card', fileId: files[1].body.id }];
    const applicant = { kind: 'person', name: '冒名', idNumber: '110101199001011237', phone: '13000000000' };
    // An online application is complete before it is filed: 2 of 4 required materials is refused, naming the rest.
    const incomplete = await citizen.post('/api/cases', { itemCode: LOW_INCOME, channel: 'online', applicant, materials: two });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('materials_incomplete');
    expect(incomplete.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.materials.economic-statement', 'body.materials.verification-consent']);
    expect(incomplete.body.error.messageZh).toContain('家庭经济状况');
    const created = await citizen.post('/api/cases', {
      itemCode: LOW_INCOME, channel: 'online', applicant,
      materials: [...two, { materialId: 'economic-statement', fileId: files[2].body.id }, { materialId: 'verification-consent', fileId: files[3].body.id }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'submitted', caseNo: expect.stringMatching(/^62052420260302\d{5}$/), queryCode: expect.stringMatching(/^\d{6}$/) });
    const id = created.body.id;
    const first = await citizen.get(`/api/cases/${id}`);
    // Online applicants apply as themselves, whatever they type.
    expect(first.body.applicant).toMatchObject({ name: '王立军', idNumber: '6205**********2336', phone: '139****5566' });
    expect(first.body.clock).toMatchObject({ acceptedOn: null });
    // 接件: a receipt at once, and the acceptance decision due within 3 working days (2026-03-02 is a Monday).
    expect(first.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt']);
    expect(first.body.intake).toEqual({ receivedOn: '2026-03-02', acceptBy: '2026-03-05', light: 'green' });
    expect(first.body.clock.light).toBe('green');

    // The window finds two uploads unusable and lists everything to redo in one notice; the clock has not started.
    const notice = await must(window1, id, 'notifySupplement', { missing: ['economic-statement', 'verification-consent'], note: '请一次性补齐' });
    expect(notice.state).toBe('awaitingSupplement');
    expect(notice.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'supplement']);
    expect(notice.intake).toBeNull(); // the applicant's turn: no acceptance deadline runs
    const html = await window1.get(`/api/cases/${id}/documents/${notice.documents[1].id}`);
    expect(html.body).toContain('家庭经济状况');

    await setNow('2026-03-05T02:00:00Z'); // three days later
    const more = await Promise.all([upload(citizen), upload(citizen)]);
    const supplied = await must(citizen, id, 'supply', { materials: [{ materialId: 'economic-statement', fileId: more[0].body.id }, { materialId: 'verification-consent', fileId: more[1].body.id }] });
    expect(supplied.state).toBe('submitted');
    // Complete again on Thu 03-05: the acceptance decision is due within 3 working days of it.
    expect(supplied.intake).toEqual({ receivedOn: '2026-03-05', acceptBy: '2026-03-10', light: 'green' });

    expect(await queued(id)).toBeNull(); // not accepted: no clock, nothing for the light sweep
    const accepted = await must(window1, id, 'accept');
    expect(accepted.state).toBe('accepted');
    expect(await queued(id)).toBe('2026-03-19'); // the sweep's next look: the day it turns yellow
    // Accepted Thu 2026-03-05: 15 working days later, the supplement days never counted.
    expect(accepted.clock).toMatchObject({ acceptedOn: '2026-03-05', promisedDue: '2026-03-26', statutoryDue: '2026-04-17', light: 'green', usedWorkingDays: 0 });
    expect(accepted.item.version).toBe(1);
    expect(accepted.documents.map((d: { kind: string }) => d.kind)).toContain('acceptance');

    expect((await must(coord, id, 'assign', { userId: handlerId })).assignee.id).toBe(handlerId);
    const queue = await handler.get('/api/cases?assignee=me');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    await must(handler, id, 'completeStep', { opinion: '经济状况核对符合条件' });
    await must(handler, id, 'completeStep', { opinion: '入户调查属实' });
    await must(handler, id, 'completeStep', { opinion: '公示无异议' });
    expect((await act(chief, id, 'decide', { outcome: 'approved' })).body.error.code).toBe('steps_pending');
    const reviewed = await must(coord, id, 'completeStep', { opinion: '复核同意' });
    expect(reviewed.allowedActions).not.toContain('completeStep');
    expect(reviewed.allowedActions).not.toContain('decide');
    expect((await chief.get(`/api/cases/${id}`)).body.allowedActions).toContain('decide');
    const decided = await must(chief, id, 'decide', { outcome: 'approved' });
    expect(decided).toMatchObject({ state: 'decided', outcome: 'approved' });
    await must(window1, id, 'markResultReady');
    await must(window1, id, 'deliver', { mode: 'pickup' });
    const done = await must(window1, id, 'complete');
    expect(done.state).toBe('completed');
    expect(await queued(id)).toBeNull(); // closed: out of the sweep's queue
    expect(done.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'supplement', 'acceptance', 'handlingNotice', 'approval', 'completion']);
    expect(done.events.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'notifySupplement', 'supply', 'accept', 'assign', 'completeStep', 'completeStep', 'completeStep', 'completeStep', 'decide', 'markResultReady', 'deliver', 'complete',
    ]);
    expect(done.events[4].data.to.id).toBe(handlerId);

    // Anyone with number and code sees the progress: the applicant masked, the staff named (亮牌上岗, seed 000: 承办人).
    const progress = await t.anon.get(`/api/public/progress?caseNo=${created.body.caseNo}&queryCode=${created.body.queryCode}`);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ state: 'completed', applicantName: '王*军', promisedDue: '2026-03-26', handler: { name: '陈志刚', roleLabel: expect.any(String) } });
    expect(progress.body.history.find((h: { action: string }) => h.action === 'assign').by).toBe('刘芳');
    expect(progress.body.history.find((h: { action: string }) => h.action === 'submit').by).toBeNull(); // the applicant's own entry: no name
    expect(JSON.stringify(progress.body)).not.toMatch(/王立军|6205241990|13919385566/);
    expect((await t.anon.get(`/api/public/progress?caseNo=${created.body.caseNo}&queryCode=000000x`)).status).toBe(404);

    // Notifications went to the outbox in the same transactions.
    const outbox = (await t.ctx.db.execute(sql`select template from outbox where payload->>'caseNo' = ${created.body.caseNo} order by id`)) as unknown as { rows: { template: string }[] };
    expect(outbox.rows.map((r) => r.template)).toEqual(['case.supplementNotice', 'case.accepted', 'case.assigned', 'case.decided', 'case.resultReady', 'case.completed']);
    // The SMS name the materials as the guide does, sign with the case's center, and word the decision as a 给付.
    const sms = (await t.ctx.db.execute(sql`select template, payload from outbox where channel = 'sms' and payload->>'caseNo' = ${created.body.caseNo} order by id`)) as unknown as { rows: { template: string; payload: Record<string, unknown> }[] };
    expect(sms.rows[0].payload).toMatchObject({ missing: ['家庭收入和财产状况申报（声明）表', '家庭经济状况核对授权书'], centerName: '清渭县政务服务中心' });
    expect(sms.rows.find((r) => r.template === 'case.decided')!.payload).toMatchObject({ outcome: 'approved', verdict: '准予给付' });
    // The decision is a 给付决定书 quoting the item's 设定依据, not a licence.
    const decision = done.documents.find((d: { kind: string }) => d.kind === 'approval');
    expect(decision.title).toBe('给付决定书');
    const decisionHtml = (await window1.get(`/api/cases/${id}/documents/${decision.id}`)).body as string;
    expect(decisionHtml).toContain('本机关决定<span class="emph">准予给付</span>');
    expect(decisionHtml).toContain('《社会救助暂行办法》（国务院令第649号）第九条至第十三条');
    expect(decisionHtml).not.toContain('行政许可法');
  });
});

describe('co-applicants (结婚登记: both parties)', () => {
  it('are required where the law names them, each checked, shown on the documents and found by either ID', async () => {
    await setNow('2026-03-06T02:00:00Z');
    const base = { itemCode: MARRIAGE, channel: 'window', applicant: { kind: 'person', name: '赵大山', idNumber: '620524198001011239', phone: '13800001111' } };
    const alone = await window1.post('/api/cases', base);
    expect(alone.status).toBe(422);
    expect(alone.body.error).toMatchObject({ code: 'co_applicants_count', messageZh: '该事项须填写1名另一方当事人' });
    const wrong = await window1.post('/api/cases', { ...base, coApplicants: [{ name: '钱晓梅', idNumber: '620524198203050026' }] });
    expect(wrong.body.error.details).toEqual([{ field: 'body.coApplicants.0.idNumber', message: '身份证号码校验位错误，请核对' }]);
    const twice = await window1.post('/api/cases', { ...base, coApplicants: [{ name: '赵大山', idNumber: '620524198001011239' }] });
    expect(twice.body.error.code).toBe('co_applicant_repeated');
    const single = await window1.post('/api/cases', { ...walkIn(LOW_INCOME), coApplicants: [SPOUSE] });
    expect(single.body.error.code).toBe('no_co_applicants');

    const created = await window1.post('/api/cases', { ...base, coApplicants: [SPOUSE] });
    expect(created.status).toBe(201);
    const view = (await window1.get(`/api/cases/${created.body.id}`)).body;
    expect(view.coApplicants).toEqual([{ name: '钱晓梅', idNumber: '6205**********0025', phone: null }]);
    const receipt = (await window1.get(`/api/cases/${created.body.id}/documents/${view.documents[0].id}`)).body as string;
    expect(receipt).toContain('共同申请人');
    expect(receipt).toContain('钱晓梅（6205**********0025）');
    expect(receipt).not.toContain(SPOUSE.idNumber);
    await must(window1, created.body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    const decided = await must(window1, created.body.id, 'decide', { outcome: 'approved' });
    const decision = decided.documents.find((d: { kind: string }) => d.kind === 'approval');
    expect(decision.title).toBe('准予登记通知书'); // 行政确认 (registration): not a licence
    const html = (await window1.get(`/api/cases/${created.body.id}/documents/${decision.id}`)).body as string;
    expect(html).toContain('钱晓梅（6205**********0025）');
    expect(html).toContain('《中华人民共和国民法典》第一千零四十六条至第一千零四十九条');
    expect(html).not.toContain('行政许可法');
    // The worklist search finds the case by either person's ID number.
    for (const id of [SPOUSE.idNumber, '620524198001011239']) {
      const found = (await window1.get(`/api/cases?q=${id}&state=decided`)).body.items.map((c: { id: string }) => c.id);
      expect(found, id).toContain(created.body.id);
    }
  });
});

describe('walk-in 即办 at the window', () => {
  it('accepts and decides in one sitting, due the same day', async () => {
    await setNow('2026-03-06T02:00:00Z');
    const created = await window1.post('/api/cases', walkIn(MARRIAGE));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const incomplete = await act(window1, id, 'accept');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('materials_incomplete');
    expect((await window1.get(`/api/cases/${id}`)).body).toMatchObject({ state: 'submitted', version: 1 });
    const accepted = await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    expect(accepted.clock).toMatchObject({ acceptedOn: '2026-03-06', promisedDue: '2026-03-06' });
    expect(accepted.allowedActions).toContain('decide');
    // Due today, so "yellow" at once — but decided in this sitting: no urge notice to the department.
    expect(accepted.clock.light).toBe('yellow');
    const steps = (await t.ctx.db.execute(sql`select kind from ladder_steps where case_id = ${id}`)) as unknown as { rows: unknown[] };
    expect(steps.rows).toHaveLength(0);
    await must(window1, id, 'decide', { outcome: 'approved' });
    await must(window1, id, 'markResultReady');
    await must(window1, id, 'deliver', { mode: 'pickup' });
    expect((await must(window1, id, 'complete')).state).toBe('completed');
    const sent = (await t.ctx.db.execute(sql`select template from outbox where payload->>'caseNo' = ${created.body.caseNo}`)) as unknown as { rows: { template: string }[] };
    expect(sent.rows.map((r) => r.template)).not.toContain('supervision.urge');
  });
});

describe('rules of the engine', () => {
  it('numbers cases and notices without gaps or repeats when many windows work at once', async () => {
    const window2 = await t.login('window2');
    const windows = [window1, window2, window1, window2, window1, window2, window1, window2];
    const created = await Promise.all(windows.map((w, i) => w.post('/api/cases', walkIn(MARRIAGE, `并发${i}`))));
    expect(created.map((r) => r.status)).toEqual(windows.map(() => 201));
    const seqs = created.map((r) => Number(r.body.caseNo.slice(-5))).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i)); // consecutive, none twice
    const accepted = await Promise.all(created.map((r, i) => windows[i].post(`/api/cases/${r.body.id}/actions/accept`, { version: 1, provided: ['id-card', 'photo', 'declaration'] })));
    expect(accepted.map((r) => r.status)).toEqual(windows.map(() => 200));
    const numbers = accepted.map((r) => r.body.documents.find((d: { kind: string }) => d.kind === 'acceptance').docNo as string);
    const docSeqs = numbers.map((n) => Number(/第(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(docSeqs).toEqual(docSeqs.map((_, i) => docSeqs[0] + i));
    // The stored notice carries its own number, not the stand-in it was rendered with.
    const html = await window1.get(`/api/cases/${created[0].body.id}/documents/${accepted[0].body.documents[0].id}`);
    expect(html.body).toContain(accepted[0].body.documents[0].docNo);
    expect(html.body).not.toContain('BANSHIDOCNO');
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const { body } = await window1.post('/api/cases', walkIn(MARRIAGE));
    const window2 = await t.login('window2');
    const both = await Promise.all([window1, window2].map((c) => c.post(`/api/cases/${body.id}/actions/accept`, { version: 1, provided: ['id-card', 'photo', 'declaration'] })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('version_conflict');
    const view = await window1.get(`/api/cases/${body.id}`);
    expect(view.body.events.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  it('answers 409 for a wrong state and a stale version, 403 for a wrong role or department', async () => {
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    expect((await act(window1, body.id, 'complete')).body.error.code).toBe('invalid_transition');
    expect((await window1.post(`/api/cases/${body.id}/actions/refuse`, { version: 7, reasons: 'x' })).body.error.code).toBe('version_conflict');
    expect((await act(coord, body.id, 'accept')).status).toBe(403);
    const other = await t.login('sc_coord');
    expect((await other.get(`/api/cases/${body.id}`)).status).toBe(403);
    const otherCitizen = await t.login('citizen3');
    expect((await otherCitizen.get(`/api/cases/${body.id}`)).status).toBe(403);
  });

  it('validates each action’s body and names the field', async () => {
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const res = await act(window1, body.id, 'refuse', { reasons: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('body.reasons');
    const bad = await window1.post('/api/cases', { ...walkIn(LOW_INCOME), applicant: { kind: 'person', name: 'x', idNumber: '1', phone: 'abc' } });
    expect((await window1.post('/api/cases', { itemCode: LOW_INCOME, channel: 'window' })).body.error.code).toBe('applicant_required');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body.applicant.idNumber', 'body.applicant.phone']));
  });

  it('checks identities at the window: check digit, birth date, mobile, credit code (422 naming the field, in Chinese)', async () => {
    const person = (idNumber: string, phone = '13909381201') => window1.post('/api/cases', { ...walkIn(LOW_INCOME), applicant: { kind: 'person', name: '赵秀英', idNumber, phone } });
    const wrongCheck = await person('620524195803120027'); // the demo's old number: check character X
    expect(wrongCheck.status).toBe(422);
    expect(wrongCheck.body.error).toMatchObject({ code: 'invalid_identity', messageZh: '身份证号码校验位错误，请核对', details: [{ field: 'body.applicant.idNumber', message: '身份证号码校验位错误，请核对' }] });
    const impossible = await person('620524195802300024'); // 30 February
    expect(impossible.body.error.details[0].message).toBe('身份证号码中的出生日期不存在或晚于今天');
    const shortMobile = await person('62052419580312002X', '1390938120');
    expect(shortMobile.status).toBe(422);
    expect(shortMobile.body.error.details).toEqual([{ field: 'body.applicant.phone', message: '手机号码应为11位，以13至19开头' }]);
    expect((await person('62052419580312002x')).status).toBe(201); // lower-case x is accepted and stored upper-case
    const hk = await window1.post('/api/cases', { ...walkIn(LOW_INCOME), applicant: { kind: 'person', name: '陈大文', idNumber: 'H12345678', phone: '13909381201' } });
    expect(hk.status).toBe(201);
    const org = (idNumber: string) => window1.post('/api/cases', { itemCode: '62052400ZR-XK-0004', channel: 'window', applicant: { kind: 'organization', name: '清渭县石料开采有限公司', idNumber, phone: '13909381213' } });
    expect((await org('91620524MA7ABCDE12')).body.error.details).toEqual([{ field: 'body.applicant.idNumber', message: '统一社会信用代码校验位错误，请核对' }]);
    expect((await org('91620524MA7ABCDE16')).status).toBe(201);
  });

  it('refuses with written reasons and a refusal notice; returns point to the right authority', async () => {
    const a = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
    const refused = await must(window1, a.id, 'refuse', { reasons: '申请人户籍不在本县' });
    expect(refused.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'refusal']);
    const b = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
    const returned = await must(window1, b.id, 'return', { reasons: '属于市级事项', redirectTo: '天水市民政局' });
    expect(returned.state).toBe('returned');
    const doc = await window1.get(`/api/cases/${b.id}/documents/${returned.documents[1].id}`);
    expect(doc.body).toContain('天水市民政局');
  });

  it('容缺: only minor materials may be owed, and delivery waits for them', async () => {
    const { body } = await window1.post('/api/cases', walkIn(TEMP_RELIEF));
    const major = await act(window1, body.id, 'acceptConditional', { owed: ['application'], provided: ['id-card', 'hardship-proof', 'verification-consent'] });
    expect(major.status).toBe(422);
    expect(major.body.error.code).toBe('owed_not_minor');
    const ok = await must(window1, body.id, 'acceptConditional', { owed: ['hardship-proof'], provided: ['application', 'id-card', 'verification-consent'] });
    expect(ok.documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'acceptance', 'handlingNotice', 'pledge']);
    expect(ok.materials.find((m: { materialId: string }) => m.materialId === 'hardship-proof').owed).toBe(true);
    await must(coord, body.id, 'assign', { userId: handlerId });
    await must(handler, body.id, 'completeStep', { opinion: '属实' });
    await must(handler, body.id, 'completeStep', { opinion: '按标准救助' });
    await must(coord, body.id, 'completeStep', { opinion: '同意' });
    await must(chief, body.id, 'decide', { outcome: 'approved' });
    await must(window1, body.id, 'markResultReady');
    const blocked = await act(window1, body.id, 'deliver', { mode: 'pickup' });
    expect(blocked.body.error.code).toBe('materials_owed');
    await must(window1, body.id, 'supply', { provided: ['hardship-proof'] });
    expect((await must(window1, body.id, 'deliver', { mode: 'post', trackingNo: 'SF1234567890' })).state).toBe('delivered');
  });

  it('keeps the item version a case was accepted under when the catalog changes', async () => {
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const admin = await t.login('admin');
    const item = (await admin.get(`/api/catalog/items?q=${LOW_INCOME}`)).body.items[0];
    const detail = (await admin.get(`/api/catalog/items/${item.id}`)).body;
    await admin.put(`/api/catalog/items/${item.id}`, { data: { ...detail.latest.data, name: '最低生活保障审核确认（新版）' }, baseVersion: detail.latestVersion });
    const admin2 = await t.login('admin2'); // four eyes: a second admin reviews and publishes
    for (const a of ['submit', 'review', 'publish']) expect((await (a === 'submit' ? admin : admin2).post(`/api/catalog/items/${item.id}/actions/${a}`, {})).status).toBe(200);
    const view = await window1.get(`/api/cases/${body.id}`);
    expect(view.body.item).toMatchObject({ version: 1, name: '最低生活保障审核确认' });
    const fresh = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
    expect((await window1.get(`/api/cases/${fresh.id}`)).body.item.version).toBe(2);
  });

  it('masks personal data in lists', async () => {
    await window1.post('/api/cases', walkIn(LOW_INCOME, '欧阳娜娜'));
    const list = await window1.get('/api/cases?limit=200');
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain('620524198001011239');
    expect(raw).not.toContain('欧阳娜娜');
    expect(raw).toContain('欧**娜');
  });

  it('pages the worklist by keyset, most urgent first', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    const dues: string[] = [];
    do {
      const res: { body: { items: { id: string; promisedDue: string | null }[]; nextCursor: string | null } } = await window1.get(`/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      for (const c of res.body.items) { expect(seen.has(c.id)).toBe(false); seen.add(c.id); dues.push(c.promisedDue ?? '9999-12-31'); }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe((await window1.get('/api/cases?limit=200')).body.items.length);
    expect([...dues].sort()).toEqual(dues);
  });

  it('checks uploads by their bytes and size', async () => {
    expect((await upload(citizen, Buffer.from('just text'), 'fake.pdf')).body.error.code).toBe('file_type');
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    expect((await upload(citizen, big)).status).toBe(413);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await upload(citizen, png, 'a.png')).body.mime).toBe('image/png');
  });
});

describe('the clock through holidays, with a pause and an extension', () => {
  it('accepted before Spring Festival 2026, paused for expert review, extended by a leader', async () => {
    await setNow('2026-02-12T02:00:00Z'); // Thursday before the Feb 15–23 holiday
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const accepted = await must(window1, body.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    // Feb 13 (Fri) and Feb 14 (Sat, adjusted working day) count; Feb 15–23 do not; 15 working days → Mar 11.
    expect(accepted.clock.promisedDue).toBe('2026-03-11');
    await must(coord, body.id, 'assign', { userId: handlerId });
    await setNow('2026-02-25T02:00:00Z');
    const paused = await must(handler, body.id, 'suspend', { reason: '需专家评审家庭经济状况', procedure: 'expertReview', plannedWorkingDays: 5 });
    expect(paused.state).toBe('suspended');
    expect(paused.clock.paused).toBe(true);
    expect(paused.documents.at(-1).kind).toBe('specialProcedure');
    await setNow('2026-03-04T02:00:00Z'); // Feb 26, 27, 28 (adjusted Saturday), Mar 2, 3, 4: six working days
    const resumed = await must(handler, body.id, 'resume');
    expect(resumed.clock).toMatchObject({ paused: false, pausedWorkingDays: 6, promisedDue: '2026-03-19' });
    await must(handler, body.id, 'requestExtension', { workingDays: 10, reason: '需补充入户调查' });
    expect((await act(handler, body.id, 'requestExtension', { workingDays: 1, reason: 'x' })).body.error.code).toBe('extension_pending');
    const extended = await must(leader, body.id, 'approveExtension');
    expect(extended.clock.promisedDue).toBe('2026-04-02');
    expect(extended.documents.at(-1).kind).toBe('extension');
    const doc = await handler.get(`/api/cases/${body.id}/documents/${extended.documents.at(-1).id}`);
    expect(doc.body).toContain('2026年4月2日');
    const capped = await act(handler, body.id, 'requestExtension', { workingDays: 6, reason: '再延期' });
    expect(capped.body.error.code).toBe('extension_cap');
    await setNow('2026-04-03T02:00:00Z');
    const late = await handler.get(`/api/cases/${body.id}`);
    expect(late.body.clock.light).toBe('red');
    const reds = await coord.get('/api/cases?light=red');
    expect(reds.body.items.map((c: { id: string }) => c.id)).toContain(body.id);
  });
});

describe('unanswered supplement notices', () => {
  it('closes a case as withdrawn after 30 days, once, and not before', async () => {
    await setNow('2026-05-06T02:00:00Z');
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    await must(window1, body.id, 'notifySupplement', { missing: ['economic-statement'], note: '' });
    await setNow('2026-06-04T02:00:00Z'); // 29 days
    await t.anon.post('/api/test/sweep', {});
    expect((await window1.get(`/api/cases/${body.id}`)).body.state).toBe('awaitingSupplement');
    await setNow('2026-06-06T02:00:00Z'); // 31 days
    const first = await t.anon.post('/api/test/sweep', {});
    expect(first.body.changed['supplement-timeout']).toBeGreaterThanOrEqual(1);
    const view = await window1.get(`/api/cases/${body.id}`);
    expect(view.body.state).toBe('withdrawn');
    expect(view.body.events.at(-1)).toMatchObject({ action: 'withdraw', data: { reason: 'supplementTimeout' } });
    expect(await queued(body.id)).toBeNull();
    const again = await t.anon.post('/api/test/sweep', {});
    expect(again.body.changed['supplement-timeout']).toBe(0);
  });
});

describe('the clock across National Day', () => {
  it('accepted the day before the holiday: due dates skip Oct 1–7, count the adjusted Saturday, and the light turns on the right days', async () => {
    await setNow('2026-09-30T02:00:00Z');
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const accepted = await must(window1, body.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    // 15 working days: Oct 8, 9, 10 (adjusted Saturday), 12–16, 19–23, 26, 27.
    expect(accepted.clock).toMatchObject({ acceptedOn: '2026-09-30', promisedDue: '2026-10-27', statutoryDue: '2026-11-17', light: 'green' });
    const lightOn = async (iso: string) => { await setNow(iso); return (await window1.get(`/api/cases/${body.id}`)).body.clock; };
    expect(await lightOn('2026-10-08T02:00:00Z')).toMatchObject({ usedWorkingDays: 1, remainingWorkingDays: 14, light: 'green' });
    expect(await lightOn('2026-10-19T02:00:00Z')).toMatchObject({ remainingWorkingDays: 6, light: 'green' });
    expect(await lightOn('2026-10-20T02:00:00Z')).toMatchObject({ remainingWorkingDays: 5, light: 'yellow' });
    expect(await lightOn('2026-10-27T09:00:00Z')).toMatchObject({ remainingWorkingDays: 0, light: 'yellow' });
    expect(await lightOn('2026-10-28T01:00:00Z')).toMatchObject({ light: 'red' });
    expect(await lightOn('2026-11-18T01:00:00Z')).toMatchObject({ light: 'black' });
    const black = await window1.get('/api/cases?light=black');
    expect(black.body.items.map((c: { id: string }) => c.id)).toContain(body.id);
  });
});

describe('report-up (上报件)', () => {
  it('pauses the clock while the higher authority decides, across National Day, and shows “reported to” publicly', async () => {
    const MINING = '62052400ZR-XK-0004'; // 采矿许可初审: promised 10 working days
    const [zrCoord, zrHandler] = await Promise.all([t.login('zr_coord'), t.login('zr_handler')]);
    const zrHandlerId = (await zrHandler.get('/api/auth/me')).body.user.id;
    await setNow('2026-09-29T02:00:00Z');
    const created = (await window1.post('/api/cases', { itemCode: MINING, channel: 'window', applicant: { kind: 'organization', name: '清渭县石料开采有限公司', idNumber: '91620524MA7ABCDE16', phone: '13909381213' } })).body;
    const accepted = await must(window1, created.id, 'accept', { provided: ['application', 'area-map', 'utilization-plan', 'restoration-plan', 'grant-contract'] });
    expect(accepted.clock.promisedDue).toBe('2026-10-19');
    await must(zrCoord, created.id, 'assign', { userId: zrHandlerId });
    expect((await act(zrHandler, created.id, 'reportUp', { authority: '天水市自然资源局', reference: '' })).status).toBe(403);
    await setNow('2026-09-30T02:00:00Z');
    const up = await must(zrCoord, created.id, 'reportUp', { authority: '天水市自然资源局', reference: '清自然资〔2026〕18号' });
    expect(up).toMatchObject({ state: 'reportedUp', clock: { paused: true } });
    const progress = await t.anon.get(`/api/public/progress?caseNo=${created.caseNo}&queryCode=${created.queryCode}`);
    expect(progress.body).toMatchObject({ state: 'reportedUp', reportedTo: '天水市自然资源局' });
    await setNow('2026-10-12T02:00:00Z');
    const back = await must(zrCoord, created.id, 'recordReply', { outcome: 'approved', replyOn: '2026-10-12', reference: '天自然资函〔2026〕9号', note: '同意' });
    // Paused (Sep 30, Oct 12]: Oct 8, 9, 10 (adjusted Saturday), 12 — four working days added.
    expect(back).toMatchObject({ state: 'inProgress', clock: { paused: false, pausedWorkingDays: 4, promisedDue: '2026-10-23' } });
    // A promised item cannot be filed upward.
    const other = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
    await must(window1, other.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    await must(coord, other.id, 'assign', { userId: handlerId });
    expect((await act(coord, other.id, 'reportUp', { authority: 'x', reference: '' })).body.error.code).toBe('not_report_up');
  });
});

describe('worklist freshness (pages are cached between case changes)', () => {
  it('shows the result of each action on the next worklist read', async () => {
    await setNow('2026-03-09T02:00:00Z');
    const created = (await window1.post('/api/cases', walkIn(LOW_INCOME, '钱小满'))).body;
    const row = async () => (await coord.get('/api/cases?limit=200')).body.items.find((c: { id: string }) => c.id === created.id);
    expect(await row()).toMatchObject({ state: 'submitted', promisedDue: null });
    expect(await row()).toMatchObject({ state: 'submitted' }); // served again from the cache
    await must(window1, created.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    expect(await row()).toMatchObject({ state: 'accepted', promisedDue: expect.any(String), light: 'green' });
    await must(coord, created.id, 'assign', { userId: handlerId });
    const mine = await handler.get('/api/cases?assignee=me&limit=200');
    expect(mine.headers['content-type']).toMatch(/application\/json/);
    expect(mine.body.items.find((c: { id: string }) => c.id === created.id)).toMatchObject({ assignee: { id: handlerId } });
    expect(await row()).toMatchObject({ assignee: { id: handlerId } });
  });
});
