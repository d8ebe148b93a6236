import type { CaseChange } from '../hooks.js';
import { syncParts } from './parts.js';

/**
 * Case hook: after any change of a joint case (a pause starts or ends, the case is
 * decided, withdrawn, reopened…) its parts' sub-due dates and worklist flags follow in
 * the same transaction. Other cases cost nothing.
 */
export async function syncJointParts(change: CaseChange): Promise<void> {
  if (change.after.kind !== 'joint') return;
  await syncParts(change.tx, change.after, change.today);
}
