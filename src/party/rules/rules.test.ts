import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './dates.js';
import { applyStep, missingExamPeriod, probationEnd, actionsFrom, type MemberFacts } from './pipeline.js';
import { talkDue, anniversaryIn } from './birthday.js';
import { missedMeetings, periodsOf, quorum, judgeResolution } from './meetings.js';
import { checkGrades, evaluationDueOn, maxExcellent, type EvaluatedMember } from './evaluation.js';
import { judgeElection, minCandidates, termAlert, termEnd } from './terms.js';
import { halfYearOf, periodsOwed } from './dues.js';
import { checkDisclosureOrder } from './disclosure.js';

const base: MemberFacts = {
  status: 'applicant', appliedOn: '2024-01-10', activistOn: null, targetOn: null, probationOn: null, fullOn: null,
  contacts: [], introducers: [], exams: [], trainings: [], extensionMonths: null, lastStepOn: '2024-01-10',
};
const activist = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  ...base, status: 'activist', activistOn: '2024-03-01', contacts: ['张三', '李四'], exams: ['2024-08-20', '2025-02-10'], trainings: ['2024-11-05'], lastStepOn: '2025-02-10', ...over,
});
const fail = (r: ReturnType<typeof applyStep>) => (r.ok ? null : r.refusal.rule);

