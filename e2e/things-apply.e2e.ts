/**
 * 一件事 applied for once (issue 24): a visitor answers the questionnaire of 新生儿出生一件事,
 * signs in and comes back with the answers; fills the one form (the identity checks of the
 * rest of the portal), uploads the parents' ID card once for every item, submits, and follows
 * the bundle's progress view; 我的办件 lists it and 进度查询 finds it by bundle number and query
 * code. The API is asked whether the started items' cases exist, each in its department,
 * with the one upload on each. Done on a phone (390 px) and a desktop (1440 px), in normal
 * mode, 长辈版 and English; every page passes axe (no serious or critical violation), does not
 * run off the side, has no console error; in 长辈版 text ≥ 18 px, buttons ≥ 60 px and no
 * drop-down or calendar to get through; in English no Chinese outside data. Also the
 * receiver's 一件事受理 at the 综合窗口. Screenshots under .tmp/screens/ (things-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, startE2E, type E2E } from './harness.js';
import { MODES, VIEWPORTS, chineseShown, openIn, seriousAxe as axe, signIn, type Mode, elderlySizes, settle } from './modes.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const SCREENS = '.tmp/screens';
fs.mkdirSync(SCREENS, { recursive: true });
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

/** No 社保卡 asked for, no 生育登记 before: 出生医学证明 and 生育登记 start at once, 户口 and 医保 wait. */
const ANSWERS = { socialCard: 'no', birthRegistered: 'no' };
const MOTHER_ID = '62052419900312002X';
const FATHER_ID = '620524198807160014';

