import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, pick, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const field = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=self::input|self::textarea|.//input|.//textarea').first();
const BRANCH = '第一党支部（综合受理窗口）';
// Branch 1's roll in the demo: ten members, one probationary (王静) and one retired (郑国栋).
const ROLL = ['李雪梅', '张婷', '马晓燕', '赵明', '刘志强', '孙丽娟', '周文斌', '吴海霞', '郑国栋', '王静'];

async function recordAssembly(page: Page, title: string, present: string[]) {
  await pick(page, 'meeting-org', BRANCH);
  await pick(page, 'meeting-kind', '支部党员大会');
  await page.getByTestId('attend-李雪梅').waitFor();
  for (const name of present) await page.getByTestId(`attend-${name}`).click();
  await field(page, 'meeting-title').fill(title);
  await field(page, 'meeting-minutes').fill('传达学习上级会议精神，讨论本月支部工作。');
  await page.getByTestId('meeting-save').click();
}

describe('party building in the browser', () => {
  it('a branch secretary records a branch meeting with attendance and sees the quorum result', async () => {
    const page = await e.page();
    await loginAs(page, 'window1');
    await page.getByTestId('nav-party').click();
    await page.getByTestId('party-page').waitFor();
    await page.getByTestId('party-tab-meetings').click();
    // Four of ten present: below half, the meeting cannot be held validly.
    await recordAssembly(page, '支部党员大会（到会不足）', ROLL.slice(0, 4));
    const thin = page.getByTestId('meeting-quorum');
    await expect.poll(() => thin.innerText(), { timeout: 10_000 }).toContain('到会人数不足');
    expect(await thin.innerText()).toContain('应到10人，实到4人');
    // All present: quorate; the record prints with the result.
    await recordAssembly(page, '支部党员大会（全体到会）', ROLL);
    await expect.poll(() => page.getByTestId('meeting-quorum').innerText(), { timeout: 10_000 }).toContain('到会人数符合规定：应到10人，实到10人');
    const [record] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('meeting-print').click()]);
    await record.waitForLoadState();
    expect(await record.locator('[data-testid=doc-title]').innerText()).toBe('支部党员大会记录');
    expect(await record.locator('[data-testid=record-present]').innerText()).toBe('10');
    expect(await record.locator('[data-testid=record-quorum]').innerText()).toContain('符合');
    // The year's missed frequencies are flagged per organization (the demo skipped a month).
    expect(await page.getByTestId(`missed-${BRANCH}`).innerText()).toContain('支部党员大会');
  });

  it('the secretary runs the yearly evaluation: 15 % cap refused, then submitted', async () => {
    const page = await e.page();
    await loginAs(page, 'window1');
    await page.goto('/party?tab=evaluation');
    await page.getByTestId('eval-status').waitFor();
    await expect.poll(() => page.getByTestId('eval-branch').innerText()).toContain(BRANCH);
    // The probationary member may only be "not graded"; the others get a grade.
    expect(await page.getByTestId('grade-王静-qualified').count()).toBe(0);
    await page.getByTestId('grade-王静-notGraded').click();
    for (const name of ROLL.filter((n) => n !== '王静')) await page.getByTestId(`grade-${name}-qualified`).click();
    await page.getByTestId('grade-李雪梅-excellent').click();
    await page.getByTestId('grade-张婷-excellent').click();
    expect(await page.getByTestId('eval-excellent').innerText()).toBe('2 / 1');
    await page.getByTestId('eval-submit').click();
    await expect.poll(() => page.getByTestId('eval-error').innerText(), { timeout: 10_000 }).toContain('不得超过15%');
    await page.getByTestId('grade-张婷-qualified').click();
    await page.getByTestId('eval-submit').click();
    await expect.poll(() => page.getByTestId('eval-status').innerText(), { timeout: 10_000 }).toContain('已报送');
    const [summary] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('eval-summary').click()]);
    await summary.waitForLoadState();
    expect(await summary.locator('[data-testid=doc-title]').innerText()).toBe('民主评议党员结果汇总表');
    expect(await summary.locator('[data-testid=summary-counts]').innerText()).toMatch(/优秀[\s\S]*1/);
  });

  it('a member reads only their own record', async () => {
    const page = await e.page();
    await loginAs(page, 'window4');
    await page.goto('/party');
    await page.getByTestId('party-me').waitFor();
    expect(await page.getByTestId('party-me').innerText()).toContain('赵明');
    expect(await page.getByTestId('party-tab-meetings').count()).toBe(0);
  });
});
