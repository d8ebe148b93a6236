/**
 * An agent acts on a case they filed only as the resident's representative (domain §9):
 * they may supply materials, nothing else. The transition table's applicant rules decide,
 * with the agent standing in the applicant's place — no separate rule set to drift apart.
 */
import type { SessionUser } from '../core/auth/policy.js';
import type { ActorFacts, CaseFacts } from './machine.js';
import type { CaseAction } from './types.js';

export const REPRESENTATIVE_ACTIONS: readonly CaseAction[] = ['supply'];

/** The facts and actor the machine checks: unchanged for everyone but the filing agent. */
export function asRepresentative(user: SessionUser, submittedBy: string, facts: CaseFacts): { facts: CaseFacts; actor: ActorFacts } {
  if (user.role !== 'agent' || submittedBy !== user.id) return { facts, actor: user };
  return { facts: { ...facts, applicantUserId: user.id }, actor: { ...user, role: 'applicant' } };
}

/** May the actor take this action at all (before the table is asked)? */
export const representativeMay = (user: SessionUser, action: CaseAction) => user.role !== 'agent' || REPRESENTATIVE_ACTIONS.includes(action);
