import { outer } from '../core/db/outer.js';
import { containsPattern } from '../core/like.js';
import { SYSTEM_EVENT_LABELS } from './types.js';
import { displayLight, intakeLight, pledgeOverdue } from './intake.js';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { ROLE_LABELS, type Role } from '../core/auth/roles.js';
import { users } from '../core/auth/schema.js';
import { centers, departments } from '../core/org/schema.js';
import { centerById, departmentById } from '../core/org/lookup.js';
import { badRequest, forbidden, notFound } from '../core/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../core/mask.js';
import { normalizeIdNumber } from '../core/identity/index.js';
import { caseDocuments, caseEvents, caseMaterials, cases } from './schema.js';
import { caseEngine } from './ports.js';
import { caseFacts, clockFrom, clockOf, itemVersionOf, loadCase, pausesJson, type CaseRow, type PauseFacts } from './repo.js';
import { allowedActions, handlingSteps, type CaseFacts } from './machine.js';
import { asRepresentative, representativeMay } from './representative.js';
import { CASE_ACTION_LABELS, CASE_STATE_LABELS, FINISHED_STATES, INTERNAL_DOCUMENTS, JOINT_EVENT_LABELS, PART_STATUS_LABELS, type CaseState, type DocumentKind, type PartStatus } from './types.js';
import { caseParticipants } from './joint/schema.js';
import { jointFacts, participantsView, participatesIn } from './joint/parts.js';

const DEPARTMENT_ROLES: readonly Role[] = ['coordinator', 'handler', 'chiefRep', 'leader'];
const CENTER_READERS: readonly Role[] = ['receiver', 'centerAdmin', 'supervisor'];

/** Who may read a case (domain §12). */
export function canReadCase(user: SessionUser, row: Pick<CaseRow, 'applicantUserId' | 'submittedBy' | 'departmentId' | 'centerId'>): boolean {
  if (user.role === 'applicant') return row.applicantUserId === user.id;
  if (user.role === 'agent') return row.submittedBy === user.id;
  if (DEPARTMENT_ROLES.includes(user.role)) return row.departmentId === user.departmentId;
  return CENTER_READERS.includes(user.role) && user.centerScope.includes(row.centerId);
}

/** The same rule as SQL, for lists. */
function scopeWhere(user: SessionUser): SQL {
  if (user.role === 'applicant') return eq(cases.applicantUserId, user.id);
  if (user.role === 'agent') return eq(cases.submittedBy, user.id);
  if (DEPARTMENT_ROLES.includes(user.role)) return eq(cases.departmentId, user.departmentId ?? '00000000-0000-0000-0000-000000000000');
  if (user.centerScope.length === 0) return sql`false`;
  return user.centerScope.length === 1 ? eq(cases.centerId, user.centerScope[0]) : inArray(cases.centerId, user.centerScope);
}

/**
 * Beyond canReadCase: staff of a joint case's participant departments read it (they work
 * on its materials), and so does the green channel's appointed coordinator (全程代办).
 */
export async function mayReadCase(db: Queryable, user: SessionUser, row: CaseRow): Promise<boolean> {
  if (canReadCase(user, row)) return true;
  if (row.greenCoordinatorId && row.greenCoordinatorId === user.id) return true;
  return row.kind === 'joint' && DEPARTMENT_ROLES.includes(user.role) && participatesIn(db, row.id, user.departmentId);
}

interface Bundle {
  row: CaseRow;
  materials: { materialId: string; provided: boolean; fileId: string | null }[];
  events: { seq: number; at: string; actorId: string | null; actorRole: string; action: string; fromState: string | null; toState: string; data: Record<string, unknown> }[];
  documents: { id: string; kind: string; title: string; docNo: string; issuedAt: string }[];
  pauses: PauseFacts[];
  people: { id: string; displayName: string; role: Role }[];
}

/**
 * The case with everything its view shows — materials, events, documents, pauses and the
 * names of the people involved — in ONE statement: the view follows every action, and
 * six round trips cost more than the reads themselves.
 */
