/**
 * Demo data for 机关党建 (seed 004's structure: one 机关党委, its branches and groups, officers,
 * members at every stage of the pipeline, a year of meetings with gaps, dues, disclosure).
 * Dates are relative to the day the demo is loaded, so `npm start` always shows live alerts:
 * the committee's term ends within the alert window, a political birthday falls this week,
 * one probation ends soon, a month of branch assemblies is missing.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import { dateInZone } from '../core/now.js';
import { partyDisclosures, partyDues, partyMeetings, partyAttendance, partyMemberEvents, partyMembers, partyOfficers, partyOrgs, partyTerms } from './schema.js';
import { addDays, addMonths, addYears, isoDate } from './rules/dates.js';
import { COMMITTEE_MEETINGS, periodsOf, quorum } from './rules/meetings.js';
import { DUES_LOOKBACK_PERIODS, endedHalfYears } from './rules/dues.js';
import { termEnd } from './rules/terms.js';
import type { MeetingKind, MemberStatus, OfficerRole } from './types.js';

interface DemoMember {
  key: string; name: string; gender: '男' | '女'; org: 'b1' | 'b2'; group?: 'g1' | 'g2'; username?: string; post: string;
  status: MemberStatus; deputyDivision?: boolean;
  /** Years (fractional allowed) before today of the admission; full members were confirmed a year later. */
  joinedYearsAgo?: number; joinedOn?: (today: string) => string;
  pipeline?: (today: string) => Partial<typeof partyMembers.$inferInsert>;
}

const MEMBERS: DemoMember[] = [
  { key: 'party1', name: '陈建国', gender: '男', org: 'b2', username: 'party1', post: '机关党委专职副书记', status: 'full', deputyDivision: true, joinedYearsAgo: 22 },
  { key: 'admin', name: '杨振华', gender: '男', org: 'b2', username: 'admin', post: '管理办公室主任', status: 'full', deputyDivision: true, joinedYearsAgo: 25 },
  { key: 'w1', name: '李雪梅', gender: '女', org: 'b1', group: 'g1', username: 'window1', post: '综合受理窗口', status: 'full', joinedYearsAgo: 12 },
  { key: 'w2', name: '张婷', gender: '女', org: 'b1', group: 'g1', username: 'window2', post: '综合受理窗口', status: 'full', joinedYearsAgo: 8 },
  { key: 'w3', name: '马晓燕', gender: '女', org: 'b1', group: 'g2', username: 'window3', post: '综合受理窗口', status: 'full', joinedYearsAgo: 6 },
  { key: 'w4', name: '赵明', gender: '男', org: 'b1', group: 'g2', username: 'window4', post: '企业开办专区', status: 'full', joinedYearsAgo: 5 },
  { key: 'm1', name: '刘志强', gender: '男', org: 'b1', group: 'g1', post: '不动产登记专区', status: 'full', joinedOn: (t) => addDays(addYears(t, -15), 3) },
  { key: 'm2', name: '孙丽娟', gender: '女', org: 'b1', group: 'g1', post: '社保医保专区', status: 'full', joinedYearsAgo: 9 },
  { key: 'm3', name: '周文斌', gender: '男', org: 'b1', group: 'g2', post: '综合服务科', status: 'full', joinedYearsAgo: 11 },
  { key: 'm4', name: '吴海霞', gender: '女', org: 'b1', group: 'g2', post: '导服台', status: 'full', joinedYearsAgo: 4 },
  { key: 'm5', name: '郑国栋', gender: '男', org: 'b1', group: 'g1', post: '退休干部', status: 'retired', joinedYearsAgo: 38 },
  { key: 'p1', name: '王静', gender: '女', org: 'b1', group: 'g2', post: '公安窗口', status: 'probationary', joinedOn: (t) => addDays(addYears(t, -1), 20) },
  {
    key: 't1', name: '冯晓东', gender: '男', org: 'b1', group: 'g1', post: '税务窗口', status: 'developmentTarget',
    pipeline: (t) => ({ appliedOn: addMonths(t, -30), activistOn: addMonths(t, -26), targetOn: addMonths(t, -10), contacts: ['李雪梅', '刘志强'], exams: [addMonths(t, -21), addMonths(t, -15)], trainings: [addMonths(t, -18)], lastStepOn: addMonths(t, -10) }),
  },
  {
    key: 'a1', name: '何佳', gender: '女', org: 'b1', group: 'g2', post: '市场监管窗口', status: 'activist',
    pipeline: (t) => ({ appliedOn: addMonths(t, -13), activistOn: addMonths(t, -10), contacts: ['张婷', '周文斌'], exams: [addMonths(t, -5)], trainings: [addMonths(t, -3)], lastStepOn: addMonths(t, -3) }),
  },
  { key: 'ap1', name: '许博文', gender: '男', org: 'b1', group: 'g1', post: '交通运输窗口', status: 'applicant', pipeline: (t) => ({ appliedOn: addMonths(t, -2), lastStepOn: addMonths(t, -2) }) },
  { key: 'b21', name: '魏国强', gender: '男', org: 'b2', username: 'super1', post: '派驻监察', status: 'full', joinedYearsAgo: 16 },
  { key: 'b22', name: '韩梅', gender: '女', org: 'b2', post: '办公室', status: 'full', joinedYearsAgo: 7 },
  { key: 'b23', name: '曹亮', gender: '男', org: 'b2', post: '信息科', status: 'full', joinedYearsAgo: 3 },
];

