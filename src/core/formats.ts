/**
 * The one set of formats every route's schema uses (issue 20: no user input can produce a 500).
 *
 * Each format is a plain predicate, registered twice: with TypeBox (checks outside routes, e.g.
 * case action bodies) and with Fastify's Ajv (`addAjvFormats`, run after ajv-formats so ours
 * win over its laxer `uuid`, `date` and `date-time`). The helpers below (`Text`, `Id`, `DateOnly`,
 * `Month`, `Int`, …) are what route files build their schemas from; `unsafeSchemaParts` is the
 * start-up check (app.ts, onRoute) that refuses a route with a bare string or an unbounded number,
 * so a new route cannot forget them.
 */
import type { FastifyInstance } from 'fastify';
import { FormatRegistry, Type, type NumberOptions, type StringOptions, type TSchema } from '@sinclair/typebox';
import { INDEX_FIRST_YEAR, INDEX_LAST_YEAR } from './calendar/calendar.js';

/** Dates outside the working-day calendar's index are a user's mistake, never a service date. */
export const FIRST_YEAR = INDEX_FIRST_YEAR;
export const LAST_YEAR = INDEX_LAST_YEAR;
/** PostgreSQL's integer (int4) and, for bigint columns, JavaScript's exact integer range. */
export const INT4_MIN = -2147483648;
export const INT4_MAX = 2147483647;
export const INT8_MIN = Number.MIN_SAFE_INTEGER;
export const INT8_MAX = Number.MAX_SAFE_INTEGER;

const yearOk = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;
const daysIn = (y: number, m: number) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** A real calendar day (no 2026-02-30) inside the calendar's range. */
export function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return yearOk(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** RFC 3339 date-time whose date is real and in range, with a real time of day and zone. */
export function isDateTime(v: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ]([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d)(\.\d{1,9})?)?([Zz]|[+-]([01]\d|2[0-3]):([0-5]\d))$/.exec(v);
  return !!m && isDate(m[1]) && !Number.isNaN(Date.parse(v));
}

/** YYYY-MM. */
export function isMonth(v: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(v);
  return !!m && yearOk(Number(m[1]));
}

/** A reporting period: YYYY, YYYY-MM, YYYY-Qn or a half year YYYYHn / YYYY-Hn (a route narrows it with a pattern). */
export function isPeriod(v: string): boolean {
  const m = /^(\d{4})(-(0[1-9]|1[0-2])|-Q[1-4]|-?H[12])?$/.exec(v);
  return !!m && yearOk(Number(m[1]));
}

