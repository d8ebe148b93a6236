import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { enqueue, type Notice } from '../core/outbox/enqueue.js';
import { rows } from '../core/db/index.js';
import { drainOutbox, LEASE_MS, useTransports } from './worker.js';
import { consoleTransport, type OutgoingNotice } from './transports.js';

let t: TestApp;
// The business clock stands still here (leases are measured on it); the rate limit's wall clock is passed in.
beforeAll(async () => { t = await startTestApp({ demo: false }); t.ctx.clock.freeze(new Date('2026-03-02T01:00:00Z')); });
afterAll(async () => { useTransports({ sms: consoleTransport, email: consoleTransport }); await t?.close(); });
afterEach(async () => {
  t.ctx.config.rateLimits = {};
  await t.ctx.db.execute(sql`drop trigger if exists outbox_mark_fails on outbox`);
  await t.ctx.db.execute(sql`update outbox set status = 'sent' where status = 'pending'`);
  await t.ctx.db.execute(sql`delete from outbox_rate`);
});

/** A transport that records what it was given (the real worker calls it like any gateway). */
function recording() {
  const sent: number[] = [];
  const transport = { name: 'recording', send: async (n: OutgoingNotice) => { sent.push(n.id); } };
  useTransports({ sms: transport, email: transport });
  return sent;
}

async function queue(n: number, channel: Notice['channel'] = 'sms'): Promise<number[]> {
  const notices: Notice[] = Array.from({ length: n }, (_, i) => ({ channel, address: `1391234${String(i).padStart(4, '0')}`, template: 'case.accepted', payload: { caseNo: `N${i}` } }));
  await t.ctx.db.transaction((tx) => enqueue(tx, notices, t.ctx.now()));
  const got = await rows<{ id: string }>(t.ctx.db, sql`select id from outbox where status = 'pending' and channel = ${channel} order by id desc limit ${n}`);
  return got.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const statusOf = async (id: number) => (await rows<{ status: string; attempts: number; claimed_until: string | null }>(t.ctx.db, sql`select status, attempts, claimed_until from outbox where id = ${id}`))[0];
const advance = (ms: number) => t.ctx.clock.freeze(new Date(t.ctx.now().getTime() + ms));

describe('outbox: each notice sent at most once', () => {
  it('a crash between a send and its mark re-sends nothing that was marked, and the unmarked row only after its lease', async () => {
    const sent = recording();
    const ids = await queue(6);
    const victim = ids[2];
    // The database refuses to mark the third row sent: the worker dies right after handing it over.
    await t.ctx.db.execute(sql.raw(`create or replace function outbox_mark_fails() returns trigger language plpgsql as $$
      begin if new.status = 'sent' and new.id = ${victim} then raise exception 'connection lost'; end if; return new; end $$`));
    await t.ctx.db.execute(sql`create trigger outbox_mark_fails before update on outbox for each row execute function outbox_mark_fails()`);
    const crash = await drainOutbox(t.ctx, { concurrency: 1 }).then(() => null, (e: Error & { cause?: Error }) => e);
    expect(String(crash?.cause?.message ?? crash?.message)).toMatch(/connection lost/);
    expect(sent).toEqual(ids.slice(0, 3));
    expect(await statusOf(victim)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await statusOf(victim)).claimed_until).not.toBeNull();

    // The process comes back: the marked rows stay sent, the claimed one waits for its lease.
    await t.ctx.db.execute(sql`drop trigger outbox_mark_fails on outbox`);
    expect(await drainOutbox(t.ctx, { concurrency: 3 })).toBe(3);
    expect(sent.sort((a, b) => a - b)).toEqual(ids);
    expect(await drainOutbox(t.ctx)).toBe(0);

    advance(LEASE_MS - 1000);
    expect(await drainOutbox(t.ctx)).toBe(0); // the lease still holds
    advance(2000);
    expect(await drainOutbox(t.ctx)).toBe(1); // a crashed claim is retried after its lease
    const counts = new Map<number, number>();
    for (const id of sent) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map((id) => (id === victim ? 2 : 1)));
    expect(await statusOf(victim)).toMatchObject({ status: 'sent', attempts: 2, claimed_until: null });
  });

  it('two workers draining together (two instances) send each row once', async () => {
    const sent = recording();
    const ids = await queue(300);
    const [a, b] = await Promise.all([drainOutbox(t.ctx, { concurrency: 4 }), drainOutbox(t.ctx, { concurrency: 4 })]);
    expect(a + b).toBe(300);
    expect(sent.length).toBe(300);
    expect(new Set(sent).size).toBe(300);
    expect(sent.sort((x, y) => x - y)).toEqual(ids);
  });
});

describe('outbox: per-channel rate limit', () => {
  it('sends at most the configured number per second, across workers, and leaves the rest pending untouched', async () => {
    const sent = recording();
    t.ctx.config.rateLimits = { sms: 5 };
    let wall = new Date('2030-01-01T00:00:00.100Z');
    const ids = await queue(12);
    const inApp = await queue(3, 'inApp');
    // Two instances in the same second share the limit (the count lives in the database).
    const [a, b] = await Promise.all([drainOutbox(t.ctx, { wall: () => wall, concurrency: 3 }), drainOutbox(t.ctx, { wall: () => wall, concurrency: 3 })]);
    expect(a + b).toBe(5 + inApp.length); // other channels are not held back
    expect(sent.length).toBe(5);
    const waiting = ids.filter((id) => !sent.includes(id));
    for (const id of waiting) expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 0, claimed_until: null });
    expect(await drainOutbox(t.ctx, { wall: () => wall })).toBe(0); // same second: nothing more
    wall = new Date(wall.getTime() + 1000);
    expect(await drainOutbox(t.ctx, { wall: () => wall })).toBe(5);
    wall = new Date(wall.getTime() + 1000);
    expect(await drainOutbox(t.ctx, { wall: () => wall })).toBe(2);
    expect(sent.sort((x, y) => x - y)).toEqual(ids);
  });

  it('the scheduled drain waits for the next second while only throttled rows are left', async () => {
    const sent = recording();
    t.ctx.config.rateLimits = { sms: 4 };
    const ids = await queue(9);
    // Real wall clock: 9 rows at 4 a second take three seconds (two waits).
    expect(await drainOutbox(t.ctx, { waitForRate: true, maxMs: 10_000 })).toBe(9);
    expect(sent.sort((x, y) => x - y)).toEqual(ids);
  });
});
