import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, pick, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('logging in and role menus', () => {
  it('shows each role only its menus, and logs out', async () => {
    const page = await e.page();
    await loginAs(page, 'admin');
    await expect.poll(() => page.getByTestId('header-user-name').innerText()).toBe('杨振华');
    expect(await page.getByTestId('nav-catalog').count()).toBe(1);
    expect(await page.getByTestId('nav-calendar').count()).toBe(1);
    await page.getByTestId('logout-button').click();
    await expect.poll(() => page.getByTestId('login-link').count(), { timeout: 10_000 }).toBe(1);

    const citizen = await e.page();
    await loginAs(citizen, 'citizen1');
    await expect.poll(() => citizen.getByTestId('header-user-name').innerText()).toBe('王立军');
    expect(await citizen.getByTestId('nav-catalog').count()).toBe(0);
    expect(await citizen.getByTestId('nav-calendar').count()).toBe(0);
    await citizen.goto('/admin/catalog');
    await expect.poll(() => citizen.getByTestId('forbidden').count(), { timeout: 10_000 }).toBe(1);
  });

  it('says why a wrong password fails', async () => {
    const page = await e.page();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });
});

describe('staff accounts and the first sign-in', () => {
  it('an admin creates a window clerk, who must change the initial password before anything else', async () => {
    const admin = await e.page();
    await loginAs(admin, 'admin');
    await admin.getByTestId('nav-accounts').click();
    await admin.getByTestId('account-row-window1').waitFor();
    await admin.getByTestId('account-new').click();
    await admin.getByTestId('account-username').fill('e2e_clerk');
    await admin.getByTestId('account-display-name').fill('孙小窗');
    await pick(admin, 'account-role', '受理人（窗口）');
    await admin.getByTestId('account-create').click();
    const shown = admin.getByTestId('initial-password');
    await shown.waitFor();
    const initial = (await shown.innerText()).trim();
    expect(initial).toMatch(/^[a-zA-Z2-9]{12}$/);
    await admin.getByTestId('initial-password-done').click();
    await expect.poll(() => admin.getByTestId('account-row-e2e_clerk').innerText()).toContain('待改初始密码');

    const clerk = await e.page();
    await loginAs(clerk, 'e2e_clerk', initial);
    await clerk.getByTestId('change-password-forced').waitFor();
    expect(await clerk.getByTestId('nav-intake').count()).toBe(0);
    // Any page of the app still shows only the password form.
    await clerk.goto('/workbench/intake');
    await clerk.getByTestId('change-password-forced').waitFor();
    await clerk.getByTestId('current-password').fill(initial);
    await clerk.getByTestId('new-password').fill('e2e_clerk-2026');
    await clerk.getByTestId('confirm-password').fill('e2e_clerk-2026');
    await clerk.getByTestId('change-password-submit').click();
    await expect.poll(() => clerk.getByTestId('change-password-error').innerText()).toContain('密码过于简单');
    await clerk.getByTestId('new-password').fill('Counter-Three-2026');
    await clerk.getByTestId('confirm-password').fill('Counter-Three-2026');
    await clerk.getByTestId('change-password-submit').click();
    await clerk.getByTestId('nav-intake').waitFor();
    expect(await clerk.getByTestId('change-password-page').count()).toBe(0);
    await expect.poll(() => clerk.getByTestId('header-user-name').innerText()).toBe('孙小窗');

    await admin.reload();
    await expect.poll(() => admin.getByTestId('account-row-e2e_clerk').innerText()).not.toContain('待改初始密码');
  });

  it('tells a user their account is locked and until when', async () => {
    const page = await e.page();
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('login-username').fill('window6');
      await page.getByTestId('login-password').fill(`wrong-${i}`);
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.locator('[data-testid="login-error"], [data-testid="login-locked"]').count()).toBe(1);
      if (i < 4) await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    }
    await expect.poll(() => page.getByTestId('login-locked').innerText()).toMatch(/已暂时锁定，请于 \d\d:\d\d 后再试/);
  });
});
