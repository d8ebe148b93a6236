import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { act, LOW_INCOME, MARRIAGE, must, walkIn } from '../../test/cases.js';
import { users } from '../core/auth/schema.js';
import { outbox } from '../core/outbox/schema.js';
import { anomalies } from '../supervision/schema.js';
import type { GuideData } from '../catalog/types.js';

let t: TestApp;
let admin: Client, window1: Client, zrCoord: Client, zrHandler: Client, zrChief: Client, coord1: Client, citizen: Client;
const ids: Record<string, string> = {};

/** The published item named so, with the materials a walk-in must tick. */
async function itemNamed(name: string) {
  const r = (await t.ctx.db.execute(sql`select i.code, v.data from service_items i join service_item_versions v on v.item_id = i.id and v.version = i.published_version where v.data->>'name' = ${name}`)) as unknown as { rows: { code: string; data: GuideData }[] };
  const { code, data } = r.rows[0];
  return { code, provided: data.materials.filter((m) => m.required === 'required' && m.source !== 'sharing').map((m) => m.id) };
}

const anomaliesOf = (caseId: string) => t.ctx.db.select({ rule: anomalies.rule, subject: anomalies.subject }).from(anomalies).where(and(eq(anomalies.caseId, caseId), sql`${anomalies.rule} like 'fee%'`));

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-05T01:00:00Z' });
  [admin, window1, zrCoord, zrHandler, zrChief, coord1, citizen] = await Promise.all(['admin', 'window1', 'zr_coord', 'zr_handler', 'zr_chief', 'coord1', 'citizen1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
});
afterAll(async () => { await t?.close(); });

