import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { LOW_INCOME, must, walkIn } from '../../../test/cases.js';
import { users } from '../../core/auth/schema.js';
import { departments } from '../../core/org/schema.js';
import { anomalies, ladderSteps } from '../schema.js';
import { supervisionReports } from './schema.js';

let t: TestApp;
let admin: Client, window1: Client, coord: Client, handler: Client, chief: Client, super1: Client;
const ids: Record<string, string> = {};
const MATERIALS = ['application', 'id-card', 'economic-statement', 'verification-consent'];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-05T01:00:00Z' });
  [admin, window1, coord, handler, chief, super1] = await Promise.all(['admin', 'window1', 'coord1', 'handler1', 'chief1', 'super1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = () => t.anon.post('/api/test/sweep');

/** 最低生活保障 accepted Thu 2026-03-05: promised due 03-26 (yellow from 03-19, red from 03-27). */
async function accepted(name: string) {
  const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME, name));
  await must(window1, body.id, 'accept', { provided: MATERIALS });
  await must(coord, body.id, 'assign', { userId: ids.handler1 });
  return body.id as string;
}
async function decide(id: string) {
  for (let i = 0; i < 3; i++) await must(handler, id, 'completeStep', { opinion: '符合' });
  await must(coord, id, 'completeStep', { opinion: '复核无误' });
  await must(chief, id, 'decide', { outcome: 'approved' });
}

