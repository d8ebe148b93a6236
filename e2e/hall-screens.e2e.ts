/**
 * 大厅配置: the booking cancellation cut-off (cancelBeforeMinutes) is editable and validated.
 *
 * The hall kiosk (取号机) at the screen sizes kiosks have — 1080 × 1920 (portrait), 1280 × 1024
 * and 1920 × 1080 — in Chinese and English: no button's text is clipped (each label and each
 * line in it fits its box: scrollWidth ≤ clientWidth, scrollHeight ≤ clientHeight), and nothing
 * runs off the side. Screenshots in .tmp/screens/kiosk-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, loginAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const SCREENS = '.tmp/screens';
fs.mkdirSync(SCREENS, { recursive: true });
/** Button texts that do not fit their box (the button, and each line element inside it). */
function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const b of document.querySelectorAll<HTMLElement>('[data-testid=kiosk-page] .ant-btn, [data-testid=kiosk-ticket] .ant-btn')) {
      for (const el of [b, ...b.querySelectorAll<HTMLElement>('span, div')]) {
        if (!el.textContent?.trim() || !el.checkVisibility()) continue;
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
          out.push(`"${el.textContent.trim().slice(0, 30)}" ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        }
      }
    }
    return out;
  });
}

const SIZES = [{ width: 1080, height: 1920 }, { width: 1280, height: 1024 }, { width: 1920, height: 1080 }];

describe('the kiosk at kiosk screen sizes', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const size of SIZES) {
      it(`${size.width} × ${size.height}, ${lang}`, async () => {
        // Thursday 09:00 in the center's zone: the hall is open, every category takes tickets.
        await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-03T01:00:00Z' }) });
        const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: size });
        if (lang === 'en') await context.addInitScript(() => localStorage.setItem('banshi.lang', 'en'));
        const page = await context.newPage();
        await page.goto('/hall/kiosk');
        await page.locator('[data-testid^=kiosk-cat-]').first().waitFor();
        expect(await page.locator('[data-testid^=kiosk-cat-]').count()).toBeGreaterThan(3);
        const shot = (name: string) => page.screenshot({ path: `${SCREENS}/kiosk-${lang}-${size.width}x${size.height}-${name}.png`, fullPage: true });
        await shot('take');
        expect(await clippedButtons(page), 'category buttons clipped').toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        // The check-in tab, and the ticket screen after taking a ticket.
        await page.getByRole('tab').nth(1).click();
        await page.getByTestId('kiosk-checkin').waitFor();
        await shot('checkin');
        expect(await clippedButtons(page), 'check-in button clipped').toEqual([]);
        await page.getByRole('tab').nth(0).click();
        await page.getByTestId('kiosk-cat-A').click();
        await page.getByTestId('kiosk-ticket-number').waitFor();
        await shot('ticket');
        expect(await clippedButtons(page), 'ticket buttons clipped').toEqual([]);
        await context.close();
      });
    }
  }
});

describe('大厅配置', () => {
  it('the booking cancellation cut-off is editable and validated', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/hall/admin');
    await page.getByRole('tab', { name: '参数设置' }).click();
    const field = page.getByTestId('hall-setting-cancelBeforeMinutes');
    await field.waitFor();
    await expect.poll(() => field.inputValue()).toBe('0');
    await field.fill('2000');
    await page.getByTestId('hall-settings-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请填写 0–1440 之间的整数');
    const admin = await apiAs(e.baseUrl, 'admin');
    expect((await admin.get('/api/hall/settings')).cancelBeforeMinutes).toBe(0);
    await field.fill('30');
    await page.getByTestId('hall-settings-save').click();
    await expect.poll(async () => (await admin.get('/api/hall/settings')).cancelBeforeMinutes).toBe(30);
    await page.reload();
    await page.getByRole('tab', { name: '参数设置' }).click();
    await expect.poll(() => page.getByTestId('hall-setting-cancelBeforeMinutes').inputValue()).toBe('30');
  });
});
