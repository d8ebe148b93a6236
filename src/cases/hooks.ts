import type { Tx } from '../core/db/index.js';
import type { CaseRow, PauseFacts } from './schema.js';

/**
 * A case changed: submitted, acted on, or moved by the system (sweeps, the center's
 * review). Hooks run inside the change's transaction, after the row, event and audit
 * row are written, so whatever they maintain (rollups, supervision records) commits or
 * rolls back with the change itself.
 */
export interface CaseChange {
  tx: Tx;
  /** 'submit', a case action name, or a system action ('withdraw', 'overturn', …). */
  action: string;
  /** The row before the change; null when the case was just submitted. */
  before: CaseRow | null;
  /** The row as written, clock columns included. */
  after: CaseRow;
  /** windowId: the acting receiver's window, when the actor is a signed-in person (jobs leave it out). */
  actor: { id: string | null; role: string; windowId?: string | null };
  at: Date;
  /** The business day of `at` in the center's time zone. */
  today: string;
  /** Facts recorded on the case event. */
  event: Record<string, unknown>;
  /** The case's pauses after the change, when the caller has read them (else a hook reads them). */
  pauses?: readonly PauseFacts[];
}

export type CaseHook = (change: CaseChange) => Promise<void>;

/** Runs every registered hook in order (the list is composed in src/compose.ts). */
export async function runCaseHooks(hooks: readonly CaseHook[], change: CaseChange): Promise<void> {
  for (const hook of hooks) await hook(change);
}
