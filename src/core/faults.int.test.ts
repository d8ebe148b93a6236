/**
 * Faults on PostgreSQL, on a server of the test's own: the database restarts under open
 * boards, the server is killed under 40 writers, two instances start at once on an empty
 * database. Runs in the PostgreSQL pass of the suite (TEST_DATABASE_URL set) where the
 * binaries are installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/freshdb.js';
import { onSseEvents } from '../../test/sse.js';
import { freePort, pgBinDir, startCluster, type PgCluster } from '../../test/pgcluster.js';
import { loadConfig } from './config.js';
import { startServer } from '../server.js';

const enabled = Boolean(process.env.TEST_DATABASE_URL) && pgBinDir() !== null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A valid 18-digit ID number (GB 11643 check digit) for a serial. */
function idNumber(serial: number, birth = '19900101'): string {
  const body = `620524${birth}${String(serial % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function api(base: string, username?: string) {
  let headers: Record<string, string> = { 'content-type': 'application/json' };
  if (username) {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password: 'banshi123' }) });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    headers = { ...headers, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken };
  }
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json: any = text;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: json };
  };
  return { call, cookie: headers.cookie ?? '', get: (u: string) => call('GET', u), post: (u: string, b: unknown = {}) => call('POST', u, b), put: (u: string, b: unknown) => call('PUT', u, b) };
}

interface Sse { event: string; id?: string; data: any; at: number }
/** Opens an event stream and collects its events until closed. */
function openStream(url: string, cookie = '') {
  const events: Sse[] = [];
  let closed = false;
  const req = http.get(url, { headers: cookie ? { cookie } : {} }, (res) => {
    onSseEvents(res, (e) => events.push({ ...e, at: Date.now() }));
    res.on('close', () => { closed = true; });
  });
  req.on('error', () => { closed = true; });
  return { events, get closed() { return closed; }, close: () => req.destroy() };
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const ready = (base: string) => fetch(`${base}/api/health/ready`).then((r) => r.status === 200, () => false);

function spawnServer(url: string, port: number, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', BANSHI_DEMO: '1', BANSHI_DEMO_CASES: '0', BANSHI_QUIET: '1', BANSHI_TEST_CLOCK: '1', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => { out = (out + d).slice(-4000); });
  child.stderr?.on('data', (d) => { out = (out + d).slice(-4000); });
  (child as ChildProcess & { output: () => string }).output = () => out;
  return child;
}
const outputOf = (c: ChildProcess) => (c as ChildProcess & { output?: () => string }).output?.() ?? '';

describe.skipIf(!enabled)('faults on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => { cluster = await startCluster(); }, 60_000);
  afterAll(() => cluster?.destroy());

  it('a database restart with both boards open: 503 while down, ready again, a new call reaches the hall board and the supervision board refreshes within 15 s', async () => {
    const db = await freshDatabase(cluster.url, 'banshi_fault');
    const server = await startServer({ ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: db.url, testClock: true, demo: true, demoCases: false });
    const base = server.address.replace('0.0.0.0', '127.0.0.1');
    try {
      // Thu 2026-12-03 10:00 in Shanghai: the hall is open.
      await fetch(`${base}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-03T02:00:00Z' }) });
      const admin = await api(base, 'admin');
      const supervisor = await api(base, 'super1');
      const windows = (await admin.get('/api/hall/windows')).body.windows as { id: string; number: number }[];
      const w5 = windows.find((w) => w.number === 5)!.id;
      const centerId = (await admin.get('/api/hall/categories')).body.center.id as string;
      const cat = await admin.post('/api/hall/categories', { prefix: 'R', name: '重启测试' });
      expect(cat.status, JSON.stringify(cat.body)).toBe(201);
      await admin.put(`/api/hall/windows/${w5}/categories`, { categoryIds: [cat.body.id] });

      const board = openStream(`${base}/api/hall/stream?centerId=${centerId}`);
      const superBoard = openStream(`${base}/api/supervision/stream`, supervisor.cookie);
      await waitFor('both streams to connect', () => board.events.length > 0 && superBoard.closed === false, 10_000);
      await sleep(300);

      cluster.stop('fast');
      expect((await fetch(`${base}/api/health/ready`)).status).toBe(503);
      expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
      expect((await fetch(`${base}/api/hall/board?centerId=${centerId}`)).status).toBe(503);
      await sleep(1500); // the listener finds its connection gone and starts backing off
      cluster.start();
      const answering = Date.now();
      await waitFor('readiness', () => ready(base), 15_000);

      const before = board.events.length;
      const superBefore = superBoard.events.length;
      // The first requests may still meet a pooled connection the restart killed: retry those (503).
      const ticket = await waitFor('a ticket', async () => { const r = await admin.post('/api/hall/tickets', { categoryId: cat.body.id, channel: 'staff' }); return r.status === 201 && r.body; }, 10_000);
      const called = await waitFor('the call', async () => { const r = await admin.post(`/api/hall/windows/${w5}/actions/callNext`, {}); return r.status === 200 && r.body; }, 10_000);
      expect(called.called.number).toBe(ticket.number);
      const call = await waitFor('the call on the board', () => board.events.slice(before).find((e) => e.data.kind === 'call' && e.data.number === ticket.number), 15_000);
      expect(call.at - answering).toBeLessThan(15_000);
      await waitFor('the supervision board told to refresh', () => superBoard.events.slice(superBefore).some((e) => e.event === 'change'), 15_000);
      expect(board.closed).toBe(false);
      board.close();
      superBoard.close();
    } finally {
      await server.app.close();
      await server.ctx.database.close();
      await db.drop();
    }
  }, 120_000);

  it('kill -9 under 40 writers: every acknowledged transition is there, none half-applied, the audit chain verifies', async () => {
    const db = await freshDatabase(cluster.url, 'banshi_kill');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawnServer(db.url, port);
    const acked: { caseId: string; action: string }[] = [];
    try {
      await waitFor(`the server (${outputOf(child)})`, () => ready(base), 90_000);
      const window1 = await api(base, 'window1');
      let stop = false;
      let refused = '';
      const STEPS: [string, object][] = [['accept', { provided: ['id-card', 'photo', 'declaration'] }], ['decide', { outcome: 'approved' }], ['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]];
      const writer = async (w: number) => {
        for (let n = 0; !stop; n++) {
          const c = await window1.post('/api/cases', { itemCode: '62052400MZ-QR-0001', channel: 'window', applicant: { kind: 'person', name: '压测', idNumber: idNumber(w * 37 + n), phone: '13800000000' }, coApplicants: [{ name: '压测配偶', idNumber: idNumber(w * 37 + n, '19920202') }] }).catch(() => null);
          if (!c || c.status !== 201) { refused ||= JSON.stringify(c); return; }
          acked.push({ caseId: c.body.id, action: 'create' });
          let version = (c.body.version as number | undefined) ?? 1;
          for (const [action, body] of STEPS) {
            const r = await window1.post(`/api/cases/${c.body.id}/actions/${action}`, { version, ...body }).catch(() => null);
            if (!r || r.status !== 200) { refused ||= `${action}: ${JSON.stringify(r)}`; return; }
            acked.push({ caseId: c.body.id, action });
            version = r.body.version;
          }
        }
      };
      const writers = Array.from({ length: 40 }, (_, w) => writer(w));
      await waitFor('some transitions', () => { if (refused && !stop) throw new Error(`refused before the kill: ${refused}`); return acked.length >= 200; }, 60_000);
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      expect(acked.length).toBeGreaterThanOrEqual(200);

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const ids = [...new Set(acked.map((a) => a.caseId))];
        const { rows: cases } = await client.query<{ id: string; state: string; last_state: string; actions: string[] }>(`
          select c.id, c.state,
                 (select to_state from case_events e where e.case_id = c.id order by seq desc limit 1) as last_state,
                 (select array_agg(action) from case_events e where e.case_id = c.id) as actions
            from cases c where c.id = any($1::uuid[])`, [ids]);
        expect(cases.length).toBe(ids.length);
        const byId = new Map(cases.map((c) => [c.id, c]));
        for (const a of acked.filter((x) => x.action !== 'create')) expect(byId.get(a.caseId)!.actions, a.caseId).toContain(a.action);
        for (const c of cases) expect(c.state, c.id).toBe(c.last_state);
      } finally {
        await client.end();
      }
      const verify = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: db.url }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      verify.stdout.on('data', (d) => { out += d; });
      verify.stderr.on('data', (d) => { out += d; });
      const code = await new Promise<number | null>((r) => verify.on('exit', r));
      expect(code, out).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await db.drop();
    }
  }, 180_000);

  it('two instances started at once on an empty database both come up, the demo seeded once', async () => {
    const db = await freshDatabase(cluster.url, 'banshi_twin');
    const ports = [await freePort(), await freePort()];
    const children = ports.map((p) => spawnServer(db.url, p));
    try {
      for (const [i, p] of ports.entries()) await waitFor(`instance ${i + 1} (${outputOf(children[i])})`, () => ready(`http://127.0.0.1:${p}`), 120_000);
      for (const c of children) expect(c.exitCode).toBeNull();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ n: number; distinct_names: number }>(`select count(*)::int as n, count(distinct username)::int as distinct_names from users`);
      await client.end();
      expect(rows[0].n).toBe(rows[0].distinct_names);
      expect(rows[0].n).toBeGreaterThan(10);

      // SIGTERM with a board open: the stream ends with a retry hint, the process exits cleanly, the other stays up.
      const board = openStream(`http://127.0.0.1:${ports[0]}/api/hall/stream`);
      await waitFor('the board to connect', () => board.events.length > 0, 10_000);
      const exited = new Promise<number | null>((r) => children[0].on('exit', r));
      children[0].kill('SIGTERM');
      expect(await exited).toBe(0);
      await waitFor('the stream to end', () => board.closed, 5_000);
      expect(await ready(`http://127.0.0.1:${ports[1]}`)).toBe(true);
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await Promise.all(children.map((c) => c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null));
      await db.drop();
    }
  }, 180_000);
});
