import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, must, TEMP_RELIEF, walkIn } from '../../test/cases.js';

let t: TestApp;
let window1: Client, coord: Client, handler: Client;
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = async () => (await t.anon.post('/api/test/sweep')).body.changed as Record<string, number>;
const count = async (q: ReturnType<typeof sql>) => Number(((await t.ctx.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
const requiredOf = async (id: string) => (await window1.get(`/api/cases/${id}`)).body.materials
  .filter((m: { required: string; source: string }) => m.required === 'required' && m.source !== 'sharing').map((m: { materialId: string }) => m.materialId) as string[];
const listed = async (c: Client, light: string) => (await c.get(`/api/cases?light=${light}&limit=100`)).body.items.map((i: { id: string }) => i.id) as string[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' }); // Monday
  // 临时救助 becomes an item whose law deems consent when its promised time runs out, with 2 working
  // days to bring owed materials (before any case reads the version).
  await t.ctx.db.execute(sql`update service_item_versions set data = jsonb_set(jsonb_set(data, '{overdueDefault}', '"deemedApproved"'), '{owedWorkingDays}', '2')
    where item_id = (select id from service_items where code = ${TEMP_RELIEF})`);
  [window1, coord, handler] = await Promise.all(['window1', 'coord1', 'handler1'].map((u) => t.login(u)));
});
afterAll(async () => { await t?.close(); });

describe('接件 → 受理 within 3 working days', () => {
  it('lights a case waiting at the desk green, yellow on its last day, red after it, on the worklist', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(LOW_INCOME, '周四'))).body;
    const receipt = (await window1.get(`/api/cases/${c.id}`)).body.documents[0];
    expect(receipt.kind).toBe('receipt');
    const html = (await window1.get(`/api/cases/${c.id}/documents/${receipt.id}`)).body as string;
    expect(html).toContain('接件回执');
    expect(html).toContain('2026年3月5日'); // the acceptance decision's deadline
    expect(await listed(window1, 'green')).toContain(c.id);
    await setNow('2026-03-05T01:00:00Z');
    expect(await listed(window1, 'yellow')).toContain(c.id);
    await setNow('2026-03-06T01:00:00Z');
    expect(await listed(window1, 'red')).toContain(c.id);
    expect(await listed(window1, 'green')).not.toContain(c.id);
    const item = (await window1.get('/api/cases?limit=100')).body.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ light: 'red', acceptBy: '2026-03-05' });
  });
});

describe('容缺: the pledge states its deadline, and an overdue one turns the light and tells the window', () => {
  it('prints the deadline on the pledge, lights red after it and notifies once', async () => {
    await setNow('2026-03-09T01:00:00Z'); // Monday
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '吴五'))).body;
    const required = await requiredOf(c.id);
    const owed = ['hardship-proof'];
    const accepted = await must(window1, c.id, 'acceptConditional', { owed, provided: required.filter((m) => !owed.includes(m)) });
    expect(accepted.pledge).toEqual({ owedBy: '2026-03-11', overdue: false }); // the item's 2 working days
    const pledge = accepted.documents.find((d: { kind: string }) => d.kind === 'pledge');
    const html = (await window1.get(`/api/cases/${c.id}/documents/${pledge.id}`)).body as string;
    expect(html.replace(/<[^>]+>/g, '')).toContain('在2026年3月11日前补齐');
    expect(html).toContain('超期处理办法');
    await setNow('2026-03-11T09:00:00Z');
    expect((await sweep())['pledge-overdue']).toBe(0);
    await setNow('2026-03-12T01:00:00Z');
    expect((await sweep())['pledge-overdue']).toBe(1);
    expect((await sweep())['pledge-overdue']).toBe(0); // once
    expect(await listed(window1, 'red')).toContain(c.id);
    expect(await count(sql`select count(*)::int as n from outbox where template = 'case.pledgeOverdue' and payload->>'caseId' = ${c.id}`)).toBe(1);
    const view = (await window1.get(`/api/cases/${c.id}`)).body;
    expect(view.clock.light).toBe('red');
    expect(view.events.map((e: { action: string }) => e.action)).toContain('pledgeOverdue');
    // Supplied: nothing owed, the deadline and the red light go.
    const supplied = await must(window1, c.id, 'supply', { provided: owed });
    expect(supplied.pledge).toBeNull();
    expect(supplied.clock.light).toBe('green');
  });
});

describe('超时默认 for a single-department case', () => {
  it('on the first working day after the promised due date the case is deemed approved, charged to the department, once', async () => {
    await setNow('2026-03-02T01:00:00Z'); // Monday
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '郑六'))).body;
    const accepted = await must(window1, c.id, 'accept', { provided: await requiredOf(c.id) });
    expect(accepted.clock.promisedDue).toBe('2026-03-09');
    expect(accepted.deemOn).toBe('2026-03-10');
    await setNow('2026-03-09T10:00:00Z'); // the due day itself: not yet
    expect((await sweep())['overdue-default']).toBe(0);
    await setNow('2026-03-10T01:00:00Z');
    expect((await sweep())['overdue-default']).toBe(1);
    expect((await sweep())['overdue-default']).toBe(0);
    const view = (await coord.get(`/api/cases/${c.id}`)).body;
    expect(view).toMatchObject({ state: 'decided', outcome: 'approved', deemOn: null });
    const e = view.events.find((x: { action: string }) => x.action === 'deemedApproval');
    expect(e.data).toMatchObject({ deemedOn: '2026-03-10', chargedTo: view.department.id, outcome: 'approved' });
    expect(await count(sql`select count(*)::int as n from outbox where template = 'case.deemedApproved' and payload->>'caseId' = ${c.id}`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from audit_events where action = 'case.deemedApproval' and entity_id = ${c.id}`)).toBe(1);
  });

  it('does not apply while the case is paused, nor to items without it', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const plain = (await window1.post('/api/cases', walkIn(LOW_INCOME, '王七'))).body;
    const a = await must(window1, plain.id, 'accept', { provided: await requiredOf(plain.id) });
    expect(a.deemOn).toBeNull();
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '冯八'))).body;
    await must(window1, c.id, 'accept', { provided: await requiredOf(c.id) });
    const handlerId = (await handler.get('/api/auth/me')).body.user.id;
    await must(coord, c.id, 'assign', { userId: handlerId });
    await must(handler, c.id, 'suspend', { procedure: 'expertReview', reason: '专家评审', plannedWorkingDays: 10 });
    await setNow('2026-03-11T01:00:00Z');
    await sweep();
    expect((await coord.get(`/api/cases/${c.id}`)).body.state).toBe('suspended');
  });
});
