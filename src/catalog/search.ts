/**
 * Public guide search: what people type → ranked catalog items. Pure (no I/O): the index is
 * built from plain documents and queried in memory; `searchIndex.ts` feeds it from the
 * database. Ranking tiers, best first:
 *   exact name > exact alias/keyword > name contains > alias/keyword contains
 *   > pinyin (full, initials, homophones) > description contains.
 * A query of several words ("我想办理营业执照") is also cut into words with
 * `Intl.Segmenter('zh')`; filler words are dropped and each word is matched on its own.
 * No hits → "did you mean": the closest names by edit distance on characters or pinyin.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchDoc {
  id: string;
  name: string;
  aliases: string[];
  keywords: string[];
  /** Free text searched last: theme, result, conditions… */
  description: string;
  /** Matched only when the query contains a digit (item codes like 62052400MZ-QR-0001). */
  code?: string;
}

export type MatchKind = 'name' | 'alias' | 'nameContains' | 'aliasContains' | 'pinyin' | 'description' | 'code';

/** Base score per tier; a small bonus (< 10) orders hits within a tier. */
export const TIER: Record<MatchKind, number> = {
  name: 100, code: 95, alias: 90, nameContains: 70, aliasContains: 60, pinyin: 40, description: 20,
};

interface Field {
  text: string;
  syllables: string[];
  /** Concatenated pinyin starting at each syllable, for prefix matches at syllable starts. */
  tails: string[];
  initials: string;
}

interface IndexedDoc {
  doc: SearchDoc; name: Field; terms: Field[]; description: string; code: string;
  /** Every field's full pinyin and initials, '|'-separated: one `includes` rules pinyin out. */
  pinyinAll: string;
  /** Every field's syllables as ' di bao |': a homophone query must appear in it. */
  syllablesAll: string;
}

export interface SearchIndex {
  docs: IndexedDoc[];
  /** Character pair → positions of the documents whose name, alias, keyword or code contains it. */
  bigrams: Map<string, number[]>;
  /** Syllable pair ("di bao") → positions of the documents with it in a name, alias or keyword. */
  syllablePairs: Map<string, number[]>;
}

export interface Hit { id: string; score: number; match: MatchKind }

export interface SearchResult { hits: Hit[]; suggestions: string[] }

/** Width, case, spaces and punctuation folded away: "低保 " = "低保", "ＤＩＢＡＯ" = "dibao". */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/ü/g, 'v').replace(/[\s\p{P}\p{S}]+/gu, '');
}

const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[a-z]+$/;

function syllablesOf(text: string): string[] {
  if (!text) return [];
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase()).filter(Boolean);
}

/**
 * Pinyin is the expensive part of building the index; names and search words rarely change,
 * so a rebuild after one item changed reuses every other field (cleared when it grows large).
 */
const fieldCache = new Map<string, Field>();

function field(raw: string): Field {
  const hit = fieldCache.get(raw);
  if (hit) return hit;
  if (fieldCache.size > 200_000) fieldCache.clear();
  const f = computeField(raw);
  fieldCache.set(raw, f);
  return f;
}

function computeField(raw: string): Field {
  const text = normalize(raw);
  const syllables = HAN.test(text) ? syllablesOf(text) : [];
  const tails = syllables.map((_, i) => syllables.slice(i).join(''));
  return { text, syllables, tails, initials: syllables.map((s) => s[0]).join('') };
}

export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const indexed = docs.map((doc) => {
    const name = field(doc.name);
    const terms = [...doc.aliases, ...doc.keywords].map(field).filter((f) => f.text);
    const all = [name, ...terms].filter((f) => f.syllables.length);
    return {
      doc, name, terms, description: normalize(doc.description), code: normalize(doc.code ?? ''),
      pinyinAll: all.map((f) => `${f.tails[0]}|${f.initials}`).join('|'),
      syllablesAll: all.map((f) => ` ${f.syllables.join(' ')} `).join('|'),
    };
  });
  const bigrams = new Map<string, number[]>();
  const syllablePairs = new Map<string, number[]>();
  const post = (m: Map<string, number[]>, key: string, i: number) => {
    const list = m.get(key);
    if (!list) m.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  indexed.forEach((d, i) => {
    // Descriptions are long and searched last: scanned directly instead (see candidates).
    for (const text of [d.name.text, ...d.terms.map((f) => f.text), d.code]) {
      for (let k = 0; k + 1 < text.length; k++) post(bigrams, text.slice(k, k + 2), i);
    }
    for (const f of [d.name, ...d.terms]) {
      for (let k = 0; k + 1 < f.syllables.length; k++) post(syllablePairs, `${f.syllables[k]} ${f.syllables[k + 1]}`, i);
    }
  });
  return { docs: indexed, bigrams, syllablePairs };
}

/**
 * Positions of the documents a Chinese query can match at all: a name, alias or keyword
 * match contains the query's first character pair, a homophone its first syllable pair, a
 * description match is found by scanning the descriptions. `null` = every document (pinyin
 * typed in letters, a single character).
 */
