/** Personal data as lists, logs and public views show it (domain §12). */

/** 620524199005122336 → 6205**********2336; short values keep only their last character. */
export function maskIdNumber(v: string | null | undefined): string {
  if (!v) return '';
  if (v.length <= 8) return `${'*'.repeat(Math.max(0, v.length - 1))}${v.slice(-1)}`;
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** 13919385566 → 139****5566 */
export function maskPhone(v: string | null | undefined): string {
  if (!v) return '';
  if (v.length < 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** Persons: 王立军 → 王*军, 李娜 → 李*; organizations keep their first four characters. */
export function maskName(v: string | null | undefined, kind: 'person' | 'organization' = 'person'): string {
  if (!v) return '';
  const chars = [...v];
  if (kind === 'organization') return chars.length <= 4 ? v : `${chars.slice(0, 4).join('')}${'*'.repeat(Math.min(6, chars.length - 4))}`;
  if (chars.length <= 1) return v;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
