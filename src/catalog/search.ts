/**
 * Public guide search: what people type → ranked catalog items. Pure (no I/O): the index is
 * built from plain documents and queried in memory; `searchIndex.ts` feeds it from the
 * database. Ranking tiers, best first:
 *   exact name > exact alias/keyword > name contains > alias/keyword contains
 *   > pinyin (full, initials, homophones) > one character off (fuzzy) > description contains.
 * A query is cut into words by the catalog's own vocabulary (names, aliases, keywords) and
 * `lexicon.ts` (filler, qualifiers, colloquial synonyms), `Intl.Segmenter('zh')` for the
 * rest. Every meaningful word must match; single characters and qualifiers only add a bonus.
 * Weak results are cut: description and part-of-the-words hits only when nothing strong was
 * found, and never when they would list most of the catalog. No strong hit → items one
 * character (or a little pinyin) away are listed and named under "did you mean"; beyond that
 * threshold nothing is suggested.
 */
import { pinyin } from 'pinyin-pro';
import { FILLER, QUALIFIERS, SYNONYMS } from './lexicon.js';

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

export type MatchKind = 'name' | 'alias' | 'nameContains' | 'aliasContains' | 'pinyin' | 'fuzzy' | 'description' | 'code';

/** Base score per tier; a small bonus (< 10) orders hits within a tier. */
export const TIER: Record<MatchKind, number> = {
  name: 100, code: 95, alias: 90, nameContains: 70, aliasContains: 60, pinyin: 40, fuzzy: 30, description: 20,
};

/** Hits scoring below this share of the best hit are cut (a name hit hides a pinyin coincidence). */
export const RELATIVE_CUT = 0.6;
/** Description-only results are dropped when they would list more than this share of the catalog. */
export const BROAD_SHARE = 0.25;

interface Field {
  text: string;
  syllables: string[];
  /** Concatenated pinyin starting at each syllable, for prefix matches at syllable starts. */
  tails: string[];
  initials: string;
  /** Words of the text (Intl.Segmenter, two characters or more): the vocabulary queries are cut by. */
  words: string[];
}

interface IndexedDoc {
  doc: SearchDoc; name: Field; terms: Field[]; aliasCount: number; description: string; code: string;
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
  /** Words a query is cut into: the catalog's names, aliases, keywords and their words, and the lexicon. */
  vocabulary: Set<string>;
  maxWord: number;
  /** Every character of a name, alias or keyword. */
  chars: Set<string>;
}

export interface Hit { id: string; score: number; match: MatchKind }

export interface SearchResult { hits: Hit[]; suggestions: string[] }

/** Width, case, spaces and punctuation folded away: "低保 " = "低保", "ＤＩＢＡＯ" = "dibao". */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/ü/g, 'v').replace(/[\s\p{P}\p{S}]+/gu, '');
}

const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[a-z]+$/;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

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
  const words = HAN.test(text) ? [...segmenter.segment(text)].map((s) => s.segment).filter((w) => w.length >= 2 && HAN.test(w)) : [];
  return { text, syllables, tails, initials: syllables.map((s) => s[0]).join(''), words };
}

const LEXICON_WORDS = [...FILLER, ...Object.keys(QUALIFIERS), ...Object.keys(SYNONYMS), ...Object.values(SYNONYMS).flat()];

export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const indexed = docs.map((doc) => {
    const name = field(doc.name);
    const aliases = doc.aliases.map(field).filter((f) => f.text);
    const terms = [...aliases, ...doc.keywords.map(field).filter((f) => f.text)];
    const all = [name, ...terms].filter((f) => f.syllables.length);
    return {
      doc, name, terms, aliasCount: aliases.length, description: normalize(doc.description), code: normalize(doc.code ?? ''),
      pinyinAll: all.map((f) => `${f.tails[0]}|${f.initials}`).join('|'),
      syllablesAll: all.map((f) => ` ${f.syllables.join(' ')} `).join('|'),
    };
  });
  const bigrams = new Map<string, number[]>();
  const syllablePairs = new Map<string, number[]>();
  const vocabulary = new Set<string>(LEXICON_WORDS);
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
      if (HAN.test(f.text)) vocabulary.add(f.text);
      for (const w of f.words) vocabulary.add(w);
    }
  });
  let maxWord = 1;
  const chars = new Set<string>();
  for (const w of vocabulary) {
    if (w.length > maxWord) maxWord = w.length;
    for (const c of w) chars.add(c);
  }
  return { docs: indexed, bigrams, syllablePairs, vocabulary, maxWord: Math.min(maxWord, 12), chars };
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

