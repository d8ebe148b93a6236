import { describe, expect, it } from 'vitest';
import { analyse, buildIndex, normalize, search, segment, substringDistance, TIER, type SearchDoc } from './search.js';
import { RELEVANCE, scoreRelevance } from './relevance.js';
import { describe as describeItem } from './searchIndex.js';
import { items } from '../demo/data/items.js';
import { DEMO_ITEM_GUIDES } from '../things/demo.js';
import type { GuideData } from './types.js';

// The demo catalog (清渭县, item names as the seeds and national catalogs write them).
// With the items the 一件事 demo adds (src/things/demo.ts), as the seeded catalog has them.
const docs: SearchDoc[] = [...items.filter((i) => (i.status ?? 'published') === 'published'), ...DEMO_ITEM_GUIDES].map((i) => ({
  id: i.name, name: i.name, aliases: i.aliases ?? [], keywords: i.keywords ?? [], description: describeItem(i as unknown as GuideData),
}));
const index = buildIndex(docs);
const names = (q: string) => search(index, q).hits.map((h) => h.id);

/** What people type → the item that must come first (colloquial names, pinyin, initials, typos). */
const TABLE: [string, string][] = [
  ['低保', '最低生活保障审核确认'],
  ['dibao', '最低生活保障审核确认'],
  ['dbsq', '最低生活保障审核确认'],
  ['我想申请低保', '最低生活保障审核确认'],
  ['低报', '最低生活保障审核确认'],
  ['结婚', '内地居民结婚登记'],
  ['结婚登记', '内地居民结婚登记'],
  ['jiehun', '内地居民结婚登记'],
  ['离婚', '内地居民离婚登记'],
  ['开公司', '企业设立登记'],
  ['个体户', '个体工商户设立登记'],
  ['过户', '不动产转移登记'],
  ['房产过户', '不动产转移登记'],
  ['社保卡', '社会保障卡申领'],
  ['shebaoka', '社会保障卡申领'],
  ['身份证', '居民身份证申领'],
  ['怎么办身份证', '居民身份证申领'],
  ['sfz', '居民身份证申领'],
  ['失业金', '失业保险金申领'],
  ['准生证', '生育登记'],
  ['上户口', '出生登记'],
  ['迁户口', '户口迁移'],
  ['新车上牌', '机动车注册登记'],
  ['环评', '建设项目环境影响评价审批（报告表）'],
  ['施工许可证', '建筑工程施工许可'],
  ['预售证', '商品房预售许可'],
  ['高龄补贴', '高龄津贴申领'],
  ['五保', '特困人员救助供养审核'],
  ['药店', '药品零售企业许可'],
  ['发票', '发票领用'],
  ['退休', '退休审批'],
  ['收养登记', '收养登记'],
  ['餐饮许可证', '食品经营许可'],
  ['ＤＩＢＡＯ', '最低生活保障审核确认'],
];

describe('search table: query → first hit', () => {
  it('has at least 30 pairs', () => expect(TABLE.length).toBeGreaterThanOrEqual(30));
  it.each(TABLE)('%s → %s', (q, expected) => {
    expect(docs.some((d) => d.name === expected)).toBe(true);
    expect(names(q)[0]).toBe(expected);
  });
});

describe('search: groups of items', () => {
  it('营业执照 finds the business registrations first', () => {
    // 企业变更登记 is a draft in the demo catalog, so not public.
    const top = names('营业执照').slice(0, 3);
    expect(new Set(top)).toEqual(new Set(['个体工商户设立登记', '企业设立登记', '企业开办一件事（设立登记、印章刻制、发票申领、社保登记）']));
    expect(names('营业执照')).not.toContain('企业变更登记');
  });
  it('结婚 and 婚姻 find the marriage items', () => {
    expect(names('结婚')).toContain('内地居民结婚登记');
    expect(names('婚姻').slice(0, 2).sort()).toEqual(['内地居民离婚登记', '内地居民结婚登记'].sort());
  });
  it('a sentence finds by its words: 我想办理营业执照', () => {
    expect(names('我想办理营业执照').slice(0, 4)).toContain('企业设立登记');
  });
});

