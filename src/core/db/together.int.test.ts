import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { writeTogether } from './together.js';
import { counters } from '../counters/schema.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ demo: false }); });
afterAll(async () => { await t?.close(); });

const count = async (prefix: string) => (await t.ctx.db.execute(sql`select count(*)::int as n from counters where key like ${prefix + '%'}`) as unknown as { rows: { n: number }[] }).rows[0].n;

describe('writeTogether', () => {
  it('runs any number of independent writes, skipping the empty ones, all in the caller\'s transaction', async () => {
    await t.ctx.db.transaction(async (tx) => {
      await writeTogether(tx, []);
      await writeTogether(tx, [null, tx.insert(counters).values({ key: 'together:one', n: 1 })]);
      await writeTogether(tx, [
        tx.insert(counters).values({ key: 'together:a', n: 1 }),
        undefined,
        sql`insert into counters (key, n) values ('together:b', 2)`,
        tx.update(counters).set({ n: 5 }).where(sql`key = 'together:one'`),
      ]);
    });
    expect(await count('together:')).toBe(3);
    const one = (await t.ctx.db.execute(sql`select n from counters where key = 'together:one'`) as unknown as { rows: { n: number }[] }).rows[0];
    expect(Number(one.n)).toBe(5); // the update saw the row an earlier statement of the transaction wrote
  });

  it('is all or nothing: one failing write rolls back the others', async () => {
    await expect(t.ctx.db.transaction(async (tx) => {
      await writeTogether(tx, [
        tx.insert(counters).values({ key: 'rolled:a', n: 1 }),
        tx.insert(counters).values({ key: 'together:a', n: 1 }), // duplicate key
      ]);
    })).rejects.toThrow();
    expect(await count('rolled:')).toBe(0);
  });
});
