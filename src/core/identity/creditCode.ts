/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet (no I, O, S, V,
 * Z) — registration authority, category, 6-digit region code, 9-character organization code,
 * and a check character: 31 − (Σ value × weight mod 31), with 31 written as 0.
 */

export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters (which must be in the alphabet). */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'format' | 'check';

export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return 'format';
  if (creditCodeCheck(v) !== v[17]) return 'check';
  return null;
}
