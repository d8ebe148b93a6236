/**
 * Demo cases: a few weeks of the county center's work, so every screen has something to
 * show on first start — worklists with every light, a paused case, a report-up case, a
 * joint case with one opinion in, refusals in the 否定备案 queue, completed cases in the
 * statistics. They are filed and handled through the engine itself (createCase/actOnCase)
 * with a clock walked back in time, so events, notices, audit rows, rollups and lights are
 * exactly what real use would have produced. Only `npm start` loads them (not the tests).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { makeContext } from '../core/context.js';
import { SettableClock } from '../core/now.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { actingUser } from '../core/auth/service.js';
import { rows } from '../core/db/index.js';
import { calendarFor } from '../core/calendar/service.js';
import type { WorkCalendar } from '../core/calendar/calendar.js';
import { outbox } from '../core/outbox/schema.js';
import { createCase, actOnCase } from '../cases/service.js';
import { caseFacts, itemVersionOf, loadCase, type CaseRow } from '../cases/repo.js';
import { allowedActions } from '../cases/machine.js';
import { jointFacts } from '../cases/joint/parts.js';
import type { CaseAction } from '../cases/types.js';
import { seedFeedbackDemo } from '../feedback/demo.js';
import { seedFeeDemo } from '../fees/demo.js';
import { seedBundleDemo } from '../things/demoBundle.js';

const LOW_INCOME = '62052400MZ-JF-0005'; // 最低生活保障审核确认: 15 / 30 working days
const TEMP_RELIEF = '62052400MZ-JF-0008'; // 临时救助
const MARRIAGE = '62052400MZ-QR-0001'; // 内地居民结婚登记: 即办
const PERMIT = '62052400ZJ-XK-0001'; // 建筑工程施工许可: joint, key project
const MINING = '62052400ZR-XK-0004'; // 采矿许可初审: report-up

/** Where a demo case stops: the stage reached, counted back from today in working days. */
interface Script {
  item: string;
  applicant: [name: string, idNumber: string, phone: string, kind?: 'person' | 'organization'];
  /** 结婚登记: the other party (the item takes co-applicants). */
  co?: [name: string, idNumber: string][];
  /** Working days before today it was filed (and accepted, unless it waits at the window). */
  ago: number;
  stop: 'submitted' | 'supplement' | 'refused' | 'accepted' | 'handling' | 'suspended' | 'reportedUp' | 'completed' | 'jointOpinion';
}

const SCRIPTS: Script[] = [
  { item: LOW_INCOME, applicant: ['赵秀英', '62052419580312002X', '13909381201'], ago: 2, stop: 'handling' },
  { item: LOW_INCOME, applicant: ['孙建国', '620524196207150016', '13909381202'], ago: 11, stop: 'handling' },
  { item: LOW_INCOME, applicant: ['马兰花', '620524197011230043', '13909381203'], ago: 17, stop: 'handling' },
  { item: LOW_INCOME, applicant: ['杨永福', '620524194905080036', '13909381204'], ago: 32, stop: 'handling' },
  { item: LOW_INCOME, applicant: ['王翠芳', '620524198104060025', '13909381205'], ago: 6, stop: 'suspended' },
  { item: LOW_INCOME, applicant: ['李德明', '620524196612290012', '13909381206'], ago: 24, stop: 'completed' },
  { item: LOW_INCOME, applicant: ['陈桂香', '620524197508170023', '13909381207'], ago: 3, stop: 'supplement' },
  { item: LOW_INCOME, applicant: ['周海军', '62052419880909003X', '13909381208'], ago: 0, stop: 'accepted' },
  { item: TEMP_RELIEF, applicant: ['何小燕', '620524199203140041', '13909381209'], ago: 1, stop: 'refused' },
  { item: TEMP_RELIEF, applicant: ['刘长贵', '620524195710020011', '13909381210'], ago: 0, stop: 'submitted' },
  { item: MARRIAGE, applicant: ['张伟', '620524199506180016', '13909381211'], co: [['孙悦', '620524199604120025']], ago: 0, stop: 'completed' },
  { item: MARRIAGE, applicant: ['吴静', '620524199708250027', '13909381212'], co: [['赵磊', '620524199408110030']], ago: 1, stop: 'completed' },
  { item: MINING, applicant: ['清渭县石料开采有限公司', '91620524MA7ABCDE16', '13909381213', 'organization'], ago: 5, stop: 'reportedUp' },
  { item: PERMIT, applicant: ['甘肃陇泰建设工程有限公司', '91620524MA71XYW45K', '13909381214', 'organization'], ago: 3, stop: 'jointOpinion' },
];

