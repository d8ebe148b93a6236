import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const DIBAO = '最低生活保障审核确认';
const bodyFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
/** Font size of a real text node of the guide list (a table cell), not just <body>. */
const cellFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('[data-testid=guide-table] .bs-item')!).fontSize));

async function searchFor(page: Page, q: string) {
  await page.getByTestId('guide-search').fill(q);
  await page.getByTestId('guide-search-button').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
}

describe('portal: search, elderly mode, English, phones', () => {
  it('finds 最低生活保障审核确认 by "低保" and by "dibao", and suggests on a typo', async () => {
    const page = await e.page();
    await page.goto('/');
    for (const q of ['低保', 'dibao', 'dbsq']) {
      await searchFor(page, q);
      await expect.poll(() => page.locator('[data-testid=guide-table] .bs-item-link').first().innerText()).toBe(DIBAO);
    }
    await expect.poll(() => page.getByTestId('item-aliases').first().innerText()).toContain('低保');
    await searchFor(page, '婚烟登记');
    await expect.poll(() => page.getByTestId('search-suggestions').innerText()).toContain('内地居民结婚登记');
    await page.getByTestId('search-suggestion').first().click();
    await expect.poll(() => page.locator('[data-testid=guide-table] .bs-item-link').first().innerText()).toBe('内地居民结婚登记');
    await page.context().close();
  });

  it('elderly mode makes body text at least 18 px and survives a reload', async () => {
    const page = await e.page();
    await page.goto('/');
    await page.locator('[data-testid=guide-table] .bs-item').first().waitFor();
    expect(await bodyFontPx(page)).toBeLessThan(18);
    await page.getByTestId('elderly-switch').click();
    await expect.poll(() => bodyFontPx(page)).toBeGreaterThanOrEqual(18);
    expect(await cellFontPx(page)).toBeGreaterThanOrEqual(18);
    expect(await page.evaluate(() => document.documentElement.classList.contains('bs-elderly'))).toBe(true);
    // Larger click targets: the search button is at least 44 px high.
    expect((await page.getByTestId('guide-search-button').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.reload();
    await page.locator('[data-testid=guide-table] .bs-item').first().waitFor();
    await expect.poll(() => bodyFontPx(page)).toBeGreaterThanOrEqual(18);
    expect(await cellFontPx(page)).toBeGreaterThanOrEqual(18);
    // Also on another public page, and switchable back.
    await page.goto('/progress');
    await expect.poll(() => bodyFontPx(page)).toBeGreaterThanOrEqual(18);
    await page.getByTestId('elderly-switch').click();
    await expect.poll(() => bodyFontPx(page)).toBeLessThan(18);
    await page.context().close();
  });

  it('English shows English menu and guide texts and survives a reload', async () => {
    const page = await e.page();
    await page.goto('/');
    await expect.poll(() => page.getByTestId('nav-portal').innerText()).toBe('办事指南');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-portal').innerText()).toBe('Service guide');
    await expect.poll(() => page.getByTestId('guide-search-button').innerText()).toBe('Search');
    await expect.poll(() => page.getByTestId('guide-table').getAttribute('aria-label')).toBe('Service items');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-portal').innerText()).toBe('Service guide');
    // antd's own texts follow (pagination total is ours, "/ page" is antd's).
    await expect.poll(() => page.locator('.ant-pagination').innerText()).toMatch(/items/);
    // A guide page: section titles in English.
    await searchFor(page, '低保');
    await page.locator('[data-testid=guide-table] .bs-item-link').first().click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Materials');
    await expect.poll(() => page.locator('body').innerText()).toContain('Basic information');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('基本信息');
    await page.context().close();
  });

  it('at 390 px the public pages have no horizontal overflow', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('[data-testid=guide-table] .bs-item').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Also in elderly mode and in English (longer words).
    await page.getByTestId('elderly-switch').click();
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid=guide-table] .bs-item').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const path of ['/progress', '/board', '/stats', '/login']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.locator('.bs-content *').first().waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: path }).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
});
