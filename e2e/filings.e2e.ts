import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('negative filing review in the browser', () => {
  it('the admin overturns a refusal and the department sees the redo order on the case', async () => {
    const window1 = await apiAs(e.baseUrl, 'window1');
    const created = await window1.post('/api/cases', { itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: { kind: 'person', name: '孙大伟', idNumber: '620524198502021232', phone: '13800002222' } });
    await window1.post(`/api/cases/${created.id}/actions/refuse`, { version: 1, reasons: '不符合低保申请条件' });
    const caseNo = String(created.caseNo);

    const page = await e.page();
    await loginAs(page, 'admin');
    await page.getByTestId('nav-filings').click();
    await page.getByTestId(`filing-overturn-${caseNo}`).click();
    await page.getByTestId('filing-note').fill('申请人符合条件，应予受理');
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filings-tab-overturned').click();
    await expect.poll(() => page.getByTestId(`filing-status-${caseNo}`).innerText(), { timeout: 15_000 }).toContain('已撤销');

    const dept = await e.page();
    await loginAs(dept, 'coord1');
    await dept.goto(`/cases/${created.id}`);
    await expect.poll(() => dept.getByTestId('case-events').innerText(), { timeout: 15_000 }).toContain('责令重办');
    expect(await dept.getByTestId('case-state').getAttribute('data-state')).toBe('submitted');
  });
});
