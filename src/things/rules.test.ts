import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkCalendar } from '../core/calendar/calendar.js';
import type { Limit, Material } from '../catalog/types.js';
import {
  answerProblems, chooseItems, chosenPredecessors, criticalPath, findCycle, mergeFields, mergeMaterials, orderProblems,
  schedule, topologicalOrder, totals, validateThing, fieldProblems, type MemberItem,
} from './rules.js';
import type { ThingData, ThingItem } from './types.js';

const wd = (value: number): Limit => ({ value, unit: 'workingDays' });
const SPOT: Limit = { value: 0, unit: 'onTheSpot' };
const mat = (id: string, o: Partial<Material> = {}): Material => ({ id, name: id, required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant', ...o });
const member = (code: string, limit: Limit, materials: Material[] = [mat('id-card')], departmentId = `d-${code}`): MemberItem =>
  ({ code, name: `事项${code}`, departmentId, promisedLimit: limit, materials });
const ti = (itemCode: string, o: Partial<ThingItem> = {}): ThingItem => ({ itemCode, after: [], fields: [], shares: [], ...o });

/** 新生儿出生 in miniature: A 出生医学证明 (2) → B 户口 (spot) → C 医保 (1) → D 社保卡 (spot, if asked); E 生育登记 (if not yet). */
function newborn(): { data: ThingData; members: Map<string, MemberItem> } {
  const members = new Map([
    member('A', wd(2), [mat('application'), mat('parent-id')], 'WJ'),
    member('B', SPOT, [mat('birth-certificate', { source: 'sharing', sourceAgency: '卫健委' }), mat('id-card')], 'GA'),
    member('C', wd(1), [mat('application'), mat('birth-certificate'), mat('id-card')], 'YB'),
    member('D', SPOT, [mat('id-card'), mat('photo', { required: 'optional' })], 'RS'),
    member('E', SPOT, [mat('id-card'), mat('marriage', { source: 'sharing', sourceAgency: '民政局' })], 'WJ'),
  ].map((m) => [m.code, m]));
  const field = (key: string, kind: 'text' | 'date' = 'text', required = true) => ({ key, label: key, kind, required });
  const data: ThingData = {
    name: '新生儿出生一件事', lifeEvent: 'birth', servedParty: 'person', leadDepartmentId: 'WJ', summary: '一次办好', basis: '国办发〔2024〕3号',
    questions: [
      { key: 'card', text: '是否申领社保卡', kind: 'yesNo' },
      { key: 'registered', text: '是否已办生育登记', kind: 'yesNo' },
    ],
    items: [
      ti('A', { fields: [field('childName'), field('birthDate', 'date')], shares: [{ materialId: 'parent-id', key: 'parents-id' }, { materialId: 'application', key: 'form' }] }),
      ti('B', { after: ['A'], fields: [field('childName'), field('address')], shares: [{ materialId: 'id-card', key: 'parents-id' }, { materialId: 'birth-certificate', key: 'birth-cert' }] }),
      ti('C', { after: ['B'], fields: [field('childName'), field('birthDate', 'date', false)], shares: [{ materialId: 'id-card', key: 'parents-id' }, { materialId: 'birth-certificate', key: 'birth-cert' }, { materialId: 'application', key: 'form' }] }),
      ti('D', { after: ['C'], when: [{ question: 'card', in: ['yes'] }], fields: [field('bank')], shares: [{ materialId: 'id-card', key: 'parents-id' }] }),
      ti('E', { when: [{ question: 'registered', in: ['no'] }], fields: [field('address')], shares: [{ materialId: 'id-card', key: 'parents-id' }] }),
    ],
    sharedMaterials: [
      { key: 'parents-id', name: '父母双方居民身份证' },
      { key: 'birth-cert', name: '出生医学证明', producedBy: 'A' },
      { key: 'form', name: '一件事联办申请表' },
    ],
    contact: { address: '县政务服务中心', hours: '工作日', phone: '0938-1' },
  };
  return { data, members };
}

describe('a valid thing', () => {
  it('passes validation', () => {
    const { data, members } = newborn();
    expect(validateThing(data, members)).toEqual([]);
  });
});

describe('questionnaire', () => {
  it('asks every question once, with one of its options', () => {
    const { data } = newborn();
    expect(answerProblems(data.questions, { card: 'yes', registered: 'no' })).toEqual([]);
    expect(answerProblems(data.questions, { card: 'yes' }).map((p) => p.field)).toEqual(['answers.registered']);
    expect(answerProblems(data.questions, { card: 'maybe', registered: 'no', extra: 'x' }).map((p) => p.field)).toEqual(['answers.card', 'answers.extra']);
  });

  it('chooses the items whose conditions hold', () => {
    const { data } = newborn();
    expect(chooseItems(data.items, { card: 'yes', registered: 'no' }).map((i) => i.itemCode)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(chooseItems(data.items, { card: 'no', registered: 'yes' }).map((i) => i.itemCode)).toEqual(['A', 'B', 'C']);
  });
});

describe('order', () => {
  it('refuses a cycle and names it', () => {
    const items = [ti('A', { after: ['C'] }), ti('B', { after: ['A'] }), ti('C', { after: ['B'] }), ti('D')];
    expect(findCycle(items)).toEqual(['A', 'C', 'B', 'A']);
    const p = orderProblems(items);
    expect(p).toHaveLength(1);
    expect(p[0]!.messageZh).toContain('循环等待');
  });

  it('refuses unknown predecessors and waiting on oneself', () => {
    expect(orderProblems([ti('A', { after: ['X'] }), ti('B', { after: ['B'] })]).map((p) => p.field)).toEqual(['items.0.after.0', 'items.1.after.0']);
  });

  it('passes a left-out item\'s waits on to the items after it', () => {
    const { data } = newborn();
    const preds = chosenPredecessors(data.items, new Set(['A', 'C', 'D']));
    expect(preds.get('C')).toEqual(['A']);
    expect(preds.get('D')).toEqual(['C']);
  });
});

describe('promised total', () => {
  it('is the critical path, at most the sum of the parts', () => {
    const members = new Map([member('L', wd(1)), member('F', wd(5)), member('X', wd(10)), member('S', wd(1)), member('I', SPOT)].map((m) => [m.code, m]));
    const items = [ti('L'), ti('F', { after: ['L'] }), ti('X', { after: ['L'] }), ti('S', { after: ['L'] }), ti('I', { after: ['L'] })];
    const t = totals(items, items, members);
    expect(t).toEqual({ promisedWorkingDays: 11, sumWorkingDays: 17, criticalPath: ['L', 'X'] });
    const small = totals(items, items.filter((i) => i.itemCode !== 'X'), members);
    expect(small).toMatchObject({ promisedWorkingDays: 6, sumWorkingDays: 7, criticalPath: ['L', 'F'] });
  });

  it('is dated on the working calendar across the National Day holiday', () => {
    const members = new Map([member('L', wd(1)), member('F', wd(5)), member('I', SPOT)].map((m) => [m.code, m]));
    const preds = new Map([['L', []], ['F', ['L']], ['I', ['L']]]);
    // Filed Tue 2025-09-30: L due Thu Oct 9 (Oct 1–8 off), F accepted Oct 9 → 5 working days incl. Sat Oct 11.
    const s = schedule(WorkCalendar.national(), '2025-09-30', ['L', 'F', 'I'], preds, members);
    expect(s.items).toEqual([
      { code: 'L', startsOn: '2025-09-30', endsOn: '2025-10-09', waitsFor: [] },
      { code: 'F', startsOn: '2025-10-09', endsOn: '2025-10-15', waitsFor: ['L'] },
      { code: 'I', startsOn: '2025-10-09', endsOn: '2025-10-09', waitsFor: ['L'] },
    ]);
    expect(s).toMatchObject({ startsOn: '2025-09-30', endsOn: '2025-10-15', workingDays: 6 });
  });

  it('starts a filing made on a day off on the next working day', () => {
    const members = new Map([member('L', wd(1))].map((m) => [m.code, m]));
    const s = schedule(WorkCalendar.national(), '2025-10-01', ['L'], new Map([['L', []]]), members);
    expect(s).toMatchObject({ startsOn: '2025-10-09', endsOn: '2025-10-10', workingDays: 1 });
  });
});

describe('merged form', () => {
  it('asks a field several items need once, required if any requires it', () => {
    const { data } = newborn();
    const f = mergeFields(chooseItems(data.items, { card: 'no', registered: 'no' }));
    expect(f.map((x) => x.key)).toEqual(['childName', 'birthDate', 'address']);
    expect(f.find((x) => x.key === 'childName')!.usedBy).toEqual(['A', 'B', 'C']);
    expect(f.find((x) => x.key === 'birthDate')!.required).toBe(true);
  });

  it('refuses one key defined two ways', () => {
    const items = [ti('A', { fields: [{ key: 'd', label: 'd', kind: 'date', required: true }] }), ti('B', { fields: [{ key: 'd', label: 'd', kind: 'text', required: true }] })];
    expect(fieldProblems(items).map((p) => p.field)).toEqual(['items.1.fields.0.kind']);
  });
});

describe('merged materials', () => {
  it('hands a shared material in once; produced and shared ones are not demanded', () => {
    const { data, members } = newborn();
    const list = mergeMaterials(chooseItems(data.items, { card: 'yes', registered: 'no' }), members, data.sharedMaterials);
    const ids = list.find((m) => m.key === 'parents-id')!;
    expect(ids).toMatchObject({ name: '父母双方居民身份证', handIn: 'applicant' });
    expect(ids.usedBy.map((u) => u.itemCode)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(list.find((m) => m.key === 'birth-cert')).toMatchObject({ handIn: 'produced', producedBy: 'A' });
    expect(list.find((m) => m.key === 'E:marriage')).toMatchObject({ handIn: 'sharing', sourceAgency: '民政局' });
    expect(list.find((m) => m.key === 'D:photo')).toMatchObject({ required: 'optional', handIn: 'applicant' });
    expect(list.filter((m) => m.key === 'form')).toHaveLength(1);
  });

  it('refuses a produced material used by an item that does not wait for its producer', () => {
    const { data, members } = newborn();
    data.items[2] = { ...data.items[2]!, after: [] };
    expect(validateThing(data, members).map((p) => p.field)).toContain('sharedMaterials.1.producedBy');
  });

  it('refuses a promise longer than a plan can date', () => {
    const { data, members } = newborn();
    members.set('A', { ...members.get('A')!, promisedLimit: wd(3000) });
    members.set('C', { ...members.get('C')!, promisedLimit: wd(3000) });
    expect(validateThing(data, members).map((p) => p.messageZh)).toEqual(['承诺总时限不得超过3650个工作日']);
  });

  it('refuses a lead department that handles none of the items', () => {
    const { data, members } = newborn();
    expect(validateThing({ ...data, leadDepartmentId: 'XX' }, members).map((p) => p.field)).toContain('leadDepartmentId');
  });
});

// ---- Properties over random DAGs ------------------------------------------------------

/** A random DAG: item i may wait only for items before it; random limits and a random chosen subset. */
const dagArb = fc.integer({ min: 1, max: 9 }).chain((n) => fc.record({
  limits: fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }).map(wd), fc.constant(SPOT)), { minLength: n, maxLength: n }),
  edges: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  chosen: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  shuffle: fc.array(fc.nat(), { minLength: n, maxLength: n }),
}).map(({ limits, edges, chosen, shuffle }) => {
  const codes = limits.map((_, i) => `I${i}`);
  const items = codes.map((c, i) => ti(c, { after: codes.filter((_, j) => j < i && edges[i]![j]) }));
  // Listed in a random order: the rules must not depend on the listing.
  const listed = items.map((it, i) => ({ it, k: shuffle[i]! })).sort((a, b) => a.k - b.k).map((x) => x.it);
  const members = new Map(codes.map((c, i) => [c, member(c, limits[i]!)]));
  return { items: listed, members, chosen: new Set(codes.filter((_, i) => chosen[i])) };
}));

