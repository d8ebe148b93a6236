/**
 * Worklist pages, cached per (data scope, filter, day) for at most WORKLIST_CACHE_MS.
 *
 * Why: a department's staff reload their worklist far more often than its cases change,
 * and 16 people paging one department's list must not cost 16 index scans each time.
 * Why it stays right: every case change in this process drops every page at once, after
 * its transaction commits (a reader that started before the commit cannot put the old page
 * back: pages are stored under the generation their read started in). Changes made by
 * another instance (or the light sweep, which rewrites only derived columns) show within
 * the cache's lifetime, one second by default. `BANSHI_WORKLIST_CACHE_MS=0` turns it off.
 * The lifetime is wall-clock time (like session expiry): it is not domain time.
 */
import type { SessionUser } from '../core/auth/policy.js';
import type { Tx } from '../core/db/index.js';
import { afterCommit } from '../core/db/afterCommit.js';
import type { CaseChange } from './hooks.js';

let TTL_MS = Number(process.env.BANSHI_WORKLIST_CACHE_MS ?? 1000);
const MAX_ENTRIES = 2000;

interface Entry { expires: number; body: string }

let generation = 0;
const entries = new Map<string, Entry>();
const inFlight = new Map<string, Promise<string>>();

/** Sets the pages' lifetime (0: no cache); benchmarks compare both. */
export function setWorklistCacheMs(ms: number): void {
  TTL_MS = ms;
  invalidateWorklists();
}

/** Drops every cached page (any case change may move a case onto or off any list). */
export function invalidateWorklists(): void {
  generation++;
  entries.clear();
  inFlight.clear();
}

/** Case hook: drop pages now and again once the change has committed. */
export function worklistHook(change: Pick<CaseChange, 'tx'>): Promise<void> {
  invalidateAfter(change.tx);
  return Promise.resolve();
}

/** For writers outside the case hooks (jobs that rewrite case columns directly). */
export function invalidateAfter(tx: Tx): void {
  invalidateWorklists();
  afterCommit(tx, invalidateWorklists);
}

/** Who sees the same list: the same rule as the list's scope (see view.ts scopeWhere). */
export function scopeKey(user: SessionUser, assigneeMe: boolean): string {
  const own = assigneeMe ? `:${user.id}` : '';
  switch (user.role) {
    case 'applicant': case 'agent': return `${user.role}:${user.id}`;
    case 'coordinator': case 'handler': case 'chiefRep': case 'leader': return `dept:${user.departmentId}${own}`;
    default: return `center:${user.role}:${user.centerScope.join(',')}${own}`;
  }
}

/** The page as JSON text, from the cache or from `load` (concurrent misses share one load). */
export async function cachedPage(key: string, load: () => Promise<unknown>): Promise<string> {
  if (TTL_MS <= 0) return JSON.stringify(await load());
  const hit = entries.get(key);
  if (hit && hit.expires > performance.now()) return hit.body;
  const flying = inFlight.get(key);
  if (flying) return flying;
  const startedIn = generation;
  const promise = load().then((page) => {
    const body = JSON.stringify(page);
    if (generation === startedIn) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { expires: performance.now() + TTL_MS, body });
    }
    return body;
  }).finally(() => { if (inFlight.get(key) === promise) inFlight.delete(key); });
  inFlight.set(key, promise);
  return promise;
}
