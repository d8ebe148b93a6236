/** 民主评议党员: one evaluation per branch and year, graded under rules/evaluation.ts, submitted to the committee. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { appendAudit } from '../core/audit/audit.js';
import { AppError, conflict, unprocessable } from '../core/errors.js';
import { loadAccess, orgOf, requireManage, type OrgRow } from './access.js';
import { partyEvaluations, partyGrades, partyMembers } from './schema.js';
import { checkGrades, evaluationDueOn, gradeCounts, maxExcellent, type EvaluatedMember } from './rules/evaluation.js';
import { isoDate, yearOf } from './rules/dates.js';
import { GRADE_LABELS, MEMBER_ON_ROLL, MEMBER_STATUS_LABELS, type Grade } from './types.js';

/** The evaluation of a year opens at the year end (「每年年底组织一次」): from 1 December. */
export const opensOn = (year: number) => isoDate(year, 12, 1);

async function rosterFor(db: Queryable, branchId: string): Promise<EvaluatedMember[]> {
  const rows = await db.select({ memberId: partyMembers.id, name: partyMembers.name, status: partyMembers.status, deputyDivision: partyMembers.deputyDivision })
    .from(partyMembers).where(and(eq(partyMembers.branchId, branchId), inArray(partyMembers.status, [...MEMBER_ON_ROLL]))).orderBy(asc(partyMembers.name));
  return rows;
}

function assertBranch(org: OrgRow) {
  if (org.kind !== 'branch') throw unprocessable('not_a_branch', 'The democratic evaluation is held by each branch', '民主评议以支部为单位进行', [{ field: 'params.branchId', message: 'not a branch' }]);
}

export async function evaluationView(ctx: AppContext, user: SessionUser, branchId: string, year: number) {
  const a = await loadAccess(ctx.db, user);
  const org = orgOf(a, branchId);
  assertBranch(org);
  return viewOf(ctx.db, ctx.today(), org, year, a.managed.has(branchId));
}

async function viewOf(db: Queryable, today: string, org: OrgRow, year: number, manage: boolean) {
  const [ev] = await db.select().from(partyEvaluations).where(and(eq(partyEvaluations.branchId, org.id), eq(partyEvaluations.year, year)));
  const grades = ev ? await db.select().from(partyGrades).where(eq(partyGrades.evaluationId, ev.id)) : [];
  const current = await rosterFor(db, org.id);
  // A graded member stays on the list even after leaving the roll (the record is the year's).
  const extra = grades.filter((g) => !current.some((r) => r.memberId === g.memberId)).map((g) => g.memberId);
  const others = extra.length ? await db.select({ memberId: partyMembers.id, name: partyMembers.name, status: partyMembers.status, deputyDivision: partyMembers.deputyDivision }).from(partyMembers).where(inArray(partyMembers.id, extra)) : [];
  const roster = [...current, ...others];
  const byMember = new Map(grades.map((g) => [g.memberId, g]));
  const total = ev?.rosterSize ?? current.length;
  const counts = gradeCounts(grades);
  const dueOn = evaluationDueOn(year);
  return {
    branchId: org.id, branchName: org.name, year, status: ev?.status ?? 'notStarted', submittedOn: ev?.submittedOn ?? null, late: ev?.late ?? false,
    dueOn, overdue: ev?.status !== 'submitted' && today > dueOn, opensOn: opensOn(year), open: today >= opensOn(year), manage,
    total, maxExcellent: maxExcellent(total), counts,
    members: roster.map((m) => ({
      ...m, statusLabel: MEMBER_STATUS_LABELS[m.status], grade: byMember.get(m.memberId)?.grade ?? null, note: byMember.get(m.memberId)?.note ?? '',
      gradeLabel: byMember.has(m.memberId) ? GRADE_LABELS[byMember.get(m.memberId)!.grade] : null,
      // The choices this member may get (the form offers only these).
      allowed: (m.status === 'probationary' ? ['notGraded'] : m.status === 'retired' ? ['excellent', 'qualified', 'basicallyQualified', 'unqualified', 'notGraded'] : ['excellent', 'qualified', 'basicallyQualified', 'unqualified'])
        .filter((g) => !(m.deputyDivision && g === 'excellent')),
    })),
  };
}

