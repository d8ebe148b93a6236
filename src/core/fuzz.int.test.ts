/**
 * Issue 20: no user input can produce a 500. Every operation of the OpenAPI document (so a new
 * route is covered without touching this file) × anonymous / applicant / window / admin gets
 * generated values in path, query and body — schema-shaped values at the edges (ids of rows that
 * do not exist, first and last calendar days, integer bounds, random unicode) and bad ones
 * (impossible dates, NUL, lone surrogates, huge integers, non-UUIDs, wrong types, missing
 * fields) — plus raw bodies no schema sees and multipart garbage for every POST/PUT. Any answer
 * ≥ 500 fails the test and is printed with its operation and payload.
 *
 * Bounded: FUZZ_RUNS generated requests per operation and persona (default 8), seeded by
 * FUZZ_SEED (default fixed, so a failure reproduces; set another to explore).
 */
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { arb, shaped, asParam, enc, multipartGarbage, queryString, RAW_BODIES, type GenContext } from '../../test/fuzz.js';
import { rows } from './db/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20_2026);

interface Param { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: Record<string, unknown> }
interface Op { method: string; path: string; params: Param[]; body?: Record<string, unknown> }
interface Failure { persona: string; op: string; request: string; status: number; answer: string }

const PERSONAS = ['anonymous', 'citizen1', 'window1', 'admin'] as const;
/** Operations that end the session run last, so the other operations still see a signed-in user. */
const SESSION_ENDING = /\/auth\/logout$/;

let t: TestApp;
let ops: Op[];
let gen: GenContext;
const clients: Record<string, Client> = {};
const failures: Failure[] = [];
let sent = 0;
let startedAt: Date;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const doc = (await t.anon.get('/api/docs/json')).body;
  ops = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  ops.sort((a, b) => Number(SESSION_ENDING.test(a.path)) - Number(SESSION_ENDING.test(b.path)));
  startedAt = t.ctx.now();
  gen = { ids: await sampleIds(t), today: t.ctx.today() };
  clients.anonymous = t.anon;
  for (const p of PERSONAS.slice(1)) clients[p] = await t.login(p);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

