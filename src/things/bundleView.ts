/**
 * Reading bundle cases: the one progress view (the applicant's, staff's and — masked, without
 * the query code — the public progress query's), and the list, each within the reader's
 * scope: an applicant their own; window and center staff their center's; a department's
 * staff the bundles with a part in their department.
 */
import { and, count, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import type { Role } from '../core/auth/roles.js';
import { forbidden, notFound } from '../core/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../core/mask.js';
import { departments } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { caseEngine } from '../cases/ports.js';
import { cases } from '../cases/schema.js';
import { bundleCases, bundleParts } from './schema.js';
import { ENDED_PARTS, bundleLight, refusalNotice, refusalsOf } from './bundleRules.js';
import type { BundleRow } from './bundleStart.js';
import type { BundleState } from './types.js';

const DEPARTMENT_ROLES: readonly Role[] = ['coordinator', 'handler', 'chiefRep', 'leader'];
const CENTER_ROLES: readonly Role[] = ['receiver', 'centerAdmin', 'supervisor'];
/** Who reads bundle cases at all (agents file cases, not bundles). */
export const BUNDLE_READERS = ['applicant', ...CENTER_ROLES, ...DEPARTMENT_ROLES] as const;
const NONE = '00000000-0000-0000-0000-000000000000';

const hasPartIn = (departmentId: string) =>
  exists(sql`(select 1 from ${bundleParts} p where p.bundle_id = ${bundleCases.id} and p.department_id = ${departmentId})`);

/** The reader's scope as SQL (lists), the same rule as `mayRead`. */
function scopeWhere(user: SessionUser): SQL {
  if (user.role === 'applicant') return eq(bundleCases.applicantUserId, user.id);
  if (DEPARTMENT_ROLES.includes(user.role)) return hasPartIn(user.departmentId ?? NONE);
  if (CENTER_ROLES.includes(user.role) && user.centerScope.length) return inArray(bundleCases.centerId, user.centerScope);
  return sql`false`;
}

async function mayRead(db: Queryable, user: SessionUser, b: BundleRow): Promise<boolean> {
  if (user.role === 'applicant') return b.applicantUserId === user.id;
  if (CENTER_ROLES.includes(user.role)) return user.centerScope.includes(b.centerId);
  if (!DEPARTMENT_ROLES.includes(user.role) || !user.departmentId) return false;
  const [hit] = await db.select({ n: count() }).from(bundleParts).where(and(eq(bundleParts.bundleId, b.id), eq(bundleParts.departmentId, user.departmentId)));
  return Number(hit?.n ?? 0) > 0;
}

/** The light of a running bundle against its promised total, by the center's yellow rule. */
async function lightOf(db: Queryable, b: Pick<BundleRow, 'centerId' | 'state' | 'promisedDue' | 'promisedWorkingDays'>, today: string) {
  if (b.state !== 'running') return null;
  const [calendar, settings] = await Promise.all([calendarFor(db, b.centerId), caseEngine().clockSettings(db, b.centerId)]);
  return bundleLight(calendar, b, today, settings);
}

/** The progress view of one bundle; `forPublic` masks the applicant's name and leaves out the query code. */
async function progressView(ctx: AppContext, b: BundleRow, forPublic: boolean) {
  const [parts, [lead], light] = await Promise.all([
    ctx.db.select({ part: bundleParts, departmentName: departments.name, caseNo: cases.caseNo, caseState: cases.state, casePromisedDue: cases.promisedDue })
      .from(bundleParts).innerJoin(departments, eq(departments.id, bundleParts.departmentId)).leftJoin(cases, eq(cases.id, bundleParts.caseId))
      .where(eq(bundleParts.bundleId, b.id)),
    ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, b.leadDepartmentId)),
    lightOf(ctx.db, b, ctx.today()),
  ]);
  // The thing's order: parts that start first come first, then those waiting on them.
  parts.sort((x, y) => x.part.waitsFor.length - y.part.waitsFor.length || (x.part.startedOn ?? '9999') .localeCompare(y.part.startedOn ?? '9999') || x.part.itemCode.localeCompare(y.part.itemCode));
  const refusals = refusalsOf(parts.map((p) => p.part));
  return {
    id: b.id, bundleNo: b.bundleNo, ...(forPublic ? {} : { queryCode: b.queryCode }), thingCode: b.thingCode, thingName: b.thingName,
    state: b.state, channel: b.channel,
    applicant: {
      kind: b.applicantKind, name: forPublic ? maskName(b.applicantName, b.applicantKind) : b.applicantName,
      idNumber: maskIdNumber(b.applicantIdNumber), phone: maskPhone(b.applicantPhone),
    },
    filedOn: b.filedOn, promisedWorkingDays: b.promisedWorkingDays, sumWorkingDays: b.sumWorkingDays, promisedDue: b.promisedDue,
    endedOn: b.endedOn, completedAt: b.completedAt ? new Date(b.completedAt).toISOString() : null, deliverTogether: b.deliverTogether,
    leadDepartment: lead ?? { id: b.leadDepartmentId, name: '' }, light,
    parts: parts.map(({ part: p, departmentName, caseNo, caseState, casePromisedDue }) => ({
      itemCode: p.itemCode, itemName: p.itemName, department: { id: p.departmentId, name: departmentName }, state: p.state,
      waitsFor: p.waitsFor, caseId: forPublic ? null : p.caseId, caseNo: caseNo ?? null, caseState: caseState ?? null,
      startedOn: p.startedOn, endedOn: p.endedOn, promisedDue: casePromisedDue ?? null,
    })),
    refusals, notice: refusalNotice(refusals, parts.length),
  };
}

