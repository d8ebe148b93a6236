import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { addAjvFormats, refuseUncheckedSchemas, DateOnly, Id, Int, isDate, isDateTime, isMonth, isPeriod, isText, isUuid, Month, Num, Pattern, routeSchemaProblems, Text } from './formats.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const civil = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2149-12-31T00:00:00Z'), noInvalidDate: true });

describe('formats', () => {
  it('every real day of the calendar range is a date', () => {
    fc.assert(fc.property(civil, (d) => isDate(d.toISOString().slice(0, 10))));
  });

  it('a day past its month’s end is not (2026-02-30, 2025-02-29, 2026-04-31)', () => {
    fc.assert(fc.property(fc.integer({ min: 1980, max: 2149 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 99 }), (y, m, d) => {
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
      return isDate(`${y}-${pad(m)}-${pad(d)}`) === real;
    }));
    expect(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-01', '2026-01-00', '2026-1-1', '20260101'].filter((v) => !((v: string) => !isDate(v))(v))).toEqual([]);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('2100-02-29')).toBe(false);
  });

  it('dates outside the working-day calendar (1980–2149) are refused', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 1979 }), fc.integer({ min: 2150, max: 9999 })), (y) => !isDate(`${pad(y, 4)}-06-15`) && !isMonth(`${pad(y, 4)}-06`)));
    expect(isDate('1980-01-01') && isDate('2149-12-31')).toBe(true);
  });

  it('date-times need a real date, time and zone', () => {
    fc.assert(fc.property(civil, (d) => isDateTime(d.toISOString())));
    expect(['2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:00:00', '0000-01-01T00:00:00Z', '2026-01-01T10:61:00+08:00'].filter((v) => !((v: string) => !isDateTime(v))(v))).toEqual([]);
    expect(isDateTime('2026-03-01T09:30:00+08:00')).toBe(true);
  });

  it('months and periods', () => {
    expect(['2026-01', '2149-12', '1980-01'].filter((v) => !(isMonth)(v))).toEqual([]);
    expect(['0000-01', '9999-12', '2026-13', '2026-00', '2026-1', '2026'].filter((v) => !((v: string) => !isMonth(v))(v))).toEqual([]);
    expect(['2026', '2026-03', '2026-Q4', '2026H1', '2026-H2'].filter((v) => !(isPeriod)(v))).toEqual([]);
    expect(['0000-01', '9999-Q1', '2026-Q5', '2026H3', '2026-13'].filter((v) => !((v: string) => !isPeriod(v))(v))).toEqual([]);
  });

  it('text: anything well-formed without NUL, never a NUL or a lone surrogate', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => isText(s) === !s.includes('\u0000')));
    // A surrogate between two plain letters can pair with nothing.
    fc.assert(fc.property(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string(), (a, c, b) => !isText(`${a}x${String.fromCharCode(c)}x${b}`)));
    expect(isText('𠀀 政务 😀')).toBe(true);
    expect(isText('\ud800')).toBe(false);
    expect(isText('a\udfff')).toBe(false);
  });

  it('uuids: the canonical form only', () => {
    fc.assert(fc.property(fc.uuid(), isUuid));
    expect(['urn:uuid:6f1c3e9a-1b2c-4d5e-8f90-123456789abc', '6f1c3e9a1b2c4d5e8f90123456789abc', '{6f1c3e9a-1b2c-4d5e-8f90-123456789abc}', 'x'].filter((v) => !((v: string) => !isUuid(v))(v))).toEqual([]);
  });

  it('the helpers check with TypeBox too (the formats are registered there)', () => {
    expect(Value.Check(DateOnly(), '2026-02-30')).toBe(false);
    expect(Value.Check(Month(), '0000-01')).toBe(false);
    expect(Value.Check(Text(10), 'a\u0000')).toBe(false);
    expect(Value.Check(Id(), 'not-a-uuid')).toBe(false);
    expect(Value.Check(Int(), 99999999999999999999)).toBe(false);
    expect(Value.Check(Int(), 2147483647)).toBe(true);
    expect(Value.Check(Int(), 2147483648)).toBe(false);
  });
});

describe('the start-up check on route schemas', () => {
  it('accepts schemas built from the helpers', () => {
    const body = Type.Object({ a: Text(10), b: Id(), c: Type.Optional(Int({ minimum: 1 })), d: Type.Array(DateOnly()), e: Type.Union([Type.Literal('x'), Type.Literal('y')]), f: Num({ minimum: 0, maximum: 1 }), g: Pattern('^[a-z]+$') });
    expect(routeSchemaProblems('/api/x/:id', { params: Type.Object({ id: Id() }), body })).toEqual([]);
  });

  it('names a bare string, text without a length, an unbounded integer or number, and an undeclared path parameter', () => {
    const problems = routeSchemaProblems('/api/x/:id/:other', {
      params: Type.Object({ id: Id() }),
      body: Type.Object({ s: Type.String(), t: Type.String({ format: 'text' }), i: Type.Integer({ minimum: 0 }), n: Type.Optional(Type.Number()), deep: Type.Array(Type.Object({ q: Type.String({ pattern: '^a$' }) })) }),
      querystring: Type.Object({ page: Type.Integer() }),
    });
    expect(problems).toEqual([
      'params.other: path parameter without a schema',
      'body.s: string without a shared format', 'body.t: text without maxLength', 'body.i: integer without both bounds', 'body.n: number without both bounds',
      'body.deep[].q: string without a shared format', 'query.page: integer without both bounds',
    ]);
  });

  it('is wired as an onRoute hook: a route with a bare string does not register', async () => {
    const app = Fastify({ ajv: { customOptions: {}, onCreate: addAjvFormats } as FastifyServerOptions['ajv'] });
    refuseUncheckedSchemas(app);
    expect(() => app.post('/api/bad', { schema: { body: Type.Object({ name: Type.String() }) } }, async () => ({}))).toThrow(/body\.name: string without a shared format/);
    app.post('/api/good', { schema: { body: Type.Object({ name: Text(10) }) } }, async () => ({}));
    app.get('/outside-api', { schema: { querystring: Type.Object({ x: Type.String() }) } }, async () => ({}));
    await app.ready();
    expect((await app.inject({ method: 'POST', url: '/api/good', payload: { name: 'a\u0000' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/good', payload: { name: '政务' } })).statusCode).toBe(200);
    await app.close();
  });
});
