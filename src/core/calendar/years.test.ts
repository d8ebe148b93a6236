/** The span a year's publication (and its preview) covers: pure. */
import { describe, expect, it } from 'vitest';
import { changedDates, publishSpan } from './years.js';

describe('a national year’s publication span', () => {
  const before = [{ date: '2027-01-01', kind: 'holiday' }, { date: '2027-02-07', kind: 'adjustedWorkday' }, { date: '2027-10-01', kind: 'holiday' }];

  it('changed dates: added, dropped and re-kinded rows, each date once, in order', () => {
    const draft = [{ date: '2027-01-01', kind: 'holiday' }, { date: '2027-02-07', kind: 'holiday' }, { date: '2027-05-01', kind: 'holiday' }];
    expect(changedDates(draft, before)).toEqual(['2027-02-07', '2027-05-01', '2027-10-01']);
    expect(changedDates(before, before)).toEqual([]);
  });

  it('the first publication covers the whole year; a correction only the dates that differ', () => {
    expect(publishSpan(2027, true, [])).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(publishSpan(2027, false, ['2027-02-07', '2027-05-01'])).toEqual({ from: '2027-02-07', to: '2027-05-01' });
    expect(publishSpan(2027, false, [])).toEqual({ from: undefined, to: undefined });
  });
});
