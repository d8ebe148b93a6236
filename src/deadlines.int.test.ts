import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../test/harness.js';
import { rows } from './core/db/index.js';
import { seedDemoCases } from './demo/cases.js';
import { seedAssessmentDemo } from './assessment/demo.js';
import { calendarFor, clearCalendarCache, recordChange } from './core/calendar/service.js';
import { calendarOverrides } from './core/calendar/schema.js';
import { deadlinesBatch } from './core/deadlines/recalc.js';
import { DEADLINES } from './deadlines.js';

// Friday 20 March 2026, 11:00 in the center. A local closure on Monday 23 March lies inside
// every open deadline the demo and this test set up.
const NOW = '2026-03-20T03:00:00Z';
const CLOSED = '2026-03-23';
let t: TestApp;
let admin: Client;
let centerId: string;

const entityOf = (kind: string) => DEADLINES.flatMap((d) => (d.way === 'tracked' && d.kind === kind ? [d.entityType] : []))[0];
interface Deadline { kind: string; rowId: string; due: string; startOn: string; workingDays: number }
const tracked = async () => rows<Deadline>(t.ctx.db, sql`select kind, row_id as "rowId", due::text as due, start_on::text as "startOn", working_days as "workingDays" from working_deadlines order by kind, row_id`);
const column = async (table: string, col: string, id: string) => (await rows<{ v: string | null }>(t.ctx.db, sql`select ${sql.identifier(col)}::text as v from ${sql.identifier(table)} where id = ${id}`))[0]!.v;