describe('a fee-bearing case (不动产转移登记: 80元/件, certificates: first free then 10元 each; delivery waits for payment)', () => {
  let id: string;

  it('refuses a payment notice while the center has no treasury account, then issues it with the amount by the rule', async () => {
    const item = await itemNamed('不动产转移登记');
    const created = await window1.post('/api/cases', walkIn(item.code, '钱买房'));
    expect(created.status).toBe(201);
    id = created.body.id;
    await must(window1, id, 'accept', { provided: item.provided });
    await must(zrCoord, id, 'assign', { userId: ids.zr_handler });
    // Two hand-overs: handler → coordinator → handler.
    await must(zrHandler, id, 'handOver', { toUserId: ids.zr_coord, note: '请协调核对抵押状态' });
    await must(zrCoord, id, 'handOver', { toUserId: ids.zr_handler, note: '已核实无抵押，退回续办' });
    await must(zrHandler, id, 'completeStep', { opinion: '登簿审核通过' });
    await must(zrHandler, id, 'completeStep', { opinion: '缮证完成' });
    await must(zrCoord, id, 'completeStep', { opinion: '复核无误' });
    await must(zrChief, id, 'decide', { outcome: 'approved' });

    const before = await window1.get(`/api/fees/cases/${id}`);
    expect(before.body).toMatchObject({ free: false, payBeforeDelivery: true, notice: null, paymentDue: false });
    expect(before.body.items.map((i: { rule: unknown }) => i.rule)).toEqual([
      { unitFen: 8000, unit: '件', freeUnits: 0 }, { unitFen: 55000, unit: '件', freeUnits: 0 }, { unitFen: 1000, unit: '本', freeUnits: 1 },
    ]);
    const noAccount = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1, 0, 2] });
    expect(noAccount.status).toBe(422);
    expect(noAccount.body.error.code).toBe('treasury_not_set');
    expect((await admin.put('/api/fees/treasury', { name: '清渭县财政局非税收入汇缴结算户', bank: '中国农业银行清渭县支行', accountNo: '27-365101040001234' })).status).toBe(200);

    const wrong = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1, 0] });
    expect(wrong.body.error.code).toBe('quantities_mismatch');
    const issued = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1, 0, 2] });
    expect(issued.status).toBe(200);
    // 80 × 1 + (2 − 1 free) × 10 = 90 元.
    expect(issued.body.notice).toMatchObject({ amountFen: 9000, paidFen: 0, status: 'unpaid', treasury: { accountNo: '27-365101040001234' } });
    expect(issued.body.notice.lines.map((l: { name: string; amountFen: number }) => [l.name, l.amountFen])).toEqual([['不动产登记费（住宅类）', 8000], ['不动产权属证书工本费', 1000]]);
    const [sms] = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'fee.notice'), sql`${outbox.payload}->>'caseId' = ${id}`));
    expect(sms).toMatchObject({ channel: 'sms', address: '13800001111', payload: { amount: '90.00', payBeforeDelivery: true } });
    const again = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1, 0, 2] });
    expect(again.body.error.code).toBe('notice_exists');

    // The printable 缴款通知书 is one of the case's documents, immutable; the applicant sees it too.
    const view = await window1.get(`/api/cases/${id}`);
    const doc = view.body.documents.find((d: { kind: string }) => d.kind === 'paymentNotice');
    expect(doc.title).toBe('缴款通知书');
    const page = await window1.get(`/api/cases/${id}/documents/${doc.id}`);
    expect(page.body).toContain('90.00');
    expect(page.body).toContain('27-365101040001234');
    expect(page.body).toContain('缴款后方可领取办理结果');
  });

  it('refuses delivery until paid, then delivers', async () => {
    await must(window1, id, 'markResultReady');
    const view = await window1.get(`/api/cases/${id}`);
    expect(view.body.allowedActions).not.toContain('deliver');
    const refused = await act(window1, id, 'deliver', { mode: 'pickup' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'payment_pending', messageZh: '缴款通知书所列费用尚未缴清，办理结果须缴款后送达' });

    // Part of it: still waiting.
    const part = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305001', amountFen: 8000 });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ paymentDue: true, anomalies: [] });
    expect((await act(window1, id, 'deliver', { mode: 'pickup' })).body.error.code).toBe('payment_pending');
    const bad = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'x', amountFen: 1000 });
    expect(bad.body.error.code).toBe('bad_receipt_no');
    const rest = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'online', receiptNo: 'WP-88120003', amountFen: 1000 });
    expect(rest.body).toMatchObject({ paymentDue: false, anomalies: [], notice: { status: 'paid', paidFen: 9000 } });
    expect(rest.body.payments.map((p: { reference: string }) => p.reference)).toEqual(['BK20260305001', 'WP-88120003']);
    const dup = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'online', receiptNo: 'wp-88120003', amountFen: 1000 });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('receipt_recorded');

    expect((await window1.get(`/api/cases/${id}`)).body.allowedActions).toContain('deliver');
    expect((await must(window1, id, 'deliver', { mode: 'pickup' })).state).toBe('delivered');
    expect((await must(window1, id, 'complete')).state).toBe('completed');
    expect(await anomaliesOf(id)).toEqual([]);
  });

  it('a payment above the standard fires 超标准收费 once, and nothing else', async () => {
    const over = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305009', amountFen: 500 });
    expect(over.body.anomalies).toEqual(['feeAboveStandard']);
    const found = await anomaliesOf(id);
    expect(found).toEqual([{ rule: 'feeAboveStandard', subject: `payment:${over.body.payments.at(-1).id}` }]);
    // The same receipt again is refused, so the anomaly is not raised twice.
    expect((await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305009', amountFen: 500 })).status).toBe(409);
    expect(await anomaliesOf(id)).toHaveLength(1);
    const listed = await (await t.login('super1')).get('/api/supervision/anomalies?rule=feeAboveStandard');
    expect(listed.status).toBe(200);
  });

  it('only the hall’s windows, the office or the department’s coordinator handle fees', async () => {
    const other = await coord1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305777', amountFen: 100 });
    expect(other.status).toBe(403);
    expect((await zrHandler.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305778', amountFen: 100 })).status).toBe(403);
  });
});

describe('free items and the other fee anomalies', () => {
  it('a free item never asks: no fee items, no notice, delivered without payment', async () => {
    const created = await window1.post('/api/cases', walkIn(MARRIAGE, '孙新婚'));
    const id = created.body.id;
    await must(window1, id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await must(window1, id, 'decide', { outcome: 'approved' });
    const fees = await window1.get(`/api/fees/cases/${id}`);
    expect(fees.body).toMatchObject({ free: true, payBeforeDelivery: false, items: [], notice: null, paymentDue: false });
    const refused = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('item_free');
    await must(window1, id, 'markResultReady');
    expect((await must(window1, id, 'deliver', { mode: 'pickup' })).state).toBe('delivered');
    const docs = (await window1.get(`/api/cases/${id}`)).body.documents.map((d: { kind: string }) => d.kind);
    expect(docs).not.toContain('paymentNotice');
    expect(await anomaliesOf(id)).toEqual([]);
  });

  it('money taken on a free item fires 免费事项收费 once', async () => {
    const created = await window1.post('/api/cases', walkIn(LOW_INCOME, '周低保'));
    const id = created.body.id;
    await must(window1, id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    const r = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK20260305100', amountFen: 2000 });
    expect(r.body.anomalies).toEqual(['feeOnFreeItem']);
    expect((await anomaliesOf(id)).map((a) => a.rule)).toEqual(['feeOnFreeItem']);
  });

  it('a payment outside the hall’s channels fires 未经大厅收费窗口收费 once; delivery of an item that does not wait goes ahead', async () => {
    const item = await itemNamed('机动车注册登记');
    const created = await window1.post('/api/cases', walkIn(item.code, '吴有车'));
    const id = created.body.id;
    await must(window1, id, 'accept', { provided: item.provided });
    await must(window1, id, 'decide', { outcome: 'approved' });
    const issued = await window1.post(`/api/fees/cases/${id}/notice`, { quantities: [1] });
    expect(issued.body.notice.amountFen).toBe(10000);
    await must(window1, id, 'markResultReady');
    // 机动车注册登记 does not make delivery wait for payment.
    expect((await window1.get(`/api/cases/${id}`)).body.allowedActions).toContain('deliver');
    const r = await window1.post(`/api/fees/cases/${id}/payments`, { channel: 'other', receiptNo: 'DEPT-0001', amountFen: 10000 });
    expect(r.body.anomalies).toEqual(['feeOutsideHall']);
    expect((await anomaliesOf(id)).map((a) => a.rule)).toEqual(['feeOutsideHall']);
  });

  it('concurrent notices and payments of one case: one notice, each receipt once', async () => {
    const item = await itemNamed('机动车注册登记');
    const created = await window1.post('/api/cases', walkIn(item.code, '郑并发'));
    const id = created.body.id;
    await must(window1, id, 'accept', { provided: item.provided });
    await must(window1, id, 'decide', { outcome: 'approved' });
    const window2 = await t.login('window2');
    const notices = await Promise.all([window1, window2, admin].map((c) => c.post(`/api/fees/cases/${id}/notice`, { quantities: [1] })));
    expect(notices.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const pays = await Promise.all([window1, window2, admin].map((c) => c.post(`/api/fees/cases/${id}/payments`, { channel: 'hallBank', receiptNo: 'BK-RACE-1', amountFen: 10000 })));
    expect(pays.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const fees = (await window1.get(`/api/fees/cases/${id}`)).body;
    expect(fees.payments).toHaveLength(1);
    expect(fees.notice).toMatchObject({ paidFen: 10000, status: 'paid' });
    expect(await anomaliesOf(id)).toEqual([]);
  });

  it('an applicant cannot record a payment', async () => {
    expect((await citizen.post('/api/fees/cases/00000000-0000-4000-8000-000000000000/payments', { channel: 'online', receiptNo: 'WP-1', amountFen: 1 })).status).toBe(403);
  });
});

describe('the fee anomaly scan over stored payments', () => {
  it('finds anomalies in payments written around the API, once, and adds nothing for those already found', async () => {
    const before = await t.ctx.db.select().from(anomalies).where(sql`${anomalies.rule} like 'fee%'`);
    await t.anon.post('/api/test/sweep');
    // The API recorded its findings at once: the scan finds nothing new in them.
    expect(await t.ctx.db.select().from(anomalies).where(sql`${anomalies.rule} like 'fee%'`)).toHaveLength(before.length);
    // A payment imported straight into the table (as a bank file would be), outside the hall's channels, on a free item.
    const [c] = (await t.ctx.db.execute(sql`select c.id, c.center_id, c.department_id, c.item_id from cases c where c.item_code = ${LOW_INCOME} limit 1`) as unknown as { rows: { id: string; center_id: string; department_id: string; item_id: string }[] }).rows;
    const [p] = (await t.ctx.db.execute(sql`insert into fee_payments (case_id, center_id, department_id, item_id, amount_fen, channel, transport, reference, paid_on, recorded_at, recorded_by)
      values (${c.id}, ${c.center_id}, ${c.department_id}, ${c.item_id}, 300, 'other', 'import', 'IMP-0001', '2026-03-05', ${t.ctx.now().toISOString()}, ${ids.window1}) returning id`) as unknown as { rows: { id: string }[] }).rows;
    const swept = await t.anon.post('/api/test/sweep');
    expect(swept.body.changed['fee-anomalies']).toBe(2);
    const mine = await t.ctx.db.select({ rule: anomalies.rule }).from(anomalies).where(eq(anomalies.subject, `payment:${p.id}`));
    expect(mine.map((a) => a.rule).sort()).toEqual(['feeOnFreeItem', 'feeOutsideHall']);
    await t.anon.post('/api/test/sweep');
    expect(await t.ctx.db.select().from(anomalies).where(eq(anomalies.subject, `payment:${p.id}`))).toHaveLength(2);
  });
});

describe('fee totals for the statistics report', () => {
  it('sums payments per department, item and month', async () => {
    const r = await admin.get('/api/stats/fees?from=2026-03-01&to=2026-03-31');
    expect(r.status).toBe(200);
    // 8000 + 1000 + 500 (不动产) + 2000 (低保, flagged) + 10000 (机动车, flagged) + 10000 (机动车) + 300 (imported, flagged).
    expect(r.body.totalFen).toBe(31800);
    expect(r.body.payments).toBe(7);
    expect(r.body.byItem.find((x: { key: string }) => x.key === '不动产转移登记')).toMatchObject({ payments: 3, amountFen: 9500 });
    expect(r.body.byMonth).toEqual([{ key: '2026-03', payments: 7, amountFen: 31800 }]);
    const none = await admin.get('/api/stats/fees?from=2026-04-01&to=2026-04-30');
    expect(none.body).toMatchObject({ totalFen: 0, payments: 0, rows: [] });
    expect((await zrCoord.get('/api/stats/fees?from=2026-03-01&to=2026-03-31')).status).toBe(403);
  });

  it('the payment ledger lists each payment with its case, channel, reference and recorder', async () => {
    const all = await admin.get('/api/fees/payments?from=2026-03-01&to=2026-03-31');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(7);
    const other = await admin.get('/api/fees/payments?from=2026-03-01&to=2026-03-31&channel=other');
    expect(other.body.items.map((p: { reference: string }) => p.reference).sort()).toEqual(['DEPT-0001', 'IMP-0001']);
    expect(other.body.items.find((p: { reference: string }) => p.reference === 'DEPT-0001')).toMatchObject({ itemName: '机动车注册登记', amountFen: 10000, withNotice: true, recordedBy: expect.any(String) });
    expect((await zrCoord.get('/api/fees/payments?from=2026-03-01&to=2026-03-31')).status).toBe(403);
  });

  it('the statistics workbook carries the fee sheet and the catalog ratios', async () => {
    const res = await admin.get('/api/stats/report.xlsx?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const fees = wb.getWorksheet('收费统计')!;
    expect(fees.getRow(fees.rowCount).values).toEqual(expect.arrayContaining(['合计', 7, 318]));
    expect(wb.getWorksheet('事项目录指标')).toBeDefined();
  });
});

describe('catalog ratios', () => {
  it('shares of the published items of the center subtree, and received vs accepted of the period', async () => {
    const r = await admin.get('/api/stats/catalog?from=2026-03-01&to=2026-03-31');
    expect(r.status).toBe(200);
    const published = ((await t.ctx.db.execute(sql`select v.data from service_items i join service_item_versions v on v.item_id = i.id and v.version = i.published_version where i.availability = 'active'`)) as unknown as { rows: { data: GuideData }[] }).rows.map((x) => x.data);
    const n = (f: (d: GuideData) => boolean) => published.filter(f).length;
    expect(r.body.items).toBe(published.length);
    expect(r.body.immediate.count).toBe(n((d) => d.caseKind === 'immediate'));
    expect(r.body.inCenter.count).toBe(n((d) => d.entryMode === 'resident' || d.entryMode === 'comprehensive'));
    expect(r.body.onlineCapable.count).toBe(n((d) => d.onlineDepth >= 3));
    expect(r.body.atMostOnce.count).toBe(n((d) => d.maxVisits <= 1));
    // This file submitted 5 cases in March and accepted all 5.
    expect(r.body).toMatchObject({ received: 5, accepted: 5, acceptedPercent: 100 });
    expect(r.body.immediate.percent).toBeGreaterThan(0);
  });
});
