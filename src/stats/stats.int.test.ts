/**
 * The rollups must agree exactly with a raw recount over cases, case_events and
 * case_pauses. A varied set of cases goes through the API over several days (window and
 * online, 即办 and 承诺, supplement, refusal, an overturned refusal and denial, a timeout
 * withdrawal, a pause, completion on time and late); then every measure of the report, for
 * several periods and every grouping, is compared with the recount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, MARRIAGE, TEMP_RELIEF, applyOnline, must, upload, walkIn } from '../../test/cases.js';
import { rows } from '../core/db/index.js';
import { calendarFor } from '../core/calendar/service.js';
import { measuresOf, zeroCounts, type RowCounts } from './measures.js';
import { GROUP_BYS, type GroupBy } from './service.js';

let t: TestApp;
let admin: Client, superv: Client, window1: Client, window2: Client, citizen: Client, coord: Client, handler: Client, chief: Client, townAdmin: Client;
let handlerId: string;
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const ALL = { provided: ['application', 'id-card', 'economic-statement', 'verification-consent'] };

async function handleLowIncome(id: string) {
  await must(coord, id, 'assign', { userId: handlerId });
  for (let i = 0; i < 3; i++) await must(handler, id, 'completeStep', { opinion: '核查' });
  await must(coord, id, 'completeStep', { opinion: '复核' });
}
async function overturn(caseId: string) {
  const f = (await admin.get('/api/filings?status=pending')).body.items.find((x: { caseId: string }) => x.caseId === caseId);
  const res = await admin.post(`/api/filings/${f.id}/overturn`, { note: '理由不成立，重办', redoWorkingDays: 5 });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' });
  [admin, superv, window1, window2, citizen, coord, handler, chief, townAdmin] = await Promise.all(
    ['admin', 'super1', 'window1', 'window2', 'citizen1', 'coord1', 'handler1', 'chief1', 'town_admin'].map((u) => t.login(u)));
  handlerId = (await handler.get('/api/auth/me')).body.user.id;

  // Mon 2026-03-02
  const marriage = (await window1.post('/api/cases', walkIn(MARRIAGE, '李小红'))).body.id;
  await must(window1, marriage, 'accept', { provided: ['id-card', 'photo', 'declaration'] });
  await must(window1, marriage, 'decide', { outcome: 'approved' });
  const online = (await applyOnline(citizen, LOW_INCOME)).body.id;
  await must(window2, online, 'notifySupplement', { missing: ['economic-statement', 'verification-consent'], note: '请一次性补齐' });
  const refused = (await window1.post('/api/cases', walkIn(LOW_INCOME, '钱多多'))).body.id;
  await must(window1, refused, 'refuse', { reasons: '不属于本县户籍' });
  const overturned = (await window1.post('/api/cases', walkIn(LOW_INCOME, '孙立'))).body.id;
  await must(window1, overturned, 'refuse', { reasons: '材料不符' });
  const denied = (await window2.post('/api/cases', walkIn(LOW_INCOME, '周敏'))).body.id;
  await must(window2, denied, 'accept', ALL);
  const timeout = (await applyOnline(citizen, LOW_INCOME)).body.id;
  await must(window1, timeout, 'notifySupplement', { missing: ['economic-statement'], note: '' });
  const withdrawn = (await window1.post('/api/cases', walkIn(LOW_INCOME, '吴起'))).body.id;
  await must(window1, withdrawn, 'accept', ALL);

  // Thu 2026-03-05: the online case is supplied and accepted; the refusal is overturned.
  await setNow('2026-03-05T02:00:00Z');
  const more = await Promise.all([upload(citizen), upload(citizen)]);
  await must(citizen, online, 'supply', { materials: [{ materialId: 'economic-statement', fileId: more[0].body.id }, { materialId: 'verification-consent', fileId: more[1].body.id }] });
  await must(window2, online, 'accept');
  await overturn(overturned);
  await must(window1, overturned, 'accept', ALL);
  await handleLowIncome(denied);
  await must(chief, denied, 'decide', { outcome: 'denied', reasons: '收入超标' });
  await must(window1, withdrawn, 'withdraw', { reason: '申请人撤回' });
  const relief = (await window1.post('/api/cases', walkIn(TEMP_RELIEF, '郑和'))).body.id;
  await must(window1, relief, 'acceptConditional', { owed: ['hardship-proof'], provided: ['application', 'id-card', 'verification-consent'] });
  await must(coord, relief, 'assign', { userId: handlerId });
  await setNow('2026-03-09T02:00:00Z');
  await must(handler, relief, 'suspend', { reason: '需专家评审', procedure: 'expertReview', plannedWorkingDays: 3 });
  await setNow('2026-03-12T02:00:00Z');
  await must(handler, relief, 'resume');
  await must(handler, relief, 'completeStep', { opinion: '属实' });
  await must(handler, relief, 'completeStep', { opinion: '按标准救助' });
  await must(coord, relief, 'completeStep', { opinion: '同意' });
  await must(chief, relief, 'decide', { outcome: 'approved' });
  await overturn(denied); // back to handling on 03-12: the denial of 03-05 is taken back

  // Fri 2026-04-10: the online case is decided late (promised due 2026-03-26); the supplement timeout withdraws the other.
  await setNow('2026-04-10T02:00:00Z');
  await handleLowIncome(online);
  await must(chief, online, 'decide', { outcome: 'approved' });
  await must(window1, online, 'markResultReady');
  await t.anon.post('/api/test/sweep');
  const pending = (await window2.post('/api/cases', walkIn(MARRIAGE, '新来的'))).body.id;
  expect(pending).toBeTruthy();
  await applyOnline(citizen, LOW_INCOME);
});
afterAll(async () => { await t?.close(); });

interface RawCase {
  id: string; center_id: string; department_id: string; window_id: string | null; item_id: string; kind: string; channel: string; state: string;
  accepted_on: string | null; closed_on: string | null; outcome: string | null; promised_due: string | null; received_on: string;
  supplement_on: string | null; notices: number; first_window: string | null;
}

/** The raw recount: straight from cases, case_events and case_pauses, no rollup involved. */
async function rawCases(): Promise<(RawCase & { daysUsed: number })[]> {
  const list = await rows<RawCase>(t.ctx.db, sql`
    select c.id, c.center_id, c.department_id, c.window_id, c.item_id, c.kind, c.channel, c.state, c.accepted_on::text, c.closed_on::text, c.outcome,
      c.promised_due::text,
      (select (e.at at time zone 'Asia/Shanghai')::date::text from case_events e where e.case_id = c.id and e.action = 'submit') as received_on,
      (select min((e.at at time zone 'Asia/Shanghai')::date)::text from case_events e where e.case_id = c.id and e.action = 'notifySupplement') as supplement_on,
      (select count(*)::int from case_events e where e.case_id = c.id and e.action = 'notifySupplement') as notices,
      (select u.window_id from case_events e join users u on u.id = e.actor_id where e.case_id = c.id and e.actor_role = 'receiver' and u.window_id is not null order by e.seq limit 1) as first_window
    from cases c`);
  const pauses = await rows<{ case_id: string; start_on: string; end_on: string | null }>(t.ctx.db, sql`select case_id, start_on::text, end_on::text from case_pauses`);
  const out = [];
  for (const c of list) {
    const cal = await calendarFor(t.ctx.db, c.center_id);
    let days = 0;
    if (c.outcome && c.accepted_on && c.closed_on) {
      days = cal.workingDaysBetween(c.accepted_on, c.closed_on).days;
      for (const p of pauses.filter((x) => x.case_id === c.id)) {
        const end = p.end_on && p.end_on < c.closed_on ? p.end_on : c.closed_on;
        if (end > p.start_on) days -= cal.workingDaysBetween(p.start_on, end).days;
      }
    }
    out.push({ ...c, daysUsed: days });
  }
  return out;
}

