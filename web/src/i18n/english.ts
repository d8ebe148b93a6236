/**
 * Every module's English texts in one object (web/src/i18n/en/*.ts). Loaded on demand by
 * lib/i18n.tsx when English is chosen, as its own chunk: a Chinese visitor does not download
 * them.
 */
const modules = import.meta.glob<{ default: Record<string, string> }>('./en/*.ts', { eager: true });
export const ENGLISH: Record<string, string> = Object.assign({}, ...Object.values(modules).map((m) => m.default));
