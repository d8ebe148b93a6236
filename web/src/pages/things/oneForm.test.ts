/** The one form's pure helpers (dates as people type them, formData, groups), the answers in the address, and the state labels' English. */
import { describe, expect, it } from 'vitest';
import { BUNDLE_STATES, PART_STATES } from '../../../../src/things/types';
import en from '../../i18n/en/things';
import { answersFrom, isBundleNo, type PlanField, type PlanMaterial, type Question } from './api';
import { formDataOf, groupFields, normalizeDate, validDate } from './oneFormRules';
import { missingMaterials } from './materialRules';

const field = (key: string, kind: PlanField['kind'], group?: string, required = true): PlanField => ({ key, label: key, kind, required, usedBy: ['a'], ...(group ? { group } : {}) });

describe('the one form', () => {
  it('reads a date the way people type it and refuses a day that does not exist', () => {
    expect(normalizeDate('2026年3月5日')).toBe('2026-03-05');
    expect(normalizeDate('2026/3/5')).toBe('2026-03-05');
    expect(normalizeDate('20260305')).toBe('2026-03-05');
    expect(normalizeDate('2026-03-05')).toBe('2026-03-05');
    expect(normalizeDate('next week')).toBe('next week');
    expect(validDate('2026-02-28')).toBe(true);
    expect(validDate('2026-02-30')).toBe(false);
    expect(validDate('2026-2-3')).toBe(false);
  });

  it('sends trimmed values: ID numbers upper case, numbers as numbers, blanks left out, unknown keys dropped', () => {
    const fields = [field('name', 'text'), field('id', 'idNumber'), field('area', 'number'), field('born', 'date'), field('note', 'text', undefined, false)];
    expect(formDataOf({ name: ' 张三 ', id: '62052420260101001x', area: '85.5', born: '2026/1/2', note: '  ', other: 'x' }, fields))
      .toEqual({ name: '张三', id: '62052420260101001X', area: 85.5, born: '2026-01-02' });
    expect(formDataOf(undefined, fields)).toEqual({});
  });

  it('groups fields in the order the items ask them', () => {
    const groups = groupFields([field('a', 'text', '新生儿'), field('b', 'text', '父母'), field('c', 'date', '新生儿'), field('d', 'text')]);
    expect(groups.map(([g, fs]) => [g, fs.map((f) => f.key)])).toEqual([['新生儿', ['a', 'c']], ['父母', ['b']], ['', ['d']]]);
  });
});

describe('the way into the application', () => {
  const questions: Question[] = [
    { key: 'seal', text: '', kind: 'yesNo', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
    { key: 'entity', text: '', kind: 'choice', options: [{ value: 'company', label: '' }] },
  ];
  it('takes the answers from the address, only values the question offers', () => {
    expect(answersFrom(new URLSearchParams('seal=no&entity=bogus&other=1'), questions)).toEqual({ seal: 'no' });
  });
  it('tells a bundle number from a case number', () => {
    expect(isBundleNo('YJS620524202612070001')).toBe(true);
    expect(isBundleNo(' yjs1')).toBe(true);
    expect(isBundleNo('620524-20261207-0001')).toBe(false);
  });
  it('owes only the required materials the applicant hands in', () => {
    const m = (key: string, handIn: PlanMaterial['handIn'], required: PlanMaterial['required'] = 'required'): PlanMaterial => ({ key, name: key, required, handIn, copies: 1, usedBy: [] });
    const list = [m('id', 'applicant'), m('form', 'applicant'), m('opt', 'applicant', 'optional'), m('shared', 'sharing'), m('cert', 'produced')];
    expect(missingMaterials(list, { form: { id: 'f', name: 'a.pdf', size: 1, mime: 'application/pdf' } }).map((x) => x.key)).toEqual(['id']);
  });
});

describe('state labels', () => {
  it('every bundle and part state has its English by key', () => {
    const dict = en as Record<string, string>;
    expect(BUNDLE_STATES.filter((s) => !dict[`bundleState:${s}`])).toEqual([]);
    expect(PART_STATES.filter((s) => !dict[`partState:${s}`])).toEqual([]);
  });
});
