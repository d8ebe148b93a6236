import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalOf, digestOf, licenceFields } from './record.js';
import { newKeyPair, publicKeyPem, sign, verify, SM2_USER_ID } from './sm2.js';
import { unwrapPrivateKey, wrapPrivateKey } from './kek.js';
import { sealKekFrom } from '../core/config.js';
import { issuesLicence, keyState, keyTrustedFor, licenceNumber, newVerifyCode, validUntilOf, verifyResult } from './rules.js';

const RECORD = {
  v: 1, licenceNo: 'ZZ-620524-2026-000001', type: '结婚证',
  holder: { kind: 'person', name: '赵大山', idNumber: '620524198001011239' }, coHolders: [{ name: '钱晓梅', idNumber: '620524198203050025' }],
  issuer: { kind: 'department', id: 'd1', name: '县民政局', center: '县政务服务中心' }, issuedOn: '2026-03-06', validUntil: null,
  fields: { 事项名称: '内地居民结婚登记', 决定: '准予登记', amount: 1.5 }, source: { caseNo: '620524202603060001', itemCode: 'X', itemVersion: 1 },
  seal: { keyId: 'k1', algorithm: 'SM2-with-SM3', signedAt: '2026-03-06T02:00:00.000Z' },
};

describe('canonical record (RFC 8785)', () => {
  it('does not depend on key order, and is the same after a JSON round trip', () => {
    const { seal, fields: _f, ...rest } = RECORD;
    const reordered = JSON.parse(JSON.stringify({ seal, fields: { amount: 1.5, 决定: '准予登记', 事项名称: '内地居民结婚登记' }, ...rest }));
    expect(Object.keys(reordered)[0]).toBe('seal');
    expect(canonicalOf(reordered)).toBe(canonicalOf(RECORD));
    expect(canonicalOf({ b: 1, a: [2, { d: 'x', c: null }] })).toBe('{"a":[2,{"c":null,"d":"x"}],"b":1}');
  });
  it('writes numbers the one ECMAScript way (1e21, 1.0 → 1)', () => {
    expect(canonicalOf({ n: 1.0, m: 1e21, k: -0 })).toBe('{"k":0,"m":1e+21,"n":1}');
  });
  it('has an SM3 digest (GB/T 32905 test vector "abc")', () => {
    expect(digestOf('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestOf(canonicalOf(RECORD))).toMatch(/^[0-9a-f]{64}$/);
  });
  it('keeps only short scalar form entries', () => {
    expect(licenceFields({ a: 'x', b: 2, c: true, d: { x: 1 }, e: 'y'.repeat(501), f: Number.NaN, g: null })).toEqual({ a: 'x', b: 2, c: true });
  });
});

describe('SM2 signature over the canonical record', () => {
  const key = newKeyPair();
  const canonical = canonicalOf(RECORD);
  const signature = sign(canonical, key);

  it('verifies with the signer\'s public key, and not with another key', () => {
    expect(verify(canonical, signature, key.publicKey)).toBe(true);
    expect(verify(canonical, signature, newKeyPair().publicKey)).toBe(false);
  });
  it('fails when one byte of the record changes', () => {
    const tampered = canonical.replace('赵大山', '赵大三');
    expect(tampered).not.toBe(canonical);
    expect(verify(tampered, signature, key.publicKey)).toBe(false);
    const later = canonicalOf({ ...RECORD, validUntil: '2099-12-31' });
    expect(verify(later, signature, key.publicKey)).toBe(false);
  });
  it('fails when one byte of the signature changes, and is false (not an error) for garbage', () => {
    const flipped = signature.slice(0, 20) + (signature[20] === '0' ? '1' : '0') + signature.slice(21);
    expect(verify(canonical, flipped, key.publicKey)).toBe(false);
    for (const bad of ['', 'zz', '30', 'ab'.repeat(200)]) expect(verify(canonical, bad, key.publicKey)).toBe(false);
    expect(verify(canonical, signature, '04' + '00'.repeat(64))).toBe(false);
  });
  it('is a real SM2 signature: OpenSSL verifies it with the GM/T 0009 default ID', (ctx) => {
    // An independent implementation (OpenSSL 3's SM2) checks the library; skipped where openssl has no SM2.
    const dir = mkdtempSync(path.join(tmpdir(), 'sm2-'));
    writeFileSync(path.join(dir, 'pub.pem'), publicKeyPem(key.publicKey));
    writeFileSync(path.join(dir, 'msg'), canonical);
    writeFileSync(path.join(dir, 'sig'), Buffer.from(signature, 'hex'));
    let out: string;
    try {
      execFileSync('openssl', ['pkey', '-pubin', '-in', path.join(dir, 'pub.pem'), '-noout'], { stdio: 'pipe' });
    } catch {
      ctx.skip();
    }
    try {
      out = execFileSync('openssl', ['dgst', '-sm3', '-verify', path.join(dir, 'pub.pem'), '-sigopt', `distid:${SM2_USER_ID}`, '-signature', path.join(dir, 'sig'), path.join(dir, 'msg')], { stdio: 'pipe' }).toString();
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    expect(out).toContain('Verified OK');
    writeFileSync(path.join(dir, 'msg'), canonical.replace('赵大山', '赵大三'));
    expect(() => execFileSync('openssl', ['dgst', '-sm3', '-verify', path.join(dir, 'pub.pem'), '-sigopt', `distid:${SM2_USER_ID}`, '-signature', path.join(dir, 'sig'), path.join(dir, 'msg')], { stdio: 'pipe' })).toThrow();
  });
});

describe('private keys at rest', () => {
  const kek = sealKekFrom(Buffer.alloc(32, 7).toString('base64'), { demo: false, embedded: false });
  const pair = newKeyPair();

  it('wraps and unwraps under the key-encryption key, bound to the key id', () => {
    const wrapped = wrapPrivateKey(kek, 'k1', pair.privateKey);
    expect(wrapped).not.toContain(pair.privateKey);
    expect(unwrapPrivateKey(kek, { id: 'k1', kekId: kek.id, wrappedPrivateKey: wrapped })).toBe(pair.privateKey);
    // Copied onto another key's row, or altered by one byte: refused, never a wrong key.
    expect(() => unwrapPrivateKey(kek, { id: 'k2', kekId: kek.id, wrappedPrivateKey: wrapped })).toThrow(/seal cannot sign/);
    const raw = Buffer.from(wrapped, 'base64'); raw[raw.length - 1] ^= 1;
    expect(() => unwrapPrivateKey(kek, { id: 'k1', kekId: kek.id, wrappedPrivateKey: raw.toString('base64') })).toThrow(/seal cannot sign/);
  });
  it('tells a key wrapped under another key-encryption key apart', () => {
    const other = sealKekFrom('ab'.repeat(32), { demo: false, embedded: false });
    const wrapped = wrapPrivateKey(other, 'k1', pair.privateKey);
    expect(() => unwrapPrivateKey(kek, { id: 'k1', kekId: other.id, wrappedPrivateKey: wrapped })).toThrow(/wrapped under key-encryption key/);
  });
  it('BANSHI_SEAL_KEK: 32 bytes as base64 or hex; the development default only in the demo or embedded mode', () => {
    expect(sealKekFrom(undefined, { demo: true, embedded: false })).toMatchObject({ id: 'dev', devDefault: true });
    expect(sealKekFrom('', { demo: false, embedded: true })).toMatchObject({ id: 'dev', devDefault: true });
    expect(() => sealKekFrom(undefined, { demo: false, embedded: false })).toThrow(/BANSHI_SEAL_KEK must be set/);
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) expect(() => sealKekFrom(bad, { demo: true, embedded: true })).toThrow(/32 bytes/);
    expect(kek.id).toMatch(/^[0-9a-f]{12}$/);
    expect(kek.devDefault).toBe(false);
  });
});

describe('rules', () => {
  const f = { beforeState: 'inProgress', afterState: 'decided', outcome: 'approved' as const, resultType: 'certificate' as const };
  it('issues for an approved certificate or decision only', () => {
    expect(issuesLicence(f)).toBe(true);
    expect(issuesLicence({ ...f, resultType: 'approval' })).toBe(true);
    expect(issuesLicence({ ...f, resultType: 'other' })).toBe(false);
    expect(issuesLicence({ ...f, outcome: 'denied' })).toBe(false);
    expect(issuesLicence({ ...f, afterState: 'refused', outcome: null })).toBe(false);
    expect(issuesLicence({ ...f, beforeState: 'decided', afterState: 'decided' })).toBe(false);
  });
  it('gives the validity fixed by law, else long-term', () => {
    expect(validUntilOf('食品经营许可证', '2026-03-06')).toBe('2031-03-05');
    expect(validUntilOf('公共场所卫生许可证', '2028-02-29')).toBe('2032-02-28');
    expect(validUntilOf('结婚证', '2026-03-06')).toBeNull();
  });
  it('numbers and codes', () => {
    expect(licenceNumber('620524', '2026', 42)).toBe('ZZ-620524-2026-000042');
    expect(newVerifyCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });
  it('a rotated key still vouches; a revoked key only for what it signed before the revocation instant', () => {
    expect(keyState({ rotatedAt: null, revokedFrom: null })).toBe('active');
    expect(keyState({ rotatedAt: '2026-03-01T00:00:00Z', revokedFrom: null })).toBe('rotated');
    const revoked = { rotatedAt: null, revokedFrom: '2026-03-10T00:00:00Z' };
    expect(keyState(revoked)).toBe('revoked');
    expect(keyTrustedFor({ rotatedAt: '2026-03-01T00:00:00Z', revokedFrom: null }, '2026-02-01T00:00:00Z')).toBe(true);
    expect(keyTrustedFor(revoked, '2026-03-09T23:59:59Z')).toBe(true);
    expect(keyTrustedFor(revoked, '2026-03-10T00:00:00Z')).toBe(false);
  });
  it('answers the worst standing first', () => {
    const ok = { signatureOk: true, keyTrusted: true, status: 'valid' as const, validUntil: '2031-03-05', today: '2026-03-06' };
    expect(verifyResult(ok)).toBe('valid');
    expect(verifyResult({ ...ok, today: '2031-03-05' })).toBe('valid');
    expect(verifyResult({ ...ok, today: '2031-03-06' })).toBe('expired');
    expect(verifyResult({ ...ok, validUntil: null, today: '2099-01-01' })).toBe('valid');
    expect(verifyResult({ ...ok, status: 'superseded' })).toBe('superseded');
    expect(verifyResult({ ...ok, status: 'revoked', today: '2031-03-06' })).toBe('revoked');
    expect(verifyResult({ ...ok, status: 'revoked', signatureOk: false })).toBe('invalidSignature');
    expect(verifyResult({ ...ok, keyTrusted: false })).toBe('invalidSignature');
  });
});
