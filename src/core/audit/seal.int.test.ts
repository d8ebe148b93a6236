import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { DB_KIND, startTestApp, type TestApp } from '../../../test/harness.js';
import type { Tx } from '../db/index.js';
import { rows } from '../db/index.js';
import { appendAudit } from './audit.js';
import { sealAll, sealAudit, verifyAuditChain } from './seal.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ demo: false }); });
afterAll(async () => { await t?.close(); });

const write = (n: number, tag: string) => t.ctx.db.transaction(async (tx) => {
  for (let i = 0; i < n; i++) await appendAudit(tx, { actorId: null, actorRole: 'system', action: `${tag}.${i}`, entityType: 'test', entityId: tag, after: { i, tag }, at: new Date('2026-12-01T02:00:00Z') });
});
const seal = (batch?: number) => t.ctx.db.transaction((tx) => sealAudit(tx, batch));
/** On a shared PostgreSQL, other databases' running transactions hold the horizon back for a moment. */
const readyCount = async () => (await rows<{ n: number }>(t.ctx.db, sql`
  select count(*)::int as n from audit_events e where e.txid < pg_snapshot_xmin(pg_current_snapshot())
     and not exists (select 1 from audit_seals s where s.audit_id = e.id)`))[0].n;
const untilReady = async (n: number) => { for (let i = 0; i < 250 && (await readyCount()) < n; i++) await new Promise((r) => setTimeout(r, 20)); };
const sealedCount = async () => (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_seals`))[0].n;
const idOf = async (action: string) => Number((await rows<{ id: number }>(t.ctx.db, sql`select id from audit_events where action = ${action}`))[0].id);
/** Tampering as someone who can switch the append-only triggers off. */
const tamper = async (q: ReturnType<typeof sql>) => {
  await t.ctx.db.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
  try { await t.ctx.db.execute(q); } finally { await t.ctx.db.execute(sql`alter table audit_events enable trigger audit_events_no_change`); }
};

describe('audit sealer', () => {
  it('links the rows of committed transactions into one chain, in batches that may split a transaction', async () => {
    await write(3, 'a');
    await write(2, 'b');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 5, checked: 0 });
    await untilReady(5);
    expect(await seal(2)).toBe(2); // stops inside transaction a
    expect(await seal(2)).toBe(2);
    expect(await seal(2)).toBe(1);
    expect(await seal(2)).toBe(0); // idempotent: nothing sealed twice
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ ok: true, checked: 5, pending: 0 });
    const order = await rows<{ action: string }>(t.ctx.db, sql`select e.action from audit_seals s join audit_events e on e.id = s.audit_id order by s.seq`);
    expect(order.map((r) => r.action)).toEqual(['a.0', 'a.1', 'a.2', 'b.0', 'b.1']);
  });

  it('refuses to change or remove a seal', async () => {
    await expect(t.ctx.db.execute(sql`update audit_seals set hash = 'x'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit_seals`)).rejects.toThrow();
  });

  it.skipIf(DB_KIND === 'pglite')('leaves a running transaction\'s rows, and those of later ones, for the next round', async () => {
    const other = new pg.Client({ connectionString: (t.ctx.config.databaseUrl)! });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`insert into audit_events (actor_role, action, entity_type, entity_id, at) values ('system', 'slow.0', 'test', 'slow', now())`);
      await write(1, 'later'); // commits first, but its transaction started after the slow one
      const before = await sealedCount();
      expect(await seal()).toBe(0);
      await other.query('commit');
      await untilReady(2);
      expect(await seal()).toBe(2);
      expect(await sealedCount()).toBe(before + 2);
      const order = await rows<{ action: string }>(t.ctx.db, sql`select e.action from audit_seals s join audit_events e on e.id = s.audit_id order by s.seq desc limit 2`);
      expect(order.map((r) => r.action)).toEqual(['later.0', 'slow.0']);
    } finally {
      await other.end();
    }
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('names the first altered, deleted or back-dated row', async () => {
    await write(3, 'c');
    await sealAll(t.ctx.db);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

    const c1 = await idOf('c.1');
    await tamper(sql`update audit_events set after = '{"i": 99, "tag": "c"}' where id = ${c1}`);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, brokenAt: c1, reason: 'row content does not match its hash' });
    await tamper(sql`update audit_events set after = '{"i": 1, "tag": "c"}' where id = ${c1}`);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true); // restored exactly

    await tamper(sql`delete from audit_events where id = ${c1}`);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, brokenAt: c1, reason: 'the sealed audit row was deleted' });
  });

  it('detects a row slipped into history below the last seal', async () => {
    const t2 = await startTestApp({ demo: false });
    try {
      const w = (tag: string) => t2.ctx.db.transaction((tx: Tx) => appendAudit(tx, { actorId: null, actorRole: 'system', action: tag, entityType: 'test', entityId: tag, at: new Date() }));
      await w('x.0');
      await w('x.1');
      await sealAll(t2.ctx.db);
      const [first] = await rows<{ txid: string }>(t2.ctx.db, sql`select txid::text as txid from audit_events where action = 'x.0'`);
      await t2.ctx.db.execute(sql`insert into audit_events (actor_role, action, entity_type, entity_id, at, txid) values ('system', 'forged', 'test', 'forged', now(), ${first.txid}::xid8)`);
      const forged = Number((await rows<{ id: number }>(t2.ctx.db, sql`select id from audit_events where action = 'forged'`))[0].id);
      expect(await verifyAuditChain(t2.ctx.db)).toMatchObject({ ok: false, brokenAt: forged, reason: 'row added to history after that point was sealed' });
    } finally {
      await t2.close();
    }
  });
});