function candidates(index: SearchIndex, q: Query): Set<number> | null {
  if (q.latin || q.text.length < 2) return null;
  const out = new Set<number>(index.bigrams.get(q.text.slice(0, 2)) ?? []);
  if (q.syllables.length >= 2) for (const i of index.syllablePairs.get(`${q.syllables[0]} ${q.syllables[1]}`) ?? []) out.add(i);
  index.docs.forEach((d, i) => { if (d.description.includes(q.text)) out.add(i); });
  return out;
}

// ---- Matching one (already normalized) query word against one document ------------------

interface Query { text: string; latin: boolean; syllables: string[]; hasDigit: boolean; spaced: string }

function query(text: string): Query {
  const syllables = HAN.test(text) ? syllablesOf(text) : [];
  return { text, latin: LATIN_ONLY.test(text), syllables, hasDigit: /\d/.test(text), spaced: ` ${syllables.join(' ')} ` };
}

/** Can any field of the document match the query by pinyin at all? (cheap, before the exact rules) */
function pinyinPossible(q: Query, d: IndexedDoc): boolean {
  if (q.latin) return q.text.length >= 2 ? d.pinyinAll.includes(q.text) : false;
  return q.syllables.length >= 2 && d.syllablesAll.includes(q.spaced);
}

/** Typed pinyin: full pinyin from a syllable start ("dibao", "baozhang"), or initials ("dbsq"). */
function pinyinScore(q: Query, f: Field): number {
  if (f.syllables.length === 0) return 0;
  if (q.latin) {
    if (f.tails[0] === q.text) return 9;
    if (f.tails[0].startsWith(q.text) && q.text.length >= 2) return 8;
    if (f.initials === q.text && q.text.length >= 2) return 7;
    if (q.text.length >= 3 && f.tails.some((t) => t.startsWith(q.text))) return 5;
    if (q.text.length >= 2 && f.initials.startsWith(q.text)) return 4;
    if (q.text.length >= 3 && f.initials.includes(q.text)) return 2;
    return 0;
  }
  // A Chinese word written with a homophone ("低报" for 低保): same syllables in a row.
  const qs = q.syllables;
  if (qs.length < 2 || qs.length > f.syllables.length) return 0;
  for (let i = 0; i + qs.length <= f.syllables.length; i++) {
    if (qs.every((s, k) => f.syllables[i + k] === s)) return qs.length === f.syllables.length ? 6 : 3;
  }
  return 0;
}

/** Shorter fields matched by the same query are better matches (bonus 0..5). */
const closeness = (q: string, f: string) => Math.round((5 * q.length) / Math.max(f.length, q.length));

function matchWord(q: Query, d: IndexedDoc): { score: number; match: MatchKind } | null {
  const t = q.text;
  if (!t) return null;
  if (d.name.text === t) return { score: TIER.name, match: 'name' };
  if (q.hasDigit && d.code && d.code.includes(t) && t.length >= 4) return { score: TIER.code, match: 'code' };
  if (d.terms.some((f) => f.text === t)) return { score: TIER.alias, match: 'alias' };
  if (d.name.text.includes(t)) return { score: TIER.nameContains + closeness(t, d.name.text), match: 'nameContains' };
  const term = d.terms.find((f) => f.text.includes(t));
  if (term) return { score: TIER.aliasContains + closeness(t, term.text), match: 'aliasContains' };
  let py = 0;
  if (pinyinPossible(q, d)) {
    py = pinyinScore(q, d.name);
    for (const f of d.terms) py = Math.max(py, pinyinScore(q, f));
  }
  if (py > 0) return { score: TIER.pinyin + py, match: 'pinyin' };
  if (t.length >= 2 && d.description.includes(t)) return { score: TIER.description, match: 'description' };
  return null;
}

// ---- Words of a query --------------------------------------------------------------------

/** Words that say how, not what: "我想办理…", "怎么申请…". Dropped unless nothing else is left. */
const FILLER = new Set([
  '我', '我想', '想', '我要', '要', '请问', '怎么', '怎样', '如何', '哪里', '去哪', '在哪', '在哪里', '哪儿', '办', '办理', '去', '的', '了', '吗', '呢',
  '需要', '什么', '材料', '流程', '手续', '申请', '申办', '办事', '一下', '可以', '能', '在', '和', '与', '及', '个',
]);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a query. ICU's dictionary does not know every abbreviation ("低保" comes out
 * as 低|保), so runs of single Han characters are joined back into one word.
 */
export function queryWords(raw: string): string[] {
  const words: string[] = [];
  let run = '';
  const flush = () => { if (run) words.push(run); run = ''; };
  for (const part of raw.normalize('NFKC').toLowerCase().split(/[\s\p{P}\p{S}]+/u)) {
    for (const s of segmenter.segment(part)) {
      if (!s.isWordLike) continue;
      const w = normalize(s.segment);
      if (!w) continue;
      if ([...w].length === 1 && HAN.test(w) && !FILLER.has(w)) run += w;
      else { flush(); words.push(w); }
    }
    flush();
  }
  const meaningful = words.filter((w) => !FILLER.has(w));
  return [...new Set(meaningful.length ? meaningful : words)];
}

