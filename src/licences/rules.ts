/** The e-licence's rules: when one is issued, how long it is valid, what a verification answers. Pure: no I/O. */
import { randomInt } from 'node:crypto';
import type { LicenceStatus, SealKeyState, VerifyResult } from './types.js';
import { LICENSABLE_RESULTS } from './types.js';

/** The facts of a case change that decide whether it issues a licence. */
export interface DecisionFacts {
  beforeState: string | null;
  afterState: string;
  outcome: 'approved' | 'denied' | null;
  resultType: 'certificate' | 'approval' | 'other';
}

/**
 * A licence is issued when a case becomes decided with an approval (by the signer, or deemed
 * approved by the overdue default) and its result is a certificate or a decision document.
 * A refusal, a denial or a result of kind 'other' (a reply letter, a receipt) is not a licence.
 */
export function issuesLicence(f: DecisionFacts): boolean {
  return f.afterState === 'decided' && f.beforeState !== 'decided' && f.outcome === 'approved'
    && (LICENSABLE_RESULTS as readonly string[]).includes(f.resultType);
}

/**
 * Licence types with a validity fixed by law (years from issue); every other licence is long-term
 * (营业执照 without a business term, 结婚证, 不动产权证书, decisions). The catalog has no validity
 * field yet: when it has, the item's own value wins over this list.
 */
const VALIDITY_YEARS: readonly [RegExp, number, string][] = [
  [/食品经营许可证/, 5, '《食品经营许可和备案管理办法》'],
  [/食品生产许可证/, 5, '《食品生产许可管理办法》'],
  [/药品经营许可证/, 5, '《中华人民共和国药品管理法实施条例》'],
  [/公共场所卫生许可证/, 4, '《公共场所卫生管理条例实施细则》'],
  [/母婴保健技术服务执业许可证/, 3, '《中华人民共和国母婴保健法实施办法》'],
];

/** The last valid day (issue day + years − 1 day), or null for long-term. */
export function validUntilOf(type: string, issuedOn: string): string | null {
  const hit = VALIDITY_YEARS.find(([re]) => re.test(type));
  if (!hit) return null;
  const [y, m, d] = issuedOn.split('-').map(Number);
  return new Date(Date.UTC(y + hit[1], m - 1, d - 1)).toISOString().slice(0, 10);
}

/** ZZ-<division code>-<year>-<6 digits>: ASCII, so it fits a URL and a QR code as it is. */
export function licenceNumber(divisionCode: string, year: string, seq: number): string {
  return `ZZ-${divisionCode}-${year}-${String(seq).padStart(6, '0')}`;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 8 characters without look-alikes (0/O, 1/I): about 40 bits, with the public route throttled. */
export function newVerifyCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export interface KeyFacts { rotatedAt: string | null; revokedFrom: string | null }

export function keyState(k: KeyFacts): SealKeyState {
  return k.revokedFrom ? 'revoked' : k.rotatedAt ? 'rotated' : 'active';
}

/** A key vouches for what it signed before its revocation instant (a key revoked from later still verifies older licences). */
export function keyTrustedFor(k: KeyFacts, signedAt: string): boolean {
  return !k.revokedFrom || Date.parse(signedAt) < Date.parse(k.revokedFrom);
}

export interface VerifyFacts {
  /** The recomputed digest equals the stored one, and the signature verifies with the key the record names. */
  signatureOk: boolean;
  keyTrusted: boolean;
  status: LicenceStatus;
  /** From the signed record, not from a column. */
  validUntil: string | null;
  today: string;
}

/** What the public verification answers, the worst first: a bad signature says nothing else is to be believed. */
export function verifyResult(f: VerifyFacts): VerifyResult {
  if (!f.signatureOk || !f.keyTrusted) return 'invalidSignature';
  if (f.status === 'revoked') return 'revoked';
  if (f.status === 'superseded') return 'superseded';
  if (f.validUntil !== null && f.validUntil < f.today) return 'expired';
  return 'valid';
}
