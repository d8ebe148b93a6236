/**
 * The seals' private keys at rest: wrapped with AES-256-GCM under the key-encryption key
 * (config `sealKek`, BANSHI_SEAL_KEK). The key id is the additional data, so a wrapped key
 * copied onto another key's row does not unwrap. Pure: no I/O.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealKek } from '../core/config.js';
import { AppError } from '../core/errors.js';

const aad = (keyId: string) => Buffer.from(`banshi-seal-key:${keyId}`);

export function wrapPrivateKey(kek: SealKek, keyId: string, privateKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv).setAAD(aad(keyId));
  const body = Buffer.concat([cipher.update(privateKey, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The seal cannot sign: its key was wrapped under another key-encryption key, or the stored key is damaged. */
export const sealUnavailable = (why: string) =>
  new AppError(503, 'seal_unavailable', `The electronic seal cannot sign: ${why}`, '电子印章暂不可用（签章密钥无法解密），请联系系统管理员');

export function unwrapPrivateKey(kek: SealKek, key: { id: string; kekId: string; wrappedPrivateKey: string }): string {
  if (key.kekId !== kek.id) throw sealUnavailable(`key ${key.id} was wrapped under key-encryption key ${key.kekId}, the server has ${kek.id}`);
  const raw = Buffer.from(key.wrappedPrivateKey, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek.key, raw.subarray(0, 12)).setAAD(aad(key.id));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw sealUnavailable(`key ${key.id} does not unwrap (damaged or altered)`);
  }
}
