/**
 * Every ID number, credit code and mobile the demo writes passes the same rules the forms
 * apply (src/core/identity): the demo data is read from the sources of every demo seeder, so
 * a number added anywhere in them is checked without listing it here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditCodeMessage, idNumberMessage, phoneMessage } from '../core/identity/index.js';

const SRC = join(import.meta.dirname, '..');
const DEMO_FILES = [
  ...readdirSync(join(SRC, 'demo', 'data')).map((f) => join('demo', 'data', f)),
  join('demo', 'cases.ts'), join('demo', 'seed.ts'),
  ...readdirSync(SRC, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(SRC, d.name)).filter((f) => f === 'demo.ts').map((f) => join(d.name, f))),
];
const literals = (re: RegExp) => DEMO_FILES.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(re)].map((m) => ({ file: f, value: m[1] })));

describe('demo identities', () => {
  it('reads the demo seeders', () => {
    expect(DEMO_FILES).toEqual(expect.arrayContaining([join('demo', 'cases.ts'), join('demo', 'data', 'org.ts'), join('fees', 'demo.ts')]));
  });

  it('every 居民身份证 number validates (GB 11643)', () => {
    const ids = literals(/['"](\d{17}[\dX])['"]/g);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const { file, value } of ids) expect(idNumberMessage(value, '2026-01-01', 'resident'), `${file}: ${value}`).toBeNull();
  });

  it('every 统一社会信用代码 validates (GB 32100)', () => {
    const codes = literals(/['"]([0-9A-Z]{2}\d{6}[0-9A-Z]{10})['"]/g).filter((c) => /[A-Z]/.test(c.value.slice(0, 17)));
    expect(codes.length).toBeGreaterThanOrEqual(2);
    for (const { file, value } of codes) expect(creditCodeMessage(value), `${file}: ${value}`).toBeNull();
  });

  it('every mobile is 11 digits starting 13–19', () => {
    const phones = literals(/['"](1\d{9,11})['"]/g).filter((p) => !/^1\d{17}$/.test(p.value));
    expect(phones.length).toBeGreaterThanOrEqual(12);
    for (const { file, value } of phones) expect(phoneMessage(value), `${file}: ${value}`).toBeNull();
  });
});