// ---- Words of a query --------------------------------------------------------------

/**
 * The words of a query: runs of letters or digits are one word each; Chinese is cut by
 * longest match against the index's vocabulary (so 社保卡丢了 → 社保卡|丢了 even though ICU
 * knows neither), and what no vocabulary word covers by `Intl.Segmenter`.
 */
export function segment(index: Pick<SearchIndex, 'vocabulary' | 'maxWord' | 'chars'>, raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.normalize('NFKC').toLowerCase().split(/[\s\p{P}\p{S}]+/u)) {
    const text = normalize(part);
    let unknown = '';
    // ICU's single characters in a row are joined back ("婚烟" comes out as 婚|烟): a typo or
    // an abbreviation is one word, not two optional characters.
    const flush = () => {
      let run = '';
      const push = () => { if (run) out.push(run); run = ''; };
      for (const s of segmenter.segment(unknown)) {
        if (!s.isWordLike) continue;
        for (const w of splitUnknown(normalize(s.segment))) {
          if (w.length === 1 && !FILLER.has(w)) run += w;
          else { push(); out.push(w); }
        }
      }
      push();
      unknown = '';
    };
    for (let i = 0; i < text.length;) {
      if (!HAN.test(text[i])) {
        flush();
        let j = i;
        while (j < text.length && !HAN.test(text[j])) j++;
        out.push(text.slice(i, j));
        i = j;
        continue;
      }
      let len = 0;
      for (let l = Math.min(index.maxWord, text.length - i); l >= 2; l--) {
        if (index.vocabulary.has(text.slice(i, i + l))) { len = l; break; }
      }
      if (len === 0 && FILLER.has(text[i]) && unknown === '') len = 1;
      if (len === 0) { unknown += text[i]; i++; continue; }
      flush();
      out.push(text.slice(i, i + len));
      i += len;
    }
    flush();
  }
  return out.filter(Boolean);
}

/** ICU's words of an unknown run, a filler character at either end split off (县城 stays, 到 goes). */
function splitUnknown(w: string): string[] {
  if (w.length > 1 && FILLER.has(w[w.length - 1])) return [...splitUnknown(w.slice(0, -1)), w[w.length - 1]];
  if (w.length > 1 && FILLER.has(w[0])) return [w[0], ...splitUnknown(w.slice(1))];
  return [w];
}

interface Word { text: string; alts: Query[] }

export interface Analysis {
  whole: Query;
  /** The query without its filler words (结婚要带什么 → 结婚), when that differs. */
  core: Query | null;
  /** Words a document must match (each by itself or a synonym). */
  required: Word[];
  /** Single characters and qualifiers: a bonus when matched, never required. */
  optional: Word[];
}

const wordOf = (text: string, more: string[] = []): Word => ({ text, alts: [text, ...more.filter((m) => m !== text)].map(query) });

export function analyse(index: Pick<SearchIndex, 'vocabulary' | 'maxWord' | 'chars'>, raw: string): Analysis {
  const whole = query(normalize(raw));
  const words = [...new Set(segment(index, raw))];
  const meaningful = words.filter((w) => !FILLER.has(w));
  const required: Word[] = [];
  const optional: Word[] = [];
  for (const w of meaningful) {
    if (QUALIFIERS[w]) optional.push(wordOf(w, QUALIFIERS[w]));
    // A character the catalog uses (证, 户) only narrows; one it never uses (咔) is required.
    else if (w.length === 1 && HAN.test(w) && index.chars.has(w)) optional.push(wordOf(w));
    else required.push(wordOf(w, SYNONYMS[w]));
  }
  // Only qualifiers or single characters ("丢了", "税"): they are the query.
  if (required.length === 0) required.push(...optional.splice(0));
  const coreText = meaningful.join('');
  return { whole, core: coreText && coreText !== whole.text ? query(coreText) : null, required, optional };
}

// ---- Search --------------------------------------------------------------------------

type Match = { score: number; match: MatchKind };
/** A synonym's match counts a little less than the word's own. */
const SYNONYM_FACTOR = 0.9;

