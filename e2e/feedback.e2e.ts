import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E, apiAs, type ApiClient } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const MARRIAGE = '62052400MZ-QR-0001';
const PROVIDED = ['id-card', 'photo', 'declaration'];
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${e.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, any>>);

/** The other party: 结婚登记 takes both (catalog coApplicants). */
const SPOUSE = { name: '钱晓梅', idNumber: '620524198203050025' };

/** A 即办 marriage registration completed at window 1 (online by the citizen when `citizen` is given). */
async function completed(citizen?: ApiClient) {
  const window1 = await apiAs(e.baseUrl, 'window1');
  const created = citizen
    ? await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', coApplicants: [SPOUSE], materials: await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() }))) })
    : await window1.post('/api/cases', { itemCode: MARRIAGE, channel: 'window', applicant: { kind: 'person', name: '孙小梅', idNumber: '620524199202021235', phone: '13800002222' }, coApplicants: [SPOUSE] });
  let v = 1;
  for (const [action, b] of [['accept', { provided: PROVIDED }], ['decide', { outcome: 'approved' }], ['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]] as const) {
    const r = await window1.post(`/api/cases/${created.id}/actions/${action}`, { version: v, ...b });
    if (!r.version) throw new Error(`${action}: ${JSON.stringify(r)}`);
    v = r.version;
  }
  return { id: String(created.id), caseNo: String(created.caseNo) };
}

describe('好差评 in the browser', () => {
  it('a citizen rates a completed case on the portal (我的办件)', async () => {
    await post('/api/test/clock', { now: '2026-04-24T01:00:00Z' });
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const c = await completed(citizen);
    const page = await e.page();
    await loginAs(page, 'citizen1');
    await page.getByTestId('nav-my-cases').click();
    await page.getByTestId(`rate-${c.caseNo}`).click();
    await page.getByTestId('grade-5').click();
    await page.getByTestId('rating-comment').fill('网上申请很方便');
    await page.getByTestId('rating-submit').click();
    await expect.poll(() => page.getByTestId(`rated-${c.caseNo}`).innerText(), { timeout: 15_000 }).toBe('非常满意');
    const summary = await (await fetch(`${e.baseUrl}/api/public/feedback/summary?groupBy=item`)).json() as { items: { label: string; rated: number }[] };
    expect(summary.items.find((i) => i.label === '内地居民结婚登记')?.rated).toBe(1);
    // The item's guide page shows its rating summary.
    await page.goto(`/guide/${MARRIAGE}`);
    await expect.poll(() => page.getByTestId('item-rating').innerText(), { timeout: 15_000 }).toBe('好评率 100.00%（1条评价）');
  });

  it('the window device page shows the case just served and takes a rating', async () => {
    const admin = await apiAs(e.baseUrl, 'admin');
    const window1 = await apiAs(e.baseUrl, 'window1');
    const bound = await admin.post('/api/feedback/devices', { windowId: window1.me.windowId });
    const page = await e.page();
    await page.setViewportSize({ width: 1280, height: 800 }); // a tablet
    await page.goto(`${bound.path}&ticket=A001`);
    await expect.poll(() => page.getByTestId('kiosk-window').innerText(), { timeout: 15_000 }).toContain('号窗口');
    // The window's last case today (rated in the first test) shows as thanked, not for rating again.
    await page.getByTestId('kiosk-thanks').waitFor({ timeout: 15_000 });
    const c = await completed();
    // The tablet polls: the served case appears without touching it.
    await expect.poll(() => page.getByTestId('kiosk-case').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('kiosk-case').innerText()).toBe('内地居民结婚登记');
    expect(await page.getByTestId('kiosk-page').innerText()).toContain(c.caseNo);
    await page.getByTestId('grade-4').click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('kiosk-thanks').waitFor({ timeout: 15_000 });
  });

  it('a department verifies and rectifies a bad review', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const c = await completed(citizen);
    const rated = await citizen.post('/api/feedback/evaluations', { caseId: c.id, grade: 1, comment: '让我跑了三趟' });
    expect(rated.state).toBe('assigned');
    const page = await e.page();
    await loginAs(page, 'coord1');
    await page.getByTestId('nav-feedback').click();
    await page.getByTestId(`review-verify-${c.caseNo}`).click();
    await page.getByTestId('verify-reason').fill('经调取窗口录像，一次性告知不到位，情况属实');
    await page.getByTestId('verify-evidence').locator('input[type=file]').setInputFiles({ name: '录像截图.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await expect.poll(() => page.getByTestId('verify-evidence').getAttribute('data-uploaded'), { timeout: 15_000 }).toBe('true');
    await page.getByTestId('review-action-ok').click();
    await expect.poll(() => page.getByTestId(`review-state-${c.caseNo}`).innerText(), { timeout: 15_000 }).toBe('整改中');
    expect(await page.getByTestId(`review-light-${c.caseNo}`).getAttribute('data-light')).toBe('green');
    const coordApi = await fetch(`${e.baseUrl}/api/feedback/evaluations/${rated.id}`, { headers: { cookie: await page.context().cookies().then((cs) => cs.map((x) => `${x.name}=${x.value}`).join('; ')) } }).then((r) => r.json() as Promise<{ verification: { fileIds: string[] } }>);
    expect(coordApi.verification.fileIds).toHaveLength(1);
    await page.getByTestId(`review-rectify-${c.caseNo}`).click();
    await page.getByTestId('rectify-measures').fill('组织窗口人员一次性告知制度培训，修订告知单');
    await page.getByTestId('review-action-ok').click();
    await expect.poll(() => page.getByTestId(`review-state-${c.caseNo}`).innerText(), { timeout: 15_000 }).toBe('已整改待回访');
  });

  it('an SMS link that is not valid says so plainly', async () => {
    const page = await e.page();
    await page.goto('/rate?token=forged.token-value');
    await expect.poll(() => page.getByTestId('sms-rate-error').innerText(), { timeout: 15_000 }).toContain('评价链接无效');
  });
});
