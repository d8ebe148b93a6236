import { describe, expect, it } from 'vitest';
import { excessVisits, isVisit, promisedOverStatutory, refusalWithoutReasons, repeatedExtension, type EventFact } from './rules.js';

let seq = 0;
const e = (action: string, data: Record<string, unknown> = {}, on = '2026-03-09', actorRole = 'receiver'): EventFact =>
  ({ id: ++seq, seq, caseId: 'c1', at: `${on}T01:00:00.000Z`, on, actorId: 'u1', actorRole, action, data });

describe('anomaly rules (pure edges)', () => {
  it('counts visits as distinct days with the applicant at a window', () => {
    expect(isVisit(e('submit', { channel: 'online' }))).toBe(false);
    expect(isVisit(e('submit', { channel: 'window' }))).toBe(true);
    expect(isVisit(e('supply', {}, '2026-03-09', 'applicant'))).toBe(false); // uploaded online
    expect(isVisit(e('deliver', { mode: 'post' }))).toBe(false);
    const events = [e('submit', { channel: 'window' }), e('supply', {}, '2026-03-09')]; // same day: one visit
    expect(excessVisits(events[1], events, 1, 'window')).toBeNull();
    const online = [e('submit', { channel: 'online' }), e('deliver', { mode: 'pickup' }, '2026-03-20')];
    expect(excessVisits(online[1], online, 0, 'online')?.rule).toBe('excessVisits'); // a 0-visit online case made to pick up
  });

  it('compares limits only in a common unit', () => {
    const base = { itemId: 'i', version: 1, code: 'X' };
    expect(promisedOverStatutory({ ...base, promisedLimit: { value: 20, unit: 'calendarDays' }, statutoryLimit: { value: 15, unit: 'workingDays' } })).toBeNull();
    expect(promisedOverStatutory({ ...base, promisedLimit: { value: 1, unit: 'workingDays' }, statutoryLimit: { value: 0, unit: 'onTheSpot' } })?.rule).toBe('promisedOverStatutory');
    expect(promisedOverStatutory({ ...base, promisedLimit: { value: 0, unit: 'onTheSpot' }, statutoryLimit: { value: 20, unit: 'workingDays' } })).toBeNull();
  });

  it('treats a denial like a refusal, and blank reasons as none', () => {
    expect(refusalWithoutReasons(e('decide', { outcome: 'denied', reasons: ' ' }))?.rule).toBe('refusalWithoutReasons');
    expect(refusalWithoutReasons(e('decide', { outcome: 'approved' }))).toBeNull();
    expect(refusalWithoutReasons(e('return', { reasons: '不属于本中心受理范围' }))).toBeNull();
  });

  it('flags the second approved extension, not a second request', () => {
    const events = [e('approveExtension', { workingDays: 5 }), e('requestExtension', { workingDays: 5 })];
    expect(repeatedExtension(events[0], events)).toBeNull();
    events.push(e('approveExtension', { workingDays: 5 }));
    expect(repeatedExtension(events[2], events)?.evidence.extensions).toHaveLength(2);
  });
});
