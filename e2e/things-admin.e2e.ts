/**
 * 一件事管理 in the browser: a catalog admin builds a thing of two departments' items in the
 * editor (a question choosing one of them, a dependency, a shared material), sees the server's
 * problem next to its field, submits; a second administrator reviews and publishes; the thing
 * is on the portal. Screens at 1440 px, 390 px and in English, with axe on each.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { loginAs, pick, startE2E, type E2E } from './harness.js';
import { chineseShown as shown } from './modes.js';

const SCREENS = '.tmp/screens';
fs.mkdirSync(SCREENS, { recursive: true });

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

async function wide(): Promise<Page> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2_000))]));
}

/** Serious and critical axe violations, no sideways scroll; then the screenshot. */
async function check(page: Page, name: string) {
  // Measured at rest: not with the pointer hovering the last clicked control.
  await page.mouse.move(0, 0);
  await settle(page);
  const width = page.viewportSize()!.width;
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: sideways scroll`).toBeLessThanOrEqual(width);
  // The calendar banner (another module's, shown on every admin page from October) is checked by its own tests.
  const r = await new AxeBuilder({ page }).exclude('[data-testid=calendar-warning]').analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(bad.join('\n'), `${name}: axe`).toBe('');
  await page.screenshot({ path: `${SCREENS}/things-admin-${name}-${width}.png`, fullPage: true });
}

const status = (page: Page) => page.getByTestId('thing-status').getAttribute('data-status');

async function act(page: Page, action: string, to: string) {
  await page.getByTestId(`action-${action}`).click();
  await expect.poll(() => status(page), { timeout: 15_000 }).toBe(to);
}

describe('一件事管理: build, check, submit, review and publish a thing', () => {
  it('creates a thing of two departments, shows the problem at its field, and publishes it with a second reviewer', async () => {
    const page = await wide();
    await loginAs(page, 'admin');
    await page.goto('/admin/catalog');
    await page.getByTestId('catalog-to-things').click();
    await page.getByTestId('thing-row-restaurant').waitFor();
    expect(await page.getByTestId('things-table').innerText()).toContain('退休一件事');
    await check(page, 'list');

    await page.getByTestId('thing-new').click();
    await page.getByTestId('thing-code').fill('elderly-care');
    await page.getByTestId('thing-name').fill('高龄老人服务一件事');
    await pick(page, 'thing-lifeEvent', '退休');
    await pick(page, 'thing-lead', '清渭县民政局');
    await page.getByTestId('thing-summary').fill('80周岁以上老人申领高龄津贴，未持社会保障卡的同时申领社会保障卡，津贴按月发放至社保卡。');
    await page.getByTestId('thing-basis').fill('《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）');
    await page.getByTestId('thing-contact-phone').fill('0938-6821201');

    await page.getByTestId('question-add').click();
    await page.getByTestId('question-0-key').fill('hasCard');
    await page.getByTestId('question-0-text').fill('老人是否已持有社会保障卡？');

    await page.getByTestId('item-add').click();
    await pick(page, 'item-0-code', '高龄津贴申领');
    await page.getByTestId('item-add').click();
    await pick(page, 'item-1-code', '社会保障卡申领');
    // 社会保障卡申领 only when the answer is 否; 高龄津贴 waits for the card (it is paid onto it).
    await page.getByTestId('item-1-when-add').click();
    await pick(page, 'item-1-when-0-question', '老人是否已持有社会保障卡？');
    await pick(page, 'item-1-when-0-in', '否');
    await pick(page, 'item-0-after', '社会保障卡申领');
    for (const i of [0, 1]) {
      await page.getByTestId(`item-${i}-field-add`).click();
      await page.getByTestId(`item-${i}-field-0-key`).fill('elderName');
      await page.getByTestId(`item-${i}-field-0-label`).fill('老人姓名');
      await page.getByTestId(`item-${i}-field-0-group`).fill('老年人');
    }
    await page.getByTestId('shared-add').click();
    await page.getByTestId('shared-0-key').fill('elder-id');
    await page.getByTestId('shared-0-name').fill('老年人居民身份证');
    // 社会保障卡 is made on the spot (0 days): the promised total is 高龄津贴's own limit, as is the sum.
    const sum = Number(await page.getByTestId('thing-total-sum').locator('.ant-statistic-content-value').innerText());
    expect(Number(await page.getByTestId('thing-total-promised').locator('.ant-statistic-content-value').innerText())).toBe(sum);
    expect(sum).toBeGreaterThan(0);
    expect(await page.getByTestId('thing-critical-path').innerText()).toContain('高龄津贴申领');

    // Saved as a draft with the shared material not yet used by any item: the server says so at the material.
    await page.getByTestId('thing-save').first().click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('draft');
    await expect.poll(() => page.getByTestId('shared-0').getByTestId('problem-sharedMaterials.0').innerText()).toContain('未被任何事项使用');
    expect(await page.getByTestId('thing-problems').innerText()).toContain('1处问题');
    expect(await page.getByTestId('action-submit').count()).toBe(1);
    await check(page, 'problem');

    for (const i of [0, 1]) {
      await page.getByTestId(`item-${i}-share-add`).click();
      await pick(page, `item-${i}-share-0-material`, '居民身份证');
      await pick(page, `item-${i}-share-0-key`, '老年人居民身份证');
    }
    await page.getByTestId('thing-save').first().click();
    await page.getByTestId('thing-no-problems').waitFor();
    expect(await page.getByTestId('problem-sharedMaterials.0').count()).toBe(0);
    await act(page, 'submit', 'submitted');
    const url = page.url();
    // Four eyes: who submitted it may not review it — the button is disabled and says why.
    await page.getByTestId('four-eyes-blocked').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('action-review').isDisabled()).toBe(true);

    // A second administrator reviews and publishes.
    const second = await wide();
    await loginAs(second, 'admin2');
    await second.goto(url);
    await expect.poll(() => status(second), { timeout: 15_000 }).toBe('submitted');
    await act(second, 'review', 'reviewed');
    await act(second, 'publish', 'published');
    await check(second, 'published');

    const portal = await wide();
    await portal.goto('/things');
    await expect.poll(() => portal.locator('body').innerText(), { timeout: 15_000 }).toContain('高龄老人服务一件事');
    const guide = await (await fetch(`${e.baseUrl}/api/public/things/elderly-care`)).json();
    expect(guide.items.map((i: { name: string }) => i.name)).toEqual(['高龄津贴申领', '社会保障卡申领']);
    expect(guide.materials.filter((m: { key: string }) => m.key === 'elder-id')[0].usedBy).toHaveLength(2);
    const plan = await (await fetch(`${e.baseUrl}/api/public/things/elderly-care/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { hasCard: 'yes' } }) })).json();
    expect(plan.items.map((i: { name: string }) => i.name)).toEqual(['高龄津贴申领']);
    await second.context().close();
    await portal.context().close();

    // English: the editor's own texts switch; names stay as data.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByText('Promised total (working days)').count()).toBe(1);
    await check(page, 'english');
    expect(await shown(page, '[data-testid="calendar-warning"]')).toEqual([]);
    await page.context().close();
  });

  it('reads on a phone (390 px): the list and the editor of a published thing', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAs(page, 'admin');
    await page.goto('/admin/things');
    await page.getByTestId('thing-link-retirement').waitFor();
    await check(page, 'list');
    await page.getByTestId('thing-link-retirement').click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('published');
    await expect.poll(() => page.getByTestId('thing-total-promised').locator('.ant-statistic-content-value').innerText()).toBe('15');
    expect(await page.getByTestId('thing-total-sum').locator('.ant-statistic-content-value').innerText()).toBe('18');
    await check(page, 'editor');
    await context.close();
  });
});
