/**
 * 三会一课 and the other organisational meetings (seed 004 第十七条、第十九条、第二十条):
 * how often each is due, which periods of a year went without one, and whether a held
 * meeting had its quorum and passed its resolutions. Pure.
 */
import { FREQUENCIES, MEETINGS_OF, type Frequency, type MeetingKind, type OrgKind, type ResolutionKind } from '../types.js';
import { addDays, isoDate, maxDate } from './dates.js';

export { FREQUENCIES, MEETINGS_OF };

/** Meetings of the organization's committee (its officers); the others are of all its members. */
export const COMMITTEE_MEETINGS: readonly MeetingKind[] = ['committee', 'branchCommittee'];

export interface Period { label: string; from: string; to: string }

const MONTHS_PER: Record<Frequency, number> = { month: 1, quarter: 3, halfYear: 6 };

/** The periods of a year for a frequency: 2026-01 … 2026-12, 2026Q1 … Q4, 2026H1/H2. */
export function periodsOf(frequency: Frequency, year: number): Period[] {
  const step = MONTHS_PER[frequency];
  const out: Period[] = [];
  for (let m = 1; m <= 12; m += step) {
    const n = (m - 1) / step + 1;
    const label = frequency === 'month' ? `${year}-${String(m).padStart(2, '0')}` : frequency === 'quarter' ? `${year}Q${n}` : `${year}H${n}`;
    const next = m + step > 12 ? isoDate(year + 1, 1, 1) : isoDate(year, m + step, 1);
    out.push({ label, from: isoDate(year, m, 1), to: addDays(next, -1) });
  }
  return out;
}

export interface MissedPeriod { kind: MeetingKind; frequency: Frequency; period: string; from: string; to: string }

/**
 * Periods of `year` that have ended by `today` with no held meeting of the kind. Periods
 * that ended before the organization was set up do not count; the running period is not
 * missed yet.
 */
export function missedMeetings(orgKind: OrgKind, year: number, held: readonly { kind: MeetingKind; heldOn: string }[], today: string, establishedOn: string): MissedPeriod[] {
  const out: MissedPeriod[] = [];
  for (const kind of MEETINGS_OF[orgKind]) {
    const frequency = FREQUENCIES[kind];
    for (const p of periodsOf(frequency, year)) {
      if (p.to >= today || p.to < establishedOn) continue;
      const from = maxDate(p.from, establishedOn);
      if (!held.some((h) => h.kind === kind && h.heldOn >= from && h.heldOn <= p.to)) out.push({ kind, frequency, period: p.label, from: p.from, to: p.to });
    }
  }
  return out;
}

// ---- quorum and votes ----------------------------------------------------------------------

export interface AttendanceCount {
  /** Members of the body who should attend (the committee's members, or the organization's party members). */
  expected: number;
  present: number;
  /** Full members with a vote, and how many of them are present (admission and confirmation). */
  votingExpected: number;
  votingPresent: number;
}

export interface ResolutionInput {
  kind: ResolutionKind;
  inFavour: number;
  against: number;
  abstain: number;
  /** Admission: the applicant and both introducers were present (第十三条). */
  applicantAndIntroducersPresent?: boolean;
}

export interface Check { rule: string; ok: boolean; zh: string; en: string }
export interface QuorumResult { ok: boolean; checks: Check[] }

/**
 * Whether the meeting could be held at all, for its business:
 * 第十七条「须有1/2以上委员到会方能举行；涉及机构人员调整和组织发展等重大问题时，须有2/3以上成员到会才能举行」.
 * 「以上」 includes the figure itself: ½ and ⅔ exactly are enough. The issue applies the same
 * thresholds to every meeting of 三会一课.
 */
export function quorum(a: AttendanceCount, personnel: boolean): QuorumResult {
  const half = a.present * 2 >= a.expected;
  const checks: Check[] = [{
    rule: 'quorum_half', ok: a.expected > 0 && half,
    zh: `应到${a.expected}人，实到${a.present}人，须1/2以上到会`, en: `${a.present} of ${a.expected} present; at least half must attend`,
  }];
  if (personnel) {
    checks.push({
      rule: 'quorum_two_thirds', ok: a.expected > 0 && a.present * 3 >= a.expected * 2,
      zh: `涉及人员调整和组织发展，须2/3以上到会（应到${a.expected}人，实到${a.present}人）`, en: `Personnel matters need two thirds present (${a.present} of ${a.expected})`,
    });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/**
 * One resolution. Admission and confirmation (第十三条, 第十四条 refers to it):
 * 「支部党员大会必须超过本支部有表决权的正式党员的五分之四，申请人和两名介绍人全部到会」 — more
 * than ⅘ of the voting full members present (strictly more), and the applicant and both
 * introducers present. The seed does not state the majority; it is the Party's national
 * rule (《中国共产党发展党员工作细则》第二十七条「赞成人数超过应到会有表决权的正式党员的半数」):
 * more than half of all voting full members — not of those present — in favour.
 * Other resolutions: a majority of the votes cast (the seed sets no other figure).
 */
export function judgeResolution(a: AttendanceCount, r: ResolutionInput): QuorumResult {
  const checks: Check[] = [];
  const votes = r.inFavour + r.against + r.abstain;
  if (r.kind === 'admission' || r.kind === 'confirmation') {
    checks.push({
      rule: 'admission_attendance', ok: a.votingExpected > 0 && a.votingPresent * 5 > a.votingExpected * 4,
      zh: `有表决权的正式党员${a.votingExpected}人，到会${a.votingPresent}人，须超过五分之四`,
      en: `${a.votingPresent} of ${a.votingExpected} voting full members present; more than four fifths must attend`,
    });
    if (r.kind === 'admission') {
      checks.push({ rule: 'applicant_and_introducers', ok: r.applicantAndIntroducersPresent === true, zh: '申请人和两名介绍人须全部到会', en: 'The applicant and both introducers must attend' });
    }
    checks.push({ rule: 'votes_within_present', ok: votes <= a.votingPresent, zh: `表决票数${votes}不能超过到会有表决权的正式党员${a.votingPresent}人`, en: `${votes} votes exceed the ${a.votingPresent} voting members present` });
    checks.push({
      rule: 'majority_of_voting_members', ok: r.inFavour * 2 > a.votingExpected,
      zh: `赞成${r.inFavour}票，须超过应到会有表决权的正式党员（${a.votingExpected}人）的半数`, en: `${r.inFavour} in favour; more than half of the ${a.votingExpected} voting full members needed`,
    });
  } else {
    checks.push({ rule: 'votes_within_present', ok: votes <= a.present, zh: `表决票数${votes}不能超过实到${a.present}人`, en: `${votes} votes exceed the ${a.present} present` });
    checks.push({ rule: 'majority_of_votes', ok: r.inFavour * 2 > votes, zh: `赞成${r.inFavour}票，须超过表决票数（${votes}）的半数`, en: `${r.inFavour} in favour of ${votes} votes; a majority is needed` });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
