/**
 * The facts an assessment scores, read from the tables that already hold them, for every
 * subject of a center at once: one aggregate query per fact table, grouped by window,
 * department and staff member together (one aggregate over window × department × person,
 * rolled up per subject type), each group with the ids of its rows (the line's evidence). Attendance is classified per person and day with the duty
 * module's own rule (classifyDay), so the assessment counts what the monthly sheet shows.
 *
 * Attribution (which subject a fact belongs to):
 * - cases: decided (approved or denied) in the period, by closed_on; window = the case's
 *   window, department = the case's department, staff = the person who accepted it;
 *   on time / first time as in the statistics (src/stats/measures.ts); 即办 = kind
 *   'immediate'; 网办 = channel 'online' (rates over the decided cases).
 * - violations: ladder violation records (black) issued in the period (staff: the person
 *   the accountability record names); accountability: records dated in the period.
 * - bad reviews: ratings in the period whose verification found them substantiated;
 *   complaints: results in the period found substantiated (window: the case's window).
 * - praise: received in the period (department: the praise's, else the window's or the person's).
 * - patrol findings: findings in the period graded below 好 or with a failed check.
 * - missed leader duty: leader days of the period recorded missed (staff: the leader).
 * - anomalies: detected in the period and handled by a supervisor (window: the case's).
 * - attendance: post holders' working days in the period: late = late and/or early
 *   leave, absent = absent; window = the post held that day, department = the person's.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../core/db/index.js';
import { calendarFor } from '../core/calendar/service.js';
import { settingsOf, localTime } from '../duty/common.js';
import { classifyDay, hoursOn } from '../duty/hours.js';
import type { EvidenceKind } from './schema.js';
import type { MetricName, MetricValue, SubjectType } from './rules.js';

export interface Fact { value: MetricValue; refs: string[] | null; evidenceKind: EvidenceKind }
/** subjectType → subjectId → metric → fact */
export type Facts = Map<SubjectType, Map<string, Map<MetricName, Fact>>>;

const rowsOf = async <T>(db: Queryable, q: SQL): Promise<T[]> => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

function put(facts: Facts, type: SubjectType, id: string, metric: MetricName, fact: Fact) {
  let bySubject = facts.get(type);
  if (!bySubject) facts.set(type, (bySubject = new Map()));
  let m = bySubject.get(id);
  if (!m) bySubject.set(id, (m = new Map()));
  m.set(metric, fact);
}

interface Triple { window_id: string | null; department_id: string | null; staff_id: string | null }
/** The three subjects one fine group (window × department × staff member) belongs to. */
const subjectsOfRow = (r: Triple): [SubjectType, string | null][] => [['window', r.window_id], ['department', r.department_id], ['staff', r.staff_id]];

/**
 * A fact table as rows (id, window_id, department_id, staff_id) → counts and ids per subject.
 * One aggregate over the fine groups (window × department × person: few, since a person
 * sits at one window), rolled up here into the three subject types.
 */
async function countFacts(db: Queryable, facts: Facts, metric: MetricName, evidenceKind: EvidenceKind, rows: SQL) {
  const out = await rowsOf<Triple & { ids: string }>(db, sql`
    with f as (${rows})
    select window_id::text, department_id::text, staff_id::text, string_agg(id::text, ',') as ids from f group by f.window_id, f.department_id, f.staff_id`);
  const acc = new Map<string, { type: SubjectType; id: string; ids: string[] }>();
  for (const r of out) {
    for (const [type, id] of subjectsOfRow(r)) {
      if (!id) continue;
      const k = `${type}|${id}`;
      const a = acc.get(k);
      const ids = r.ids.split(',');
      if (a) { for (const x of ids) a.ids.push(x); } else acc.set(k, { type, id, ids });
    }
  }
  for (const a of acc.values()) put(facts, a.type, a.id, metric, { value: { kind: 'count', count: a.ids.length }, refs: a.ids.sort(), evidenceKind });
}

export interface Range { centerId: string; from: string; to: string; timeZone: string }

