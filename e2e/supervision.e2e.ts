import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E, apiAs } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${e.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, any>>);

describe('supervision board in the browser', () => {
  it('shows a case turning red live when the clock moves and the sweep runs, without a reload', async () => {
    await post('/api/test/clock', { now: '2026-03-05T01:00:00Z' });
    const window1 = await apiAs(e.baseUrl, 'window1');
    const created = await window1.post('/api/cases', { itemCode: '62052400MZ-JF-0005', channel: 'window', applicant: { kind: 'person', name: '钱多多', idNumber: '62052419850303123X', phone: '13800003333' } });
    const accepted = await window1.post(`/api/cases/${created.id}/actions/accept`, { version: 1, provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] });
    expect(accepted.clock.promisedDue).toBe('2026-03-26');
    const caseNo = String(created.caseNo);

    const page = await e.page();
    await loginAs(page, 'super1');
    await page.getByTestId('nav-supervision').click();
    await expect.poll(() => page.getByTestId('board-live').innerText(), { timeout: 15_000 }).toBe('实时更新');
    await expect.poll(() => page.getByTestId('board-count-green').innerText(), { timeout: 15_000 }).not.toBe('0');
    expect(await page.getByTestId(`board-late-${caseNo}`).count()).toBe(0);
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    // The day after the promised due date: the sweep turns the case red and the board hears it.
    await post('/api/test/clock', { now: '2026-03-27T01:00:00Z' });
    const swept = await post('/api/test/sweep', {});
    expect(swept.changed['supervision-lights']).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId(`board-late-${caseNo}`).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId(`board-late-${caseNo}`).getAttribute('data-light')).toBe('red');
    expect(await page.getByTestId('board-count-red').innerText()).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The supervision order is listed with its printable document.
    await page.getByRole('tab', { name: '催办督办' }).click();
    await expect.poll(() => page.getByTestId('board-steps').innerText(), { timeout: 15_000 }).toContain('督办单');
  });

  it('shows 一件事 per thing and a running bundle turning red once its promised total has passed', async () => {
    await post('/api/test/clock', { now: '2026-03-30T01:00:00Z' }); // Monday
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const answers = { fertility: 'no', move: 'no' };
    const plan = await citizen.post('/api/public/things/marriage/plan', { answers });
    const formData: Record<string, unknown> = {};
    for (const f of plan.fields) formData[f.key] = f.kind === 'idNumber' ? '620524199005122336' : f.kind === 'phone' ? '13919385566' : f.kind === 'date' ? '2026-03-01' : '测试';
    const materials = [];
    for (const m of plan.materials.filter((x: { handIn: string }) => x.handIn === 'applicant')) materials.push({ key: m.key, fileId: await citizen.upload() });
    const bundle = await citizen.post('/api/bundles', { thingCode: 'marriage', answers, formData, materials, channel: 'online' });

    const page = await e.page();
    await loginAs(page, 'super1');
    await page.getByTestId('nav-supervision').click();
    // 结婚登记 alone is 即办: promised the filing day itself, so yellow today.
    await expect.poll(() => page.getByTestId(`board-bundle-${bundle.bundleNo}`).getAttribute('data-light'), { timeout: 15_000 }).toBe('yellow');
    const row = page.getByTestId('board-thing-marriage');
    expect(await row.innerText()).toContain('公民婚育一件事');

    await post('/api/test/clock', { now: '2026-03-31T01:00:00Z' });
    await page.reload();
    await expect.poll(() => page.getByTestId(`board-bundle-${bundle.bundleNo}`).getAttribute('data-light'), { timeout: 15_000 }).toBe('red');
    await page.getByTestId('board-things-filter').getByText('绿灯').click();
    await expect.poll(() => page.getByTestId(`board-bundle-${bundle.bundleNo}`).count(), { timeout: 15_000 }).toBe(0);
  });
});
