/**
 * Pure rules of a 一件事 bundle case (issue 24): a part's state from its case, which waiting
 * parts start and which are cancelled, the bundle's state, what its refusals mean for the
 * others, the one SMS of a bundle event and the bundle's light. No I/O: the hook and the
 * views hand in the rows.
 */
import type { CaseState } from '../cases/types.js';
import type { Material } from '../catalog/types.js';
import { idNumberMessage, phoneMessage } from '../core/identity/index.js';
import type { BundleMaterial, BundleState, FormField, PartState, SharedMaterial, ThingItem } from './types.js';

/** What the rules need of one part: its item, its waits, its state, and its case's state when started. */
export interface PartFacts {
  itemCode: string;
  itemName: string;
  waitsFor: readonly string[];
  state: PartState;
  /** Null while waiting or cancelled (no case). */
  caseState: CaseState | null;
  caseOutcome?: 'approved' | 'denied' | null;
}

/** Case states that end a case without its result (不予受理, 退回, 撤回, 终止). */
const ENDED_WITHOUT_RESULT: readonly CaseState[] = ['refused', 'returned', 'withdrawn', 'terminated'];
const CLOSED: readonly CaseState[] = ['completed', 'archived', ...ENDED_WITHOUT_RESULT];
const RESULT_READY: readonly CaseState[] = ['resultReady', 'delivered'];

/** Part states that have ended: nothing more happens to the part except its case closing. */
export const ENDED_PARTS: readonly PartState[] = ['resultReady', 'refused', 'completed', 'cancelled'];
/** Part states whose result a waiting part may use. */
const HAS_RESULT: readonly PartState[] = ['resultReady', 'completed'];

export const caseClosed = (s: CaseState | null) => s !== null && CLOSED.includes(s);

/**
 * A started part's state from its case: refused when the case ended without its result or was
 * denied (不予许可: the result it was filed for never comes); result ready once the result is
 * made; completed when the case closed with it; started otherwise.
 */
export function partStateOfCase(state: CaseState, outcome: 'approved' | 'denied' | null | undefined): PartState {
  if (ENDED_WITHOUT_RESULT.includes(state) || outcome === 'denied') return 'refused';
  if (state === 'completed' || state === 'archived') return 'completed';
  if (RESULT_READY.includes(state)) return 'resultReady';
  return 'started';
}

export interface Settled {
  /** Every part's state after the change. */
  states: Map<string, PartState>;
  /** Waiting parts whose predecessors all have their result: to start now. */
  toStart: string[];
  /** Waiting parts that can no longer be filed (a predecessor, or its predecessor, was refused). */
  toCancel: string[];
}

/**
 * The parts after their cases changed, worked out afresh from the cases: started parts follow
 * their cases; a part without a case waits, or is cancelled when a predecessor (or its
 * predecessor) is refused or cancelled — so a refusal overturned on review (否定备案纠正) lets
 * them wait again; a waiting part whose predecessors all have a result starts.
 */
export function settleParts(parts: readonly PartFacts[]): Settled {
  const states = new Map<string, PartState>(parts.map((p) => [p.itemCode, p.caseState !== null ? partStateOfCase(p.caseState, p.caseOutcome) : 'waiting']));
  cancelDownstream(parts, states);
  const toCancel = parts.filter((p) => states.get(p.itemCode) === 'cancelled' && p.state !== 'cancelled').map((p) => p.itemCode);
  const toStart = parts.filter((p) => states.get(p.itemCode) === 'waiting' && p.waitsFor.every((w) => HAS_RESULT.includes(states.get(w) ?? 'waiting')))
    .map((p) => p.itemCode);
  for (const c of toStart) states.set(c, 'started');
  return { states, toStart, toCancel };
}

