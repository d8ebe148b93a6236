/**
 * The e-licence's signed record and its canonical form. Pure: no I/O.
 *
 * What is signed is the record's RFC 8785 (JSON Canonicalization Scheme) serialization —
 * sorted keys, one number format, no whitespace — computed by the `canonicalize` library, so
 * the bytes do not depend on key order after a jsonb round trip or on who serializes. The
 * digest is SM3 over those bytes (GB/T 32905).
 */
import canonicalize from 'canonicalize';
import { sm3 } from 'sm-crypto-v2';
import type { SealBodyKind } from './types.js';

export interface LicenceRecord {
  /** The record's format version. */
  v: 1;
  licenceNo: string;
  /** The licence type: the catalog's result name. */
  type: string;
  holder: { kind: 'person' | 'organization'; name: string; idNumber: string };
  /** Persons the law names beside the applicant (结婚证: the other party). */
  coHolders: { name: string; idNumber: string }[];
  issuer: { kind: SealBodyKind; id: string; name: string; center: string };
  issuedOn: string;
  /** null: long-term (长期有效). */
  validUntil: string | null;
  /** What the licence says beside who and when: the item, the verdict, the application's form entries. */
  fields: Record<string, string | number | boolean>;
  /** The case it came from. */
  source: { caseNo: string; itemCode: string; itemVersion: number };
  /**
   * The signing key, scheme and instant: signed with the rest, so no other key can be claimed for
   * it and a revoked key's cut-off is judged on a time the record itself vouches for.
   */
  seal: { keyId: string; algorithm: string; signedAt: string };
}

/** The bytes that are signed and verified (as a string; signed as its UTF-8). */
export function canonicalOf(record: unknown): string {
  const text = canonicalize(record);
  if (text === undefined) throw new Error('a licence record must be a JSON value');
  return text;
}

/** SM3 of the canonical record, hex. */
export const digestOf = (canonical: string): string => sm3(canonical);

/** The form entries a licence carries: scalars only, short, at most 50 (the form is free-form). */
export function licenceFields(formData: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(formData)) {
    if (Object.keys(out).length >= 50) break;
    if (typeof v === 'string' && v.length <= 500) out[k] = v;
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