export interface GradesBody { grades: { memberId: string; grade: Grade; note?: string }[]; submit?: boolean }

/**
 * Saves the grades (a draft may be partial) and, with `submit`, reports them to the
 * committee: every rule is checked on each save; a submitted evaluation is final. A
 * submission after 5 February is recorded and marked late.
 */
export async function saveGrades(ctx: AppContext, user: SessionUser, branchId: string, year: number, body: GradesBody) {
  const today = ctx.today();
  if (today < opensOn(year)) throw conflict('evaluation_not_open', `The ${year} evaluation opens on ${opensOn(year)} (year end)`, `${year}年度民主评议于年底（${opensOn(year)}起）进行`);
  if (year < yearOf(today) - 1) throw conflict('evaluation_closed', 'Evaluations of earlier years are closed', '往年的民主评议已结束');
  return ctx.db.transaction(async (tx) => {
    const a = await loadAccess(tx, user);
    const org = requireManage(a, branchId);
    assertBranch(org);
    const roster = await rosterFor(tx, branchId);
    // The first save of a year creates the row: concurrent first saves meet at the unique index
    // (the second waits, inserts nothing) and then both lock the one row.
    await tx.insert(partyEvaluations).values({ branchId, year, status: 'draft', rosterSize: roster.length, updatedAt: ctx.now().toISOString() }).onConflictDoNothing();
    const [ev] = await tx.select().from(partyEvaluations).where(and(eq(partyEvaluations.branchId, branchId), eq(partyEvaluations.year, year))).for('update');
    if (ev?.status === 'submitted') throw conflict('evaluation_submitted', 'The evaluation has been submitted to the committee', '评议结果已报机关党委，不能修改');
    const problems = checkGrades(roster, body.grades, body.submit === true);
    if (problems.length) {
      const first = problems[0]!;
      throw new AppError(422, first.rule, problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；'), problems.map((p) => ({ field: p.memberId ? `body.grades.${p.memberId}` : 'body.grades', rule: p.rule, message: p.en, messageZh: p.zh })));
    }
    const nowIso = ctx.now().toISOString();
    await tx.delete(partyGrades).where(eq(partyGrades.evaluationId, ev.id));
    if (body.grades.length) await tx.insert(partyGrades).values(body.grades.map((g) => ({ evaluationId: ev.id, memberId: g.memberId, grade: g.grade, note: g.note ?? '' })));
    const submit = body.submit === true;
    const late = submit && today > evaluationDueOn(year);
    await tx.update(partyEvaluations).set({ status: submit ? 'submitted' : 'draft', rosterSize: roster.length, submittedOn: submit ? today : null, late, updatedAt: nowIso }).where(eq(partyEvaluations.id, ev.id));
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: submit ? 'party.evaluation.submit' : 'party.evaluation.save', entityType: 'partyEvaluation', entityId: ev.id,
      after: { branchId, year, counts: gradeCounts(body.grades), late }, at: ctx.now(),
    });
    return viewOf(tx, today, org, year, true);
  });
}

/** Every branch's evaluation of a year: status, counts, due date. */
export async function evaluationsOfYear(ctx: AppContext, user: SessionUser, year: number) {
  const a = await loadAccess(ctx.db, user);
  const branches = a.readable.filter((o) => o.kind === 'branch');
  const items = [];
  for (const b of branches) {
    const v = await viewOf(ctx.db, ctx.today(), b, year, a.managed.has(b.id));
    items.push({ ...v, members: undefined });
  }
  return { year, dueOn: evaluationDueOn(year), items };
}
