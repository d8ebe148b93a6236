/** The evidence behind a line: the cases, ladder steps, reviews… it counted, listed live by the same condition. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { notFound } from '../core/errors.js';
import { users } from '../core/auth/schema.js';
import { files } from '../core/files/schema.js';
import { assessmentAppeals, assessmentLines, assessmentResults } from './schema.js';
import { canSeeSubject } from './access.js';
import { appealView } from './appeals.js';
import { readablePeriod } from './periods.js';
import { lineView } from './results.js';

async function readableLine(ctx: AppContext, user: SessionUser, lineId: string) {
  const [l] = await ctx.db.select().from(assessmentLines).where(eq(assessmentLines.id, lineId));
  if (!l) throw notFound('Line', '考核明细');
  const p = await readablePeriod(ctx.db, user, l.periodId);
  const [res] = await ctx.db.select({ departmentId: assessmentResults.departmentId }).from(assessmentResults)
    .where(and(eq(assessmentResults.periodId, l.periodId), eq(assessmentResults.subjectType, l.subjectType), eq(assessmentResults.subjectId, l.subjectId)));
  if (!canSeeSubject(user, p.centerId, p.state, { subjectType: l.subjectType, subjectId: l.subjectId, departmentId: res?.departmentId ?? null })) throw notFound('Line', '考核明细');
  return { l, p };
}

const rowsOf = async <T>(db: Queryable, q: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
const EVIDENCE_LIMIT = 500;

/**
 * The rows behind a line. Lines of records (violations, reviews, complaints, praise,
 * attendance, findings…) list the rows their stored references name (frozen with the
 * result: a fact recorded later is not among them). Case lines (rates and overdue cases)
 * list the subject's cases decided in the period as they stand now, each with whether it
 * counted, next to the numbers the line was scored with.
 */
