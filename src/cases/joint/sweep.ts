import { and, asc, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import type { Tx } from '../../core/db/index.js';
import type { Job } from '../../core/scheduler.js';
import { calendarFor } from '../../core/calendar/service.js';
import { enqueue } from '../../core/outbox/enqueue.js';
import { departments } from '../../core/org/schema.js';
import { cases } from '../schema.js';
import { itemVersionOf, loadCase, pausesOf, writeTransition } from '../repo.js';
import { caseParticipants } from './schema.js';
import { PART_WORK_STATES, partClock, partsOf } from './parts.js';
import { applyOverdueDefault } from './defaults.js';
import { LOCK } from '../../core/locks.js';
import { dueDayStamp } from '../../core/dueDay.js';

/**
 * The overdue default of joint parts (缺席默认 / escalation), from stored data only: parts
 * still pending whose `deem_on` (first working day after the sub-due day) has come, read
 * through the partial index on deem_on. Applying the default changes the part's status, so
 * a second run (or another instance, or a restart) finds nothing: it happens once.
 */
export async function applyJointDefaults(ctx: AppContext, tx: Tx): Promise<number> {
  const today = ctx.today();
  const now = ctx.now();
  const due = await tx.selectDistinct({ caseId: caseParticipants.caseId }).from(caseParticipants)
    .where(and(eq(caseParticipants.status, 'pending'), eq(caseParticipants.open, true), lte(caseParticipants.deemOn, today))).orderBy(asc(caseParticipants.caseId)).limit(500);
  let changed = 0;
  for (const { caseId } of due) {
    // Lock the case like an action does; one being acted on right now waits for the next run.
    const [locked] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update', { skipLocked: true });
    if (!locked) continue;
    let row = await loadCase(tx, caseId);
    // A paused case pauses its parts: the default waits until the clock runs again.
    if (!PART_WORK_STATES.includes(row.state) || row.paused || !row.acceptedOn) continue;
    const guide = await itemVersionOf(tx, row);
    const [calendar, pauses] = await Promise.all([calendarFor(tx, row.centerId), pausesOf(tx, row.id)]);
    for (const part of await partsOf(tx, caseId)) {
      if (part.status !== 'pending') continue;
      // Recomputed from the facts, not trusted from the stored column.
      const clock = partClock(calendar, row, part, pauses, today);
      if (clock.deemOn > today) {
        await tx.update(caseParticipants).set({ subDue: clock.subDue, deemOn: clock.deemOn, yellowOn: clock.yellowOn }).where(eq(caseParticipants.id, part.id));
        continue;
      }
      // Dated on the deem day itself, however late this run is (the server was down).
      const stamp = dueDayStamp(ctx, clock.deemOn);
      const applied = await applyOverdueDefault(tx, row, guide, part, stamp.day, 'subLimitPassed');
      if (!applied) continue;
      const [dept] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, part.departmentId));
      const action = applied.applied === 'deemed' ? 'deemConsent' : 'escalatePart';
      row = await writeTransition(tx, row, {
        toState: row.state, action, auditAction: `case.${action}`, actor: { id: null, role: 'system' }, at: stamp.at, today: stamp.day, recordedAt: now,
        data: { departmentId: part.departmentId, department: dept?.name ?? '', task: part.task, subDue: clock.subDue, chargedTo: applied.chargedTo, overdueDefault: guide.overdueDefault, on: stamp.day },
      });
      await enqueue(tx, applied.notify, now);
      changed++;
    }
  }
  return changed;
}

export const jointDefaultsJob: Job = { name: 'joint-overdue-defaults', lockKey: LOCK.jointDefaults, everyMs: 10 * 60_000, run: applyJointDefaults };
