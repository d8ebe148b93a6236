/**
 * UI language. Chinese is the default and the key: `t('取号')` returns the Chinese text, or
 * its English entry from `web/src/i18n/en/*.ts` when English is chosen. The choice is
 * remembered in localStorage. Every module keeps its English strings in its own file there
 * (one place per module, no merge conflicts); `en.test` checks every `t('…')` has one.
 */
import { createContext, Fragment, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';
const STORE_KEY = 'banshi.lang';

/** The English texts; empty until `loadEnglish()` (they are a chunk of their own). */
export const EN: Record<string, string> = {};
let english: Promise<void> | null = null;
export function loadEnglish(): Promise<void> {
  english ??= import('../i18n/english').then((m) => void Object.assign(EN, m.ENGLISH));
  return english;
}

/** `{n}`-style placeholders, so word order can differ between the two languages. */
function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}

export function translate(lang: Lang, zh: string, vars?: Record<string, string | number>): string {
  return fill(lang === 'en' ? (EN[zh] ?? zh) : zh, vars);
}

type Ctx = { lang: Lang; setLang: (l: Lang) => void };
const LangContext = createContext<Ctx>({ lang: 'zh', setLang: () => {} });

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Language for code outside React (error texts): the last one chosen. */
let currentLang: Lang = typeof localStorage === 'undefined' ? 'zh' : storedLang();
export const getLang = (): Lang => currentLang;

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setState] = useState<Lang>(storedLang);
  const setLang = useCallback(async (l: Lang) => {
    if (l === 'en') await loadEnglish().catch(() => undefined);
    currentLang = l;
    try {
      localStorage.setItem(STORE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    setState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = (): Ctx => useContext(LangContext);

/**
 * For code outside components (label helpers, module-level maps as getters): the language
 * last chosen. The app re-mounts on a language change (main.tsx), so these re-read it.
 */
export const tr = (zh: string, vars?: Record<string, string | number>): string => translate(currentLang, zh, vars);

/** Marks a Chinese key kept in a module-level constant and translated where it is shown: `t(LABEL)`. */
export const zh = (s: string): string => s;

/** `const t = useT(); t('取号')`, `t('前面还有{n}人', { n })`. */
export function useT(): (zh: string, vars?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback((zh: string, vars?: Record<string, string | number>) => translate(lang, zh, vars), [lang]);
}

/**
 * Data shown as entered, in whatever language it was written (item titles, names,
 * department and center names, addresses, numbers, what users typed): marked
 * `translate="no"` for translators and for the English browser test, which allows
 * Chinese only inside such elements.
 */
export function Data({ children, testId }: { children: ReactNode; testId?: string }) {
  return <span translate="no" data-testid={testId}>{children}</span>;
}

/**
 * A translated sentence with elements in its `{name}` places — data inside a sentence:
 * `fillNodes(t(SENTENCE), { v0: <Data>{names}</Data> })` where the sentence has `{v0}`.
 */
export function fillNodes(text: string, vars: Record<string, ReactNode>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((p, i) => (i % 2 === 0 ? p : <Fragment key={i}>{p in vars ? vars[p] : `{${p}}`}</Fragment>));
}