// ---- Search --------------------------------------------------------------------------

type WordMatch = { score: number; match: MatchKind } | null;

/**
 * A document matched word by word. Every word found: the weakest word sets the tier (a name
 * containing one word and a description the other is a description hit). Some words found:
 * ranked below every complete match, more and better words first.
 */
function wordsMatch(per: WordMatch[]): { score: number; match: MatchKind; complete: boolean } | null {
  const found = per.filter((m) => m !== null);
  if (found.length === 0) return null;
  const weakest = found.reduce((a, b) => (a.score <= b.score ? a : b));
  const avg = found.reduce((s, m) => s + m.score, 0) / per.length;
  if (found.length === per.length) return { score: weakest.score * 0.95 + (avg - weakest.score) * 0.05, match: weakest.match, complete: true };
  return { score: avg * 0.15, match: weakest.match, complete: false };
}

export interface SearchOptions { filter?: (doc: SearchDoc) => boolean; suggestions?: number }

/** Ranked hits: the whole query first, then its words (each word counts equally). */
export function search(index: SearchIndex, raw: string, opts: SearchOptions = {}): SearchResult {
  const whole = query(normalize(raw));
  if (!whole.text) return { hits: [], suggestions: [] };
  const words = queryWords(raw).map(query);
  const multi = words.length > 1 || (words.length === 1 && words[0].text !== whole.text);
  const hits: (Hit & { nameLength: number })[] = [];
  let complete = false;
  // Only documents that can match the whole query or one of its words are looked at.
  const sets = [whole, ...(multi ? words : [])].map((q) => candidates(index, q));
  const positions = sets.some((c) => c === null)
    ? index.docs.map((_, i) => i)
    : [...new Set(sets.flatMap((c) => [...c!]))];
  for (const i of positions) {
    const d = index.docs[i];
    if (opts.filter && !opts.filter(d.doc)) continue;
    let best = matchWord(whole, d);
    if (best) complete = true;
    if (multi) {
      const m = wordsMatch(words.map((w) => matchWord(w, d)));
      if (m && m.complete) complete = true;
      if (m && (!best || m.score > best.score)) best = m;
    }
    if (best) hits.push({ id: d.doc.id, score: Math.round(best.score * 100) / 100, match: best.match, nameLength: d.name.text.length });
  }
  hits.sort((a, b) => b.score - a.score || a.nameLength - b.nameLength || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // "Did you mean" when nothing matched the whole query or all of its words.
  return { hits: hits.map(({ id, score, match }) => ({ id, score, match })), suggestions: complete ? [] : suggest(index, whole, opts) };
}

// ---- Did you mean ------------------------------------------------------------------

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edit distance of `q` to the best-matching part of `text` (free start and end in text). */
export function substringDistance(q: string, text: string): number {
  const n = text.length;
  if (rowA.length <= n) { rowA = new Int32Array(n + 1); rowB = new Int32Array(n + 1); }
  let prev = rowA, cur = rowB;
  prev.fill(0, 0, n + 1);
  for (let i = 1; i <= q.length; i++) {
    const c = q.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (c === text.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev; prev = cur; cur = t;
  }
  let min = q.length;
  for (let j = 0; j <= n; j++) if (prev[j] < min) min = prev[j];
  return min;
}

/** Names of the closest items, by characters or by pinyin, when a query found nothing. */
function suggest(index: SearchIndex, q: Query, opts: SearchOptions): string[] {
  const qLen = [...q.text].length;
  if (qLen < 2) return [];
  const qPinyin = q.latin ? q.text : q.syllables.join('');
  const scored: { name: string; d: number }[] = [];
  const maxChars = Math.max(1, Math.floor(qLen / 3));
  const maxPinyin = Math.max(1, Math.floor(qPinyin.length / 4));
  // Aliases and keywords repeat across items: each distinct text is measured once.
  const memo = new Map<string, number>();
  const closeness = (f: Field): number => {
    const key = f.text;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = Infinity;
    if (!q.latin) {
      const dist = substringDistance(q.text, f.text);
      if (dist <= maxChars) best = dist / qLen;
    }
    if (best === Infinity && qPinyin.length >= 3 && f.syllables.length) {
      const dist = substringDistance(qPinyin, f.tails[0]);
      if (dist <= maxPinyin) best = dist / qPinyin.length + 0.01;
    }
    memo.set(key, best);
    return best;
  };
  for (const d of index.docs) {
    if (opts.filter && !opts.filter(d.doc)) continue;
    let best = closeness(d.name);
    for (const f of d.terms) best = Math.min(best, closeness(f));
    if (best < Infinity) scored.push({ name: d.doc.name, d: best });
  }
  scored.sort((a, b) => a.d - b.d || a.name.length - b.name.length);
  return [...new Set(scored.map((s) => s.name))].slice(0, opts.suggestions ?? 3);
}
