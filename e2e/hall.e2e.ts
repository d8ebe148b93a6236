import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const post = (path: string, body: unknown) =>
  fetch(`${e.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, any>>);

/** Replaces the browser's speech synthesis with a recorder (with or without a zh-CN voice). */
async function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
  await page.addInitScript((list) => {
    const w = window as unknown as { __spoken: string[] };
    w.__spoken = [];
    const synth = {
      speak(u: SpeechSynthesisUtterance) { w.__spoken.push(u.text); setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 10); },
      cancel() {}, pause() {}, resume() {}, getVoices: () => list.map((v) => ({ ...v, default: true, localService: true, voiceURI: v.name })),
      onvoiceschanged: null, speaking: false, pending: false, paused: false,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  }, voices);
}

describe('the hall in the browser', () => {
  it('kiosk ticket → the window calls it → the board shows it and speaks the call twice', async () => {
    await post('/api/test/clock', { now: '2026-12-03T01:00:00Z' }); // Thu 09:00 in Shanghai

    const board = await e.page();
    await stubSpeech(board, [{ lang: 'zh-CN', name: 'stub-zh' }]);
    await board.goto('/hall/board');
    await expect.poll(() => board.getByTestId('hall-live').innerText(), { timeout: 15_000 }).toBe('实时');
    await board.getByTestId('hall-sound').click();
    expect(await board.getByTestId('hall-novoice').count()).toBe(0);

    const kiosk = await e.page();
    await kiosk.goto('/hall/kiosk');
    // The ID number is checked by the shared identity rules: a wrong check digit is named, no ticket is taken.
    await kiosk.getByTestId('kiosk-id').fill('620524199005122337');
    await kiosk.getByTestId('kiosk-cat-C').click();
    await expect.poll(() => kiosk.getByTestId('kiosk-error').innerText()).toContain('身份证号码校验位错误，请核对');
    await kiosk.getByTestId('kiosk-id').fill('');
    await kiosk.getByTestId('kiosk-cat-C').click();
    await expect.poll(() => kiosk.getByTestId('kiosk-ticket-number').innerText()).toBe('C001');
    expect(await kiosk.getByTestId('kiosk-ticket-ahead').innerText()).toContain('前面还有0人');
    await expect.poll(() => board.getByTestId('hall-waiting-C').innerText()).toBe('1');

    const win = await e.page();
    await loginAs(win, 'window5');
    await win.goto('/hall/window');
    await win.getByTestId('window-callNext').click();
    await expect.poll(() => win.getByTestId('window-current-number').innerText()).toBe('C001');

    await expect.poll(() => board.getByTestId('hall-current-number').innerText()).toBe('C001');
    expect(await board.getByTestId('hall-current-text').innerText()).toBe('请C001号到5号窗口办理');
    await expect.poll(() => board.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken), { timeout: 15_000 })
      .toEqual(['请C001号到5号窗口办理', '请C001号到5号窗口办理']);
    await expect.poll(() => board.getByTestId('hall-waiting-C').innerText()).toBe('0');

    // Recall: spoken again; finish; the window screen shows nothing called.
    await win.getByTestId('window-recall').click();
    await expect.poll(() => board.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length), { timeout: 15_000 }).toBe(4);
    await win.getByTestId('window-finish').click();
    await expect.poll(() => win.getByTestId('window-current').innerText()).toContain('刚办结：C001');
  });

  it('a device without a Chinese voice shows a notice and still shows the call', async () => {
    const board = await e.page();
    await stubSpeech(board, [{ lang: 'en-US', name: 'stub-en' }]);
    await board.goto('/hall/board');
    await expect.poll(() => board.getByTestId('hall-live').innerText(), { timeout: 15_000 }).toBe('实时');
    await board.getByTestId('hall-sound').click();
    await expect.poll(() => board.getByTestId('hall-novoice').count()).toBe(1);
  });
});