export async function bundleView(ctx: AppContext, user: SessionUser, id: string) {
  const [b] = await ctx.db.select().from(bundleCases).where(eq(bundleCases.id, id));
  if (!b) throw notFound('Bundle case', '一件事办件');
  if (!(await mayRead(ctx.db, user, b))) throw forbidden('This bundle case is outside your scope', '该一件事办件不在您的权限范围内');
  return progressView(ctx, b, false);
}

/** 一件事进度查询: by number and query code; the same 404 for a wrong number and a wrong code. */
export async function publicBundleProgress(ctx: AppContext, bundleNo: string, queryCode: string) {
  const [b] = await ctx.db.select().from(bundleCases).where(eq(bundleCases.bundleNo, bundleNo));
  if (!b || b.queryCode !== queryCode) throw notFound('Bundle case (check the number and query code)', '一件事办件（请核对编号和查询码）');
  return progressView(ctx, b, true);
}

export async function listBundles(ctx: AppContext, user: SessionUser, q: { state?: BundleState; page: number; pageSize: number }) {
  const where = and(scopeWhere(user), q.state ? eq(bundleCases.state, q.state) : undefined);
  const partCount = sql<number>`(select count(*)::int from ${bundleParts} p where p.bundle_id = ${bundleCases.id})`;
  const partsEnded = sql<number>`(select count(*)::int from ${bundleParts} p where p.bundle_id = ${bundleCases.id} and p.state in (${sql.join(ENDED_PARTS.map((s) => sql`${s}`), sql`, `)}))`;
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ b: bundleCases, partCount, partsEnded }).from(bundleCases).where(where)
      .orderBy(desc(bundleCases.filedOn), desc(bundleCases.createdAt), desc(bundleCases.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(bundleCases).where(where),
  ]);
  const today = ctx.today();
  const items = await Promise.all(rows.map(async ({ b, partCount: pc, partsEnded: pe }) => ({
    id: b.id, bundleNo: b.bundleNo, thingCode: b.thingCode, thingName: b.thingName, state: b.state, filedOn: b.filedOn, promisedDue: b.promisedDue,
    endedOn: b.endedOn, applicantName: b.applicantName, applicantIdNumber: maskIdNumber(b.applicantIdNumber),
    light: await lightOf(ctx.db, b, today), partCount: Number(pc), partsEnded: Number(pe),
  })));
  return { items, total: Number(total?.n ?? 0) };
}
