/**
 * The seal's signature: SM2 with SM3 (GB/T 32918.2; the signature GB/T 38540 electronic seals
 * carry) through `sm-crypto-v2`, a TypeScript implementation on the audited @noble/curves and
 * @noble/hashes. Node's own crypto signs with an SM2-curve key but cannot set the signer's
 * distinguishing identifier (Z_A), so its signatures do not verify elsewhere; docs/licences.md
 * says why this library and what production uses instead (a signing server / HSM).
 * Pure: no I/O (randomness from the platform's CSPRNG).
 */
import { sm2 } from 'sm-crypto-v2';

/** GM/T 0009's default distinguishing identifier, the one every SM2 implementation assumes. */
export const SM2_USER_ID = '1234567812345678';

const HEX = /^[0-9a-f]+$/i;

export interface SealKeyPair { privateKey: string; publicKey: string }

/** A fresh key pair: the private scalar (64 hex) and the uncompressed public point (130 hex, 04 ‖ x ‖ y). */
export function newKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** DER-encoded signature (hex) over the UTF-8 of `message`, with Z_A of the signer's public key. */
export function sign(message: string, key: SealKeyPair): string {
  return sm2.doSignature(message, key.privateKey, { der: true, hash: true, publicKey: key.publicKey, userId: SM2_USER_ID });
}

/** Whether `signature` is the key's signature over `message`; malformed input is simply not. */
export function verify(message: string, signature: string, publicKey: string): boolean {
  if (!HEX.test(signature) || signature.length > 160 || !/^04[0-9a-f]{128}$/i.test(publicKey)) return false;
  try {
    if (!sm2.verifyPublicKey(publicKey)) return false;
    return sm2.doVerifySignature(message, signature, publicKey, { der: true, hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

/** SubjectPublicKeyInfo prefix for an SM2 key: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301). */
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

/** The public key as a PEM SubjectPublicKeyInfo, for verifiers outside Banshi (`openssl pkeyutl -verify`). */
export function publicKeyPem(publicKey: string): string {
  const b64 = Buffer.from(SM2_SPKI_PREFIX + publicKey, 'hex').toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
