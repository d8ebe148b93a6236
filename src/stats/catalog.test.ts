import { describe, expect, it } from 'vitest';
import { catalogRatios } from './catalog.js';

const item = (caseKind: 'immediate' | 'promised', entryMode: 'resident' | 'comprehensive' | 'notEntered' | 'networkOnly', onlineDepth: 1 | 2 | 3 | 4, maxVisits: 0 | 1 | 2) => ({ caseKind, entryMode, onlineDepth, maxVisits });

describe('catalogRatios', () => {
  it('shares half-up to 2 decimals, of the items given', () => {
    const r = catalogRatios([item('immediate', 'resident', 3, 0), item('promised', 'comprehensive', 2, 1), item('promised', 'notEntered', 4, 2)], 7, 6);
    expect(r).toEqual({
      items: 3,
      immediate: { count: 1, percent: 33.33 }, inCenter: { count: 2, percent: 66.67 }, onlineCapable: { count: 2, percent: 66.67 }, atMostOnce: { count: 2, percent: 66.67 },
      received: 7, accepted: 6, acceptedPercent: 85.71,
    });
  });
  it('empty: no share rather than zero', () => {
    expect(catalogRatios([], 0, 0)).toMatchObject({ items: 0, immediate: { count: 0, percent: null }, acceptedPercent: null });
  });
});
