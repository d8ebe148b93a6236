/**
 * One event, one message: the SMS a case action sends the applicant. Each action sends at
 * most one, signed with the case's center; a message about the case's state is held a
 * minute before it goes out, and a newer one supersedes it meanwhile. An immediate case
 * accepted, decided, made ready and completed at the window within a minute (which used to
 * send four texts) sends one — the last, true, state.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import type { Notice } from '../core/outbox/enqueue.js';
import { outbox } from '../core/outbox/schema.js';
import type { NoticeTemplate } from '../notify/templates.js';

/** Seconds a state message waits for a newer one. */
export const SMS_HOLD_SECONDS = 60;

/** Messages that only tell the case's state: a newer one says all they said. */
export const STATE_TEMPLATES: readonly NoticeTemplate[] = [
  'case.accepted', 'case.decided', 'case.resultReady', 'case.completed', 'case.suspended', 'case.extended', 'case.reportedUp', 'case.dueMoved',
];

const isStateSms = (n: Notice) => n.channel === 'sms' && STATE_TEMPLATES.includes(n.template);

/** Signs the action's SMS with the center, holds the state messages, and supersedes the case's pending ones. */
export async function applicantMessages(tx: Tx, caseId: string, centerName: string, notices: readonly Notice[]): Promise<Notice[]> {
  const out = notices.map((n) => n.channel !== 'sms' ? n
    : { ...n, payload: { ...n.payload, centerName }, ...(isStateSms(n) ? { holdSeconds: SMS_HOLD_SECONDS } : {}) });
  if (out.filter((n) => n.channel === 'sms').length > 1) {
    throw new Error('One case action sends the applicant at most one SMS');
  }
  if (out.some(isStateSms)) {
    await tx.update(outbox).set({ status: 'superseded' }).where(and(
      eq(outbox.channel, 'sms'), eq(outbox.status, 'pending'), eq(outbox.attempts, 0), inArray(outbox.template, [...STATE_TEMPLATES]),
      sql`${outbox.payload}->>'caseId' = ${caseId}`,
    ));
  }
  return out;
}
