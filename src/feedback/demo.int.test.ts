import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { rows } from '../core/db/index.js';
import { seedDemoCases } from '../demo/cases.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-20T03:00:00Z' });
  await seedDemoCases(t.ctx); // files the demo cases, then the demo feedback
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('demo feedback', () => {
  it('rates the completed demo cases and leaves a bad review under rectification, complaints in each state', async () => {
    const ev = await rows<{ grade: number; state: string; channel: string }>(t.ctx.db, sql`select grade, state, channel from feedback_evaluations order by grade`);
    expect(ev.map((e) => [e.grade, e.state, e.channel])).toEqual([[2, 'rectifying', 'sms'], [4, 'rated', 'sms'], [5, 'rated', 'sms']]);
    const cs = await rows<{ state: string }>(t.ctx.db, sql`select state from feedback_complaints order by state`);
    expect(cs.map((c) => c.state)).toEqual(['excluded', 'handling', 'resolved']);
    const acc = await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from accountability_records where kind = 'complaint'`);
    expect(acc[0].n).toBe(1);
    const admin = await t.login('admin');
    const stats = await admin.get('/api/stats/feedback?from=2026-01-01&to=2026-12-31');
    expect(stats.body.evaluation).toMatchObject({ rated: 3, good: 2, goodRate: 66.67 });
    expect(stats.body.complaints).toMatchObject({ received: 3, excluded: 1, resolved: 1, substantiated: 1 });
  });
});