describe('ranking tiers', () => {
  const small = buildIndex([
    { id: 'exact', name: '临时救助', aliases: [], keywords: [], description: '' },
    { id: 'alias', name: '困难群众帮扶', aliases: ['临时救助'], keywords: [], description: '' },
    { id: 'contains', name: '临时救助金发放', aliases: [], keywords: [], description: '' },
    { id: 'pinyin', name: '林世久住登记', aliases: [], keywords: [], description: '' },
    { id: 'desc', name: '医疗救助', aliases: [], keywords: [], description: '可先行申请临时救助' },
    { id: 'none', name: '出生登记', aliases: [], keywords: [], description: '' },
  ]);
  it('exact name > alias > name contains; a weaker tier is cut when a strong one matched', () => {
    const r = search(small, '临时救助');
    expect(r.hits.map((h) => h.id)).toEqual(['exact', 'alias', 'contains']);
    expect(r.hits.map((h) => h.match)).toEqual(['name', 'alias', 'nameContains']);
    expect(r.hits[0].score).toBe(TIER.name);
  });
  it('pinyin (homophone) when no name or word matched; description only when nothing else did', () => {
    const noNames = search(small, '临时救助', { filter: (d) => !['exact', 'alias', 'contains'].includes(d.id) });
    expect(noNames.hits.map((h) => [h.id, h.match])).toEqual([['pinyin', 'pinyin']]);
    const onlyDesc = search(small, '临时救助', { filter: (d) => d.id === 'desc' || d.id === 'none' });
    expect(onlyDesc.hits.map((h) => [h.id, h.match])).toEqual([['desc', 'description']]);
  });
  it('typed pinyin: full, prefix at a syllable start, initials', () => {
    expect(search(small, 'linshijiuzhu').hits[0].id).toBe('exact');
    expect(search(small, 'jiuzhu').hits.map((h) => h.id)).toContain('exact');
    expect(search(small, 'lsjz').hits[0].id).toBe('exact');
    // "shij" would be a substring of "linshijiuzhu" but not at a syllable start of 困难群众帮扶 etc.
    expect(search(small, 'injiu').hits).toEqual([]);
  });
  it('filters leave out documents', () => {
    expect(search(small, '临时救助', { filter: (d) => d.id !== 'exact' }).hits[0].id).toBe('alias');
  });
  it('codes match only queries with digits', () => {
    const c = buildIndex([{ id: 'a', name: '发票领用', aliases: [], keywords: [], description: '', code: '62052400SW-GG-0001' }]);
    expect(search(c, 'SW-GG-0001').hits[0].match).toBe('code');
    expect(search(c, 'gg').hits).toEqual([]);
  });
});

describe('did you mean', () => {
  it('a name one character away ranks first and is suggested: 婚烟登记', () => {
    const r = search(index, '婚烟登记');
    expect(r.hits[0]).toMatchObject({ id: '内地居民结婚登记', match: 'fuzzy' });
    // Not every item with 登记 in its name (the issue: 28 rows beginning with 出生登记).
    expect(r.hits.length).toBeLessThanOrEqual(3);
    expect(r.suggestions[0]).toBe('内地居民结婚登记');
  });
  it('suggests by pinyin for a mistyped pinyin query', () => {
    const r = search(index, 'shebaokaa');
    expect(r.hits.map((h) => h.id)).toEqual(['社会保障卡申领']);
    expect(r.suggestions[0]).toBe('社会保障卡申领');
  });
  it('gives nothing for nonsense', () => {
    expect(search(index, 'qqqqqqxz')).toEqual({ hits: [], suggestions: [] });
  });
  it('suggests nothing that has nothing in common: 护照, 驾照, 考驾照', () => {
    // 医保 left this list when the 一件事 demo added the 医保局's 参保登记 (src/things/demo.ts).
    for (const q of ['护照', '驾照', '考驾照', '港澳通行证']) expect(search(index, q), q).toEqual({ hits: [], suggestions: [] });
  });
});

