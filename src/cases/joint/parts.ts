/**
 * The participants' parts of a joint case (联办): their clocks, their facts for the
 * transition table, and keeping them in step with the case.
 *
 * Clock of a part: its sub-limit in working days counted from the case's acceptance, with
 * the case's pauses (a special procedure of the whole case pauses every part) and not the
 * lead's extensions (an extension is the lead's, approved for the case's own limit). The
 * sub-due day is the part's last day, like a case's due day (never red); the overdue
 * default applies on `deemOn`, the first WORKING day after the sub-due day: the part's
 * time is counted in working days, so a weekend or holiday after the sub-due day gives the
 * department no extra time and takes none away — on it the part shows red but the default
 * waits for the next working day.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../core/db/index.js';
import { calendarFor } from '../../core/calendar/service.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeClock, type Light } from '../../core/clock/clock.js';
import { departments } from '../../core/org/schema.js';
import { users } from '../../core/auth/schema.js';
import type { GuideData } from '../../catalog/types.js';
import type { CaseRow } from '../repo.js';
import { pausesOf } from '../repo.js';
import { DEFAULT_CASE_SETTINGS } from '../settings.js';
import { JOINT_HANDLING, type JointFacts } from '../machine.js';
import { OPINION_LABELS, PART_STATUS_LABELS, type PartStatus } from '../types.js';
import { caseMeetings, caseParticipants } from './schema.js';

export type PartRow = typeof caseParticipants.$inferSelect;
type Pause = { startOn: string; endOn: string | null; plannedWorkingDays: number };

/** States in which participants work on their parts (the transition table's own list). */
export const PART_WORK_STATES: readonly CaseRow['state'][] = JOINT_HANDLING;

export interface PartClock { subDue: string; yellowOn: string | null; deemOn: string; light: Light }

/** The clock of one part; a part that answered (or was deemed) stops on that day. */
export function partClock(calendar: WorkCalendar, row: Pick<CaseRow, 'acceptedOn' | 'closedOn'>, part: Pick<PartRow, 'subLimitWorkingDays' | 'answeredOn' | 'deemedOn'>, pauses: readonly Pause[], today: string): PartClock {
  const limit = { value: part.subLimitWorkingDays, unit: 'workingDays' as const };
  const stop = part.answeredOn ?? part.deemedOn ?? row.closedOn;
  const c = computeClock(calendar, {
    acceptedOn: row.acceptedOn!, promisedLimit: limit, statutoryLimit: limit, pauses, today, closedOn: stop && stop <= today ? stop : null,
    yellowShare: DEFAULT_CASE_SETTINGS.yellowShare, minYellowDays: DEFAULT_CASE_SETTINGS.minYellowDays,
  });
  const subDue = c.promisedDue!;
  // A sub-limit is not a statutory limit: past it the part is red, never black.
  const light: Light = c.light === 'black' ? 'red' : c.light!;
  return { subDue, yellowOn: c.light === 'green' ? c.nextChangeOn : row.acceptedOn, deemOn: calendar.addWorkingDays(subDue, 1).date, light };
}

export async function partsOf(db: Queryable, caseId: string): Promise<PartRow[]> {
  return db.select().from(caseParticipants).where(eq(caseParticipants.caseId, caseId)).orderBy(asc(caseParticipants.seq));
}

/** What the transition table needs to know about the parts (undefined for non-joint cases). */
export async function jointFacts(db: Queryable, row: CaseRow, guide: GuideData): Promise<JointFacts | undefined> {
  if (row.kind !== 'joint') return undefined;
  const [parts, open] = await Promise.all([
    partsOf(db, row.id),
    db.select({ id: caseMeetings.id }).from(caseMeetings).where(and(eq(caseMeetings.caseId, row.id), eq(caseMeetings.held, false))).limit(1),
  ]);
  return {
    parts: parts.map((p) => ({ departmentId: p.departmentId, status: p.status, assigneeId: p.assigneeId })),
    departmentCount: 1 + (parts.length || guide.jointParticipants.length), meetingOpen: open.length > 0,
  };
}

/** A part is on its department's worklist while the case is handled and the part owes its opinion. */
const isOpen = (row: CaseRow, status: PartStatus) => PART_WORK_STATES.includes(row.state) && (status === 'pending' || status === 'escalated');

/**
 * 联办受理: every participant gets its part at the same moment, with the case's materials
 * (they read the case). Returns the parts as the joint acceptance notice lists them.
 */
export async function openParts(tx: Tx, row: CaseRow, guide: GuideData, today: string) {
  const calendar = await calendarFor(tx, row.centerId);
  const accepted = { acceptedOn: today, closedOn: null };
  const list = [];
  for (const [seq, p] of guide.jointParticipants.entries()) {
    const clock = partClock(calendar, accepted, { subLimitWorkingDays: p.subLimitWorkingDays, answeredOn: null, deemedOn: null }, [], today);
    await tx.insert(caseParticipants).values({
      caseId: row.id, centerId: row.centerId, departmentId: p.departmentId, seq, task: p.task, subLimitWorkingDays: p.subLimitWorkingDays,
      keyProject: row.keyProject, subDue: clock.subDue, yellowOn: clock.yellowOn, deemOn: clock.deemOn,
    }).onConflictDoNothing(); // a case is accepted once; never open a part twice
    list.push({ departmentId: p.departmentId, task: p.task, subLimitWorkingDays: p.subLimitWorkingDays, subDue: clock.subDue });
  }
  const ids = list.map((p) => p.departmentId);
  const depts = ids.length ? await tx.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)) : [];
  const coords = ids.length ? await tx.select({ id: users.id }).from(users).where(and(inArray(users.departmentId, ids), eq(users.role, 'coordinator'), eq(users.active, true))) : [];
  const name = new Map(depts.map((d) => [d.id, d.name]));
  return {
    parts: list.map((p) => ({ ...p, department: name.get(p.departmentId) ?? '' })),
    notify: coords.map((c) => ({ channel: 'inApp' as const, recipientUserId: c.id, template: 'case.jointTask' as const, payload: { caseNo: row.caseNo, itemName: row.itemName, caseId: row.id } })),
  };
}