/** The order in which the demo's staff move a case forward (the first action someone may take). */
const FORWARD: CaseAction[] = ['completeStep', 'decide', 'markResultReady', 'deliver', 'complete', 'assign'];

/** The first coordinator, handler, chief representative and leader of a department. */
async function departmentStaff(ctx: AppContext, departmentId: string): Promise<SessionUser[]> {
  const found = await ctx.db.select({ username: users.username, role: users.role }).from(users)
    .where(and(eq(users.departmentId, departmentId), inArray(users.role, ['coordinator', 'handler', 'chiefRep', 'leader']))).orderBy(users.username);
  const first = ['coordinator', 'handler', 'chiefRep', 'leader'].map((role) => found.find((u) => u.role === role)).filter((u) => !!u);
  return Promise.all(first.map((u) => actingUser(ctx, u!.username)));
}

/**
 * 09:30 (Beijing time, as the demo center) on the working day `n` working days before
 * `today`; today's cases start three hours ago instead, so none is dated after now.
 */
function workingDaysAgo(calendar: WorkCalendar, today: string, now: Date, n: number): Date {
  let day = today;
  for (let left = n; left > 0 || !calendar.isWorkingDay(day);) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) left--;
  }
  const morning = new Date(`${day}T01:30:00Z`);
  return day === today && morning.getTime() > now.getTime() - 3 * 3_600_000 ? new Date(now.getTime() - 3 * 3_600_000) : morning;
}

class Walker {
  constructor(private ctx: AppContext, private clock: SettableClock, private origin: string) {}

  /** Each step a few minutes after the last, on the same day. */
  at(day: Date): void {
    this.clock.freeze(day);
  }

  private tick(): void {
    this.clock.freeze(new Date(this.clock.now().getTime() + 7 * 60_000));
  }

  async act(user: SessionUser, id: string, action: CaseAction, body: Record<string, unknown> = {}): Promise<void> {
    this.tick();
    const row = await loadCase(this.ctx.db, id);
    try {
      await actOnCase(this.ctx, user, id, action, { version: row.version, ...body }, this.origin);
    } catch (e) {
      throw new Error(`demo case ${row.itemCode} (${row.state}): ${user.username} ${action}: ${(e as Error).message}`);
    }
  }

  /** Moves the case forward with whoever may act, until `done` says it has gone far enough. */
  async forward(id: string, staff: SessionUser[], done: (row: CaseRow) => boolean, opinion = '经审查，符合规定'): Promise<void> {
    for (let guard = 0; guard < 20; guard++) {
      const row = await loadCase(this.ctx.db, id);
      if (done(row)) return;
      const guide = await itemVersionOf(this.ctx.db, row);
      const facts = caseFacts(row, guide, await jointFacts(this.ctx.db, row, guide));
      const next = FORWARD.flatMap((action) => staff.filter((u) => allowedActions(facts, u).includes(action)).map((u) => ({ action, u })))[0];
      if (!next) throw new Error(`demo case ${row.caseNo}: nobody may move it on from ${row.state}`);
      const handler = staff.find((u) => u.role === 'handler');
      const body = next.action === 'assign' ? { userId: handler!.id } : next.action === 'completeStep' ? { opinion }
        : next.action === 'decide' ? { outcome: 'approved' } : next.action === 'deliver' ? { mode: 'pickup' } : {};
      await this.act(next.u, id, next.action, body);
    }
    throw new Error(`demo case ${id}: did not reach its stage in 20 actions`);
  }
}

