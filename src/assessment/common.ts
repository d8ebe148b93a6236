/** What every part of the assessment service shares: refusals, the reader's center, the audit row, and the constants. */
import type { Tx } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { AppError, forbidden } from '../core/errors.js';
import type { MetricName } from './rules.js';

export const DEFAULT_APPEAL_DAYS = 5;
/** Lines whose evidence is the subject's decided cases of the period, listed by the same condition when asked. */
export const CASE_METRICS = new Set<MetricName>(['onTimeRate', 'firstTimeRate', 'immediateRate', 'onlineRate', 'overdueCases']);
export const STAFF_SUBJECT_ROLES = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] as const;

export const refuse = (c: { ok: false; refusal: { status: number; code: string; message: string; messageZh: string } }) =>
  new AppError(c.refusal.status, c.refusal.code, c.refusal.message, c.refusal.messageZh);
export const ownCenter = (u: SessionUser) => { if (!u.centerId) throw forbidden(); return u.centerId; };
export const audit = (tx: Tx, u: SessionUser, action: string, entityType: string, entityId: string, at: Date, after?: unknown, before?: unknown) =>
  appendAudit(tx, { actorId: u.id, actorRole: u.role, action, entityType, entityId, before, after, at });
