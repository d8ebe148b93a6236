import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { dataDirFrom, loadConfig, trustProxyFrom } from './config.js';

describe('DATA_DIR', () => {
  it('takes an absolute path or one starting with ./ or ../', () => {
    expect(dataDirFrom('/var/lib/banshi')).toBe('/var/lib/banshi');
    expect(dataDirFrom('./data')).toBe(path.resolve('data'));
    expect(dataDirFrom('../banshi-data')).toBe(path.resolve('../banshi-data'));
    expect(dataDirFrom(undefined)).toBe(path.resolve('data'));
  });
  it('refuses anything else, so a typo never creates a folder', () => {
    for (const bad of ['memory:', 'memory:/pglite', 'data']) expect(() => dataDirFrom(bad)).toThrow(/DATA_DIR/);
  });
});

describe('BANSHI_TRUST_PROXY', () => {
  it('is off unless set: X-Forwarded-For is then never believed', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom(' ')).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
  it('takes addresses, CIDR ranges and proxy-addr range names', () => {
    expect(trustProxyFrom('10.0.0.5, 10.1.0.0/16,loopback, ::1, fd00::/8')).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1', 'fd00::/8']);
  });
  it('refuses "true", "*" and typos rather than trusting every hop', () => {
    for (const bad of ['true', '*', '10.0.0.300', '10.0.0.0/40', 'proxy.local']) expect(() => trustProxyFrom(bad)).toThrow(/BANSHI_TRUST_PROXY/);
  });
});

describe('login limits', () => {
  it('default to 5 per account and 20 per address, and refuse nonsense', () => {
    expect(loadConfig({})).toMatchObject({ loginMaxFailuresPerAccount: 5, loginMaxFailuresPerAddress: 20 });
    expect(loadConfig({ BANSHI_LOGIN_MAX_FAILURES_ACCOUNT: '8' }).loginMaxFailuresPerAccount).toBe(8);
    expect(() => loadConfig({ BANSHI_LOGIN_MAX_FAILURES_ADDRESS: '0' })).toThrow(/BANSHI_LOGIN_MAX_FAILURES_ADDRESS/);
  });
});
