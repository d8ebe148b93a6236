import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // After 1 October, with next year's national holidays not published yet.
  await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-03T02:00:00Z' }) });
});
afterAll(async () => { await e?.close(); });

describe('publishing next year in the browser', () => {
  it('the admin is warned, enters the arrangement, publishes it, and the warning goes', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await expect.poll(() => page.getByTestId('calendar-warning').innerText(), { timeout: 15_000 }).toContain('2027年法定节假日安排尚未发布');
    await page.getByTestId('nav-calendar').click();
    const panel = page.getByTestId('calendar-year-panel');
    await expect.poll(() => panel.getByTestId('national-year-status').innerText(), { timeout: 15_000 }).toBe('未发布');
    await page.getByTestId('national-notice-ref').fill('国办发明电〔2026〕X号');
    await page.getByTestId('national-add-row').click();
    await page.getByTestId('national-publish').click();
    await page.getByTestId('national-publish-confirm').click();
    await expect.poll(() => panel.getByTestId('national-year-status').innerText(), { timeout: 15_000 }).toBe('已发布');
    await expect.poll(() => page.getByTestId('calendar-warning').count(), { timeout: 15_000 }).toBe(0);
  });
});
