import { describe, expect, it } from 'vitest';
import { clockColumns, nextChangeOf } from './repo.js';
import type { ClockState } from '../core/clock/clock.js';

/** Only the fields clockColumns reads; the rest of the clock is not its business. */
const clock = (c: Partial<ClockState>) => ({ promisedDue: '2026-03-26', statutoryDue: '2026-04-17', paused: false, closed: false, light: 'green', nextChangeOn: '2026-03-19', ...c }) as ClockState;

describe('the stored clock columns', () => {
  it('a green case stores its coming yellow day, and the sweep looks again that day', () => {
    const c = clock({ light: 'green', nextChangeOn: '2026-03-19' });
    expect(clockColumns(c, { acceptedOn: '2026-03-05', yellowOn: null }, '2026-03-10')).toEqual({ promisedDue: '2026-03-26', statutoryDue: '2026-04-17', paused: false, yellowOn: '2026-03-19' });
    expect(nextChangeOf(c)).toBe('2026-03-19');
  });

  it('a case past its yellow day keeps the day it stored (no rewrite the morning it turns yellow), red or not', () => {
    const row = { acceptedOn: '2026-03-05', yellowOn: '2026-03-19' };
    expect(clockColumns(clock({ light: 'yellow', nextChangeOn: '2026-03-27' }), row, '2026-03-19').yellowOn).toBe('2026-03-19');
    expect(clockColumns(clock({ light: 'red', nextChangeOn: '2026-04-18' }), row, '2026-03-30').yellowOn).toBe('2026-03-19');
  });

  it('a case yellow without a passed stored day stores its acceptance day (any day up to today reads as yellow)', () => {
    expect(clockColumns(clock({ light: 'yellow' }), { acceptedOn: '2026-03-05', yellowOn: null }, '2026-03-20').yellowOn).toBe('2026-03-05');
    // A stored day still ahead (an extension was refused, a pause ended…) is not kept.
    expect(clockColumns(clock({ light: 'yellow' }), { acceptedOn: '2026-03-05', yellowOn: '2026-03-25' }, '2026-03-20').yellowOn).toBe('2026-03-05');
  });

  it('an extension that makes the case green again moves the yellow day forward', () => {
    expect(clockColumns(clock({ light: 'green', nextChangeOn: '2026-04-02' }), { acceptedOn: '2026-03-05', yellowOn: '2026-03-19' }, '2026-03-20').yellowOn).toBe('2026-04-02');
  });

  it('a closed case leaves the sweep\'s queue', () => {
    expect(nextChangeOf(clock({ closed: true, nextChangeOn: null }))).toBeNull();
    expect(nextChangeOf(clock({ closed: true, nextChangeOn: '2026-03-19' }))).toBeNull();
  });
});