/**
 * The decided cases of the period by window × department × accepting person, in one scan.
 * Counts only, so PostgreSQL aggregates in parallel workers; the cases behind these lines are
 * listed from the same condition when asked (see lineEvidence).
 */
export function caseFactsQuery(r: Range): SQL {
  return sql`
    select c.window_id::text as window_id, c.department_id::text as department_id, c.accepted_by::text as staff_id,
           count(*)::int as completed,
           count(*) filter (where c.promised_due is not null and c.closed_on <= c.promised_due)::int as on_time,
           count(*) filter (where c.supplement_count = 0)::int as first_time,
           count(*) filter (where c.kind = 'immediate')::int as immediate,
           count(*) filter (where c.channel = 'online')::int as online
      from cases c
     where c.center_id = ${r.centerId} and c.outcome is not null and c.closed_on between ${r.from}::date and ${r.to}::date
     group by c.window_id, c.department_id, c.accepted_by`;
}

interface CaseGroup { completed: number; on_time: number; first_time: number; immediate: number; online: number }

async function caseFacts(db: Queryable, facts: Facts, r: Range) {
  const out = await rowsOf<Triple & CaseGroup>(db, caseFactsQuery(r));
  const acc = new Map<string, { type: SubjectType; id: string } & CaseGroup>();
  for (const row of out) {
    for (const [type, id] of subjectsOfRow(row)) {
      if (!id) continue;
      const k = `${type}|${id}`;
      let a = acc.get(k);
      if (!a) acc.set(k, (a = { type, id, completed: 0, on_time: 0, first_time: 0, immediate: 0, online: 0 }));
      a.completed += row.completed; a.on_time += row.on_time; a.first_time += row.first_time; a.immediate += row.immediate; a.online += row.online;
    }
  }
  for (const a of acc.values()) {
    const rate = (num: number): Fact => ({ value: { kind: 'rate', num, den: a.completed }, refs: null, evidenceKind: 'cases' });
    put(facts, a.type, a.id, 'onTimeRate', rate(a.on_time));
    put(facts, a.type, a.id, 'firstTimeRate', rate(a.first_time));
    put(facts, a.type, a.id, 'immediateRate', rate(a.immediate));
    put(facts, a.type, a.id, 'onlineRate', rate(a.online));
    put(facts, a.type, a.id, 'overdueCases', { value: { kind: 'count', count: a.completed - a.on_time }, refs: null, evidenceKind: 'cases' });
  }
}

/** The SQL fact sources (id, window_id, department_id, staff_id) of the count metrics. */
export function countSources(r: Range): { metric: MetricName; kind: EvidenceKind; rows: SQL }[] {
  const c = r.centerId, from = sql`${r.from}::date`, to = sql`${r.to}::date`;
  return [
    { metric: 'violations', kind: 'ladderSteps', rows: sql`
      select ls.id, cs.window_id, ls.department_id, ar.user_id as staff_id from ladder_steps ls
        join cases cs on cs.id = ls.case_id left join accountability_records ar on ar.step_id = ls.id
       where ls.center_id = ${c} and ls.kind = 'violation' and ls.issued_on between ${from} and ${to}` },
    { metric: 'accountability', kind: 'accountability', rows: sql`
      select ar.id, cs.window_id, ar.department_id, ar.user_id as staff_id from accountability_records ar left join cases cs on cs.id = ar.case_id
       where ar.center_id = ${c} and ar.recorded_on between ${from} and ${to}` },
    { metric: 'badReviews', kind: 'evaluations', rows: sql`
      select e.id, e.window_id, e.department_id, e.staff_id from feedback_evaluations e
       where e.center_id = ${c} and e.rated_on between ${from} and ${to} and e.verification->>'finding' = 'substantiated'` },
    { metric: 'complaints', kind: 'complaints', rows: sql`
      select fc.id, cs.window_id, fc.department_id, fc.staff_id from feedback_complaints fc left join cases cs on cs.id = fc.case_id
       where fc.center_id = ${c} and fc.result->>'finding' = 'substantiated' and (fc.result->>'on')::date between ${from} and ${to}` },
    { metric: 'praise', kind: 'praise', rows: sql`
      select p.id, p.window_id, coalesce(p.department_id, w.department_id, u.department_id) as department_id, p.user_id as staff_id
        from feedback_praise p left join windows w on w.id = p.window_id left join users u on u.id = p.user_id
       where p.center_id = ${c} and p.received_on between ${from} and ${to}` },
    { metric: 'patrolFindings', kind: 'patrolFindings', rows: sql`
      select pf.id, pf.window_id, coalesce(pf.department_id, w.department_id) as department_id, null::uuid as staff_id
        from patrol_findings pf join windows w on w.id = pf.window_id
       where pf.center_id = ${c} and pf.day between ${from} and ${to} and (pf.grade <> 'good' or jsonb_array_length(pf.failed_checks) > 0)` },
    { metric: 'missedLeaderDuty', kind: 'leaderDutyDays', rows: sql`
      select d.id, null::uuid as window_id, d.department_id, d.leader_id as staff_id from leader_duty_days d
       where d.center_id = ${c} and d.status = 'missed' and d.day between ${from} and ${to}` },
    { metric: 'anomalies', kind: 'anomalies', rows: sql`
      select a.id, cs.window_id, coalesce(a.department_id, cs.department_id) as department_id, null::uuid as staff_id
        from anomalies a left join cases cs on cs.id = a.case_id
       where a.center_id = ${c} and a.handled_at is not null
         and (a.detected_at at time zone ${r.timeZone})::date between ${from} and ${to}` },
  ];
}