/** Cancels (in `states`) every waiting part downstream of a refused or cancelled one, transitively. */
export function cancelDownstream(parts: readonly Pick<PartFacts, 'itemCode' | 'waitsFor'>[], states: Map<string, PartState>): void {
  for (let moved = true; moved;) {
    moved = false;
    for (const p of parts) {
      if (states.get(p.itemCode) !== 'waiting') continue;
      if (p.waitsFor.some((w) => states.get(w) === 'refused' || states.get(w) === 'cancelled')) {
        states.set(p.itemCode, 'cancelled');
        moved = true;
      }
    }
  }
}

/**
 * The bundle's state: running while a part waits or runs; completed when every part ended and
 * every started part's case is closed; result ready in between (results wait to be handed over).
 */
export function bundleStateOf(parts: readonly Pick<PartFacts, 'state' | 'caseState'>[]): BundleState {
  if (parts.some((p) => !ENDED_PARTS.includes(p.state))) return 'running';
  return parts.every((p) => p.caseState === null || caseClosed(p.caseState)) ? 'completed' : 'resultReady';
}

export interface Refusal { itemCode: string; itemName: string; cancelled: string[] }

/** Each refused part with the names of the parts cancelled because they needed its result (directly or not). */
export function refusalsOf(parts: readonly Pick<PartFacts, 'itemCode' | 'itemName' | 'waitsFor' | 'state'>[]): Refusal[] {
  const byCode = new Map(parts.map((p) => [p.itemCode, p]));
  const downstream = (code: string, seen = new Set<string>()): Set<string> => {
    for (const p of parts) {
      if (p.waitsFor.includes(code) && p.state === 'cancelled' && !seen.has(p.itemCode)) {
        seen.add(p.itemCode);
        downstream(p.itemCode, seen);
      }
    }
    return seen;
  };
  return parts.filter((p) => p.state === 'refused').map((p) => ({
    itemCode: p.itemCode, itemName: p.itemName, cancelled: [...downstream(p.itemCode)].map((c) => byCode.get(c)!.itemName),
  }));
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join('、');

/**
 * What a refusal means for the rest, in one sentence: 「其中“X”未获办理；“Y”因需其结果不再办理；
 * 其余事项照常办理。」 ('' when nothing was refused). The last clause only when others go on.
 */
export function refusalNotice(refusals: readonly Refusal[], partCount: number): string {
  if (refusals.length === 0) return '';
  const cancelled = [...new Set(refusals.flatMap((r) => r.cancelled))];
  const others = partCount - refusals.length - cancelled.length;
  const bits = [`其中${quoted(refusals.map((r) => r.itemName))}未获办理`];
  if (cancelled.length) bits.push(`${quoted(cancelled)}因需其结果不再办理`);
  if (others > 0) bits.push('其余事项照常办理');
  return `${bits.join('；')}。`;
}

/** One bundle event as the applicant's SMS tells it: which items moved how, in one sentence. */
export interface BundleEvent {
  refused: string[];
  cancelled: string[];
  started: string[];
  ready: string[];
  bundleState: { from: BundleState; to: BundleState };
}

/**
 * The SMS text of one bundle event, or null when nothing the applicant should hear of changed
 * (a part's own case texts its own steps; the bundle texts what joins them up).
 */
export function eventSummary(e: BundleEvent): string | null {
  const bits: string[] = [];
  if (e.refused.length) bits.push(`${quoted(e.refused)}未获办理`);
  if (e.cancelled.length) bits.push(`${quoted(e.cancelled)}因需其结果不再办理`);
  if (e.ready.length && e.started.length) bits.push(`${quoted(e.ready)}已出结果，${quoted(e.started)}已开始办理`);
  else if (e.started.length) bits.push(`${quoted(e.started)}已开始办理`);
  if (e.bundleState.from !== e.bundleState.to) {
    if (e.bundleState.to === 'resultReady') bits.push('全部事项已办结，请领取办理结果');
    if (e.bundleState.to === 'completed') bits.push('全部事项已办结');
  } else if (bits.length && (e.refused.length || e.cancelled.length) && e.bundleState.to === 'running') bits.push('其余事项照常办理');
  return bits.length ? bits.join('；') : null;
}

/** The center's yellow rule (the case clock's, src/core/clock): yellow within max(min, ⌊share × days⌋) working days of the due day. */
export interface LightSettings { yellowShare: number; minYellowDays: number }

/** Working days left before yellow: the case clock's threshold on the promised total. */
export function yellowThreshold(promisedWorkingDays: number, s: LightSettings): number {
  // The epsilon keeps 6 × (1/3) from flooring to 1 (as in the case clock).
  return Math.max(s.minYellowDays, Math.floor(s.yellowShare * promisedWorkingDays + 1e-9));
}

/**
 * The light of a running bundle against its promised total; null once every part has ended.
 * The one rule of the progress view and of supervision (src/supervision/thingsFigures.ts).
 */
export function bundleLight(calendar: { workingDaysBetween(from: string, to: string): { days: number } }, b: { state: BundleState; promisedDue: string; promisedWorkingDays: number }, today: string, s: LightSettings): 'green' | 'yellow' | 'red' | null {
  if (b.state !== 'running') return null;
  if (today > b.promisedDue) return 'red';
  const remaining = calendar.workingDaysBetween(today, b.promisedDue).days;
  return remaining <= yellowThreshold(b.promisedWorkingDays, s) ? 'yellow' : 'green';
}

// ---- What each part's case gets of the one form and the one material list ---------------

/** The fields of the one form this item uses (its own keys), as its case's form data. */
export function partFormData(item: Pick<ThingItem, 'fields'>, formData: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of item.fields) if (Object.hasOwn(formData, f.key)) out[f.key] = formData[f.key];
  return out;
}