describe('ranking rules', () => {
  const rules = buildIndex([
    { id: 'food', name: '食品经营许可', aliases: [], keywords: ['饭店'], description: '' },
    { id: 'mine', name: '采矿许可', aliases: ['开矿'], keywords: [], description: '' },
    { id: 'idcard', name: '居民身份证申领', aliases: ['身份证', '补办身份证'], keywords: [], description: '' },
    ...Array.from({ length: 12 }, (_, i) => ({ id: `other${i}`, name: `其他事项${i}`, aliases: [], keywords: [], description: '需提交身份证复印件' })),
  ]);
  const ids = (q: string) => search(rules, q).hits.map((h) => h.id);
  it('a single character only narrows: 开饭店 is 饭店, not anything with 开', () => {
    expect(ids('开饭店')).toEqual(['food']);
  });
  it('a qualifier is not required but ranks the item that has it: 身份证丢了', () => {
    expect(ids('身份证丢了')).toEqual(['idcard']);
    expect(analyse(rules, '身份证丢了').optional.map((w) => w.text)).toEqual(['丢了']);
  });
  it('description hits are cut when a strong hit exists, and when they would list most of the catalog', () => {
    expect(ids('身份证')).toEqual(['idcard']);
    expect(search(rules, '复印件').hits).toEqual([]);
    expect(ids('复印件').length).toBe(0);
  });
  it('a word matched only in a description does not stand for the query', () => {
    const one = buildIndex([{ id: 'a', name: '最低生活保障', aliases: [], keywords: [], description: '重度残疾人' }, { id: 'b', name: '临时救助', aliases: [], keywords: [], description: '' }]);
    expect(search(one, '残疾证').hits).toEqual([]);
  });
  it('partial: more than half of the words must match; 孩子上学 is not 收养孩子', () => {
    const kids = buildIndex([{ id: 'adopt', name: '收养登记', aliases: ['收养孩子'], keywords: [], description: '' }, { id: 'x', name: '户口迁移', aliases: ['迁户口'], keywords: ['户口'], description: '' }]);
    expect(search(kids, '孩子上学').hits).toEqual([]);
    expect(search(kids, '户口迁到县城').hits.map((h) => h.id)).toEqual(['x']);
  });
  it('an item both a character away and partly matched is listed once', () => {
    // 居民身仿证申领: one character off the name (fuzzy), and 居民 + 申领 are 4 of its 7 word characters (partial).
    const both = buildIndex([{ id: 'id', name: '居民身份证申领', aliases: [], keywords: ['申领'], description: '' }, { id: 'x', name: '户口迁移', aliases: [], keywords: [], description: '' }]);
    const r = search(both, '居民身仿证申领');
    expect(r.hits.map((h) => [h.id, h.match])).toEqual([['id', 'fuzzy']]);
  });
  it('synonyms count a little less than the word itself', () => {
    const syn = buildIndex([{ id: 'pension', name: '退休审批', aliases: [], keywords: ['养老金'], description: '' }, { id: 'own', name: '退休人员待遇', aliases: [], keywords: ['退休金'], description: '' }]);
    expect(search(syn, '退休金').hits.map((h) => h.id)).toEqual(['own', 'pension']);
  });
});

describe('relevance table (src/catalog/relevance.ts)', () => {
  it('has 100 queries, each expected item in the demo catalog', () => {
    expect(RELEVANCE.length).toBe(100);
    for (const r of RELEVANCE) for (const e of r.expect) expect(docs.some((d) => d.name === e), e).toBe(true);
  });
  it('precision@3 stays at or above the measured floor', () => {
    const s = scoreRelevance(names);
    // Measured 0.99 (0.61 before issue 22's ranking; 1.00 before issue 24's 医保 item made 医保报销 show it); the floor leaves room for tuning, not for regressions.
    expect(s.precisionAt3).toBeGreaterThanOrEqual(0.95);
    expect(s.hitAt1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('helpers', () => {
  it('normalize folds width, case, spaces and punctuation', () => {
    expect(normalize(' ＤＩ bao！')).toBe('dibao');
  });
  it('segment cuts by the catalog\'s words, then ICU; single characters in a row stay one word', () => {
    expect(segment(index, '我想办理营业执照')).toEqual(['我想', '办理', '营业执照']);
    expect(segment(index, '社保卡丢了')).toEqual(['社保卡', '丢了']);
    expect(segment(index, '婚烟登记')).toEqual(['婚烟', '登记']);
    expect(analyse(index, '我要怎么申请低保').required.map((w) => w.text)).toEqual(['低保']);
    expect(analyse(index, '办理').required.map((w) => w.text)).toEqual([]);
  });
  it('substringDistance is the edit distance to the best part', () => {
    expect(substringDistance('婚烟', '内地居民结婚登记')).toBe(1);
    expect(substringDistance('abc', 'xxabcxx')).toBe(0);
    expect(substringDistance('', 'x')).toBe(0);
  });
});