function keyOf(c: RawCase, g: GroupBy, day: string): string | null {
  switch (g) {
    case 'none': return 'all';
    case 'day': return day;
    case 'month': return day.slice(0, 7);
    case 'center': return c.center_id;
    case 'department': return c.department_id;
    case 'window': return c.window_id;
    case 'item': return c.item_id;
    case 'kind': return c.kind;
    case 'channel': return c.channel;
  }
}

function recount(list: (RawCase & { daysUsed: number })[], g: GroupBy, from: string, to: string) {
  const groups = new Map<string | null, RowCounts>();
  const bump = (c: RawCase, day: string | null, f: (r: RowCounts) => void) => {
    if (!day || day < from || day > to) return;
    const k = keyOf(c, g, day);
    if (!groups.has(k)) groups.set(k, { ...zeroCounts(), immediateCompleted: 0, onlineReceived: 0, inProgress: 0 });
    f(groups.get(k)!);
  };
  for (const c of list) {
    bump(c, c.received_on, (r) => { r.received++; if (c.channel === 'online') r.onlineReceived++; });
    bump(c, c.supplement_on, (r) => r.supplementNotified++);
    bump(c, c.accepted_on, (r) => r.accepted++);
    if (c.state === 'refused') bump(c, c.closed_on, (r) => r.refused++);
    if (c.outcome) {
      bump(c, c.closed_on, (r) => {
        r.completed++; r.workingDaysUsed += c.daysUsed;
        if (c.promised_due && c.closed_on! <= c.promised_due) r.onTime++;
        if (c.notices === 0) r.firstTime++;
        if (c.kind === 'immediate') r.immediateCompleted++;
      });
    }
  }
  const open = list.filter((c) => c.accepted_on && c.accepted_on <= to && (!c.closed_on || c.closed_on > to));
  if (g === 'day' || g === 'month') return { groups, stock: open.length };
  for (const c of open) {
    const k = keyOf(c, g, to);
    if (!groups.has(k)) groups.set(k, { ...zeroCounts(), immediateCompleted: 0, onlineReceived: 0, inProgress: 0 });
    groups.get(k)!.inProgress++;
  }
  return { groups, stock: open.length };
}