describe('dates', () => {
  it('adds months with the day clamped to the month end, across years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-15', -6)).toBe('2024-09-15');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('pipeline time rules', () => {
  it('an activist needs two distinct contacts', () => {
    expect(fail(applyStep(base, { action: 'becomeActivist', on: '2024-03-01', contacts: ['张三'] }, '2024-03-01'))).toBe('two_contacts');
    expect(fail(applyStep(base, { action: 'becomeActivist', on: '2024-03-01', contacts: ['张三', '张三'] }, '2024-03-01'))).toBe('two_contacts');
    const r = applyStep(base, { action: 'becomeActivist', on: '2024-03-01', contacts: ['张三', '李四'] }, '2024-03-01');
    expect(r.ok && r.facts.status).toBe('activist');
  });

  it('refuses a development target one day before a full year of cultivation, accepts on the day', () => {
    const m = activist();
    const early = applyStep(m, { action: 'becomeTarget', on: '2025-02-28' }, '2025-03-10');
    expect(fail(early)).toBe('cultivation_one_year');
    expect(!early.ok && early.refusal.zh).toContain('2025-03-01');
    const ok = applyStep(m, { action: 'becomeTarget', on: '2025-03-01' }, '2025-03-10');
    expect(ok.ok && ok.facts.status).toBe('developmentTarget');
  });

  it('needs an examination in every half-year of cultivation', () => {
    expect(missingExamPeriod('2024-03-01', ['2024-08-20', '2025-02-10'], '2025-03-01')).toBeNull();
    expect(missingExamPeriod('2024-03-01', ['2024-08-20'], '2025-03-01')).toEqual({ from: '2024-09-01', to: '2025-03-01' });
    expect(fail(applyStep(activist({ exams: ['2025-02-10'] }), { action: 'becomeTarget', on: '2025-03-01' }, '2025-03-01'))).toBe('half_yearly_exam');
    // Two exams in the same half-year do not cover the other one.
    expect(fail(applyStep(activist({ exams: ['2024-04-01', '2024-05-01'] }), { action: 'becomeTarget', on: '2025-03-01' }, '2025-03-01'))).toBe('half_yearly_exam');
  });

  it('needs central training within the two years before the step', () => {
    expect(fail(applyStep(activist({ trainings: [] }), { action: 'becomeTarget', on: '2025-03-01' }, '2025-03-01'))).toBe('training_within_two_years');
    expect(fail(applyStep(activist({ trainings: ['2023-02-01'] }), { action: 'becomeTarget', on: '2025-03-01' }, '2025-03-01'))).toBe('training_within_two_years');
  });

  it('admits only with two introducers and a passed assembly vote', () => {
    const t: MemberFacts = { ...activist(), status: 'developmentTarget', targetOn: '2025-03-01', lastStepOn: '2025-03-01' };
    const vote = { kind: 'admission' as const, heldOn: '2025-06-20', passed: true };
    expect(fail(applyStep(t, { action: 'admit', on: '2025-06-20', introducers: ['王五'], vote }, '2025-06-20'))).toBe('two_introducers');
    expect(fail(applyStep(t, { action: 'admit', on: '2025-06-20', introducers: ['王五', '赵六'] }, '2025-06-20'))).toBe('admission_vote');
    expect(fail(applyStep(t, { action: 'admit', on: '2025-06-20', introducers: ['王五', '赵六'], vote: { ...vote, passed: false, reason: 'x' } }, '2025-06-20'))).toBe('admission_vote');
    const r = applyStep(t, { action: 'admit', on: '2025-06-20', introducers: ['王五', '赵六'], vote }, '2025-06-20');
    expect(r.ok && r.facts.status).toBe('probationary');
    expect(r.ok && probationEnd(r.facts)).toBe('2026-06-20');
  });

  it('confirms after one year of probation, not a day before', () => {
    const p: MemberFacts = { ...activist(), status: 'probationary', targetOn: '2025-03-01', probationOn: '2025-06-20', lastStepOn: '2025-06-20' };
    const vote = (heldOn: string) => ({ kind: 'confirmation' as const, heldOn, passed: true });
    expect(fail(applyStep(p, { action: 'confirm', on: '2026-06-19', vote: vote('2026-06-19') }, '2026-06-25'))).toBe('probation_one_year');
    const r = applyStep(p, { action: 'confirm', on: '2026-06-20', vote: vote('2026-06-20') }, '2026-06-25');
    expect(r.ok && r.facts.status).toBe('full');
  });

  it('extends probation once, by six to twelve months, when it ends', () => {
    const p: MemberFacts = { ...activist(), status: 'probationary', probationOn: '2025-06-20', lastStepOn: '2025-06-20' };
    expect(fail(applyStep(p, { action: 'extendProbation', on: '2026-06-20', months: 5 }, '2026-06-20'))).toBe('extension_length');
    expect(fail(applyStep(p, { action: 'extendProbation', on: '2026-06-20', months: 13 }, '2026-06-20'))).toBe('extension_length');
    expect(fail(applyStep(p, { action: 'extendProbation', on: '2026-05-01', months: 6 }, '2026-06-20'))).toBe('probation_one_year');
    const r = applyStep(p, { action: 'extendProbation', on: '2026-06-20', months: 6 }, '2026-06-20');
    expect(r.ok).toBe(true);
    const extended = r.ok ? r.facts : p;
    expect(probationEnd(extended)).toBe('2026-12-20');
    expect(fail(applyStep(extended, { action: 'extendProbation', on: '2026-12-20', months: 6 }, '2026-12-20'))).toBe('extension_once');
    expect(fail(applyStep(extended, { action: 'confirm', on: '2026-12-19', vote: { kind: 'confirmation', heldOn: '2026-12-19', passed: true } }, '2026-12-20'))).toBe('probation_one_year');
  });

  it('refuses steps from the wrong state, in the future or back-dated', () => {
    expect(fail(applyStep(base, { action: 'confirm', on: '2024-02-01' }, '2024-02-01'))).toBe('wrong_status');
    expect(fail(applyStep(base, { action: 'becomeActivist', on: '2024-03-02', contacts: ['a', 'b'] }, '2024-03-01'))).toBe('date_in_future');
    expect(fail(applyStep(base, { action: 'becomeActivist', on: '2024-01-01', contacts: ['a', 'b'] }, '2024-03-01'))).toBe('date_order');
    expect(actionsFrom('probationary')).toEqual(['extendProbation', 'confirm', 'disqualify', 'transferOut']);
    expect(actionsFrom('transferredOut')).toEqual([]);
  });
});

describe('political birthday talks', () => {
  it('falls due on the anniversary and within the week after it', () => {
    expect(talkDue('2015-07-01', '2026-06-25', [])).toMatchObject({ anniversary: '2026-07-01', years: 11, dueBy: '2026-07-07', overdue: false });
    expect(talkDue('2015-07-01', '2026-07-07', [])).toMatchObject({ daysLeft: 0, overdue: false });
    expect(talkDue('2015-07-01', '2026-07-08', [])).toMatchObject({ overdue: true });
    expect(talkDue('2015-07-01', '2026-06-01', [])).toBeNull();
    expect(talkDue('2015-07-01', '2026-07-03', ['2026-07-02'])).toBeNull();
    // Last year's talk does not count for this year's anniversary.
    expect(talkDue('2015-07-01', '2026-07-03', ['2025-07-02'])).not.toBeNull();
  });
  it('crosses the year end and handles 29 February', () => {
    expect(talkDue('2010-12-29', '2027-01-02', [])).toMatchObject({ anniversary: '2026-12-29', dueBy: '2027-01-04' });
    expect(anniversaryIn('2012-02-29', 2026)).toBe('2026-02-28');
    expect(talkDue('2026-03-01', '2026-03-01', [])).toBeNull(); // the joining day itself is no anniversary
  });
});

describe('meetings: frequencies and missed periods', () => {
  it('lists the periods of a year', () => {
    expect(periodsOf('quarter', 2026).map((p) => `${p.label}:${p.from}..${p.to}`)).toEqual([
      '2026Q1:2026-01-01..2026-03-31', '2026Q2:2026-04-01..2026-06-30', '2026Q3:2026-07-01..2026-09-30', '2026Q4:2026-10-01..2026-12-31',
    ]);
    expect(periodsOf('month', 2024)[1]).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(periodsOf('halfYear', 2026).map((p) => p.label)).toEqual(['2026H1', '2026H2']);
  });

  it('flags a year with missed meetings per kind; the running period is not missed yet', () => {
    const held = [
      ...['01', '02', '03', '05', '06', '07', '08', '09', '10', '11'].map((m) => ({ kind: 'branchAssembly' as const, heldOn: `2026-${m}-15` })),
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => ({ kind: 'branchCommittee' as const, heldOn: `2026-${m}-10` })),
      { kind: 'partyClass' as const, heldOn: '2026-02-20' }, { kind: 'partyClass' as const, heldOn: '2026-08-20' },
      { kind: 'democraticLife' as const, heldOn: '2026-06-28' },
      { kind: 'group' as const, heldOn: '2026-04-01' }, // a group meeting is not a branch's
    ];
    const missed = missedMeetings('branch', 2026, held, '2026-12-03', '2020-01-01');
    expect(missed.map((m) => `${m.kind}:${m.period}`)).toEqual(['branchAssembly:2026-04', 'partyClass:2026Q2']);
    // At the year end everything is judged, December and H2 included.
    const all = missedMeetings('branch', 2026, held, '2027-01-05', '2020-01-01').map((m) => `${m.kind}:${m.period}`);
    expect(all).toEqual(['branchAssembly:2026-04', 'branchAssembly:2026-12', 'branchCommittee:2026-12', 'partyClass:2026Q2', 'partyClass:2026Q4', 'democraticLife:2026H2']);
  });

  it('does not count periods before the organization existed; a period it joined midway counts from its start', () => {
    const missed = missedMeetings('committee', 2026, [{ kind: 'committee', heldOn: '2026-05-20' }], '2026-12-03', '2026-05-10');
    expect(missed.map((m) => m.period)).toEqual(['2026Q3']);
  });
});

