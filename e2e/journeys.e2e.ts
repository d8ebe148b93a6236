/**
 * The citizen's journeys on a phone (390 × 844) and a desktop (1440 × 900), in normal mode,
 * 长辈版 and English: search, guide, 办件统计, apply with uploads, 我的办件, rate, book, progress, the
 * case page in plain words and the full record; in 长辈版 the header opens no pop-up. On every page: axe-core finds no serious or critical violation, nothing runs off the
 * side, no error in the console (a visitor's session probe used to log a 401). In 长辈版 text is
 * ≥ 18 px, the page title ≥ 30 px and buttons ≥ 60 px. A screenshot of each page is kept under
 * .tmp/screens/ (CI artefacts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, startE2E, type E2E } from './harness.js';
import { MODES, VIEWPORTS, openIn, seriousAxe as axe, signIn, type Mode, elderlySizes, settle } from './modes.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const SCREENS = '.tmp/screens';
fs.mkdirSync(SCREENS, { recursive: true });

const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认
const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记 (即办件)
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

/** The checks every page passes, then its screenshot. */
async function check(page: Page, mode: Mode, name: string) {
  const { width } = page.viewportSize()!;
  await settle(page);
  const label = `${mode} ${width}px ${name}`;
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: sideways scroll`).toBeLessThanOrEqual(width);
  expect.soft((await axe(page)).join('\n'), `${label}: axe`).toBe('');
  if (mode === 'elderly') {
    const sizes = await elderlySizes(page, '.bs-content .ant-btn:visible, .bs-header .ant-btn:visible');
    expect.soft(sizes.smallText, `${label}: text under 18 px`).toBe('');
    expect.soft(sizes.smallButtons, `${label}: buttons under 60 × 60`).toBe('');
  }
  await page.screenshot({ path: `${SCREENS}/${mode}-${width}-${name}.png`, fullPage: true });
}

/** A completed 即办 marriage registration the citizen applied for online (ready to be rated). */
async function completedCase() {
  const citizen = await apiAs(e.baseUrl, 'citizen1');
  const window1 = await apiAs(e.baseUrl, 'window1');
  // An online application carries every required material; 结婚登记 names the other party too.
  const PROVIDED = ['id-card', 'photo', 'declaration'];
  const materials = await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
  const created = await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', coApplicants: [{ name: '钱晓梅', idNumber: '620524198203050025' }], materials });
  let v = 1;
  const steps = [['accept', { provided: PROVIDED }], ['decide', { outcome: 'approved' }], ['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]] as const;
  for (const [action, b] of steps) v = (await window1.post(`/api/cases/${created.id}/actions/${action}`, { version: v, ...b })).version;
  return { id: String(created.id), caseNo: String(created.caseNo), queryCode: String(created.queryCode ?? '') };
}

describe('portal journeys on a phone and a desktop, in normal mode, 长辈版 and English', () => {
  for (const viewport of VIEWPORTS) {
    for (const mode of MODES) {
      it(`${viewport.width} px, ${mode}`, async () => {
        const done = await completedCase();
        const { context, page, errors } = await openIn(e, mode, viewport);

        // A visitor: home, search, guide, progress, booking, login.
        await page.goto('/');
        await page.getByTestId('guide-search').waitFor();
        await check(page, mode, 'home');
        await page.getByTestId('guide-search').fill('低保');
        await page.getByTestId('guide-search-button').click();
        await page.getByTestId(`item-link-${LOW_INCOME}`).waitFor();
        await check(page, mode, 'search');
        await page.getByTestId(`item-link-${LOW_INCOME}`).click();
        await page.getByTestId('apply-online').waitFor();
        await check(page, mode, 'guide');
        await page.goto('/progress');
        await page.getByTestId('progress-case-no').fill(done.caseNo);
        await page.getByTestId('progress-query-code').fill(done.queryCode);
        await page.getByTestId('progress-submit').click();
        await page.getByTestId('progress-result').waitFor();
        await check(page, mode, 'progress');
        await page.goto('/hall/booking');
        await check(page, mode, 'booking');
        await page.goto('/stats');
        await page.getByTestId('stats-row-total').waitFor();
        await check(page, mode, 'stats');
        await page.goto('/login');
        await page.getByTestId('login-username').waitFor();
        await check(page, mode, 'login');
        expect(errors, 'console errors of a visitor').toEqual([]);

        // The citizen applies with uploads: the upload buttons are on screen, not off to the side.
        await signIn(context, 'citizen1');
        await page.goto(`/apply/${LOW_INCOME}`);
        await page.getByTestId('apply-upload-application').waitFor();
        // Every required material is uploaded (the submit button waits for them); the first two are checked for position.
        for (const id of ['application', 'id-card', 'economic-statement', 'verification-consent']) {
          if (!(await page.getByTestId(`apply-upload-${id}`).count())) continue;
          const box = (await page.getByTestId(`apply-upload-${id}`).locator('button, .ant-upload').first().boundingBox())!;
          expect(box.x + box.width, `upload ${id} on screen`).toBeLessThanOrEqual(viewport.width);
          await page.getByTestId(`apply-upload-${id}`).locator('input[type=file]').setInputFiles({ name: `${id}.pdf`, ...PDF });
          await page.getByTestId(`apply-upload-${id}-file`).waitFor({ timeout: 15_000 });
        }
        await check(page, mode, 'apply');
        await page.getByTestId('apply-submit').click();
        await page.getByTestId('apply-case-no').waitFor({ timeout: 15_000 });
        await check(page, mode, 'applied');

        // 我的办件: the 评价 control is on screen, item names are not one character a line.
        await page.goto('/my/cases');
        const rate = page.getByTestId(`rate-${done.caseNo}`);
        await rate.waitFor();
        const box = (await rate.boundingBox())!;
        expect(box.x + box.width, '评价 on screen').toBeLessThanOrEqual(viewport.width);
        const nameBox = (await page.getByTestId(`case-row-${done.caseNo}`).locator('.bs-item-link').boundingBox())!;
        expect(nameBox.width, 'item name has room').toBeGreaterThan(100);
        await check(page, mode, 'my-cases');
        await rate.click();
        // 长辈版 has no pop-ups (适老化): 评价 leads to the case's own page with the form on it.
        if (mode === 'elderly') await page.waitForURL(`**/my/cases/${done.id}#rate`);
        await page.getByTestId('rating-form').waitFor();
        if (mode === 'elderly') expect(await page.locator('.ant-modal:visible, .ant-popover:visible').count(), '长辈版: no pop-up').toBe(0);
        await page.getByTestId('grade-5').click();
        await page.getByTestId('rating-submit').click();
        await page.getByTestId(`rated-${done.caseNo}`).waitFor({ timeout: 15_000 });
        await check(page, mode, 'rated');

        // The case page in plain words (where it is, what next, by when, what to do), and the full record.
        await page.goto(`/my/cases/${done.id}`);
        await page.getByTestId('case-now-text').waitFor();
        expect(await page.getByTestId('case-stage').getAttribute('data-stage')).toBe('done');
        await check(page, mode, 'my-case');
        await page.getByTestId('case-full-record').click();
        await page.getByTestId('case-state').waitFor();
        await check(page, mode, 'case');
        // The header in 长辈版 has no pop-ups either: the bell opens the notifications page, the
        // user's name opens nothing, and 修改密码 is a menu entry.
        if (mode === 'elderly') {
          await page.getByTestId('notice-bell').click();
          await page.waitForURL('**/notifications');
          await page.getByTestId('header-user').hover();
          await page.getByTestId('header-user').click();
          expect(await page.locator('.ant-popover:visible, .ant-dropdown:visible, .ant-modal:visible').count(), '长辈版 header: no pop-up').toBe(0);
          await check(page, mode, 'notifications');
          // The links fold behind 菜单 whenever they do not fit one line (a phone; 长辈版's large type).
          if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click();
          await page.getByTestId('nav-password').click();
          await page.waitForURL('**/account/password');
          await check(page, mode, 'password');
        }
        expect(errors, 'console errors').toEqual([]);
        await context.close();
      }, 300_000);
    }
  }
});
