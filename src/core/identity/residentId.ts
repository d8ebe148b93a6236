/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence,
 * one check character (ISO 7064 MOD 11-2). 港澳台居民居住证 use the same number with the
 * address codes 810000 (香港), 820000 (澳门) and 830000 (台湾). Pure: the caller passes today.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Province-level codes of GB/T 2260 that issue 居民身份证. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);
/** Address codes of 港澳台居民居住证. */
export const PERMIT_REGIONS: Readonly<Record<string, string>> = { '810000': '香港', '820000': '澳门', '830000': '台湾' };

/** The check character of the first 17 digits. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Whether YYYYMMDD is a real calendar date from 1900 on and not after today (YYYY-MM-DD). */
export function plausibleBirthDate(yyyymmdd: string, today: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4)), m = Number(yyyymmdd.slice(4, 6)), d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'check';

/**
 * What is wrong with an 18-character 公民身份号码, or null. `permit`: a 港澳台居民居住证 number
 * (address code 810000/820000/830000) instead of a 居民身份证 one.
 */
export function residentIdProblem(value: string, today: string, permit = false): ResidentIdProblem | null {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  if (permit ? !PERMIT_REGIONS[v.slice(0, 6)] : !PROVINCE_CODES.has(v.slice(0, 2))) return 'region';
  if (!plausibleBirthDate(v.slice(6, 14), today)) return 'birthDate';
  if (residentIdCheck(v) !== v[17]) return 'check';
  return null;
}