describe('meetings: quorum and votes', () => {
  const a = (expected: number, present: number, votingExpected = expected, votingPresent = present) => ({ expected, present, votingExpected, votingPresent });
  it('needs at least half present; exactly half is enough', () => {
    expect(quorum(a(10, 5), false).ok).toBe(true);
    expect(quorum(a(10, 4), false).ok).toBe(false);
    expect(quorum(a(9, 5), false).ok).toBe(true);
    expect(quorum(a(0, 0), false).ok).toBe(false);
  });
  it('needs two thirds for personnel matters', () => {
    expect(quorum(a(9, 6), true).ok).toBe(true);
    expect(quorum(a(9, 5), true).ok).toBe(false);
    expect(quorum(a(9, 5), true).checks.find((c) => !c.ok)!.rule).toBe('quorum_two_thirds');
  });
  it('admission: more than four fifths of voting full members present, applicant and introducers, more than half of all voting members in favour', () => {
    const r = { kind: 'admission' as const, inFavour: 6, against: 2, abstain: 1, applicantAndIntroducersPresent: true };
    // 10 voting members: 9 present is > 4/5, 8 is exactly 4/5 and not enough.
    expect(judgeResolution(a(12, 11, 10, 9), r).ok).toBe(true);
    const eight = judgeResolution(a(12, 10, 10, 8), { ...r, abstain: 0 });
    expect(eight.ok).toBe(false);
    expect(eight.checks.find((c) => !c.ok)!.rule).toBe('admission_attendance');
    // 5 of 10 in favour is half, not more than half (even though 5 of 9 votes is a majority).
    expect(judgeResolution(a(12, 11, 10, 9), { ...r, inFavour: 5, against: 4, abstain: 0 }).checks.find((c) => !c.ok)!.rule).toBe('majority_of_voting_members');
    expect(judgeResolution(a(12, 11, 10, 9), { ...r, applicantAndIntroducersPresent: false }).checks.find((c) => !c.ok)!.rule).toBe('applicant_and_introducers');
    expect(judgeResolution(a(12, 11, 10, 9), { ...r, inFavour: 9, against: 1 }).checks.find((c) => !c.ok)!.rule).toBe('votes_within_present');
  });
  it('other resolutions pass by a majority of votes cast', () => {
    expect(judgeResolution(a(10, 7), { kind: 'general', inFavour: 4, against: 3, abstain: 0 }).ok).toBe(true);
    expect(judgeResolution(a(10, 7), { kind: 'general', inFavour: 3, against: 3, abstain: 1 }).ok).toBe(false);
  });
});

