/**
 * Feedback statistics (domain §10): 好评率 ((5+4)/rated), 差评整改率, 回访率, complaints
 * by category and channel, on-time handling — raw counts from one aggregate each, rates at
 * read time with the one rounding rule of every statistic (src/core/rounding.ts). Exposed to src/stats.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import { percent, roundRatio } from '../core/rounding.js';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_CHANNEL_LABELS, type ComplaintCategory, type ComplaintChannel } from './rules.js';

export interface EvaluationCounts { rated: number; good: number; bad: number; substantiated: number; unfounded: number; rectified: number; rectifiedOnTime: number; visited: number; gradeSum: number }

/** Rates from counts: 好评率, 差评整改率 (rectified ÷ substantiated), 回访率 (visited ÷ rectified), average grade. */
export function evaluationRates(c: EvaluationCounts) {
  return {
    goodRate: percent(c.good, c.rated),
    badRate: percent(c.bad, c.rated),
    rectifyRate: percent(c.rectified, c.substantiated),
    rectifyOnTimeRate: percent(c.rectifiedOnTime, c.rectified),
    visitRate: percent(c.visited, c.rectified),
    avgGrade: roundRatio(c.gradeSum, c.rated),
  };
}

const centerIn = (col: SQL, ids: string[]) => (ids.length ? sql`${col} in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})` : sql`false`);

const EVAL_COUNTS = sql`count(*)::int as rated, count(*) filter (where grade >= 4)::int as good, count(*) filter (where grade <= 2)::int as bad,
  count(*) filter (where verification->>'finding' = 'substantiated')::int as substantiated,
  count(*) filter (where state = 'unfounded')::int as unfounded,
  count(*) filter (where state in ('rectified', 'visited'))::int as rectified,
  count(*) filter (where state in ('rectified', 'visited') and (rectification->>'onTime')::boolean)::int as rectified_on_time,
  count(*) filter (where state = 'visited')::int as visited, coalesce(sum(grade), 0)::int as grade_sum`;

type CountRow = { key: string | null; rated: number; good: number; bad: number; substantiated: number; unfounded: number; rectified: number; rectified_on_time: number; visited: number; grade_sum: number };
const counts = (r: CountRow): EvaluationCounts => ({
  rated: Number(r.rated), good: Number(r.good), bad: Number(r.bad), substantiated: Number(r.substantiated), unfounded: Number(r.unfounded),
  rectified: Number(r.rectified), rectifiedOnTime: Number(r.rectified_on_time), visited: Number(r.visited), gradeSum: Number(r.grade_sum),
});

export type EvaluationGroup = 'none' | 'department' | 'item' | 'window' | 'channel';
const GROUP: Record<EvaluationGroup, SQL> = { none: sql`'all'`, department: sql`department_id::text`, item: sql`item_id::text`, window: sql`window_id::text`, channel: sql`channel` };

/** A 一件事 rated as a whole is the thing's, not the item of the case it is filed on: left out per item. */
const NOT_BUNDLE = sql`and bundle_id is null`;

export async function evaluationStats(db: Queryable, centerIds: string[], from: string, to: string, groupBy: EvaluationGroup = 'none') {
  const list = await rows<CountRow>(db, sql`select ${GROUP[groupBy]} as key, ${EVAL_COUNTS} from feedback_evaluations
    where rated_on between ${from}::date and ${to}::date and ${centerIn(sql`center_id`, centerIds)} ${groupBy === 'item' ? NOT_BUNDLE : sql``} group by 1`);
  return list.map((r) => ({ key: r.key, ...counts(r), ...evaluationRates(counts(r)) }));
}

export interface ComplaintCounts { received: number; accepted: number; excluded: number; resolved: number; substantiated: number; onTime: number; extended: number; overdueOpen: number }

