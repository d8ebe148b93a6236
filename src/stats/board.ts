import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import { maskName } from '../core/mask.js';

/** How long a finished case stays on the board, struck through (calendar days). */
export const BOARD_DONE_DAYS = 7;

export interface BoardQuery { centerId?: string; page: number; pageSize: number }

interface BoardRow {
  item_name: string; department: string; applicant_name: string; applicant_kind: 'person' | 'organization'; state: string;
  accepted_on: string; promised_due: string | null; statutory_due: string | null; yellow_on: string | null; closed_on: string | null; done: boolean;
  submitted_on: string; handler: string | null;
}

/** The light as the worklists show it (the same rule as src/cases/view.ts, over the stored clock columns). */
export function boardLight(r: Pick<BoardRow, 'promised_due' | 'statutory_due' | 'yellow_on' | 'state'>, today: string) {
  if (!r.promised_due || !['accepted', 'inProgress', 'suspended', 'reportedUp'].includes(r.state)) return null;
  if (r.statutory_due && r.statutory_due < today) return 'black';
  if (r.promised_due < today) return 'red';
  if (r.yellow_on && r.yellow_on <= today) return 'yellow';
  return 'green';
}

/**
 * 挂牌销号: promised (non-immediate) cases accepted and not yet decided are "hung on the
 * board" with their due date and light; decided ones are "crossed off" and stay visible,
 * struck through, for BOARD_DONE_DAYS days. Seed 000 publishes 「群众申请日期、事项、承办人、
 * 承诺期限」: the application date and the handler's name are shown (staff are public, 亮牌上岗);
 * the applicant's name is masked and no case number, phone or ID number leaves the server. In progress first (most urgent on
 * top), then the recently done.
 */
export async function publicBoard(ctx: AppContext, q: BoardQuery) {
  const today = ctx.today();
  const since = new Date(Date.parse(today) - BOARD_DONE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const center = q.centerId ? sql`and c.center_id in (select id from centers where path like (select path from centers where id = ${q.centerId}::uuid) || '%')` : sql``;
  const where = sql`c.kind <> 'immediate' and c.accepted_on is not null ${center}
    and ((c.closed_on is null and c.active) or (c.outcome is not null and c.closed_on >= ${since}::date))`;
  const [{ n }] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from cases c where ${where}`);
  const list = await rows<BoardRow>(ctx.db, sql`
    select c.item_name, d.name as department, c.applicant_name, c.applicant_kind, c.state, c.accepted_on::text, c.promised_due::text,
      c.statutory_due::text, c.yellow_on::text, c.closed_on::text, (c.closed_on is not null) as done,
      (c.submitted_at at time zone ${ctx.config.timeZone})::date::text as submitted_on, u.display_name as handler
    from cases c join departments d on d.id = c.department_id
    left join users u on u.id = coalesce(c.assignee_id, c.accepted_by)
    where ${where}
    order by (c.closed_on is not null), coalesce(c.promised_due, '9999-12-31'::date), c.closed_on desc, c.id
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  return {
    total: Number(n), page: q.page, pageSize: q.pageSize, doneDays: BOARD_DONE_DAYS,
    items: list.map((r) => ({
      itemName: r.item_name, department: r.department, applicant: maskName(r.applicant_name, r.applicant_kind), submittedOn: r.submitted_on, handler: r.handler,
      acceptedOn: r.accepted_on, promisedDue: r.promised_due, done: r.done, closedOn: r.closed_on, light: r.done ? null : boardLight(r, today),
    })),
  };
}
