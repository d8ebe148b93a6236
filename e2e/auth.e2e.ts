import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness.js';

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
