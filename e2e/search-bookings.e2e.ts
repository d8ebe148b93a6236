/** Issue 22: suggestions as people type (debounced), and a citizen's 我的预约 (default slot, prefill, cancel). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, pick, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('search box suggestions', () => {
  it('offer items while typing, one request per pause, and open the chosen item', async () => {
    const page = await e.page();
    const asked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/public/suggest')) asked.push(new URL(r.url()).searchParams.get('q') ?? ''); });
    await page.goto('/');
    await page.getByTestId('guide-search').pressSequentially('shebaoka', { delay: 40 });
    const option = page.locator('.ant-select-dropdown:visible [data-testid="suggest-option"]').first();
    await expect.poll(() => option.innerText()).toContain('社会保障卡申领');
    // Debounced: typing eight letters quickly asks for the finished word, not for every letter.
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(asked.at(-1)).toBe('shebaoka');
    await option.click();
    await page.waitForURL((u) => u.pathname.startsWith('/guide/'));
    await expect.poll(() => page.locator('h2, h3').first().innerText()).toContain('社会保障卡申领');
    // A typo is answered by the item one character away; nothing in common offers nothing.
    await page.goto('/');
    await page.getByTestId('guide-search').pressSequentially('婚烟登记', { delay: 40 });
    await expect.poll(() => option.innerText()).toContain('内地居民结婚登记');
    await page.getByTestId('guide-search').fill('');
    await page.getByTestId('guide-search').pressSequentially('护照', { delay: 40 });
    await expect.poll(() => asked.at(-1)).toBe('护照');
    await page.waitForTimeout(500);
    expect(await page.locator('.ant-select-dropdown:visible [data-testid="suggest-option"]').count()).toBe(0);
    await page.context().close();
  });
});

describe('我的预约', () => {
  it('defaults to the first open slot, prefills from the account, lists the booking and cancels it', async () => {
    // Tue 2026-12-08 10:10 in Shanghai: today's 09:00–10:00 slots have begun.
    await fetch(`${e.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-08T02:10:00Z' }) });
    const cats = (await (await fetch(`${e.baseUrl}/api/hall/categories`)).json()) as { categories: { prefix: string; name: string }[] };
    const page = await e.page();
    await loginAs(page, 'citizen1');
    await page.getByTestId('nav-my-bookings').waitFor();
    await page.goto('/hall/booking');
    await pick(page, 'booking-category', `${cats.categories[0].prefix} ${cats.categories[0].name}`);
    // The first open slot is chosen: today 10:30, not the 09:00 slot already begun.
    await expect.poll(() => page.locator('.ant-card-head-title').filter({ hasText: '2026-12-08' }).first().innerText()).toContain('10:30');
    await expect.poll(() => page.getByTestId('booking-name').inputValue()).toBe('王立军');
    expect(await page.getByTestId('booking-id').inputValue()).toBe('620524199005122336');
    expect(await page.getByTestId('booking-phone').inputValue()).toBe('13919385566');
    await page.getByTestId('booking-submit').click();
    const code = (await page.getByTestId('booking-code').innerText()).split('：').pop()!.trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await page.getByTestId('booking-mine-link').first().click();
    const card = page.getByTestId(`my-booking-${code}`);
    await expect.poll(() => card.innerText()).toContain('2026-12-08 10:30');
    expect(await card.getAttribute('data-status')).toBe('booked');
    await card.getByTestId('my-booking-cancel').click();
    await card.getByTestId('my-booking-cancel-confirm').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('cancelled');
    expect(await card.getByTestId('my-booking-cancel').count()).toBe(0);
    await page.context().close();
  });
});
