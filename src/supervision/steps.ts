/**
 * Writes the ladder steps a set of cases has reached: the step row (with the frozen
 * content of its printable document), the accountability record, the outbox notices and
 * the audit rows — set-based, a few statements for any number of cases, so the sweep's
 * cost follows the number of cases that change.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import type { Role } from '../core/auth/roles.js';
import { centers, departments } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { trackDeadlinesSql } from '../core/deadlines/track.js';
import { ANSWER_DUE } from './deadlines.js';
import { auditInsertSql, type AuditInput } from '../core/audit/audit.js';
import type { Notice } from '../core/outbox/enqueue.js';
import type { NoticeTemplate } from '../notify/templates.js';
import { chargesInsertSql, stepsInsertSql } from './bulk.js';
import { handlingSteps } from '../cases/machine.js';
import { itemVersionOf, reserveCounters, type CaseRow } from '../cases/repo.js';
import { ladderSteps, type LadderLight } from './schema.js';
import { LADDER, answerDue, docNumber, rungFor, storedLight, type Recipient } from './ladder.js';
import { settingsFor, type SupervisionSettings } from './settings.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { randomUUID } from 'node:crypto';

/** What the ladder needs of a case (the sweep reads only these columns). */
export type LadderCase = Pick<CaseRow, 'id' | 'centerId' | 'departmentId' | 'state' | 'kind' | 'caseNo' | 'itemName' | 'itemCode' | 'itemId' | 'itemVersion'
  | 'stepIndex' | 'assigneeId' | 'coordinatorId' | 'acceptedOn' | 'promisedDue' | 'statutoryDue' | 'yellowOn'>;

interface Person { id: string; role: Role; departmentId: string | null; centerId: string | null; phone: string | null; displayName: string }

export const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
export function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The person holding the late step: the assignee, else the coordinator. */
export const holderOf = (row: Pick<CaseRow, 'assigneeId' | 'coordinatorId'>) => row.assigneeId ?? row.coordinatorId;

async function peopleFor(tx: Tx, list: readonly LadderCase[]): Promise<Person[]> {
  const deptIds = uniq(list.map((r) => r.departmentId));
  const centerIds = uniq(list.map((r) => r.centerId));
  const named = uniq(list.flatMap((r) => [r.assigneeId, r.coordinatorId]).filter((x): x is string => !!x));
  return tx.select({ id: users.id, role: users.role, departmentId: users.departmentId, centerId: users.centerId, phone: users.phone, displayName: users.displayName })
    .from(users).where(and(eq(users.active, true), or(
      and(inArray(users.departmentId, deptIds), inArray(users.role, ['coordinator', 'chiefRep', 'leader'])),
      and(inArray(users.centerId, centerIds), eq(users.role, 'supervisor')),
      ...(named.length ? [inArray(users.id, named)] : []),
    )));
}

/** Resolves a rung's recipients for one case (deduplicated). */
export function recipientsOf(recipients: readonly Recipient[], row: LadderCase, people: readonly Person[]): Person[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const inDept = (role: Role) => people.filter((p) => p.role === role && p.departmentId === row.departmentId);
  const out = new Map<string, Person>();
  const add = (ps: (Person | undefined)[]) => ps.forEach((p) => p && out.set(p.id, p));
  for (const r of recipients) {
    if (r === 'coordinator') add(row.coordinatorId ? [byId.get(row.coordinatorId)] : inDept('coordinator'));
    else if (r === 'holder') { const h = holderOf(row); add(h ? [byId.get(h)] : []); }
    else if (r === 'supervisor') add(people.filter((p) => p.role === 'supervisor' && p.centerId === row.centerId));
    else add(inDept(r));
  }
  return [...out.values()];
}

/** Notices for one person: in-app always, SMS when the account has a phone. */
export function noticesFor(p: Person, template: NoticeTemplate, payload: Record<string, unknown>): Notice[] {
  const list: Notice[] = [{ channel: 'inApp', recipientUserId: p.id, template, payload }];
  if (p.phone) list.push({ channel: 'sms', recipientUserId: p.id, address: p.phone, template, payload });
  return list;
}

/** What the sweep already knows, so the ladder does not read it again. */
export interface LadderPrefetch {
  /** Lights already recorded per case (read with the due rows, under their row locks). */
  recorded?: ReadonlyMap<string, readonly string[]>;
  /** The center's calendar and settings. */
  centers?: ReadonlyMap<string, { calendar: WorkCalendar; settings: SupervisionSettings }>;
  mark?: (phase: string) => void;
  /**
   * Statements of the caller to run in the same final statement as the step rows (the
   * sweep's clock-column UPDATE as a WITH sub-statement, its board NOTIFY as an
   * expression); `ran()` is called when they did run (i.e. steps were written).
   */
  also?: { statements: SQL[]; expressions: SQL[]; ran: () => void };
}

