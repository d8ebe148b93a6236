import type { Db, Tx } from './types.js';

/**
 * Callbacks to run once a transaction has committed (in-process caches that must not be
 * refilled from data a concurrent reader saw before the commit). Registered per open
 * transaction; dropped when it rolls back.
 */
const pending = new WeakMap<object, (() => void)[]>();

/** Runs `fn` after `tx` commits; outside a tracked transaction, at once. */
export function afterCommit(tx: Tx, fn: () => void): void {
  const list = pending.get(tx);
  if (list) list.push(fn);
  else fn();
}

/** Makes `db.transaction` run the callbacks registered with afterCommit once it has committed. */
export function trackCommits(db: Db): void {
  const original = db.transaction.bind(db);
  const tracked = async (fn: (tx: Tx) => Promise<unknown>, config?: unknown) => {
    const list: (() => void)[] = [];
    const result = await original((tx) => {
      pending.set(tx, list);
      return fn(tx as Tx);
    }, config as never);
    for (const f of list) f();
    return result;
  };
  (db as { transaction: unknown }).transaction = tracked;
}
