/**
 * Pure rules of a thing (一件事): which items the answers choose, the one merged form, the
 * one merged material list, the order of the items (a DAG) and the promised total time.
 * No I/O: the service hands in the member items' published guides and the calendar.
 */
import type { Limit, Material } from '../catalog/types.js';
import type { Problem } from '../catalog/rules.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { computeClock } from '../core/clock/clock.js';
import type { Clause, FormField, Question, SharedMaterial, ThingData, ThingItem } from './types.js';

export type { Problem };

/** What the rules need of a member item: its published guide's facts. */
export interface MemberItem {
  code: string;
  name: string;
  departmentId: string;
  promisedLimit: Limit;
  materials: Material[];
}

export type Answers = Record<string, string>;

/**
 * The longest promise a thing may make (an item promises at most 3650 days): a plan dated from
 * today then always stays inside the working-day calendar's range (to 2149).
 */
export const MAX_TOTAL_WORKING_DAYS = 3650;

const YES_NO = [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }];

/** The options a question offers (yes/no for yesNo questions). */
export const optionsOf = (q: Question) => (q.kind === 'yesNo' ? YES_NO : q.options ?? []);

// ---- Questionnaire -------------------------------------------------------------------

/** Every question answered with one of its options, nothing else answered. */
export function answerProblems(questions: readonly Question[], answers: Answers): Problem[] {
  const p: Problem[] = [];
  const keys = new Set(questions.map((q) => q.key));
  for (const q of questions) {
    const a = answers[q.key];
    if (a === undefined) p.push({ field: `answers.${q.key}`, message: `Answer "${q.text}"`, messageZh: `请回答：${q.text}` });
    else if (!optionsOf(q).some((o) => o.value === a)) p.push({ field: `answers.${q.key}`, message: `"${a}" is not an option`, messageZh: `“${q.text}”的回答不在选项中` });
  }
  for (const k of Object.keys(answers)) {
    if (!keys.has(k)) p.push({ field: `answers.${k}`, message: 'No such question', messageZh: '没有这个问题' });
  }
  return p;
}

export const clauseHolds = (c: Clause, answers: Answers) => answers[c.question] !== undefined && c.in.includes(answers[c.question]!);

/** The items the answers choose, in the thing's order. */
export function chooseItems(items: readonly ThingItem[], answers: Answers): ThingItem[] {
  return items.filter((i) => (i.when ?? []).every((c) => clauseHolds(c, answers)));
}

// ---- Order (the DAG) -----------------------------------------------------------------

/**
 * A cycle among the items' `after` edges, as the codes along it (first = last), or null.
 * Depth-first search with colours; edges to unknown codes are ignored (reported apart).
 */
