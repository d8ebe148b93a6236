import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('in-app notifications in the browser', () => {
  it('a handler sees the bell count for a new assignment, opens the list and clicks through to the case', async () => {
    const [window1, coord, handlerApi] = await Promise.all([apiAs(e.baseUrl, 'window1'), apiAs(e.baseUrl, 'coord1'), apiAs(e.baseUrl, 'handler1')]);
    const handlerId = (await handlerApi.get('/api/auth/me')).user.id as string;
    const assign = async (name: string) => {
      const c = await window1.post('/api/cases', { itemCode: '62052400MZ-JF-0008', channel: 'window', applicant: { kind: 'person', name, idNumber: '620524198803031231', phone: '13800003333' } });
      await window1.post(`/api/cases/${c.id}/actions/accept`, { version: 1, provided: ['application', 'id-card', 'hardship-proof', 'verification-consent'] });
      await coord.post(`/api/cases/${c.id}/actions/assign`, { version: 2, userId: handlerId });
      return c;
    };
    await assign('郑大芳'); // a second unread one, so 全部已读 has something left to clear
    const created = await assign('郑小芳');
    const list = await handlerApi.get('/api/notifications');
    const notice = list.items.find((n: { link: string }) => n.link === `/cases/${created.id}`);
    expect(notice).toMatchObject({ title: `新分办：${created.caseNo}`, read: false });
    const unread = list.unread as number;

    const page = await e.page();
    await loginAs(page, 'handler1');
    const count = page.getByTestId('notice-count');
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(unread));
    expect(await count.innerText()).toContain(String(unread));

    await page.getByTestId('notice-bell').click();
    const row = page.getByTestId(`notice-${notice.id}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-read')).toBe('false');
    expect(await row.getByTestId('notice-text').innerText()).toBe(`办件${created.caseNo}（临时救助）已分办给您，请及时办理。`);
    await row.click();

    await page.waitForURL((u) => u.pathname === `/cases/${created.id}`, { timeout: 15_000 });
    await page.getByTestId('case-state').waitFor({ timeout: 15_000 });
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(unread - 1));
    expect((await handlerApi.get('/api/notifications')).items.find((n: { id: number }) => n.id === notice.id).read).toBe(true);

    // The full list: the opened notice shows as read; 全部已读 clears the count.
    await page.goto('/notifications');
    await page.getByTestId('notices-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`notice-${notice.id}`).getAttribute('data-read')).toBe('true');
    expect(unread).toBeGreaterThanOrEqual(2);
    await page.getByTestId('notices-read-all').click();
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 15_000 }).toBe('0');
    await expect.poll(() => page.getByTestId('notices-unread').innerText(), { timeout: 15_000 }).toBe('0 条未读');
    expect((await handlerApi.get('/api/notifications')).unread).toBe(0);
  });
});