/** The checks every page passes, then its screenshot. */
async function check(page: Page, mode: Mode, name: string) {
  const { width } = page.viewportSize()!;
  await settle(page);
  const label = `${mode} ${width}px ${name}`;
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: sideways scroll`).toBeLessThanOrEqual(width);
  expect.soft((await axe(page)).join('\n'), `${label}: axe`).toBe('');
  if (mode === 'en') expect.soft((await chineseShown(page)).join('\n'), `${label}: Chinese outside data`).toBe('');
  if (mode === 'elderly') {
    const sizes = await elderlySizes(page, '.bs-content .ant-btn:visible');
    expect.soft(sizes.smallText, `${label}: text under 18 px`).toBe('');
    expect.soft(sizes.smallButtons, `${label}: buttons under 60 × 60`).toBe('');
    // 适老化: nothing to get through hides behind a drop-down or a calendar pop-up.
    expect.soft(await page.locator('.bs-content .ant-select:visible, .bs-content .ant-picker:visible').count(), `${label}: drop-downs`).toBe(0);
  }
  await page.screenshot({ path: `${SCREENS}/things-${mode}-${width}-${name}.png`, fullPage: true });
}

const next = (page: Page) => page.getByTestId('bundle-next').click();
const atStep = (page: Page, n: number) => page.locator(`[data-testid=bundle-apply-page][data-step="${n}"]`).waitFor();

/** Steps 2 to 5 of the one application (the answers already given): returns the bundle's id and number and the shared upload's file id. */
async function fillAndSubmit(page: Page, mode: Mode, opts: { window?: boolean } = {}) {
  // 2. The items the answers chose, each with its department.
  await atStep(page, 1);
  const items = await page.getByTestId('bundle-plan-item').allInnerTexts();
  expect(items.map((s) => s.split('\n')[0])).toEqual(['出生医学证明首次签发', '出生登记', '城乡居民基本医疗保险参保登记', '生育登记']);
  expect(items.join('\n')).toContain('清渭县医疗保障局');
  expect(await page.getByTestId('bundle-plan-total').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
  await check(page, mode, `${opts.window ? 'window-' : ''}apply-items`);
  await next(page);

  // 3. The one form: every field once; an ID number that fails its check digit stops it here.
  await atStep(page, 2);
  if (opts.window) {
    await page.getByTestId('bundle-applicant-name').fill('周晓燕');
    await page.getByTestId('bundle-applicant-id').fill(MOTHER_ID);
    await page.getByTestId('bundle-applicant-phone').fill('13909381234');
  }
  expect(await page.getByTestId('field-phone').count(), 'a field several items ask is asked once').toBe(1);
  await page.getByTestId('field-childName').fill('周小宝');
  await page.getByTestId('field-childSex').getByText('男').click();
  await page.getByTestId('field-birthDate').fill('2026年11月28日');
  await page.getByTestId('field-hospital').fill('清渭县人民医院');
  await page.getByTestId('field-motherName').fill('周晓燕');
  await page.getByTestId('field-motherId').fill('620524199003120021');
  await page.getByTestId('field-fatherName').fill('李建国');
  await page.getByTestId('field-fatherId').fill(FATHER_ID);
  await page.getByTestId('field-phone').fill('13909381234');
  await page.getByTestId('field-hukouAddress').fill('清渭县城关镇新华路12号');
  await page.getByTestId('field-childOrder').getByText('一孩').click();
  await next(page);
  await page.locator('.ant-form-item-explain-error').first().waitFor();
  expect(await page.locator('.ant-form-item-explain-error').allInnerTexts()).toHaveLength(1);
  await check(page, mode, `${opts.window ? 'window-' : ''}apply-form-error`);
  await page.getByTestId('field-motherId').fill(MOTHER_ID);
  await next(page);

  // 4. The one material list: the parents' ID card once for all four items; the birth
  // certificate comes from the first item, the delivery record by data sharing.
  await atStep(page, 3);
  expect(await page.getByTestId('bundle-material-shared-parents-id').innerText()).toMatch(/4/);
  expect(await page.getByTestId('bundle-exempt-birth-certificate').count()).toBe(1);
  expect(await page.locator('[data-testid=bundle-materials] li[data-hand-in=sharing]').count()).toBeGreaterThan(0);
  const keys = await page.locator('[data-testid=bundle-materials] li[data-hand-in=applicant]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('bundle-material-', '')));
  expect(keys.filter((k) => k === 'parents-id')).toHaveLength(1);
  if (!opts.window) expect(await page.getByTestId('bundle-next').isDisabled(), 'materials first').toBe(true);
  for (const key of keys) {
    const box = page.getByTestId(`bundle-upload-${key}`);
    await box.locator('input[type=file]').setInputFiles({ name: `${key.replace(/\W/g, '-')}.pdf`, ...PDF });
    await page.getByTestId(`bundle-upload-${key}-file`).waitFor({ timeout: 15_000 });
  }
  const href = await page.getByTestId('bundle-upload-parents-id-file').locator('a').getAttribute('href');
  const sharedFile = decodeURIComponent(href!.split('/').pop()!);
  await check(page, mode, `${opts.window ? 'window-' : ''}apply-materials`);
  await next(page);

  // 5. Delivered together unless asked otherwise; submit.
  await atStep(page, 4);
  expect(await page.getByTestId('bundle-deliver').locator('.ant-radio-wrapper').first().getAttribute('class')).toContain('ant-radio-wrapper-checked');
  await check(page, mode, `${opts.window ? 'window-' : ''}apply-confirm`);
  await page.getByTestId('bundle-submit').click();
  await page.getByTestId('bundle-no').waitFor({ timeout: 30_000 });
  const bundleNo = (await page.getByTestId('bundle-no').innerText()).trim();
  const queryCode = (await page.getByTestId('bundle-query-code').innerText()).trim();
  expect(bundleNo).toMatch(/^YJS\d+/);
  await check(page, mode, `${opts.window ? 'window-' : ''}apply-done`);
  await page.getByTestId('bundle-view-progress').click();
  await page.getByTestId('bundle-parts').waitFor();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  return { id, bundleNo, queryCode, sharedFile };
}

/** The API's side: the started items have cases in their departments, each with the one shared upload. */
async function casesOf(username: string, id: string, sharedFile: string) {
  const who = await apiAs(e.baseUrl, username);
  const b = await who.get(`/api/bundles/${id}`);
  const byName = new Map<string, any>(b.parts.map((p: any) => [p.itemName, p]));
  expect([...byName.keys()].sort()).toEqual(['出生医学证明首次签发', '出生登记', '城乡居民基本医疗保险参保登记', '生育登记'].sort());
  for (const started of ['出生医学证明首次签发', '生育登记']) {
    const p = byName.get(started);
    expect(p.state, started).toBe('started');
    const c = await who.get(`/api/cases/${p.caseId}`);
    expect(c.caseNo).toBe(p.caseNo);
    expect(c.materials.filter((m: any) => m.fileId === sharedFile), `${started}: the parents' ID card`).toHaveLength(1);
  }
  for (const waiting of ['出生登记', '城乡居民基本医疗保险参保登记']) {
    expect(byName.get(waiting).state, waiting).toBe('waiting');
    expect(byName.get(waiting).caseId, waiting).toBeNull();
  }
  expect(new Set(b.parts.map((p: any) => p.department.name)).size, '卫健委, 公安局, 医保局').toBe(3);
  return b;
}