function wordMatch(w: Word, d: IndexedDoc): Match | null {
  let best: Match | null = null;
  w.alts.forEach((q, k) => {
    const m = matchWord(q, d);
    if (!m) return;
    const score = k === 0 ? m.score : m.score * SYNONYM_FACTOR;
    if (!best || score > best.score) best = { score, match: m.match };
  });
  return best;
}

const strong = (m: MatchKind) => m !== 'description';

interface Scored extends Hit { name: string; nameLength: number; kind: 'complete' | 'partial' }

/**
 * One document against the analysed query. Complete: the whole query, its core, or every
 * required word matched — the weakest word sets the tier. Partial: more than half of the
 * required words' characters matched by name, alias, keyword or pinyin; ranked below.
 */
function scoreDoc(a: Analysis, d: IndexedDoc): Scored | null {
  let best: Match | null = matchWord(a.whole, d);
  if (a.core) {
    const c = matchWord(a.core, d);
    if (c && (!best || c.score > best.score)) best = c;
  }
  // A query that is one word without synonyms was matched above already.
  const multi = a.required.length > 1 || a.core || a.required[0]?.text !== a.whole.text || a.required[0]?.alts.length > 1;
  if (!multi) return best ? finish(a, d, best, 'complete') : null;
  const per = a.required.map((w) => wordMatch(w, d));
  let kind: Scored['kind'] = 'complete';
  if (per.every((m) => m)) {
    const found = per as Match[];
    const weakest = found.reduce((x, y) => (x.score <= y.score ? x : y));
    // One word found only in a description is not the query found (残疾证: 残疾 in a condition).
    if (found.length === 1 && !strong(weakest.match)) return best ? finish(a, d, best, 'complete') : null;
    const avg = found.reduce((s, m) => s + m.score, 0) / found.length;
    const score = weakest.score * 0.95 + (avg - weakest.score) * 0.05;
    if (!best || score > best.score) best = { score, match: weakest.match };
  } else if (!best) {
    const total = a.required.reduce((s, w) => s + w.text.length, 0);
    const got = a.required.reduce((s, w, i) => s + (per[i] && strong(per[i]!.match) ? w.text.length : 0), 0);
    if (got * 2 <= total) return null;
    const found = per.filter((m): m is Match => m !== null && strong(m.match));
    best = { score: (found.reduce((s, m) => s + m.score, 0) / a.required.length) * 0.3, match: found[0].match };
    kind = 'partial';
  }
  return best ? finish(a, d, best, kind) : null;
}

/** Qualifiers and single characters found in a name, alias or keyword: up to 3 points. */
function finish(a: Analysis, d: IndexedDoc, best: Match, kind: Scored['kind']): Scored {
  const bonus = Math.min(3, a.optional.filter((w) => { const m = wordMatch(w, d); return m && strong(m.match); }).length);
  return { id: d.doc.id, score: Math.round((best.score + bonus) * 100) / 100, match: best.match, name: d.doc.name, nameLength: d.name.text.length, kind };
}

export interface SearchOptions { filter?: (doc: SearchDoc) => boolean; suggestions?: number }

const byRank = (a: Scored, b: Scored) => b.score - a.score || a.nameLength - b.nameLength || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const plain = (h: Scored): Hit => ({ id: h.id, score: h.score, match: h.match });

/** Ranked hits, weak ones cut (see the file comment), and "did you mean" names. */
export function search(index: SearchIndex, raw: string, opts: SearchOptions = {}): SearchResult {
  const a = analyse(index, raw);
  if (!a.whole.text) return { hits: [], suggestions: [] };
  // Only documents that can match the whole query, its core or one of its words are looked at.
  const queries = [a.whole, ...(a.core ? [a.core] : []), ...a.required.flatMap((w) => w.alts)];
  const sets = [...new Map(queries.map((q) => [q.text, q])).values()].map((q) => candidates(index, q));
  const positions = sets.some((c) => c === null) ? index.docs.map((_, i) => i) : [...new Set(sets.flatMap((c) => [...c!]))];
  const found: Scored[] = [];
  for (const i of positions) {
    const d = index.docs[i];
    if (opts.filter && !opts.filter(d.doc)) continue;
    const s = scoreDoc(a, d);
    if (s) found.push(s);
  }
  const strongHits = found.filter((h) => h.kind === 'complete' && strong(h.match)).sort(byRank);
  if (strongHits.length) {
    const floor = strongHits[0].score * RELATIVE_CUT;
    return { hits: strongHits.filter((h) => h.score >= floor).map(plain), suggestions: [] };
  }
  // Nothing strong: items a character away, then the partial and description hits.
  const total = opts.filter ? index.docs.filter((d) => opts.filter!(d.doc)).length : index.docs.length;
  const fuzzy = fuzzyHits(index, a.core ?? a.whole, opts);
  const partial = found.filter((h) => h.kind === 'partial').sort(byRank);
  const described = found.filter((h) => h.kind === 'complete' && h.match === 'description');
  const broad = described.length > Math.max(3, total * BROAD_SHARE);
  // An item both a character away and partly matched is listed once, at its first place.
  const seen = new Set<string>();
  const hits = [...fuzzy, ...partial, ...(broad ? [] : described.sort(byRank))].filter((h) => !seen.has(h.id) && !!seen.add(h.id));
  return { hits: hits.map(plain), suggestions: [...new Set(fuzzy.map((h) => h.name))].slice(0, opts.suggestions ?? 3) };
}

