/**
 * 免证办 in the browser: citizen1 holds a 结婚证 e-licence (a real approved 结婚登记); the online
 * 离婚登记 form offers it for the 结婚证 material with a consent checkbox instead of the upload,
 * and the filed case has that material provided without a file. The window intake offers it too
 * once the applicant's ID number is typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, loginAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const MARRIAGE = '62052400MZ-QR-0001';
const SPOUSE = { name: '钱晓梅', idNumber: '620524198203050025' };
const PDF = { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

describe('免证办', () => {
  it('the online form and the window intake use the held 结婚证 with consent instead of an upload', async () => {
    const citizen = await apiAs(e.baseUrl, 'citizen1');
    const window1 = await apiAs(e.baseUrl, 'window1');
    const PROVIDED = ['id-card', 'photo', 'declaration'];
    const materials = await Promise.all(PROVIDED.map(async (materialId) => ({ materialId, fileId: await citizen.upload() })));
    const married = await citizen.post('/api/cases', { itemCode: MARRIAGE, channel: 'online', coApplicants: [SPOUSE], materials });
    await window1.act(married.id, 'accept', { provided: PROVIDED });
    await window1.act(married.id, 'decide', { outcome: 'approved' });
    const [licence] = (await citizen.get(`/api/licences?caseId=${married.id}`)).items;
    expect(licence.type).toBe('结婚证');

    const divorce = (await citizen.get('/api/public/items?q=' + encodeURIComponent('离婚登记'))).items.find((i: { name: string }) => i.name === '内地居民离婚登记').code as string;
    const guide = await citizen.get(`/api/public/items/${divorce}`);
    const page = await e.page();
    await loginAs(page, 'citizen1');
    await page.goto(`/apply/${divorce}`);
    const choice = page.getByTestId('apply-licence-marriage-certificate');
    await choice.waitFor({ timeout: 15_000 });
    expect(await choice.innerText()).toContain(`使用电子证照：结婚证 ${licence.licenceNo}`);
    // Not consented yet: the upload is still there.
    expect(await page.getByTestId('apply-upload-marriage-certificate').count()).toBe(1);
    await page.getByTestId('apply-licence-marriage-certificate-consent').click();
    await expect.poll(() => page.getByTestId('apply-upload-marriage-certificate').count()).toBe(0);
    await page.getByTestId('apply-co-name-0').fill(SPOUSE.name);
    await page.getByTestId('apply-co-id-0').fill(SPOUSE.idNumber);
    const rest = guide.materials.filter((m: { id: string; required: string; source: string }) => m.required === 'required' && m.source !== 'sharing' && m.id !== 'marriage-certificate');
    for (const m of rest) {
      await page.getByTestId(`apply-upload-${m.id}`).locator('input[type=file]').setInputFiles(PDF);
      await page.getByTestId(`apply-upload-${m.id}-file`).waitFor({ timeout: 15_000 });
    }
    await expect.poll(() => page.getByTestId('apply-missing-hint').count()).toBe(0);
    await page.getByTestId('apply-submit').click();
    const caseNo = (await page.getByTestId('apply-case-no').innerText({ timeout: 15_000 })).trim();
    const mine = (await citizen.get('/api/cases?pageSize=50')).items.find((c: { caseNo: string }) => c.caseNo === caseNo);
    const filed = await citizen.get(`/api/cases/${mine.id}`);
    expect(filed.materials.find((m: { materialId: string }) => m.materialId === 'marriage-certificate')).toMatchObject({ provided: true, fileId: null });

    // The window: typing the applicant's ID number offers the same licence.
    const staff = await e.page();
    await loginAs(staff, 'window1');
    await staff.goto(`/workbench/intake?item=${divorce}`);
    await staff.getByTestId('intake-applicant-id').locator('xpath=self::input|.//input').first().fill('620524199005122336');
    const offer = staff.getByTestId('intake-licence-marriage-certificate');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.innerText()).toContain(licence.licenceNo);
  });
});
