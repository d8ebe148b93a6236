import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const call = (method: string, p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${e.baseUrl}${p}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => {
    const json = (await r.json()) as Record<string, any>;
    if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  });

describe('fees in the browser', () => {
  it('a window issues the payment notice, records the payment and hands over the result', async () => {
    await call('POST', '/api/test/clock', { now: '2026-03-05T01:00:00Z' }, {});
    const [admin, window1, coord, handler, chief] = await Promise.all(['admin', 'window1', 'zr_coord', 'zr_handler', 'zr_chief'].map((u) => apiAs(e.baseUrl, u)));
    await admin.put('/api/fees/treasury', { name: '清渭县财政局非税收入汇缴结算户', bank: '中国农业银行清渭县支行', accountNo: '27-365101040001234' });
    const found = await window1.get(`/api/public/items?q=${encodeURIComponent('不动产转移登记')}&page=1&pageSize=5`);
    const code = (found.items as { code: string; name: string }[]).find((i) => i.name === '不动产转移登记')!.code;
    const item = await window1.get(`/api/public/items/${code}`);
    const provided = (item.materials as { id: string; required: string; source: string }[]).filter((m) => m.required === 'required' && m.source !== 'sharing').map((m) => m.id);
    const created = await window1.post('/api/cases', { itemCode: code, channel: 'window', applicant: { kind: 'person', name: '郑过户', idNumber: '620524198001011239', phone: '13800004444' } });
    const id = String(created.id);
    await window1.act(id, 'accept', { provided });
    const users = await coord.get('/api/cases/staff?role=handler');
    const handlerId = (users.users as { id: string; username: string }[]).find((u) => u.username === 'zr_handler')!.id;
    await coord.act(id, 'assign', { userId: handlerId });
    await handler.act(id, 'completeStep', { opinion: '登簿审核通过' });
    await handler.act(id, 'completeStep', { opinion: '缮证完成' });
    await coord.act(id, 'completeStep', { opinion: '复核无误' });
    await chief.act(id, 'decide', { outcome: 'approved' });
    await window1.act(id, 'markResultReady');

    const page = await e.page();
    await loginAs(page, 'window1');
    await page.goto(`/cases/${id}`);
    const panel = page.getByTestId('case-fees');
    await panel.waitFor();
    // Two extra certificates: 80 + (2 − 1 free) × 10.
    await page.locator('input[data-testid="fee-qty-2"], [data-testid="fee-qty-2"] input').first().fill('2');
    await page.getByTestId('fee-issue').click();
    await expect.poll(() => page.getByTestId('fee-amount').innerText(), { timeout: 15_000 }).toBe('90.00');
    expect(await page.getByTestId('fee-status').getAttribute('data-status')).toBe('unpaid');
    await expect.poll(() => page.getByTestId('doc-link-paymentNotice').count(), { timeout: 15_000 }).toBe(1);
    // Delivery waits for the payment.
    expect(await page.getByTestId('case-action-deliver').count()).toBe(0);
    expect(await panel.getAttribute('data-payment-due')).toBe('1');

    await page.getByTestId('fee-receipt').fill('BK20260305123');
    await page.getByTestId('fee-pay').click();
    await expect.poll(() => page.getByTestId('fee-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('paid');
    await expect.poll(() => page.getByTestId('fee-paid').innerText()).toBe('90.00');
    await page.getByTestId('case-action-deliver').waitFor({ timeout: 15_000 });
    await page.getByTestId('case-action-deliver').click();
    await page.getByTestId('action-modal-deliver').waitFor();
    await page.getByTestId('action-field-mode-pickup').click();
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('action-modal-deliver').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(async () => (await window1.get(`/api/cases/${id}`)).state, { timeout: 15_000 }).toBe('delivered');
    // The printable notice names the treasury account and the amount.
    const href = await page.getByTestId('doc-link-paymentNotice').getAttribute('href');
    const notice = await page.request.get(href!);
    const html = await notice.text();
    expect(html).toContain('缴款通知书');
    expect(html).toContain('90.00');
    expect(html).toContain('27-365101040001234');
  });

  it('the admin issues the monthly supervision report and exports it', async () => {
    await call('POST', '/api/test/clock', { now: '2026-03-27T01:00:00Z' }, {});
    await call('POST', '/api/test/sweep', {}, {});
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.getByTestId('nav-supervision-reports').click();
    await page.waitForURL((u) => u.pathname === '/supervision/reports');
    await page.goto('/supervision/reports?period=2026-03');
    await page.getByTestId('report-preview').waitFor();
    await page.getByTestId('report-issue').click();
    const row = page.getByTestId('report-2026-03-v1');
    await row.waitFor({ timeout: 15_000 });
    const print = await row.getByTestId('report-print').getAttribute('href');
    const doc = await (await page.request.get(print!)).text();
    expect(doc).toContain('电子监察通报');
    expect(doc).toContain('2026年3月');
    expect(doc).toContain('共受理办件1件');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-excel').click()]);
    const file = path.join(os.tmpdir(), `report-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    fs.rmSync(file);
    const ws = wb.getWorksheet('各部门')!;
    const zr = ws.getSheetValues().find((r) => Array.isArray(r) && r[1] === '清渭县自然资源局') as unknown[];
    expect(zr.slice(2, 4)).toEqual([1, 1]); // accepted 1, decided 1
    // 收费管理 shows the treasury account the windows' notices name.
    await page.getByTestId('nav-fees').click();
    await page.getByTestId('fees-ledger').waitFor();
    await expect.poll(() => page.getByTestId('treasury-account').inputValue(), { timeout: 15_000 }).toBe('27-365101040001234');
    await page.goto('/supervision/reports?period=2026-03');
    await page.getByTestId('report-2026-03-v1').waitFor({ timeout: 15_000 });
    // Reissuing makes version 2 beside version 1.
    await page.getByTestId('report-issue').click();
    await page.getByTestId('report-2026-03-v2').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('report-2026-03-v1').count()).toBe(1);
  });
});