interface Post { user_id: string; window_id: string; department_id: string | null; post: string; from_date: string; to_date: string | null; attendance_exempt: boolean; role: string; user_department: string | null }

/** Late / absent days of the post holders (the duty module's classification), per person, window and department. */
async function attendanceFacts(db: Queryable, facts: Facts, r: Range, today: string, nowTime: string, timeZone: string) {
  const posts = await rowsOf<Post>(db, sql`
    select sa.user_id::text, sa.window_id::text, coalesce(sa.department_id, w.department_id)::text as department_id, sa.post, sa.from_date::text, sa.to_date::text, sa.attendance_exempt,
           u.role, u.department_id::text as user_department
      from staff_assignments sa join users u on u.id = sa.user_id join windows w on w.id = sa.window_id
     where sa.center_id = ${r.centerId} and sa.from_date <= ${r.to}::date and (sa.to_date is null or sa.to_date >= ${r.from}::date)
     order by sa.user_id, sa.from_date, sa.post, sa.window_id`);
  if (posts.length === 0) return;
  const marks = await rowsOf<{ user_id: string; day: string; sign_in_at: string | null; sign_out_at: string | null }>(db, sql`
    select user_id::text, day::text, sign_in_at::text, sign_out_at::text from attendance where center_id = ${r.centerId} and day between ${r.from}::date and ${r.to}::date`);
  const leaves = await rowsOf<{ user_id: string; from_date: string; to_date: string }>(db, sql`
    select user_id::text, from_date::text, to_date::text from leave_requests where center_id = ${r.centerId} and state = 'approved' and from_date <= ${r.to}::date and to_date >= ${r.from}::date`);
  const settings = await settingsOf(db, r.centerId);
  const cal = await calendarFor(db, r.centerId);
  const mark = new Map(marks.map((m) => [`${m.user_id}|${m.day}`, m]));
  const postsOf = new Map<string, Post[]>();
  for (const p of posts) postsOf.set(p.user_id, [...(postsOf.get(p.user_id) ?? []), p]);
  const tally = new Map<string, { type: SubjectType; id: string; late: string[]; absent: string[] }>();
  const add = (type: SubjectType, id: string | null, which: 'late' | 'absent', ref: string) => {
    if (!id) return;
    const k = `${type}|${id}`;
    let t = tally.get(k);
    if (!t) tally.set(k, (t = { type, id, late: [], absent: [] }));
    t[which].push(ref);
  };
  const last = r.to < today ? r.to : today;
  for (let d = r.from; d <= last; d = nextDay(d)) {
    if (!cal.isWorkingDay(d)) continue;
    for (const [userId, list] of postsOf) {
      const active = list.filter((a) => a.from_date <= d && (a.to_date === null || a.to_date >= d));
      if (active.length === 0) continue;
      const m = mark.get(`${userId}|${d}`);
      const exempt = active.every((p) => p.attendance_exempt || (settings.exemptChiefRepA && p.post === 'A' && p.role === 'chiefRep'));
      const c = classifyDay({
        workingDay: true, hours: hoursOn(d, settings),
        signIn: m?.sign_in_at ? localTime(new Date(m.sign_in_at), timeZone) : null, signOut: m?.sign_out_at ? localTime(new Date(m.sign_out_at), timeZone) : null,
        onLeave: leaves.some((l) => l.user_id === userId && l.from_date <= d && l.to_date >= d),
        exempt, graceMinutes: settings.graceMinutes, nowTime: d === today ? nowTime : null,
      });
      const which = c.status === 'absent' ? 'absent' : c.status === 'late' || c.status === 'earlyLeave' || c.status === 'lateAndEarlyLeave' ? 'late' : null;
      if (!which) continue;
      const ref = `${userId}|${d}|${c.status}`;
      const first = active[0];
      add('staff', userId, which, ref);
      add('window', first.window_id, which, ref);
      add('department', first.user_department ?? first.department_id, which, ref);
    }
  }
  for (const t of tally.values()) {
    put(facts, t.type, t.id, 'late', { value: { kind: 'count', count: t.late.length }, refs: t.late, evidenceKind: 'attendance' });
    put(facts, t.type, t.id, 'absent', { value: { kind: 'count', count: t.absent.length }, refs: t.absent, evidenceKind: 'attendance' });
  }
}

