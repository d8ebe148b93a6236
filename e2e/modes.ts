/**
 * What the journey tests share: a browser context in a display mode (normal, 长辈版, English)
 * with its errors collected, signing in without the login page, axe-core's serious and critical
 * violations, and the Chinese left outside data in English (the rule of e2e/english.e2e.ts).
 */
import { expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2E } from './harness.js';

export type Mode = 'normal' | 'elderly' | 'en';
export const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1440, height: 900 }];
export const MODES: Mode[] = ['normal', 'elderly', 'en'];

/** A browser context in a display mode, with console errors and uncaught errors collected. */
export async function openIn(e: E2E, mode: Mode, viewport: { width: number; height: number }) {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'zh-CN', viewport });
  await context.addInitScript((m) => {
    if (m === 'elderly') localStorage.setItem('banshi.elderly', '1');
    if (m === 'en') localStorage.setItem('banshi.lang', 'en');
  }, mode);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`${page.url()}: uncaught ${err.message}`));
  return { context, page, errors };
}

export async function signIn(context: BrowserContext, username: string) {
  const res = await context.request.post('/api/auth/login', { data: { username, password: 'banshi123' } });
  expect(res.status()).toBe(200);
}

/** axe-core on the page (or a part of it): serious and critical violations, with where they are. */
export async function seriousAxe(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const r = await (include ? builder.include(include) : builder).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`);
}

/** Visible Chinese outside data (`translate="no"`, the language switch, and `alsoExempt`): text nodes and placeholders, with where they are. */
export function chineseShown(page: Page, alsoExempt = ''): Promise<string[]> {
  return page.evaluate((extra) => {
    const HAN = /\p{Script=Han}/u;
    const exempt = (el: Element) => !!el.closest(`[translate="no"], [data-testid="lang-switch"], script, style, noscript, title${extra ? `, ${extra}` : ''}`);
    const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const where = (el: Element) => {
      const tagged = el.closest('[data-testid]');
      return tagged ? `[${tagged.getAttribute('data-testid')}] ` : `<${el.tagName.toLowerCase()}.${(el.className || '').toString().split(' ')[0]}> `;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !HAN.test(text) || !el || exempt(el) || !visible(el)) continue;
      out.push(where(el) + text.slice(0, 80));
    }
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      const ph = el.getAttribute('placeholder') ?? '';
      if (HAN.test(ph) && !exempt(el) && visible(el)) out.push(`${where(el)}placeholder: ${ph}`);
    }
    return [...new Set(out)];
  }, alsoExempt);
}

/** Waits for the page to settle: network idle, loaders gone, running animations finished (bounded). */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid=page-loading]').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  // Colours measured mid-transition (a button turning enabled, a message fading in) are not the
  // page's colours: let running animations and transitions finish first (bounded).
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
    new Promise((r) => setTimeout(r, 2_000)),
  ]));
}

/** 长辈版's sizes: visible text under 18 px in the content, and buttons (of `buttons`) under 60 × 60. */
export async function elderlySizes(page: Page, buttons: string) {
  const smallText = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.bs-content') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || !el.checkVisibility()) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 18) out.push(`${px}px "${n.textContent!.trim().slice(0, 20)}"`);
    }
    return out.slice(0, 5);
  });
  const smallButtons = await page.locator(buttons).evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect()).filter((r) => r.height < 60 || r.width < 60).map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`));
  return { smallText: smallText.join(', '), smallButtons: smallButtons.join(', ') };
}
