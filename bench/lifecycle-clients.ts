/**
 * The lifecycle benchmark's load, run as its own process (so the server's event loop does
 * not also carry the clients): N window clients file 即办 cases and walk each to 办结.
 * Prints the number of transitions done as JSON.   tsx bench/lifecycle-clients.ts BASE SECONDS CLIENTS
 */
const [base, seconds, clients] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const ITEM = '62052400MZ-QR-0001';
const STEPS: [string, object][] = [['accept', { provided: ['id-card', 'photo', 'declaration'] }], ['decide', { outcome: 'approved' }], ['markResultReady', {}], ['deliver', { mode: 'pickup' }], ['complete', {}]];

/** A valid 18-digit ID number (GB 11643 check digit). */
function idNumber(serial: number, birth: string): string {
  const body = `620524${birth}${String(serial % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function client(deadline: number) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'window1', password: 'banshi123' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${path} → ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string; version: number }>;
  };
  let transitions = 0;
  while (performance.now() < deadline) {
    const c = await post('/api/cases', { itemCode: ITEM, channel: 'window', applicant: { kind: 'person', name: '压测', idNumber: idNumber(transitions, '19900101'), phone: '13800000000' }, coApplicants: [{ name: '压测配偶', idNumber: idNumber(transitions, '19920202') }] });
    transitions++;
    let version = 1;
    for (const [action, body] of STEPS) {
      version = (await post(`/api/cases/${c.id}/actions/${action}`, { version, ...body })).version;
      transitions++;
    }
  }
  return transitions;
}

const deadline = performance.now() + seconds * 1000;
const counts = await Promise.all(Array.from({ length: clients }, () => client(deadline)));
const cpu = process.cpuUsage();
console.log(JSON.stringify({ transitions: counts.reduce((a, b) => a + b, 0), cpuMs: (cpu.user + cpu.system) / 1000 }));
export {};
