/**
 * 好差评 of a 一件事 as a whole: once every item has its result, the applicant rates the whole
 * thing once on its progress view — at 390 px in 长辈版 (no pop-up), with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, loginAs, startE2E, type E2E } from './harness.js';
import { seriousAxe } from './modes.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('rating a 一件事 as a whole', () => {
  it('shows the form only when the results are ready, takes one rating and then shows it (390 px, 长辈版)', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const window1 = await apiAs(e.baseUrl, 'window1');
    // 公民婚育一件事 answered so that only 结婚登记 (即办 at the window) is chosen.
    const answers = { fertility: 'no', move: 'no' };
    const plan = await (await fetch(`${e.baseUrl}/api/public/things/marriage/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) })).json() as
      { fields: { key: string; kind: string }[]; materials: { key: string; handIn: string }[] };
    const formData = Object.fromEntries(plan.fields.map((f) => [f.key, f.kind === 'idNumber' ? '620524199005122336' : f.kind === 'phone' ? '13919385566' : f.kind === 'date' ? '2026-10-01' : '测试']));
    const materials = await Promise.all(plan.materials.filter((m) => m.handIn === 'applicant').map(async (m) => ({ key: m.key, fileId: await citizen.upload() })));
    const filed = await citizen.post('/api/bundles', { thingCode: 'marriage', answers, formData, materials, channel: 'online' }) as { id: string; parts: { caseId: string }[] };
    expect(filed.id, JSON.stringify(filed)).toBeTruthy();

    const page = await e.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => localStorage.setItem('banshi.elderly', '1'));
    await loginAs(page, 'citizen1');
    await page.goto(`/my/bundles/${filed.id}`);
    await page.getByTestId('bundle-parts').waitFor();
    // Still running: nothing to rate yet.
    expect(await page.getByTestId('bundle-rating').count()).toBe(0);

    let v = 1;
    for (const [action, body] of [['accept', {}], ['decide', { outcome: 'approved' }], ['markResultReady', {}]] as const) {
      const r = await window1.post(`/api/cases/${filed.parts[0]!.caseId}/actions/${action}`, { version: v, ...body }) as { version?: number };
      if (!r.version) throw new Error(`${action}: ${JSON.stringify(r)}`);
      v = r.version;
    }
    await page.reload();
    await page.getByTestId('bundle-rating').waitFor({ timeout: 15_000 });
    expect(await page.locator('.ant-modal:visible').count(), '长辈版: the form is on the page').toBe(0);
    expect(await seriousAxe(page, '[data-testid="bundle-rating"]')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll').toBe(true);
    await page.getByTestId('grade-5').click();
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId('bundle-rated').innerText(), { timeout: 15_000 }).toBe('非常满意');
    await page.screenshot({ path: '.tmp/screens/things-rating-390-elderly.png', fullPage: true });
    // Once only: the server refuses a second rating.
    const again = await citizen.send('POST', `/api/bundles/${filed.id}/rating`, { grade: 1, comment: '再评一次' });
    expect(again.status).toBe(409);
  });
});