describe('statistics rollups', () => {
  it('stores the window of the first receiver who handled the case', async () => {
    const list = await rawCases();
    expect(list.length).toBe(10);
    for (const c of list) expect(c.window_id).toBe(c.first_window);
    expect(list.some((c) => c.channel === 'online' && c.window_id)).toBe(true);
    expect(list.some((c) => c.window_id === null)).toBe(true); // the untouched online case
  });

  const periods: [string, string][] = [['2026-03-01', '2026-04-30'], ['2026-03-01', '2026-03-05'], ['2026-03-02', '2026-03-02'], ['2026-03-03', '2026-03-11'], ['2026-03-01', '2026-03-31'], ['2026-04-01', '2026-04-30']];
  for (const [from, to] of periods) {
    it(`agrees exactly with a raw recount for ${from}…${to}, every grouping`, async () => {
      const list = await rawCases();
      for (const g of GROUP_BYS) {
        const res = await admin.get(`/api/stats/report?from=${from}&to=${to}&groupBy=${g}`);
        expect(res.status).toBe(200);
        const { groups, stock } = recount(list, g, from, to);
        const got = new Map(res.body.rows.map((r: { key: string | null }) => [r.key, r]));
        const expected = [...groups.entries()].filter(([, c]) => Object.values(c).some((v) => v !== 0));
        if (g === 'day' || g === 'month') {
          // Stock per bucket: accepted ≤ bucket end and not closed by it.
          for (const [k, c] of expected) {
            const monthEnd = () => new Date(Date.UTC(Number(k!.slice(0, 4)), Number(k!.slice(5, 7)), 0)).toISOString().slice(0, 10);
            const end = g === 'day' ? k! : monthEnd() < to ? monthEnd() : to;
            c.inProgress = list.filter((x) => x.accepted_on && x.accepted_on <= end && (!x.closed_on || x.closed_on > end)).length;
          }
        }
        for (const [k, c] of expected) expect({ g, k, ...(got.get(k) as object), key: undefined }).toEqual({ g, k, key: undefined, label: expect.any(String), ...measuresOf(c) });
        expect(res.body.rows.filter((r: { key: string | null }) => !groups.has(r.key) && r.key !== 'all')).toEqual([]);
        expect(res.body.total.inProgress).toBe(stock);
      }
    });
  }

  it('counts what the scenario says (a readable spot check of the recount)', async () => {
    const r = (await admin.get('/api/stats/report?from=2026-03-01&to=2026-04-30')).body.total;
    expect(r).toMatchObject({
      received: 10, accepted: 6, refused: 1, supplementNotified: 2, completed: 3, onTime: 2, overdue: 1, firstTime: 2, inProgress: 2,
      immediateRate: 33.33, firstTimeRate: 66.67, onTimeRate: 66.67, onlineRate: 30,
    });
    const early = (await admin.get('/api/stats/report?from=2026-03-01&to=2026-03-05')).body.total;
    // On 03-05 the denial stood, but it was overturned on 03-12: it is no longer counted as
    // completed, and the case counts as in progress on 03-05 (with the online, overturned-refusal and 容缺 cases).
    expect(early).toMatchObject({ completed: 1, inProgress: 4 });
  });
});

