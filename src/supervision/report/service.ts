/**
 * Generating, issuing and reading the 电子监察通报. A preview is computed from the data and
 * not stored; issuing computes it once more and freezes the figures and the page as a new
 * version (one transaction, its audit row). Nothing ever rewrites an issued version.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.js';
import type { Queryable } from '../../core/db/index.js';
import { rows } from '../../core/db/index.js';
import type { SessionUser } from '../../core/auth/policy.js';
import { appendAudit } from '../../core/audit/audit.js';
import { badRequest, forbidden, notFound } from '../../core/errors.js';
import { centerById } from '../../core/org/lookup.js';
import { departments } from '../../core/org/schema.js';
import { RULES } from '../anomalies/rules.js';
import { supervisionReports } from './schema.js';
import { buildReport, periodOf, type AccountabilityFact, type AnomalyFact, type CaseFact, type Period, type ReportData, type StepFact } from './rules.js';
import { renderReport, reportWorkbook } from './render.js';

function ownCenter(user: SessionUser): string {
  if (!user.centerId) throw forbidden('The report is issued for your own center', '监察通报按本中心出具');
  return user.centerId;
}

function parsePeriod(period: string): Period {
  const p = periodOf(period);
  if (!p) throw badRequest('bad_period', 'A period is YYYY-MM or YYYY-Qn', '统计期格式为 YYYY-MM（月）或 YYYY-Qn（季度）', [{ field: 'period', message: 'format' }]);
  return p;
}

/** The figures of one center and period, as of now. */
export async function computeReport(db: Queryable, centerId: string, p: Period, nowIso: string, timeZone: string): Promise<ReportData> {
  const center = await centerById(db, centerId);
  const depts = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, centerId)).orderBy(asc(departments.shortCode));
  const cs = await rows<CaseFact>(db, sql`
    select department_id as "departmentId", accepted_on::text as "acceptedOn", closed_on::text as "closedOn", outcome, promised_due::text as "promisedDue"
      from cases where center_id = ${centerId} and accepted_on <= ${p.to} and (closed_on is null or closed_on >= ${p.from})`);
  const steps = await rows<StepFact>(db, sql`
    select s.department_id as "departmentId", c.case_no as "caseNo", s.light, s.kind, s.doc_no as "docNo", s.issued_on::text as "issuedOn", s.answer_due::text as "answerDue",
           s.answered_at::text as "answeredAt", s.answer, s.escalated_at::text as "escalatedAt"
      from ladder_steps s join cases c on c.id = s.case_id
     where s.center_id = ${centerId} and s.issued_on between ${p.from} and ${p.to}`);
  const acc = await rows<AccountabilityFact>(db, sql`
    select a.department_id as "departmentId", a.kind, c.case_no as "caseNo", u.display_name as person, a.step_name as "stepName", a.recorded_on::text as "recordedOn"
      from accountability_records a left join cases c on c.id = a.case_id left join users u on u.id = a.user_id
     where a.center_id = ${centerId} and a.recorded_on between ${p.from} and ${p.to}`);
  const an = await rows<Omit<AnomalyFact, 'ruleLabel'>>(db, sql`
    select a.department_id as "departmentId", a.rule, c.case_no as "caseNo", (a.detected_at at time zone ${timeZone})::date::text as "detectedOn", a.handled_at::text as "handledAt", a.note
      from anomalies a left join cases c on c.id = a.case_id
     where a.center_id = ${centerId} and (a.detected_at at time zone ${timeZone})::date between ${p.from} and ${p.to}`);
  const labels = RULES as Record<string, string>;
  return buildReport(p, center.name, nowIso, depts, cs, steps, acc, an.map((a) => ({ ...a, ruleLabel: labels[a.rule] ?? a.rule })));
}

export async function previewReport(ctx: AppContext, user: SessionUser, period: string) {
  return computeReport(ctx.db, ownCenter(user), parsePeriod(period), ctx.now().toISOString(), ctx.config.timeZone);
}

export async function issueReport(ctx: AppContext, user: SessionUser, period: string) {
  const centerId = ownCenter(user);
  const p = parsePeriod(period);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // One issuer at a time per center and period: versions are consecutive.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`supervision-report:${centerId}:${p.period}`}))`);
    const [last] = await tx.select({ version: supervisionReports.version }).from(supervisionReports)
      .where(and(eq(supervisionReports.centerId, centerId), eq(supervisionReports.period, p.period))).orderBy(desc(supervisionReports.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    const data = await computeReport(tx, centerId, p, now.toISOString(), ctx.config.timeZone);
    const center = await centerById(tx, centerId);
    const short = center.name.replace(/政务服务中心|便民服务中心/g, '');
    const docNo = `${short}监察通报〔${p.period}〕`;
    const html = renderReport(data, docNo, version, ctx.today());
    const [r] = await tx.insert(supervisionReports).values({
      centerId, period: p.period, periodKind: p.kind, fromOn: p.from, toOn: p.to, version, docNo, data, html, issuedAt: now.toISOString(), issuedBy: user.id,
    }).returning({ id: supervisionReports.id, version: supervisionReports.version });
    await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'supervision.report', entityType: 'supervisionReport', entityId: r.id, after: { period: p.period, version, total: data.total }, at: now });
    return { id: r.id, period: p.period, version, docNo };
  });
}

const META = {
  id: supervisionReports.id, period: supervisionReports.period, periodKind: supervisionReports.periodKind, from: supervisionReports.fromOn, to: supervisionReports.toOn,
  version: supervisionReports.version, docNo: supervisionReports.docNo, issuedAt: supervisionReports.issuedAt, issuedBy: supervisionReports.issuedBy, centerId: supervisionReports.centerId,
};

export async function listReports(ctx: AppContext, user: SessionUser) {
  if (user.centerScope.length === 0) return { items: [] };
  const items = await ctx.db.select(META).from(supervisionReports)
    .where(sql`${supervisionReports.centerId} in (${sql.join(user.centerScope.map((c) => sql`${c}`), sql`, `)})`)
    .orderBy(desc(supervisionReports.period), desc(supervisionReports.version));
  return { items };
}

async function oneReport(ctx: AppContext, user: SessionUser, id: string) {
  const [r] = await ctx.db.select().from(supervisionReports).where(eq(supervisionReports.id, id));
  if (!r || !user.centerScope.includes(r.centerId)) throw notFound('Report', '监察通报');
  return r;
}

export async function getReport(ctx: AppContext, user: SessionUser, id: string) {
  const r = await oneReport(ctx, user, id);
  return { id: r.id, period: r.period, version: r.version, docNo: r.docNo, issuedAt: r.issuedAt, data: r.data };
}
export const reportHtml = async (ctx: AppContext, user: SessionUser, id: string) => (await oneReport(ctx, user, id)).html;
export async function reportExcel(ctx: AppContext, user: SessionUser, id: string) {
  const r = await oneReport(ctx, user, id);
  return { buf: await reportWorkbook(r.data, r.docNo, r.version), name: `supervision-report-${r.period}-v${r.version}.xlsx` };
}
