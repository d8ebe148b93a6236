import { describe, expect, it } from 'vitest';
import { percent, roundRatio } from './rounding.js';

describe('roundRatio: half-up to 2 decimals, in integers', () => {
  it('rounds the .xx5 edge up where floating point would round down', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the float surprise this function avoids
    expect(roundRatio(1005, 1000)).toBe(1.01);
    expect(roundRatio(2675, 1000)).toBe(2.68);
    expect(roundRatio(1, 8)).toBe(0.13); // 0.125
    expect(roundRatio(1, 200)).toBe(0.01); // 0.005
    expect(roundRatio(1, 201)).toBe(0); // 0.004975…
    expect(roundRatio(1, 400)).toBe(0); // 0.0025
  });
  it('rounds shares of counts as percentages', () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.25);
    expect(percent(1, 32)).toBe(3.13); // 3.125
    expect(percent(1, 1600)).toBe(0.06); // 0.0625
    expect(percent(7, 7)).toBe(100);
    expect(percent(0, 5)).toBe(0);
  });
  it('has no value for an empty denominator and refuses non-integers', () => {
    expect(roundRatio(3, 0)).toBeNull();
    expect(percent(0, 0)).toBeNull();
    expect(() => roundRatio(0.5, 2)).toThrow(RangeError);
  });
  it('rounds negatives symmetrically (half away from zero)', () => {
    expect(roundRatio(-1005, 1000)).toBe(-1.01);
    expect(roundRatio(-1, 1000)).toBe(0);
  });
  it('works for large counts without losing digits', () => {
    expect(roundRatio(9_999_999_995, 1_000_000_000)).toBe(10); // 9.999999995
    expect(percent(3_333_333, 10_000_000)).toBe(33.33);
  });
});
