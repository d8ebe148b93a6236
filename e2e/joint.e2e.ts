import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E, pick } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const PERMIT = '62052400ZJ-XK-0001'; // 建筑工程施工许可: lead 住建, participants 自然资源 / 公安 / 生态环境
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
const PARTS = { zr: '清渭县自然资源局', ga: '清渭县公安局', hb: '天水市生态环境局清渭分局' };

const field = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input|self::textarea|.//input|.//textarea').first();
const caseState = (page: Page) => page.getByTestId('case-state').getAttribute('data-state');
const partState = (page: Page, dept: string) => page.getByTestId(`participant-${dept}`).getAttribute('data-state');


/** Clicks an action button, fills its modal, confirms, and waits for the modal to close and `done` to hold. */
async function act(page: Page, action: string, fill: (() => Promise<void>) | undefined, done: () => Promise<unknown>, expected: unknown) {
  await page.getByTestId(`case-action-${action}`).click();
  await page.getByTestId(`action-modal-${action}`).waitFor();
  await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
  if (fill) await fill();
  await page.getByTestId('action-confirm').click();
  await page.getByTestId(`action-modal-${action}`).waitFor({ state: 'detached', timeout: 15_000 }).catch(async (err) => {
    const msg = await page.getByTestId('action-error').innerText().catch(() => '');
    await page.screenshot({ path: `/tmp/e2e-joint-fail-${action}.png` }).catch(() => undefined);
    throw new Error(`${action} did not complete: ${msg || err}`);
  });
  await expect.poll(done, { timeout: 15_000 }).toBe(expected);
}

/** A participant department's staff finds its sub-task on the worklist and gives the opinion. */
async function giveOpinion(username: string, dept: string, caseNo: string, fill: (page: Page) => Promise<void>) {
  const page = await e.page();
  await loginAs(page, username);
  await page.goto('/workbench/cases');
  await page.getByTestId(`case-part-${caseNo}`).waitFor({ timeout: 15_000 });
  await page.getByTestId(`case-link-${caseNo}`).click();
  await page.getByTestId('case-participants').waitFor();
  expect(await partState(page, dept)).toBe('pending');
  await act(page, 'giveOpinion', () => fill(page), () => partState(page, dept), 'answered');
  await page.close();
}

