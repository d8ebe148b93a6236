import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, must, walkIn } from '../../test/cases.js';

let t: TestApp;
let admin: Client, window1: Client, coord: Client, handler: Client, chief: Client;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' });
  [admin, window1, coord, handler, chief] = await Promise.all(['admin', 'window1', 'coord1', 'handler1', 'chief1'].map((u) => t.login(u)));
});
afterAll(async () => { await t?.close(); });

const ALL = { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] };

describe('negative filing (否定备案)', () => {
  it('files every refusal with the center, which confirms it', async () => {
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    await must(window1, body.id, 'refuse', { reasons: '申请人不属于本县户籍' });
    const queue = await admin.get('/api/filings?status=pending');
    const filing = queue.body.items.find((f: { caseId: string }) => f.caseId === body.id);
    expect(filing).toMatchObject({ kind: 'refusal', reasons: '申请人不属于本县户籍', status: 'pending' });
    expect((await admin.post(`/api/filings/${filing.id}/confirm`, { note: '理由充分' })).status).toBe(200);
    expect((await admin.post(`/api/filings/${filing.id}/confirm`, { note: 'again' })).body.error.code).toBe('invalid_transition');
    expect((await window1.get('/api/filings')).status).toBe(403);
  });

  it('overturning a denial reopens the case to the department with a redo deadline', async () => {
    const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME));
    await must(window1, body.id, 'accept', ALL);
    const handlerId = (await handler.get('/api/auth/me')).body.user.id;
    await must(coord, body.id, 'assign', { userId: handlerId });
    for (let i = 0; i < 3; i++) await must(handler, body.id, 'completeStep', { opinion: '核查' });
    await must(coord, body.id, 'completeStep', { opinion: '复核' });
    await must(chief, body.id, 'decide', { outcome: 'denied', reasons: '家庭收入超过低保标准' });
    const filing = (await admin.get('/api/filings?status=pending')).body.items.find((f: { caseId: string }) => f.caseId === body.id);
    expect(filing.kind).toBe('denial');
    const res = await admin.post(`/api/filings/${filing.id}/overturn`, { note: '收入核算有误，重新核定', redoWorkingDays: 5 });
    expect(res.body).toMatchObject({ state: 'inProgress', redoDue: '2026-03-09' });
    const view = await coord.get(`/api/cases/${body.id}`);
    expect(view.body).toMatchObject({ state: 'inProgress', outcome: null });
    expect(view.body.events.at(-1)).toMatchObject({ action: 'overturn', data: { redoDue: '2026-03-09', note: '收入核算有误，重新核定' } });
    expect(view.body.allowedActions).toContain('assign');
    const redo = (await coord.get('/api/notifications')).body.items.find((n: { template: string; link: string }) => n.template === 'case.redoOrdered' && n.link === `/cases/${body.id}`);
    expect(redo).toMatchObject({ title: `责令重办：${body.caseNo}`, read: false });
    expect(redo.text).toContain(`办件${body.caseNo}（最低生活保障审核确认）的否定性决定备案被撤销，请重新办理，重办期限2026-03-09`);
  });
});