const OFFICERS: [org: 'c' | 'b1' | 'b2' | 'g1' | 'g2', member: string, role: OfficerRole][] = [
  ['c', 'admin', 'secretary'], ['c', 'party1', 'deputySecretary'], ['c', 'm2', 'organizer'], ['c', 'b21', 'discipline'], ['c', 'b22', 'propaganda'],
  ['b1', 'w1', 'secretary'], ['b1', 'w2', 'organizer'], ['b1', 'm3', 'discipline'], ['b2', 'party1', 'secretary'], ['b2', 'b22', 'organizer'],
  ['g1', 'm1', 'groupLeader'], ['g2', 'w3', 'groupLeader'],
];

/** The county center's party organization with its people and a year of party work. */
export async function seedPartyDemo(tx: Tx, centerId: string, now: Date): Promise<void> {
  const today = dateInZone(now, 'Asia/Shanghai');
  const at = now.toISOString();
  const year = Number(today.slice(0, 4));
  const org = async (key: string, kind: 'committee' | 'branch' | 'group', name: string, parentId: string | null, establishedOn: string, termStartOn: string | null) => {
    const [o] = await tx.insert(partyOrgs).values({ centerId, parentId, kind, name, establishedOn, createdAt: at }).returning({ id: partyOrgs.id });
    if (termStartOn) await tx.insert(partyTerms).values({ orgId: o.id, startOn: termStartOn, endOn: termEnd(kind, termStartOn)! });
    return [key, o.id] as const;
  };
  const ids = new Map<string, string>();
  // The committee's term ends in 60 days (inside the 90-day alert); branch 1 was re-elected last year.
  const c = await org('c', 'committee', '县政务服务中心机关党委', null, '2012-01-01', addDays(addYears(today, -4), 61));
  ids.set(...c);
  ids.set(...(await org('b1', 'branch', '第一党支部（综合受理窗口）', c[1], '2012-01-01', addMonths(today, -13))));
  ids.set(...(await org('b2', 'branch', '第二党支部（机关科室）', c[1], '2012-01-01', addMonths(today, -8))));
  ids.set(...(await org('g1', 'group', '第一党小组', ids.get('b1')!, '2015-03-01', null)));
  ids.set(...(await org('g2', 'group', '第二党小组', ids.get('b1')!, '2015-03-01', null)));

  const usernames = MEMBERS.flatMap((m) => (m.username ? [m.username] : []));
  const accounts = new Map((await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames))).map((u) => [u.username, u.id]));
  const rows = MEMBERS.map((m) => {
    const joined = m.joinedOn ? m.joinedOn(today) : m.joinedYearsAgo !== undefined ? addMonths(today, -Math.round(m.joinedYearsAgo * 12) - 1) : null;
    const onRoll = joined !== null;
    const full = m.status === 'full' || m.status === 'retired';
    return {
      centerId, branchId: ids.get(m.org)!, groupId: m.group ? ids.get(m.group)! : null, userId: m.username ? accounts.get(m.username) ?? null : null,
      name: m.name, gender: m.gender, post: m.post, deputyDivision: m.deputyDivision ?? false, status: m.status,
      probationOn: joined, fullOn: full && joined ? addYears(joined, 1) : null, onRollSince: onRoll ? joined : null,
      contacts: [], introducers: onRoll ? ['李雪梅', '孙丽娟'] : [], exams: [], trainings: [], lastStepOn: joined,
      appliedOn: joined ? addMonths(joined, -30) : null, createdAt: at, ...(m.pipeline?.(today) ?? {}),
    };
  });
  const inserted = await tx.insert(partyMembers).values(rows).returning({ id: partyMembers.id, name: partyMembers.name, status: partyMembers.status, branchId: partyMembers.branchId, probationOn: partyMembers.probationOn, appliedOn: partyMembers.appliedOn });
  const member = new Map(MEMBERS.map((m, i) => [m.key, inserted[i]!]));
  await tx.insert(partyMemberEvents).values(inserted.map((m) => ({
    memberId: m.id, action: (m.probationOn ? 'transferIn' : 'register') as 'transferIn' | 'register', toStatus: m.status, on: (m.probationOn ?? m.appliedOn)!,
    detail: m.probationOn ? { from: '建档导入（原纸质党员档案）' } : {}, at,
  })));
  await tx.insert(partyOfficers).values(OFFICERS.map(([o, m, role]) => ({ orgId: ids.get(o)!, memberId: member.get(m)!.id, role, fromOn: addMonths(today, -13) })));

  await seedMeetings(tx, ids, inserted, today, year, accounts.get('window1')!, at);
  // Dues of the last two years, deposited with one bank slip a period; two members have not paid the latest half-year.
  const periods = endedHalfYears(today, DUES_LOOKBACK_PERIODS);
  const last = periods.at(-1)!;
  const onRoll = inserted.filter((m) => ['full', 'probationary', 'retired'].includes(m.status));
  const recorder = accounts.get('window1')!;
  await tx.insert(partyDues).values(periods.flatMap((p) => onRoll
    .filter((m) => m.probationOn! <= p.to && (p !== last || (m.name !== '曹亮' && m.name !== '周文斌')))
    .map((m, i) => ({
      memberId: m.id, period: p.period, amountCents: 3000 + (i % 5) * 1500, paidOn: addDays(p.to, -20), receiptNo: `DF${p.period}-${String(i + 1).padStart(3, '0')}`,
      depositedOn: addDays(p.to, -5), bankSlipNo: `YH${p.period}01`, recordedBy: recorder, recordedAt: at,
    }))));
  const payers = onRoll.filter((m) => m.name !== '曹亮' && m.name !== '周文斌');
  const secretaryUser = accounts.get('party1')!;
  await tx.insert(partyDisclosures).values([
    { orgId: ids.get('c')!, title: `${year}年度机关党建工作计划`, category: 'routine', content: '全年“三会一课”、主题党日、民主评议党员等工作安排。', internalOn: isoDate(year, 1, 15), internalForm: '党员大会', publicOn: isoDate(year, 1, 25), publicForm: '党务公开栏', createdBy: secretaryUser, createdAt: at },
    { orgId: ids.get('c')!, title: `${last.period.slice(0, 4)}年${last.period.endsWith('1') ? '上' : '下'}半年党费收缴情况`, category: 'funds', content: `本期应缴${payers.length + 2}人，已缴${payers.length}人。`, internalOn: addDays(last.to, 10), internalForm: '党内通报', createdBy: secretaryUser, createdAt: at },
    { orgId: ids.get('b1')!, title: '发展对象冯晓东同志公示', category: 'appointment', content: '经支部委员会讨论，拟将冯晓东同志列为发展对象，公示期5个工作日。', internalOn: addMonths(today, -10), internalForm: '支部党员大会', createdBy: accounts.get('window1')!, createdAt: at },
  ]);
}

