import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
let caseNo = '';


beforeAll(async () => {
  e = await startE2E();
  // The demo computed this month at start-up; window 1 now decides a 即办 case in it.
  const w = await apiAs(e.baseUrl, 'window1');
  const created = await w.post('/api/cases', { itemCode: '62052400MZ-QR-0001', channel: 'window', applicant: { kind: 'person', name: '钱小红', idNumber: '620524198001011239', phone: '13800001111' }, coApplicants: [{ name: '李建军', idNumber: '620524199408110030' }] });
  for (const [action, body] of [['accept', { provided: ['id-card', 'photo', 'declaration'] }], ['decide', { outcome: 'approved' }]] as const) {
    const cur = await w.get(`/api/cases/${created.id}`);
    await w.post(`/api/cases/${created.id}/actions/${action}`, { version: cur.version, ...body });
  }
  caseNo = (await w.get(`/api/cases/${created.id}`)).caseNo;
});
afterAll(async () => { await e?.close(); });

describe('assessment in the browser', () => {
  it('the admin recomputes and freezes the month, opens a line’s evidence and exports the ranking', async () => {
    const page = await e.page();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await loginAs(page, 'admin');
    await page.getByTestId('nav-assessment').click();
    await page.waitForURL(/\/assessment$/);
    await expect.poll(() => page.getByTestId('period-state').innerText(), { timeout: 15_000 }).toBe('已计算');
    await page.getByTestId('period-compute').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 15_000 }).toContain('已');
    await page.getByTestId('period-freeze').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('period-state').innerText(), { timeout: 15_000 }).toBe('已冻结');

    const periods = await (await page.request.get('/api/assessment/periods')).json();
    const period = periods.items[0];
    expect(period.state).toBe('frozen');
    const ranking = await (await page.request.get(`/api/assessment/periods/${period.id}/ranking?subject=window`)).json();
    const win1 = ranking.items.find((r: { name: string }) => r.name.startsWith('1号窗口'));
    await page.getByTestId(`rank-${win1.subjectId}`).click();
    await expect.poll(() => page.getByTestId('subject-total').innerText(), { timeout: 15_000 }).toBe(String(win1.total));
    await page.getByTestId('evidence-onTime').click();
    await expect.poll(() => page.getByTestId('evidence-table').innerText(), { timeout: 15_000 }).toContain(caseNo);
    expect(await page.getByTestId('evidence-modal').innerText()).toContain('1 / 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ranking-export').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-')), 'ranking.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('窗口排名')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['名次', '窗口', '计算得分', '申诉调整', '最终得分', '较上期']);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => String(r[2]).startsWith('1号窗口'))!;
    expect(row[5]).toBe(win1.total);
    expect(rows).toHaveLength(ranking.items.length);
    expect(pageErrors).toEqual([]);
  });
});