/** Text PostgreSQL can store: no NUL and no lone UTF-16 surrogate (JSON's "\ud800" parses to one). */
export function isText(v: string): boolean {
  return !v.includes('\u0000') && (v as string & { isWellFormed(): boolean }).isWellFormed();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export const FORMATS: Record<string, (v: string) => boolean> = {
  uuid: isUuid, date: isDate, 'date-time': isDateTime, month: isMonth, period: isPeriod, text: isText,
};

for (const [name, check] of Object.entries(FORMATS)) FormatRegistry.Set(name, check);

// ---------------------------------------------------------------------------
// Business dates: where a document, plan, report, leave or praise is issued, a date or period
// must also lie within `years` (config BANSHI_BUSINESS_YEARS) of today's year — a circular for
// 0000-01 or leave ending 9999-12-31 is a typo, and documents are never changed once issued.

export interface BusinessWindow { today(): string; years: number }

/** The first and last year the window allows on a given day. */
export function businessYears(today: string, years: number): { first: number; last: number } {
  const y = Number(today.slice(0, 4));
  return { first: Math.max(FIRST_YEAR, y - years), last: Math.min(LAST_YEAR, y + years) };
}

export function inBusinessWindow(v: string, w: BusinessWindow): boolean {
  const { first, last } = businessYears(w.today(), w.years);
  const y = Number(v.slice(0, 4));
  return y >= first && y <= last;
}

const BUSINESS: Record<string, (v: string) => boolean> = { 'business-date': isDate, 'business-month': isMonth, 'business-period': isPeriod };
/** Outside routes (no clock at hand) the business formats check the shape only. */
for (const [name, check] of Object.entries(BUSINESS)) FormatRegistry.Set(name, check);

interface AjvLike { addFormat(name: string, format: { type: 'string'; validate: (v: string) => boolean }): unknown }

/** Registers the formats with an Ajv instance (Fastify's `ajv.onCreate`, after ajv-formats). */
export function addAjvFormats(ajv: AjvLike, window?: BusinessWindow): void {
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  for (const [name, check] of Object.entries(BUSINESS)) {
    ajv.addFormat(name, { type: 'string', validate: (v) => check(v) && (!window || inBusinessWindow(v, window)) });
  }
}

// ---------------------------------------------------------------------------
// Schema helpers: every route builds its strings and numbers from these.

/** Free text, at most `max` characters. */
export const Text = (max = 2000, min = 0, opts: StringOptions = {}) => Type.String({ format: 'text', minLength: min, maxLength: max, ...opts });
/** A code or key checked by a pattern (the pattern says which characters; `text` still bars NUL). */
export const Pattern = (pattern: string, opts: StringOptions = {}) => Type.String({ format: 'text', pattern, maxLength: 200, ...opts });
/** The id of a row: a UUID (path params included). */
export const Id = (opts: StringOptions = {}) => Type.String({ format: 'uuid', ...opts });
export const DateOnly = (opts: StringOptions = {}) => Type.String({ format: 'date', description: 'YYYY-MM-DD', ...opts });
export const DateTime = (opts: StringOptions = {}) => Type.String({ format: 'date-time', ...opts });
export const Month = (opts: StringOptions = {}) => Type.String({ format: 'month', description: 'YYYY-MM', ...opts });
export const Period = (pattern: string, opts: StringOptions = {}) => Type.String({ format: 'period', pattern, ...opts });
/** A date, month or period something is issued for: also within the business years around today. */
export const BusinessDate = (opts: StringOptions = {}) => Type.String({ format: 'business-date', description: 'YYYY-MM-DD, within BANSHI_BUSINESS_YEARS of today', ...opts });
export const BusinessMonth = (opts: StringOptions = {}) => Type.String({ format: 'business-month', description: 'YYYY-MM, within BANSHI_BUSINESS_YEARS of today', ...opts });
export const BusinessPeriod = (pattern: string, opts: StringOptions = {}) => Type.String({ format: 'business-period', pattern, ...opts });
/** An integer PostgreSQL's int4 holds (narrow it with minimum/maximum). */
export const Int = (opts: NumberOptions = {}) => Type.Integer({ minimum: INT4_MIN, maximum: INT4_MAX, ...opts });
/** An integer for a bigint column (JavaScript's exact range). */
export const Int8 = (opts: NumberOptions = {}) => Type.Integer({ minimum: INT8_MIN, maximum: INT8_MAX, ...opts });
/** A number: its bounds are part of the contract, so both are required. */
export const Num = (opts: NumberOptions & { minimum: number; maximum: number }) => Type.Number(opts);

// ---------------------------------------------------------------------------
// The start-up check.

interface JsonSchema {
  type?: string | string[]; format?: string; const?: unknown; enum?: unknown[]; minimum?: number; maximum?: number;
  exclusiveMinimum?: number; exclusiveMaximum?: number; maxLength?: number;
  properties?: Record<string, JsonSchema>; patternProperties?: Record<string, JsonSchema>; additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; not?: JsonSchema;
}

const typesOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/**
 * The parts of a request schema that would let unchecked input through: strings with none of the
 * shared formats (or a const/enum), free text without maxLength, integers and numbers without both
 * bounds. Returns their paths ("body.applicant.name"); empty when the schema is safe.
 */
export function unsafeSchemaParts(schema: unknown, path: string): string[] {
  const out: string[] = [];
  const walk = (s: JsonSchema | boolean | undefined, p: string) => {
    if (!s || typeof s !== 'object') return;
    if (s.const !== undefined || s.enum) return;
    for (const t of typesOf(s)) {
      if (t === 'string' && !(s.format && (s.format in FORMATS || s.format in BUSINESS))) out.push(`${p}: string without a shared format`);
      if (t === 'string' && s.format === 'text' && s.maxLength === undefined) out.push(`${p}: text without maxLength`);
      if ((t === 'integer' || t === 'number') && (!bounded(s.minimum, s.exclusiveMinimum) || !bounded(s.maximum, s.exclusiveMaximum))) out.push(`${p}: ${t} without both bounds`);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${p}.${k}`);
    for (const v of Object.values(s.patternProperties ?? {})) walk(v, `${p}[*]`);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${p}[*]`);
    for (const v of Array.isArray(s.items) ? s.items : s.items ? [s.items] : []) walk(v, `${p}[]`);
    for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(v, p);
  };
  walk(schema as JsonSchema, path);
  return out;
}

const bounded = (inclusive?: number, exclusive?: number) => Number.isFinite(inclusive) || Number.isFinite(exclusive);

/** Path parameters (`:id`) that a route's params schema does not declare. */
export function undeclaredParams(url: string, params: unknown): string[] {
  const declared = (params as JsonSchema | undefined)?.properties ?? {};
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).filter((n) => !(n in declared));
}

/** Everything wrong with one route's request schema (the onRoute hook throws on a non-empty list). */
export function routeSchemaProblems(url: string, schema: { body?: unknown; querystring?: unknown; params?: unknown; headers?: unknown } | undefined): string[] {
  const s = schema ?? {};
  return [
    ...undeclaredParams(url, s.params).map((n) => `params.${n}: path parameter without a schema`),
    ...unsafeSchemaParts(s.body, 'body'), ...unsafeSchemaParts(s.querystring, 'query'),
    ...unsafeSchemaParts(s.params, 'params'), ...unsafeSchemaParts(s.headers, 'headers'),
  ];
}

/** The start-up check: an /api route whose request schema lets unchecked strings or numbers through does not register. */
export function refuseUncheckedSchemas(app: Pick<FastifyInstance, 'addHook'>): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const problems = routeSchemaProblems(route.url, route.schema as Parameters<typeof routeSchemaProblems>[1]);
    if (problems.length) throw new Error(`route ${route.method} ${route.url}: ${problems.join('; ')} (use the helpers of src/core/formats.ts)`);
  });
}
