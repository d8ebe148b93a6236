import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E, pick } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认 (承诺件, 15 working days)
const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记 (即办件)
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

/** Fills an input whether the test id sits on the input or on an antd wrapper around it. */
const field = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input|self::textarea|.//input|.//textarea').first();

async function upload(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).locator('input[type=file]').setInputFiles({ name, ...PDF });
  await page.getByTestId(`${testId}-file`).waitFor({ timeout: 15_000 });
}


const caseState = (page: Page) => page.getByTestId('case-state').getAttribute('data-state');

async function openCase(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('case-state').waitFor({ timeout: 15_000 });
}

/** Clicks an action button, fills its modal, confirms, and waits for the case to reach `state`. */
async function act(page: Page, action: string, state: string, fill?: () => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  await page.getByTestId(`action-modal-${action}`).waitFor();
  // Let the modal finish opening before clicking inside it.
  await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
  if (fill) await fill();
  await page.getByTestId('action-confirm').click();
  await page.getByTestId(`action-modal-${action}`).waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    const msg = await page.getByTestId('action-error').innerText().catch(() => '');
    const busy = await page.getByTestId('action-confirm').getAttribute('class').catch(() => '');
    await page.screenshot({ path: `/tmp/e2e-fail-${action}.png` }).catch(() => undefined);
    throw new Error(`${action} did not complete: ${msg || err} [confirm: ${busy}]`);
  });
  await expect.poll(() => caseState(page), { timeout: 15_000 }).toBe(state);
}

