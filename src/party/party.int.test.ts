import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { outbox } from '../core/outbox/schema.js';
import { users } from '../core/auth/schema.js';
import { sendPartyReminders } from './sweep.js';

let t: TestApp;
let sec: Client;
let w1: Client;
const NOW = '2026-12-03T02:00:00Z';

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  sec = await t.login('party1');
  w1 = await t.login('window1');
}, 60_000);
afterAll(async () => { await t?.close(); });

const setDay = (d: string) => t.ctx.clock.set(new Date(`${d}T02:00:00Z`));
async function orgs(c: Client) {
  const r = await c.get('/api/party/orgs');
  expect(r.status).toBe(200);
  return r.body.items as { id: string; kind: string; name: string; term: { state: string; daysLeft: number; endOn: string } | null; members: number; manage: boolean }[];
}
const branch1 = async () => (await orgs(sec)).find((o) => o.name.startsWith('第一党支部'))!;
async function roster(orgId: string, kind: string) {
  const r = await sec.get(`/api/party/meetings/roster?orgId=${orgId}&kind=${kind}`);
  expect(r.status).toBe(200);
  return r.body.items as { memberId: string; name: string; status: string; voting: boolean }[];
}

describe('party organizations and access', () => {
  it('the party secretary sees the committee, branches and groups with the term alert; a branch secretary only her branch', async () => {
    const all = await orgs(sec);
    expect(all.map((o) => o.kind)).toEqual(['committee', 'branch', 'branch', 'group', 'group']);
    const committee = all[0]!;
    expect(committee.term!.state).toBe('dueSoon');
    expect(committee.term!.daysLeft).toBeLessThanOrEqual(90);
    const mine = await orgs(w1);
    expect(mine.map((o) => o.name)).toEqual(['第一党支部（综合受理窗口）', '第一党小组', '第二党小组']);
    expect(mine.every((o) => o.manage)).toBe(true);
    // A citizen has no party pages at all; a window clerk who holds no post reads only her own record.
    const citizen = await t.login('citizen1');
    expect((await citizen.get('/api/party/orgs')).status).toBe(403);
    const w4 = await t.login('window4');
    expect(await orgs(w4)).toEqual([]);
    const me = await w4.get('/api/party/me');
    expect(me.body.member.name).toBe('赵明');
    expect(me.body.member.phone ?? '').not.toMatch(/\d{11}/);
  });

  it('refuses an election without 20 % more candidates; a valid one opens a new term', async () => {
    const b2 = (await orgs(sec)).find((o) => o.name.startsWith('第二党支部'))!;
    const cands = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `候选人${i + 1}`, votes: 20 - i }));
    const bad = await sec.post(`/api/party/orgs/${b2.id}/elections`, { kind: 'general', heldOn: '2026-11-20', seats: 5, voters: 22, ballots: 22, candidates: cands(5) });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('candidate_surplus');
    expect(bad.body.error.messageZh).toContain('不少于6名');
    const ok = await sec.post(`/api/party/orgs/${b2.id}/elections`, { kind: 'general', heldOn: '2026-11-20', seats: 5, voters: 22, ballots: 22, candidates: cands(6) });
    expect(ok.status).toBe(201);
    expect(ok.body.elected).toEqual(['候选人1', '候选人2', '候选人3', '候选人4', '候选人5']);
    expect(ok.body.term).toEqual({ startOn: '2026-11-20', endOn: '2028-11-19' });
    // Only the party office records elections.
    expect((await w1.post(`/api/party/orgs/${b2.id}/elections`, { kind: 'general', heldOn: '2026-11-20', seats: 5, voters: 22, ballots: 22, candidates: cands(6) })).status).toBe(403);
  });
});

