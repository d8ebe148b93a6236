import type { CaseChange } from '../cases/hooks.js';
import { recordLadderSteps } from './steps.js';
import { rungOf, storedLight } from './ladder.js';

/**
 * Follows every case change in its transaction: a change that leaves the case yellow, red
 * or black (an action on a case whose light moved since the last sweep, an extension
 * ending, a resume after a pause…) records the ladder step at once, because the action
 * has just moved next_change_on past today and the sweep would not see this light again.
 * (Live boards hear about case changes from the event log: see bus.ts.)
 *
 * A 即办 case is due the day it is accepted, so it is "yellow" from its first moment; the
 * window decides it in the same sitting, and an urge notice to the department then would
 * only be noise (a marriage window accepts dozens a day). It enters the ladder if it is
 * still open after its day: red, a supervision order.
 */
export async function supervisionHook(c: CaseChange): Promise<void> {
  const rung = rungOf(storedLight(c.after, c.today));
  if (!rung || (rung === 'yellow' && c.after.kind === 'immediate')) return;
  await recordLadderSteps(c.tx, [c.after], c.today, c.at);
}