export function findCycle(items: readonly Pick<ThingItem, 'itemCode' | 'after'>[]): string[] | null {
  const after = new Map(items.map((i) => [i.itemCode, i.after]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (code: string): string[] | null => {
    state.set(code, 'open');
    stack.push(code);
    for (const p of after.get(code) ?? []) {
      if (!after.has(p)) continue;
      if (state.get(p) === 'open') return [...stack.slice(stack.indexOf(p)), p];
      if (!state.has(p)) {
        const c = visit(p);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(code, 'done');
    return null;
  };
  for (const i of items) {
    if (!state.has(i.itemCode)) {
      const c = visit(i.itemCode);
      if (c) return c;
    }
  }
  return null;
}

/**
 * For the chosen items, the chosen items each one waits for. An item left out passes its
 * own predecessors on: if C waits for B and B for A, and B is not chosen, C still waits for
 * A (B's wait was for A's result). Needs an acyclic graph.
 */
export function chosenPredecessors(all: readonly ThingItem[], chosen: ReadonlySet<string>): Map<string, string[]> {
  const after = new Map(all.map((i) => [i.itemCode, i.after]));
  const memo = new Map<string, Set<string>>();
  // The nearest chosen items reachable backwards from `code` through unchosen ones.
  const nearest = (code: string): Set<string> => {
    const hit = memo.get(code);
    if (hit) return hit;
    const out = new Set<string>();
    for (const p of after.get(code) ?? []) {
      if (!after.has(p)) continue;
      if (chosen.has(p)) out.add(p);
      else for (const q of nearest(p)) out.add(q);
    }
    memo.set(code, out);
    return out;
  };
  return new Map([...chosen].map((c) => [c, [...nearest(c)].sort()]));
}

/** The items in an order where each comes after everything it waits for (Kahn; stable). */
export function topologicalOrder(codes: readonly string[], preds: ReadonlyMap<string, readonly string[]>): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < codes.length) {
    const next = codes.find((c) => !done.has(c) && (preds.get(c) ?? []).every((p) => done.has(p)));
    if (next === undefined) throw new Error('cycle among the items');
    done.add(next);
    out.push(next);
  }
  return out;
}

// ---- Time ----------------------------------------------------------------------------

/**
 * An item's promised limit as working days for the totals: on the spot is 0; calendar days
 * count as that many working days, an upper bound (N calendar days never hold more than N
 * working days). The dated plan (`schedule`) counts them exactly.
 */
export const workingDaysOf = (l: Limit) => (l.unit === 'onTheSpot' ? 0 : l.value);

export interface CriticalPath { total: number; path: string[] }

/** The longest chain of waits: each item's time added along it. */
export function criticalPath(codes: readonly string[], preds: ReadonlyMap<string, readonly string[]>, days: (code: string) => number): CriticalPath {
  const best = new Map<string, CriticalPath>();
  for (const c of topologicalOrder(codes, preds)) {
    let before: CriticalPath = { total: 0, path: [] };
    for (const p of preds.get(c) ?? []) if (best.get(p)!.total > before.total) before = best.get(p)!;
    best.set(c, { total: before.total + days(c), path: [...before.path, c] });
  }
  let out: CriticalPath = { total: 0, path: [] };
  for (const v of best.values()) if (v.total > out.total || out.path.length === 0) out = v;
  return out;
}

export interface Totals {
  /** The promised total: the critical path of the waits, in working days. */
  promisedWorkingDays: number;
  /** What the items promise one after another (what the applicant faced before). */
  sumWorkingDays: number;
  criticalPath: string[];
}

export function totals(items: readonly ThingItem[], chosen: readonly ThingItem[], members: ReadonlyMap<string, MemberItem>): Totals {
  const codes = chosen.map((i) => i.itemCode);
  const preds = chosenPredecessors(items, new Set(codes));
  const days = (c: string) => workingDaysOf(members.get(c)!.promisedLimit);
  const cp = criticalPath(codes, preds, days);
  return { promisedWorkingDays: cp.total, sumWorkingDays: codes.reduce((s, c) => s + days(c), 0), criticalPath: cp.path };
}

export interface ScheduledItem { code: string; startsOn: string; endsOn: string; waitsFor: string[] }

/**
 * The dated plan: each item is accepted when everything it waits for is due (or on the
 * first working day of the filing, for the ones that wait for nothing) and is due by its
 * own promise, counted by the case clock's own rule (computeClock: the acceptance day does
 * not count; calendar days roll to a working day). The thing ends when its last item is due.
 */
export function schedule(calendar: WorkCalendar, filedOn: string, codes: readonly string[], preds: ReadonlyMap<string, readonly string[]>, members: ReadonlyMap<string, MemberItem>) {
  const startsOn = calendar.addWorkingDays(filedOn, 0).date;
  const ends = new Map<string, string>();
  const items: ScheduledItem[] = [];
  for (const c of topologicalOrder(codes, preds)) {
    const waitsFor = [...(preds.get(c) ?? [])];
    const start = waitsFor.reduce((d, p) => (ends.get(p)! > d ? ends.get(p)! : d), startsOn);
    const limit = members.get(c)!.promisedLimit;
    const due = computeClock(calendar, { acceptedOn: start, promisedLimit: limit, statutoryLimit: limit, today: start }).promisedDue!;
    ends.set(c, due);
    items.push({ code: c, startsOn: start, endsOn: due, waitsFor });
  }
  const endsOn = items.reduce((d, i) => (i.endsOn > d ? i.endsOn : d), startsOn);
  const span = calendar.workingDaysBetween(startsOn, endsOn);
  return { startsOn, endsOn, workingDays: span.days, fallback: span.fallback, items };
}

// ---- The one form --------------------------------------------------------------------

const sameField = (a: FormField, b: FormField) =>
  a.kind === b.kind && JSON.stringify(a.options ?? []) === JSON.stringify(b.options ?? []);

export interface MergedField extends FormField { usedBy: string[] }

/**
 * One field per key across the chosen items, in first-seen order: asked once, required when
 * any item requires it, listing the items that use it. Definitions of one key must agree
 * (`fieldProblems`), so the first one stands for all.
 */
export function mergeFields(chosen: readonly ThingItem[]): MergedField[] {
  const byKey = new Map<string, MergedField>();
  for (const i of chosen) {
    for (const f of i.fields) {
      const m = byKey.get(f.key);
      if (!m) byKey.set(f.key, { ...f, usedBy: [i.itemCode] });
      else {
        m.required ||= f.required;
        if (!m.usedBy.includes(i.itemCode)) m.usedBy.push(i.itemCode);
      }
    }
  }
  return [...byKey.values()];
}

// ---- The one material list -----------------------------------------------------------

export type HandIn = 'applicant' | 'sharing' | 'produced';

export interface MergedMaterial {
  key: string;
  name: string;
  required: Material['required'];
  condition?: string;
  /** applicant: handed in once; sharing: obtained by data sharing; produced: the result of an item of the thing. */
  handIn: HandIn;
  sourceAgency?: string;
  producedBy?: string;
  copies: number;
  usedBy: { itemCode: string; materialId: string }[];
}

const STRENGTH: Record<Material['required'], number> = { optional: 0, conditional: 1, required: 2 };

/**
 * The chosen items' materials, each shared material once. A material not named in any
 * item's `shares` stays the item's own (key `code:materialId`). A shared material is not
 * demanded when the thing names its data-sharing source, when the item that produces it is
 * chosen, or when every item that uses it already gets it by sharing.
 */
export function mergeMaterials(chosen: readonly ThingItem[], members: ReadonlyMap<string, MemberItem>, shared: readonly SharedMaterial[]): MergedMaterial[] {
  const sharedByKey = new Map(shared.map((s) => [s.key, s]));
  const chosenCodes = new Set(chosen.map((i) => i.itemCode));
  const out = new Map<string, MergedMaterial & { all: Material[] }>();
  for (const i of chosen) {
    const shareOf = new Map(i.shares.map((s) => [s.materialId, s.key]));
    for (const mat of members.get(i.itemCode)?.materials ?? []) {
      const sk = shareOf.get(mat.id);
      const key = sk ?? `${i.itemCode}:${mat.id}`;
      const m = out.get(key);
      if (m) {
        m.usedBy.push({ itemCode: i.itemCode, materialId: mat.id });
        m.all.push(mat);
        if (STRENGTH[mat.required] > STRENGTH[m.required]) Object.assign(m, { required: mat.required, condition: mat.condition });
        m.copies = Math.max(m.copies, mat.copies);
        continue;
      }
      const s = sk ? sharedByKey.get(sk) : undefined;
      out.set(key, {
        key, name: s?.name ?? mat.name, required: mat.required, ...(mat.condition ? { condition: mat.condition } : {}),
        handIn: 'applicant', copies: mat.copies, usedBy: [{ itemCode: i.itemCode, materialId: mat.id }], all: [mat],
      });
    }
  }
  return [...out.values()].map(({ all, ...m }) => {
    const s = sharedByKey.get(m.key);
    if (s?.producedBy && chosenCodes.has(s.producedBy)) return { ...m, handIn: 'produced' as const, producedBy: s.producedBy };
    if (s?.sharingSource) return { ...m, handIn: 'sharing' as const, sourceAgency: s.sharingSource };
    if (all.every((x) => x.source === 'sharing')) return { ...m, handIn: 'sharing' as const, sourceAgency: all[0]!.sourceAgency };
    return m;
  });
}

// ---- Validation ----------------------------------------------------------------------

const KEY_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Everything that must hold before a thing can be submitted, reviewed or published. */
export function validateThing(d: ThingData, members: ReadonlyMap<string, MemberItem>): Problem[] {
  const p: Problem[] = [];
  for (const [f, zh] of [['name', '名称'], ['summary', '简介'], ['basis', '政策依据']] as const) {
    if (!d[f].trim()) p.push({ field: f, message: `Missing ${f}`, messageZh: `缺少${zh}` });
  }
  if (!d.contact.phone.trim()) p.push({ field: 'contact.phone', message: 'Missing consultation phone', messageZh: '缺少咨询电话' });
  if (d.items.length < 2) p.push({ field: 'items', message: 'A thing bundles at least two items', messageZh: '一件事至少包含两个事项' });
  p.push(...questionProblems(d.questions), ...itemProblems(d, members), ...orderProblems(d.items), ...fieldProblems(d.items), ...sharedProblems(d, members));
  if (!d.items.some((i) => members.get(i.itemCode)?.departmentId === d.leadDepartmentId)) {
    p.push({ field: 'leadDepartmentId', message: 'The lead department handles one of the items', messageZh: '牵头部门须为所含事项的实施部门之一' });
  }
  if (p.length === 0) {
    const t = totals(d.items, d.items, members);
    // Holds by construction (a path is a part of the sum); kept as the published promise's guard.
    if (t.promisedWorkingDays > t.sumWorkingDays) p.push({ field: 'items', message: 'The promised total exceeds the sum of the parts', messageZh: '承诺总时限不得超过各事项时限之和' });
    if (t.promisedWorkingDays > MAX_TOTAL_WORKING_DAYS) p.push({ field: 'items', message: `The promised total exceeds ${MAX_TOTAL_WORKING_DAYS} working days`, messageZh: `承诺总时限不得超过${MAX_TOTAL_WORKING_DAYS}个工作日` });
  }
  return p;
}

function questionProblems(qs: readonly Question[]): Problem[] {
  const p: Problem[] = [];
  const seen = new Set<string>();
  qs.forEach((q, i) => {
    if (!KEY_RE.test(q.key) || seen.has(q.key)) p.push({ field: `questions.${i}.key`, message: 'Question keys are distinct words', messageZh: '问题标识须为不重复的英文标识' });
    seen.add(q.key);
    if (!q.text.trim()) p.push({ field: `questions.${i}.text`, message: 'Missing question text', messageZh: '缺少问题内容' });
    const values = optionsOf(q).map((o) => o.value);
    if (q.kind === 'choice' && (values.length < 2 || new Set(values).size !== values.length)) {
      p.push({ field: `questions.${i}.options`, message: 'A choice offers at least two distinct options', messageZh: '选择题至少有两个不重复的选项' });
    }
  });
  return p;
}

function itemProblems(d: ThingData, members: ReadonlyMap<string, MemberItem>): Problem[] {
  const p: Problem[] = [];
  const seen = new Set<string>();
  const questions = new Map(d.questions.map((q) => [q.key, q]));
  d.items.forEach((it, i) => {
    if (seen.has(it.itemCode)) p.push({ field: `items.${i}.itemCode`, message: 'An item appears once', messageZh: `事项${it.itemCode}重复` });
    seen.add(it.itemCode);
    const m = members.get(it.itemCode);
    if (!m) p.push({ field: `items.${i}.itemCode`, message: `No published item ${it.itemCode}`, messageZh: `事项${it.itemCode}不存在或未发布` });
    (it.when ?? []).forEach((c, j) => {
      const q = questions.get(c.question);
      if (!q) p.push({ field: `items.${i}.when.${j}.question`, message: 'Unknown question', messageZh: '条件引用的问题不存在' });
      else if (c.in.length === 0 || c.in.some((v) => !optionsOf(q).some((o) => o.value === v))) {
        p.push({ field: `items.${i}.when.${j}.in`, message: 'A condition names options of its question', messageZh: '条件须为该问题的选项' });
      }
    });
    it.shares.forEach((s, j) => {
      if (m && !m.materials.some((x) => x.id === s.materialId)) p.push({ field: `items.${i}.shares.${j}.materialId`, message: `The item has no material ${s.materialId}`, messageZh: `事项“${m.name}”没有材料${s.materialId}` });
      if (!d.sharedMaterials.some((x) => x.key === s.key)) p.push({ field: `items.${i}.shares.${j}.key`, message: 'Unknown shared material', messageZh: '共享材料不存在' });
    });
  });
  return p;
}

/** Unknown or repeated predecessors, waits on oneself, and cycles (named along the cycle). */
export function orderProblems(items: readonly ThingItem[]): Problem[] {
  const p: Problem[] = [];
  const codes = new Set(items.map((i) => i.itemCode));
  items.forEach((it, i) => {
    it.after.forEach((a, j) => {
      if (!codes.has(a)) p.push({ field: `items.${i}.after.${j}`, message: `${a} is not an item of the thing`, messageZh: `前置事项${a}不在本件事中` });
      else if (a === it.itemCode) p.push({ field: `items.${i}.after.${j}`, message: 'An item cannot wait for itself', messageZh: '事项不能以自身为前置' });
    });
    if (new Set(it.after).size !== it.after.length) p.push({ field: `items.${i}.after`, message: 'A predecessor is named twice', messageZh: '前置事项重复' });
  });
  const cycle = findCycle(items.map((i) => ({ itemCode: i.itemCode, after: i.after.filter((a) => a !== i.itemCode) })));
  if (cycle) p.push({ field: 'items', message: `The items wait for each other in a circle: ${cycle.join(' → ')}`, messageZh: `事项之间循环等待：${cycle.join(' → ')}` });
  return p;
}

/** Field keys are words and one key means one field: same kind and options wherever it is asked. */
export function fieldProblems(items: readonly ThingItem[]): Problem[] {
  const p: Problem[] = [];
  const first = new Map<string, FormField>();
  items.forEach((it, i) => {
    const own = new Set<string>();
    it.fields.forEach((f, j) => {
      const at = `items.${i}.fields.${j}`;
      if (!KEY_RE.test(f.key) || own.has(f.key)) p.push({ field: `${at}.key`, message: 'Field keys are distinct words', messageZh: '字段标识须为不重复的英文标识' });
      own.add(f.key);
      if (f.kind === 'choice' && (f.options?.length ?? 0) < 2) p.push({ field: `${at}.options`, message: 'A choice field offers at least two options', messageZh: '选择字段至少有两个选项' });
      const seen = first.get(f.key);
      if (!seen) first.set(f.key, f);
      else if (!sameField(seen, f)) p.push({ field: `${at}.kind`, message: `Field ${f.key} is defined differently by another item`, messageZh: `字段“${f.label}”与其他事项的定义不一致` });
    });
  });
  return p;
}

/**
 * Shared materials: distinct keys, each used by some item; one produced by an item is used
 * only by items that wait (directly or not) for that item, so the result exists when needed.
 */
function sharedProblems(d: ThingData, members: ReadonlyMap<string, MemberItem>): Problem[] {
  const p: Problem[] = [];
  const seen = new Set<string>();
  const codes = new Set(d.items.map((i) => i.itemCode));
  const ancestors = ancestorSets(d.items);
  d.sharedMaterials.forEach((s, i) => {
    if (!KEY_RE.test(s.key) || seen.has(s.key)) p.push({ field: `sharedMaterials.${i}.key`, message: 'Shared material keys are distinct words', messageZh: '共享材料标识须为不重复的英文标识' });
    seen.add(s.key);
    if (!s.name.trim()) p.push({ field: `sharedMaterials.${i}.name`, message: 'Missing name', messageZh: '缺少材料名称' });
    const users = d.items.filter((it) => it.shares.some((x) => x.key === s.key));
    if (users.length === 0) p.push({ field: `sharedMaterials.${i}`, message: 'No item uses this shared material', messageZh: `共享材料“${s.name}”未被任何事项使用` });
    if (s.producedBy) {
      if (!codes.has(s.producedBy)) p.push({ field: `sharedMaterials.${i}.producedBy`, message: 'Produced by an item of the thing', messageZh: '出具事项须在本件事中' });
      else for (const u of users) {
        if (u.itemCode !== s.producedBy && !ancestors.get(u.itemCode)?.has(s.producedBy)) {
          const name = members.get(u.itemCode)?.name ?? u.itemCode;
          p.push({ field: `sharedMaterials.${i}.producedBy`, message: `${u.itemCode} uses it but does not wait for ${s.producedBy}`, messageZh: `事项“${name}”使用该材料，但未等待其出具事项办结` });
        }
      }
    }
  });
  return p;
}

/** Every item's transitive predecessors (on an acyclic graph; a cycle is reported apart). */
function ancestorSets(items: readonly ThingItem[]): Map<string, Set<string>> {
  const after = new Map(items.map((i) => [i.itemCode, i.after]));
  const memo = new Map<string, Set<string>>();
  const visit = (c: string, path: Set<string>): Set<string> => {
    const hit = memo.get(c);
    if (hit) return hit;
    const out = new Set<string>();
    for (const p of after.get(c) ?? []) {
      if (!after.has(p) || path.has(p)) continue;
      out.add(p);
      for (const q of visit(p, new Set([...path, p]))) out.add(q);
    }
    memo.set(c, out);
    return out;
  };
  for (const i of items) visit(i.itemCode, new Set([i.itemCode]));
  return memo;
}
