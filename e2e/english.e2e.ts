/**
 * English that is English: the staff pages and the public pages walked in EN, each failing
 * on any Chinese character shown outside data.
 *
 * "Data" is narrow and marked in the page: an element with `translate="no"` (the HTML
 * attribute that tells translators to leave a text alone) holds text that is entered, not
 * written by us — item titles, material names, person names, department / center / window
 * names, addresses, case and document numbers, and what users typed (reasons, notes, queue
 * category names configured by the center). The language switcher's own label (中文) is the
 * only other Chinese allowed. Everything else — case states, events, step names, roles,
 * channels, labels, placeholders — must be English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiAs, startE2E, type E2E } from './harness.js';
import { chineseShown, signIn } from './modes.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记 (即办件)
const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认

/** A browser context in English; uncaught errors collected. */
async function english(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('banshi.lang', 'en'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`${page.url()}: uncaught ${err.message}`));
  return { context, page, errors };
}

/** Waits for the page to settle (data loaded, spinners gone), then records what is Chinese. */
async function check(page: Page, name: string, found: Record<string, string[]>) {
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid=page-loading]').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  const zh = await chineseShown(page);
  if (zh.length) found[name] = zh;
}

/** A 即办 marriage registration filed online and completed at the window: a case with a full history. */
async function completedCase() {
  const citizen = await apiAs(e.baseUrl, 'citizen1');
  const window1 = await apiAs(e.baseUrl, 'window1');
  const PROVIDED = ['id-card', 'photo', 'declaration'];
  const materials = await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
  const created = await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', coApplicants: [{ name: '钱晓梅', idNumber: '620524198203050025' }], materials });
  const steps = [['accept', { provided: PROVIDED }], ['decide', { outcome: 'approved' }], ['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]] as const;
  for (const [action, body] of steps) await window1.act(created.id, action, body);
  return { id: String(created.id), caseNo: String(created.caseNo), queryCode: String(created.queryCode ?? '') };
}

/** A 低保 application taken at the window, told to supplement once, supplied, accepted: a case with steps. */
async function caseInProgress() {
  const window1 = await apiAs(e.baseUrl, 'window1');
  const created = await window1.post('/api/cases', {
    itemCode: LOW_INCOME, channel: 'window',
    applicant: { kind: 'person', name: '王秀兰', idNumber: '620524198001011239', phone: '13800001111' },
  });
  await window1.act(created.id, 'notifySupplement', { missing: ['id-card'], note: '请补交身份证复印件' });
  await window1.act(created.id, 'supply', { provided: ['id-card'] });
  const view = await window1.get(`/api/cases/${created.id}`);
  await window1.act(created.id, 'accept', { provided: view.materials.filter((m: { source: string }) => m.source !== 'sharing').map((m: { materialId: string }) => m.materialId) });
  return { id: String(created.id), caseNo: String(created.caseNo) };
}

describe('English that is English', () => {
  it('staff pages show no Chinese outside data', async () => {
    const done = await completedCase();
    const busy = await caseInProgress();
    const found: Record<string, string[]> = {};
    const { context, page, errors } = await english();

    await signIn(context, 'window1');
    await page.goto('/workbench/cases');
    await page.getByTestId(`case-link-${busy.caseNo}`).waitFor();
    await check(page, 'worklist', found);
    await page.goto(`/cases/${done.id}`);
    await page.getByTestId('case-events').waitFor();
    await check(page, 'case (completed)', found);
    // States, events and documents are named by their kind, in English.
    expect(await page.getByTestId('case-state').innerText()).toBe('Completed');
    expect(await page.getByTestId('event-2').innerText()).toContain('Accept');
    expect(await page.getByTestId('doc-link-acceptance').innerText()).toContain('Acceptance notice');
    await page.goto(`/cases/${busy.id}`);
    await page.getByTestId('case-steps').waitFor();
    await check(page, 'case (in progress)', found);
    await page.getByTestId('case-action-withdraw').click();
    await page.getByTestId('action-modal-withdraw').waitFor();
    await check(page, 'case action (withdraw)', found);
    await page.getByTestId('action-cancel').click();
    // By its code: the first page of the picker no longer reaches it since the 一件事 demo added items.
    await page.goto(`/workbench/intake?q=${LOW_INCOME}`);
    await page.getByTestId(`intake-pick-${LOW_INCOME}`).waitFor();
    await check(page, 'intake (items)', found);
    await page.getByTestId(`intake-pick-${LOW_INCOME}`).click();
    await page.getByTestId('intake-applicant-name').waitFor();
    await check(page, 'intake (form)', found);
    await page.goto('/hall/window');
    await page.getByTestId('window-callNext').waitFor();
    await page.getByTestId('window-callNext').click();
    await page.getByTestId('window-current-number').waitFor();
    await check(page, 'hall window', found);
    // The demo's priority ticket (group `elderly`) is called first: its group by name, not its key.
    await expect.poll(() => page.getByTestId('window-current').innerText()).toContain('Elderly (over 70)');
    await page.goto('/notifications');
    await check(page, 'notifications', found);

    await context.clearCookies();
    await signIn(context, 'super1');
    await page.goto('/supervision');
    await check(page, 'supervision board', found);

    await context.clearCookies();
    await signIn(context, 'admin');
    // The statistics report by each grouping whose row names the server words in Chinese.
    for (const groupBy of ['window', 'kind', 'channel'] as const) {
      await page.goto(`/admin/stats?groupBy=${groupBy}`);
      await page.getByTestId('stats-row-total').waitFor();
      await check(page, `statistics by ${groupBy}`, found);
      // A window row is "Window 3" and its name, not the server's 「3号窗口 …」 held as data.
      if (groupBy === 'window') {
        const rows = await page.locator('[data-testid^=stats-row-]:not([data-testid=stats-row-total])').allInnerTexts();
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) expect(r).toMatch(/^(Window \d+ \S|No window)/);
      }
    }
    expect(await page.getByTestId('stats-row-online').innerText()).toBe('Online');
    for (const [path, name] of [
      ['/admin/stats', 'statistics'], ['/duty', 'duty'], ['/assessment', 'assessment'], ['/admin/catalog', 'catalog list'],
      ['/admin/accounts', 'accounts'], ['/notifications', 'notifications (admin)'],
    ] as const) {
      await page.goto(path);
      await check(page, name, found);
    }
    await page.goto('/feedback/complaints');
    await page.getByTestId('complaint-register').click();
    await page.getByTestId('complaint-name').waitFor();
    await check(page, 'complaint form', found);

    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('public pages show no Chinese outside data', async () => {
    const done = await completedCase();
    const found: Record<string, string[]> = {};
    const { context, page, errors } = await english();

    await page.goto('/');
    await page.getByTestId('guide-search').waitFor();
    await check(page, 'home', found);
    await page.getByTestId('guide-search').fill('低保');
    await page.getByTestId('guide-search-button').click();
    await page.getByTestId(`item-link-${LOW_INCOME}`).waitFor();
    await check(page, 'guide list', found);
    await page.getByTestId(`item-link-${LOW_INCOME}`).click();
    await page.getByTestId('apply-online').waitFor();
    await check(page, 'guide', found);
    await page.goto(`/progress?caseNo=${encodeURIComponent(done.caseNo)}&queryCode=${encodeURIComponent(done.queryCode)}`);
    await page.getByTestId('progress-result').waitFor();
    await check(page, 'progress query', found);
    await page.goto('/hall/booking');
    await check(page, 'booking', found);
    // 办件统计: the totals, then the table and chart by each grouping (rows named by key).
    await page.goto('/stats');
    await page.getByTestId('stats-row-total').waitFor();
    await check(page, 'statistics (by month)', found);
    for (const [group, row] of [['kind', 'immediate'], ['channel', 'online'], ['department', 'total']] as const) {
      await page.getByTestId(`stats-group-${group}`).click();
      await page.getByTestId(`stats-row-${row}`).waitFor();
      await check(page, `statistics (by ${group})`, found);
    }
    await page.getByTestId('stats-group-kind').click();
    await expect.poll(() => page.getByTestId('stats-row-immediate').innerText()).toBe('Immediate case');

    await signIn(context, 'citizen1');
    await page.goto(`/apply/${LOW_INCOME}`);
    await page.getByTestId('apply-upload-application').waitFor();
    await check(page, 'apply', found);
    await page.goto('/my/cases');
    await page.getByTestId(`case-row-${done.caseNo}`).waitFor();
    await check(page, 'my cases', found);
    await page.goto(`/cases/${done.id}`);
    await page.getByTestId('case-events').waitFor();
    await check(page, 'case (applicant)', found);

    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('the checker sees Chinese outside data and not inside it', async () => {
    const { context, page } = await english();
    await page.setContent('<body><p>Hello <b>办件</b></p><p translate="no">李雪梅</p><button data-testid="lang-switch">中文</button><p style="display:none">隐藏</p><input placeholder="请输入"></body>');
    expect(await chineseShown(page)).toEqual(['<b.> 办件', '<input.> placeholder: 请输入']);
    await context.close();
  });
});
