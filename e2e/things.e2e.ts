import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const scrollWidth = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('一件事一次办 on a phone (390 px)', () => {
  it('lists things by life event, answers the questionnaire and shows the plan', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/things');
    await page.getByTestId('thing-restaurant').waitFor();
    expect(await page.getByTestId('things-page').innerText()).toContain('新生儿出生一件事');
    await expect.poll(() => scrollWidth(page)).toBeLessThanOrEqual(390);

    await page.getByTestId('thing-restaurant').click();
    await expect.poll(() => page.getByTestId('thing-title').innerText()).toBe('开办餐饮店一件事');
    expect(await page.getByTestId('thing-plan').isDisabled()).toBe(true);
    await page.getByTestId('question-entity').getByText('个体工商户').click();
    await page.getByTestId('question-seal').getByText('否').click();
    await page.getByTestId('question-invoice').getByText('是').click();
    await page.getByTestId('question-crowded').getByText('否').click();
    await page.getByTestId('thing-plan').click();
    await page.getByTestId('thing-plan-result').waitFor();
    const items = await page.getByTestId('plan-item').allInnerTexts();
    expect(items.map((s) => s.split('\n')[0])).toEqual(['个体工商户设立登记', '食品经营许可', '发票领用']);
    expect(await page.getByTestId('thing-plan-total').innerText()).toMatch(/预计\d{4}-\d{2}-\d{2}前全部办结：承诺5个工作日/);
    const materials = await page.getByTestId('plan-material').allInnerTexts();
    expect(materials.find((m) => m.startsWith('营业执照'))).toContain('共享获取，无需提交');
    expect(materials.filter((m) => m.startsWith('法定代表人（经营者）居民身份证'))).toHaveLength(1);
    await expect.poll(() => scrollWidth(page)).toBeLessThanOrEqual(390);

    // English: the page's own texts switch; names of things and items are data and stay Chinese.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByText('Answer a few questions to find the items you need').count()).toBe(1);
    await expect.poll(() => scrollWidth(page)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
