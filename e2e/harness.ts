import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/core/config.js';
import { startServer } from '../src/server.js';

export interface E2E { baseUrl: string; browser: Browser; close(): Promise<void>; page(): Promise<Page> }

/** A real server (in-memory PGlite with demo data, test clock on) and headless Chromium. */
export async function startE2E(): Promise<E2E> {
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: 'memory://', testClock: true, demo: true, demoCases: false, databaseUrl: process.env.TEST_DATABASE_URL };
  const server = await startServer(config);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const baseUrl = server.address.replace('0.0.0.0', '127.0.0.1');
  return {
    baseUrl, browser,
    async page() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1366, height: 900 } });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await server.app.close();
      await server.ctx.database.close();
    },
  };
}

export async function loginAs(page: Page, username: string, password = 'banshi123') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Picks a select option; retried because the option list may re-render (staff still loading) under the click. */
export async function pick(page: Page, testId: string, option: string) {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor();
    await item.click();
    const ok = await expect.poll(() => select.innerText(), { timeout: 3_000 }).toContain(option).then(() => true, () => false);
    if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    if (ok) return;
    if (attempt === 3) throw new Error(`could not pick ${option} in ${testId}`);
  }
}

/** What an API call answered, when the caller wants to look at a refusal itself. */
export interface ApiAnswer { status: number; body: any }

/**
 * A signed-in API client (cookie + CSRF token) to set up data quickly. `get`, `post`, `put`
 * and `act` throw on a non-2xx answer, with its body (a setup step that fails stops the test
 * where it failed); `send` returns status and body whatever they are. `me` is the signed-in user.
 */
const SMALL_PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'banshi123' }) });
  if (!login.ok) throw new Error(`login ${username} → ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken, user } = await login.json() as { csrfToken: string; user: { id: string; windowId: string | null } & Record<string, any> };
  const send = async (method: string, url: string, body?: unknown): Promise<ApiAnswer> => {
    const res = await fetch(`${baseUrl}${url}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await send(method, url, body);
    if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const get = (url: string) => call('GET', url);
  return {
    me: user, send, get,
    post: (url: string, body: unknown = {}) => call('POST', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    /** Uploads a file (a one-page PDF unless given) as this user and returns its id. */
    upload: async (content = SMALL_PDF, name = 'scan.pdf', type = 'application/pdf'): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob([content], { type }), name);
      const res = await fetch(`${baseUrl}/api/files`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
      if (!res.ok) throw new Error(`upload → ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    /** A case action on the case's current version. */
    act: async (caseId: string, action: string, body: Record<string, unknown> = {}) =>
      call('POST', `/api/cases/${caseId}/actions/${action}`, { version: (await get(`/api/cases/${caseId}`)).version, ...body }),
  };
}

export type ApiClient = Awaited<ReturnType<typeof apiAs>>;
