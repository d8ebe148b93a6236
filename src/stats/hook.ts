import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { computeClock } from '../core/clock/clock.js';
import { cases } from '../cases/schema.js';
import { pausesOf, type CaseRow, type PauseFacts } from '../cases/repo.js';
import type { CaseChange } from '../cases/hooks.js';
import { statsCases } from './schema.js';
import { contributionOf, diff, type CaseFacts, type Contribution, type DailyDelta, type OpenDelta } from './measures.js';

const facts = (r: CaseRow): CaseFacts => ({
  state: r.state, windowId: r.windowId, acceptedOn: r.acceptedOn, closedOn: r.closedOn, outcome: r.outcome, promisedDue: r.promisedDue, supplementCount: r.supplementCount,
});
const sameFacts = (a: CaseFacts, b: CaseFacts) => (Object.keys(a) as (keyof CaseFacts)[]).every((k) => a[k] === b[k]);

/**
 * The window dimension: the numbered window of the first receiver who acts on the case
 * (submits it at the window, notifies, accepts, refuses…). Stored on the case so later
 * changes and raw recounts see the same window. An online case takes the window of the
 * receiver who first handles it; its submission is then moved to that window too (the
 * contribution diff does it), so "by window" means "cases this window took in".
 */
async function assignWindow(change: CaseChange, row: CaseRow): Promise<string | null> {
  if (row.windowId || change.actor.role !== 'receiver' || !change.actor.id) return row.windowId;
  // The session already knows the receiver's window; jobs acting as a receiver would not.
  const windowId = change.actor.windowId !== undefined ? change.actor.windowId
    : (await change.tx.select({ windowId: users.windowId }).from(users).where(eq(users.id, change.actor.id)))[0]?.windowId;
  if (!windowId) return null;
  await change.tx.update(cases).set({ windowId }).where(eq(cases.id, row.id));
  return windowId;
}

/** Working days the decided case used: the clock's rule, counted in working days whatever the limit's unit. */
async function workingDaysUsed(tx: Tx, row: CaseRow, today: string, known?: readonly PauseFacts[]): Promise<number> {
  const calendar = await calendarFor(tx, row.centerId);
  const pauses = known ?? await pausesOf(tx, row.id);
  const asWorkingDays = { value: 0, unit: 'workingDays' as const };
  const clock = computeClock(calendar, {
    acceptedOn: row.acceptedOn, promisedLimit: asWorkingDays, statutoryLimit: asWorkingDays, today, closedOn: row.closedOn,
    pauses: pauses.map((p) => ({ startOn: p.startOn, endOn: p.endOn, plannedWorkingDays: p.plannedWorkingDays })),
  });
  return clock.usedWorkingDays;
}

const KEY_COLS = sql.raw('day, center_id, department_id, window_id, item_id, kind, channel');
const COUNT_COLS = ['received', 'supplement_notified', 'accepted', 'refused', 'completed', 'on_time', 'first_time', 'working_days_used', 'exits'] as const;

async function applyDaily(tx: Tx, row: CaseRow, deltas: DailyDelta[]) {
  if (deltas.length === 0) return;
  // Rows in key order: two changes touching the same two rollup rows lock them in the same order.
  const values = [...deltas].sort((a, b) => (a.day + (a.windowId ?? '') < b.day + (b.windowId ?? '') ? -1 : 1)).map((d) => {
    const c = d.counts;
    return sql`(${d.day}::date, ${row.centerId}::uuid, ${row.departmentId}::uuid, ${d.windowId}::uuid, ${row.itemId}::uuid, ${row.kind}, ${row.channel},
      ${c.received}::int, ${c.supplementNotified}::int, ${c.accepted}::int, ${c.refused}::int, ${c.completed}::int, ${c.onTime}::int, ${c.firstTime}::int, ${c.workingDaysUsed}::int, ${c.exits}::int)`;
  });
  const set = sql.raw(COUNT_COLS.map((c) => `${c} = stats_daily.${c} + excluded.${c}`).join(', '));
  await tx.execute(sql`insert into stats_daily (${KEY_COLS}, ${sql.raw(COUNT_COLS.join(', '))}) values ${sql.join(values, sql`, `)}
    on conflict on constraint stats_daily_key do update set ${set}`);
}

async function applyOpen(tx: Tx, row: CaseRow, deltas: OpenDelta[]) {
  for (const d of [...deltas].sort((a, b) => ((a.windowId ?? '') < (b.windowId ?? '') ? -1 : 1))) {
    await tx.execute(sql`insert into stats_open (center_id, department_id, window_id, item_id, kind, channel, open)
      values (${row.centerId}, ${row.departmentId}, ${d.windowId}, ${row.itemId}, ${row.kind}, ${row.channel}, ${d.open})
      on conflict on constraint stats_open_key do update set open = stats_open.open + excluded.open`);
  }
}

/**
 * Keeps the statistics rollups in the case change's transaction: computes what the case
 * contributes now, compares it with what it contributed before (stats_cases) and applies
 * the difference. Works the same for actions and system transitions (timeout withdrawal,
 * overturned refusal or denial), because it looks at the case, not at the action's name.
 */
export async function statsHook(change: CaseChange): Promise<void> {
  const { tx, before, today } = change;
  const windowId = await assignWindow(change, change.after);
  const after: CaseRow = { ...change.after, windowId };
  if (before && sameFacts(facts(before), facts(after))) return;

  let prev: Contribution | null = null;
  if (before) {
    const [r] = await tx.select().from(statsCases).where(eq(statsCases.caseId, after.id));
    // A case older than the statistics module: count it from here, as received today.
    if (r) { const { caseId: _c, ...rest } = r; prev = rest; }
  }
  const next = contributionOf(facts(after), prev ?? { receivedOn: today, supplementOn: null }, today, () => 0);
  if (next.completedOn !== null && next.completedOn !== prev?.completedOn) next.workingDaysUsed = await workingDaysUsed(tx, after, today, change.pauses);

  const { daily, open } = diff(prev, next);
  await applyDaily(tx, after, daily);
  await applyOpen(tx, after, open);
  await tx.insert(statsCases).values({ caseId: after.id, ...next }).onConflictDoUpdate({ target: statsCases.caseId, set: next });
}