/**
 * Records the ladder step each case's current light calls for, unless already recorded
 * (one per case and light). The caller holds the cases' row locks. Returns steps written.
 *
 * A few statements for any number of cases: the recipients and names (three reads), the
 * document numbers (one statement), then the
 * step rows, accountability records, outbox notices and ONE audit row per rung listing its
 * steps (one statement with four inserts).
 */
export async function recordLadderSteps(tx: Tx, list: readonly LadderCase[], today: string, now: Date, pre: LadderPrefetch = {}): Promise<number> {
  const mark = pre.mark ?? (() => {});
  const lit = list.map((row) => ({ row, light: rungFor(storedLight(row, today), row.kind) })).filter((c): c is { row: LadderCase; light: LadderLight } => c.light !== null);
  if (lit.length === 0) return 0;
  let recorded = pre.recorded;
  if (!recorded) {
    // Only the lit cases are probed; one JSON parameter (an IN list of thousands of bind
    // parameters is slow to bind and plan).
    const existing = await rows<{ case_id: string; light: string }>(tx, sql`
      select case_id, light from ${ladderSteps}
       where case_id in (select jsonb_array_elements_text(${JSON.stringify(uniq(lit.map((c) => c.row.id)))}::jsonb)::uuid)`);
    const m = new Map<string, string[]>();
    for (const e of existing) m.set(e.case_id, [...(m.get(e.case_id) ?? []), e.light]);
    recorded = m;
  }
  const fresh = lit.filter((c) => !recorded.get(c.row.id)?.includes(c.light));
  mark('steps:existing');
  if (fresh.length === 0) return 0;

  const rowsOnly = fresh.map((c) => c.row);
  const centerIds = uniq(rowsOnly.map((r) => r.centerId));
  const people = await peopleFor(tx, rowsOnly);
  // The center and department names, in one read.
  const names = await rows<{ k: string; id: string; name: string }>(tx, sql`
    select 'c' as k, id, name from ${centers} where ${inArray(centers.id, centerIds)}
    union all
    select 'd' as k, id, name from ${departments} where ${inArray(departments.id, uniq(rowsOnly.map((r) => r.departmentId)))}`);
  const centerName = new Map(names.filter((n) => n.k === 'c').map((c) => [c.id, c.name]));
  const deptName = new Map(names.filter((n) => n.k === 'd').map((d) => [d.id, d.name]));
  const perCenter = new Map<string, { answerDue: string; days: number }>();
  for (const id of centerIds) {
    const known = pre.centers?.get(id);
    const [calendar, settings] = known ? [known.calendar, known.settings] : [await calendarFor(tx, id), await settingsFor(tx, id)];
    perCenter.set(id, { answerDue: answerDue(calendar, today, settings.orderAnswerDays), days: settings.orderAnswerDays });
  }
  mark('steps:people');
  // Document numbers: one counter reservation per (center, kind, year), in key order (the
  // same order as a case action's reservations, so the two never wait on each other in a cycle).
  const year = today.slice(0, 4);
  const groups = new Map<string, number>();
  for (const c of fresh) { const k = `supervision:${c.row.centerId}:${LADDER[c.light].kind}:${year}`; groups.set(k, (groups.get(k) ?? 0) + 1); }
  const next = await reserveCounters(tx, groups);
  mark('steps:counters');

  const nowIso = now.toISOString();
  const guides = new Map<string, string | null>();
  const recipientsMemo = new Map<string, Person[]>();
  interface Planned {
    row: LadderCase; light: LadderLight; rung: (typeof LADDER)[LadderLight]; to: Person[]; holder: string | null;
    snapshot: Record<string, unknown> & { stepName: string | null }; stepId: string; docNo: string; answerDue: string | null;
  }
  const planned: Planned[] = [];
  for (const { row, light } of fresh) {
    const rung = LADDER[light];
    const k = `supervision:${row.centerId}:${rung.kind}:${year}`;
    const seq = next.get(k)!;
    next.set(k, seq + 1);
    const gk = `${row.itemId}@${row.itemVersion}:${row.stepIndex}`;
    if (!guides.has(gk)) guides.set(gk, handlingSteps((await itemVersionOf(tx, row)).procedure)[row.stepIndex]?.name ?? null);
    const holder = holderOf(row);
    const holderPerson = holder ? people.find((p) => p.id === holder) : undefined;
    const rk = `${light}:${row.centerId}:${row.departmentId}:${row.coordinatorId}:${holder}`;
    let to = recipientsMemo.get(rk);
    if (!to) recipientsMemo.set(rk, to = recipientsOf(rung.recipients, row, people));
    const due = rung.kind === 'order' ? perCenter.get(row.centerId)!.answerDue : null;
    const snapshot = {
      title: rung.title, caseNo: row.caseNo, itemName: row.itemName, itemCode: row.itemCode, state: row.state,
      centerName: centerName.get(row.centerId) ?? '', departmentName: deptName.get(row.departmentId) ?? '',
      acceptedOn: row.acceptedOn, promisedDue: row.promisedDue, statutoryDue: row.statutoryDue, light,
      stepName: guides.get(gk)!,
      holder: holderPerson ? { id: holderPerson.id, name: holderPerson.displayName } : null,
      recipients: to.map((p) => ({ id: p.id, name: p.displayName, role: p.role })), answerDue: due,
    };
    planned.push({ row, light, rung, to, holder, snapshot, stepId: randomUUID(), docNo: docNumber(centerName.get(row.centerId) ?? '', rung.mark, year, seq), answerDue: due });
  }

  const steps = planned.map((p) => ({
    id: p.stepId, case_id: p.row.id, light: p.light, kind: p.rung.kind, center_id: p.row.centerId, department_id: p.row.departmentId, doc_no: p.docNo,
    issued_on: today, issued_at: nowIso, snapshot: p.snapshot, answer_due: p.answerDue,
  }));
  const charges = planned.filter((p) => p.rung.charge).map((p) => ({
    step_id: p.stepId, case_id: p.row.id, kind: p.rung.charge!, center_id: p.row.centerId, department_id: p.row.departmentId,
    user_id: p.holder, step_name: p.snapshot.stepName, recorded_on: today, recorded_at: nowIso,
  }));
  // Notices: the payload (case number, item name, document number…) is taken from the step
  // rows the same statement writes, so only who gets what travels with the statement.
  const notices = planned.flatMap((p) => p.to.flatMap((person) => noticesFor(person, `supervision.${p.rung.kind}`, {}).map((n) => ({
    step_id: p.stepId, channel: n.channel, recipient_user_id: n.recipientUserId ?? null, address: n.address ?? null, template: n.template,
  }))));
  // One audit row per rung for the whole batch (not one per case), listing its steps as
  // [case, step, document number, recipients, charged user] (a single step keeps the
  // per-case form: entity = the case).
  const entry = (p: Planned) => ({
    light: p.light, stepId: p.stepId, docNo: p.docNo, recipients: p.to.map((x) => x.id), chargedTo: p.rung.charge ? { departmentId: p.row.departmentId, userId: p.holder } : null,
  });
  const audit: AuditInput[] = [];
  for (const kind of uniq(planned.map((p) => p.rung.kind))) {
    const of = planned.filter((p) => p.rung.kind === kind);
    audit.push(of.length === 1
      ? { actorId: null, actorRole: 'system', action: `supervision.${kind}`, entityType: 'case', entityId: of[0].row.id, after: entry(of[0]), at: now }
      : { actorId: null, actorRole: 'system', action: `supervision.${kind}`, entityType: 'ladderBatch', entityId: of[0].stepId,
          after: { light: of[0].light, count: of.length, issuedOn: today, charged: of[0].rung.charge !== null,
            columns: ['caseId', 'stepId', 'docNo', 'recipients', 'chargedUserId'],
            steps: of.map((p) => [p.row.id, p.stepId, p.docNo, p.to.map((x) => x.id), p.rung.charge ? p.holder : null]) }, at: now });
  }
  // The answer dates follow the calendar (src/deadlines.ts): their facts go with the steps.
  const orders = planned.filter((p) => p.answerDue).map((p) => ({ rowId: p.stepId, centerId: p.row.centerId, startOn: today, workingDays: perCenter.get(p.row.centerId)!.days, due: p.answerDue! }));
  mark('steps:plan');
  const statement = sql`
    with s as (${stepsInsertSql(steps)}),
         c as (${charges.length ? chargesInsertSql(charges) : sql`select 1`}),
         o as (${notices.length ? sql`
           insert into outbox (channel, recipient_user_id, address, template, payload, next_attempt_at, created_at)
           select n.channel, n.recipient_user_id, n.address, n.template,
                  jsonb_build_object('caseId', st.case_id, 'caseNo', st.snapshot->>'caseNo', 'itemName', st.snapshot->>'itemName',
                                     'stepId', st.id, 'docNo', st.doc_no, 'answerDue', st.answer_due),
                  ${nowIso}::timestamptz, ${nowIso}::timestamptz
             from json_to_recordset(${JSON.stringify(notices)}::json) as n(step_id uuid, channel text, recipient_user_id uuid, address text, template text)
             join s st on st.id = n.step_id` : sql`select 1`}),
         a as (${auditInsertSql(audit)}),
         w as (${trackDeadlinesSql(ANSWER_DUE, orders) ?? sql`select 1`})${sql.join((pre.also?.statements ?? []).map((x, i) => sql`,
         x${sql.raw(String(i))} as (${x})`))}
    select (select count(*) from s)::int as written${sql.join((pre.also?.expressions ?? []).map((x, i) => sql`, ${x} as e${sql.raw(String(i))}`))}`;
  mark('steps:sql');
  const [{ written }] = await rows<{ written: number }>(tx, statement);
  // Under the cases' row locks no other writer can have recorded these steps since they
  // were read; if one did, the notices and the audit row would name a step that was not
  // written: roll back (the next run redoes the batch).
  if (Number(written) !== planned.length) throw new Error(`ladder: ${planned.length - Number(written)} step(s) recorded concurrently; batch rolled back`);
  pre.also?.ran();
  mark('steps:write');
  return planned.length;
}
