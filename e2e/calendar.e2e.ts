import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, loginAs, pick, startE2E, type E2E } from './harness.js';
import { LOW_INCOME, walkIn } from '../test/cases.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // After 1 October, with next year's national holidays not published yet.
  await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-03T02:00:00Z' }) });
});
afterAll(async () => { await e?.close(); });

describe('publishing next year in the browser', () => {
  it('the admin is warned, enters the arrangement, sees what publishing moves, publishes it, and the warning goes', async () => {
    // A case whose statutory limit runs into 2027, dated on a Mon–Fri guess until the year is published.
    const window1 = await apiAs(e.baseUrl, 'window1');
    const created = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const { version } = await window1.get(`/api/cases/${created.id}`);
    await window1.post(`/api/cases/${created.id}/actions/accept`, { version, provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    const before = (await window1.get(`/api/cases/${created.id}`)).clock.statutoryDue as string;
    expect(before.startsWith('2027-')).toBe(true);
    const page = await e.page();
    await loginAs(page, 'admin');
    await expect.poll(() => page.getByTestId('calendar-warning').innerText(), { timeout: 15_000 }).toContain('2027年法定节假日安排尚未发布');
    await page.getByTestId('nav-calendar').click();
    const panel = page.getByTestId('calendar-year-panel');
    await expect.poll(() => panel.getByTestId('national-year-status').innerText(), { timeout: 15_000 }).toBe('未发布');
    await page.getByTestId('national-notice-ref').fill('国办发明电〔2026〕X号');
    await page.getByTestId('national-add-row').click();
    await page.getByTestId('national-publish').click();
    // Four eyes: the cases it moves, per center, before anything is published.
    const dialog = page.getByTestId('calendar-change-preview');
    await expect.poll(() => dialog.getByTestId('calendar-change-summary').innerText(), { timeout: 15_000 }).toContain('全国调整');
    expect(await dialog.getByTestId('calendar-change-cases').innerText()).toContain(created.caseNo);
    expect(await dialog.getByTestId('calendar-change-centers').innerText()).toContain('清渭县政务服务中心');
    expect(await panel.getByTestId('national-year-status').innerText()).toBe('草稿');
    expect((await window1.get(`/api/cases/${created.id}`)).clock.statutoryDue).toBe(before);
    await page.getByTestId('calendar-change-confirm').click();
    await expect.poll(() => panel.getByTestId('national-year-status').innerText(), { timeout: 15_000 }).toBe('已发布');
    await expect.poll(async () => (await window1.get(`/api/cases/${created.id}`)).clock.statutoryDue, { timeout: 15_000 }).not.toBe(before);
    await expect.poll(() => page.getByTestId('calendar-warning').count(), { timeout: 15_000 }).toBe(0);
  });
});

describe('a calendar change asks to confirm what it moves', () => {
  it('adding a local closure shows the cases whose dates move, and applies only on confirmation', async () => {
    const window1 = await apiAs(e.baseUrl, 'window1');
    const created = await window1.post('/api/cases', walkIn(LOW_INCOME));
    const { version } = await window1.get(`/api/cases/${created.id}`);
    await window1.post(`/api/cases/${created.id}/actions/accept`, { version, provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    const before = (await window1.get(`/api/cases/${created.id}`)).clock.promisedDue as string;
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('override-date').click();
    await page.keyboard.type('2026-12-04');
    await page.keyboard.press('Enter');
    await pick(page, 'override-kind', '本地闭馆');
    await page.getByTestId('override-note').fill('停电检修');
    await page.getByTestId('override-add').click();
    const dialog = page.getByTestId('calendar-change-preview');
    // (The case filed in the test above runs over 12-04 too: counted alike.)
    await expect.poll(() => dialog.getByTestId('calendar-change-summary').innerText(), { timeout: 15_000 }).toMatch(/将调整本中心 \d+ 件在办办件/);
    expect(await dialog.getByTestId('calendar-change-cases').innerText()).toContain(created.caseNo);
    // Nothing is applied yet.
    expect((await window1.get(`/api/cases/${created.id}`)).clock.promisedDue).toBe(before);
    await page.getByTestId('calendar-change-confirm').click();
    await page.getByTestId('override-row-2026-12-04').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await window1.get(`/api/cases/${created.id}`)).clock.promisedDue, { timeout: 15_000 }).not.toBe(before);
  });
});
