/**
 * Writes the ladder steps a set of cases has reached: the step row (with the frozen
 * content of its printable document), the accountability record, the outbox notices and
 * the audit rows — set-based, a few statements for any number of cases, so the sweep's
 * cost follows the number of cases that change.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import type { Role } from '../core/auth/roles.js';
import { centers, departments } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { appendAuditMany, lockAuditChain, type AuditInput } from '../core/audit/audit.js';
import type { Notice } from '../core/outbox/enqueue.js';
import type { NoticeTemplate } from '../notify/templates.js';
import { enqueueMany, insertCharges, insertSteps } from './bulk.js';
import { handlingSteps } from '../cases/machine.js';
import { itemVersionOf, type CaseRow } from '../cases/repo.js';
import { ladderSteps, type LadderLight } from './schema.js';
import { LADDER, answerDue, docNumber, rungOf, storedLight, type Recipient } from './ladder.js';
import { settingsFor } from './settings.js';

/** What the ladder needs of a case (the sweep reads only these columns). */
export type LadderCase = Pick<CaseRow, 'id' | 'centerId' | 'departmentId' | 'state' | 'caseNo' | 'itemName' | 'itemCode' | 'itemId' | 'itemVersion'
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

/** Reserves k consecutive numbers of a named counter; returns the first. */
async function reserve(tx: Tx, key: string, k: number): Promise<number> {
  const [r] = await rows<{ n: number }>(tx, sql`
    insert into counters (key, n) values (${key}, ${k}) on conflict (key) do update set n = counters.n + ${k} returning n`);
  return Number(r.n) - k + 1;
}

/**
 * Records the ladder step each case's current light calls for, unless already recorded
 * (one per case and light). The caller holds the cases' row locks. Returns steps written.
 */
