import { describe, expect, it } from 'vitest';
import { buildIndex, normalize, queryWords, search, substringDistance, TIER, type SearchDoc } from './search.js';
import { describe as describeItem } from './searchIndex.js';
import { items } from '../demo/data/items.js';
import type { GuideData } from './types.js';

// The demo catalog (清渭县, item names as the seeds and national catalogs write them).
const docs: SearchDoc[] = items.filter((i) => (i.status ?? 'published') === 'published').map((i) => ({
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
  it('exact name > alias > name contains > pinyin (homophone) > description', () => {
    const r = search(small, '临时救助');
    expect(r.hits.map((h) => h.id)).toEqual(['exact', 'alias', 'contains', 'pinyin', 'desc']);
    expect(r.hits.map((h) => h.match)).toEqual(['name', 'alias', 'nameContains', 'pinyin', 'description']);
    expect(r.hits[0].score).toBe(TIER.name);
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
  it('suggests close names when nothing matches', () => {
    const r = search(index, '婚烟登记');
    // Only the word 登记 matched: listed, but the complete query found nothing, so suggest.
    expect(r.hits.every((h) => h.score < TIER.description)).toBe(true);
    expect(r.suggestions[0]).toBe('内地居民结婚登记');
  });
  it('suggests by pinyin for a mistyped pinyin query', () => {
    const r = search(index, 'shebaokaa');
    expect(r.hits).toEqual([]);
    expect(r.suggestions[0]).toBe('社会保障卡申领');
  });
  it('gives nothing for nonsense', () => {
    expect(search(index, 'qqqqqqxz')).toEqual({ hits: [], suggestions: [] });
  });
});

describe('helpers', () => {
  it('normalize folds width, case, spaces and punctuation', () => {
    expect(normalize(' ＤＩ bao！')).toBe('dibao');
  });
  it('queryWords drops filler words and rejoins single characters', () => {
    expect(queryWords('我想办理营业执照')).toEqual(['营业', '执照']);
    expect(queryWords('低保申请')).toEqual(['低保']);
    expect(queryWords('办理')).toEqual(['办理']);
  });
  it('substringDistance is the edit distance to the best part', () => {
    expect(substringDistance('婚烟', '内地居民结婚登记')).toBe(1);
    expect(substringDistance('abc', 'xxabcxx')).toBe(0);
    expect(substringDistance('', 'x')).toBe(0);
  });
});