/**
 * This year's meetings up to last month: branch 1 holds every monthly assembly but one (three
 * months ago), its committee monthly, a party class each quarter but the last, the
 * democratic life meeting in the first half; the groups and branch 2 meet monthly.
 */
async function seedMeetings(tx: Tx, ids: Map<string, string>, members: { id: string; status: MemberStatus; branchId: string }[], today: string, year: number, createdBy: string, at: string) {
  const months = periodsOf('month', year).filter((p) => p.to < today);
  const skip = months.length >= 3 ? months[months.length - 3]!.label : null;
  const plan: { org: string; kind: MeetingKind; on: string; title: string }[] = [];
  for (const p of months) {
    if (p.label !== skip) plan.push({ org: 'b1', kind: 'branchAssembly', on: addDays(p.from, 14), title: `${p.label}支部党员大会：学习传达上级会议精神` });
    plan.push({ org: 'b1', kind: 'branchCommittee', on: addDays(p.from, 9), title: `${p.label}支部委员会` });
    plan.push({ org: 'b2', kind: 'branchAssembly', on: addDays(p.from, 15), title: `${p.label}支部党员大会` });
    plan.push({ org: 'b2', kind: 'branchCommittee', on: addDays(p.from, 10), title: `${p.label}支部委员会` });
    plan.push({ org: 'g1', kind: 'group', on: addDays(p.from, 20), title: `${p.label}党小组会` });
    plan.push({ org: 'g2', kind: 'group', on: addDays(p.from, 21), title: `${p.label}党小组会` });
  }
  for (const q of periodsOf('quarter', year).filter((p) => p.to < today)) {
    plan.push({ org: 'c', kind: 'committee', on: addDays(q.from, 25), title: `${q.label}机关党委会议` });
    if (q.label !== `${year}Q3`) plan.push({ org: 'b1', kind: 'partyClass', on: addDays(q.from, 40), title: `${q.label}党课：践行宗旨、优化服务` });
    plan.push({ org: 'b2', kind: 'partyClass', on: addDays(q.from, 41), title: `${q.label}党课` });
  }
  for (const h of periodsOf('halfYear', year).filter((p) => p.to < today)) {
    plan.push({ org: 'b1', kind: 'democraticLife', on: addDays(h.to, -5), title: `${h.label}民主生活会` });
    plan.push({ org: 'b2', kind: 'democraticLife', on: addDays(h.to, -4), title: `${h.label}民主生活会` });
  }
  if (!plan.length) return;
  const roll = (org: string) => members.filter((m) => m.branchId === ids.get(org) && ['full', 'probationary', 'retired'].includes(m.status));
  const inserted = await tx.insert(partyMeetings).values(plan.map((p) => {
    // Committees: their officers, all present; members' meetings: the roll, one member excused.
    const expected = COMMITTEE_MEETINGS.includes(p.kind) ? OFFICERS.filter(([o]) => o === p.org).length : p.org.startsWith('g') ? 4 : roll(p.org).length;
    const present = COMMITTEE_MEETINGS.includes(p.kind) ? expected : expected - 1;
    const q = quorum({ expected, present, votingExpected: expected, votingPresent: present }, false);
    return {
      orgId: ids.get(p.org)!, kind: p.kind, title: p.title, status: 'held' as const, scheduledOn: p.on, heldOn: p.on, place: '中心三楼党员活动室', chair: p.org === 'b2' ? '陈建国' : '李雪梅', recorder: '张婷',
      topic: '学习传达上级会议精神；研究本月党建工作', minutes: '（会议记录略）', expected, present,
      quorumOk: q.ok, quorumChecks: q.checks, createdBy, createdAt: at,
    };
  })).returning({ id: partyMeetings.id, orgId: partyMeetings.orgId, kind: partyMeetings.kind });
  // Attendance for the branch assemblies of branch 1 (the retired member excused).
  const b1 = roll('b1');
  const rowsB1 = inserted.filter((m) => m.orgId === ids.get('b1') && m.kind === 'branchAssembly').flatMap((m) => b1.map((p) => ({
    meetingId: m.id, memberId: p.id, present: p.status !== 'retired', expected: true, voting: p.status !== 'probationary', absenceReason: p.status === 'retired' ? '年老体弱请假' : '',
  })));
  if (rowsB1.length) await tx.insert(partyAttendance).values(rowsB1);
}