/**
 * The materials of this item's case: each handed-in upload under the item's own material id
 * (the same upload for every item sharing it), and, ticked without a file, the shared materials
 * the applicant does not hand in — a chosen predecessor's result, or one the thing obtains by
 * data sharing.
 */
export function partMaterials(item: Pick<ThingItem, 'itemCode' | 'shares'>, materials: readonly Pick<Material, 'id'>[], shared: readonly SharedMaterial[],
  chosen: ReadonlySet<string>, given: readonly BundleMaterial[]): { materialId: string; fileId: string | null }[] {
  const shareOf = new Map(item.shares.map((s) => [s.materialId, s.key]));
  const sharedByKey = new Map(shared.map((s) => [s.key, s]));
  const fileOf = new Map(given.map((g) => [g.key, g.fileId]));
  return materials.flatMap((m): { materialId: string; fileId: string | null }[] => {
    const key = shareOf.get(m.id) ?? `${item.itemCode}:${m.id}`;
    const file = fileOf.get(key);
    if (file) return [{ materialId: m.id, fileId: file }];
    const s = sharedByKey.get(key);
    const handedOn = s && ((s.producedBy && chosen.has(s.producedBy) && s.producedBy !== item.itemCode) || s.sharingSource);
    return handedOn ? [{ materialId: m.id, fileId: null }] : [];
  });
}

/**
 * The one form's identity fields by the shared rules (src/core/identity), as at the window and in
 * every other form (issue 21): an ID number with a wrong check digit or a 10-digit mobile never
 * gets in through a 一件事 either. Blank optional fields are the required check's business.
 */
export function fieldValueProblems(fields: readonly Pick<FormField, 'key' | 'label' | 'kind'>[], formData: Readonly<Record<string, unknown>>, today: string) {
  const out: { field: string; message: string }[] = [];
  for (const f of fields) {
    const v = formData[f.key];
    if (typeof v !== 'string' || !v.trim()) continue;
    const why = f.kind === 'idNumber' ? idNumberMessage(v, today) : f.kind === 'phone' ? phoneMessage(v, { landline: true }) : null;
    if (why) out.push({ field: `body.formData.${f.key}`, message: `${f.label}：${why}` });
  }
  return out;
}
