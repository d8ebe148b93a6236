import { describe, expect, it } from 'vitest';
import { cachedPage, invalidateWorklists, scopeKey } from './worklistCache.js';
import type { SessionUser } from '../core/auth/policy.js';

const counter = () => {
  let n = 0;
  return { load: async () => ({ n: ++n }), get calls() { return n; } };
};

describe('worklist page cache', () => {
  it('serves a page again from memory until a case changes', async () => {
    invalidateWorklists();
    const c = counter();
    expect(await cachedPage('k1', c.load)).toBe('{"n":1}');
    expect(await cachedPage('k1', c.load)).toBe('{"n":1}');
    expect(c.calls).toBe(1);
    invalidateWorklists();
    expect(await cachedPage('k1', c.load)).toBe('{"n":2}');
  });

  it('lets concurrent misses share one read', async () => {
    invalidateWorklists();
    const c = counter();
    const pages = await Promise.all([cachedPage('k2', c.load), cachedPage('k2', c.load), cachedPage('k2', c.load)]);
    expect(pages).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    expect(c.calls).toBe(1);
  });

  it('does not keep a page read before a change committed', async () => {
    invalidateWorklists();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = cachedPage('k3', async () => { await gate; return { old: true }; });
    invalidateWorklists(); // a case changes while the read is under way
    release();
    expect(await slow).toBe('{"old":true}'); // this reader gets what it read…
    expect(await cachedPage('k3', async () => ({ old: false }))).toBe('{"old":false}'); // …but it was not kept
  });

  it('keys lists by the data scope they show', () => {
    const base = { id: 'u1', centerScope: ['c1', 'c2'], departmentId: 'd1' } as SessionUser;
    expect(scopeKey({ ...base, role: 'handler' }, false)).toBe(scopeKey({ ...base, id: 'u2', role: 'coordinator' }, false));
    expect(scopeKey({ ...base, role: 'handler' }, true)).not.toBe(scopeKey({ ...base, id: 'u2', role: 'handler' }, true));
    expect(scopeKey({ ...base, role: 'applicant' }, false)).not.toBe(scopeKey({ ...base, id: 'u2', role: 'applicant' }, false));
    expect(scopeKey({ ...base, role: 'receiver' }, false)).not.toBe(scopeKey({ ...base, role: 'receiver', centerScope: ['c1'] }, false));
  });
});
