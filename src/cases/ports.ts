import type { SQLWrapper } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db/index.js';
import type { GuideData } from '../catalog/types.js';
import type { CaseHook } from './hooks.js';
import type { ClockSettings } from './settings.js';
import type { CaseRow } from './schema.js';

/**
 * What the case engine needs from the modules that follow it, handed in at start-up by
 * the composition place (src/compose.ts), so that src/cases imports none of them:
 * - `hooks`: every module that follows case changes in the change's transaction, in order;
 * - `clockSettings`: the clock's per-center settings (yellow share, minimum yellow days);
 * - `paymentDue`: whether delivery still waits for payment (a case fact the transition table checks);
 * - `deliveryHeld`: the names of the other items of the case's 一件事 bundle still running when
 *   its results are handed over together (empty: nothing holds the delivery);
 * - `licenceMaterials`: 免证办, materials taken from the applicant's e-licences (checked and recorded);
 * - `negativeFiling`: the 否定备案 row a refusal, return or denial files with the center, as a
 *   write not yet run (the action writes it with its event and audit row in one statement).
 */
export interface CaseEnginePorts {
  hooks: readonly CaseHook[];
  clockSettings(db: Queryable, centerId: string): Promise<ClockSettings>;
  paymentDue(db: Queryable, row: CaseRow, guide: GuideData): Promise<boolean>;
  deliveryHeld(db: Queryable, row: CaseRow): Promise<string[]>;
  negativeFiling(tx: Tx, filing: NegativeFiling): SQLWrapper;
  /**
   * 免证办: checks and records materials provided from the applicant's e-licences (src/licences/use.ts)
   * in the filing's transaction; throws a 422 when a licence is not usable.
   */
  licenceMaterials(tx: Tx, use: LicenceMaterialUse): Promise<void>;
}

/** A material provided from an e-licence with the holder's consent instead of an upload. */
export interface LicenceMaterial { materialId: string; licenceId: string; consent: boolean }
export interface LicenceMaterialUse {
  row: CaseRow; guide: GuideData; uses: readonly LicenceMaterial[];
  submitter: { id: string; role: string; centerId?: string | null }; nowIso: string; today: string;
}

/** What a refusing action files (src/filings keeps and reviews it). */
export interface NegativeFiling {
  caseId: string; centerId: string; departmentId: string;
  kind: 'refusal' | 'return' | 'denial'; reasons: string; filedAt: string; filedBy: string;
}

let installed: CaseEnginePorts | null = null;

/** Called by src/compose.ts only. Installing again replaces the ports (every app of a process composes the same ones). */
export function installCaseEngine(ports: CaseEnginePorts): void {
  installed = ports;
}

/**
 * The installed ports. Throws when nothing composed the engine: running a case change
 * without its hooks would silently leave statistics and supervision behind.
 */
export function caseEngine(): CaseEnginePorts {
  if (!installed) throw new Error('case engine not composed: call compose() (src/compose.ts) before using src/cases');
  return installed;
}