describe('democratic evaluation', () => {
  const roster = (n: number, extra: EvaluatedMember[] = []): EvaluatedMember[] => [
    ...Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, name: `党员${i}`, status: 'full' as const, deputyDivision: false })), ...extra,
  ];
  it('excellent is capped at 15 %: 4 of 25 (16 %) is refused, 3 of 25 (12 %) accepted', () => {
    const r = roster(25);
    const grades = (k: number) => r.map((m, i) => ({ memberId: m.memberId, grade: i < k ? 'excellent' as const : 'qualified' as const }));
    const refused = checkGrades(r, grades(4), true);
    expect(refused.map((p) => p.rule)).toEqual(['excellent_cap']);
    expect(refused[0]!.zh).toContain('16%');
    expect(checkGrades(r, grades(3), true)).toEqual([]);
    expect(maxExcellent(25)).toBe(3);
    expect(maxExcellent(20)).toBe(3); // exactly 15 % is allowed
    expect(checkGrades(roster(20), roster(20).map((m, i) => ({ memberId: m.memberId, grade: i < 3 ? 'excellent' as const : 'qualified' as const })), true)).toEqual([]);
  });
  it('deputy-division and above cannot be excellent; probationary members are not graded; full members must be', () => {
    const r = roster(10, [
      { memberId: 'lead', name: '处长', status: 'full', deputyDivision: true },
      { memberId: 'prob', name: '预备', status: 'probationary', deputyDivision: false },
      { memberId: 'ret', name: '退休', status: 'retired', deputyDivision: false },
    ]);
    const rest = roster(10).map((m) => ({ memberId: m.memberId, grade: 'qualified' as const }));
    expect(checkGrades(r, [...rest, { memberId: 'lead', grade: 'excellent' }, { memberId: 'prob', grade: 'notGraded' }, { memberId: 'ret', grade: 'notGraded' }], true).map((p) => p.rule)).toEqual(['deputy_division_not_excellent']);
    expect(checkGrades(r, [...rest, { memberId: 'lead', grade: 'qualified' }, { memberId: 'prob', grade: 'qualified' }, { memberId: 'ret', grade: 'qualified' }], true).map((p) => p.rule)).toEqual(['probationary_not_graded']);
    expect(checkGrades(r, [{ memberId: 'm0', grade: 'notGraded' }], false).map((p) => p.rule)).toEqual(['full_member_graded']);
    expect(checkGrades(r, rest.slice(1), true).map((p) => p.rule)).toEqual(['grade_missing', 'grade_missing', 'grade_missing']);
  });
  it('is due by 5 February of the next year', () => {
    expect(evaluationDueOn(2026)).toBe('2027-02-05');
  });
});