describe('statistics API', () => {
  it('filters by dimension and keeps staff inside their center subtree', async () => {
    const all = (await superv.get('/api/stats/report?from=2026-03-01&to=2026-04-30&groupBy=kind')).body;
    const immediate = all.rows.find((r: { key: string }) => r.key === 'immediate');
    expect(immediate).toMatchObject({ label: '即办件', received: 2, completed: 1, immediateRate: 100 });
    const filtered = (await superv.get('/api/stats/report?from=2026-03-01&to=2026-04-30&kind=immediate')).body.total;
    expect(filtered).toMatchObject({ received: 2, completed: 1 });
    const online = (await superv.get('/api/stats/report?from=2026-03-01&to=2026-04-30&channel=online&groupBy=channel')).body;
    expect(online.rows.map((r: { key: string }) => r.key)).toEqual(['online']);
    expect(online.total.onlineRate).toBe(100);
    // By window: the label in Chinese (Excel), and number and bare name so the web app words it in English.
    const byWindow = (await superv.get('/api/stats/report?from=2026-03-01&to=2026-04-30&groupBy=window')).body;
    const windowed = byWindow.rows.filter((r: { key: string | null }) => r.key !== null);
    expect(windowed.length).toBeGreaterThan(0);
    for (const r of windowed) expect(r.label).toBe(`${byWindow.windows[r.key].number}号窗口 ${byWindow.windows[r.key].name}`);
    expect((await superv.get('/api/stats/report?from=2026-03-01&to=2026-04-30&groupBy=kind')).body.windows).toBeUndefined();
    // The town center sees nothing of the county's cases; asking for the county is refused.
    expect((await townAdmin.get('/api/stats/report?from=2026-03-01&to=2026-04-30')).body.total.received).toBe(0);
    const countyId = (await rows<{ center_id: string }>(t.ctx.db, sql`select center_id from cases limit 1`))[0].center_id;
    expect((await townAdmin.get(`/api/stats/report?from=2026-03-01&to=2026-04-30&centerId=${countyId}`)).status).toBe(403);
    expect((await window1.get('/api/stats/report?from=2026-03-01&to=2026-04-30')).status).toBe(403);
    expect((await t.anon.get('/api/stats/report?from=2026-03-01&to=2026-04-30')).status).toBe(401);
    expect((await admin.get('/api/stats/report?from=2026-04-01&to=2026-03-01')).body.error.code).toBe('validation_failed');
    expect((await admin.get('/api/stats/report?from=2026-02-30&to=2026-03-01')).body.error.code).toBe('validation_failed');
    expect((await admin.get('/api/stats/report?from=2020-01-01&to=2026-03-01')).body.error.code).toBe('period_too_long');
    expect((await admin.get('/api/stats/report?from=2026-03-01&to=2026-04-30&groupBy=planet')).status).toBe(400);
  });

  it('exports the report to Excel with Chinese headers and the same numbers', async () => {
    const api = (await admin.get('/api/stats/report?from=2026-03-01&to=2026-04-30&groupBy=department')).body;
    const res = await admin.get('/api/stats/report.xlsx?from=2026-03-01&to=2026-04-30&groupBy=department');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.getWorksheet('办件统计')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['部门', '收件数', '受理数', '不予受理数', '一次性告知数', '办结数']);
    expect(header).toContain('一次办结率(%)');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(api.total.received);
    expect(last.getCell(header.indexOf('网办率(%)') + 1).value).toBe(api.total.onlineRate);
    expect(ws.getRow(2).getCell(1).value).toBe(api.rows[0].label);
    expect(ws.getRow(2).getCell(6).value).toBe(api.rows[0].completed);
  });

  it('public statistics need no login and give aggregates only', async () => {
    const res = await t.anon.get('/api/public/stats?from=2026-03-01&to=2026-04-30&groupBy=month');
    expect(res.status).toBe(200);
    expect(res.body.total.received).toBe(10);
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['2026-03', '2026-04']);
    expect((await t.anon.get('/api/public/stats?from=2026-03-01&to=2026-04-30&groupBy=window')).status).toBe(400);
  });

  it('the public board lists promised cases with masked names and crosses off the done ones', async () => {
    const res = await t.anon.get('/api/public/board?pageSize=50');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const secret of ['孙立', '周敏', '王立军', '620524', '1380000']) expect(text).not.toContain(secret);
    const names = res.body.items.map((i: { applicant: string }) => i.applicant);
    expect(names).toEqual(expect.arrayContaining(['孙*', '周*']));
    // Decided 2026-04-10 (today): struck through, no light; in progress first.
    const done = res.body.items.find((i: { applicant: string }) => i.applicant === '王*军');
    expect(done).toMatchObject({ done: true, closedOn: '2026-04-10', light: null, submittedOn: '2026-03-02' });
    // Seed 000: 「群众申请日期、事项、承办人、承诺期限」 — the handler's name is public (亮牌上岗).
    expect(done.handler).toBe('陈志刚');
    expect(res.body.items.findIndex((i: { done: boolean }) => i.done)).toBeGreaterThan(res.body.items.findIndex((i: { applicant: string }) => i.applicant === '孙*'));
    const open = res.body.items.find((i: { applicant: string }) => i.applicant === '孙*');
    expect(open).toMatchObject({ done: false, acceptedOn: '2026-03-05', light: expect.stringMatching(/^(green|yellow|red|black)$/) });
    // Immediate cases are not hung on the board; the 03-12 decision has dropped off after 7 days.
    expect(names).not.toContain('李*红');
    expect(names).not.toContain('郑*');
    expect(res.body.total).toBe(res.body.items.length);
    const page2 = await t.anon.get('/api/public/board?pageSize=1&page=2');
    expect(page2.body.items).toHaveLength(1);
  });
});
