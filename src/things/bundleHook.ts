/**
 * The case hook of 一件事 (installed in src/compose.ts): when a part's case changes state, in
 * that change's transaction, the bundle follows — the part's state, the waiting parts that may
 * start now (their cases dated that day), the parts cancelled downstream of a refusal, the
 * bundle's state, endedOn and completedAt, an audit row, and one SMS to the applicant.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CaseChange } from '../cases/hooks.js';
import type { Tx } from '../core/db/index.js';
import { appendAudit } from '../core/audit/audit.js';
import { centerById } from '../core/org/lookup.js';
import { enqueue } from '../core/outbox/enqueue.js';
import { cases } from '../cases/schema.js';
import { bundleCases, bundleParts, thingVersions } from './schema.js';
import { ENDED_PARTS, bundleStateOf, cancelDownstream, eventSummary, settleParts, type PartFacts } from './bundleRules.js';
import { startPart, submitterOf, type BundleRow } from './bundleStart.js';
import type { PartState } from './types.js';

/** The center's time zone for the receipts of the parts the hook starts (set by src/compose.ts from the config). */
let timeZone = 'Asia/Shanghai';
export function bundleTimeZone(tz: string): void {
  timeZone = tz;
}

/** Only a change of state (or of the decision) can move a bundle. */
const moved = (c: CaseChange) => c.before !== null && (c.before.state !== c.after.state || c.before.outcome !== c.after.outcome);

export async function bundleHook(change: CaseChange): Promise<void> {
  if (!moved(change)) return;
  const { tx } = change;
  const [link] = await tx.select({ bundleId: bundleParts.bundleId }).from(bundleParts).where(eq(bundleParts.caseId, change.after.id));
  if (!link) return;
  // The bundle row is the lock: two parts changing at once follow one another here.
  const [bundle] = await tx.select().from(bundleCases).where(eq(bundleCases.id, link.bundleId)).for('update');
  await followParts(tx, bundle!, change);
}

async function partsOf(tx: Tx, bundleId: string, change: CaseChange) {
  const list = await tx.select({ part: bundleParts, caseState: cases.state, outcome: cases.outcome }).from(bundleParts)
    .leftJoin(cases, eq(cases.id, bundleParts.caseId)).where(eq(bundleParts.bundleId, bundleId));
  return list.map(({ part, caseState, outcome }) => ({
    ...part,
    // The changing case as this change leaves it (whatever the statement order of the engine).
    caseState: part.caseId === change.after.id ? change.after.state : caseState,
    caseOutcome: part.caseId === change.after.id ? change.after.outcome : outcome,
  }));
}

async function followParts(tx: Tx, bundle: BundleRow, change: CaseChange) {
  const parts = await partsOf(tx, bundle.id, change);
  const settled = settleParts(parts);
  const [v] = await tx.select({ data: thingVersions.data }).from(thingVersions)
    .where(and(eq(thingVersions.thingId, bundle.thingId), eq(thingVersions.version, bundle.thingVersion)));
  const started: string[] = [];
  const unavailable: string[] = [];
  if (settled.toStart.length) {
    const submitter = await submitterOf(tx, bundle.submittedBy);
    const chosen = new Set(parts.map((p) => p.itemCode));
    for (const code of settled.toStart) {
      const s = await startPart(tx, { bundle, thing: v!.data, itemCode: code, chosen, submitter, now: change.at, today: change.today, origin: '', timeZone });
      if (s) started.push(code);
      else unavailable.push(code);
    }
  }
  // An item with no published version left cannot be filed: cancelled, and so is what waits on it.
  for (const code of unavailable) settled.states.set(code, 'cancelled');
  if (unavailable.length) cancelDownstream(parts, settled.states);
  // Every part whose state moved (the started ones were written with their case).
  const changes = parts.filter((p) => settled.states.get(p.itemCode) !== p.state && !started.includes(p.itemCode));
  for (const p of changes) {
    const to = settled.states.get(p.itemCode)!;
    // The day it ended; none when it runs again (a refusal overturned).
    const endedOn = !ENDED_PARTS.includes(to) ? null : ENDED_PARTS.includes(p.state) ? p.endedOn : change.today;
    await tx.update(bundleParts).set({ state: to, endedOn })
      .where(and(eq(bundleParts.bundleId, bundle.id), eq(bundleParts.itemCode, p.itemCode)));
  }
  const after = parts.map((p) => ({ ...p, state: settled.states.get(p.itemCode)!, caseState: started.includes(p.itemCode) ? 'submitted' as const : p.caseState }));
  const state = bundleStateOf(after);
  if (changes.length === 0 && started.length === 0 && state === bundle.state) return;
  await writeBundle(tx, bundle, change, { state, parts, after, started });
}

type Part = Awaited<ReturnType<typeof partsOf>>[number];

async function writeBundle(tx: Tx, bundle: BundleRow, change: CaseChange, w: { state: BundleRow['state']; parts: Part[]; after: { itemCode: string; state: PartState }[]; started: string[] }) {
  const nowIso = change.at.toISOString();
  // Running again (a refusal overturned and the case redone): not ended any more.
  const endedOn = w.state === 'running' ? null : (bundle.endedOn ?? change.today);
  const completedAt = w.state === 'completed' ? (bundle.completedAt ?? nowIso) : null;
  await tx.update(bundleCases).set({ state: w.state, endedOn, completedAt, version: sql`${bundleCases.version} + 1`, updatedAt: nowIso }).where(eq(bundleCases.id, bundle.id));
  const name = (code: string) => w.parts.find((p) => p.itemCode === code)!.itemName;
  const became = (s: PartState) => w.after.filter((a) => a.state === s && w.parts.find((p) => p.itemCode === a.itemCode)!.state !== s).map((a) => a.itemCode);
  const moves = w.after.filter((a) => a.state !== w.parts.find((p) => p.itemCode === a.itemCode)!.state).map((a) => ({ itemCode: a.itemCode, from: w.parts.find((p) => p.itemCode === a.itemCode)!.state, to: a.state }));
  await appendAudit(tx, {
    actorId: change.actor.id, actorRole: change.actor.role, action: 'bundle.change', entityType: 'bundleCase', entityId: bundle.id,
    before: { state: bundle.state, version: bundle.version }, after: { state: w.state, version: bundle.version + 1, endedOn, byCase: change.after.caseNo, parts: moves }, at: change.at,
  });
  const summary = eventSummary({
    refused: became('refused').map(name), cancelled: became('cancelled').map(name), started: w.started.map(name),
    // The results that let the waiting parts start.
    ready: w.started.length ? [...new Set(w.started.flatMap((c) => w.parts.find((p) => p.itemCode === c)!.waitsFor))].map(name) : [],
    bundleState: { from: bundle.state, to: w.state },
  });
  if (!summary) return;
  const center = await centerById(tx, bundle.centerId);
  await enqueue(tx, [{
    channel: 'sms', recipientUserId: bundle.applicantUserId, address: bundle.applicantPhone, template: 'bundle.progress',
    payload: { bundleId: bundle.id, bundleNo: bundle.bundleNo, queryCode: bundle.queryCode, thingName: bundle.thingName, summary, centerName: center.name },
  }], change.at);
}