describe('the reminder job', () => {
  it('sends each term alert and birthday talk once, to the branch officers and the party office', async () => {
    const run = () => t.ctx.db.transaction((tx) => sendPartyReminders(t.ctx, tx));
    expect(await run()).toBeGreaterThanOrEqual(2);
    const notices = async (username: string) => {
      const [u] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return t.ctx.db.select({ template: outbox.template, payload: outbox.payload }).from(outbox).where(and(eq(outbox.recipientUserId, u!.id), like(outbox.template, 'party.%')));
    };
    const office = await notices('party1');
    expect(office.map((n) => n.template).sort()).toEqual(['party.birthdayTalk', 'party.termAlert']);
    expect(office.find((n) => n.template === 'party.termAlert')!.payload).toMatchObject({ orgName: '县政务服务中心机关党委', expired: false });
    // The branch secretary hears of her member's birthday, not of the committee's term.
    expect((await notices('window1')).map((n) => n.template)).toEqual(['party.birthdayTalk']);
    expect((await notices('window4'))).toEqual([]);
    expect(await run()).toBe(0);
  });
});

describe('the member pipeline with its time rules', () => {
  let id = '';
  let b1 = '';
  it('walks an applicant to development target; a step before its minimum time is refused with the rule named', async () => {
    b1 = (await branch1()).id;
    const r = await w1.post('/api/party/members', { branchId: b1, name: '宋雨桐', gender: '女', appliedOn: '2025-01-10', post: '综合受理窗口' });
    expect(r.status).toBe(201);
    id = r.body.id;
    const step = (body: object) => w1.post(`/api/party/members/${id}/steps`, body);
    expect((await step({ action: 'becomeActivist', on: '2025-03-01', contacts: ['李雪梅'] })).body.error.code).toBe('two_contacts');
    expect((await step({ action: 'becomeActivist', on: '2025-03-01', contacts: ['李雪梅', '孙丽娟'] })).status).toBe(200);
    expect((await step({ action: 'examine', on: '2025-08-01' })).status).toBe(200);
    expect((await step({ action: 'train', on: '2025-10-10' })).status).toBe(200);
    // One half-year without an examination.
    const gap = await step({ action: 'becomeTarget', on: '2026-03-01' });
    expect(gap.status).toBe(409);
    expect(gap.body.error.code).toBe('half_yearly_exam');
    expect((await step({ action: 'examine', on: '2026-02-01' })).status).toBe(200);
    const early = await step({ action: 'becomeTarget', on: '2026-02-28' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('cultivation_one_year');
    expect(early.body.error.messageZh).toContain('一年以上');
    const target = await step({ action: 'becomeTarget', on: '2026-03-01' });
    expect(target.status).toBe(200);
    expect(target.body.status).toBe('developmentTarget');
    // Future dates are refused too.
    expect((await step({ action: 'train', on: '2026-12-04' })).body.error.code).toBe('date_in_future');
  });

  it('admits only through a branch assembly with > ⅘ attending and > ½ of voting members in favour', async () => {
    const people = await roster(b1, 'branchAssembly');
    const voting = people.filter((p) => p.voting).length;
    const assembly = (present: number, inFavour: number) => w1.post('/api/party/meetings', {
      orgId: b1, kind: 'branchAssembly', title: '接收预备党员支部党员大会', scheduledOn: '2026-06-20',
      hold: {
        heldOn: '2026-06-20', minutes: '讨论接收宋雨桐同志为预备党员', attendance: people.map((p, i) => ({ memberId: p.memberId, present: i < present })),
        resolutions: [{ kind: 'admission', subject: '接收宋雨桐同志为预备党员', memberId: id, inFavour, against: 0, abstain: 0, applicantAndIntroducersPresent: true }],
      },
    });
    // Exactly four fifths present is not more than four fifths.
    const thin = await assembly(Math.ceil((people.length * 4) / 5) - 1, voting - 3);
    expect(thin.status).toBe(201);
    expect(thin.body.resolutions[0].passed).toBe(false);
    expect(thin.body.resolutions[0].checks.find((c: { ok: boolean }) => !c.ok).rule).toBe('admission_attendance');
    const refused = await w1.post(`/api/party/members/${id}/steps`, { action: 'admit', on: '2026-06-20', introducers: ['李雪梅', '孙丽娟'], meetingId: thin.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('admission_vote');
    const full = await assembly(people.length, Math.floor(voting / 2) + 1);
    expect(full.body.quorumOk).toBe(true);
    expect(full.body.resolutions[0].passed).toBe(true);
    const admitted = await w1.post(`/api/party/members/${id}/steps`, { action: 'admit', on: '2026-06-20', introducers: ['李雪梅', '孙丽娟'], meetingId: full.body.id });
    expect(admitted.status).toBe(200);
    expect(admitted.body.status).toBe('probationary');
    expect(admitted.body.probationEndsOn).toBe('2027-06-20');
  });

  it('refuses confirmation before the year of probation; confirms after it with the assembly\'s vote', async () => {
    const early = await w1.post(`/api/party/members/${id}/steps`, { action: 'confirm', on: '2026-12-03' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('probation_one_year');
    setDay('2027-06-25');
    try {
      const people = await roster(b1, 'branchAssembly');
      const m = await w1.post('/api/party/meetings', {
        orgId: b1, kind: 'branchAssembly', title: '预备党员转正', scheduledOn: '2027-06-21',
        hold: { heldOn: '2027-06-21', minutes: '讨论宋雨桐同志转正', attendance: people.map((p) => ({ memberId: p.memberId, present: true })), resolutions: [{ kind: 'confirmation', subject: '宋雨桐同志按期转正', memberId: id, inFavour: people.filter((p) => p.voting).length, against: 0, abstain: 0 }] },
      });
      expect(m.body.resolutions[0].passed).toBe(true);
      const ok = await w1.post(`/api/party/members/${id}/steps`, { action: 'confirm', on: '2027-06-21', meetingId: m.body.id });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('full');
      const rec = await w1.get(`/api/party/members/${id}`);
      expect(rec.body.events.map((e: { action: string }) => e.action)).toEqual(['register', 'becomeActivist', 'examine', 'train', 'examine', 'becomeTarget', 'admit', 'confirm']);
    } finally {
      setDay('2026-12-03');
    }
  });

  it('lists the political-birthday talks due this week and drops one once held', async () => {
    const r = await sec.get('/api/party/reminders');
    const due = r.body.birthdayTalks.find((b: { name: string }) => b.name === '刘志强');
    expect(due).toMatchObject({ years: 15, overdue: false });
    expect((await w1.post(`/api/party/members/${due.memberId}/birthday-talks`, { on: '2026-12-03', note: '肯定成绩，提出努力方向' })).status).toBe(201);
    const after = await sec.get('/api/party/reminders');
    expect(after.body.birthdayTalks.some((b: { name: string }) => b.name === '刘志强')).toBe(false);
  });
});

describe('meetings, quorum and frequencies', () => {
  it('records a branch meeting with attendance and judges the quorum; ⅔ for personnel matters', async () => {
    const b1 = (await branch1()).id;
    const people = await roster(b1, 'branchAssembly');
    const n = people.length;
    const hold = (present: number, personnel: boolean) => w1.post('/api/party/meetings', {
      orgId: b1, kind: 'branchAssembly', title: '12月支部党员大会', scheduledOn: '2026-12-02', topic: '学习', personnel,
      hold: { heldOn: '2026-12-02', chair: '李雪梅', recorder: '张婷', minutes: '会议记录', attendance: people.map((p, i) => ({ memberId: p.memberId, present: i < present, absenceReason: i < present ? '' : '出差' })) },
    });
    const half = await hold(Math.ceil(n / 2), false);
    expect(half.status).toBe(201);
    expect(half.body).toMatchObject({ status: 'held', expected: n, present: Math.ceil(n / 2), quorumOk: true });
    const personnel = await hold(Math.ceil(n / 2), true);
    expect(personnel.body.quorumOk).toBe(Math.ceil(n / 2) * 3 >= n * 2);
    expect(personnel.body.quorumChecks.map((c: { rule: string }) => c.rule)).toEqual(['quorum_half', 'quorum_two_thirds']);
    const thin = await hold(Math.ceil(n / 2) - 1, false);
    expect(thin.body.quorumOk).toBe(false);
    // The printable record names the result and the absentees.
    const rec = await w1.get(`/api/party/meetings/${thin.body.id}/record`);
    expect(rec.status).toBe(200);
    expect(String(rec.headers['content-type'])).toContain('text/html');
    expect(rec.body).toContain('支部党员大会记录');
    expect(rec.body).toContain('不符合');
    expect(rec.body).toContain('出差');
    // Strangers cannot be ticked present; a group leader does not manage the branch.
    const stray = await w1.post('/api/party/meetings', { orgId: b1, kind: 'branchAssembly', title: 'x', scheduledOn: '2026-12-02', hold: { heldOn: '2026-12-02', minutes: 'x', attendance: [{ memberId: '00000000-0000-4000-8000-000000000000', present: true }] } });
    expect(stray.body.error.code).toBe('not_on_roster');
    const w3 = await t.login('window3');
    expect((await w3.post('/api/party/meetings', { orgId: b1, kind: 'branchAssembly', title: 'x', scheduledOn: '2026-12-02' })).status).toBe(404);
    const g2 = (await orgs(w3)).find((o) => o.name === '第二党小组')!;
    expect(g2.manage).toBe(true);
    expect((await w1.post('/api/party/meetings', { orgId: b1, kind: 'group', title: 'x', scheduledOn: '2026-12-02' })).body.error.code).toBe('wrong_meeting_kind');
  });

  it('flags the missed frequencies of the year per organization', async () => {
    const r = await sec.get('/api/party/meetings/compliance?year=2026');
    expect(r.status).toBe(200);
    const b1 = r.body.items.find((o: { orgName: string }) => o.orgName.startsWith('第一党支部'));
    // The demo skips branch 1's assembly three months back (September) and its Q3 party class.
    expect(b1.missed.map((m: { kind: string; period: string }) => `${m.kind}:${m.period}`)).toEqual(['branchAssembly:2026-09', 'partyClass:2026Q3']);
    const b2 = r.body.items.find((o: { orgName: string }) => o.orgName.startsWith('第二党支部'));
    expect(b2.missed).toEqual([]);
  });
});

describe('democratic evaluation', () => {
  it('enforces the caps and the not-graded rules, then submits once', async () => {
    const b1 = (await branch1()).id;
    const v = await w1.get(`/api/party/evaluations/${b1}/2026`);
    expect(v.status).toBe(200);
    expect(v.body.dueOn).toBe('2027-02-05');
    const members = v.body.members as { memberId: string; name: string; status: string; deputyDivision: boolean }[];
    const base = members.map((m) => ({ memberId: m.memberId, grade: m.status === 'probationary' ? 'notGraded' : 'qualified' }));
    const full = members.filter((m) => m.status === 'full');
    const tooMany = base.map((g) => (full.slice(0, v.body.maxExcellent + 1).some((m) => m.memberId === g.memberId) ? { ...g, grade: 'excellent' } : g));
    const capped = await w1.put(`/api/party/evaluations/${b1}/2026`, { grades: tooMany, submit: true });
    expect(capped.status).toBe(422);
    expect(capped.body.error.code).toBe('excellent_cap');
    expect(capped.body.error.messageZh).toContain('不得超过15%');
    const prob = members.find((m) => m.status === 'probationary')!;
    const graded = await w1.put(`/api/party/evaluations/${b1}/2026`, { grades: base.map((g) => (g.memberId === prob.memberId ? { ...g, grade: 'qualified' } : g)) });
    expect(graded.body.error.code).toBe('probationary_not_graded');
    const ok = await w1.put(`/api/party/evaluations/${b1}/2026`, { grades: base.map((g) => (g.memberId === full[0]!.memberId ? { ...g, grade: 'excellent' } : g)), submit: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'submitted', submittedOn: '2026-12-03', late: false });
    expect(ok.body.counts.excellent).toBe(1);
    expect((await w1.put(`/api/party/evaluations/${b1}/2026`, { grades: base })).body.error.code).toBe('evaluation_submitted');
    const summary = await w1.get(`/api/party/evaluations/${b1}/2026/summary`);
    expect(summary.body).toContain('民主评议党员结果汇总表');
    expect(summary.body).toContain(full[0]!.name);
  });

  it('refuses a deputy-division member as excellent (branch 2)', async () => {
    const b2 = (await orgs(sec)).find((o) => o.name.startsWith('第二党支部'))!;
    const v = await sec.get(`/api/party/evaluations/${b2.id}/2026`);
    const lead = v.body.members.find((m: { deputyDivision: boolean }) => m.deputyDivision);
    expect(lead.allowed).not.toContain('excellent');
    const r = await sec.put(`/api/party/evaluations/${b2.id}/2026`, { grades: [{ memberId: lead.memberId, grade: 'excellent' }] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('deputy_division_not_excellent');
  });
});

describe('dues, disclosure, exports', () => {
  it('lists who is behind; one payment per member and half-year', async () => {
    const behind = await sec.get('/api/party/dues/behind');
    const names = behind.body.items.map((b: { name: string }) => b.name);
    expect(names).toContain('曹亮');
    expect(names).toContain('周文斌');
    expect(names).not.toContain('李雪梅');
    const zhou = behind.body.items.find((b: { name: string }) => b.name === '周文斌');
    const pay = { memberId: zhou.memberId, period: '2026H1', amount: 45, paidOn: '2026-12-01', receiptNo: 'DF2026H1-099' };
    expect((await w1.post('/api/party/dues', pay)).status).toBe(201);
    expect((await w1.post('/api/party/dues', pay)).body.error.code).toBe('dues_recorded');
    const after = await sec.get('/api/party/dues/behind');
    expect(after.body.items.find((b: { name: string }) => b.name === '周文斌')?.periods ?? []).not.toContain('2026H1');
    expect((await w1.post('/api/party/dues', { ...pay, period: '2027H1' })).body.error.code).toBe('period_in_future');
  });

  it('discloses inside the Party first; the public list shows only public items', async () => {
    const c = (await orgs(sec))[0]!;
    const bad = await sec.post('/api/party/disclosures', { orgId: c.id, title: '重要干部任免', category: 'appointment', content: '…', internalOn: '2026-12-02', publicOn: '2026-12-01' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('internal_first');
    const ok = await sec.post('/api/party/disclosures', { orgId: c.id, title: '重要干部任免', category: 'appointment', content: '…', internalOn: '2026-12-01', publicOn: '2026-12-02' });
    expect(ok.status).toBe(201);
    expect(ok.body.stage).toBe('public');
    const pub = await t.anon.get('/api/public/party/disclosures');
    const titles = pub.body.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('重要干部任免');
    expect(titles).not.toContain('发展对象冯晓东同志公示');
  });

  it('exports members, meetings and dues as Excel', async () => {
    for (const [url, sheet, min] of [['/api/party/export/members.xlsx', '党员名册', 15], ['/api/party/export/meetings.xlsx?year=2026', '2026年会议', 50], ['/api/party/export/dues.xlsx?year=2026', '2026年党费', 10]] as const) {
      const r = await sec.get(url);
      expect(r.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(sheet)!;
      expect(ws.rowCount).toBeGreaterThan(min);
    }
  });
});