async function loadBundle(db: Queryable, id: string): Promise<Bundle> {
  const list = (q: SQL) => sql`coalesce((${q}), '[]'::json)`;
  const [found] = await db.select({
    row: cases,
    materials: sql<Bundle['materials']>`${list(sql`select json_agg(json_build_object('materialId', m.material_id, 'provided', m.provided, 'fileId', m.file_id))
      from ${caseMaterials} m where m.case_id = ${cases}.id`)}`,
    events: sql<Bundle['events']>`${list(sql`select json_agg(json_build_object('seq', e.seq, 'at', e.at, 'actorId', e.actor_id, 'actorRole', e.actor_role,
      'action', e.action, 'fromState', e.from_state, 'toState', e.to_state, 'data', e.data) order by e.seq) from ${caseEvents} e where e.case_id = ${cases}.id`)}`,
    documents: sql<Bundle['documents']>`${list(sql`select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title', d.title, 'docNo', d.doc_no, 'issuedAt', d.issued_at)
      order by d.issued_at) from ${caseDocuments} d where d.case_id = ${cases}.id`)}`,
    pauses: pausesJson(),
    people: sql<Bundle['people']>`${list(sql`select json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'role', u.role)) from ${users} u
      where u.id in (select e.actor_id from ${caseEvents} e where e.case_id = ${cases}.id
                     union select unnest(array[${cases}.assignee_id, ${cases}.coordinator_id, ${cases}.green_coordinator_id]))`)}`,
  }).from(cases).where(eq(cases.id, id));
  if (!found) throw notFound('Case', '办件');
  return found;
}

