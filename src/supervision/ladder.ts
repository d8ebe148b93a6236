/**
 * The escalation ladder (domain §6) as pure data and functions: which light leads to which
 * document, who receives it, what is charged to whom, and when an unanswered supervision
 * order escalates. No I/O.
 */
import type { WorkCalendar } from '../core/calendar/calendar.js';
import type { Light } from '../core/clock/clock.js';
import type { LadderKind, LadderLight } from './schema.js';

/** Who a ladder notice goes to. `holder` is the person holding the late step. */
export type Recipient = 'coordinator' | 'holder' | 'chiefRep' | 'supervisor' | 'leader';

export interface Rung {
  kind: LadderKind;
  title: string;
  /** Document-number mark: 催 督 违. */
  mark: string;
  recipients: readonly Recipient[];
  /** Accountability record written with the step. */
  charge: 'overdue' | 'violation' | null;
}

export const LADDER: Record<LadderLight, Rung> = {
  yellow: { kind: 'urge', title: '催办单', mark: '催', recipients: ['coordinator', 'holder'], charge: null },
  red: { kind: 'order', title: '督办单', mark: '督', recipients: ['chiefRep', 'supervisor'], charge: 'overdue' },
  black: { kind: 'violation', title: '超法定时限违法记录', mark: '违', recipients: ['chiefRep', 'leader', 'supervisor'], charge: 'violation' },
};

export const LADDER_KIND_LABELS: Record<LadderKind, string> = { urge: '催办单', order: '督办单', violation: '违法记录' };

/** The rung a light reaches, if any (green has none). */
export function rungOf(light: Light | null): LadderLight | null {
  return light === 'yellow' || light === 'red' || light === 'black' ? light : null;
}

/**
 * The rung a case's light calls for. A 即办 case is due the day it is accepted, so it is
 * "yellow" from its first moment; the window decides it in the same sitting, and an urge
 * notice to the department then would only be noise (a marriage window accepts dozens a
 * day). It enters the ladder if it is still open after its day: red, a supervision order.
 */
export function rungFor(light: Light | null, kind: string): LadderLight | null {
  const rung = rungOf(light);
  return rung === 'yellow' && kind === 'immediate' ? null : rung;
}

/** States whose clock runs or is paused (the worklist's lit states). */
export const LIT_STATES: readonly string[] = ['accepted', 'inProgress', 'suspended', 'reportedUp'];

/**
 * A case's light from its stored clock columns on `today` — the same reading as the
 * worklist's (src/cases/view.ts lightOf), so the board and the worklist agree.
 */
export function storedLight(r: { promisedDue: string | null; statutoryDue: string | null; yellowOn: string | null; state: string }, today: string): Light | null {
  if (!r.promisedDue || !LIT_STATES.includes(r.state)) return null;
  if (r.statutoryDue && r.statutoryDue < today) return 'black';
  if (r.promisedDue < today) return 'red';
  if (r.yellowOn && r.yellowOn <= today) return 'yellow';
  return 'green';
}

/** The last working day for answering an order issued on `issuedOn` (the issue day does not count). */
export function answerDue(calendar: WorkCalendar, issuedOn: string, workingDays: number): string {
  return calendar.addWorkingDays(issuedOn, workingDays).date;
}

/** An order escalates the day after its answer was due, if still unanswered and not yet escalated. */
export function escalationDue(order: { kind: LadderKind; answerDue: string | null; answeredAt: string | null; escalatedAt: string | null }, today: string): boolean {
  return order.kind === 'order' && order.answerDue !== null && order.answeredAt === null && order.escalatedAt === null && today > order.answerDue;
}

/** 督字〔2026〕第000012号 style numbers, per center, kind and year. */
export function docNumber(centerName: string, mark: string, year: string, seq: number): string {
  const short = centerName.replace(/政务服务中心|便民服务中心|便民服务站|便民代办点/g, '');
  return `${short}监察${mark}字〔${year}〕第${String(seq).padStart(6, '0')}号`;
}
