import type { Limit } from '../catalog/types.js';

/** Center settings for cases (domain §3, §4, §6 "(config)" values) with their defaults. */
export interface CaseSettings {
  /** Yellow when remaining ≤ share × limit … */
  yellowShare: number;
  /** … and at least this many working days. */
  minYellowDays: number;
  /** Unanswered supplement notices close the case as withdrawn after this many days. */
  supplementWithdrawDays: number;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = { yellowShare: 1 / 3, minYellowDays: 1, supplementWithdrawDays: 30 };

/**
 * Cap on all extensions of one case, in working days: half the statutory limit, rounded up
 * (the licensing law's rule: 20 days + 10 with approval).
 */
export function extensionCap(statutory: Limit): number {
  return statutory.unit === 'onTheSpot' ? 0 : Math.ceil(statutory.value / 2);
}

/** The clock's share of a center's settings (the supervision module stores them per center). */
export type ClockSettings = Pick<CaseSettings, 'yellowShare' | 'minYellowDays'>;
