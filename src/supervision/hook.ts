import type { CaseChange } from '../cases/hooks.js';
import { recordLadderSteps } from './steps.js';
import { rungFor, storedLight } from './ladder.js';

/**
 * Follows every case change in its transaction: a change that leaves the case yellow, red
 * or black (an action on a case whose light moved since the last sweep, an extension
 * ending, a resume after a pause…) records the ladder step at once, because the action
 * has just moved its next light change (case_light_queue) past today and the sweep would
 * not see this light again.
 * (Live boards hear about case changes from the event log: see bus.ts.)
 */
export async function supervisionHook(c: CaseChange): Promise<void> {
  if (rungFor(storedLight(c.after, c.today), c.after.kind)) await recordLadderSteps(c.tx, [c.after], c.today, c.at);
}
