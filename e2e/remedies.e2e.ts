/**
 * 文书设置 in the browser: a town center's admin sees the review body and court it inherits
 * from the county, is stopped on a name that is not a court's, names its own, and the next
 * refusal notice its window issues names them. The dialog is English in EN mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, loginAs, startE2E, type E2E } from './harness.js';
import { TEMP_RELIEF, walkIn } from '../test/cases.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

async function openSettings(page: Page) {
  await page.goto('/admin/catalog');
  await page.getByTestId('document-settings-open').click();
  await page.getByTestId('remedy-settings').waitFor();
}

describe('文书设置: the review body and court of adverse notices', () => {
  it('shows the inherited names, checks the court, saves, and the next refusal names them', async () => {
    const page = await e.page();
    await loginAs(page, 'town_admin');
    await openSettings(page);
    // The town has none of its own: the county's are printed.
    await expect.poll(() => page.getByTestId('remedy-settings').innerText(), { timeout: 15_000 }).toContain('未设置，沿用：清渭县人民政府');
    expect(await page.getByTestId('remedy-settings').innerText()).toContain('未设置，沿用：清渭县人民法院');
    expect(await page.getByTestId('remedy-sample').innerText()).toContain('依法向清渭县人民政府申请行政复议');

    await page.getByTestId('remedy-review-body').fill('天水市人民政府');
    await page.getByTestId('remedy-court').fill('天水市人民政府');
    await page.getByTestId('remedy-save').click();
    await expect.poll(() => page.getByTestId('remedy-settings').innerText(), { timeout: 5_000 }).toContain('人民法院名称应以“法院”结尾');
    const town = await apiAs(e.baseUrl, 'town_admin');
    expect((await town.get('/api/documents/remedies')).own).toEqual({ reviewBody: null, court: null }); // nothing saved

    await page.getByTestId('remedy-court').fill('天水市麦积区人民法院');
    expect(await page.getByTestId('remedy-sample').innerText()).toContain('依法向天水市麦积区人民法院提起行政诉讼');
    await page.getByTestId('remedy-save').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), { timeout: 5_000 }).toContain('文书设置已保存');
    expect((await town.get('/api/documents/remedies')).own).toEqual({ reviewBody: '天水市人民政府', court: '天水市麦积区人民法院' });

    // Reopened: its own names, no longer inherited.
    await openSettings(page);
    await expect.poll(() => page.getByTestId('remedy-review-body').inputValue(), { timeout: 5_000 }).toBe('天水市人民政府');
    expect(await page.getByTestId('remedy-inherited').count()).toBe(0);

    // The town window refuses an application: the notice names them.
    const window = await apiAs(e.baseUrl, 'town_window1');
    const created = await window.post('/api/cases', walkIn(TEMP_RELIEF, '郑五'));
    const refused = await window.act(created.id, 'refuse', { reasons: '申请人户籍不在本镇' });
    const doc = refused.documents.find((d: { kind: string }) => d.kind === 'refusal');
    const clerk = await e.page();
    await loginAs(clerk, 'town_window1');
    await clerk.goto(`/api/cases/${created.id}/documents/${doc.id}`);
    const text = await clerk.locator('body').innerText();
    expect(text).toContain('依法向天水市人民政府申请行政复议');
    expect(text).toContain('依法向天水市麦积区人民法院提起行政诉讼');
  });

  it('the dialog is English in EN mode (names are data)', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('banshi.lang', 'en'));
    const page = await context.newPage();
    await loginAs(page, 'admin');
    await openSettings(page);
    await expect.poll(() => page.getByTestId('remedy-review-body').inputValue(), { timeout: 15_000 }).toBe('清渭县人民政府');
    const shown = await page.getByTestId('remedy-settings').evaluate((root) => {
      const HAN = /\p{Script=Han}/u;
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el && HAN.test(n.textContent ?? '') && !el.closest('[translate="no"]')) out.push((n.textContent ?? '').trim());
      }
      for (const el of root.querySelectorAll('input[placeholder]')) if (HAN.test(el.getAttribute('placeholder') ?? '')) out.push(el.getAttribute('placeholder')!);
      return out;
    });
    expect(shown).toEqual([]);
    expect(await page.getByTestId('document-settings-open').innerText()).toContain('Document settings');
    await context.close();
  });
});