const OWNERS: Record<string, [string, string]> = {
  'feedback.evaluation.rectifyDue': ['feedback_evaluations', 'rectify_due'],
  'feedback.complaint.due': ['feedback_complaints', 'due'],
  'supervision.ladderStep.answerDue': ['ladder_steps', 'answer_due'],
  'duty.patrolFinding.rectifyDue': ['patrol_findings', 'rectify_due'],
  'filings.negativeFiling.redoDue': ['negative_filings', 'redo_due'],
  'assessment.period.appealBy': ['assessment_periods', 'appeal_by'],
  'things.bundle.promisedDue': ['bundle_cases', 'promised_due'],
};

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  await seedDemoCases(t.ctx); // a bad review under rectification, complaints handling and resolved, a patrol finding open
  await seedAssessmentDemo(t.ctx);
  admin = await t.login('admin');
  centerId = (await admin.get('/api/auth/me')).body.user.centerId;
  await t.anon.post('/api/test/sweep'); // the demo's red case gets its supervision order
  const filing = (await admin.get('/api/filings?status=pending')).body.items[0];
  expect((await admin.post(`/api/filings/${filing.id}/overturn`, { note: '理由不充分，重新受理', redoWorkingDays: 5 })).status).toBe(200);
  const period = (await admin.get('/api/assessment/periods?kind=month')).body.items[0];
  expect((await admin.post(`/api/assessment/periods/${period.id}/freeze`)).status).toBe(200);
  expect((await admin.post(`/api/assessment/periods/${period.id}/publish`)).status).toBe(200);
  // The open complaint is extended (the same column, counted from acceptance with the longer limit).
  const open = (await admin.get('/api/feedback/complaints')).body.items.find((c: { state: string }) => c.state === 'handling');
  expect((await admin.post(`/api/feedback/complaints/${open.id}/actions/extend`, { reason: '需调取监控核实', version: open.version })).status).toBe(200);
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('every stored working-day deadline follows the calendar', () => {
  it('each module writes the facts of its deadline with the date it stores', async () => {
    const list = await tracked();
    expect(new Set(list.map((d) => d.kind))).toEqual(new Set(Object.keys(OWNERS)));
    const cal = await calendarFor(t.ctx.db, centerId);
    for (const d of list) {
      expect(await column(...OWNERS[d.kind]!, d.rowId)).toBe(d.due);
      expect(cal.addWorkingDays(d.startOn, d.workingDays).date).toBe(d.due);
    }
  });

  it('a local closure moves every open one by a working day, with the event, the audit row and the notices', async () => {
    const before = await tracked();
    const resolved = (await rows<{ id: string; due: string }>(t.ctx.db, sql`select id, due::text from feedback_complaints where state = 'resolved'`))[0]!;
    const outboxBefore = (await rows<{ n: number }>(t.ctx.db, sql`select coalesce(max(id), 0)::int as n from outbox`))[0]!.n;
    expect((await admin.post('/api/calendar/overrides', { date: CLOSED, kind: 'localClosure', note: '停电检修' })).status).toBe(200);
    const cal = await calendarFor(t.ctx.db, centerId);
    const open = before.filter((d) => d.kind !== 'feedback.complaint.due' || d.rowId !== resolved.id);
    for (const d of open) {
      const to = cal.addWorkingDays(d.startOn, d.workingDays).date;
      expect(to, d.kind).not.toBe(d.due);
      expect(await column(...OWNERS[d.kind]!, d.rowId), d.kind).toBe(to);
    }
    // A resolved complaint's due date is history: it stays.
    expect(await column('feedback_complaints', 'due', resolved.id)).toBe(resolved.due);
    expect((await tracked()).some((d) => d.rowId === resolved.id)).toBe(false); // nothing will move it again
    // The yellow day of the rectification follows its due date.
    const ev = (await rows<{ due: string; yellow: string }>(t.ctx.db, sql`select rectify_due::text as due, rectify_yellow_on::text as yellow from feedback_evaluations where state = 'rectifying'`))[0]!;
    expect(ev.yellow).toBe(cal.addWorkingDays(ev.due, -2).date);
    const moves = await rows<{ kind: string; from: string; to: string }>(t.ctx.db, sql`select kind, from_due::text as from, to_due::text as to from deadline_moves`);
    expect(moves).toHaveLength(open.length);
    const audits = await rows<{ action: string }>(t.ctx.db, sql`select action from audit_events where action like '%.calendarMoved' and entity_type <> 'case'`);
    expect(audits.map((a) => a.action).sort()).toEqual(open.map((d) => `${entityOf(d.kind)}.calendarMoved`).sort());
    const notices = await rows<{ template: string; channel: string; payload: { label?: string } }>(t.ctx.db, sql`select template, channel, payload from outbox where id > ${outboxBefore}`);
    expect(notices.filter((n) => n.template === 'feedback.complaintDueMoved' && n.channel === 'sms')).toHaveLength(1);
    // The 一件事's applicant is told the new promised date by SMS.
    expect(notices.filter((n) => n.template === 'bundle.progress' && n.channel === 'sms').map((n) => (n.payload as { summary?: string }).summary))
      .toEqual(['承诺办结日期因节假日（工作日）安排调整，由2026-03-23变更为2026-03-24']);
    const labels = new Set(notices.filter((n) => n.template === 'deadline.moved').map((n) => n.payload.label));
    expect(labels).toEqual(new Set(['差评整改期限', '投诉办理期限', '督办答复期限', '巡查整改期限', '纠正重办期限', '考核申诉期限']));
    const [change] = await rows<{ done: boolean; moved: number }>(t.ctx.db, sql`select deadlines_done_at is not null as done, deadlines_moved as moved from calendar_changes order by id desc limit 1`);
    expect(change).toEqual({ done: true, moved: open.length });
  });

  it('works off a change in resumable batches (the cursor survives each transaction)', async () => {
    const moved = await tracked();
    // Reopen the day without the service's drain: the change row waits for the job.
    await t.ctx.db.transaction(async (tx) => {
      await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, CLOSED));
      await recordChange(tx, { scope: centerId, fromDate: CLOSED, toDate: CLOSED, reason: 'test', by: null, at: t.ctx.now() });
    });
    clearCalendarCache();
    let runs = 0, total = 0;
    for (;;) {
      const pending = (await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from calendar_changes where deadlines_done_at is null`))[0]!.n;
      if (!pending) break;
      total += await t.ctx.db.transaction((tx) => deadlinesBatch(t.ctx, tx, DEADLINES, 2));
      runs++;
      expect(runs).toBeLessThan(20);
    }
    expect(runs).toBeGreaterThan(1);
    const cal = await calendarFor(t.ctx.db, centerId);
    for (const d of await tracked()) expect(d.due).toBe(cal.addWorkingDays(d.startOn, d.workingDays).date);
    expect(total).toBe(moved.length);
  });
});
