/**
 * Speed on the wire: what a first visit transfers (bytes on the wire, as Chromium's network
 * layer counts them: CDP encodedDataLength, headers included), compressed and cached files, and
 * the portal home usable on DevTools' "Fast 3G" within 3 s. Budgets: portal home ≤ 300 KB, any
 * staff page ≤ 700 KB (docs/performance.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const KB = 1024;
/** DevTools' Fast 3G preset (front_end/core/sdk/NetworkManager.ts): 562.5 ms, 1.6 Mbit/s down × 0.9, 750 kbit/s up × 0.9. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };

/** Counts the bytes every response of the page took on the wire until the page is idle. */
async function transferred(page: Page, url: string, throttle = false) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const bytes = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (ev) => urls.set(ev.requestId, ev.response.url));
  const finished = new Map<string, number>();
  cdp.on('Network.loadingFinished', (ev) => {
    bytes.set(ev.requestId, ev.encodedDataLength);
    // The browser's own favicon request is not something the page waits for.
    if (!/\/favicon\.ico$/.test(urls.get(ev.requestId) ?? '')) finished.set(ev.requestId, Date.now());
  });
  const start = Date.now();
  await page.goto(url);
  return {
    start,
    /** When each response had fully arrived, ms after the start. */
    timeline: () => [...finished].map(([id, at]) => `${(urls.get(id) ?? id).replace(/^https?:\/\/[^/]+/, '')} ${at - start} ms`),
    /** When the last response that had arrived by `until` finished, ms after the start. */
    arrivedBy: (until: number) => Math.max(0, ...[...finished.values()].filter((at) => at <= until).map((at) => at - start)),
    async total() {
      await page.waitForLoadState('networkidle');
      const list = [...bytes].map(([id, n]) => ({ url: urls.get(id) ?? id, n }));
      return { bytes: list.reduce((s, r) => s + r.n, 0), list };
    },
  };
}

describe('speed on the wire', () => {
  it('serves brotli by Accept-Encoding, hashed assets immutable for a year, index.html no-cache', async () => {
    const html = await fetch(`${e.baseUrl}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const body = await (await fetch(`${e.baseUrl}/`)).text();
    const script = body.match(/src="(\/assets\/index-[^"]+\.js)"/)![1];
    const br = await fetch(`${e.baseUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const gz = await fetch(`${e.baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${e.baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // A client route (the SPA fallback) is index.html, compressed and not cached either.
    const route = await fetch(`${e.baseUrl}/my/cases`, { headers: { 'accept-encoding': 'br' } });
    expect(route.headers.get('content-encoding')).toBe('br');
    expect(route.headers.get('cache-control')).toBe('no-cache');
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    it(`portal home at ${viewport.width} px: ≤ 300 KB, no staff, chart or table code`, async () => {
      const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport });
      const page = await context.newPage();
      const run = await transferred(page, '/');
      await page.getByTestId('guide-search').waitFor();
      await page.locator('[data-testid^=item-link-]').first().waitFor();
      const { bytes, list } = await run.total();
      console.log(`portal home ${viewport.width}px: ${(bytes / KB).toFixed(1)} KB in ${list.length} responses`);
      expect(bytes).toBeLessThanOrEqual(300 * KB);
      expect(list.map((r) => r.url).filter((u) => /echarts|Page-|exceljs/.test(u))).toEqual([]);
      await context.close();
    });
  }

  // The 3 s goal is measured and printed, not asserted: the time depends on how busy the
  // machine is (CI runs two browser files at a time, and the server shares the two cores), and
  // a timing assertion there fails on load, not on code. The bytes are held to their budget
  // above; here the page must become usable on Fast 3G at all (docs/performance.md keeps the times).
  it('portal home on Fast 3G: the search box takes input (time printed)', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const run = await transferred(page, '/', true);
    await page.getByTestId('guide-search').fill('低保');
    const now = Date.now();
    console.log(`portal home on Fast 3G: last byte needed at ${run.arrivedBy(now)} ms, usable after ${now - run.start} ms; arrived: ${run.timeline().join(', ')}`);
    expect(await page.getByTestId('guide-search').inputValue()).toBe('低保');
    await context.close();
  });

  for (const [user, path, ready] of [
    ['window1', '/workbench/cases', '[data-testid=worklist-search]'],
    ['admin', '/admin/stats', '[data-testid=stats-export]'],
    ['admin', '/admin/catalog', '[data-testid=new-item-button]'],
    ['leader1', '/supervision', '.bs-content .ant-card'],
  ] as const) {
    it(`staff page ${path}: ≤ 700 KB`, async () => {
      const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      await context.request.post('/api/auth/login', { data: { username: user, password: 'banshi123' } });
      const page = await context.newPage();
      const run = await transferred(page, path);
      await page.locator(ready).first().waitFor({ timeout: 30_000 }).catch(async (err) => { await page.screenshot({ path: `.tmp/screens/wire-fail-${user}.png` }); throw err; });
      const { bytes, list } = await run.total();
      console.log(`${path}: ${(bytes / KB).toFixed(1)} KB in ${list.length} responses`);
      expect(bytes).toBeLessThanOrEqual(700 * KB);
      await context.close();
    });
  }
});