const allowed = (page: Page) => page.getByTestId('case-actions').locator('[data-testid^="case-action-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('case-action-', '')));

describe('cases in the browser', () => {
  it('online application → supplement → acceptance → handling → decision → delivery, then the public progress query', async () => {
    // The citizen applies online with two of the four required materials.
    const citizen = await e.page();
    await loginAs(citizen, 'citizen1');
    await citizen.goto(`/guide/${LOW_INCOME}`);
    await citizen.getByTestId('apply-online').click();
    await citizen.waitForURL(`**/apply/${LOW_INCOME}`);
    await expect.poll(() => citizen.getByTestId('apply-applicant-name').innerText()).toBe('王立军');
    expect(await citizen.getByTestId('apply-shared-household-register').innerText()).toContain('部门共享免提交');
    await field(citizen, 'apply-description').fill('家庭人均收入低于本县低保标准，申请最低生活保障。');
    await upload(citizen, 'apply-upload-application', '申请书.pdf');
    await upload(citizen, 'apply-upload-id-card', '身份证.pdf');
    // Two of four: the page names the other two and will not file an incomplete application.
    await expect.poll(() => citizen.getByTestId('apply-missing-hint').innerText()).toContain('还需上传2项必要材料后才能提交');
    expect(await citizen.getByTestId('apply-missing-hint').innerText()).toContain('家庭经济状况核对授权书');
    expect(await citizen.getByTestId('apply-submit').isDisabled()).toBe(true);
    await upload(citizen, 'apply-upload-economic-statement', '申报表.pdf');
    await upload(citizen, 'apply-upload-verification-consent', '授权书.pdf');
    await expect.poll(() => citizen.getByTestId('apply-missing-hint').count()).toBe(0);
    await citizen.getByTestId('apply-submit').click();
    const caseNo = (await citizen.getByTestId('apply-case-no').innerText({ timeout: 15_000 })).trim();
    const queryCode = (await citizen.getByTestId('apply-query-code').innerText()).trim();
    expect(caseNo).toMatch(/^[0-9A-Z]{10,}$/);
    expect(queryCode.length).toBeGreaterThan(3);
    await citizen.getByTestId('apply-view-case').click();
    await citizen.getByTestId('case-state').waitFor();
    const caseUrl = new URL(citizen.url()).pathname;
    expect(await caseState(citizen)).toBe('submitted');
    expect(await citizen.getByTestId('material-status-application').getAttribute('data-status')).toBe('provided');
    expect(await citizen.getByTestId('material-status-economic-statement').getAttribute('data-status')).toBe('provided');

    // The window finds it on the worklist; two uploads are unusable: one supplement notice for both.
    const window = await e.page();
    await loginAs(window, 'window1');
    await window.goto('/workbench/cases');
    await field(window, 'worklist-search').fill(caseNo);
    await window.getByTestId('worklist-search-button').click();
    await window.getByTestId(`case-link-${caseNo}`).click();
    await window.getByTestId('case-state').waitFor();
    expect(await allowed(window)).toEqual(expect.arrayContaining(['accept', 'notifySupplement', 'refuse', 'return']));
    await act(window, 'notifySupplement', 'awaitingSupplement', async () => {
      const missing = window.getByTestId('action-field-missing');
      expect(await missing.locator('input[type=checkbox]:checked').count()).toBe(0); // everything was uploaded
      await missing.locator('input[value="economic-statement"]').check();
      await missing.locator('input[value="verification-consent"]').check();
      await field(window, 'action-field-note').fill('请补交家庭收入和财产状况申报表及核对授权书。');
    });
    await window.getByTestId('doc-link-supplement').waitFor();

    // The citizen supplies both on the case page.
    await openCase(citizen, caseUrl);
    expect(await allowed(citizen)).toEqual(expect.arrayContaining(['supply', 'withdraw']));
    await act(citizen, 'supply', 'submitted', async () => {
      await upload(citizen, 'action-field-file-economic-statement', '申报表.pdf');
      await upload(citizen, 'action-field-file-verification-consent', '授权书.pdf');
    });

    // The window accepts: the checklist is prefilled from what was uploaded.
    await openCase(window, caseUrl);
    await act(window, 'accept', 'accepted', async () => {
      const ticked = await window.getByTestId('action-field-provided').locator('input[type=checkbox]:checked').count();
      expect(ticked).toBe(4);
    });
    await window.getByTestId('doc-link-acceptance').waitFor();
    expect(await window.getByTestId('clock-promised-due').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await window.getByTestId('case-light').getAttribute('data-light')).toBe('green');

    // The coordinator assigns the handler; the handler completes three steps; the coordinator reviews.
    const coord = await e.page();
    await loginAs(coord, 'coord1');
    await openCase(coord, caseUrl);
    await act(coord, 'assign', 'inProgress', () => pick(coord, 'action-field-userId', '陈志刚'));
    expect(await coord.getByTestId('case-assignee').innerText()).toBe('陈志刚');

    const handler = await e.page();
    await loginAs(handler, 'handler1');
    await handler.goto('/workbench/cases?mine=1');
    await handler.getByTestId(`case-link-${caseNo}`).click();
    await handler.getByTestId('case-state').waitFor();
    for (const opinion of ['经济状况核对：家庭人均收入低于标准', '入户调查属实，民主评议通过', '公示7天无异议']) {
      const before = await handler.getByTestId('case-steps').getAttribute('data-current');
      await act(handler, 'completeStep', 'inProgress', () => field(handler, 'action-field-opinion').fill(opinion));
      await expect.poll(() => handler.getByTestId('case-steps').getAttribute('data-current')).toBe(String(Number(before) + 1));
    }
    expect(await allowed(handler)).not.toContain('completeStep');

    await openCase(coord, caseUrl);
    await act(coord, 'completeStep', 'inProgress', () => field(coord, 'action-field-opinion').fill('复核无误，报首席代表签批'));

    // The chief representative decides 准予.
    const chief = await e.page();
    await loginAs(chief, 'chief1');
    await openCase(chief, caseUrl);
    await act(chief, 'decide', 'decided', async () => {
      await chief.getByTestId('action-field-outcome-approved').click();
      await field(chief, 'action-field-reasons').fill('符合最低生活保障条件，准予确认');
    });
    expect(await chief.getByTestId('case-outcome').innerText()).toBe('准予');
    await chief.getByTestId('doc-link-approval').waitFor();

    // The window hands the result over and closes the case.
    await openCase(window, caseUrl);
    await act(window, 'markResultReady', 'resultReady');
    await act(window, 'deliver', 'delivered', () => window.getByTestId('action-field-mode-pickup').click());
    await act(window, 'complete', 'completed');
    await window.getByTestId('doc-link-completion').waitFor();
    expect(await window.getByTestId('case-events').innerText()).toContain('公示7天无异议');

    // Anyone with the number and the code sees 已办结 (the notices' QR codes point here).
    const anon = await e.page();
    await anon.goto(`/progress?caseNo=${encodeURIComponent(caseNo)}&queryCode=${encodeURIComponent(queryCode)}`);
    await expect.poll(() => anon.getByTestId('progress-state-label').innerText(), { timeout: 15_000 }).toBe('已办结');
    expect(await anon.getByTestId('progress-history').innerText()).toContain('首席代表');
    // Staff are named (亮牌上岗, seed 000): the signer on the history, the handler on the card; the applicant stays masked.
    expect(await anon.getByTestId('progress-history').innerText()).toContain('周丽华');
    expect(await anon.getByTestId('progress-handler').innerText()).toContain('陈志刚');
    expect(await anon.getByTestId('progress-history').innerText()).not.toContain('王立军');
  });

  it('a walk-in 即办 case at the window from intake to 办结 in one sitting', async () => {
    const window = await e.page();
    await loginAs(window, 'window1');
    await window.getByTestId('nav-intake').click();
    await field(window, 'intake-item-search').fill('结婚登记');
    await window.getByTestId('intake-item-search-button').click();
    await window.getByTestId(`intake-pick-${MARRIAGE}`).click();
    await window.getByTestId('intake-checklist').waitFor();
    expect(await window.getByTestId('intake-material-row-marital-record').innerText()).toContain('部门共享免提交');
    await window.getByTestId('intake-kind-person').click();
    await field(window, 'intake-applicant-name').fill('赵文博');
    await field(window, 'intake-applicant-id').fill('620524199203154419');
    await field(window, 'intake-applicant-phone').fill('13809381234');
    // 结婚登记 names both parties: the other one is entered and checked like the applicant.
    await field(window, 'intake-co-name-0').fill('钱晓梅');
    await field(window, 'intake-co-id-0').fill('620524198203050026'); // wrong check digit
    await window.getByTestId('intake-submit').click();
    await expect.poll(() => window.getByText('身份证号码校验位错误，请核对').count()).toBeGreaterThan(0);
    await field(window, 'intake-co-id-0').fill('620524198203050025');
    for (const id of ['id-card', 'photo', 'declaration']) await window.getByTestId(`intake-material-${id}`).click();
    await window.getByTestId('intake-submit').click();
    await window.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await window.getByTestId('case-state').waitFor();
    expect(await caseState(window)).toBe('submitted');
    expect(await window.getByTestId('case-intake-hint').innerText()).toContain('可以受理');

    await act(window, 'accept', 'accepted', async () => {
      const ticked = await window.getByTestId('action-field-provided').locator('input[type=checkbox]:checked').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).sort());
      expect(ticked).toEqual(['declaration', 'id-card', 'photo']);
    });
    await act(window, 'decide', 'decided', () => window.getByTestId('action-field-outcome-approved').click());
    await act(window, 'markResultReady', 'resultReady');
    await act(window, 'deliver', 'delivered');
    await act(window, 'complete', 'completed');
    expect(await window.getByTestId('case-no-actions').innerText()).toContain('已结束');
    const kinds = await window.getByTestId('case-documents').locator('[data-testid^="doc-link-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(kinds).toEqual(expect.arrayContaining(['doc-link-acceptance', 'doc-link-approval', 'doc-link-completion']));
  });

  it('print views render with a QR code', async () => {
    const window = await e.page();
    await loginAs(window, 'window1');
    // Set up an accepted case through the API, then open its notice from the case page.
    const { csrfToken } = await (await window.request.get('/api/auth/me')).json();
    const headers = { 'x-csrf-token': csrfToken };
    const created = await window.request.post('/api/cases', {
      headers,
      data: { itemCode: MARRIAGE, channel: 'window', applicant: { kind: 'person', name: '孙晓燕', idNumber: '620524199506204428', phone: '13909385678' }, coApplicants: [{ name: '李建军', idNumber: '620524199408110030' }] },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const accepted = await window.request.post(`/api/cases/${id}/actions/accept`, { headers, data: { version: 1, provided: ['id-card', 'photo', 'declaration'] } });
    expect(accepted.status()).toBe(200);

    await openCase(window, `/cases/${id}`);
    const [doc] = await Promise.all([window.context().waitForEvent('page'), window.getByTestId('doc-link-acceptance').click()]);
    await doc.waitForLoadState();
    expect(await doc.locator('[data-testid=doc-title]').innerText()).toContain('受理通知书');
    expect(await doc.locator('[data-testid=doc-qr] svg').count()).toBe(1);
  });
});