describe('joint approval in the browser', () => {
  it('lead window accepts → three department workbenches give opinions → the lead decides', async () => {
    // The lead window (one window for the applicant) creates and accepts the joint case.
    const window = await e.page();
    await loginAs(window, 'window1');
    await window.getByTestId('nav-intake').click();
    await field(window, 'intake-item-search').fill('建筑工程施工许可');
    await window.getByTestId('intake-item-search-button').click();
    await window.getByTestId(`intake-pick-${PERMIT}`).click();
    await window.getByTestId('intake-checklist').waitFor();
    await window.getByTestId('intake-kind-organization').click();
    await field(window, 'intake-applicant-name').fill('清渭县宏远建设有限公司');
    await field(window, 'intake-applicant-id').fill('91620524MA7ABCDE16');
    await field(window, 'intake-applicant-phone').fill('13809382222');
    for (const id of ['application', 'construction-contract', 'drawing-review', 'fire-design', 'funding-pledge']) await window.getByTestId(`intake-material-${id}`).click();
    await window.getByTestId('intake-submit').click();
    await window.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await window.getByTestId('case-state').waitFor();
    const caseUrl = new URL(window.url()).pathname;
    const caseNo = (await window.getByTestId('case-no').innerText()).trim();
    expect(await window.getByTestId('case-green-channel').innerText()).toContain('绿色通道');
    await act(window, 'accept', undefined, () => caseState(window), 'accepted');
    await window.getByTestId('doc-link-jointAcceptance').waitFor();
    for (const dept of Object.values(PARTS)) expect(await partState(window, dept)).toBe('pending');

    // The joint acceptance notice lists the participants and the one due date.
    const [doc] = await Promise.all([window.context().waitForEvent('page'), window.getByTestId('doc-link-jointAcceptance').click()]);
    await doc.waitForLoadState();
    expect(await doc.locator('[data-testid=doc-title]').innerText()).toContain('联办受理通知书');
    const docText = await doc.locator('body').innerText();
    for (const dept of Object.values(PARTS)) expect(docText).toContain(dept);
    expect(docText).toContain('全案只有一个办结期限');

    // Each participant department, at its own workbench, gives its opinion.
    await giveOpinion('zr_coord', PARTS.zr, caseNo, async (p) => { await p.getByTestId('action-field-opinion-agree').click(); });
    await giveOpinion('ga_coord', PARTS.ga, caseNo, async (p) => {
      await p.getByTestId('action-field-opinion-agreeWithConditions').click();
      await field(p, 'action-field-text').fill('竣工前完成消防设施检测');
    });
    await giveOpinion('hb_chief', PARTS.hb, caseNo, async (p) => {
      await p.getByTestId('action-field-opinion-agree').click();
      await p.getByTestId('action-field-opinion-file').locator('input[type=file]').setInputFiles({ name: '环评审查意见.pdf', ...PDF });
      await p.getByTestId('action-field-opinion-file-file').waitFor({ timeout: 15_000 });
    });

    // The lead sees every part answered, handles its own steps and decides.
    const coord = await e.page();
    await loginAs(coord, 'zj_coord');
    await coord.goto('/workbench/cases');
    await coord.getByTestId(`case-green-${caseNo}`).waitFor({ timeout: 15_000 });
    await coord.goto(caseUrl);
    await coord.getByTestId('case-participants').waitFor();
    for (const dept of Object.values(PARTS)) expect(await partState(coord, dept)).toBe('answered');
    expect(await coord.getByTestId(`participant-opinion-${PARTS.ga}`).innerText()).toContain('竣工前完成消防设施检测');
    await act(coord, 'assign', () => pick(coord, 'action-field-userId', '吕鹏飞'), () => caseState(coord), 'inProgress');

    const handler = await e.page();
    await loginAs(handler, 'zj_handler');
    await handler.goto(caseUrl);
    await handler.getByTestId('case-state').waitFor();
    for (const opinion of ['施工许可条件符合', '并联审查意见已汇总：均同意，公安附条件']) {
      const before = await handler.getByTestId('case-steps').getAttribute('data-current');
      await act(handler, 'completeStep', () => field(handler, 'action-field-opinion').fill(opinion), () => handler.getByTestId('case-steps').getAttribute('data-current'), String(Number(before) + 1));
    }
    await coord.goto(caseUrl);
    await coord.getByTestId('case-state').waitFor();
    const before = await coord.getByTestId('case-steps').getAttribute('data-current');
    await act(coord, 'completeStep', () => field(coord, 'action-field-opinion').fill('复核同意，报分管领导签发'), () => coord.getByTestId('case-steps').getAttribute('data-current'), String(Number(before) + 1));

    const leader = await e.page();
    await loginAs(leader, 'zj_leader');
    await leader.goto(caseUrl);
    await leader.getByTestId('case-state').waitFor();
    await act(leader, 'decide', async () => {
      await leader.getByTestId('action-field-outcome-approved').click();
      await field(leader, 'action-field-reasons').fill('各联办部门意见均为同意，准予施工许可');
    }, () => caseState(leader), 'decided');
    await leader.getByTestId('doc-link-approval').waitFor();
    expect(await leader.getByTestId('case-events').innerText()).toContain('出具联办意见');
  });

  it('the lead calls and records a joint review meeting; the center appoints a green-channel coordinator and calls the next meeting', async () => {
    const window = await e.page();
    await loginAs(window, 'window1');
    const { csrfToken } = await (await window.request.get('/api/auth/me')).json();
    const headers = { 'x-csrf-token': csrfToken };
    const created = await window.request.post('/api/cases', {
      headers, data: { itemCode: PERMIT, channel: 'window', applicant: { kind: 'organization', name: '清渭县城投集团', idNumber: '91620524MA7ABCDE29', phone: '13809383333' } },
    });
    const { id } = await created.json();
    const accepted = await window.request.post(`/api/cases/${id}/actions/accept`, { headers, data: { version: 1, provided: ['application', 'construction-contract', 'drawing-review', 'fire-design', 'funding-pledge'] } });
    expect(accepted.status()).toBe(200);
    const meetings = (page: Page) => page.locator('[data-testid^="meeting-"]');

    const coord = await e.page();
    await loginAs(coord, 'zj_coord');
    await coord.goto(`/cases/${id}`);
    await coord.getByTestId('case-participants').waitFor();
    await act(coord, 'callMeeting', () => field(coord, 'action-field-place').fill('三楼联审会议室'), () => meetings(coord).count(), 1);
    expect(await meetings(coord).first().getAttribute('data-held')).toBe('false');
    // The panel names who called it: the lead department and the person.
    const leadCaller = coord.locator('[data-testid^="joint-meeting-caller-"]').first();
    expect(await leadCaller.getAttribute('data-side')).toBe('lead');
    expect(await leadCaller.innerText()).toMatch(/牵头部门（.+）/);

    // Three days later (the meeting defaults to tomorrow 09:00) the lead records it.
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await coord.request.post('/api/test/clock', { data: { now: later } })).status()).toBe(200);
    await coord.reload();
    await coord.getByTestId('case-participants').waitFor();
    await act(coord, 'recordMeeting', () => field(coord, 'action-field-minutes').fill('各部门到会，原则同意，会后出具书面意见'), () => meetings(coord).first().getAttribute('data-held'), 'true');

    const admin = await e.page();
    await loginAs(admin, 'admin');
    await admin.goto(`/cases/${id}`);
    await admin.getByTestId('case-state').waitFor();
    // The center's staff list is long (a virtual list): search it first. Retried like pick(): the list
    // may still be loading or animating in under the first click.
    const search = async () => {
      const select = admin.getByTestId('action-field-userId');
      for (let attempt = 1; ; attempt++) {
        await select.click();
        await admin.keyboard.type('孙建军');
        const option = admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '孙建军' }).first();
        await option.waitFor();
        await option.click();
        const ok = await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain('孙建军').then(() => true, () => false);
        if (ok) return;
        if (attempt === 3) throw new Error('could not pick 孙建军');
        await admin.keyboard.press('Escape');
      }
    };
    await act(admin, 'appointCoordinator', search, () => admin.getByTestId('case-green-coordinator').innerText(), '孙建军');

    // The center itself calls the next review meeting (seed 001: 由政务服务中心组织召开联席会议).
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${inFiveDays.getFullYear()}-${pad(inFiveDays.getMonth() + 1)}-${pad(inFiveDays.getDate())}T09:00`;
    await act(admin, 'callMeeting', async () => {
      await admin.getByTestId('meeting-called-by-center').waitFor();
      await field(admin, 'action-field-at').fill(local);
      await field(admin, 'action-field-place').fill('中心二楼联审会议室');
    }, () => meetings(admin).count(), 2);
    const centerCaller = admin.locator('[data-testid^="joint-meeting-caller-"]').nth(1);
    expect(await centerCaller.getAttribute('data-side')).toBe('center');
    expect(await centerCaller.innerText()).toContain('中心管理办公室 · 杨振华');
  });
});
