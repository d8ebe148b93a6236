import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const ELDERLY = '62052400MZ-JF-0009'; // 高龄津贴申领 (村级事项)

/** Fills an input whether the test id sits on the input or on an antd wrapper around it. */
const field = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input|self::textarea|.//input|.//textarea').first();

describe('agency service in the browser', () => {
  it('a marriage registration at an agency point takes the other party, checked like the window does', async () => {
    const page = await e.page();
    await loginAs(page, 'agent2');
    await page.getByTestId('agency-page').waitFor({ timeout: 15_000 });
    await field(page, 'agency-item-search').fill('结婚登记');
    await page.getByTestId('agency-item-search-button').click();
    await page.getByTestId('agency-pick-62052400MZ-QR-0001').click();
    await page.getByTestId('agency-co-applicants').waitFor();
    await page.getByTestId('agency-mode-accompany').click();
    await field(page, 'agency-resident-name').fill('石大勇');
    await field(page, 'agency-resident-id').fill('620524198001011239');
    await field(page, 'agency-resident-phone').fill('13993866666');
    await field(page, 'agency-co-name-0').fill('钱晓梅');
    await field(page, 'agency-co-id-0').fill('620524198203050026'); // wrong check digit
    await page.getByTestId('agency-submit-button').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts(), { timeout: 15_000 }).toContain('身份证号码校验位错误，请核对');
    await field(page, 'agency-co-id-0').fill('620524198203050025');
    for (const id of ['id-card', 'photo']) await page.getByTestId(`agency-material-${id}`).click();
    await page.getByTestId('agency-submit-button').click();
    await page.getByTestId('agency-submitted').waitFor({ timeout: 15_000 });
  });

  it('agent1 files a resident\'s case at the workbench and prints the hand-over sheet', async () => {
    const page = await e.page();
    await loginAs(page, 'agent1');
    // Agents land on their workbench; the menu names it.
    await page.getByTestId('agency-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('nav-agency').innerText()).toContain('代办工作台');

    await field(page, 'agency-item-search').fill('高龄津贴');
    await page.getByTestId('agency-item-search-button').click();
    await page.getByTestId(`agency-pick-${ELDERLY}`).click();
    await page.getByTestId('agency-item-name').waitFor();
    await page.getByTestId('agency-mode-proxy').click();
    await field(page, 'agency-resident-name').fill('柳老汉');
    await field(page, 'agency-resident-id').fill('620524194203081026');
    await field(page, 'agency-resident-phone').fill('13993865555');
    await field(page, 'agency-note').fill('老人行动不便，上门收件');
    for (const id of ['application', 'id-card', 'bank-account']) await page.getByTestId(`agency-material-${id}`).click();
    await page.getByTestId('agency-submit-button').click();
    await page.getByTestId('agency-submitted').waitFor({ timeout: 15_000 });
    const caseNo = await page.getByTestId('agency-case-no').innerText();
    expect(caseNo).toMatch(/^620524101\d{13}$/); // filed with the town center the village hands cases to

    const [sheet] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('agency-print-sheet').click()]);
    await sheet.waitForLoadState();
    expect(await sheet.locator('[data-testid=doc-title]').innerText()).toBe('代办交接单');
    expect(await sheet.locator('[data-testid=handover-stage]').innerText()).toContain('群众交代办员');
    const items = await sheet.locator('[data-testid=handover-items]').innerText();
    expect(items).toContain('高龄津贴申请表');
    expect(items).toContain('居民身份证');
    expect(await sheet.locator('[data-testid=doc-qr] svg').count()).toBe(1);
    expect(await sheet.content()).toContain(caseNo);

    // The case is in "my agency cases", with its hand-over and a print button.
    await page.getByTestId('agency-submit-again').click();
    await page.getByTestId('agency-tab-cases').click();
    await page.getByTestId(`agency-handovers-${caseNo}`).click();
    await page.getByTestId('handover-1').waitFor();
    expect(await page.getByTestId('handover-1').innerText()).toContain('柳老汉（申请人）');
    expect(await page.getByTestId('handover-print-1').getAttribute('href')).toMatch(/\/api\/cases\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36}$/);

    // The town window takes the materials from the agent and prints the second sheet.
    const town = await e.page();
    await loginAs(town, 'town_window1');
    await town.getByTestId('nav-agency').click();
    expect(await town.getByTestId('nav-agency').innerText()).toContain('代办管理');
    await town.getByTestId(`agency-handovers-${caseNo}`).click();
    await town.getByTestId('handover-record-agentToCenter').click();
    await field(town, 'handover-items').fill('高龄津贴申请表\n老年人居民身份证');
    await town.getByTestId('handover-confirm').click();
    await town.getByTestId('handover-2').waitFor({ timeout: 15_000 });
    expect(await town.getByTestId('handover-2').innerText()).toContain('朱红霞（中心受理人）');
    const [second] = await Promise.all([town.context().waitForEvent('page'), town.getByTestId('handover-print-2').click()]);
    await second.waitForLoadState();
    expect(await second.locator('[data-testid=handover-stage]').innerText()).toContain('代办员交中心');

    // Residents have no agency workbench.
    const citizen = await e.page();
    await loginAs(citizen, 'citizen1');
    expect(await citizen.getByTestId('nav-agency').count()).toBe(0);
    await citizen.goto('/agency');
    await expect.poll(() => citizen.getByTestId('forbidden').count(), { timeout: 10_000 }).toBe(1);
  });
});
