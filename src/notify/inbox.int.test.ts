import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { and, eq, sql } from 'drizzle-orm';
import { TEMP_RELIEF, must, walkIn } from '../../test/cases.js';
import { outbox } from '../core/outbox/schema.js';
import { renderNotice } from './templates.js';

let t: TestApp;
let window1: Client, coord: Client, handler: Client, other: Client, citizen: Client;
let handlerId: string;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' });
  [window1, coord, handler, other, citizen] = await Promise.all(['window1', 'coord1', 'handler1', 'mz_handler2', 'citizen1'].map((u) => t.login(u)));
  handlerId = (await handler.get('/api/auth/me')).body.user.id;
});
afterAll(async () => { await t?.close(); });

/** A 临时救助 case accepted at the window and assigned to handler1. */
async function assignedCase(name: string) {
  const { body } = await window1.post('/api/cases', walkIn(TEMP_RELIEF, name));
  await must(window1, body.id, 'accept', { provided: ['application', 'id-card', 'hardship-proof', 'verification-consent'] });
  await must(coord, body.id, 'assign', { userId: handlerId });
  return body as { id: string; caseNo: string };
}

describe('in-app notification list', () => {
  it('an assignment gives the handler an unread notice that names the case and links to it', async () => {
    const before = (await handler.get('/api/notifications')).body.unread as number;
    const c = await assignedCase('钱小红');
    const res = await handler.get('/api/notifications');
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(before + 1);
    const [n] = res.body.items;
    expect(n).toMatchObject({ template: 'case.assigned', title: `新分办：${c.caseNo}`, link: `/cases/${c.id}`, read: false });
    expect(n.text).toBe(`办件${c.caseNo}（临时救助）已分办给您，请及时办理。`);
    expect(Math.abs(Date.parse(n.createdAt) - Date.parse('2026-03-02T01:00:00Z'))).toBeLessThan(60_000); // the test clock ticks on
  });

  it('marks one notice read, then all; the count follows', async () => {
    await assignedCase('孙一');
    await assignedCase('孙二');
    const list = (await handler.get('/api/notifications')).body;
    expect(list.unread).toBeGreaterThanOrEqual(2);
    const first = list.items[0];
    const read = await handler.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.id, read: true });
    const again = await handler.post(`/api/notifications/${first.id}/read`); // idempotent: the first read time stays
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = (await handler.get('/api/notifications')).body;
    expect(after.unread).toBe(list.unread - 1);
    expect(after.items.find((i: { id: number }) => i.id === first.id).read).toBe(true);

    const all = await handler.post('/api/notifications/read-all');
    expect(all.body.marked).toBe(list.unread - 1);
    const none = (await handler.get('/api/notifications')).body;
    expect(none.unread).toBe(0);
    expect(none.items.every((i: { read: boolean }) => i.read)).toBe(true);
  });

  it('another user neither sees nor marks the handler’s notice; read-all touches only one’s own', async () => {
    await assignedCase('周三');
    const mineList = (await handler.get('/api/notifications')).body;
    const target = mineList.items[0];
    expect(target.read).toBe(false);
    const otherList = (await other.get('/api/notifications')).body;
    expect(otherList.items.map((i: { id: number }) => i.id)).not.toContain(target.id);
    const denied = await other.post(`/api/notifications/${target.id}/read`);
    expect(denied.status).toBe(404);
    expect(denied.body.error).toMatchObject({ code: 'not_found', messageZh: '通知不存在' });
    expect((await citizen.post(`/api/notifications/${target.id}/read`)).status).toBe(404);
    await other.post('/api/notifications/read-all');
    await citizen.post('/api/notifications/read-all');
    const still = (await handler.get('/api/notifications')).body;
    expect(still.unread).toBe(mineList.unread);
    expect(still.items[0]).toMatchObject({ id: target.id, read: false });
  });

  it('SMS rows are not in-app notices: the applicant’s acceptance SMS names the promised date, and cannot be marked as an in-app notice', async () => {
    const c = await assignedCase('吴四');
    const [sms] = await t.ctx.db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), sql`${outbox.payload}->>'caseId' = ${c.id}`));
    expect(sms.template).toBe('case.accepted');
    const view = (await window1.get(`/api/cases/${c.id}`)).body;
    expect(renderNotice(sms.template, sms.payload).text).toContain(`您的办件${c.caseNo}（临时救助）已受理，承诺办结日期${view.clock.promisedDue}`);
    expect((await citizen.post(`/api/notifications/${sms.id}/read`)).status).toBe(404);
    expect((await handler.post(`/api/notifications/${sms.id}/read`)).status).toBe(404);
  });

  it('pages by keyset and validates its input', async () => {
    const p1 = (await handler.get('/api/notifications?limit=2')).body;
    expect(p1.items).toHaveLength(2);
    expect(p1.nextBefore).toBe(p1.items[1].id);
    const p2 = (await handler.get(`/api/notifications?limit=2&before=${p1.nextBefore}`)).body;
    expect(p2.items[0].id).toBeLessThan(p1.items[1].id);
    expect((await handler.get('/api/notifications?limit=500')).status).toBe(400);
    expect((await handler.post('/api/notifications/abc/read')).status).toBe(400);
    expect((await t.anon.get('/api/notifications')).status).toBe(401);
  });
});
