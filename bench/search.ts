/**
 * Public guide search: p50/p99 of `search()` (search.ts) on the demo catalog and on N
 * generated items, against a same-run baseline — a plain `includes` scan over the item
 * names, the least any search must do (and all the old ILIKE search did). Also the time to
 * build the index (done once per catalog change). In-process, no database. Prints the
 * relevance table's precision@3 (src/catalog/relevance.ts: 100 queries as people say them,
 * and a held-out set never tuned on) on the demo catalog's published items.
 *   npm run bench:search [-- 5000]
 */
import { buildIndex, normalize, search, type SearchDoc } from '../src/catalog/search.js';
import { describe } from '../src/catalog/searchIndex.js';
import { items } from '../src/demo/data/items.js';
import { DEMO_ITEM_GUIDES } from '../src/things/demo.js';
import { HELD_OUT, RELEVANCE, scoreRelevance } from '../src/catalog/relevance.js';
import type { GuideData } from '../src/catalog/types.js';

const N = Number(process.argv[2] ?? 5000);
const ROUNDS = Number(process.argv[3] ?? 30);
/** What people type: names, colloquial names, pinyin, initials, a sentence, a typo (no hit → suggestions). */
const QUERIES = ['低保', 'dibao', 'dbsq', '营业执照', '结婚', '婚姻', '我想办理营业执照', '社保卡', 'shebaoka', '身份证', '过户', '婚烟登记', '食品经营许可', 'qqxz'];

const demoDocs: SearchDoc[] = items.map((i) => ({
  id: i.name, name: i.name, aliases: i.aliases ?? [], keywords: i.keywords ?? [], description: describe(i as unknown as GuideData),
}));

/** Deterministic generated catalog: demo items renamed with county prefixes and variants. */
function generate(n: number): SearchDoc[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const places = ['龙泉镇', '石桥沟村', '柳树沟村', '城关镇', '新华街道', '东川乡', '西河乡', '南山镇', '北关街道', '清水镇'];
  const variants = ['', '（变更）', '（注销）', '（补办）', '（延续）', '初审', '备案', '年检', '核验', '换证'];
  return Array.from({ length: n }, (_, i) => {
    const base = pick(demoDocs);
    return {
      id: `g${i}`, name: `${pick(places)}${base.name}${pick(variants)}`, aliases: base.aliases.slice(0, 1 + Math.floor(rnd() * base.aliases.length)),
      keywords: base.keywords, description: base.description,
    };
  });
}

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

function time(f: (q: string) => unknown, queries = QUERIES, rounds = ROUNDS): number[] {
  for (const q of queries) f(q); // warm up
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      f(q);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

function run(label: string, docs: SearchDoc[]) {
  const t0 = performance.now();
  const index = buildIndex(docs);
  const build = performance.now() - t0;
  // A rebuild after one item changed (what a publish costs the next search): fields are cached.
  const t1 = performance.now();
  buildIndex([...docs.slice(1), { ...docs[0], name: `${docs[0].name}（修订）` }]);
  const rebuild = performance.now() - t1;
  const names = docs.map((d) => ({ id: d.id, name: normalize(d.name) }));
  const baseline = percentiles(time((q) => { const n = normalize(q); return names.filter((d) => d.name.includes(n)); }));
  const ours = percentiles(time((q) => search(index, q)));
  const hits = QUERIES.map((q) => search(index, q).hits.length);
  const perQuery = QUERIES.map((q) => {
    const t: number[] = [];
    for (let r = 0; r < 7; r++) { const t0 = performance.now(); search(index, q); t.push(performance.now() - t0); }
    return `${q}=${percentiles(t).p50.toFixed(2)}`;
  });
  console.log(`${label}: ${docs.length} items, index built in ${build.toFixed(1)} ms, rebuilt after one change in ${rebuild.toFixed(1)} ms`);
  console.log(`  includes scan over names   p50 ${baseline.p50.toFixed(3)} ms  p99 ${baseline.p99.toFixed(3)} ms`);
  console.log(`  search (ranked, pinyin…)   p50 ${ours.p50.toFixed(3)} ms  p99 ${ours.p99.toFixed(3)} ms  (${(ours.p99 / baseline.p99).toFixed(1)}× the baseline p99)`);
  console.log(`  hits per query: ${QUERIES.map((q, i) => `${q}=${hits[i]}`).join(' ')}`);
  console.log(`  median ms per query: ${perQuery.join(' ')}`);
  const table = percentiles(time((q) => search(index, q), RELEVANCE.map((r) => r.q), Math.max(3, Math.round(ROUNDS / 5))));
  console.log(`  the relevance table's 100 queries: p50 ${table.p50.toFixed(3)} ms  p99 ${table.p99.toFixed(3)} ms`);
}

function relevance() {
  // The seeded catalog: the published demo items and the ones the 一件事 demo adds (src/things/demo.ts).
  const docs = [...demoDocs.filter((_, i) => (items[i].status ?? 'published') === 'published'), ...DEMO_ITEM_GUIDES.map((g) => ({
    id: g.name, name: g.name, aliases: g.aliases ?? [], keywords: g.keywords ?? [], description: describe(g),
  }))];
  const index = buildIndex(docs);
  const rank = (q: string) => search(index, q).hits.map((h) => h.id);
  const main = scoreRelevance(rank);
  const held = scoreRelevance(rank, HELD_OUT);
  console.log(`relevance (demo catalog, ${docs.length} published items): precision@3 ${main.precisionAt3.toFixed(3)}, first row right ${main.hitAt1.toFixed(3)} over ${RELEVANCE.length} queries; held out: precision@3 ${held.precisionAt3.toFixed(3)}, first row right ${held.hitAt1.toFixed(3)} over ${HELD_OUT.length}`);
  const misses = [...main.perQuery, ...held.perQuery].filter((r) => r.p < 1);
  if (misses.length) console.log(`  below 1: ${misses.map((r) => `${r.q}→[${r.top.join('、')}]`).join(' ')}`);
}

relevance();

run('demo catalog', demoDocs);
run('generated catalog', generate(N));
