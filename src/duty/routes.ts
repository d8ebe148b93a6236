import { Type } from '@sinclair/typebox';
import { BusinessDate, BusinessMonth, Int, Month, Pattern, Text } from '../core/formats.js';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import type { Role } from '../core/auth/roles.js';
import { badRequest, forbidden } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../core/auth/schema.js';
import { departments, windows } from '../core/org/schema.js';
import { dutySettings } from './schema.js';
import { isCenter, ownCenter, settingsOf } from './common.js';
import { RECIPIENT_ROLES, type MissRecipient } from './settings.js';
import { SITTING_CADENCES } from './leaderRules.js';
import { dayBoard, monthSheet, monthSheetWorkbook, myDay, signIn, signOut } from './attendance.js';
import { addLog, circular, decideSubstitute, dutySign, escalations, plansOverview, publish, requestSubstitute, schedule, submitPlan, todayLeaders } from './leader.js';
import { findingPhoto, ledger, photoData, recordPatrol, rectify } from './patrol.js';
import { actOnChange, actOnLeave, addRoster, listChanges, listLeave, listRosters, posts, putBadge, requestChange, requestLeave } from './staff.js';
import { bulletinWorkbook, centerName, circularWorkbook, issueDocument, issuedDocument, issuedList, renderBulletin, renderCircular } from './documents.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const STAFF: Role[] = ['centerAdmin', 'receiver', 'coordinator', 'handler', 'chiefRep', 'leader', 'supervisor'];
const CENTER: Role[] = ['centerAdmin'];
const DEPT: Role[] = ['centerAdmin', 'chiefRep', 'leader', 'coordinator'];
const READERS: Role[] = ['centerAdmin', 'supervisor', 'chiefRep', 'leader', 'coordinator'];
const YearMonth = Month();
/** A month something is issued for (plan, schedule, circular, bulletin): within the business years. */
const IssueMonth = BusinessMonth();
const Time = Pattern('^([01]\\d|2[0-3]):[0-5]\\d$', { description: 'HH:MM' });
const Txt = (max = 2000) => Text(max, 1);
const Session = Type.Object({ from: Time, to: Time }, { additionalProperties: false });
const Post = literal(['A', 'B', 'supplementary'] as const);
const tags = ['duty'];

const xlsx = (reply: FastifyReply, name: string, buf: Buffer) => reply
  .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
const page = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

/** Indexes of `user` recipients that are not active staff of the center. */
async function foreignRecipients(ctx: AppContext, centerId: string, list: readonly MissRecipient[]): Promise<number[]> {
  const ids = list.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
  if (!ids.length) return [];
  const found = await ctx.db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.centerId, centerId), eq(users.active, true)));
  const ok = new Set(found.map((u) => u.id));
  return list.flatMap((r, i) => (r.kind === 'user' && !ok.has(r.userId) ? [i] : []));
}

