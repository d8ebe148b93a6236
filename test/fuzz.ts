/**
 * Request generators for the fuzz test (src/core/fuzz.int.test.ts): fast-check arbitraries built
 * from an operation's OpenAPI schemas. Two modes: `shaped` values match the schema but sit at its
 * edges (first/last dates of the calendar, bounds of integers, random unicode, ids of rows that
 * do not exist next to ids that do); `bad` values break it anywhere (impossible dates, NUL, lone
 * surrogates, huge integers, non-UUIDs, wrong types, missing fields).
 */
import fc from 'fast-check';
import { isText } from '../src/core/formats.js';

type S = Record<string, any>;

const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
export const BAD_STRINGS = [
  '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '1979-12-31', '2150-01-01', '2026-1-1',
  '0000-01', '9999-12', '2026-00', '2026-Q5', '2026H3', '2026-02-30T10:00:00Z', '2026-01-01T25:00:00Z', '0000-01-01T00:00:00Z',
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800',
  '99999999999999999999', '-99999999999999999999', '2147483648', '-2147483649', '1e400', 'NaN', 'Infinity', '-1', '0', '1.5',
  'not-a-uuid', 'urn:uuid:6f1c3e9a-1b2c-4d5e-8f90-123456789abc', '6f1c3e9a1b2c4d5e8f90123456789abc', '{6f1c3e9a-1b2c-4d5e-8f90-123456789abc}',
  '%', '_', '%_%', '\\', '', ' ', "' OR 1=1 --", '../../etc/passwd', '𠀀𠀁', '<script>alert(1)</script>', 'a'.repeat(5000),
];
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(1e20, -1e20, 2147483648, -2147483649, 9007199254740993, 1.5, 0, -1, true, false, null, [], {}, [null], { a: '\u0000' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(lone, fc.constantFrom('a', '\u0000', '中')), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

export interface GenContext { ids: string[]; today: string }

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const year = fc.oneof(fc.integer({ min: 1980, max: 2149 }), fc.constantFrom(1980, 2149, 2026, 2027));
const day = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);

function dateArb(g: GenContext) {
  return fc.oneof(day, fc.constantFrom('1980-01-01', '2149-12-31', '2024-02-29', g.today));
}

function periodArb(s: S) {
  const forms = fc.oneof(
    fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}H${h}`),
    year.map(String),
  );
  const re = s.pattern ? new RegExp(s.pattern, 'u') : null;
  return re ? forms.filter((v) => re.test(v)) : forms;
}

function textArb(s: S) {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min + 5, 30));
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern, 'u')).filter((v) => v.length <= (s.maxLength ?? Infinity) && isText(v));
  const fits = ['%', '_', '%%', '__', '\\%', '政务服务中心测试', "O'Brien", '%政务%'].filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  const random = [
    fc.string({ unit: 'binary', minLength: min, maxLength: max }).filter(isText),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter(isText),
  ];
  return fits.length ? fc.oneof(...random, fc.constantFrom(...fits)) : fc.oneof(...random);
}

function stringArb(s: S, g: GenContext): fc.Arbitrary<unknown> {
  switch (s.format) {
    case 'uuid': return g.ids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...g.ids)) : fc.uuid();
    case 'date': return dateArb(g);
    case 'date-time': return fc.tuple(dateArb(g), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+08:00'))
      .map(([d, h, m, z]) => `${d}T${pad(h)}:${pad(m)}:00${z}`);
    case 'month': return fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`);
    case 'period': return periodArb(s);
    default: return textArb(s);
  }
}

function numberArb(s: S, integer: boolean): fc.Arbitrary<unknown> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0) : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0) : 1e6);
  if (integer) {
    const clamp = (v: number) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, v));
    return fc.oneof(fc.integer({ min: clamp(lo), max: clamp(hi) }), fc.constantFrom(lo, hi));
  }
  return fc.oneof(fc.double({ min: lo, max: hi, noNaN: true, minExcluded: s.exclusiveMinimum !== undefined }), fc.constantFrom(hi));
}