describe('the monthly supervision report (电子监察通报)', () => {
  let first: { id: string; version: number };
  let mz: string;

  it('over known data gives the exact counts', async () => {
    [{ id: mz }] = await t.ctx.db.select({ id: departments.id }).from(departments).where(eq(departments.shortCode, 'MZ'));
    const late = await accepted('甲'); // stays open: yellow, red, order answered, overdue at month end
    const onTime = await accepted('乙'); // decided 03-10
    const lateDone = await accepted('丙'); // yellow, red, decided 03-30 after its promise
    await setNow('2026-03-10T02:00:00Z');
    await decide(onTime);
    await setNow('2026-03-19T01:00:00Z');
    await sweep();
    await setNow('2026-03-27T01:00:00Z');
    await sweep();
    const order = (await t.ctx.db.select().from(ladderSteps).where(and(eq(ladderSteps.caseId, late), eq(ladderSteps.kind, 'order'))))[0];
    expect((await coord.post(`/api/supervision/steps/${order.id}/answer`, { answer: '入户调查延误，已督促承办人加快办理' })).status).toBe(200);
    // A money-on-a-free-item anomaly, handled by the supervisor.
    const paid = await window1.post(`/api/fees/cases/${lateDone}/payments`, { channel: 'hallBank', receiptNo: 'BK-REPORT-1', amountFen: 500 });
    expect(paid.body.anomalies).toEqual(['feeOnFreeItem']);
    const [an] = await t.ctx.db.select().from(anomalies).where(and(eq(anomalies.caseId, lateDone), eq(anomalies.rule, 'feeOnFreeItem')));
    expect((await super1.post(`/api/supervision/anomalies/${an.id}/handle`, { note: '已责令退还并批评教育' })).status).toBe(200);
    await setNow('2026-03-30T02:00:00Z');
    await decide(lateDone);
    // April activity is outside the March report.
    await setNow('2026-04-01T02:00:00Z');
    await accepted('丁');

    const preview = await admin.get('/api/supervision/reports/preview?period=2026-03');
    expect(preview.status).toBe(200);
    const line = preview.body.departments.find((d: { departmentId: string }) => d.departmentId === mz);
    // Anomalies the demo catalog and the other rules raise for 民政局 in March (counted from the table itself).
    const mzAnomalies = ((await t.ctx.db.execute(sql`select count(*)::int as n from anomalies where department_id = ${mz} and (detected_at at time zone 'Asia/Shanghai')::date between '2026-03-01' and '2026-03-31'`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    expect(line).toEqual({
      departmentId: mz, department: '清渭县民政局',
      accepted: 3, decided: 2, yellow: 2, red: 2, black: 0, overdueDecided: 1, overdueOpen: 1, violations: 0,
      orders: 2, ordersAnswered: 1, ordersEscalated: 0, accountability: 2, anomalies: mzAnomalies, anomaliesHandled: 1,
    });
    expect(preview.body.total).toMatchObject({ accepted: 3, decided: 2, yellow: 2, red: 2, orders: 2, ordersAnswered: 1, accountability: 2, anomaliesHandled: 1 });
    expect(preview.body.orders.map((o: { answer: string | null }) => o.answer)).toEqual(expect.arrayContaining(['入户调查延误，已督促承办人加快办理', null]));
    expect(preview.body.anomaliesHandled).toEqual([expect.objectContaining({ rule: 'feeOnFreeItem', ruleLabel: '免费事项收费', note: '已责令退还并批评教育', department: '清渭县民政局' })]);
    // A preview is not stored.
    expect(await t.ctx.db.select().from(supervisionReports)).toHaveLength(0);

    const issued = await admin.post('/api/supervision/reports', { period: '2026-03' });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ period: '2026-03', version: 1 });
    first = issued.body;
    const page = (await super1.get(`/api/supervision/reports/${first.id}/document`)).body as string;
    expect(page).toContain('电子监察通报');
    expect(page).toContain('2026年3月');
    expect(page).toContain('（第1版）');
    expect(page).toContain('共受理办件3件，办结2件；亮黄灯2件、红灯2件、黑灯0件，超时办结1件，期末逾期未办结1件');
  });

  it('exports the issued version as Excel with the same figures', async () => {
    const res = await admin.get(`/api/supervision/reports/${first.id}/excel`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('各部门')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['部门', '受理', '办结', '黄灯']);
    const row = ws.getSheetValues().find((r) => Array.isArray(r) && r[1] === '清渭县民政局') as unknown[];
    expect(row.slice(2, 9)).toEqual([3, 2, 2, 2, 0, 1, 1]);
    expect(wb.getWorksheet('督办单')!.rowCount).toBe(3);
  });

  it('is frozen: reissuing after new data gives a new version and leaves the old one unchanged', async () => {
    const before = await admin.get(`/api/supervision/reports/${first.id}`);
    const beforePage = (await admin.get(`/api/supervision/reports/${first.id}/document`)).body;
    // A late answer to the second order changes the March figures.
    const open = (await t.ctx.db.select().from(ladderSteps).where(eq(ladderSteps.kind, 'order'))).find((s) => !s.answeredAt)!;
    expect((await coord.post(`/api/supervision/steps/${open.id}/answer`, { answer: '已办结' })).status).toBe(200);
    const again = await admin.post('/api/supervision/reports', { period: '2026-03' });
    expect(again.body).toMatchObject({ version: 2 });
    expect(again.body.id).not.toBe(first.id);
    const v2 = await admin.get(`/api/supervision/reports/${again.body.id}`);
    expect(v2.body.data.total.ordersAnswered).toBe(2);
    const after = await admin.get(`/api/supervision/reports/${first.id}`);
    expect(after.body).toEqual(before.body);
    expect(after.body.data.total.ordersAnswered).toBe(1);
    expect((await admin.get(`/api/supervision/reports/${first.id}/document`)).body).toBe(beforePage);
    const list = await super1.get('/api/supervision/reports');
    expect(list.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });

  it('a quarter spans three months; bad periods and department staff are refused', async () => {
    const q = await admin.get('/api/supervision/reports/preview?period=2026-Q1');
    expect(q.body.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31', kind: 'quarter', label: '2026年第一季度' });
    expect(q.body.total.accepted).toBe(3);
    expect((await admin.get('/api/supervision/reports/preview?period=2026-13')).status).toBe(400);
    expect((await coord.post('/api/supervision/reports', { period: '2026-03' })).status).toBe(403);
  });
});