function nextDay(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}

/** Every fact of the period for every subject of the center. */
/**
 * Every fact of the period for every subject of the center. `parallel` (PostgreSQL, outside a
 * transaction): each fact source in its own read transaction on its own pooled connection, at
 * the same time — the case aggregate is most of the work and the rest runs beside it.
 * Otherwise one statement after the other on `db` (PGlite has one connection).
 */
export async function gatherFacts(db: Queryable, r: Range, opts: { today: string; nowTime: string; metrics: Set<MetricName>; phases?: Record<string, number>; parallel?: boolean }): Promise<Facts> {
  const facts: Facts = new Map();
  const caseMetrics: MetricName[] = ['onTimeRate', 'firstTimeRate', 'immediateRate', 'onlineRate', 'overdueCases'];
  const jobs: [string, (q: Queryable) => Promise<void>][] = [];
  if (caseMetrics.some((m) => opts.metrics.has(m))) jobs.push(['cases', (q) => caseFacts(q, facts, r)]);
  for (const src of countSources(r)) if (opts.metrics.has(src.metric)) jobs.push([src.metric, (q) => countFacts(q, facts, src.metric, src.kind, src.rows)]);
  if (opts.metrics.has('late') || opts.metrics.has('absent')) jobs.push(['attendance', (q) => attendanceFacts(q, facts, r, opts.today, opts.nowTime, r.timeZone)]);
  const timed = async (name: string, run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    if (opts.phases) opts.phases[name] = (opts.phases[name] ?? 0) + performance.now() - t;
  };
  if (opts.parallel && 'transaction' in db) {
    await Promise.all(jobs.map(([name, job]) => timed(name, () => (db as Db).transaction(async (tx) => { await tuneForFacts(tx); await job(tx); }))));
  } else {
    for (const [name, job] of jobs) await timed(name, () => job(db));
  }
  return facts;
}

/**
 * Settings for the fact queries (PostgreSQL): they run once per computation, so compiling
 * them (JIT) costs more than it saves; and memory to hash the case aggregate (the planner
 * guesses more groups than a center has people and, at the default, sorts every case on disk).
 */
export async function tuneForFacts(tx: Tx) {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local work_mem = '32MB'`);
}

/** A metric's value for a subject with no facts: zero, or a rate with nothing counted. */
export function emptyValue(kind: 'count' | 'rate'): MetricValue {
  return kind === 'count' ? { kind: 'count', count: 0 } : { kind: 'rate', num: 0, den: 0 };
}