export async function caseView(ctx: AppContext, user: SessionUser, id: string) {
  const { row, materials, events, documents, pauses, people: involved } = await loadBundle(ctx.db, id);
  if (!(await mayReadCase(ctx.db, user, row))) throw forbidden('This case is outside your scope', '该办件不在您的权限范围内');
  const today = ctx.today();
  const [guide, clock, deptRow, centerRow] = await Promise.all([
    itemVersionOf(ctx.db, row),
    clockFrom(ctx.db, row, row.acceptedOn ? pauses : [], ctx.today()),
    departmentById(ctx.db, row.departmentId),
    centerById(ctx.db, row.centerId),
  ]);
  const [joint, facts, paymentDue, deliveryHeldBy] = await Promise.all([
    participantsView(ctx.db, row, ctx.today(), user.role !== 'applicant'), jointFacts(ctx.db, row, guide), caseEngine().paymentDue(ctx.db, row, guide),
    row.state === 'resultReady' ? caseEngine().deliveryHeld(ctx.db, row) : [],
  ]);
  const people = new Map(involved.map((u) => [u.id, u]));
  const person = (uid: string | null) => (uid && people.get(uid) ? { id: uid, displayName: people.get(uid)!.displayName } : null);
  const have = new Map(materials.map((m) => [m.materialId, m]));
  const steps = handlingSteps(guide.procedure);
  const step = steps[row.stepIndex];
  const staff = user.role !== 'applicant';
  return {
    id: row.id, caseNo: row.caseNo, queryCode: row.queryCode, state: row.state, stateLabel: CASE_STATE_LABELS[row.state], outcome: row.outcome,
    kind: row.kind, channel: row.channel, version: row.version, keyProject: row.keyProject,
    item: { id: row.itemId, code: row.itemCode, version: row.itemVersion, name: row.itemName },
    department: { id: deptRow.id, name: deptRow.name }, center: { id: centerRow.id, name: centerRow.name },
    applicant: {
      kind: row.applicantKind, name: row.applicantName,
      idNumber: maskIdNumber(row.applicantIdNumber), phone: maskPhone(row.applicantPhone),
    },
    coApplicants: row.coApplicants.map((p) => ({ name: p.name, idNumber: maskIdNumber(p.idNumber), phone: p.phone ? maskPhone(p.phone) : null })),
    formData: row.formData,
    materials: guide.materials.map((m) => ({
      materialId: m.id, name: m.name, required: m.required, condition: m.condition ?? null, major: m.major, source: m.source,
      provided: have.get(m.id)?.provided ?? false, fileId: have.get(m.id)?.fileId ?? null, owed: row.owed.includes(m.id),
    })),
    steps: steps.map((s) => ({ name: s.name, role: s.role })),
    // 即办 cases are decided at the window: their handling steps are not a queue.
    step: step && row.state !== 'submitted' && row.kind !== 'immediate' ? { index: row.stepIndex, name: step.name, role: step.role } : null,
    coordinator: person(row.coordinatorId), assignee: person(row.assigneeId),
    // 绿色通道 (key project) and its appointed coordinator (全程代办).
    greenCoordinator: person(row.greenCoordinatorId),
    // 联办: each participant's part (null for other kinds) and the joint review meetings.
    participants: joint.participants, meetings: joint.meetings,
    overdueDefault: row.kind === 'joint' ? guide.overdueDefault : null,
    pendingExtension: row.pendingExtension ? { workingDays: row.pendingExtension.workingDays, reason: row.pendingExtension.reason, requestedAt: row.pendingExtension.requestedAt } : null,
    extensionDays: row.extensionDays, supplementCount: row.supplementCount,
    clock: {
      acceptedOn: clock.acceptedOn, promisedDue: clock.promisedDue, statutoryDue: clock.statutoryDue, usedWorkingDays: clock.usedWorkingDays,
      pausedWorkingDays: clock.pausedWorkingDays, remainingWorkingDays: clock.remainingWorkingDays, light: displayLight(clock.light, row, today), paused: clock.paused,
      fallback: clock.fallback,
    },
    // 接件 → 受理: the acceptance decision's deadline while the case waits for it.
    intake: row.state === 'submitted' ? { receivedOn: row.receivedOn, acceptBy: row.acceptBy, light: intakeLight(row.acceptBy, today) } : null,
    // 容缺: the pledge's deadline for the owed materials.
    pledge: row.owed.length ? { owedBy: row.owedBy, overdue: pledgeOverdue(row, today) } : null,
    deemOn: row.deemOn,
    events: events.map((e) => ({
      seq: e.seq, at: new Date(e.at).toISOString(), action: e.action, label: CASE_ACTION_LABELS[e.action as keyof typeof CASE_ACTION_LABELS] ?? JOINT_EVENT_LABELS[e.action as keyof typeof JOINT_EVENT_LABELS] ?? SYSTEM_EVENT_LABELS[e.action] ?? e.action,
      fromState: e.fromState, toState: e.toState, data: e.data,
      actor: staff ? { id: e.actorId, displayName: e.actorId ? people.get(e.actorId)?.displayName ?? '' : '', role: e.actorRole } : { id: null, displayName: ROLE_LABELS[e.actorRole as Role] ?? '', role: e.actorRole },
    })),
    // The internal paperwork (办理通知书, 全程承办单, 控制单) is for staff only.
    documents: documents.filter((d) => staff || !INTERNAL_DOCUMENTS.includes(d.kind as DocumentKind)).map((d) => ({ ...d, issuedAt: new Date(d.issuedAt).toISOString() })),
    allowedActions: allowedFor(user, row, { ...caseFacts(row, guide, facts), paymentDue, deliveryHeldBy }),
  };
}

function allowedFor(user: SessionUser, row: CaseRow, facts: CaseFacts) {
  const rep = asRepresentative(user, row.submittedBy, facts);
  return allowedActions(rep.facts, rep.actor).filter((a) => representativeMay(user, a));
}

export async function documentHtml(ctx: AppContext, user: SessionUser | null, caseId: string, docId: string) {
  const row = await loadCase(ctx.db, caseId);
  if (!user || !(await mayReadCase(ctx.db, user, row))) throw forbidden('This case is outside your scope', '该办件不在您的权限范围内');
  const [doc] = await ctx.db.select({ html: caseDocuments.html, kind: caseDocuments.kind }).from(caseDocuments).where(and(eq(caseDocuments.id, docId), eq(caseDocuments.caseId, caseId)));
  if (!doc || (user.role === 'applicant' && INTERNAL_DOCUMENTS.includes(doc.kind as DocumentKind))) throw notFound('Document', '文书');
  return doc.html;
}