function objectArb(s: S, g: GenContext, bad: boolean): fc.Arbitrary<unknown> {
  const props: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries<S>(s.properties ?? {})) props[k] = arb(v, g, bad);
  const required: string[] = s.required ?? [];
  const full = fc.record(props, { requiredKeys: required.filter((k) => k in props) });
  let out: fc.Arbitrary<Record<string, unknown>> = full;
  const pp = Object.entries<S>(s.patternProperties ?? {});
  if (pp.length) {
    const [pat, v] = pp[0];
    const dict = fc.dictionary(fc.stringMatching(new RegExp(pat, 'u')).filter((k) => k.length <= 40 && isText(k)), arb(v, g, bad), { maxKeys: 3 });
    out = fc.tuple(full, dict).map(([a, b]) => ({ ...b, ...a }));
  }
  if (!bad) return out;
  // Missing required fields, and a field the schema does not know.
  return fc.oneof({ weight: 4, arbitrary: out }, { weight: 1, arbitrary: fc.record(props, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(out, garbage).map(([o, x]) => ({ ...o, unexpected: x })) });
}

export function shaped(s: S, g: GenContext, bad: boolean): fc.Arbitrary<unknown> {
  if (!s || typeof s !== 'object') return fc.jsonValue({ maxDepth: 2 });
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a: S) => arb(a, g, bad)));
  if (s.allOf) {
    const merged = { type: 'object', properties: Object.assign({}, ...s.allOf.map((a: S) => a.properties ?? {})), required: s.allOf.flatMap((a: S) => a.required ?? []) };
    return objectArb(merged, g, bad);
  }
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (t) {
    case 'string': return stringArb(s, g);
    case 'integer': return numberArb(s, true);
    case 'number': return numberArb(s, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': return fc.array(arb(s.items ?? {}, g, bad), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object': return objectArb(s, g, bad);
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value for a schema: shaped, or (bad) shaped with garbage anywhere. */
export function arb(s: S, g: GenContext, bad: boolean): fc.Arbitrary<unknown> {
  const v = shaped(s, g, bad);
  return bad ? fc.oneof({ weight: 6, arbitrary: v }, { weight: 1, arbitrary: garbage }) : v;
}

/** Percent-encodes any string, lone surrogates included (as the bytes a careless client sends). */
export function enc(v: string): string {
  let out = '';
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

export const asParam = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

/** A query string from generated values (arrays repeat the key). */
export function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) parts.push(`${enc(k)}=${enc(asParam(x))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Multipart bodies a careless or hostile client sends: no boundary, broken parts, odd files. */
export function multipartGarbage(): { contentType: string; payload: Buffer; what: string }[] {
  const b = 'fuzzBoundary123';
  const part = (name: string, filename: string, body: string | Buffer, type = 'application/octet-stream') => Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n'),
  ]);
  const end = Buffer.from(`--${b}--\r\n`);
  return [
    { what: 'multipart without a boundary', contentType: 'multipart/form-data', payload: Buffer.from('garbage') },
    { what: 'multipart, empty boundary', contentType: 'multipart/form-data; boundary=', payload: Buffer.from('--\r\n') },
    { what: 'multipart, broken parts', contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data\r\n\r\nno end`) },
    { what: 'multipart, random bytes as a PDF with an odd name', contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.concat([part('file', 'a\u0000b\ud800.pdf', Buffer.from('%PDF-1.4\n\u0000\u00ff garbage')), end]) },
    { what: 'multipart, two files and a text field', contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.concat([part('file', 'x.xlsx', 'PK\u0003\u0004 not a zip'), part('file', 'y.png', '\u0089PNG'), end]) },
  ];
}

/** JSON bodies no schema sees: broken JSON, escapes PostgreSQL cannot store, wrong top-level types. */
export const RAW_BODIES: { contentType: string; payload: string; what: string }[] = [
  { what: 'broken JSON', contentType: 'application/json', payload: '{"a":' },
  { what: 'lone surrogate escape', contentType: 'application/json', payload: '{"note":"\\ud800","reason":"\\udfff","content":"x\\ud83dy"}' },
  { what: 'NUL escape in a key and a value', contentType: 'application/json', payload: '{"a\\u0000":"b\\u0000"}' },
  { what: 'JSON null', contentType: 'application/json', payload: 'null' },
  { what: 'JSON array', contentType: 'application/json', payload: '[1,2]' },
  { what: 'empty JSON body', contentType: 'application/json', payload: '' },
  { what: 'prototype pollution', contentType: 'application/json', payload: '{"__proto__":{"admin":true}}' },
  { what: 'text/plain', contentType: 'text/plain', payload: 'hello' },
];
