import { Type, type TSchema } from '@sinclair/typebox';
import { BusinessDate, Int, Pattern, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { conflict, forbidden } from '../core/errors.js';
import { EVALUATION_ACTIONS, EVALUATION_STATES, COMPLAINT_ACTIONS, COMPLAINT_STATES } from './machine.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS, EXCLUSION_REASON_LABELS, STAGES, SCORE_KEYS, SCORE_LABELS, servedBy, GRADE_LABELS } from './rules.js';
import { actOnEvaluation, getEvaluation, listEvaluations, myEvaluations, openLink, rate } from './evaluations.js';
import { actOnComplaint, complaintRecord, createComplaint, getComplaint, listComplaints } from './complaints.js';
import { closeFirstAsk, listFirstAsks, listPraise, recordFirstAsk, recordPraise } from './records.js';
import { deviceView, issueDeviceLink } from './device.js';
import { feedbackReport, evaluationStats, publicSummary } from './measures.js';
import { FEEDBACK_READ_ROLES, OFFICE_ROLES } from './access.js';
import { feedbackSettingsFor, putFeedbackSettings } from './settings.js';
import { feedbackCenters } from './excel.js';
import { eq, sql } from 'drizzle-orm';
import { invitations } from './schema.js';
import { cases } from '../cases/schema.js';
import { maskName } from '../core/mask.js';
import { rows } from '../core/db/index.js';

const lit = <T extends string>(vs: readonly T[]) => Type.Union(vs.map((v) => Type.Literal(v)));
const Txt = (max: number, min = 0) => Text(max, min);
const Grade = Int({ minimum: 1, maximum: 5 });
const STAFF = ['centerAdmin', 'supervisor', 'receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] as const;
const STATS_ROLES = ['centerAdmin', 'supervisor', 'leader'] as const;
const opt = <T extends TSchema>(t: T) => Type.Optional(t);

export function feedbackRoutes(app: App, ctx: AppContext) {
  // ---- evaluations -------------------------------------------------------------------
  app.post('/api/feedback/evaluations', {
    // Public: the credential is the applicant's session, an SMS link token or a window device token (checked by the service).
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['feedback'], summary: 'Rate a case (好差评): applicant session, SMS link `token` or window `deviceToken`',
      body: Type.Object({
        caseId: opt(Uuid), stage: opt(lit(STAGES)), grade: Grade,
        scores: opt(Type.Record(Pattern('^[A-Za-z]{1,40}$'), Int({ minimum: 1, maximum: 5 }), { additionalProperties: false })), comment: opt(Txt(1000)),
        token: opt(Txt(2000, 10)), deviceToken: opt(Txt(2000, 10)), ticket: opt(Txt(40)),
      }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409, 410, 422),
    },
  }, async (req) => rate(ctx, req.user, req.body));

  app.get('/api/feedback/evaluations', {
    config: { policy: FEEDBACK_READ_ROLES },
    schema: {
      tags: ['feedback'], summary: 'Ratings and bad reviews in your scope',
      querystring: Type.Object({ state: opt(lit(EVALUATION_STATES)), bad: opt(Type.Boolean()), from: opt(IsoDate), to: opt(IsoDate), departmentId: opt(Uuid), caseId: opt(Uuid) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listEvaluations(ctx, currentUser(req), req.query));

  app.get('/api/feedback/evaluations/mine', {
    config: { policy: ['applicant'] },
    schema: { tags: ['feedback'], summary: 'My ratings (the portal’s 我的办件)', response: errors(401, 403) },
  }, async (req) => myEvaluations(ctx, currentUser(req)));

  app.get('/api/feedback/evaluations/:id', {
    config: { policy: FEEDBACK_READ_ROLES },
    schema: { tags: ['feedback'], summary: 'One rating with its verification, rectification and return visit', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => getEvaluation(ctx, currentUser(req), req.params.id));

  app.post('/api/feedback/evaluations/:id/actions/:action', {
    config: { policy: ['coordinator', 'chiefRep', 'leader', 'centerAdmin', 'supervisor'] },
    schema: {
      tags: ['feedback'], summary: 'Bad-review flow: verify (核实), rectify (整改), returnVisit (回访)',
      params: Type.Object({ id: Uuid, action: lit(EVALUATION_ACTIONS) }),
      body: Type.Object({
        version: Int({ minimum: 1 }), finding: opt(lit(['substantiated', 'unfounded'] as const)), reason: opt(Txt(2000)),
        measures: opt(Txt(4000)), fileIds: opt(Type.Array(Uuid, { maxItems: 10 })), satisfaction: opt(Grade),
        method: opt(lit(['phone', 'visit', 'sms'] as const)), note: opt(Txt(2000)),
      }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => actOnEvaluation(ctx, currentUser(req), req.params.id, req.params.action, req.body));

  // The SMS link page reads what it is about (masked) before the applicant rates.
  app.get('/api/feedback/links', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['feedback'], summary: 'What an SMS rating link is for (expired or used links answer with a clear error)', querystring: Type.Object({ token: Txt(2000, 10) }), response: errors(400, 404, 409, 410) },
  }, async (req) => {
    const p = await openLink(ctx, req.query.token, 'rate');
    const [r] = await ctx.db.select({ inv: invitations, c: cases }).from(invitations).innerJoin(cases, eq(cases.id, invitations.caseId)).where(eq(invitations.id, (p as { inv: string }).inv));
    if (!r) throw forbidden();
    if (r.inv.usedAt) throw conflict('link_used', 'This rating link was already used', '该评价链接已使用，每笔办件只能评价一次');
    const by = servedBy(r.c.channel);
    return {
      caseNo: r.c.caseNo, itemName: r.c.itemName, applicant: maskName(r.c.applicantName, r.c.applicantKind), stage: r.inv.stage,
      expiresAt: new Date(r.inv.expiresAt).toISOString(), scoreKeys: SCORE_KEYS[by].map((k) => ({ key: k, label: SCORE_LABELS[k] })), grades: GRADE_LABELS,
    };
  });

  // ---- the window device -------------------------------------------------------------
  app.post('/api/feedback/devices', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['feedback'], summary: 'Bind an evaluation tablet to a window (a signed device link)', body: Type.Object({ windowId: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => issueDeviceLink(ctx, currentUser(req), req.body.windowId));

  app.get('/api/feedback/device/current', {
    config: { policy: 'public', rateLimit: { max: 240, timeWindow: '1 minute' } },
    schema: {
      tags: ['feedback'], summary: 'The evaluation tablet: the case the window just served. `ticket` is the hall queue’s hook (see device.ts)',
      querystring: Type.Object({ device: Txt(2000, 10), ticket: opt(Txt(40)) }), response: errors(400, 404, 410),
    },
  }, async (req) => {
    const p = await openLink(ctx, req.query.device, 'device');
    return deviceView(ctx, (p as { win: string }).win, req.query.ticket);
  });

  // ---- complaints --------------------------------------------------------------------
  app.post('/api/feedback/complaints', {
    config: { policy: [...STAFF, 'applicant'] },
    schema: {
      tags: ['feedback'], summary: 'Register a complaint (投诉登记): staff for hall/phone/mailbox/letter/hotline, applicants on the portal',
      body: Type.Object({
        centerId: opt(Uuid), channel: lit(COMPLAINT_CHANNELS), externalRef: opt(Txt(60)), category: lit(COMPLAINT_CATEGORIES),
        complainantName: opt(Txt(60)), complainantPhone: opt(Txt(20)), content: Txt(4000, 5), caseId: opt(Uuid), departmentId: opt(Uuid), staffId: opt(Uuid),
      }, { additionalProperties: false }),
      response: errors(400, 401, 403, 422),
    },
  }, async (req) => createComplaint(ctx, currentUser(req), req.body));

  app.get('/api/feedback/complaints', {
    config: { policy: [...FEEDBACK_READ_ROLES, 'applicant'] },
    schema: {
      tags: ['feedback'], summary: 'Complaints in your scope (applicants: their own)',
      querystring: Type.Object({ state: opt(lit(COMPLAINT_STATES)), category: opt(lit(COMPLAINT_CATEGORIES)), channel: opt(lit(COMPLAINT_CHANNELS)), from: opt(IsoDate), to: opt(IsoDate) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => listComplaints(ctx, currentUser(req), req.query));

  app.get('/api/feedback/complaints/:id', {
    config: { policy: [...FEEDBACK_READ_ROLES, 'applicant'] },
    schema: { tags: ['feedback'], summary: 'One complaint', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req) => getComplaint(ctx, currentUser(req), req.params.id));

  app.get('/api/feedback/complaints/:id/record', {
    config: { policy: [...FEEDBACK_READ_ROLES, 'applicant'] },
    schema: { tags: ['feedback'], summary: 'The written record of a complaint (A4 HTML), with the not-accepted reply if excluded', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => reply.type('text/html; charset=utf-8').send(await complaintRecord(ctx, currentUser(req), req.params.id)));

  app.post('/api/feedback/complaints/:id/actions/:action', {
    config: { policy: ['centerAdmin', 'supervisor', 'coordinator', 'chiefRep', 'leader'] },
    schema: {
      tags: ['feedback'], summary: 'Complaint actions: accept, exclude, handOver, extend (once), resolve',
      params: Type.Object({ id: Uuid, action: lit(COMPLAINT_ACTIONS) }),
      body: Type.Object({
        version: Int({ minimum: 1 }), handlerDepartmentId: opt(Uuid), handlerUserId: opt(Uuid),
        reason: opt(Txt(2000)), reply: opt(Txt(4000)), note: opt(Txt(2000)),
        finding: opt(lit(['substantiated', 'unfounded'] as const)), result: opt(Txt(4000)), unitNotice: opt(Txt(2000)),
      }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => actOnComplaint(ctx, currentUser(req), req.params.id, req.params.action, req.body));

  app.get('/api/feedback/options', {
    config: { policy: 'user' },
    schema: { tags: ['feedback'], summary: 'Labels: channels, categories, exclusion reasons, grades', response: errors(401) },
  }, async () => {
    return { channels: COMPLAINT_CHANNEL_LABELS, categories: COMPLAINT_CATEGORY_LABELS, exclusionReasons: EXCLUSION_REASON_LABELS, grades: GRADE_LABELS, scores: SCORE_LABELS, scoreKeys: SCORE_KEYS };
  });

  // Choices for the forms: the user's center's departments, windows and staff (names only).
  app.get('/api/feedback/directory', {
    config: { policy: STAFF },
    schema: { tags: ['feedback'], summary: 'Departments, windows and staff of my center (for the complaint, hand-over and praise forms)', response: errors(401, 403) },
  }, async (req) => {
    const user = currentUser(req);
    const c = user.centerId ?? '00000000-0000-0000-0000-000000000000';
    const [ds, ws, us] = await Promise.all([
      rows<{ id: string; name: string }>(ctx.db, sql`select id, name from departments where center_id = ${c}::uuid order by name`),
      rows<{ id: string; name: string }>(ctx.db, sql`select id, number || '号窗口 ' || name as name from windows where center_id = ${c}::uuid order by number`),
      rows<{ id: string; name: string }>(ctx.db, sql`select id, display_name as name from users where center_id = ${c}::uuid and active and role <> 'applicant' order by display_name`),
    ]);
    return { departments: ds, windows: ws, staff: us };
  });

  // ---- 首问负责 and praise ----------------------------------------------------------------
  app.post('/api/feedback/first-asks', {
    config: { policy: STAFF },
    schema: {
      tags: ['feedback'], summary: '首问负责: record a question or complaint you were asked first (you own it until hand-over)',
      body: Type.Object({ kind: lit(['question', 'complaint'] as const), askerName: Txt(60, 1), askerPhone: opt(Txt(20)), matter: Txt(2000, 2) }, { additionalProperties: false }),
      response: errors(400, 401, 403),
    },
  }, async (req) => recordFirstAsk(ctx, currentUser(req), req.body));

  app.get('/api/feedback/first-asks', {
    config: { policy: STAFF },
    schema: { tags: ['feedback'], summary: '首问 records: your own (the office: the center’s)', querystring: Type.Object({ mine: opt(Type.Boolean()), open: opt(Type.Boolean()) }), response: errors(400, 401, 403) },
  }, async (req) => listFirstAsks(ctx, currentUser(req), req.query));

  app.post('/api/feedback/first-asks/:id/close', {
    config: { policy: STAFF },
    schema: {
      tags: ['feedback'], summary: 'Hand over to the right window or unit, refer outside the hall, or record it handled',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ outcome: lit(['handled', 'handedOver', 'referredOutside'] as const), toWindowId: opt(Uuid), toDepartmentId: opt(Uuid), toUnit: opt(Txt(200)), guidance: Txt(2000, 2) }, { additionalProperties: false }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => closeFirstAsk(ctx, currentUser(req), req.params.id, req.body));

  app.post('/api/feedback/praise', {
    config: { policy: OFFICE_ROLES },
    schema: {
      tags: ['feedback'], summary: 'Record praise (锦旗, thank-you letter, praise card) for a window, person or department',
      body: Type.Object({ kind: lit(['banner', 'letter', 'card'] as const), windowId: opt(Uuid), userId: opt(Uuid), departmentId: opt(Uuid), fromName: Txt(100, 1), note: opt(Txt(1000)), receivedOn: BusinessDate() }, { additionalProperties: false }),
      response: errors(400, 401, 403, 422),
    },
  }, async (req) => recordPraise(ctx, currentUser(req), req.body));

  app.get('/api/feedback/praise', {
    config: { policy: FEEDBACK_READ_ROLES },
    schema: { tags: ['feedback'], summary: 'Praise recorded in your centers', response: errors(401, 403) },
  }, async (req) => listPraise(ctx, currentUser(req)));

  const Settings = Type.Object({
    inviteAfterDays: Int({ minimum: 1, maximum: 30 }), linkValidDays: Int({ minimum: 1, maximum: 90 }),
    rectifyDays: Int({ minimum: 1, maximum: 60 }), complaintDays: Int({ minimum: 0, maximum: 30 }),
    complaintMaxDays: Int({ minimum: 1, maximum: 60 }), acceptanceRating: Type.Boolean(),
  }, { additionalProperties: false });
  app.get('/api/feedback/settings', {
    config: { policy: OFFICE_ROLES },
    schema: { tags: ['feedback'], summary: 'My center’s feedback settings (defaults when never set)', response: { 200: Settings, ...errors(401, 403) } },
  }, async (req) => {
    const user = currentUser(req);
    if (!user.centerId) throw forbidden();
    return feedbackSettingsFor(ctx.db, user.centerId);
  });
  app.put('/api/feedback/settings', {
    config: { policy: ['centerAdmin'] },
    schema: { tags: ['feedback'], summary: 'Change my center’s feedback settings (invitation days, link validity, rectification and complaint limits, rating at acceptance)', body: Settings, response: { 200: Settings, ...errors(400, 401, 403, 422) } },
  }, async (req) => {
    const user = currentUser(req);
    if (!user.centerId) throw forbidden();
    return putFeedbackSettings(ctx.db, user.centerId, user, req.body, ctx.now());
  });

  // ---- statistics --------------------------------------------------------------------
  app.get('/api/stats/feedback', {
    config: { policy: STATS_ROLES },
    schema: {
      tags: ['stats'], summary: 'Feedback statistics: 好评率, 差评整改率, 回访率, complaints by category and channel, on-time handling',
      querystring: Type.Object({ from: IsoDate, to: IsoDate, centerId: opt(Uuid), groupBy: opt(lit(['none', 'department', 'item', 'window', 'channel'] as const)) }),
      response: errors(400, 401, 403),
    },
  }, async (req) => {
    const user = currentUser(req);
    if (req.query.centerId && !user.centerScope.includes(req.query.centerId)) throw forbidden('Outside your center', '不在本中心管辖范围');
    const centerIds = await feedbackCenters(ctx.db, user.centerScope, req.query.centerId);
    const report = await feedbackReport(ctx.db, centerIds, req.query.from, req.query.to, ctx.today());
    const groups = req.query.groupBy && req.query.groupBy !== 'none' ? await evaluationStats(ctx.db, centerIds, req.query.from, req.query.to, req.query.groupBy) : [];
    return { from: req.query.from, to: req.query.to, ...report, groups: await labelled(groups, req.query.groupBy ?? 'none') };
  });

  app.get('/api/public/feedback/summary', {
    config: { policy: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['feedback'], summary: 'The portal: rating summary (好评率, average) per item or department',
      querystring: Type.Object({ groupBy: opt(lit(['item', 'department'] as const)), centerId: opt(Uuid), itemId: opt(Uuid), itemCode: opt(Txt(40)), departmentId: opt(Uuid) }),
      response: errors(400),
    },
  }, async (req) => publicSummary(ctx.db, req.query.groupBy ?? 'item', req.query));

  async function labelled<T extends { key: string | null }>(groups: T[], groupBy: string) {
    const ids = groups.map((g) => g.key).filter((k): k is string => !!k && /^[0-9a-f-]{36}$/.test(k));
    if (!ids.length) return groups.map((g) => ({ ...g, label: g.key ?? '—' }));
    const table = groupBy === 'department' ? 'departments' : groupBy === 'item' ? 'service_items' : 'windows';
    const names = await rows<{ id: string; name: string }>(ctx.db, sql`select id::text, name from ${sql.raw(table)} where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
    const m = new Map(names.map((n) => [n.id, n.name]));
    return groups.map((g) => ({ ...g, label: (g.key && m.get(g.key)) ?? (g.key ?? '—') }));
  }
}