/** A few ids of real rows from every table keyed by a UUID: requests reach past the existence checks. */
async function sampleIds(app: TestApp): Promise<string[]> {
  const tables = await rows<{ table_name: string }>(app.ctx.db, sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`);
  const ids: string[] = [];
  for (const { table_name } of tables) {
    const got = await rows<{ id: string }>(app.ctx.db, sql`select id::text as id from ${sql.identifier(table_name)} limit 2`);
    ids.push(...got.map((r) => r.id));
  }
  return ids;
}

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
const objectOf = (params: Param[]) => ({
  type: 'object', properties: Object.fromEntries(params.map((p) => [p.name, p.schema])), required: params.filter((p) => p.required).map((p) => p.name),
});

/** Generated requests for one operation: path and query values and a JSON body. */
function requestsFor(op: Op, persona: string): { url: string; payload?: string }[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const query = op.params.filter((p) => p.in === 'query');
  const varies = pathParams.length + query.length > 0 || op.body;
  const n = varies ? RUNS : 1;
  const one = (bad: boolean) => fc.record({
    path: arb({ ...objectOf(pathParams), required: pathParams.map((p) => p.name) }, gen, false).chain((good) =>
      bad ? shaped(objectOf(pathParams), gen, true).map((b) => ({ ...(good as object), ...(b as object) })) : fc.constant(good)),
    query: shaped(objectOf(query), gen, bad),
    body: op.body ? arb(op.body, gen, bad) : fc.constant(undefined),
  });
  const all = fc.oneof(one(false), one(true));
  return fc.sample(all, { numRuns: n, seed: SEED + hash(`${op.method} ${op.path} ${persona}`) }).map((r) => {
    const pathValues = r.path as Record<string, unknown>;
    const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => enc(asParam(pathValues[name] ?? 'x')) || 'x') + queryString(r.query as Record<string, unknown>);
    return { url, payload: r.body === undefined ? undefined : JSON.stringify(r.body) };
  });
}

/** A URL for the extra raw/multipart requests: path params with real or fresh ids. */
const plainUrl = (op: Op) => op.path.replace(/\{([^}]+)\}/g, () => gen.ids[0] ?? '00000000-0000-4000-8000-000000000000');

async function send(persona: string, op: Op, req: { url: string; payload?: string | Buffer; contentType?: string; what?: string }) {
  const client = clients[persona];
  const headers: Record<string, string> = {};
  if (client.cookie) Object.assign(headers, { cookie: client.cookie, 'x-csrf-token': client.csrf });
  if (req.payload !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
  if (process.env.FUZZ_PROGRESS) appendFileSync(process.env.FUZZ_PROGRESS, `  ${req.url.slice(0, 200)} ${typeof req.payload === 'string' ? req.payload.slice(0, 300) : ''}\n`);
  const res = await answer(op.method, req.url, headers, req.payload);
  sent++;
  // The test clock route moves the app's clock: put it back so later requests run on the same day.
  if (op.path === '/api/test/clock') t.ctx.clock.set(startedAt);
  if (res.status >= 500) {
    const shown = typeof req.payload === 'string' ? req.payload.slice(0, 400) : req.payload ? `<${req.payload.length} bytes>` : '';
    failures.push({ persona, op: `${op.method} ${op.path}`, request: `${req.what ? `[${req.what}] ` : ''}${op.method} ${req.url.slice(0, 300)} ${shown}`, status: res.status, answer: res.body.slice(0, 300) });
  }
}

/**
 * Sends one request; the answer is read as a stream so that an event stream (the hall and
 * supervision boards) answers with its status instead of never ending — it is then dropped.
 */
async function answer(method: string, url: string, headers: Record<string, string>, payload?: string | Buffer): Promise<{ status: number; body: string }> {
  const res = await t.app.inject({ method: method as 'GET', url, headers, payload, payloadAsStream: true });
  const stream = res.stream();
  if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    stream.on('error', () => {});
    stream.destroy();
    return { status: res.statusCode, body: '<event stream>' };
  }
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return { status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') };
}

describe('fuzz: no input answers ≥ 500', () => {
  for (const persona of PERSONAS) {
    it(`every OpenAPI operation as ${persona}`, async () => {
      expect(ops.length).toBeGreaterThan(200); // the document lists the routes (sanity: not an empty doc)
      const before = failures.length;
      for (const op of ops) {
        if (process.env.FUZZ_PROGRESS) appendFileSync(process.env.FUZZ_PROGRESS, `${new Date().toISOString()} ${persona} ${op.method} ${op.path} (${sent} sent)\n`);
        for (const req of requestsFor(op, persona)) await send(persona, op, req);
        if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') {
          // Raw bodies and multipart garbage: the whole set for routes without a JSON body (the upload
          // routes are among them), one of each kind otherwise.
          const raws = op.body ? RAW_BODIES.filter((_, i) => (i + hash(persona)) % 4 === 0) : RAW_BODIES;
          for (const r of raws) await send(persona, op, { url: plainUrl(op), ...r });
          const parts = multipartGarbage();
          for (const m of op.body ? parts.slice(0, 1) : parts) await send(persona, op, { url: plainUrl(op), ...m });
        }
      }
      const mine = failures.slice(before);
      if (mine.length) {
        const byOp = new Map<string, Failure[]>();
        for (const f of mine) byOp.set(f.op, [...(byOp.get(f.op) ?? []), f]);
        console.error(`${mine.length} answers ≥ 500 as ${persona} on ${byOp.size} operations (seed ${SEED}):\n${[...byOp.values()].map((fs) => `  ${fs[0].status} ${fs[0].request}\n     → ${fs[0].answer}${fs.length > 1 ? ` (+${fs.length - 1} more)` : ''}`).join('\n')}`);
      }
      expect(mine.map((f) => `${f.status} ${f.request}`)).toEqual([]);
    }, 600_000);
  }

  it('sent a bounded number of requests', () => {
    console.log(`fuzz: ${sent} requests over ${ops.length} operations × ${PERSONAS.length} personas, ${failures.length} answers ≥ 500`);
    expect(sent).toBeGreaterThan(ops.length * PERSONAS.length);
  });
});
