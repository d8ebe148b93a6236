/**
 * The one rounding rule of every statistic (domain §10): half-up to 2 decimals, done in
 * integers so that 1.005 is 1.01 (Math.round(1.005 * 100) / 100 gives 1 because 1.005 is
 * stored as 1.00499999…). Rates and averages are computed at read time from raw counts
 * with this function, never stored. It lives in core because statistics, the supervision
 * board, the hall and feedback all report rates and must round them alike.
 */

/** numerator / denominator rounded half-up to 2 decimals; null when the denominator is 0. */
export function roundRatio(numerator: number, denominator: number): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) throw new RangeError('roundRatio takes integer counts');
  if (denominator === 0) return null;
  const neg = (numerator < 0) !== (denominator < 0);
  const n = BigInt(Math.abs(numerator)) * 100n;
  const d = BigInt(Math.abs(denominator));
  // Half-up on the magnitude: floor((2n + d) / 2d) hundredths.
  const hundredths = (2n * n + d) / (2n * d);
  const v = Number(hundredths) / 100;
  return neg && hundredths !== 0n ? -v : v;
}

/** A share as a percentage with 2 decimals: 2 of 3 → 66.67. */
export const percent = (part: number, whole: number): number | null => roundRatio(part * 100, whole);
