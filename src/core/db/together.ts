/**
 * Independent writes of one transaction sent as ONE statement (WITH sub-statements): one
 * round trip instead of one each. On this kind of machine a round trip costs more CPU
 * than a small insert (the socket write alone was a quarter of the server's profile).
 *
 * Each write must be a plain INSERT, UPDATE or DELETE (no WITH of its own), and none may
 * need to see another's rows: they run on one snapshot, in no guaranteed order.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from './index.js';

export async function writeTogether(tx: Tx, writes: readonly (SQLWrapper | null | undefined)[]): Promise<void> {
  const list = writes.filter((w): w is SQLWrapper => !!w);
  if (list.length === 0) return;
  if (list.length === 1) { await tx.execute(list[0].getSQL()); return; }
  const parts: SQL[] = list.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