// ---- One character away ----------------------------------------------------------------

/**
 * Items whose name, alias or keyword holds something one character (or a little pinyin)
 * away from the query: ≤ 1 edit per 4 Chinese characters with at least 3 typed and 2 shared;
 * ≤ 1 letter per 6 of the query's pinyin with at least 3 syllables (Chinese) or 6 letters
 * (typed pinyin). Two typed characters (护照, 医保) are never "close" to anything: with one
 * of the two wrong, nothing is left in common.
 */
function fuzzyHits(index: SearchIndex, q: Query, opts: SearchOptions): Scored[] {
  const qLen = q.text.length;
  const qPinyin = q.latin ? q.text : q.syllables.join('');
  const maxChars = !q.latin && qLen >= 3 ? Math.max(1, Math.floor(qLen / 4)) : -1;
  const pinyinOk = q.latin ? qPinyin.length >= 6 : q.syllables.length >= 3;
  const maxPinyin = pinyinOk ? Math.max(1, Math.floor(qPinyin.length / 6)) : -1;
  if (maxChars < 0 && maxPinyin < 0) return [];
  // Aliases and keywords repeat across items: each distinct text is measured once.
  const memo = new Map<string, number>();
  const distance = (f: Field): number => {
    const known = memo.get(f.text);
    if (known !== undefined) return known;
    let best = Infinity;
    if (maxChars > 0) {
      const dist = substringDistance(q.text, f.text);
      if (dist <= maxChars && qLen - dist >= 2) best = dist / qLen;
    }
    if (maxPinyin > 0 && f.syllables.length) {
      const dist = substringDistance(qPinyin, f.tails[0]);
      if (dist <= maxPinyin) best = Math.min(best, dist / qPinyin.length + 0.01);
    }
    memo.set(f.text, best);
    return best;
  };
  const out: Scored[] = [];
  for (const i of fuzzyCandidates(index, q)) {
    const d = index.docs[i];
    if (opts.filter && !opts.filter(d.doc)) continue;
    let best = distance(d.name);
    let alias = best < Infinity;
    d.terms.forEach((f, k) => {
      const x = distance(f);
      if (x < best || (x === best && k < d.aliasCount && !alias)) { best = x; alias = k < d.aliasCount; }
    });
    if (best === Infinity) continue;
    const score = TIER.fuzzy + Math.max(0, 8 * (1 - 2 * best)) + (alias ? 1 : 0);
    out.push({ id: d.doc.id, score: Math.round(score * 100) / 100, match: 'fuzzy', name: d.doc.name, nameLength: d.name.text.length, kind: 'complete' });
  }
  return out.sort(byRank);
}

/**
 * Documents that may be close: one edit in four characters leaves a character pair (or a
 * syllable pair) of the query intact, so the documents holding any of them suffice; typed
 * pinyin is compared with every document.
 */
function fuzzyCandidates(index: SearchIndex, q: Query): Iterable<number> {
  if (q.latin) return index.docs.keys();
  const out = new Set<number>();
  for (let k = 0; k + 1 < q.text.length; k++) for (const i of index.bigrams.get(q.text.slice(k, k + 2)) ?? []) out.add(i);
  for (let k = 0; k + 1 < q.syllables.length; k++) for (const i of index.syllablePairs.get(`${q.syllables[k]} ${q.syllables[k + 1]}`) ?? []) out.add(i);
  return out;
}

// ---- Edit distance ---------------------------------------------------------------------

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