export async function complaintStats(db: Queryable, centerIds: string[], from: string, to: string, today: string) {
  const where = sql`received_on between ${from}::date and ${to}::date and ${centerIn(sql`center_id`, centerIds)}`;
  const [t] = await rows<Record<string, number>>(db, sql`select count(*)::int as received,
      count(*) filter (where accepted_on is not null)::int as accepted, count(*) filter (where state = 'excluded')::int as excluded,
      count(*) filter (where state = 'resolved')::int as resolved, count(*) filter (where result->>'finding' = 'substantiated')::int as substantiated,
      count(*) filter (where (result->>'onTime')::boolean)::int as on_time, count(*) filter (where extended)::int as extended,
      count(*) filter (where state = 'handling' and due < ${today}::date)::int as overdue_open
    from feedback_complaints where ${where}`);
  const byCategory = await rows<{ key: ComplaintCategory; n: number }>(db, sql`select category as key, count(*)::int as n from feedback_complaints where ${where} group by 1 order by 2 desc`);
  const byChannel = await rows<{ key: ComplaintChannel; n: number }>(db, sql`select channel as key, count(*)::int as n from feedback_complaints where ${where} group by 1 order by 2 desc`);
  const c: ComplaintCounts = {
    received: Number(t.received), accepted: Number(t.accepted), excluded: Number(t.excluded), resolved: Number(t.resolved),
    substantiated: Number(t.substantiated), onTime: Number(t.on_time), extended: Number(t.extended), overdueOpen: Number(t.overdue_open),
  };
  return {
    ...c, onTimeRate: percent(c.onTime, c.resolved), substantiatedRate: percent(c.substantiated, c.resolved),
    byCategory: byCategory.map((r) => ({ key: r.key, label: COMPLAINT_CATEGORY_LABELS[r.key] ?? r.key, count: Number(r.n) })),
    byChannel: byChannel.map((r) => ({ key: r.key, label: COMPLAINT_CHANNEL_LABELS[r.key] ?? r.key, count: Number(r.n) })),
  };
}

/** The whole feedback section of the statistics report for a set of centers and a period. */
export async function feedbackReport(db: Queryable, centerIds: string[], from: string, to: string, today: string) {
  const [evaluation] = await evaluationStats(db, centerIds, from, to);
  const zero: EvaluationCounts = { rated: 0, good: 0, bad: 0, substantiated: 0, unfounded: 0, rectified: 0, rectifiedOnTime: 0, visited: 0, gradeSum: 0 };
  const praise = await rows<{ n: number }>(db, sql`select count(*)::int as n from feedback_praise where received_on between ${from}::date and ${to}::date and ${centerIn(sql`center_id`, centerIds)}`);
  return {
    evaluation: evaluation ?? { key: 'all', ...zero, ...evaluationRates(zero) },
    complaints: await complaintStats(db, centerIds, from, to, today),
    praise: Number(praise[0]?.n ?? 0),
  };
}

/** The portal's rating summary per item or department (all centers, no personal data). */
export async function publicSummary(db: Queryable, groupBy: 'item' | 'department', filter: { centerId?: string; itemId?: string; itemCode?: string; departmentId?: string }) {
  const conds: SQL[] = [sql`true`];
  if (filter.centerId) conds.push(sql`e.center_id = ${filter.centerId}::uuid`);
  if (filter.itemId) conds.push(sql`e.item_id = ${filter.itemId}::uuid`);
  if (filter.departmentId) conds.push(sql`e.department_id = ${filter.departmentId}::uuid`);
  if (filter.itemCode) conds.push(sql`e.item_id = (select id from service_items s where s.code = ${filter.itemCode})`);
  if (groupBy === 'item' || filter.itemId || filter.itemCode) conds.push(sql`e.bundle_id is null`);
  const label = groupBy === 'item' ? sql`(select name from service_items s where s.id = e.item_id)` : sql`(select name from departments d where d.id = e.department_id)`;
  const key = groupBy === 'item' ? sql`e.item_id` : sql`e.department_id`;
  const list = await rows<CountRow & { label: string }>(db, sql`select ${key}::text as key, min(${label}) as label, ${EVAL_COUNTS}
    from feedback_evaluations e where ${sql.join(conds, sql` and `)} group by ${key} order by count(*) desc limit 500`);
  return { items: list.map((r) => { const c = counts(r); return { key: r.key, label: r.label, rated: c.rated, good: c.good, bad: c.bad, goodRate: evaluationRates(c).goodRate, avgGrade: evaluationRates(c).avgGrade }; }) };
}
