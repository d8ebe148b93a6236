/**
 * The hall's board feed: N SSE board clients connected (default 500), windows calling at
 * R calls/s (default 20) for S seconds; prints call → board delivery p50/p99 against the
 * same run's baseline, a plain SSE echo (POST → the same clients, no database); then ticket
 * issuance req/s (autocannon) against GET /api/health in the same run. Loopback only.
 *   npx tsx bench/hall.ts [clients=500] [rate=20] [seconds=10] [db=pglite|pg]
 * db=pg uses BENCH_DATABASE_URL / TEST_DATABASE_URL (a fresh database, dropped after).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';

const arg = (k: string, d: string) => process.argv.slice(2).find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1) ?? d;
const CLIENTS = Math.min(5000, Number(arg('clients', '500')));
const RATE = Math.min(200, Number(arg('rate', '20')));
const SECONDS = Math.min(120, Number(arg('seconds', '10')));
const DB = arg('db', 'pglite');
process.env.BANSHI_HALL_RATE_LIMIT = '1000000'; // the bench issues tickets from one address
process.env.BANSHI_QUIET = '1';

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN; };
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** Opens `n` SSE connections; `onEvent(data, receivedAt)` for each event of each client. */
async function connectClients(url: string, n: number, onEvent: (data: any, at: number) => void) {
  const agents = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const reqs: http.ClientRequest[] = [];
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const req = http.get(url, { agent: agents }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      resolve();
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const line = block.split('\n').find((l) => l.startsWith('data: '));
          if (line && (block.includes('event: hall') || block.includes('event: echo'))) onEvent(JSON.parse(line.slice(6)), at);
        }
      });
    });
    req.on('error', reject);
    reqs.push(req);
  })));
  return () => { for (const r of reqs) r.destroy(); agents.destroy(); };
}

/** Baseline: a plain SSE echo — POST /echo writes the body to every open stream. */
async function echoBaseline(): Promise<number[]> {
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { for (const s of streams) s.write(`event: echo\ndata: ${body}\n\n`); res.end('{}'); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const sent = new Map<number, number>();
  const lat: number[] = [];
  const close = await connectClients(`http://127.0.0.1:${port}/stream`, CLIENTS, (d, at) => { const t0 = sent.get(d.seq); if (t0 !== undefined) lat.push(at - t0); });
  const total = RATE * SECONDS;
  const start = performance.now();
  for (let seq = 0; seq < total; seq++) {
    sent.set(seq, performance.now());
    void fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: JSON.stringify({ seq, text: '请A012号到3号窗口办理' }) });
    await sleep(Math.max(0, (seq + 1) * (1000 / RATE) - (performance.now() - start)));
  }
  await sleep(1000);
  close();
  for (const s of streams) s.end();
  server.close();
  return lat;
}

