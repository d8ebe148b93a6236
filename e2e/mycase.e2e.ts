/**
 * The applicant's case page in plain words (/my/cases/:id, issue 22): where the case is, what
 * happens next, by when in the center's zone, and what the applicant must do with the action on
 * the page — here the missing materials uploaded from the page and the result to collect. In
 * 长辈版 the 评价 of 我的办件 opens no pop-up: it leads to the case page, where the form is inline.
 * Screenshots in .tmp/screens/mycase-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { apiAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const SCREENS = '.tmp/screens';
fs.mkdirSync(SCREENS, { recursive: true });
const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认: four materials the applicant hands in
const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记 (即办件)
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
const HAN = /\p{Script=Han}/u;

async function signedIn(opts: { elderly?: boolean; en?: boolean; width?: number } = {}) {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: opts.width ?? 1440, height: 900 } });
  await context.addInitScript((o) => {
    if (o.elderly) localStorage.setItem('banshi.elderly', '1');
    if (o.en) localStorage.setItem('banshi.lang', 'en');
  }, opts);
  const res = await context.request.post('/api/auth/login', { data: { username: 'citizen1', password: 'banshi123' } });
  expect(res.status()).toBe(200);
  return { context, page: await context.newPage() };
}

/** The day an instant falls on in the center's zone. */
const dayIn = (zone: string, ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

describe('the applicant’s case page in plain words', () => {
  it('a supplement notice: says what is missing and by when, and takes the upload on the page', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const window1 = await apiAs(e.baseUrl, 'window1');
    const PROVIDED = ['application', 'id-card', 'economic-statement', 'verification-consent'];
    const materials = await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
    const created = await citizen.post('/api/cases', { itemCode: LOW_INCOME, channel: 'online', formData: { description: '申请低保' }, materials });
    await window1.act(created.id, 'notifySupplement', { missing: ['economic-statement'], note: '申报表缺少签字，请签字后重新上传。' });
    const view = await citizen.get(`/api/cases/${created.id}`);
    const noticeAt = view.events.find((ev: { action: string }) => ev.action === 'notifySupplement').at as string;
    const { timeZone } = await (await fetch(`${e.baseUrl}/api/health`)).json() as { timeZone: string };

    const { context, page } = await signedIn({ width: 390 });
    await page.goto('/my/cases');
    await page.getByTestId(`case-link-${created.caseNo}`).click();
    await page.getByTestId('my-case-page').waitFor();
    expect(await page.getByTestId('my-case-page').getAttribute('data-state')).toBe('awaitingSupplement');
    expect(await page.getByTestId('case-now-text').innerText()).toBe('材料还不齐，正在等您补交。');
    expect(await page.getByTestId('case-stage').getAttribute('data-stage')).toBe('accept');
    // By when: 30 days after the notice, the day in the center's zone, said with its weekday.
    expect(await page.getByTestId('case-by').getAttribute('data-date')).toBe(dayIn(timeZone, Date.parse(noticeAt) + 30 * 86_400_000));
    expect(await page.getByTestId('case-by').innerText()).toMatch(/星期./);
    // What to do: only the material the notice named, with the staff's note, uploaded right here.
    const todo = page.getByTestId('todo-supply');
    expect(await todo.innerText()).toContain('申报表缺少签字');
    expect(await todo.locator('[data-testid^=todo-material-]').count()).toBe(1);
    expect(await page.getByTestId('todo-supply-submit').isDisabled()).toBe(true);
    await page.getByTestId('todo-upload-economic-statement').locator('input[type=file]').setInputFiles({ name: '申报表.pdf', ...PDF });
    await page.getByTestId('todo-upload-economic-statement-file').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SCREENS}/mycase-390-supplement.png`, fullPage: true });
    await page.getByTestId('todo-supply-submit').click();
    await expect.poll(() => page.getByTestId('my-case-page').getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');
    expect(await page.getByTestId('case-now-text').innerText()).toContain('工作人员正在查看材料');
    expect(await page.getByTestId('case-todo-none').count()).toBe(1);
    expect((await citizen.get(`/api/cases/${created.id}`)).state).toBe('submitted');
    // The plain history names what happened, without staff steps.
    expect(await page.getByTestId('case-history').innerText()).toContain('通知您补交材料');
    await context.close();
  });

  it('a result to collect: where, when and what to bring; then 评价 in 长辈版 without a pop-up', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const window1 = await apiAs(e.baseUrl, 'window1');
    const PROVIDED = ['id-card', 'photo', 'declaration'];
    const materials = await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
    const created = await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', coApplicants: [{ name: '钱晓梅', idNumber: '620524198203050025' }], materials });
    await window1.act(created.id, 'accept', { provided: PROVIDED });
    await window1.act(created.id, 'decide', { outcome: 'approved' });
    await window1.act(created.id, 'markResultReady');
    const guide = await (await fetch(`${e.baseUrl}/api/public/items/${MARRIAGE}`)).json() as { contact: { address: string } };

    const { context, page } = await signedIn({ elderly: true, width: 390 });
    await page.goto(`/my/cases/${created.id}`);
    await page.getByTestId('todo-collect').waitFor();
    expect(await page.getByTestId('case-stage').getAttribute('data-stage')).toBe('result');
    expect(await page.getByTestId('todo-collect-address').innerText()).toBe(guide.contact.address);
    expect(await page.getByTestId('todo-collect').innerText()).toContain('身份证件');
    await page.screenshot({ path: `${SCREENS}/mycase-elderly-390-collect.png`, fullPage: true });

    await window1.act(created.id, 'deliver', { mode: 'pickup' });
    await window1.act(created.id, 'complete');
    // 我的办件 → 评价: a page, not a dialog.
    await page.goto('/my/cases');
    await page.getByTestId(`rate-${created.caseNo}`).click();
    await page.waitForURL(`**/my/cases/${created.id}#rate`);
    await page.getByTestId('todo-rate').waitFor();
    expect(await page.locator('.ant-modal:visible, .ant-popover:visible, .ant-popconfirm:visible').count()).toBe(0);
    await page.getByTestId('grade-5').click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId(`rated-${created.caseNo}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('todo-rate').count()).toBe(0);
    await page.screenshot({ path: `${SCREENS}/mycase-elderly-390-rated.png`, fullPage: true });
    await context.close();
  });

  it('in English the page has no Chinese outside the data', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const materials = await Promise.all(['application', 'id-card', 'economic-statement', 'verification-consent'].map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
    const created = await citizen.post('/api/cases', { itemCode: LOW_INCOME, channel: 'online', materials });
    const { context, page } = await signedIn({ en: true });
    await page.goto(`/my/cases/${created.id}`);
    await page.getByTestId('case-now-text').waitFor();
    const stray = await page.evaluate((han) => {
      const re = new RegExp(han, 'u');
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('[data-testid=my-case-page]')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!re.test(n.textContent!) || n.parentElement!.closest('[translate=no]')) continue;
        out.push(n.textContent!.trim());
      }
      return out;
    }, HAN.source);
    expect(stray).toEqual([]);
    expect(await page.getByTestId('case-now-text').innerText()).toContain('the staff are looking at your materials');
    await page.screenshot({ path: `${SCREENS}/mycase-en-1440-submitted.png`, fullPage: true });
    await context.close();
  });
});