export function dutyRoutes(app: App, ctx: AppContext) {
  // ---- settings ----
  app.get('/api/duty/settings', { config: { policy: STAFF }, schema: { tags, summary: 'Duty settings of your center (office hours with seasons, leader-duty and patrol rules)', response: errors(401, 403) } },
    async (req) => settingsOf(ctx.db, ownCenter(currentUser(req))));
  app.put('/api/duty/settings', {
    config: { policy: CENTER },
    schema: {
      tags, summary: 'Change the duty settings', response: errors(400, 401, 403),
      body: Type.Object({
        hours: Type.Array(Session, { minItems: 1, maxItems: 4 }),
        seasons: Type.Array(Type.Object({ name: Txt(40), from: Pattern('^\\d{2}-\\d{2}$'), to: Pattern('^\\d{2}-\\d{2}$'), hours: Type.Array(Session, { minItems: 1, maxItems: 4 }) }, { additionalProperties: false }), { maxItems: 6 }),
        graceMinutes: Int({ minimum: 0, maximum: 60 }), exemptChiefRepA: Type.Boolean(),
        leaderDaysPerMonth: Int({ minimum: 1, maximum: 23 }), planDueDay: Int({ minimum: 1, maximum: 28 }), missesToEscalate: Int({ minimum: 1, maximum: 12 }),
        // Optional: a client that does not know them keeps what is stored.
        leaderCadence: Type.Optional(literal(SITTING_CADENCES)),
        missRecipients: Type.Optional(Type.Array(Type.Union([
          Type.Object({ kind: Type.Literal('role'), role: literal(RECIPIENT_ROLES) }, { additionalProperties: false }),
          Type.Object({ kind: Type.Literal('user'), userId: Uuid }, { additionalProperties: false }),
          Type.Object({ kind: Type.Literal('organisation'), name: Txt(60), email: Type.Optional(Pattern('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', { maxLength: 120, description: 'e-mail address' })) }, { additionalProperties: false }),
        ]), { minItems: 1, maxItems: 10 })),
        patrolChecklist: Type.Array(Type.Object({ key: Pattern('^[a-zA-Z][\\w-]{0,30}$'), label: Txt(40) }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }),
        rectifyWorkingDays: Int({ minimum: 1, maximum: 30 }),
      }, { additionalProperties: false }),
    },
  }, async (req) => {
    const user = currentUser(req);
    const centerId = ownCenter(user);
    const bad = req.body.hours.findIndex((h) => h.to <= h.from);
    if (bad >= 0) throw badRequest('hours_invalid', 'A session ends before it starts', '作息时段结束时间须晚于开始时间', [{ field: `body.hours.${bad}` }]);
    const strangers = await foreignRecipients(ctx, centerId, req.body.missRecipients ?? []);
    if (strangers.length) throw badRequest('recipient_invalid', 'Recipients are active staff of your center', '接收人须为本中心在岗人员', strangers.map((i) => ({ field: `body.missRecipients.${i}.userId` })));
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      const before = await settingsOf(tx, centerId);
      const data = { ...before, ...req.body };
      await tx.insert(dutySettings).values({ centerId, data, updatedAt: now.toISOString(), updatedBy: user.id })
        .onConflictDoUpdate({ target: dutySettings.centerId, set: { data, updatedAt: now.toISOString(), updatedBy: user.id } });
      await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'duty.settings.set', entityType: 'dutySettings', entityId: centerId, before, after: req.body, at: now });
    });
    return settingsOf(ctx.db, centerId);
  });

  app.get('/api/duty/people', { config: { policy: STAFF }, schema: { tags, summary: 'Staff of your center (for pickers: leaders, substitutes, rosters)', response: errors(401, 403) } },
    async (req) => {
      const centerId = ownCenter(currentUser(req));
      const list = await ctx.db.select({ id: users.id, displayName: users.displayName, role: users.role, departmentId: users.departmentId }).from(users).where(and(eq(users.centerId, centerId), eq(users.active, true)));
      const wins = await ctx.db.select({ id: windows.id, number: windows.number, name: windows.name, departmentId: windows.departmentId }).from(windows).where(eq(windows.centerId, centerId));
      const depts = await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.centerId, centerId));
      return { people: list.filter((u) => u.role !== 'applicant' && u.role !== 'agent'), windows: wins.sort((a, b) => a.number - b.number), departments: depts };
    });

  // ---- attendance ----
  const SignBody = Type.Object({ userId: Type.Optional(Uuid) }, { additionalProperties: false });
  app.post('/api/duty/attendance/sign-in', { config: { policy: STAFF }, schema: { tags, summary: 'Sign in for today (once; the center admin may sign in for a person)', body: SignBody, response: errors(400, 401, 403, 404, 409) } },
    async (req, reply) => reply.status(201).send(await signIn(ctx, currentUser(req), req.body.userId)));
  app.post('/api/duty/attendance/sign-out', { config: { policy: STAFF }, schema: { tags, summary: 'Sign out for today (once, after signing in)', body: SignBody, response: errors(400, 401, 403, 404, 409) } },
    async (req) => signOut(ctx, currentUser(req), req.body.userId));
  app.get('/api/duty/attendance/me', { config: { policy: STAFF }, schema: { tags, summary: 'My attendance today', response: errors(401, 403) } },
    async (req) => myDay(ctx, currentUser(req)));
  app.get('/api/duty/attendance/day', { config: { policy: READERS }, schema: { tags, summary: 'Attendance of the post holders on a day', querystring: Type.Object({ day: Type.Optional(IsoDate) }), response: errors(400, 401, 403) } },
    async (req) => dayBoard(ctx, currentUser(req), req.query.day ?? ctx.today()));
  app.get('/api/duty/attendance/sheet', { config: { policy: READERS }, schema: { tags, summary: 'Monthly attendance sheet', querystring: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req) => monthSheet(ctx, currentUser(req), req.query.month));
  app.get('/api/duty/attendance/sheet.xlsx', { config: { policy: READERS }, schema: { tags, summary: 'Monthly attendance sheet (Excel)', querystring: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req, reply) => xlsx(reply, `考勤表-${req.query.month}.xlsx`, await monthSheetWorkbook(await monthSheet(ctx, currentUser(req), req.query.month))));

  // ---- posts, staff changes, leave, rosters ----
  app.get('/api/duty/posts', { config: { policy: STAFF }, schema: { tags, summary: 'Windows with their current A/B posts and badges', response: errors(401, 403) } },
    async (req) => posts(ctx, currentUser(req)));
  app.put('/api/duty/badges/:userId', {
    config: { policy: CENTER },
    schema: { tags, summary: 'Issue or change a staff badge (工号, title, photo uploaded via /api/files)', params: Type.Object({ userId: Uuid }), response: errors(400, 401, 403, 404, 409, 422),
      body: Type.Object({ number: Pattern('^[A-Za-z0-9-]{1,20}$'), title: Text(40), photoFileId: Type.Optional(Uuid) }, { additionalProperties: false }) },
  }, async (req) => putBadge(ctx, currentUser(req), req.params.userId, req.body));
  app.get('/api/duty/staff-changes', { config: { policy: DEPT }, schema: { tags, summary: 'Staff-change requests', response: errors(401, 403) } },
    async (req) => listChanges(ctx, currentUser(req)));
  app.post('/api/duty/staff-changes', {
    config: { policy: ['chiefRep', 'leader', 'coordinator'] },
    schema: { tags, summary: 'Request a staff change at the center (the center approves)', response: errors(400, 401, 403, 422),
      body: Type.Object({ kind: literal(['add', 'remove', 'replace'] as const), windowId: Uuid, post: Post, outUserId: Type.Optional(Uuid), inUserId: Type.Optional(Uuid), effectiveOn: BusinessDate(), reason: Txt() }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await requestChange(ctx, currentUser(req), req.body)));
  app.post('/api/duty/staff-changes/:id/:action', {
    config: { policy: DEPT },
    schema: { tags, summary: 'Approve, reject (center) or withdraw (department) a staff-change request', params: Type.Object({ id: Uuid, action: literal(['approve', 'reject', 'withdraw'] as const) }), body: Type.Object({ note: Type.Optional(Text(2000)) }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => actOnChange(ctx, currentUser(req), req.params.id, req.params.action, req.body.note ?? ''));
  app.get('/api/duty/leave', { config: { policy: STAFF }, schema: { tags, summary: 'Leave requests (own; a department’s; the center’s)', response: errors(401, 403) } },
    async (req) => listLeave(ctx, currentUser(req)));
  app.post('/api/duty/leave', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Request leave (department, then center approve)', response: errors(400, 401, 403, 422), body: Type.Object({ kind: literal(['personal', 'sick', 'official', 'annual'] as const), fromDate: BusinessDate(), toDate: BusinessDate(), reason: Txt() }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await requestLeave(ctx, currentUser(req), req.body)));
  app.post('/api/duty/leave/:id/:action', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Act on a leave request', params: Type.Object({ id: Uuid, action: literal(['deptApprove', 'approve', 'reject', 'cancel'] as const) }), body: Type.Object({ note: Type.Optional(Text(2000)) }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => actOnLeave(ctx, currentUser(req), req.params.id, req.params.action, req.body.note ?? ''));
  app.get('/api/duty/rosters', { config: { policy: STAFF }, schema: { tags, summary: 'Out-of-hours duty rosters from a day on', querystring: Type.Object({ from: Type.Optional(IsoDate) }), response: errors(400, 401, 403) } },
    async (req) => listRosters(ctx, currentUser(req), req.query.from ?? ctx.today()));
  app.post('/api/duty/rosters', {
    config: { policy: CENTER },
    schema: { tags, summary: 'Put a person on out-of-hours duty (extended or weekend service)', response: errors(400, 401, 403, 422), body: Type.Object({ userId: Uuid, day: BusinessDate(), fromTime: Time, toTime: Time, kind: literal(['extended', 'weekend'] as const) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await addRoster(ctx, currentUser(req), req.body)));

  // ---- leader on-site duty ----
  app.get('/api/public/duty/today-leader', { config: { policy: 'public' }, schema: { tags, summary: 'Today’s leaders on on-site duty (published schedules)', querystring: Type.Object({ centerId: Type.Optional(Uuid) }), response: errors(400) } },
    async (req) => todayLeaders(ctx, req.query.centerId));
  app.get('/api/duty/leader/plans', { config: { policy: STAFF }, schema: { tags, summary: 'Department plans of a month with the by-the-10th status', querystring: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req) => plansOverview(ctx, currentUser(req), req.query.month));
  app.post('/api/duty/leader/plans', {
    config: { policy: DEPT },
    schema: { tags, summary: 'Submit (or revise before publishing) a department’s leader-duty plan for a coming month', response: errors(400, 401, 403, 409, 422),
      body: Type.Object({ departmentId: Type.Optional(Uuid), month: IssueMonth, days: Type.Array(Type.Object({ day: BusinessDate(), leaderId: Uuid }, { additionalProperties: false }), { minItems: 1, maxItems: 31 }) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await submitPlan(ctx, currentUser(req), req.body)));
  app.get('/api/duty/leader/schedule', { config: { policy: STAFF }, schema: { tags, summary: 'The merged schedule of a month', querystring: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req) => schedule(ctx, currentUser(req), req.query.month));
  app.post('/api/duty/leader/schedule/:month/publish', { config: { policy: CENTER }, schema: { tags, summary: 'Publish the merged schedule (late/missing plans are reported)', params: Type.Object({ month: IssueMonth }), response: errors(400, 401, 403, 409) } },
    async (req) => publish(ctx, currentUser(req), req.params.month));
  const DayId = Type.Object({ id: Uuid });
  app.post('/api/duty/leader/days/:id/substitute', {
    config: { policy: DEPT },
    schema: { tags, summary: 'Ask the center to let another leader of the department stand in', params: DayId, body: Type.Object({ substituteId: Uuid, reason: Txt() }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req) => requestSubstitute(ctx, currentUser(req), req.params.id, req.body));
  app.post('/api/duty/leader/days/:id/substitute/:decision', {
    config: { policy: CENTER },
    schema: { tags, summary: 'The center consents to (or refuses) a substitute', params: Type.Object({ id: Uuid, decision: literal(['approve', 'reject'] as const) }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => decideSubstitute(ctx, currentUser(req), req.params.id, req.params.decision === 'approve'));
  app.post('/api/duty/leader/days/:id/:what', {
    config: { policy: ['centerAdmin', 'leader', 'chiefRep'] },
    schema: { tags, summary: 'Sign in or out at the guidance desk (the leader on duty, or the center recording it)', params: Type.Object({ id: Uuid, what: literal(['sign-in', 'sign-out'] as const) }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => dutySign(ctx, currentUser(req), req.params.id, req.params.what === 'sign-in' ? 'in' : 'out'));
  app.post('/api/duty/leader/days/:id/log', {
    config: { policy: ['leader', 'chiefRep'] },
    schema: { tags, summary: 'Add to the duty log (现场办公工作记录)', params: DayId, body: Type.Object({ text: Txt() }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => addLog(ctx, currentUser(req), req.params.id, req.body.text));
  app.get('/api/duty/leader/escalations', { config: { policy: ['centerAdmin', 'supervisor'] }, schema: { tags, summary: 'Leaders escalated for consecutive missed duties', response: errors(401, 403) } },
    async (req) => escalations(ctx, currentUser(req)));
  app.get('/api/duty/leader/circular/:month', { config: { policy: READERS }, schema: { tags, summary: 'The monthly leader-duty circular (printable A4; the issued one once issued)', params: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req, reply) => {
      const user = currentUser(req);
      const issued = await issuedDocument(ctx, user, 'leaderCircular', req.params.month).catch(() => null);
      if (issued) return page(reply, issued.html);
      return page(reply, renderCircular(await circular(ctx, user, req.params.month), await centerName(ctx, ownCenter(user)), ctx.today(), null));
    });
  app.get('/api/duty/leader/circular/:month/xlsx', { config: { policy: READERS }, schema: { tags, summary: 'The monthly leader-duty circular (Excel)', params: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req, reply) => xlsx(reply, `领导现场办公通报-${req.params.month}.xlsx`, await circularWorkbook(await circular(ctx, currentUser(req), req.params.month))));
  app.post('/api/duty/leader/circular/:month/issue', { config: { policy: CENTER }, schema: { tags, summary: 'Issue the circular (stored, numbered, never changed)', params: Type.Object({ month: IssueMonth }), response: errors(400, 401, 403, 409) } },
    async (req, reply) => {
      const user = currentUser(req);
      const c = await circular(ctx, user, req.params.month);
      const name = await centerName(ctx, ownCenter(user));
      return reply.status(201).send(await issueDocument(ctx, user, 'leaderCircular', req.params.month, (seq) => renderCircular(c, name, ctx.today(), seq)));
    });

  // ---- patrols ----
  app.post('/api/duty/patrols', {
    config: { policy: ['centerAdmin', 'supervisor'] },
    schema: {
      tags, summary: 'Record a patrol round: per window a grade, failed checks and photos (uploaded via /api/files)', response: errors(400, 401, 403, 422),
      body: Type.Object({
        kind: literal(['scheduled', 'random'] as const), session: literal(['morning', 'afternoon'] as const), note: Type.Optional(Text(2000)),
        findings: Type.Array(Type.Object({ windowId: Uuid, grade: literal(['good', 'fair', 'poor'] as const), failedChecks: Type.Array(Text(40), { maxItems: 30 }), note: Type.Optional(Text(2000)), photoFileIds: Type.Array(Uuid, { maxItems: 6 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
      }, { additionalProperties: false }),
    },
  }, async (req, reply) => reply.status(201).send(await recordPatrol(ctx, currentUser(req), req.body)));
  app.get('/api/duty/patrols', { config: { policy: READERS }, schema: { tags, summary: 'The patrol ledger of a month', querystring: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req) => ledger(ctx, currentUser(req), req.query.month));
  app.post('/api/duty/findings/:id/rectify', {
    config: { policy: DEPT },
    schema: { tags, summary: 'Report a finding rectified', params: DayId, body: Type.Object({ note: Txt() }, { additionalProperties: false }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => rectify(ctx, currentUser(req), req.params.id, req.body.note));
  app.get('/api/duty/findings/:id/photos/:fileId', { config: { policy: READERS }, schema: { tags, summary: 'A photo of a patrol finding', params: Type.Object({ id: Uuid, fileId: Uuid }), response: errors(400, 401, 403, 404) } },
    async (req, reply) => {
      const f = await findingPhoto(ctx, currentUser(req), req.params.id, req.params.fileId);
      return reply.type(f.mime).header('x-content-type-options', 'nosniff').send(f.content);
    });
  app.get('/api/duty/bulletin/:month', { config: { policy: READERS }, schema: { tags, summary: 'The monthly hall bulletin (printable A4 with findings and photos; the issued one once issued)', params: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req, reply) => {
      const user = currentUser(req);
      if (!isCenter(user) && user.role !== 'supervisor' && !user.departmentId) throw forbidden();
      const issued = await issuedDocument(ctx, user, 'hallBulletin', req.params.month).catch(() => null);
      if (issued) return page(reply, issued.html);
      return page(reply, await bulletinHtml(user, req.params.month, null));
    });
  app.get('/api/duty/bulletin/:month/xlsx', { config: { policy: READERS }, schema: { tags, summary: 'The patrol ledger of the month (Excel)', params: Type.Object({ month: YearMonth }), response: errors(400, 401, 403) } },
    async (req, reply) => xlsx(reply, `大厅工作通报-${req.params.month}.xlsx`, await bulletinWorkbook((await ledger(ctx, currentUser(req), req.params.month)).items, req.params.month)));
  app.post('/api/duty/bulletin/:month/issue', { config: { policy: CENTER }, schema: { tags, summary: 'Issue the bulletin (stored, numbered, never changed)', params: Type.Object({ month: IssueMonth }), response: errors(400, 401, 403, 409) } },
    async (req, reply) => {
      const user = currentUser(req);
      const l = await ledger(ctx, user, req.params.month);
      const photos = await photoData(ctx, l.items.flatMap((i) => (i.rectification !== 'none' ? i.photoFileIds : [])));
      const name = await centerName(ctx, ownCenter(user));
      return reply.status(201).send(await issueDocument(ctx, user, 'hallBulletin', req.params.month, (seq) => renderBulletin({ centerName: name, month: req.params.month, issuedOn: ctx.today(), seq, items: l.items, photos })));
    });
  app.get('/api/duty/documents', { config: { policy: READERS }, schema: { tags, summary: 'Issued bulletins and circulars', response: errors(401, 403) } },
    async (req) => ({ items: await issuedList(ctx, currentUser(req)) }));

  async function bulletinHtml(user: ReturnType<typeof currentUser>, month: string, seq: number | null) {
    const l = await ledger(ctx, user, month);
    const photos = await photoData(ctx, l.items.flatMap((i) => (i.rectification !== 'none' ? i.photoFileIds : [])));
    return renderBulletin({ centerName: await centerName(ctx, ownCenter(user)), month, issuedOn: ctx.today(), seq, items: l.items, photos });
  }
}