async function main() {
  const { loadConfig } = await import('../src/core/config.js');
  const { startServer } = await import('../src/server.js');
  const { freshDatabase } = await import('../test/freshdb.js');
  const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const fresh = DB === 'pg' && pgBase ? await freshDatabase(pgBase, 'bench_hall') : null;
  if (DB === 'pg' && !fresh) throw new Error('db=pg needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir: 'memory://', testClock: true, demo: true, demoCases: false, databaseUrl: fresh?.url };
  const server = await startServer(config);
  const base = server.address.replace('0.0.0.0', '127.0.0.1');
  const { ctx } = server;
  const { eq } = await import('drizzle-orm');
  const { hallCategories } = await import('../src/hall/schema.js');
  const { issueTicket, saveCategory, setWindowCategories } = await import('../src/hall/service.js');
  const { users } = await import('../src/core/auth/schema.js');
  const { windows } = await import('../src/core/org/schema.js');

  // Setup: category Z served by 10 windows of the county hall, enough tickets for the run.
  const [adminRow] = await ctx.db.select().from(users).where(eq(users.username, 'admin'));
  const admin = { id: adminRow.id, username: 'admin', displayName: '', role: 'centerAdmin' as const, centerId: adminRow.centerId, centerScope: [adminRow.centerId!], departmentId: null, windowId: null, applicantKind: null, sessionId: '', csrfToken: '' };
  const cat = await saveCategory(ctx, admin, null, { prefix: 'Z', name: '压测类别' });
  const wins = (await ctx.db.select().from(windows).where(eq(windows.centerId, adminRow.centerId!))).slice(0, 10);
  for (const w of wins) await setWindowCategories(ctx, admin, w.id, [cat.id]);
  const [catRow] = await ctx.db.select().from(hallCategories).where(eq(hallCategories.id, cat.id));
  await ctx.db.transaction(async (tx) => { for (let i = 0; i < RATE * SECONDS + 50; i++) await issueTicket(ctx, tx, catRow, { priority: 0, priorityGroup: null, channel: 'kiosk', idNumber: null, bookingId: null, actor: { id: null, role: 'bench' } }); });
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'banshi123' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const act = (w: string, a: string) => fetch(`${base}/api/hall/windows/${w}/actions/${a}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{}' });

  console.log(`hall bench: ${CLIENTS} board clients, ${RATE} calls/s for ${SECONDS} s, ${ctx.database.kind}`);
  const baseline = await echoBaseline();

  // The hall: each call's send time per window (a window has one call outstanding), latency when a board gets its event.
  const t0ByWindow = new Map<string, number>();
  const lat: number[] = [];
  let delivered = 0;
  const close = await connectClients(`${base}/api/hall/stream?centerId=${adminRow.centerId}`, CLIENTS, (d, at) => {
    if (d.kind !== 'call') return;
    const t0 = t0ByWindow.get(d.windowId);
    if (t0 !== undefined) { lat.push(at - t0); delivered++; }
  });
  const busy = new Set<string>();
  const total = RATE * SECONDS;
  const start = performance.now();
  let issued = 0;
  let skippedBusy = 0;
  for (let i = 0; i < total; i++) {
    const w = wins[i % wins.length].id;
    if (busy.has(w)) skippedBusy++;
    else {
      busy.add(w);
      issued++;
      t0ByWindow.set(w, performance.now());
      void act(w, 'callNext').then(() => act(w, 'finish')).finally(() => busy.delete(w));
    }
    await sleep(Math.max(0, (i + 1) * (1000 / RATE) - (performance.now() - start)));
  }
  await sleep(2000);
  close();
  const expected = issued * CLIENTS;

  // Ticket issuance req/s, against GET /api/health (one trivial query) in the same run.
  const run = (opts: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, r) => (err ? reject(err) : resolve(r))));
  // Tickets are taken only while the hall is open: a Thursday 09:00 in the center (test clock).
  await fetch(`${base}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2026-12-03T01:00:00Z' }) });
  const health = await run({ url: `${base}/api/health`, connections: 10, duration: 5 });
  const take = await run({ url: `${base}/api/hall/tickets`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: cat.id }), connections: 10, duration: 5 });

  console.log(`plain SSE echo:  p50 ${ms(pct(baseline, 50))}  p99 ${ms(pct(baseline, 99))}  (${baseline.length} deliveries)`);
  console.log(`hall call→board: p50 ${ms(pct(lat, 50))}  p99 ${ms(pct(lat, 99))}  (${delivered}/${expected} deliveries, ${issued} calls, ${skippedBusy} ticks skipped: window still busy)`);
  console.log(`ratio hall/echo: p50 ${(pct(lat, 50) / pct(baseline, 50)).toFixed(2)}×  p99 ${(pct(lat, 99) / pct(baseline, 99)).toFixed(2)}×  (goal p99 ≤ 100 ms)`);
  console.log(`ticket issuance: ${take.requests.average.toFixed(0)} req/s (p99 ${take.latency.p99} ms, ${take.non2xx} non-2xx)  vs GET /api/health ${health.requests.average.toFixed(0)} req/s  → ${(take.requests.average / health.requests.average).toFixed(2)}×`);
  await server.app.close();
  await ctx.database.close();
  await fresh?.drop();
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
