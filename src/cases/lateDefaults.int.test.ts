/**
 * Defaults applied late: the server was down (or the job behind) for days after a step fell
 * due. The step is dated on its due day — event time, decision/closing date, the part's
 * deemed day — while the audit row keeps the real time of writing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { must, TEMP_RELIEF, walkIn } from '../../test/cases.js';
import { rows } from '../core/db/index.js';
import { startOfDay } from '../core/dueDay.js';

let t: TestApp;
let window1: Client, coord: Client;
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = async () => (await t.anon.post('/api/test/sweep')).body.changed as Record<string, number>;
const requiredOf = async (id: string) => (await window1.get(`/api/cases/${id}`)).body.materials
  .filter((m: { required: string; source: string }) => m.required === 'required' && m.source !== 'sharing').map((m: { materialId: string }) => m.materialId) as string[];
/** Audit times to the minute (the test clock keeps running after it is set). */
const auditAt = async (action: string, id: string) =>
  (await rows<{ at: string }>(t.ctx.db, sql`select at from audit_events where action = ${action} and entity_id = ${id}`)).map((r) => new Date(r.at).toISOString().slice(0, 16));
const shanghaiMidnight = (day: string) => startOfDay(day, 'Asia/Shanghai').toISOString();

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' }); // Monday
  await t.ctx.db.execute(sql`update service_item_versions set data = jsonb_set(data, '{overdueDefault}', '"deemedApproved"')
    where item_id = (select id from service_items where code = ${TEMP_RELIEF})`);
  [window1, coord] = await Promise.all(['window1', 'coord1'].map((u) => t.login(u)));
});
afterAll(async () => { await t?.close(); });

describe('a default applied after the server was down is dated on its due day', () => {
  it('starts a day at 00:00 in the center’s zone', () => {
    expect(shanghaiMidnight('2026-03-10')).toBe('2026-03-09T16:00:00.000Z');
    expect(startOfDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('超时默认 (deemedApproved): decided on deem_on, not the day the job ran', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '郑六'))).body;
    const accepted = await must(window1, c.id, 'accept', { provided: await requiredOf(c.id) });
    expect(accepted.deemOn).toBe('2026-03-10');
    // Down from the deem day until the next Monday: six days late, four working days.
    await setNow('2026-03-16T03:00:00Z');
    expect((await sweep())['overdue-default']).toBe(1);
    const view = (await coord.get(`/api/cases/${c.id}`)).body;
    expect(view).toMatchObject({ state: 'decided', outcome: 'approved' });
    const e = view.events.find((x: { action: string }) => x.action === 'deemedApproval');
    expect(e.at).toBe(shanghaiMidnight('2026-03-10'));
    expect(e.data).toMatchObject({ deemedOn: '2026-03-10' });
    const [row] = await rows<{ closed_on: string; updated_at: string }>(t.ctx.db, sql`select closed_on::text, updated_at from cases where id = ${c.id}`);
    expect(row.closed_on).toBe('2026-03-10');
    expect(await auditAt('case.deemedApproval', c.id)).toEqual(['2026-03-16T03:00']);
  });

  it('on its due day itself the default keeps the time it ran', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '孙九'))).body;
    await must(window1, c.id, 'accept', { provided: await requiredOf(c.id) });
    await setNow('2026-03-10T02:30:00Z');
    expect((await sweep())['overdue-default']).toBe(1);
    const view = (await coord.get(`/api/cases/${c.id}`)).body;
    expect(view.events.find((x: { action: string }) => x.action === 'deemedApproval').at.slice(0, 16)).toBe('2026-03-10T02:30');
  });

  it('a supplement notice unanswered for 30 days withdraws the case on the day it ran out', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const c = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '钱十'))).body;
    await must(window1, c.id, 'notifySupplement', { missing: ['hardship-proof'], note: '请补充困难证明' });
    // 30 days later is 2026-04-01 09:00 in Shanghai; the job runs a week later.
    await setNow('2026-04-08T01:00:00Z');
    expect((await sweep())['supplement-timeout']).toBe(1);
    const view = (await coord.get(`/api/cases/${c.id}`)).body;
    expect(view.state).toBe('withdrawn');
    const e = view.events.filter((x: { action: string }) => x.action === 'withdraw').at(-1);
    expect(e.at).toBe(shanghaiMidnight('2026-04-01'));
    expect(e.data).toMatchObject({ reason: 'supplementTimeout', on: '2026-04-01' });
    const [row] = await rows<{ closed_on: string }>(t.ctx.db, sql`select closed_on::text from cases where id = ${c.id}`);
    expect(row.closed_on).toBe('2026-04-01');
    expect(await auditAt('case.withdraw', c.id)).toEqual(['2026-04-08T01:00']);
  });
});

describe('joint part deemed consent applied late', () => {
  const PERMIT = '62052400ZJ-XK-0001';
  const company = { itemCode: PERMIT, channel: 'window', applicant: { kind: 'organization', name: '清渭县宏远建设有限公司', idNumber: '91620524MA7ABCDE16', phone: '13800002222' } };

  it('records the part as deemed on its deem day, with the event on that day', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const created = await window1.post('/api/cases', company);
    expect(created.status).toBe(201);
    const view = await must(window1, created.body.id, 'accept', { provided: ['application', 'construction-contract', 'drawing-review', 'fire-design', 'funding-pledge'] });
    const first = view.participants.find((p: { deemOn: string }) => p.deemOn === '2026-03-10');
    expect(first).toBeTruthy();
    await setNow('2026-03-13T02:00:00Z'); // Friday: three days after the deem day
    expect((await sweep())['joint-overdue-defaults']).toBe(1);
    const leader = await t.login('zj_leader');
    const after = (await leader.get(`/api/cases/${created.body.id}`)).body;
    const part = after.participants.find((p: { department: { id: string } }) => p.department.id === first.department.id);
    expect(part).toMatchObject({ state: 'deemed', deemedOn: '2026-03-10' });
    const e = after.events.find((x: { action: string }) => x.action === 'deemConsent');
    expect(e.at).toBe(shanghaiMidnight('2026-03-10'));
    expect(e.data).toMatchObject({ on: '2026-03-10' });
  });
});
