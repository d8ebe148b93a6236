/**
 * Terms and elections (seed 004 第八条、第九条), pure:
 * 「机关党委每届任期4年，党支部每届任期2年，任期届满要及时进行换届」;
 * elections 「采取不记名直接差额的方式进行选举」; by-elections 「差额为增补委员的20%」.
 */
import type { OrgKind } from '../types.js';
import { addDays, addYears, daysBetween } from './dates.js';
import { refuse, type Refusal } from './refusal.js';

export const TERM_YEARS: Record<OrgKind, number | null> = { committee: 4, branch: 2, group: null };
export const SURPLUS_PERCENT = 20;

/** The last day of a term that began on `startOn`. */
export function termEnd(kind: OrgKind, startOn: string): string | null {
  const years = TERM_YEARS[kind];
  return years ? addDays(addYears(startOn, years), -1) : null;
}

export type TermState = 'ok' | 'dueSoon' | 'expired';
export interface TermAlert { state: TermState; endOn: string; daysLeft: number }

/** 'dueSoon' from `alertDays` before the end (config, 90 by default), 'expired' after it. */
export function termAlert(endOn: string, today: string, alertDays: number): TermAlert {
  const daysLeft = daysBetween(today, endOn);
  return { endOn, daysLeft, state: daysLeft < 0 ? 'expired' : daysLeft <= alertDays ? 'dueSoon' : 'ok' };
}

/** Candidates needed for `seats`: more than the seats and at least 20 % more (rounded up). */
export const minCandidates = (seats: number) => Math.max(seats + 1, Math.ceil((seats * (100 + SURPLUS_PERCENT)) / 100));

export interface Candidate { name: string; votes: number }
export interface ElectionInput { seats: number; voters: number; ballots: number; candidates: Candidate[] }
export type ElectionResult = { ok: true; elected: string[]; valid: boolean } | { ok: false; refusal: Refusal };

/**
 * Checks a contested election and returns who is elected: the `seats` candidates with the
 * most votes, each with more than half of the ballots cast (the Party's election rules);
 * a tie at the last seat is refused (a second round decides it).
 */
export function judgeElection(e: ElectionInput): ElectionResult {
  const no = (r: Refusal): ElectionResult => ({ ok: false, refusal: r });
  const need = minCandidates(e.seats);
  const names = new Set(e.candidates.map((c) => c.name.trim()));
  if (names.size !== e.candidates.length) return no(refuse('duplicate_candidate', 'A candidate is listed twice', '候选人重复', 422));
  if (e.candidates.length < need) {
    return no(refuse('candidate_surplus', `${e.seats} seats need at least ${need} candidates (20 % more, seed 004 art. 8–9)`,
      `应选${e.seats}名，候选人须不少于${need}名（差额不少于20%，第八条、第九条）`, 422));
  }
  if (e.ballots > e.voters) return no(refuse('ballots_exceed_voters', 'More ballots than voters', '收回选票数多于有选举权的到会人数', 422));
  if (e.candidates.some((c) => c.votes > e.ballots)) return no(refuse('votes_exceed_ballots', 'A candidate has more votes than ballots', '候选人得票数超过收回选票数', 422));
  const ranked = [...e.candidates].sort((a, b) => b.votes - a.votes);
  const winners = ranked.slice(0, e.seats).filter((c) => c.votes * 2 > e.ballots);
  const last = ranked[e.seats - 1];
  const next = ranked[e.seats];
  if (last && next && last.votes === next.votes && last.votes * 2 > e.ballots) {
    return no(refuse('election_tie', `${last.name} and ${next.name} tie for the last seat; hold another ballot`, `${last.name}与${next.name}得票相等，须就最后一个名额再次投票`, 422));
  }
  return { ok: true, elected: winners.map((c) => c.name), valid: winners.length === e.seats };
}
