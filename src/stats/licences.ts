/**
 * The statistics report's e-licence section (issue 25): licences issued per type and issuing
 * body over a period (with how many of them are revoked or superseded today), and 免提交率 —
 * of the cases filed in the period whose item names a licence type on a material, the share
 * in which at least one material was taken from an e-licence instead of an upload.
 */
import type ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { rows } from '../core/db/index.js';
import { badRequest } from '../core/errors.js';
import { percent } from '../core/rounding.js';
import { feedbackCenters } from '../feedback/excel.js';

export interface LicenceStatsQuery { from: string; to: string; centerId?: string }

interface IssuedRow { type: string; departmentId: string; department: string; issued: number; revoked: number; superseded: number }

function checkPeriod(q: LicenceStatsQuery) {
  if (q.from > q.to) throw badRequest('validation_failed', '`from` is after `to`', '起始日期晚于截止日期', [{ field: 'querystring.from', message: 'after to' }]);
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > 3 * 366) {
    throw badRequest('period_too_long', 'A report covers at most three years', '统计期间最长三年', [{ field: 'querystring.to', message: 'too long' }]);
  }
}

const inCenters = (col: ReturnType<typeof sql>, ids: string[]) =>
  ids.length ? sql`${col} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;

/** Staff: their center and those below it (cut to one center's subtree when asked). */
export async function licenceReport(ctx: AppContext, user: SessionUser, q: LicenceStatsQuery) {
  checkPeriod(q);
  const centerIds = await feedbackCenters(ctx.db, user.centerScope, q.centerId);
  const issued = await rows<IssuedRow>(ctx.db, sql`
    select l.type, l.department_id::text as "departmentId", d.name as department, count(*)::int as issued,
           count(*) filter (where l.status = 'revoked')::int as revoked, count(*) filter (where l.status = 'superseded')::int as superseded
      from licences l join departments d on d.id = l.department_id
     where ${inCenters(sql`l.center_id`, centerIds)} and l.issued_on between ${q.from}::date and ${q.to}::date
     group by 1, 2, 3 order by 3, 1`);
  // Filed on the center's calendar day (the time zone of the deployment), like the rest of the report.
  const [use] = await rows<{ eligible: number; fromLicence: number }>(ctx.db, sql`
    select count(*)::int as eligible, count(*) filter (where exists (select 1 from licence_uses u where u.case_id = c.id))::int as "fromLicence"
      from cases c join service_item_versions v on v.item_id = c.item_id and v.version = c.item_version
     where ${inCenters(sql`c.center_id`, centerIds)}
       and (c.submitted_at at time zone ${ctx.config.timeZone})::date between ${q.from}::date and ${q.to}::date
       and exists (select 1 from jsonb_array_elements(v.data->'materials') m where coalesce(trim(m->>'licenceType'), '') <> '')`);
  const eligible = Number(use?.eligible ?? 0), fromLicence = Number(use?.fromLicence ?? 0);
  const byType = issued.map((r) => ({ ...r, issued: Number(r.issued), revoked: Number(r.revoked), superseded: Number(r.superseded) }));
  return {
    from: q.from, to: q.to, today: ctx.today(),
    issued: byType,
    issuedTotal: byType.reduce((s, r) => s + r.issued, 0),
    // 免提交率: cases with a licence-provided material ÷ cases whose item has a licence-typed material.
    noSubmission: { eligible, fromLicence, rate: percent(fromLicence, eligible) },
  };
}

export type LicenceReport = Awaited<ReturnType<typeof licenceReport>>;

/** The statistics workbook's 电子证照 sheet: the same figures as GET /api/stats/licences. */
export function addLicenceSheet(wb: ExcelJS.Workbook, r: LicenceReport) {
  const ws = wb.addWorksheet('电子证照');
  ws.columns = [
    { header: '证照类型', key: 'type', width: 28 }, { header: '发证部门', key: 'department', width: 24 },
    { header: '发证数', key: 'issued', width: 10 }, { header: '其中已注销', key: 'revoked', width: 12 }, { header: '其中已替代', key: 'superseded', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const x of r.issued) ws.addRow(x);
  ws.addRow({ type: '合计', issued: r.issuedTotal }).font = { bold: true };
  ws.addRow({});
  ws.addRow({ type: `免提交率（%）：${r.noSubmission.rate ?? ''}`, department: `${r.noSubmission.fromLicence} / ${r.noSubmission.eligible}` });
  ws.addRow({ type: `统计期间：${r.from} 至 ${r.to}；发证数按发证日期，注销与替代为截至 ${r.today} 的状态` });
  ws.addRow({ type: '免提交率：统计期内提交、至少一项材料使用电子证照（持证人同意）而未上传的申请 ÷ 统计期内提交、事项有可用电子证照替代材料的申请；分母为0时留空' });
}
