/**
 * 接件 before 受理 (seed 002: 「并向服务对象出具《接件通知书》」): the front desk receives
 * the materials and gives a receipt; the acceptance decision follows within
 * ACCEPTANCE_DECISION_DAYS working days of the receipt (seed 001: 「最迟不得超过3天退回」),
 * counted again from the supplement that completed the materials. Under 容缺 the pledge
 * states the deadline for the owed materials (seed 001: 「补齐的时限、超期处理办法」).
 * Pure: dates from the row and a calendar.
 */
import type { WorkCalendar } from '../core/calendar/calendar.js';
import type { Light } from '../core/clock/clock.js';
import type { CaseRow } from './repo.js';

export const ACCEPTANCE_DECISION_DAYS = 3;

type DeadlineRow = Pick<CaseRow, 'state' | 'kind' | 'receivedOn' | 'acceptBy' | 'acceptedOn' | 'owed' | 'owedBy' | 'promisedDue'>;

/** What the item says about these deadlines (its version the case was accepted under). */
export interface DeadlineRules { owedWorkingDays: number; deemedApproved: boolean }

export const DEFAULT_OWED_WORKING_DAYS = 5;
/** The item version's rules, with the engine's default where the item sets none. */
export const deadlineRules = (g: { owedWorkingDays?: number; overdueDefault: string }): DeadlineRules => ({
  owedWorkingDays: g.owedWorkingDays ?? DEFAULT_OWED_WORKING_DAYS, deemedApproved: g.overdueDefault === 'deemedApproved',
});

const HANDLING: readonly CaseRow['state'][] = ['accepted', 'inProgress', 'suspended', 'reportedUp'];

/**
 * The engine's own deadlines besides the clock's, from the row as it now is:
 * - `acceptBy`: while the case waits for its acceptance decision (kept afterwards as history);
 * - `owedBy`: while 容缺 materials are owed;
 * - `deemOn`: 超时默认 for a single-department case whose item deems consent — the first
 *   working day after the promised due date (seed 001: 「对超过承诺时限的实行超时默认」).
 */
export function engineDeadlines(calendar: WorkCalendar, row: DeadlineRow, rules: DeadlineRules): Pick<CaseRow, 'acceptBy' | 'owedBy' | 'deemOn'> {
  const waiting = row.state === 'submitted' && row.receivedOn !== null;
  const acceptBy = waiting ? calendar.addWorkingDays(row.receivedOn!, ACCEPTANCE_DECISION_DAYS).date : row.acceptBy;
  const owedBy = row.owed.length > 0 && row.acceptedOn ? calendar.addWorkingDays(row.acceptedOn, rules.owedWorkingDays).date : null;
  const deems = rules.deemedApproved && row.kind !== 'joint' && row.kind !== 'immediate' && row.promisedDue !== null && HANDLING.includes(row.state);
  return { acceptBy, owedBy, deemOn: deems ? calendar.addWorkingDays(row.promisedDue!, 1).date : null };
}

/** A case comes back to the desk complete (after a supplement): the acceptance count starts again. */
export const receivedOnAfter = (from: CaseRow['state'], to: CaseRow['state'], before: string | null, today: string) =>
  to === 'submitted' && from !== 'submitted' ? today : before;

/**
 * The light of a case waiting for its acceptance decision: green before the last day,
 * yellow on it, red after it (the case should have been accepted, returned or refused).
 */
export function intakeLight(acceptBy: string | null, today: string): Light | null {
  if (!acceptBy) return null;
  if (today > acceptBy) return 'red';
  return today === acceptBy ? 'yellow' : 'green';
}

/** 容缺: the pledge's deadline passed with materials still owed. */
export const pledgeOverdue = (row: Pick<CaseRow, 'owed' | 'owedBy'>, today: string) => row.owed.length > 0 && row.owedBy !== null && today > row.owedBy;

/**
 * The light a list or a case page shows: the clock's, except that a case waiting for its
 * acceptance decision shows that deadline's light, and an overdue 容缺 pledge turns a
 * green or yellow case red.
 */
export function displayLight(clockLight: Light | null, row: Pick<CaseRow, 'state' | 'acceptBy' | 'owed' | 'owedBy'>, today: string): Light | null {
  if (row.state === 'submitted') return intakeLight(row.acceptBy, today);
  if (pledgeOverdue(row, today) && (clockLight === 'green' || clockLight === 'yellow')) return 'red';
  return clockLight;
}
