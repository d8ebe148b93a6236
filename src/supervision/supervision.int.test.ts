import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, must, walkIn } from '../../test/cases.js';
import { outbox } from '../core/outbox/schema.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import { accountabilityRecords, ladderSteps } from './schema.js';
import { sealAll, verifyAuditChain } from '../core/audit/seal.js';

let t: TestApp;
let window1: Client, coord: Client, handler: Client, chief: Client, leader: Client, super1: Client;
const ids: Record<string, string> = {};
const MATERIALS = ['application', 'id-card', 'economic-statement', 'verification-consent'];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-05T01:00:00Z' });
  [window1, coord, handler, chief, leader, super1] = await Promise.all(['window1', 'coord1', 'handler1', 'chief1', 'leader1', 'super1'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
});
afterAll(async () => { await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = async () => (await t.anon.post('/api/test/sweep')).body.changed as Record<string, number>;
const stepsOf = (caseId: string) => t.ctx.db.select().from(ladderSteps).where(eq(ladderSteps.caseId, caseId));
/** The case's stored clock columns, its queue entry and its row version (xmin changes with every rewrite of the row). */
const storedClock = async (caseId: string) => (await t.ctx.db.execute(sql`
  select c.xmin::text as xmin, c.yellow_on::text, c.promised_due::text, q.next_change_on::text
    from cases c left join case_light_queue q on q.case_id = c.id where c.id = ${caseId}`) as unknown as { rows: Record<string, string | null>[] }).rows[0];
const noticesFor = (template: string, stepId: string) => t.ctx.db.select().from(outbox)
  .where(and(eq(outbox.template, template), sql`${outbox.payload}->>'stepId' = ${stepId}`));

/** A 最低生活保障 case accepted Thu 2026-03-05: promised due 03-26 (yellow from 03-19), statutory due 04-17. */
async function acceptedCase(name: string) {
  const { body } = await window1.post('/api/cases', walkIn(LOW_INCOME, name));
  await must(window1, body.id, 'accept', { provided: MATERIALS });
  await must(coord, body.id, 'assign', { userId: ids.handler1 });
  return body.id as string;
}

describe('the escalation ladder', () => {
  let main: string, answered: string, paused: string;

  it('does nothing while the case is green', async () => {
    main = await acceptedCase('甲');
    answered = await acceptedCase('乙');
    paused = await acceptedCase('丙');
    await setNow('2026-03-18T01:00:00Z');
    await sweep();
    expect(await stepsOf(main)).toHaveLength(0);
    // Staff are told at assignment (the case engine's notice).
    const assigned = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'case.assigned'), eq(outbox.recipientUserId, ids.handler1)));
    expect(assigned.map((n) => (n.payload as { caseId: string }).caseId)).toContain(main);
  });

  it('yellow → urge notice to the coordinator and the handler, once, without bumping the case version', async () => {
    await setNow('2026-03-19T01:00:00Z');
    await must(handler, paused, 'suspend', { reason: '专家评审', procedure: 'expertReview', plannedWorkingDays: 10 }); // paused while yellow
    const before = (await coord.get(`/api/cases/${main}`)).body;
    expect(before.clock.light).toBe('yellow');
    // Stored as the green case it was on its last action: yellow from today, due in the queue today.
    expect(await storedClock(main)).toMatchObject({ yellow_on: '2026-03-19', next_change_on: '2026-03-19' });
    const rowBefore = await storedClock(main);
    const first = await sweep();
    expect(first['supervision-lights']).toBeGreaterThanOrEqual(2);
    // The light change moved only the queue: the case row itself was not rewritten.
    const rowAfter = await storedClock(main);
    expect(rowAfter).toMatchObject({ xmin: rowBefore.xmin, yellow_on: '2026-03-19', next_change_on: '2026-03-27' }); // red from Fri 27
    const [urge] = await stepsOf(main);
    expect(urge).toMatchObject({ light: 'yellow', kind: 'urge', issuedOn: '2026-03-19' });
    const notices = await noticesFor('supervision.urge', urge.id);
    expect(notices.filter((n) => n.channel === 'inApp').map((n) => n.recipientUserId).sort()).toEqual([ids.coord1, ids.handler1].sort());
    const after = (await coord.get(`/api/cases/${main}`)).body;
    expect(after.version).toBe(before.version);
    // The printable notice.
    const doc = await coord.get(`/api/supervision/steps/${urge.id}/document`);
    expect(doc.status).toBe(200);
    expect(doc.body).toContain('催办单');
    expect(doc.body).toContain(after.caseNo);
    expect(doc.body).toContain('<svg');
    // In-app list of the coordinator.
    const inbox = (await coord.get('/api/notifications')).body.items;
    const urgeNotice = inbox.find((n: { template: string; link: string }) => n.template === 'supervision.urge' && n.link === `/cases/${main}`);
    expect(urgeNotice).toMatchObject({ title: `催办单：${after.caseNo}` });
    expect(urgeNotice.text).toContain(`【催办】办件${after.caseNo}（`);
    expect(urgeNotice.text).toContain(`文号：${urge.docNo}`);
  });

  it('one audit row per rung and sweep batch lists every step it wrote (chained like any other row)', async () => {
    const [urge] = await stepsOf(main);
    const batch = (await t.ctx.db.execute(sql`select entity_type, entity_id, after from audit_events where action = 'supervision.urge' and entity_type = 'ladderBatch'`) as unknown as { rows: { entity_type: string; entity_id: string; after: { count: number; columns: string[]; steps: [string, string, string, string[], string | null][] } }[] }).rows;
    expect(batch).toHaveLength(1);
    const { after } = batch[0];
    expect(after.columns).toEqual(['caseId', 'stepId', 'docNo', 'recipients', 'chargedUserId']);
    expect(after.steps).toHaveLength(after.count);
    expect(after.steps.find((x) => x[0] === main)).toEqual([main, urge.id, urge.docNo, expect.arrayContaining([ids.coord1, ids.handler1]), null]);
    // The steps the sweep wrote are exactly the ones listed.
    const urges = await t.ctx.db.select({ id: ladderSteps.id }).from(ladderSteps).where(and(eq(ladderSteps.kind, 'urge'), eq(ladderSteps.issuedOn, '2026-03-19')));
    const byHook = (await t.ctx.db.execute(sql`select entity_id from audit_events where action = 'supervision.urge' and entity_type = 'case'`) as unknown as { rows: { entity_id: string }[] }).rows;
    expect(after.steps.length + byHook.length).toBe(urges.length); // the paused case's urge was recorded by its action's hook, one row for one case
    await sealAll(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('sweeping twice writes nothing twice', async () => {
    const count = async () => (await t.ctx.db.execute(sql`select (select count(*) from ladder_steps)::int + (select count(*) from outbox)::int + (select count(*) from audit_events)::int as n`) as unknown as { rows: { n: number }[] }).rows[0].n;
    const n = await count();
    const again = await sweep();
    expect(again['supervision-lights']).toBe(0); // the queue moved past today: nothing due
    expect(await count()).toBe(n);
  });

  it('red → supervision order to the chief representative and the supervisor, and an accountability record against the late step', async () => {
    await setNow('2026-03-27T01:00:00Z');
    await sweep();
    const order = (await stepsOf(main)).find((s) => s.light === 'red')!;
    expect(order).toMatchObject({ kind: 'order', issuedOn: '2026-03-27', answerDue: '2026-03-31' }); // 2 working days: Mon 30, Tue 31
    const to = (await noticesFor('supervision.order', order.id)).filter((n) => n.channel === 'inApp').map((n) => n.recipientUserId).sort();
    expect(to).toEqual([ids.chief1, ids.super1].sort());
    const [record] = await t.ctx.db.select().from(accountabilityRecords).where(eq(accountabilityRecords.stepId, order.id));
    expect(record).toMatchObject({ kind: 'overdue', caseId: main, userId: ids.handler1 });
    const [c] = await t.ctx.db.select().from(cases).where(eq(cases.id, main));
    expect(record.departmentId).toBe(c.departmentId);
    const doc = await super1.get(`/api/supervision/steps/${order.id}/document`);
    expect(doc.body).toContain('督办单');
    expect((await super1.get('/api/supervision/accountability')).body.items.map((r: { caseId: string }) => r.caseId)).toContain(main);
  });

  it('a paused case does not turn red during its pause', async () => {
    const s = await stepsOf(paused);
    expect(s.map((x) => x.light)).toEqual(['yellow']); // yellow on the day it was paused (recorded by the action's hook), never red
    const view = (await coord.get(`/api/cases/${paused}`)).body;
    expect(view.clock.paused).toBe(true);
    expect(view.clock.light).not.toBe('red');
    const board = (await super1.get('/api/supervision/board')).body;
    expect(board.late.map((r: { id: string }) => r.id)).not.toContain(paused);
    expect(board.late.map((r: { id: string }) => r.id)).toContain(main);
  });

  it('an answered order does not escalate; an unanswered one escalates to the leader after 2 working days', async () => {
    const order2 = (await stepsOf(answered)).find((s) => s.light === 'red')!;
    await setNow('2026-03-30T01:00:00Z');
    expect((await coord.post(`/api/supervision/steps/${order2.id}/answer`, { answer: '入户调查延误，已于今日办结' })).status).toBe(200);
    expect((await handler.post(`/api/supervision/steps/${order2.id}/answer`, { answer: 'x' })).status).toBe(403);
    await setNow('2026-03-31T01:00:00Z');
    await sweep();
    const order = (await stepsOf(main)).find((s) => s.light === 'red')!;
    expect(order.escalatedAt).toBeNull(); // the answer day itself
    await setNow('2026-04-01T01:00:00Z');
    const changed = await sweep();
    expect(changed['supervision-escalation']).toBe(1);
    const [late] = (await stepsOf(main)).filter((s) => s.light === 'red');
    expect(late.escalatedAt).not.toBeNull();
    expect((await noticesFor('supervision.escalated', late.id)).filter((n) => n.channel === 'inApp').map((n) => n.recipientUserId)).toEqual([ids.leader1]);
    expect((await stepsOf(answered)).find((s) => s.light === 'red')!.escalatedAt).toBeNull();
    expect((await leader.get('/api/notifications')).body.items.map((n: { template: string }) => n.template)).toContain('supervision.escalated');
    await sweep();
    expect(await noticesFor('supervision.escalated', late.id)).toHaveLength((await noticesFor('supervision.escalated', late.id)).length);
  });

  it('black → violation record', async () => {
    await setNow('2026-04-20T01:00:00Z');
    await sweep();
    const black = (await stepsOf(main)).find((s) => s.light === 'black')!;
    expect(black.kind).toBe('violation');
    const [record] = await t.ctx.db.select().from(accountabilityRecords).where(eq(accountabilityRecords.stepId, black.id));
    expect(record.kind).toBe('violation');
    const board = (await super1.get('/api/supervision/board')).body;
    expect(board.late.find((r: { id: string }) => r.id === main).light).toBe('black');
    expect(board.lights.black).toBeGreaterThanOrEqual(1);
  });

  it('streams a change event to a signed-in board when a case changes (SSE)', { timeout: 20_000 }, async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(`${address}/api/supervision/stream`, { headers: { cookie: super1.cookie }, signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const read = async (until: string) => {
      let text = '';
      while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    };
    await read(': connected');
    const id = await acceptedCase('戊'); // any case change in the supervisor's center
    expect(await read('event: change')).toContain('event: change');
    expect(id).toBeTruthy();
    ac.abort();
  });

  it('keeps the audit chain intact through batched sweeps', async () => {
    await sealAll(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('the board, settings and documents follow the role policy', async () => {
    expect((await handler.get('/api/supervision/stream')).status).toBe(403);
    expect((await handler.get('/api/supervision/board')).status).toBe(403);
    expect((await window1.get('/api/supervision/anomalies')).status).toBe(403);
    const admin = await t.login('admin');
    expect((await admin.get('/api/supervision/settings')).body).toMatchObject({ minYellowDays: 1, orderAnswerDays: 2 });
    expect((await super1.put('/api/supervision/settings', { yellowShare: 0.5, minYellowDays: 1, orderAnswerDays: 3 })).status).toBe(403);
    expect((await admin.put('/api/supervision/settings', { yellowShare: 2, minYellowDays: 1, orderAnswerDays: 3 })).status).toBe(400);
    const board = (await leader.get('/api/supervision/board')).body;
    expect(board.departments).toHaveLength(1); // a leader sees their department
  });

  it('a larger yellow share from the center settings turns a case yellow earlier (the clock reads the settings)', async () => {
    const admin = await t.login('admin');
    await setNow('2026-04-21T01:00:00Z');
    const id = await acceptedCase('丁'); // promised due 15 working days later
    expect((await coord.get(`/api/cases/${id}`)).body.clock.light).toBe('green');
    expect((await admin.put('/api/supervision/settings', { yellowShare: 1, minYellowDays: 1, orderAnswerDays: 2 })).status).toBe(200);
    await sweep(); // the change marked running clocks due; the sweep recomputes them
    expect((await coord.get(`/api/cases/${id}`)).body.clock.light).toBe('yellow');
    expect((await stepsOf(id)).map((s) => s.kind)).toEqual(['urge']);
    await admin.put('/api/supervision/settings', { yellowShare: 1 / 3, minYellowDays: 1, orderAnswerDays: 2 });
    await sweep();
  });
});