export async function recordLadderSteps(tx: Tx, list: readonly LadderCase[], today: string, now: Date): Promise<number> {
  const lit = list.map((row) => ({ row, light: rungOf(storedLight(row, today)) })).filter((c): c is { row: LadderCase; light: LadderLight } => c.light !== null);
  if (lit.length === 0) return 0;
  const existing = await tx.select({ caseId: ladderSteps.caseId, light: ladderSteps.light }).from(ladderSteps)
    .where(inArray(ladderSteps.caseId, uniq(lit.map((c) => c.row.id))));
  const have = new Set(existing.map((e) => `${e.caseId}:${e.light}`));
  const fresh = lit.filter((c) => !have.has(`${c.row.id}:${c.light}`));
  if (fresh.length === 0) return 0;

  const rowsOnly = fresh.map((c) => c.row);
  const centerIds = uniq(rowsOnly.map((r) => r.centerId));
  const [people, centerRows, deptRows] = [
    await peopleFor(tx, rowsOnly),
    await tx.select({ id: centers.id, name: centers.name }).from(centers).where(inArray(centers.id, centerIds)),
    await tx.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, uniq(rowsOnly.map((r) => r.departmentId)))),
  ];
  const centerName = new Map(centerRows.map((c) => [c.id, c.name]));
  const deptName = new Map(deptRows.map((d) => [d.id, d.name]));
  const perCenter = new Map<string, { answerDue: string }>();
  for (const id of centerIds) {
    const [calendar, settings] = [await calendarFor(tx, id), await settingsFor(tx, id)];
    perCenter.set(id, { answerDue: answerDue(calendar, today, settings.orderAnswerDays) });
  }
  // Lock order: the audit chain before the counters, as in a case action (which appends its
  // audit row before its hooks run) — otherwise a sweep and an action could deadlock.
  await lockAuditChain(tx);
  // Document numbers: one counter reservation per (center, kind, year).
  const year = today.slice(0, 4);
  const groups = new Map<string, number>();
  for (const c of fresh) { const k = `${c.row.centerId}:${LADDER[c.light].kind}`; groups.set(k, (groups.get(k) ?? 0) + 1); }
  const next = new Map<string, number>();
  for (const [k, n] of groups) next.set(k, await reserve(tx, `supervision:${k}:${year}`, n));

  const nowIso = now.toISOString();
  const planned = [];
  for (const { row, light } of fresh) {
    const rung = LADDER[light];
    const k = `${row.centerId}:${rung.kind}`;
    const seq = next.get(k)!;
    next.set(k, seq + 1);
    const guide = await itemVersionOf(tx, row);
    const holder = holderOf(row);
    const holderPerson = holder ? people.find((p) => p.id === holder) : undefined;
    const to = recipientsOf(rung.recipients, row, people);
    const due = rung.kind === 'order' ? perCenter.get(row.centerId)!.answerDue : null;
    const snapshot = {
      title: rung.title, caseNo: row.caseNo, itemName: row.itemName, itemCode: row.itemCode, state: row.state,
      centerName: centerName.get(row.centerId) ?? '', departmentName: deptName.get(row.departmentId) ?? '',
      acceptedOn: row.acceptedOn, promisedDue: row.promisedDue, statutoryDue: row.statutoryDue, light,
      stepName: handlingSteps(guide.procedure)[row.stepIndex]?.name ?? null,
      holder: holderPerson ? { id: holderPerson.id, name: holderPerson.displayName } : null,
      recipients: to.map((p) => ({ id: p.id, name: p.displayName, role: p.role })), answerDue: due,
    };
    planned.push({ row, light, rung, to, holder, snapshot, values: {
      caseId: row.id, light, kind: rung.kind, centerId: row.centerId, departmentId: row.departmentId,
      docNo: docNumber(centerName.get(row.centerId) ?? '', rung.mark, year, seq), issuedOn: today, issuedAt: nowIso, snapshot, answerDue: due,
    } });
  }
  const inserted = new Map<string, string>();
  for (const part of chunks(planned, 5000)) {
    const got = await insertSteps(tx, part.map(({ values: v }) => ({
      case_id: v.caseId, light: v.light, kind: v.kind, center_id: v.centerId, department_id: v.departmentId, doc_no: v.docNo,
      issued_on: v.issuedOn, issued_at: v.issuedAt, snapshot: v.snapshot, answer_due: v.answerDue,
    })));
    for (const g of got) inserted.set(`${g.case_id}:${g.light}`, g.id);
  }
  const written = planned.filter((p) => inserted.has(`${p.row.id}:${p.light}`)).map((p) => ({ ...p, stepId: inserted.get(`${p.row.id}:${p.light}`)! }));

  const charges = written.filter((p) => p.rung.charge).map((p) => ({
    step_id: p.stepId, case_id: p.row.id, kind: p.rung.charge!, center_id: p.row.centerId, department_id: p.row.departmentId,
    user_id: p.holder, step_name: p.snapshot.stepName, recorded_on: today, recorded_at: nowIso,
  }));
  for (const part of chunks(charges, 5000)) await insertCharges(tx, part);

  const notices = written.flatMap((p) => p.to.flatMap((person) => noticesFor(person, `supervision.${p.rung.kind}`, {
    caseId: p.row.id, caseNo: p.row.caseNo, itemName: p.row.itemName, stepId: p.stepId, docNo: p.values.docNo, answerDue: p.values.answerDue,
  })));
  for (const part of chunks(notices, 20000)) await enqueueMany(tx, part, now);

  const audit: AuditInput[] = written.map((p) => ({
    actorId: null, actorRole: 'system', action: `supervision.${p.rung.kind}`, entityType: 'case', entityId: p.row.id,
    after: { light: p.light, stepId: p.stepId, docNo: p.values.docNo, recipients: p.to.map((x) => x.id), chargedTo: p.rung.charge ? { departmentId: p.row.departmentId, userId: p.holder } : null },
    at: now,
  }));
  await appendAuditMany(tx, audit);
  return written.length;
}
