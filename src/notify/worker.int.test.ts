import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { MARRIAGE, must, walkIn } from '../../test/cases.js';
import { outbox } from '../core/outbox/schema.js';
import { runExclusive } from '../core/scheduler.js';
import { MAX_ATTEMPTS, outboxJob, useTransports } from './worker.js';
import { consoleTransport } from './transports.js';
import { renderSms } from './templates.js';
import { SMS_HOLD_SECONDS } from '../cases/sms.js';

let t: TestApp;
let window1: Client;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' });
  window1 = await t.login('window1');
});
afterAll(async () => { useTransports({ sms: consoleTransport }); await t?.close(); });

const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const smsRows = () => t.ctx.db.select().from(outbox).where(eq(outbox.channel, 'sms'));

describe('notification outbox delivery', () => {
  it('sends due rows once, signed with the case’s center', async () => {
    const sent: string[] = [];
    const texts: string[] = [];
    useTransports({ sms: { name: 'test', send: async (n) => { sent.push(n.template); texts.push(renderSms(n.template, n.payload)); } } });
    const { body } = await window1.post('/api/cases', walkIn(MARRIAGE));
    await must(window1, body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await runExclusive(t.ctx, outboxJob);
    expect(sent).toEqual([]); // a state message waits a minute for a newer one
    await setNow(new Date(t.ctx.now().getTime() + (SMS_HOLD_SECONDS + 1) * 1000).toISOString());
    await runExclusive(t.ctx, outboxJob);
    await runExclusive(t.ctx, outboxJob);
    expect(sent).toEqual(['case.accepted']);
    expect(texts[0]).toMatch(/^【清渭县政务服务中心】您的办件\d+（内地居民结婚登记）已受理/);
    expect((await smsRows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('one case handled on the spot within a minute sends the applicant one SMS: the last, true state', async () => {
    const sent: { template: string; text: string }[] = [];
    useTransports({ sms: { name: 'test', send: async (n) => { sent.push({ template: n.template, text: renderSms(n.template, n.payload) }); } } });
    const { body } = await window1.post('/api/cases', walkIn(MARRIAGE));
    await must(window1, body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    await must(window1, body.id, 'decide', { outcome: 'approved' });
    await must(window1, body.id, 'markResultReady');
    await must(window1, body.id, 'deliver', { mode: 'pickup' });
    await must(window1, body.id, 'complete');
    const mine = (await smsRows()).filter((r) => (r.payload as { caseId?: string }).caseId === body.id);
    expect(mine.map((r) => [r.template, r.status])).toEqual([
      ['case.accepted', 'superseded'], ['case.decided', 'superseded'], ['case.resultReady', 'superseded'], ['case.completed', 'pending'],
    ]);
    expect((mine[1].payload as { verdict?: string }).verdict).toBe('准予登记'); // 结婚登记 is a registration, not a licence
    await setNow(new Date(t.ctx.now().getTime() + (SMS_HOLD_SECONDS + 1) * 1000).toISOString());
    await runExclusive(t.ctx, outboxJob);
    expect(sent.filter((s) => s.text.includes(body.caseNo))).toEqual([
      { template: 'case.completed', text: `【清渭县政务服务中心】您的办件${body.caseNo}（内地居民结婚登记）已办结，感谢您的支持。` },
    ]);
  });

  it('retries a failing transport with growing gaps, then records the failure', async () => {
    let calls = 0;
    useTransports({ sms: { name: 'down', send: async () => { calls++; throw new Error('gateway 503'); } } });
    const { body } = await window1.post('/api/cases', walkIn(MARRIAGE));
    await must(window1, body.id, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
    const [row] = (await smsRows()).filter((r) => r.status === 'pending');
    await setNow(new Date(t.ctx.now().getTime() + (SMS_HOLD_SECONDS + 1) * 1000).toISOString());
    await runExclusive(t.ctx, outboxJob);
    await runExclusive(t.ctx, outboxJob); // not due again yet: no second call
    expect(calls).toBe(1);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      const [cur] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, row.id));
      const gap = Date.parse(new Date(cur.nextAttemptAt).toISOString()) - t.ctx.now().getTime();
      expect(gap).toBeGreaterThan(60_000 * 2 ** (i - 1) - 5_000); // the gap doubles each time
      await setNow(new Date(t.ctx.now().getTime() + gap + 1000).toISOString());
      await runExclusive(t.ctx, outboxJob);
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    const [after] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'gateway 503' });
  });

  it('keeps undelivered rows in the table, so a restart loses nothing', async () => {
    const [{ n }] = ((await t.ctx.db.execute(sql`select count(*)::int as n from outbox where status = 'pending'`)) as unknown as { rows: { n: number }[] }).rows;
    useTransports({ sms: consoleTransport });
    // A new process would run the same job over the same table.
    await setNow('2026-03-05T01:00:00Z');
    const delivered = await runExclusive(t.ctx, outboxJob);
    expect(delivered).toBe(n);
  });

  it('lists a staff member’s in-app notices', async () => {
    const coord = await t.login('coord1');
    const res = await coord.get('/api/notifications');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
  });
});
