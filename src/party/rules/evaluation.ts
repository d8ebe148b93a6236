/**
 * 民主评议党员 (seed 004 第二十一条), pure:
 * 「按照“优秀、合格、基本合格、不合格”四个档次进行评议。预备党员只参加评议不定格，离退休党员可以只参加评议不定格，
 * 副处级以上党员领导干部参加评议定格，不参加优秀党员评选（优秀党员的总数不得超过本单位党员总数的15%）」;
 * 「各支部于次年2月5日前将评议结果等报机关党委」.
 */
import type { Grade, MemberStatus } from '../types.js';
import { isoDate } from './dates.js';

export const EXCELLENT_MAX_PERCENT = 15;

export interface EvaluatedMember { memberId: string; name: string; status: MemberStatus; deputyDivision: boolean }
export interface GradeEntry { memberId: string; grade: Grade }
export interface GradeProblem { memberId: string | null; rule: string; zh: string; en: string }

/** The results of year Y are due by 5 February of Y + 1. */
export const evaluationDueOn = (year: number) => isoDate(year + 1, 2, 5);

/** The most excellent grades a unit of `total` members may give: ⌊15 % × total⌋. */
export const maxExcellent = (total: number) => Math.floor((total * EXCELLENT_MAX_PERCENT) / 100);

/**
 * Every rule over one branch's grades. `complete` also demands a grade for every member
 * (a submission); a draft may be partial. Returns the problems, empty when it may be saved.
 */
export function checkGrades(roster: readonly EvaluatedMember[], entries: readonly GradeEntry[], complete: boolean): GradeProblem[] {
  const out: GradeProblem[] = [];
  const byId = new Map(roster.map((m) => [m.memberId, m]));
  const seen = new Set<string>();
  for (const e of entries) {
    const m = byId.get(e.memberId);
    if (!m) { out.push({ memberId: e.memberId, rule: 'not_on_roster', zh: '该人员不在本支部评议名单中', en: 'Not on this branch\'s roster' }); continue; }
    if (seen.has(e.memberId)) { out.push({ memberId: e.memberId, rule: 'duplicate', zh: `${m.name}重复评定`, en: `${m.name} is graded twice` }); continue; }
    seen.add(e.memberId);
    if (m.status === 'probationary' && e.grade !== 'notGraded') {
      out.push({ memberId: m.memberId, rule: 'probationary_not_graded', zh: `${m.name}是预备党员，只参加评议不定格`, en: `${m.name} is a probationary member: takes part, is not graded` });
    }
    if (m.status === 'full' && e.grade === 'notGraded') {
      out.push({ memberId: m.memberId, rule: 'full_member_graded', zh: `${m.name}是正式党员，须评定格次`, en: `${m.name} is a full member and must be graded` });
    }
    if (m.deputyDivision && e.grade === 'excellent') {
      out.push({ memberId: m.memberId, rule: 'deputy_division_not_excellent', zh: `${m.name}为副处级以上党员领导干部，参加评议定格，不参加优秀党员评选`, en: `${m.name} is deputy-division or above: graded, but not eligible for excellent` });
    }
  }
  const excellent = entries.filter((e) => e.grade === 'excellent' && byId.has(e.memberId)).length;
  const total = roster.length;
  if (excellent * 100 > total * EXCELLENT_MAX_PERCENT) {
    const pct = total ? Math.round((excellent * 1000) / total) / 10 : 0;
    out.push({
      memberId: null, rule: 'excellent_cap',
      zh: `优秀党员${excellent}名，占党员总数${total}名的${pct}%，不得超过15%（最多${maxExcellent(total)}名）`,
      en: `${excellent} excellent of ${total} members is ${pct} %; at most 15 % (${maxExcellent(total)})`,
    });
  }
  if (complete) {
    for (const m of roster) {
      if (!seen.has(m.memberId) && m.status !== 'probationary') out.push({ memberId: m.memberId, rule: 'grade_missing', zh: `${m.name}尚未评定`, en: `${m.name} has no grade yet` });
    }
  }
  return out;
}

/** Counts per grade for the summary form. */
export function gradeCounts(entries: readonly GradeEntry[]): Record<Grade, number> {
  const c: Record<Grade, number> = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, notGraded: 0 };
  for (const e of entries) c[e.grade]++;
  return c;
}