export async function lineEvidence(ctx: AppContext, user: SessionUser, lineId: string) {
  const { l, p } = await readableLine(ctx, user, lineId);
  const base = { line: lineView(l), kind: l.evidenceKind, limit: EVIDENCE_LIMIT };
  if (l.source !== 'computed') {
    const appeal = l.appealId ? (await ctx.db.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, l.appealId)))[0] : null;
    return { ...base, kind: l.source, rows: [], reason: l.reason, fileId: l.fileId, appeal: appeal ? appealView(appeal) : null };
  }
  const refs = (l.evidenceRefs ?? []).slice(0, EVIDENCE_LIMIT);
  const ids = sql`${`{${refs.join(',')}}`}::uuid[]`;
  let rows: unknown[] = [];
  switch (l.evidenceKind) {
    case 'cases': {
      // Case lines: the subject's cases decided in the period as they stand now, marked whether
      // each counted, next to the numbers the line was scored with.
      const col = l.subjectType === 'window' ? sql`c.window_id` : l.subjectType === 'department' ? sql`c.department_id` : sql`c.accepted_by`;
      const onTime = sql`(c.promised_due is not null and c.closed_on <= c.promised_due)`;
      const flag = l.metric === 'onTimeRate' ? onTime : l.metric === 'overdueCases' ? sql`(not ${onTime})` : l.metric === 'firstTimeRate' ? sql`(c.supplement_count = 0)`
        : l.metric === 'immediateRate' ? sql`(c.kind = 'immediate')` : sql`(c.channel = 'online')`;
      const only = l.metric === 'overdueCases' ? sql`and ${flag}` : sql``;
      const where = sql`c.center_id = ${p.centerId} and ${col} = ${l.subjectId} and c.outcome is not null and c.closed_on between ${p.fromDate}::date and ${p.toDate}::date ${only}`;
      rows = await rowsOf(ctx.db, sql`select c.id, c.case_no as "caseNo", c.item_name as "itemName", c.kind, c.channel, c.closed_on::text as "closedOn", c.promised_due::text as "promisedDue", ${flag} as counted
        from cases c where ${where} order by counted, c.closed_on, c.case_no limit ${EVIDENCE_LIMIT}`);
      const [{ n }] = await rowsOf<{ n: number }>(ctx.db, sql`select count(*)::int as n from cases c where ${where}`);
      return { ...base, rows, total: n, scored: l.value };
    }
    case 'ladderSteps':
      rows = await rowsOf(ctx.db, sql`select s.id, s.case_id as "caseId", s.doc_no as "docNo", s.issued_on::text as "issuedOn", s.snapshot->>'caseNo' as "caseNo", s.snapshot->>'itemName' as "itemName" from ladder_steps s where s.id = any(${ids}) order by s.issued_on, s.doc_no`);
      break;
    case 'accountability':
      rows = await rowsOf(ctx.db, sql`select a.id, a.kind, a.case_id as "caseId", c.case_no as "caseNo", a.step_name as "stepName", a.recorded_on::text as "recordedOn", u.display_name as person
        from accountability_records a left join cases c on c.id = a.case_id left join users u on u.id = a.user_id where a.id = any(${ids}) order by a.recorded_on`);
      break;
    case 'evaluations':
      rows = await rowsOf(ctx.db, sql`select e.id, e.case_id as "caseId", c.case_no as "caseNo", e.grade, e.comment, e.rated_on::text as "ratedOn", e.state, e.verification->>'reason' as "finding"
        from feedback_evaluations e join cases c on c.id = e.case_id where e.id = any(${ids}) order by e.rated_on`);
      break;
    case 'complaints':
      rows = await rowsOf(ctx.db, sql`select fc.id, fc.no, fc.category, left(fc.content, 200) as content, fc.received_on::text as "receivedOn", fc.result->>'result' as result, fc.result->>'on' as "resolvedOn"
        from feedback_complaints fc where fc.id = any(${ids}) order by fc.received_on, fc.no`);
      break;
    case 'praise':
      rows = await rowsOf(ctx.db, sql`select p.id, p.kind, p.from_name as "fromName", p.note, p.received_on::text as "receivedOn" from feedback_praise p where p.id = any(${ids}) order by p.received_on`);
      break;
    case 'patrolFindings':
      rows = await rowsOf(ctx.db, sql`select f.id, f.day::text, f.grade, f.failed_checks as "failedChecks", f.note, f.rectification, jsonb_array_length(f.photo_file_ids)::int as photos, w.number as "windowNumber"
        from patrol_findings f join windows w on w.id = f.window_id where f.id = any(${ids}) order by f.day`);
      break;
    case 'leaderDutyDays':
      rows = await rowsOf(ctx.db, sql`select d.id, d.day::text, u.display_name as leader, d.status from leader_duty_days d join users u on u.id = d.leader_id where d.id = any(${ids}) order by d.day`);
      break;
    case 'anomalies':
      rows = await rowsOf(ctx.db, sql`select a.id, a.rule, a.case_id as "caseId", c.case_no as "caseNo", a.detected_at as "detectedAt", a.note from anomalies a left join cases c on c.id = a.case_id where a.id = any(${ids}) order by a.detected_at`);
      break;
    case 'attendance': {
      const people = [...new Set(refs.map((r) => r.split('|')[0]))];
      const names = people.length ? new Map((await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name])) : new Map();
      rows = refs.map((r) => { const [userId, day, status] = r.split('|'); return { id: r, userId, person: names.get(userId) ?? '', day, status }; });
      break;
    }
    default: rows = [];
  }
  return { ...base, rows, total: l.evidenceRefs?.length ?? 0 };
}

/** A manual line's evidence file (or an appeal's), for whoever may see the line. */
export async function lineFile(ctx: AppContext, user: SessionUser, lineId: string) {
  const { l } = await readableLine(ctx, user, lineId);
  let fileId = l.fileId;
  if (!fileId && l.appealId) fileId = (await ctx.db.select({ f: assessmentAppeals.fileId }).from(assessmentAppeals).where(eq(assessmentAppeals.id, l.appealId)))[0]?.f ?? null;
  if (!fileId) throw notFound('File', '文件');
  const [f] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!f) throw notFound('File', '文件');
  return f;
}
