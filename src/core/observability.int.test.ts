/**
 * Logs carry no personal data and a request id on every line; /metrics is guarded and
 * reports latency by route, jobs, the outbox backlog, the pool and open streams.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KIND, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { walkIn, MARRIAGE } from '../../test/cases.js';
import { scrubText, serializeError } from './logging.js';
import { consoleTransport } from '../notify/transports.js';

const ID = '620524198001011234';
const PHONE = '13800001111';
const NAME = '赵大山';

describe('scrubbing log text', () => {
  it('masks ID numbers and mobiles anywhere, keeps JSON valid, leaves other numbers alone', () => {
    expect(scrubText(`身份证${ID}，电话${PHONE}`)).toBe('身份证6205**********1234，电话138****1111');
    expect(scrubText('+8613912345678 and 62052419900512233X')).toBe('+86139****5678 and 6205**********233X');
    const line = JSON.stringify({ msg: `x ${ID}`, n: 13912345678, list: [13912345678] });
    expect(JSON.parse(scrubText(line))).toEqual({ msg: 'x 6205**********1234', n: '139****5678', list: ['139****5678'] });
    // Case numbers (19 and 22 digits), UUIDs, epoch milliseconds stay as they are.
    const keep = 'case 6205242026112200042 town 6205241012026112200042 id 3f0c9a2e-1b2d-4c5e-8f90-a13912345678 time 1767225600000';
    expect(scrubText(keep)).toBe(keep);
  });

  it('the console transport prints notices with names and numbers masked', async () => {
    const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await consoleTransport.send({ id: 1, channel: 'sms', address: PHONE, recipientUserId: null, template: 'party.birthdayTalk', payload: { name: '王立军', anniversary: '2026-03-05', years: 10 } });
      const line = String(spy.mock.calls[0][0]);
      expect(line).toContain('王*军');
      for (const secret of ['王立军', PHONE]) expect(line).not.toContain(secret);
    } finally {
      spy.mockRestore();
    }
  });

  it('serializes a real database error without the values it quotes', async () => {
    const t = await startTestApp({ demo: false });
    try {
      await t.ctx.db.execute(sql`create table people_t (id_number text unique, phone text not null, name text)`);
      await t.ctx.db.execute(sql`insert into people_t values (${ID}, ${PHONE}, ${NAME})`);
      const dup = await t.ctx.db.execute(sql`insert into people_t values (${ID}, ${PHONE}, ${NAME})`).then(() => null, (e: unknown) => e);
      const nul = await t.ctx.db.execute(sql`insert into people_t values (${'620524199005122336'}, null, ${NAME})`).then(() => null, (e: unknown) => e);
      for (const err of [dup, nul]) {
        expect(err).toBeInstanceOf(Error);
        const raw = JSON.stringify({ message: (err as Error).message, cause: String((err as Error & { cause?: { detail?: string } }).cause?.detail) });
        expect(raw.includes(ID) || raw.includes(NAME) || raw.includes('620524199005122336')).toBe(true); // the raw error does carry them
        const out = JSON.stringify(serializeError(err));
        for (const secret of [ID, PHONE, NAME, '620524199005122336']) expect(out).not.toContain(secret);
        expect(out).toContain('params: [hidden]');
      }
    } finally {
      await t.close();
    }
  });
});

describe('a request that fails in the database (captured log output)', () => {
  let t: TestApp;
  let window1: Client;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ logStream: { write: (l: string) => lines.push(l) } });
    window1 = await t.login('window1');
    // The database breaks while a case is filed: the insert fails after it got the applicant's data.
    await t.ctx.db.execute(sql.raw(`create function cases_fail() returns trigger language plpgsql as $$
      begin raise exception using errcode = 'XX000', message = 'storage failure'; end $$`));
    await t.ctx.db.execute(sql`create trigger cases_fail before insert on cases for each row execute function cases_fail()`);
  });
  afterAll(async () => { await t?.close(); });

  it('logs the error with its request id and without ID number, phone or name', async () => {
    lines.length = 0;
    const res = await window1.raw({ method: 'POST', url: '/api/cases', payload: walkIn(MARRIAGE, NAME), headers: { 'x-request-id': 'proxy-req-0001' } });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ code: 'internal', requestId: 'proxy-req-0001' });
    expect(res.headers['x-request-id']).toBe('proxy-req-0001');
    const log = lines.join('');
    const errorLine = lines.map((l) => JSON.parse(l)).find((l) => l.level >= 50);
    expect(errorLine).toBeTruthy();
    expect(errorLine.reqId).toBe('proxy-req-0001');
    expect(JSON.stringify(errorLine)).toMatch(/storage failure/);
    expect(JSON.stringify(errorLine)).toContain('params: [hidden]');
    for (const secret of [ID, PHONE, NAME]) expect(log).not.toContain(secret);
    // Every line of the request carries its id.
    const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'proxy-req-0001');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(lines.map((l) => JSON.parse(l)).filter((l) => l.req || l.res).every((l) => typeof l.reqId === 'string')).toBe(true);
  });

  it('answers every error with a request id, replacing an incoming id that is not a sane token', async () => {
    const bad = await t.anon.raw({ method: 'GET', url: '/api/nowhere', headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.status).toBe(404);
    expect(bad.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.headers['x-request-id']).toBe(bad.body.error.requestId);
    const invalid = await window1.post('/api/cases', { itemCode: 7 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.requestId).toBe(invalid.headers['x-request-id']);
  });
});

describe('/metrics', () => {
  const TOKEN = 'metrics-secret-token-1234';
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ demo: false, config: { metricsToken: TOKEN, metricsAllow: ['10.0.0.0/8'] } }); });
  afterAll(async () => { await t?.close(); });

  it('refuses without the token or an allowed socket address (X-Forwarded-For does not count)', async () => {
    expect((await t.anon.get('/metrics')).status).toBe(403);
    expect((await t.anon.raw({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-xxxxxxxxxxxxx' } })).status).toBe(403);
    expect((await t.anon.raw({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(403);
  });

  it('reports latency by route pattern, jobs, the outbox backlog, the pool and open streams', async () => {
    await t.anon.get('/api/health');
    await t.anon.get(`/api/cases/${'0'.repeat(8)}-0000-4000-8000-000000000000`);
    await t.ctx.db.execute(sql`insert into outbox (channel, template, payload, next_attempt_at, created_at)
      values ('sms', 'case.accepted', '{}', ${t.ctx.now().toISOString()}, ${new Date(t.ctx.now().getTime() - 90_000).toISOString()})`);
    await t.ctx.db.execute(sql`insert into outbox (channel, template, payload, next_attempt_at, created_at, status) values ('sms', 'case.accepted', '{}', now(), now(), 'failed')`);
    const res = await t.anon.raw({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    const text = res.raw.toString();
    expect(text).toMatch(/banshi_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toMatch(/route="\/api\/cases\/:id",status="(401|404)"/); // the pattern, not the raw URL
    expect(text).not.toContain('00000000-0000-4000');
    expect(text).toMatch(/banshi_outbox_messages\{status="pending"\} 1/);
    expect(text).toMatch(/banshi_outbox_messages\{status="failed"\} 1/);
    const oldest = Number(/^banshi_outbox_oldest_pending_seconds (\S+)$/m.exec(text)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(89);
    expect(text).toContain('banshi_sse_streams_open');
    if (DB_KIND === 'postgres') expect(text).toMatch(/banshi_db_pool_connections\{state="total"\} [1-9]/);
    await t.anon.post('/api/test/sweep');
    const after = (await t.anon.raw({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).raw.toString();
    expect(after).toMatch(/banshi_job_runs_total\{job="overdue-default"\} [1-9]/);
    expect(after).toMatch(/banshi_job_runs_total\{job="outbox"\} [1-9]/);
    expect(after).toMatch(/banshi_outbox_messages\{status="pending"\} 0/);
  });

  it('counts an open board stream while it is open', async () => {
    const t2 = await startTestApp({ config: { metricsAllow: ['127.0.0.1', '::1'] } });
    try {
      const address = await t2.app.listen({ port: 0, host: '127.0.0.1' });
      const open = async () => Number(/banshi_sse_streams_open\{board="hall"\} (\d+)/.exec(await (await fetch(`${address}/metrics`)).text())?.[1] ?? 0);
      const before = await open();
      const ac = new AbortController();
      const stream = await fetch(`${address}/api/hall/stream`, { signal: ac.signal });
      expect(stream.status).toBe(200);
      expect(await open()).toBe(before + 1);
      ac.abort();
      await new Promise((r) => setTimeout(r, 200));
      expect(await open()).toBe(before);
    } finally {
      await t2.close();
    }
  });
});