/** May the user read a file because it is attached to a case they may read? */
export async function fileReadableViaCase(ctx: AppContext, user: SessionUser, fileId: string): Promise<boolean> {
  const rows = await ctx.db.select({ row: cases }).from(caseMaterials).innerJoin(cases, eq(cases.id, caseMaterials.caseId)).where(eq(caseMaterials.fileId, fileId));
  // A participant's opinion documents are read by whoever may read the joint case.
  const opinions = await ctx.db.select({ row: cases }).from(caseParticipants).innerJoin(cases, eq(cases.id, caseParticipants.caseId))
    .where(sql`${caseParticipants.opinionFiles} @> ${JSON.stringify([fileId])}::jsonb`);
  for (const { row } of [...rows, ...opinions]) if (await mayReadCase(ctx.db, user, row)) return true;
  return false;
}

// ---- the worklist ----------------------------------------------------------------------

export interface ListQuery { state?: string; light?: string; assignee?: string; q?: string; cursor?: string; limit: number }

const dueKey = sql`coalesce(${cases.promisedDue}, '9999-12-31'::date)`;

/**
 * Light as SQL over the stored clock columns and today (paused cases keep their light).
 * Written on the indexed due-date expression so each light is one index range.
 */
function lightWhere(light: string, today: string): SQL {
  const dated = sql`${cases.promisedDue} is not null and ${cases.state} in ('accepted', 'inProgress', 'suspended', 'reportedUp')`;
  // Waiting for the acceptance decision (接件 → 受理): its own deadline's light.
  const intake = sql`${cases.state} = 'submitted' and ${cases.acceptBy} is not null`;
  // An overdue 容缺 pledge turns a green or yellow case red (see intake.ts displayLight).
  const pledgeLate = sql`${cases.owedBy} is not null and ${cases.owedBy} < ${today}::date`;
  switch (light) {
    case 'black': return sql`${dated} and ${dueKey} < ${today}::date and ${cases.statutoryDue} < ${today}::date`;
    case 'red': return sql`((${dated} and ${cases.statutoryDue} >= ${today}::date and (${dueKey} < ${today}::date or ${pledgeLate})) or (${intake} and ${cases.acceptBy} < ${today}::date))`;
    case 'yellow': return sql`((${dated} and ${dueKey} >= ${today}::date and ${cases.yellowOn} <= ${today}::date and not (${pledgeLate})) or (${intake} and ${cases.acceptBy} = ${today}::date))`;
    case 'green': return sql`((${dated} and ${dueKey} >= ${today}::date and (${cases.yellowOn} is null or ${cases.yellowOn} > ${today}::date) and not (${pledgeLate})) or (${intake} and ${cases.acceptBy} > ${today}::date))`;
    default: throw badRequest('validation_failed', 'light is green, yellow, red or black', '亮灯状态只能是 green/yellow/red/black', [{ field: 'querystring.light', message: 'invalid' }]);
  }
}

function lightOf(r: Pick<CaseRow, 'promisedDue' | 'statutoryDue' | 'yellowOn' | 'state' | 'acceptBy' | 'owed' | 'owedBy'>, today: string) {
  return displayLight(storedLight(r, today), r, today);
}

function storedLight(r: Pick<CaseRow, 'promisedDue' | 'statutoryDue' | 'yellowOn' | 'state'>, today: string) {
  if (!r.promisedDue || !['accepted', 'inProgress', 'suspended', 'reportedUp'].includes(r.state)) return null;
  if (r.statutoryDue && r.statutoryDue < today) return 'black';
  if (r.promisedDue < today) return 'red';
  if (r.yellowOn && r.yellowOn <= today) return 'yellow';
  return 'green';
}

