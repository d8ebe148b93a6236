import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { runExclusive } from '../../core/scheduler.js';
import { windows } from '../../core/org/schema.js';
import { inOfficeHours, staffingFindings, windowStaffingJob, windowWithoutStaff, type AttendanceSource } from './staffing.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ now: '2026-03-04T02:00:00Z' }); }); // Wed 10:00 in Shanghai
afterAll(async () => { await t?.close(); });

describe('windowWithoutStaff (against a fake attendance source: no attendance module yet)', () => {
  it('knows office hours and working days', () => {
    expect(inOfficeHours('10:00', true)).toBe(true);
    expect(inOfficeHours('12:30', true)).toBe(false); // lunch break
    expect(inOfficeHours('10:00', false)).toBe(false);
    expect(windowWithoutStaff({ id: 'w', number: 1, name: '综合窗口' }, ['u'], '2026-03-04', '10:00', true)).toBeNull();
  });

  it('fires for an empty window during office hours, once a day; silent for staffed windows', async () => {
    const all = await t.ctx.db.select().from(windows);
    const [empty, ...staffed] = all;
    const source: AttendanceSource = { signedInAt: async (_db, windowId) => (windowId === empty.id ? [] : ['someone']) };
    const job = windowStaffingJob(source);
    expect(await runExclusive(t.ctx, job)).toBe(1);
    expect(await runExclusive(t.ctx, job)).toBe(0);
    expect(await staffingFindings(t.ctx.db, empty.id, '2026-03-04')).toHaveLength(1);
    expect(await staffingFindings(t.ctx.db, staffed[0].id, '2026-03-04')).toHaveLength(0);
  });

  it('stays silent outside office hours', async () => {
    await t.anon.post('/api/test/clock', { now: '2026-03-04T04:30:00Z' }); // 12:30, lunch
    const job = windowStaffingJob({ signedInAt: async () => [] });
    expect(await runExclusive(t.ctx, job)).toBe(0);
  });
});
