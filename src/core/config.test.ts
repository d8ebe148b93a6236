import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './db/index.js';
import { businessYearsFrom, dataDirFrom, loadConfig, trustProxyFrom } from './config.js';
import { businessYears, inBusinessWindow } from './formats.js';

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
  it('is refused by the embedded database too unless absolute or memory://, and no folder is made', async () => {
    for (const bad of ['memory:/pglite', 'memory:', './data']) {
      await expect(openDatabase({ dataDir: bad })).rejects.toThrow(/absolute path/);
    }
    expect(fs.existsSync('memory:')).toBe(false);
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

describe('BANSHI_BUSINESS_YEARS', () => {
  it('defaults to 10 and takes a whole number of years from 1 to 100', () => {
    expect(businessYearsFrom(undefined)).toBe(10);
    expect(businessYearsFrom('3')).toBe(3);
  });
  it('refuses anything else at start-up', () => {
    for (const bad of ['0', '-1', '2.5', 'ten', '101']) expect(() => businessYearsFrom(bad)).toThrow(/BANSHI_BUSINESS_YEARS/);
  });
});

describe('business years window', () => {
  it('is the years either side of today, clipped to the calendar', () => {
    expect(businessYears('2026-12-03', 10)).toEqual({ first: 2016, last: 2036 });
    expect(businessYears('2026-12-03', 100)).toEqual({ first: 1980, last: 2126 });
    const w = { today: () => '2026-12-03', years: 2 };
    expect(['2024-01-01', '2028-12-31', '2026-Q4'].every((v) => inBusinessWindow(v, w))).toBe(true);
    expect(['2023-12-31', '2029-01-01', '0000-01', '9999-12'].some((v) => inBusinessWindow(v, w))).toBe(false);
  });
});
