import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { rows } from '../core/db/index.js';
import { sealAll, verifyAuditChain } from '../core/audit/seal.js';
import { seedDemoCases } from './cases.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-20T03:00:00Z' }); // Friday 11:00 in Shanghai
  await seedDemoCases(t.ctx);
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('demo cases', () => {
  it('are filed through the engine in every stage a user should see', async () => {
    const states = await rows<{ state: string; n: number }>(t.ctx.db, sql`select state, count(*)::int as n from cases group by state`);
    expect(Object.fromEntries(states.map((r) => [r.state, r.n]))).toEqual({
      // The 一件事 adds 出生医学证明 and 生育登记 with their results and 出生登记 just started (submitted).
      submitted: 2, awaitingSupplement: 1, refused: 1, accepted: 2, inProgress: 4, suspended: 1, reportedUp: 1, completed: 3, resultReady: 3,
    });
    const events = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from case_events`);
    expect(events[0].n).toBeGreaterThan(40);
  });

  it('leave 王立军’s 新生儿出生一件事 in progress: two results in, one part started, two waiting', async () => {
    const citizen = await t.login('citizen1');
    const list = (await citizen.get('/api/bundles')).body;
    expect(list.items).toHaveLength(1);
    const v = (await citizen.get(`/api/bundles/${list.items[0].id}`)).body;
    // 3 working days promised, 2 gone: one left, within the yellow share.
    expect(v).toMatchObject({ thingName: '新生儿出生一件事', state: 'running', light: 'yellow', promisedWorkingDays: 3 });
    expect(Object.fromEntries(v.parts.map((p: { itemName: string; state: string }) => [p.itemName, p.state]))).toEqual({
      出生医学证明首次签发: 'resultReady', 生育登记: 'resultReady', 出生登记: 'started', 城乡居民基本医疗保险参保登记: 'waiting', 社会保障卡申领: 'waiting',
    });
    expect(v.parts.find((p: { itemName: string }) => p.itemName === '出生登记').startedOn).toBe('2026-03-19');
  });

  it('give the 民政局 worklist every light, and nothing dated after now', async () => {
    const coord = await t.login('coord1');
    const list = (await coord.get('/api/cases?limit=200')).body.items as { light: string | null; submittedAt: string }[];
    expect(new Set(list.map((c) => c.light))).toEqual(new Set([null, 'green', 'yellow', 'red', 'black']));
    expect(list.every((c) => c.submittedAt <= '2026-03-20T03:00:00.000Z')).toBe(true);
  });

  it('put the refusal in the 否定备案 queue and the joint case\'s first opinion on its panel', async () => {
    const admin = await t.login('admin');
    expect((await admin.get('/api/filings')).body.items).toHaveLength(1);
    const [joint] = await rows<{ id: string }>(t.ctx.db, sql`select id from cases where kind = 'joint'`);
    const view = (await admin.get(`/api/cases/${joint.id}`)).body;
    expect(view.participants.map((p: { state: string }) => p.state).sort()).toEqual(['answered', 'pending', 'pending']);
  });

  it('leave a fee case at the window waiting for its payment (90 元 into the treasury account)', async () => {
    const window1 = await t.login('window1');
    const [fee] = await rows<{ id: string }>(t.ctx.db, sql`select id from cases where state = 'resultReady' and id not in (select case_id from bundle_parts where case_id is not null)`);
    const fees = (await window1.get(`/api/fees/cases/${fee.id}`)).body;
    expect(fees).toMatchObject({ paymentDue: true, notice: { amountFen: 9000, status: 'unpaid', treasury: { accountNo: '27-365101040001234' } } });
    expect((await window1.get(`/api/cases/${fee.id}`)).body.allowedActions).not.toContain('deliver');
  });

  it('leave an audit trail that seals and verifies', async () => {
    await sealAll(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
  });
});
