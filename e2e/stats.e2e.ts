import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;


beforeAll(async () => {
  e = await startE2E();
  await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-11-18T02:00:00Z' }) });
  const w = await apiAs(e.baseUrl, 'window1');
  const act = async (id: string, action: string, body: Record<string, unknown> = {}, as = w) => {
    const cur = await as.get(`/api/cases/${id}`);
    return as.post(`/api/cases/${id}/actions/${action}`, { version: cur.version, ...body });
  };
  const applicant = (name: string) => ({ kind: 'person', name, idNumber: '620524198001011239', phone: '13800001111' });
  // A promised case on the board, an immediate one decided at the window, one refused.
  const promised = await w.post('/api/cases', { itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: applicant('赵大山') });
  await act(promised.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
  const immediate = await w.post('/api/cases', { itemCode: '62052400MZ-QR-0001', channel: 'window', applicant: applicant('钱小红'), coApplicants: [{ name: '李建军', idNumber: '620524199408110030' }] });
  await act(immediate.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
  await act(immediate.id, 'decide', { outcome: 'approved' });
  const refused = await w.post('/api/cases', { itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: applicant('孙二娘') });
  await act(refused.id, 'refuse', { reasons: '不属于本县户籍' });
  // A promised case decided: crossed off the board (struck through), not counted in this month's report period below.
  await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-01T02:00:00Z' }) });
  const [coord, handler, chief] = await Promise.all(['coord1', 'handler1', 'chief1'].map((u) => apiAs(e.baseUrl, u)));
  const done = await w.post('/api/cases', { itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: applicant('周小平') });
  await act(done.id, 'accept', { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
  const handlerId = (await handler.get('/api/auth/me')).user.id;
  await act(done.id, 'assign', { userId: handlerId }, coord);
  for (let i = 0; i < 3; i++) await act(done.id, 'completeStep', { opinion: '核查' }, handler);
  await act(done.id, 'completeStep', { opinion: '复核' }, coord);
  await act(done.id, 'decide', { outcome: 'approved' }, chief);
});
afterAll(async () => { await e?.close(); });

describe('statistics in the browser', () => {
  it('a supervisor opens the report, exports it, and the workbook holds the API’s numbers', async () => {
    const page = await e.page();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await loginAs(page, 'super1');
    await page.getByTestId('nav-stats-report').click();
    await page.waitForURL(/\/admin\/stats/);
    await page.goto('/admin/stats?from=2026-11-01&to=2026-11-30&groupBy=department');
    await expect.poll(() => page.getByTestId('stats-total-received').innerText(), { timeout: 15_000 }).toBe('3');
    expect(await page.getByTestId('stats-chart').locator('canvas').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    const api = await (await page.request.get('/api/stats/report?from=2026-11-01&to=2026-11-30&groupBy=department')).json();
    expect(api.total).toMatchObject({ received: 3, accepted: 2, refused: 1, completed: 1, onTime: 1, inProgress: 1 });
    expect(await page.getByTestId('stats-total-immediateRate').innerText()).toBe(`${api.total.immediateRate.toFixed(2)}%`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-')), 'stats.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('办件统计')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['部门', '收件数', '受理数', '不予受理数', '一次性告知数', '办结数']);
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(header.indexOf('收件数') + 1).value).toBe(api.total.received);
    expect(total.getCell(header.indexOf('即办率(%)') + 1).value).toBe(api.total.immediateRate);
  });

  it('the public board shows the promised case with a masked name, without logging in', async () => {
    const page = await e.page();
    await page.goto('/');
    await page.getByTestId('nav-board').click();
    await page.waitForURL(/\/board$/);
    await expect.poll(() => page.getByTestId('board-table').innerText(), { timeout: 15_000 }).toContain('赵*山');
    const text = await page.getByTestId('board-table').innerText();
    expect(text).toContain('最低生活保障审核确认');
    expect(text).not.toContain('赵大山');
    expect(text).not.toContain('钱'); // immediate cases are not hung on the board
    // Seed 000: 「群众申请日期、事项、承办人、承诺期限」 — the handler (here the accepting window) is named.
    expect(await page.getByTestId('board-handler').first().innerText()).not.toBe('—');
    // The decided one is crossed off: struck through, marked done.
    expect(await page.locator('del').filter({ hasText: '周*平' }).count()).toBe(1);
    expect(await page.getByTestId('board-done').innerText()).toContain('已办结（2026-12-01）');
    await page.getByTestId('nav-public-stats').click();
    await expect.poll(() => page.getByTestId('public-stats-page').innerText(), { timeout: 15_000 }).toContain('网办率');
  });
});