async function play(ctx: AppContext, w: Walker, s: Script, window: SessionUser, today: { date: string; now: Date }, calendar: WorkCalendar) {
  w.at(workingDaysAgo(calendar, today.date, today.now, s.ago));
  const [name, idNumber, phone, kind = 'person'] = s.applicant;
  const coApplicants = (s.co ?? []).map(([n, id]) => ({ name: n, idNumber: id }));
  const { id } = await createCase(ctx, window, { itemCode: s.item, channel: 'window', applicant: { kind, name, idNumber, phone }, coApplicants });
  if (s.stop === 'submitted') return;
  const row = await loadCase(ctx.db, id);
  const guide = await itemVersionOf(ctx.db, row);
  const everything = guide.materials.map((m) => m.id);
  if (s.stop === 'supplement') return w.act(window, id, 'notifySupplement', { missing: guide.materials.filter((m) => m.required === 'required').slice(-1).map((m) => m.id), note: '请补齐后一次性提交' });
  if (s.stop === 'refused') return w.act(window, id, 'refuse', { reasons: '申请人家庭人均收入高于当地临时救助标准，不符合申请条件' });
  await w.act(window, id, 'accept', { provided: everything });
  if (s.stop === 'accepted') return;
  // 即办: decided and handed over at the window in the same sitting.
  if (row.kind === 'immediate') return w.forward(id, [window], (r) => r.state === 'completed');
  const staff = await departmentStaff(ctx, row.departmentId);
  if (s.stop === 'jointOpinion') {
    // The first participant has given its opinion; the other two are still working on theirs.
    const parts = await rows<{ department_id: string }>(ctx.db, sql`select department_id from case_participants where case_id = ${id} order by seq limit 1`);
    const first = await departmentStaff(ctx, parts[0].department_id);
    const [coord, handler] = [first.find((u) => u.role === 'coordinator')!, first.find((u) => u.role === 'handler')!];
    await w.act(coord, id, 'assignPart', { userId: handler.id });
    return w.act(handler, id, 'giveOpinion', { opinion: 'agree', text: '经审查，项目用地符合国土空间规划，同意。' });
  }
  const handler = staff.find((u) => u.role === 'handler')!;
  const coordinator = staff.find((u) => u.role === 'coordinator')!;
  if (s.stop === 'reportedUp') {
    await w.act(coordinator, id, 'assign', { userId: handler.id });
    return w.act(coordinator, id, 'reportUp', { authority: '天水市自然资源局', reference: '清自然资〔2026〕21号' });
  }
  await w.act(coordinator, id, 'assign', { userId: handler.id });
  await w.act(handler, id, 'completeStep', { opinion: '材料齐全，经济状况核对符合条件' });
  if (s.stop === 'handling') return;
  if (s.stop === 'suspended') return w.act(handler, id, 'suspend', { reason: '家庭经济状况需专家评审', procedure: 'expertReview', plannedWorkingDays: 5 });
  await w.forward(id, [...staff, window], (r) => r.state === 'completed');
}

/**
 * Files the demo cases (once, right after the demo center is loaded). Notices of this
 * made-up past are marked delivered, so a first start does not print a hundred SMS lines.
 */
export async function seedDemoCases(ctx: AppContext): Promise<number> {
  const clock = new SettableClock();
  const past = makeContext(ctx.config, ctx.database, clock);
  const origin = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const walker = new Walker(past, clock, origin);
  const window = await actingUser(past, 'window1');
  const today = { date: ctx.today(), now: ctx.now() };
  const calendar = await calendarFor(ctx.db, window.centerId);
  // Oldest first, so document numbers grow with their dates as they would have.
  for (const s of [...SCRIPTS].sort((a, b) => b.ago - a.ago)) await play(past, walker, s, window, today, calendar);
  await seedFeedbackDemo(ctx);
  // 一件事: one 新生儿出生一件事 in progress, filed two working days ago (src/things/demoBundle.ts).
  await seedBundleDemo(ctx, (n) => workingDaysAgo(calendar, today.date, today.now, n), origin);
  // Today, on the real clock: a fee case waiting at the window for its payment (src/fees/demo.ts).
  await seedFeeDemo(ctx, origin);
  await ctx.db.update(outbox).set({ status: 'sent', sentAt: ctx.now().toISOString() }).where(inArray(outbox.channel, ['sms', 'email']));
  return SCRIPTS.length;
}