/**
 * Keeps the parts in step with the case: sub-due dates follow the case's pauses, and a
 * part leaves the worklist when the case stops being handled. Runs in the change's
 * transaction (a case hook), so it can never lag behind the case.
 */
export async function syncParts(tx: Tx, row: CaseRow, today: string): Promise<void> {
  if (row.kind !== 'joint' || !row.acceptedOn) return;
  const parts = await partsOf(tx, row.id);
  if (parts.length === 0) return;
  const [calendar, pauses] = await Promise.all([calendarFor(tx, row.centerId), pausesOf(tx, row.id)]);
  for (const p of parts) {
    const c = partClock(calendar, row, p, pauses, today);
    const open = isOpen(row, p.status);
    if (c.subDue !== p.subDue || c.yellowOn !== p.yellowOn || c.deemOn !== p.deemOn || open !== p.open) {
      await tx.update(caseParticipants).set({ subDue: c.subDue, yellowOn: c.yellowOn, deemOn: c.deemOn, open }).where(eq(caseParticipants.id, p.id));
    }
  }
}

export type MeetingCaller = 'center' | 'lead';
export const MEETING_CALLER_LABELS: Record<MeetingCaller, string> = { center: '中心管理办公室', lead: '牵头部门' };
/** Who calls a joint review meeting (machine.ts MEETING_CALLERS): the center's management office, else the lead. */
export const callerSide = (role: string): MeetingCaller => (role === 'centerAdmin' ? 'center' : 'lead');

/** The participants panel of the case view; applicants see roles' work, not staff names (like the events). */
export async function participantsView(db: Queryable, row: CaseRow, today: string, staff: boolean) {
  if (row.kind !== 'joint') return { participants: null, meetings: null };
  const parts = await partsOf(db, row.id);
  const meetings = await db.select().from(caseMeetings).where(eq(caseMeetings.caseId, row.id)).orderBy(asc(caseMeetings.id));
  const deptIds = [...new Set([...parts.map((p) => p.departmentId), row.departmentId, ...meetings.flatMap((m) => m.invitees)])];
  const peopleIds = [...new Set([...parts.flatMap((p) => [p.assigneeId, p.answeredBy]), ...meetings.map((m) => m.calledBy)].filter((x): x is string => !!x))];
  const [depts, people, calendar, pauses] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, deptIds)),
    peopleIds.length ? db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(inArray(users.id, peopleIds)) : [],
    calendarFor(db, row.centerId),
    row.acceptedOn ? pausesOf(db, row.id) : [],
  ]);
  const dept = (id: string) => ({ id, name: depts.find((d) => d.id === id)?.name ?? '' });
  const person = (id: string | null) => (id && staff ? { id, displayName: people.find((u) => u.id === id)?.displayName ?? '' } : null);
  // Who called a meeting: the center's management office or the lead department (as callMeeting records it), and the person (staff only).
  const callerOf = (id: string) => {
    const side = callerSide(people.find((u) => u.id === id)?.role ?? '');
    return { side, label: MEETING_CALLER_LABELS[side], department: side === 'lead' ? dept(row.departmentId) : null, person: person(id) };
  };
  return {
    participants: parts.map((p) => {
      const light = row.acceptedOn ? partClock(calendar, row, p, pauses, today).light : null;
      return {
        department: dept(p.departmentId), task: p.task, subLimitWorkingDays: p.subLimitWorkingDays, subDue: p.subDue, deemOn: p.deemOn,
        light, state: p.status, stateLabel: PART_STATUS_LABELS[p.status], assignee: person(p.assigneeId),
        opinion: p.opinion ? { value: p.opinion, label: OPINION_LABELS[p.opinion], text: p.opinionText ?? '', files: p.opinionFiles, on: p.answeredOn, by: person(p.answeredBy) } : null,
        deemed: p.status === 'deemed', deemedOn: p.deemedOn, escalated: p.escalatedOn !== null, escalatedOn: p.escalatedOn,
      };
    }),
    meetings: meetings.map((m) => ({
      id: m.id, at: new Date(m.at).toISOString(), place: m.place, agenda: m.agenda, invitees: m.invitees.map(dept), held: m.held,
      calledBy: callerOf(m.calledBy),
      attended: m.attended?.map(dept) ?? null, minutes: m.minutes, opinions: (m.opinions ?? []).map((o) => ({ ...o, department: dept(o.departmentId), label: OPINION_LABELS[o.opinion] })),
    })),
  };
}

/** Is the user on a participant department of this case (so they may read it)? */
export async function participatesIn(db: Queryable, caseId: string, departmentId: string | null): Promise<boolean> {
  if (!departmentId) return false;
  const [hit] = await db.select({ id: caseParticipants.id }).from(caseParticipants).where(and(eq(caseParticipants.caseId, caseId), eq(caseParticipants.departmentId, departmentId))).limit(1);
  return !!hit;
}

/** Open meeting of a case, if any. */
export async function openMeeting(db: Queryable, caseId: string) {
  const [m] = await db.select().from(caseMeetings).where(and(eq(caseMeetings.caseId, caseId), eq(caseMeetings.held, false))).limit(1);
  return m ?? null;
}