/**
 * Worklist order: green channel (key projects) first, then the most urgent due date, then
 * id — the key (not key_project, due, id), ascending, which is exactly the worklist
 * indexes' column order, so a page is one index range and the cursor one row comparison.
 */
const kpKey = sql`(not ${cases.keyProject})`;
type SortKey = [notKey: boolean, due: string, id: string];

const encodeCursor = (k: SortKey) => Buffer.from(`${k[0] ? 1 : 0}|${k[1]}|${k[2]}`).toString('base64url');
function decodeCursor(c: string): SortKey {
  const [kp, due, id] = Buffer.from(c, 'base64url').toString().split('|');
  if (!/^[01]$/.test(kp ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(due ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw badRequest('validation_failed', 'Invalid cursor', '分页游标无效', [{ field: 'querystring.cursor', message: 'invalid' }]);
  return [kp === '1', due, id];
}
const compareKeys = (a: SortKey, b: SortKey) => (a[0] !== b[0] ? (a[0] ? 1 : -1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

/** Light of a participant's part on its department's worklist (a sub-limit has no black). */
function partLightWhere(light: string, today: string): SQL {
  const due = sql`coalesce(${caseParticipants.subDue}, '9999-12-31'::date)`;
  switch (light) {
    case 'black': return sql`false`;
    case 'red': return sql`${due} < ${today}::date`;
    case 'yellow': return sql`${due} >= ${today}::date and ${caseParticipants.yellowOn} <= ${today}::date`;
    default: return sql`${due} >= ${today}::date and (${caseParticipants.yellowOn} is null or ${caseParticipants.yellowOn} > ${today}::date)`;
  }
}

function partLightOf(p: { subDue: string | null; yellowOn: string | null; status: PartStatus }, today: string) {
  if (!p.subDue || p.status === 'answered' || p.status === 'deemed') return null;
  if (p.subDue < today) return 'red';
  return p.yellowOn && p.yellowOn <= today ? 'yellow' : 'green';
}

const listColumns = {
  id: cases.id, caseNo: cases.caseNo, itemName: cases.itemName, itemCode: cases.itemCode, kind: cases.kind, state: cases.state, channel: cases.channel,
  applicantName: cases.applicantName, applicantKind: cases.applicantKind, departmentId: cases.departmentId, departmentName: sql<string>`(select name from departments d where d.id = ${outer(cases.departmentId)})`,
  acceptedOn: cases.acceptedOn, promisedDue: cases.promisedDue, statutoryDue: cases.statutoryDue, yellowOn: cases.yellowOn, paused: cases.paused,
  acceptBy: cases.acceptBy, owed: cases.owed, owedBy: cases.owedBy,
  assigneeId: cases.assigneeId, assigneeName: sql<string | null>`(select display_name from users u where u.id = ${outer(cases.assigneeId)})`, keyProject: cases.keyProject, submittedAt: cases.submittedAt,
};

type PartCols = { task: string; subDue: string | null; yellowOn: string | null; status: PartStatus };
interface PartFilter { unfinished: boolean; states: CaseState[] | null; text: SQL | null; cursor: SortKey | null; today: string }

/** The joint parts (联办任务) a department's staff owe, in the worklist's order (sub-due date for due). */
async function partRows(ctx: AppContext, user: SessionUser, q: ListQuery, f: PartFilter) {
  if (!DEPARTMENT_ROLES.includes(user.role) || !user.departmentId) return [];
  const pKey = sql`coalesce(${caseParticipants.subDue}, '9999-12-31'::date)`;
  const pKp = sql`(not ${caseParticipants.keyProject})`;
  const pc: SQL[] = [eq(caseParticipants.departmentId, user.departmentId)];
  if (f.unfinished) pc.push(eq(caseParticipants.open, true));
  if (f.states) pc.push(inArray(cases.state, f.states));
  if (q.light) pc.push(partLightWhere(q.light, f.today));
  if (q.assignee === 'me') pc.push(eq(caseParticipants.assigneeId, user.id));
  if (f.text) pc.push(f.text);
  if (f.cursor) pc.push(sql`(${pKp}, ${pKey}, ${caseParticipants.caseId}) > (${f.cursor[0]}::boolean, ${f.cursor[1]}::date, ${f.cursor[2]}::uuid)`);
  const rows = await ctx.db.select({ ...listColumns, task: caseParticipants.task, subDue: caseParticipants.subDue, partYellowOn: caseParticipants.yellowOn, status: caseParticipants.status })
    .from(caseParticipants).innerJoin(cases, eq(cases.id, caseParticipants.caseId))
    .where(and(...pc)).orderBy(asc(pKp), asc(pKey), asc(caseParticipants.caseId)).limit(q.limit + 1);
  return rows.map(({ task, subDue, partYellowOn, status, ...r }) => ({ r, part: { task, subDue, yellowOn: partYellowOn, status } as PartCols | null, key: [!r.keyProject, subDue ?? '9999-12-31', r.id] as SortKey }));
}

/**
 * Most urgent first (green channel first, then promised due ascending, undated last),
 * keyset-paged. Department staff also get their joint sub-tasks (联办 parts their
 * department owes), ordered by the sub-due date: a second index range, merged by the same key.
 */
export async function listCases(ctx: AppContext, user: SessionUser, q: ListQuery) {
  const today = ctx.today();
  const conds: SQL[] = [scopeWhere(user)];
  // Worklists show unfinished cases unless asked for a state (or `all`).
  const states = q.state && q.state !== 'all' ? (q.state.split(',') as CaseState[]) : null;
  // Unfinished cases live in their own index range: say so whenever the filter implies it.
  const unfinished = !q.state || !!q.light || !!states?.every((st) => !FINISHED_STATES.includes(st));
  if (unfinished) conds.push(eq(cases.active, true));
  if (states) conds.push(inArray(cases.state, states));
  if (q.light) conds.push(lightWhere(q.light, today));
  if (q.assignee === 'me') conds.push(eq(cases.assigneeId, user.id));
  // A case number is looked up exactly (unique index); anything else searches item and applicant names.
  // An ID number or credit code finds the case by either person: the applicant or any co-applicant.
  const idLike = q.q && /^[0-9A-Za-z]{8,18}$/.test(q.q) ? normalizeIdNumber(q.q) : null;
  const byPerson = idLike ? or(eq(cases.applicantIdNumber, idLike), sql`${cases.coApplicants} @> ${JSON.stringify([{ idNumber: idLike }])}::jsonb`) : null;
  const text = q.q && /^[0-9A-Z]{10,}$/.test(q.q) ? or(eq(cases.caseNo, q.q), byPerson!)!
    : q.q ? or(sql`${cases.itemName} like ${containsPattern(q.q)}`, eq(cases.applicantName, q.q), ...(byPerson ? [byPerson] : []))! : null;
  if (text) conds.push(text);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (cursor) conds.push(sql`(${kpKey}, ${dueKey}, ${cases.id}) > (${cursor[0]}::boolean, ${cursor[1]}::date, ${cursor[2]}::uuid)`);
  // One query: the page with its departments' and assignees' names as scalar subqueries,
  // which (unlike joins) keep the plan an index scan that stops after `limit` rows.
  const ownQuery = ctx.db.select(listColumns).from(cases)
    .where(and(...conds)).orderBy(asc(kpKey), asc(dueKey), asc(cases.id)).limit(q.limit + 1);
  // Department staff: their joint parts too, read in parallel (its own index, see joint/schema.ts).
  const [ownRows, parts] = await Promise.all([ownQuery, partRows(ctx, user, q, { unfinished, states, text, cursor, today })]);
  const own = ownRows.map((r) => ({ r, part: null as PartCols | null, key: [!r.keyProject, r.promisedDue ?? '9999-12-31', r.id] as SortKey }));
  const rows = [...own, ...parts].sort((a, b) => compareKeys(a.key, b.key));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ r, part }) => ({
      id: r.id, caseNo: r.caseNo, itemName: r.itemName, itemCode: r.itemCode, kind: r.kind, state: r.state, stateLabel: CASE_STATE_LABELS[r.state],
      channel: r.channel, applicantName: maskName(r.applicantName, r.applicantKind), department: { id: r.departmentId, name: r.departmentName },
      acceptedOn: r.acceptedOn, promisedDue: r.promisedDue, light: part ? partLightOf(part, today) : lightOf(r, today), paused: r.paused, keyProject: r.keyProject,
      acceptBy: r.state === 'submitted' ? r.acceptBy : null, pledgeOverdue: pledgeOverdue(r, today),
      submittedAt: new Date(r.submittedAt).toISOString(),
      assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
      // 联办: this row is the user's department's part of a joint case led by another department.
      part: part ? { task: part.task, subDue: part.subDue, state: part.status, stateLabel: PART_STATUS_LABELS[part.status] } : null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.key) : null,
  };
}

// ---- public progress query -------------------------------------------------------------

export async function publicProgress(ctx: AppContext, caseNo: string, queryCode: string) {
  const [row] = await ctx.db.select().from(cases).where(eq(cases.caseNo, caseNo));
  // The same answer for a wrong number and a wrong code: no probing for case numbers.
  if (!row || row.queryCode !== queryCode) throw notFound('Case (check the number and query code)', '办件（请核对办件编号和查询码）');
  const [events, clock, [dept]] = await Promise.all([
    ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(desc(caseEvents.seq)),
    clockOf(ctx.db, row, ctx.today()),
    ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.id, row.departmentId)),
  ]);
  // Staff names are public (亮牌上岗, seed 000: 「承办人」); the applicant's own entries say 申请人.
  const staffIds = [...new Set([row.assigneeId, row.acceptedBy, ...events.map((e) => e.actorId)].filter((x): x is string => !!x))];
  const staff = staffIds.length ? await ctx.db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(inArray(users.id, staffIds)) : [];
  const staffName = (id: string | null) => { const s = staff.find((u) => u.id === id); return s && s.role !== 'applicant' ? s.name : null; };
  const handlerId = row.assigneeId ?? row.acceptedBy;
  return {
    caseNo: row.caseNo, itemName: row.itemName, department: dept?.name ?? '', state: row.state, stateLabel: CASE_STATE_LABELS[row.state], outcome: row.outcome,
    applicantName: maskName(row.applicantName, row.applicantKind), submittedAt: new Date(row.submittedAt).toISOString(),
    handler: staffName(handlerId) ? { name: staffName(handlerId)!, roleLabel: ROLE_LABELS[staff.find((u) => u.id === handlerId)!.role as Role] } : null,
    acceptedOn: clock.acceptedOn, promisedDue: clock.promisedDue, remainingWorkingDays: clock.acceptedOn ? clock.remainingWorkingDays : null,
    light: clock.light, paused: clock.paused,
    reportedTo: row.state === 'reportedUp' ? String(events.find((e) => e.action === 'reportUp')?.data.authority ?? '') : null,
    history: events.map((e) => ({
      at: new Date(e.at).toISOString(), action: e.action,
      label: CASE_ACTION_LABELS[e.action as keyof typeof CASE_ACTION_LABELS] ?? JOINT_EVENT_LABELS[e.action as keyof typeof JOINT_EVENT_LABELS] ?? SYSTEM_EVENT_LABELS[e.action] ?? e.action,
      role: ROLE_LABELS[e.actorRole as Role] ?? e.actorRole, by: staffName(e.actorId), state: CASE_STATE_LABELS[e.toState as CaseState] ?? e.toState,
    })),
  };
}

/** Staff of my department with a role, for assign / hand over. */
export async function departmentStaff(ctx: AppContext, user: SessionUser, role?: Role) {
  if (!user.departmentId) return { users: [] };
  const conds = [eq(users.departmentId, user.departmentId), eq(users.active, true)];
  if (role) conds.push(eq(users.role, role));
  const list = await ctx.db.select({ id: users.id, displayName: users.displayName, role: users.role, username: users.username }).from(users).where(and(...conds)).orderBy(asc(users.username));
  return { users: list.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })) };
}
