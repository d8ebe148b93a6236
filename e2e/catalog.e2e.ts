import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E, pick } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

/** Fills an input whether the test id sits on the input or on an antd wrapper around it. */
const field = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input|self::textarea|.//input|.//textarea').first();


describe('catalog management in the browser', () => {
  it('admin creates and submits an item, a second admin reviews and publishes it (four eyes), and the portal shows it', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/admin/catalog');
    await page.getByTestId('new-item-button').click();
    await field(page, 'field-name').fill('养犬登记（浏览器测试）');
    await pick(page, 'field-department', '清渭县公安局');
    await field(page, 'field-theme').fill('公共安全');
    await field(page, 'field-legalBasis').fill('《清渭县养犬管理办法》第八条');
    await field(page, 'field-conditions').fill('在本县城区饲养犬只的个人');
    await field(page, 'field-responsiblePerson').fill('程卫东');
    await page.getByTestId('material-add').click();
    await field(page, 'material-name-0').fill('犬只免疫证明');
    await field(page, 'field-contact-address').fill('清渭县政务服务中心一楼');
    await field(page, 'field-contact-phone').fill('0938-6821206');
    await field(page, 'field-result-name').fill('养犬登记证');
    await page.getByTestId('item-save').first().click();
    await expect.poll(() => page.getByTestId('item-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    const act = async (p: Page, action: string, status: string) => {
      await p.getByTestId(`action-${action}`).click();
      const confirm = p.locator('.ant-popconfirm:visible .ant-btn-primary, .ant-modal:visible .ant-btn-primary');
      if (await confirm.count()) await confirm.first().click();
      await expect.poll(() => p.getByTestId('item-status').getAttribute('data-status'), { timeout: 15_000 }).toBe(status);
    };
    await act(page, 'submit', 'submitted');
    // The editor sees who must act and cannot approve their own version.
    await expect.poll(() => page.getByTestId('four-eyes-blocked').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('action-review').isDisabled()).toBe(true);
    expect(await page.getByTestId('action-review').getAttribute('data-blocked')).toBe('four-eyes');
    expect(await page.getByTestId('item-edited-by').innerText()).toBe('杨振华');

    const second = await e.page();
    await loginAs(second, 'admin2');
    await second.goto(page.url());
    await expect.poll(() => second.getByTestId('four-eyes-note').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await second.getByTestId('action-review').isDisabled()).toBe(false);
    await act(second, 'review', 'reviewed');
    await act(second, 'publish', 'published');
    expect(await second.getByTestId('item-reviewed-by').innerText()).toBe('苏文静');
    const code = (await second.getByTestId('item-code').innerText()).trim();
    expect(code).toMatch(/^62052400GA-XK-\d{4}$/);

    const portal = await e.page();
    await portal.goto('/');
    await portal.getByTestId('guide-search').fill('养犬登记');
    await portal.getByTestId('guide-search-button').click();
    await portal.getByTestId(`item-link-${code}`).click();
    await expect.poll(() => portal.getByTestId('item-title').innerText()).toContain('养犬登记（浏览器测试）');
    expect(await portal.getByTestId('guide-materials').innerText()).toContain('犬只免疫证明');
  });

  it('refuses to publish a promised limit above the statutory one, with the reason on screen', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/admin/catalog/new');
    await field(page, 'field-name').fill('时限错误的事项');
    await pick(page, 'field-department', '清渭县民政局');
    await field(page, 'field-promisedLimit-value').fill('30');
    await page.getByTestId('item-save').first().click();
    await expect.poll(() => page.getByTestId('item-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    await page.getByTestId('action-submit').click();
    const confirm = page.locator('.ant-popconfirm:visible .ant-btn-primary, .ant-modal:visible .ant-btn-primary');
    if (await confirm.count()) await confirm.first().click();
    await expect.poll(() => page.getByTestId('problem-details').innerText(), { timeout: 15_000 }).toContain('承诺时限不得超过法定时限');
  });

  it('exports the catalog to Excel and imports it back', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/admin/catalog');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-export').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-')), 'catalog.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('事项')!.rowCount).toBeGreaterThan(40);
    await page.getByTestId('catalog-import').locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-result').innerText(), { timeout: 20_000 }).toContain('新增 0 项，更新 0 项');
  });
});