describe('terms and elections', () => {
  it('committee terms last four years, branch terms two; alert 90 days before', () => {
    expect(termEnd('committee', '2023-03-15')).toBe('2027-03-14');
    expect(termEnd('branch', '2025-01-10')).toBe('2027-01-09');
    expect(termEnd('group', '2025-01-10')).toBeNull();
    expect(termAlert('2027-03-14', '2026-12-13', 90).state).toBe('ok');
    expect(termAlert('2027-03-14', '2026-12-14', 90)).toEqual({ endOn: '2027-03-14', daysLeft: 90, state: 'dueSoon' });
    expect(termAlert('2027-03-14', '2027-03-15', 90).state).toBe('expired');
  });
  it('needs at least 20 % more candidates than seats', () => {
    expect(minCandidates(5)).toBe(6);
    expect(minCandidates(7)).toBe(9);
    expect(minCandidates(3)).toBe(4);
    const c = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `候选人${i}`, votes: 20 - i }));
    const r = judgeElection({ seats: 7, voters: 30, ballots: 28, candidates: c(8) });
    expect(!r.ok && r.refusal.rule).toBe('candidate_surplus');
    const ok = judgeElection({ seats: 7, voters: 30, ballots: 28, candidates: c(9) });
    expect(ok.ok && ok.elected).toEqual(['候选人0', '候选人1', '候选人2', '候选人3', '候选人4', '候选人5']);
    expect(ok.ok && ok.valid).toBe(false); // 候选人6 had 14 of 28, not more than half
  });
  it('refuses a tie for the last seat and impossible counts', () => {
    const r = judgeElection({ seats: 2, voters: 10, ballots: 10, candidates: [{ name: 'a', votes: 9 }, { name: 'b', votes: 7 }, { name: 'c', votes: 7 }] });
    expect(!r.ok && r.refusal.rule).toBe('election_tie');
    expect(judgeElection({ seats: 2, voters: 10, ballots: 11, candidates: [{ name: 'a', votes: 9 }, { name: 'b', votes: 7 }, { name: 'c', votes: 6 }] })).toMatchObject({ ok: false });
  });
});

describe('dues and disclosure', () => {
  it('owes every ended half-year since joining the roll, within two years', () => {
    expect(halfYearOf('2026-07-01')).toEqual({ period: '2026H2', from: '2026-07-01', to: '2026-12-31' });
    expect(periodsOwed('2025-03-01', '2026-12-03', new Set(['2025H1']))).toEqual(['2025H2', '2026H1']);
    expect(periodsOwed('2010-03-01', '2027-01-02', new Set())).toEqual(['2025H1', '2025H2', '2026H1', '2026H2']);
  });
  it('discloses inside the Party before the public', () => {
    expect(checkDisclosureOrder('2026-03-01', null)).toBeNull();
    expect(checkDisclosureOrder('2026-03-01', '2026-03-01')).toBeNull();
    expect(checkDisclosureOrder('2026-03-02', '2026-03-01')!.rule).toBe('internal_first');
    expect(checkDisclosureOrder(null, '2026-03-01')!.rule).toBe('internal_first');
  });
});
