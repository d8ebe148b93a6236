/**
 * E-licences in the browser: a citizen's approved 结婚登记 issues a licence; 我的证照 lists it,
 * its A4 document opens, and the link its QR code carries opens the public verification page,
 * which says valid — and, after the department's leader revokes it, revoked. At 390 px in
 * 长辈版 and at 1440 px in English (no Chinese outside data), with axe; the header still fits
 * at 1366 px in Chinese with the new menu entry.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, startE2E, type E2E } from './harness.js';
import { chineseShown, openIn, seriousAxe, signIn, type Mode } from './modes.js';

const MARRIAGE = '62052400MZ-QR-0001';
let e: E2E;
let licence: { id: string; licenceNo: string };
beforeAll(async () => {
  e = await startE2E();
  mkdirSync('.tmp/screens', { recursive: true });
  const citizen = await apiAs(e.baseUrl, 'citizen1');
  const window1 = await apiAs(e.baseUrl, 'window1');
  const guide = await citizen.get(`/api/public/items/${encodeURIComponent(MARRIAGE)}`) as { materials: { id: string; required: string; source: string }[] };
  const need = guide.materials.filter((m) => m.required === 'required' && m.source !== 'sharing');
  const materials = await Promise.all(need.map(async (m) => ({ materialId: m.id, fileId: await citizen.upload() })));
  const created = await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', materials, coApplicants: [{ name: '钱晓梅', idNumber: '620524198203050025' }] }) as { id: string };
  await window1.act(created.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
  await window1.act(created.id, 'decide', { outcome: 'approved' });
  const list = await citizen.get(`/api/licences?caseId=${created.id}`) as { items: { id: string; licenceNo: string }[] };
  expect(list.items).toHaveLength(1);
  licence = list.items[0]!;
});
afterAll(async () => { await e?.close(); });

const RUNS: { mode: Mode; viewport: { width: number; height: number } }[] = [
  { mode: 'elderly', viewport: { width: 390, height: 844 } },
  { mode: 'en', viewport: { width: 1440, height: 900 } },
];

/** The verification page the licence's QR code opens, as its document carries it. */
let verifyUrl = '';

describe('我的证照 and the public verification', () => {
  for (const { mode, viewport } of RUNS) {
    it(`lists the licence, opens its document and its QR link says valid (${viewport.width} px, ${mode})`, async () => {
      const { context, page, errors } = await openIn(e, mode, viewport);
      await signIn(context, 'citizen1');
      await page.goto('/my/licences');
      const card = page.getByTestId(`my-licence-${licence.licenceNo}`);
      await card.waitFor();
      expect(await card.getAttribute('data-status')).toBe('valid');
      expect(await card.getByTestId('my-licence-type').innerText()).toBe('结婚证');
      expect(await seriousAxe(page)).toEqual([]);
      if (mode === 'en') expect(await chineseShown(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll').toBe(true);
      await page.screenshot({ path: `.tmp/screens/licences-my-${viewport.width}-${mode}.png`, fullPage: true });

      // 出示: a large QR code and the number.
      await card.getByTestId('my-licence-show').click();
      await page.getByTestId('show-licence-qr').waitFor();
      expect(await page.getByTestId('show-licence-no').innerText()).toBe(licence.licenceNo);
      expect(await seriousAxe(page)).toEqual([]);
      if (mode === 'en') expect(await chineseShown(page)).toEqual([]);
      await page.screenshot({ path: `.tmp/screens/licences-show-${viewport.width}-${mode}.png`, fullPage: true });

      // The document: the A4 licence with its seal and the QR link.
      const doc = await context.newPage();
      await doc.goto(`/api/licences/${licence.id}/document`);
      expect(await doc.getByTestId('doc-title').innerText()).toMatch(/^结\s*婚\s*证$/);
      expect(await doc.locator('body').innerText()).toContain('620524199005122336'); // the holder's own copy
      verifyUrl = (await doc.getByTestId('doc-qr').getAttribute('data-verify-url')) ?? '';
      expect(verifyUrl).toContain(`/verify/licence/${licence.licenceNo}?code=`);
      await doc.screenshot({ path: `.tmp/screens/licences-document-${viewport.width}-${mode}.png`, fullPage: true });

      // The QR link, opened by anyone (no login).
      const anon = await openIn(e, mode, viewport);
      await anon.page.goto(verifyUrl);
      const result = anon.page.getByTestId('verify-licence-result');
      await result.waitFor();
      expect(await result.getAttribute('data-result')).toBe('valid');
      expect(await anon.page.getByTestId('verify-licence-holder').innerText()).toBe('王*军');
      expect(await anon.page.locator('body').innerText()).not.toMatch(/王立军|620524199005122336/);
      expect(await seriousAxe(anon.page)).toEqual([]);
      if (mode === 'en') expect(await chineseShown(anon.page)).toEqual([]);
      await anon.page.screenshot({ path: `.tmp/screens/licences-verify-${viewport.width}-${mode}.png`, fullPage: true });
      expect([...errors, ...anon.errors]).toEqual([]);
      await anon.context.close();
      await context.close();
    });
  }

  it('keeps the Chinese header on one line at 1366 px with 我的证照', async () => {
    const { context, page } = await openIn(e, 'normal', { width: 1366, height: 768 });
    await signIn(context, 'citizen1');
    await page.goto('/my/licences');
    await page.getByTestId('my-licences-page').waitFor();
    // antd folds entries that do not fit into a "…" sub-menu: every entry must be shown itself.
    expect(await page.getByTestId('nav-my-licences').isVisible()).toBe(true);
    expect(await page.locator('.ant-menu-overflow-item-rest:visible').count()).toBe(0);
    await page.screenshot({ path: '.tmp/screens/licences-header-1366.png' });
    await context.close();
  });

  it('shows the staff the licence on the case page, and the public page says revoked once the leader revokes it', async () => {
    const leader = await apiAs(e.baseUrl, 'leader1');
    await leader.post(`/api/licences/${licence.id}/revoke`, { reason: '登记信息有误' });
    for (const { mode, viewport } of RUNS) {
      const anon = await openIn(e, mode, viewport);
      await anon.page.goto(verifyUrl);
      const result = anon.page.getByTestId('verify-licence-result');
      await result.waitFor();
      expect(await result.getAttribute('data-result')).toBe('revoked');
      if (mode === 'en') expect(await chineseShown(anon.page)).toEqual([]);
      expect(await seriousAxe(anon.page)).toEqual([]);
      await anon.page.screenshot({ path: `.tmp/screens/licences-revoked-${viewport.width}-${mode}.png`, fullPage: true });
      await anon.context.close();
    }
    const { context, page } = await openIn(e, 'normal', { width: 1440, height: 900 });
    await signIn(context, 'handler1');
    const caseId = (await (await apiAs(e.baseUrl, 'citizen1')).get(`/api/licences/${licence.id}`) as { caseId: string }).caseId;
    await page.goto(`/cases/${caseId}`);
    const box = page.getByTestId('case-licence');
    await box.waitFor();
    expect(await box.getAttribute('data-status')).toBe('revoked');
    expect(await page.getByTestId('case-licence-no').innerText()).toBe(licence.licenceNo);
    await context.close();
  });
});