describe('一件事: one application and one progress view', () => {
  it('a visitor answers, signs in, comes back with the answers and files (390 px)', async () => {
    const { context, page, errors } = await openIn(e, 'normal', VIEWPORTS[0]!);
    await page.goto('/things/newborn');
    await page.getByTestId('question-socialCard').getByText('否').click();
    await page.getByTestId('question-birthRegistered').getByText('否').click();
    await page.getByTestId('thing-plan').click();
    await page.getByTestId('thing-apply').click();
    await page.waitForURL('**/login?next=**');
    await page.getByTestId('login-username').fill('citizen1');
    await page.getByTestId('login-password').fill('banshi123');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/things/newborn/apply?**');
    await atStep(page, 0);
    for (const key of Object.keys(ANSWERS)) {
      expect(await page.getByTestId(`bundle-question-${key}`).locator('.ant-radio-wrapper-checked').innerText(), key).toBe('否');
    }
    await check(page, 'normal', 'apply-answers');
    await next(page);
    const filed = await fillAndSubmit(page, 'normal');
    await check(page, 'normal', 'bundle');
    const b = await casesOf('citizen1', filed.id, filed.sharedFile);
    expect(b.deliverTogether).toBe(true);
    expect(b.bundleNo).toBe(filed.bundleNo);
    // The view shows each part with its state; a started part links to its case's own page.
    expect(await page.getByTestId('bundle-part-case').count()).toBe(2);
    expect(await page.getByTestId('bundle-due').innerText()).toBe(b.promisedDue);

    // 我的办件 lists it; 进度查询 finds it by bundle number and query code.
    await page.goto('/my/cases');
    await page.getByTestId(`my-bundle-${filed.bundleNo}`).waitFor();
    await check(page, 'normal', 'my-cases');
    await page.goto('/progress');
    await page.getByTestId('progress-case-no').fill(filed.bundleNo);
    await page.getByTestId('progress-query-code').fill(filed.queryCode);
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('progress-bundle').waitFor();
    expect(await page.getByTestId('bundle-part-case').count()).toBe(2);
    expect(await page.locator('[data-testid=progress-bundle] a[href^="/my/cases"]').count(), 'no links from the public view').toBe(0);
    await check(page, 'normal', 'progress');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  for (const viewport of VIEWPORTS) {
    for (const mode of MODES) {
      if (viewport.width === 390 && mode === 'normal') continue; // the visitor's way above
      it(`${viewport.width} px, ${mode}: the one application and the progress view`, async () => {
        const { context, page, errors } = await openIn(e, mode, viewport);
        await signIn(context, 'citizen1');
        await page.goto(`/things/newborn/apply?${new URLSearchParams(ANSWERS)}`);
        await atStep(page, 0);
        await check(page, mode, 'apply-answers');
        await next(page);
        const filed = await fillAndSubmit(page, mode);
        await check(page, mode, 'bundle');
        await casesOf('citizen1', filed.id, filed.sharedFile);
        await page.goto('/my/cases');
        await page.getByTestId(`my-bundle-${filed.bundleNo}`).waitFor();
        await check(page, mode, 'my-cases');
        await page.goto(`/progress?caseNo=${filed.bundleNo}&queryCode=${filed.queryCode}`);
        await page.getByTestId('progress-bundle').waitFor();
        await check(page, mode, 'progress');
        expect(errors).toEqual([]);
        await context.close();
      }, 300_000);
    }
  }

  it('the 综合窗口 files a thing for a walk-in applicant (1440 px)', async () => {
    const { context, page, errors } = await openIn(e, 'normal', VIEWPORTS[1]!);
    await signIn(context, 'window1');
    await page.goto('/workbench/intake');
    await page.getByTestId('intake-things').click();
    await page.getByTestId('window-thing-newborn').click();
    await atStep(page, 0);
    await page.getByTestId('bundle-question-socialCard').getByText('否').click();
    await page.getByTestId('bundle-question-birthRegistered').getByText('否').click();
    await next(page);
    const filed = await fillAndSubmit(page, 'normal', { window: true });
    expect(new URL(page.url()).pathname).toBe(`/bundles/${filed.id}`);
    await check(page, 'normal', 'window-bundle');
    const b = await casesOf('window1', filed.id, filed.sharedFile);
    expect(b.channel).toBe('window');
    expect(b.applicant.name).toBe('周晓燕');

    // 出生医学证明 refused: the view says which item, which waiting items go with it, and that the rest go on.
    const window1 = await apiAs(e.baseUrl, 'window1');
    const cert = b.parts.find((p: any) => p.itemName === '出生医学证明首次签发');
    await window1.act(cert.caseId, 'refuse', { reasons: '分娩记录与申请信息不一致' });
    await page.reload();
    await page.getByTestId('bundle-refusal').waitFor();
    const notice = await page.getByTestId('bundle-refusal').innerText();
    expect(notice).toContain('其中“出生医学证明首次签发”未获办理');
    expect(notice).toContain('出生登记');
    expect(notice).toContain('其余事项照常办理');
    expect(await page.getByTestId(`bundle-part-${cert.itemCode}`).getAttribute('data-state')).toBe('refused');
    expect(await page.locator('[data-testid^=bundle-part-][data-state=cancelled]').count()).toBe(2);
    await check(page, 'normal', 'window-bundle-refused');
    // The same in English: the notice is built from the refusals, not the server's Chinese sentence.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('bundle-refusal').innerText()).toContain('was not granted');
    await check(page, 'en', 'window-bundle-refused');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
