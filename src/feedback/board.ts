import { sql } from 'drizzle-orm';
import type { Queryable } from '../core/db/index.js';
import { rows } from '../core/db/index.js';
import type { SessionUser } from '../core/auth/policy.js';
import { scopeOf } from '../supervision/scope.js';
import { evaluations, complaints } from './schema.js';
import { percent } from '../core/rounding.js';

/** The supervision board's feedback figures, in the reader's scope: open bad reviews, late rectifications, open and overdue complaints, 好评率 of the board's period. */
export async function boardFigures(db: Queryable, user: SessionUser, today: string, since: string) {
  const ev = scopeOf(user, evaluations.centerId, evaluations.departmentId);
  const cs = scopeOf(user, complaints.centerId, complaints.handlerDepartmentId);
  const [e] = await rows<{ open: number; late: number; rated: number; good: number }>(db, sql`
    select count(*) filter (where state in ('assigned', 'rectifying', 'rectified'))::int as open,
           count(*) filter (where state in ('assigned', 'rectifying') and rectify_due < ${today}::date)::int as late,
           count(*) filter (where rated_on >= ${since}::date)::int as rated,
           count(*) filter (where rated_on >= ${since}::date and grade >= 4)::int as good
      from ${evaluations} where ${ev}`);
  const [c] = await rows<{ open: number; overdue: number }>(db, sql`
    select count(*) filter (where state in ('received', 'handling'))::int as open,
           count(*) filter (where state = 'handling' and due < ${today}::date)::int as overdue
      from ${complaints} where ${cs}`);
  return {
    openBadReviews: Number(e.open), lateRectifications: Number(e.late), goodRate: percent(Number(e.good), Number(e.rated)), rated: Number(e.rated),
    openComplaints: Number(c.open), overdueComplaints: Number(c.overdue),
  };
}