describe('properties', () => {
  it('the promised total lies between the longest part and the sum of the parts', () => {
    fc.assert(fc.property(dagArb, ({ items, members }) => {
      const t = totals(items, items, members);
      const longest = Math.max(...items.map((i) => members.get(i.itemCode)!.promisedLimit.value));
      expect(t.promisedWorkingDays).toBeLessThanOrEqual(t.sumWorkingDays);
      expect(t.promisedWorkingDays).toBeGreaterThanOrEqual(longest);
      expect(findCycle(items)).toBeNull();
    }));
  });

  it('leaving items out never lengthens the promise, and every kept wait follows a path of the whole', () => {
    fc.assert(fc.property(dagArb, ({ items, members, chosen }) => {
      const full = totals(items, items, members);
      const part = totals(items, items.filter((i) => chosen.has(i.itemCode)), members);
      expect(part.promisedWorkingDays).toBeLessThanOrEqual(full.promisedWorkingDays);
      const order = topologicalOrder([...chosen], chosenPredecessors(items, chosen));
      for (const [c, ps] of chosenPredecessors(items, chosen)) for (const p of ps) expect(order.indexOf(p)).toBeLessThan(order.indexOf(c));
    }));
  });

  it('with working-day limits, the dated plan takes exactly the promised total, holidays or not', () => {
    fc.assert(fc.property(dagArb, ({ items, members }) => {
      const codes = items.map((i) => i.itemCode);
      const preds = chosenPredecessors(items, new Set(codes));
      // From Mon 2025-03-03: up to 180 working days, across Qingming, May Day and Dragon Boat.
      const s = schedule(WorkCalendar.national(), '2025-03-03', codes, preds, members);
      expect(s.workingDays).toBe(criticalPath(codes, preds, (c) => members.get(c)!.promisedLimit.value).total);
    }));
  });

  it('any edge that closes a circle is refused', () => {
    fc.assert(fc.property(dagArb, fc.nat(), fc.nat(), ({ items }, a, b) => {
      const order = topologicalOrder(items.map((i) => i.itemCode), new Map(items.map((i) => [i.itemCode, i.after])));
      if (order.length < 2) return;
      const [lo, hi] = [a % order.length, b % order.length].sort((x, y) => x - y) as [number, number];
      if (lo === hi) return;
      // Make the earlier item wait for the later one, which waits (perhaps indirectly) for… add the direct edge too.
      const first = order[lo]!;
      const last = order[hi]!;
      const looped = items.map((i) => (i.itemCode === first ? { ...i, after: [...i.after, last] } : i.itemCode === last ? { ...i, after: [...new Set([...i.after, first])] } : i));
      expect(findCycle(looped)).not.toBeNull();
      expect(orderProblems(looped).some((p) => p.messageZh.includes('循环等待'))).toBe(true);
    }));
  });
});
