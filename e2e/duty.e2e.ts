import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, pick, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const setClock = (now: string) => fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });

// A Tuesday far from the demo's seeded month, so nothing is signed in or planned yet.
const DAY = '2030-06-04';

describe('people on duty in the browser', () => {
  it('a handler signs in at the workbench', async () => {
    await setClock(`${DAY}T01:20:00Z`); // 09:20 in Shanghai: late
    const page = await e.page();
    await loginAs(page, 'handler1');
    await page.getByTestId('nav-duty').click();
    await expect.poll(() => page.getByTestId('duty-my-sign-in').innerText(), { timeout: 15_000 }).toBe('—');
    await page.getByTestId('duty-sign-in').click();
    await expect.poll(() => page.getByTestId('duty-my-status').innerText(), { timeout: 15_000 }).toContain('迟到');
    expect(await page.getByTestId('duty-my-sign-in').innerText()).toContain('09:20');
    expect(await page.getByTestId('duty-sign-in').isDisabled()).toBe(true);
  });

  it('the admin publishes the leader schedule and the portal shows today’s leader', async () => {
    const leader = await apiAs(e.baseUrl, 'leader1');
    const people = await leader.get('/api/duty/people');
    const me = people.people.find((p: { displayName: string }) => p.displayName === '汪德明');
    // Seed 001's weekly half-day sitting: one day in each week of July 2030 (29 July's week is August's).
    const plan = await leader.post('/api/duty/leader/plans', { month: '2030-07', days: ['2030-07-02', '2030-07-09', '2030-07-16', '2030-07-23'].map((day) => ({ day, leaderId: me.id })) });
    expect(plan.status).toBe('onTime');

    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/duty?tab=leader');
    await expect.poll(() => page.getByTestId('duty-publish-state').innerText(), { timeout: 15_000 }).toContain('2030-07计划应于2030-06-10前报送');
    expect(await page.getByTestId('duty-publish-state').innerText()).toContain('每周安排一次坐班（半天）');
    // The sitting rules: seed 001's recipients, editable; an outside organisation gets an e-mail address.
    const settings = page.getByTestId('duty-leader-settings');
    await expect.poll(() => settings.getByTestId('duty-recipient-1-name').inputValue(), { timeout: 15_000 }).toBe('清渭县纪委监委');
    await settings.getByTestId('duty-recipient-1-email').fill('jiwei@qingwei.example.cn');
    await settings.getByTestId('duty-leader-settings-save').click();
    await expect.poll(async () => (await leader.get('/api/duty/settings')).missRecipients[1], { timeout: 15_000 }).toEqual({ kind: 'organisation', name: '清渭县纪委监委', email: 'jiwei@qingwei.example.cn' });
    await page.getByTestId('duty-publish').click();
    await expect.poll(() => page.getByTestId('duty-publish-state').innerText(), { timeout: 15_000 }).toContain('排班已发布');

    await setClock('2030-07-02T01:00:00Z');
    const portal = await e.page();
    await portal.goto('/');
    await expect.poll(() => portal.getByTestId('today-leader').innerText(), { timeout: 15_000 }).toContain('汪德明');
    expect(await portal.getByTestId('today-leader').innerText()).toContain('清渭县民政局');
  });

  it('a patrol is recorded with a photo and shows in the ledger', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/duty?tab=patrols');
    await page.getByTestId('duty-patrol-open').click();
    await pick(page, 'duty-patrol-window-0', '市场监管局窗口');
    await page.getByTestId('duty-patrol-grade-0').getByText('较差').click();
    await page.getByTestId('duty-patrol-checks-0').getByText('佩证上岗').click();
    await page.getByTestId('duty-patrol-note-0').fill('工作人员未佩戴胸牌');
    await page.locator('.ant-modal input[type=file]').first().setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('duty-patrol-photo-0-file').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('duty-patrol-submit').click();
    const ledger = page.getByTestId('duty-ledger');
    await expect.poll(() => ledger.innerText(), { timeout: 15_000 }).toContain('工作人员未佩戴胸牌');
    const img = ledger.locator('img[src*="/photos/"]').first();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(1);
    const bulletin = await (await page.request.get('/api/duty/bulletin/2030-07')).text();
    expect(bulletin).toContain('工作人员未佩戴胸牌');
    expect(bulletin).toContain(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('the admin issues a badge number from the posts table', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await page.goto('/duty?tab=staff');
    const tag = page.getByTestId('duty-post-tag').filter({ hasText: '李雪梅' }).first();
    await tag.click();
    const number = page.locator('.ant-modal input').first();
    await number.fill('QW8888');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('duty-post-tag').filter({ hasText: '李雪梅' }).first().innerText(), { timeout: 15_000 }).toContain('QW8888');
  });
});
