/**
 * /api/party: 机关党建. Every route takes staff (the service decides who reads and manages
 * which organization: the partySecretary role, branch officers, members for their own record).
 */
import { Type } from '@sinclair/typebox';
import { BusinessDate, BusinessPeriod, Int, Pattern, Period, Text } from '../core/formats.js';
import type { AppContext } from '../core/context.js';
import { errors, IsoDate, Uuid, type App } from '../core/http.js';
import { currentUser } from '../core/auth/policy.js';
import { STAFF_ROLES } from '../core/auth/roles.js';
import { notFound } from '../core/errors.js';
import { centers } from '../core/org/schema.js';
import { eq } from 'drizzle-orm';
import { appointOfficer, createOrg, endOfficer, listElections, listOrgs, recordElection } from './orgs.js';
import { listMembers, memberDetail, myRecord, recordBirthdayTalk, registerMember, takeStep } from './members.js';
import { cancelMeeting, holdMeeting, listMeetings, meetingCompliance, meetingDetail, meetingRoster, scheduleMeeting } from './meetings.js';
import { evaluationsOfYear, evaluationView, saveGrades } from './evaluation.js';
import { depositDues, duesBehind, listDisclosures, listDues, publicDisclosures, recordDues, reminders, saveDisclosure } from './dues.js';
import { duesWorkbook, meetingsWorkbook, membersWorkbook } from './excel.js';
import { renderEvaluationSummary, renderMeetingRecord } from './forms.js';
import {
  DISCLOSURE_CATEGORIES, GRADES, MEETING_KINDS, MEMBER_STATUSES, OFFICER_ROLES, ORG_KINDS, PIPELINE_ACTIONS, RESOLUTION_KINDS,
} from './types.js';

const literal = <T extends string>(v: readonly T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STAFF = STAFF_ROLES;
const Name = Text(50, 1);
const Names = Type.Array(Name, { maxItems: 5 });
const Count = Int({ minimum: 0, maximum: 100_000 });
const Year = Int({ minimum: 2000, maximum: 2100 });
const Txt = (max: number) => Text(max);
const tags = ['party'];

const MemberBody = Type.Object({
  branchId: Uuid,
  groupId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  username: Type.Optional(Type.Union([Text(64, 1), Type.Null()])),
  name: Name,
  gender: literal(['男', '女'] as const),
  birthOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  phone: Type.Optional(Type.Union([Pattern('^[0-9+\\-]{7,20}$'), Type.Null()])),
  post: Type.Optional(Txt(100)),
  deputyDivision: Type.Optional(Type.Boolean()),
  appliedOn: Type.Optional(IsoDate),
  transferIn: Type.Optional(Type.Object({ on: IsoDate, from: Text(200, 1), status: literal(['probationary', 'full'] as const), probationOn: IsoDate, fullOn: Type.Optional(Type.Union([IsoDate, Type.Null()])) })),
});

const StepBody = Type.Object({
  action: literal(PIPELINE_ACTIONS),
  on: IsoDate,
  contacts: Type.Optional(Names),
  introducers: Type.Optional(Names),
  months: Type.Optional(Int({ minimum: 1, maximum: 24 })),
  meetingId: Type.Optional(Uuid),
  to: Type.Optional(Txt(200)),
  note: Type.Optional(Txt(1000)),
  version: Type.Optional(Int({ minimum: 1 })),
});

const HoldBody = Type.Object({
  heldOn: IsoDate,
  place: Type.Optional(Txt(200)),
  chair: Type.Optional(Txt(50)),
  recorder: Type.Optional(Txt(50)),
  topic: Type.Optional(Txt(1000)),
  minutes: Text(20_000, 1),
  personnel: Type.Optional(Type.Boolean()),
  attendance: Type.Array(Type.Object({ memberId: Uuid, present: Type.Boolean(), absenceReason: Type.Optional(Txt(200)) }), { maxItems: 500 }),
  resolutions: Type.Optional(Type.Array(Type.Object({
    kind: literal(RESOLUTION_KINDS), subject: Text(200, 1), memberId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    inFavour: Count, against: Count, abstain: Count, applicantAndIntroducersPresent: Type.Optional(Type.Boolean()),
  }), { maxItems: 30 })),
});

const ScheduleBody = Type.Object({
  orgId: Uuid, kind: literal(MEETING_KINDS), title: Text(200, 1), scheduledOn: BusinessDate(),
  topic: Type.Optional(Txt(1000)), personnel: Type.Optional(Type.Boolean()),
  hold: Type.Optional(HoldBody),
});

const DisclosureBody = Type.Object({
  orgId: Uuid, title: Text(200, 1), category: literal(DISCLOSURE_CATEGORIES), content: Text(20_000, 1),
  internalOn: Type.Optional(Type.Union([BusinessDate(), Type.Null()])), internalForm: Type.Optional(Txt(100)),
  publicOn: Type.Optional(Type.Union([BusinessDate(), Type.Null()])), publicForm: Type.Optional(Txt(100)),
});

async function centerName(ctx: AppContext, centerId: string | null) {
  if (!centerId) return '';
  const [c] = await ctx.db.select({ name: centers.name }).from(centers).where(eq(centers.id, centerId));
  return c?.name ?? '';
}

export function partyRoutes(app: App, ctx: AppContext) {
  // ---- organizations, terms, officers, elections
  app.get('/api/party/orgs', { config: { policy: STAFF }, schema: { tags, summary: 'Party organizations with current term (and its expiry alert), officers and member counts', response: errors(401, 403) } },
    async (req) => listOrgs(ctx, currentUser(req)));
  app.post('/api/party/orgs', {
    config: { policy: ['partySecretary'] },
    schema: { tags, summary: 'Set up a committee, branch or group (its first term starts on establishment or termStartOn)', body: Type.Object({ kind: literal(ORG_KINDS), name: Name, parentId: Type.Optional(Type.Union([Uuid, Type.Null()])), establishedOn: IsoDate, termStartOn: Type.Optional(IsoDate) }), response: errors(400, 401, 403, 404, 422) },
  }, async (req, reply) => reply.status(201).send(await createOrg(ctx, currentUser(req), req.body)));
  app.post('/api/party/orgs/:id/officers', {
    config: { policy: ['partySecretary'] },
    schema: { tags, summary: 'Appoint an officer (书记, 副书记, 组织委员 …, 党小组组长)', params: Type.Object({ id: Uuid }), body: Type.Object({ memberId: Uuid, role: literal(OFFICER_ROLES), fromOn: BusinessDate() }), response: errors(400, 401, 403, 404, 422) },
  }, async (req, reply) => reply.status(201).send(await appointOfficer(ctx, currentUser(req), req.params.id, req.body)));
  app.post('/api/party/officers/:id/end', {
    config: { policy: ['partySecretary'] },
    schema: { tags, summary: 'End an officer post', params: Type.Object({ id: Uuid }), body: Type.Object({ toOn: BusinessDate() }), response: errors(400, 401, 403, 404, 409) },
  }, async (req) => endOfficer(ctx, currentUser(req), req.params.id, req.body.toOn));
  app.get('/api/party/orgs/:id/elections', { config: { policy: STAFF }, schema: { tags, summary: 'Elections and terms of an organization', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) } },
    async (req) => listElections(ctx, currentUser(req), req.params.id));
  app.post('/api/party/orgs/:id/elections', {
    config: { policy: ['partySecretary'] },
    schema: {
      tags, summary: 'Record a general election (换届, opens a new term when valid) or a by-election (增补): candidates ≥ 20 % more than seats, votes per candidate',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({ kind: literal(['general', 'byElection'] as const), heldOn: BusinessDate(), seats: Int({ minimum: 1, maximum: 50 }), voters: Count, ballots: Count, candidates: Type.Array(Type.Object({ name: Name, votes: Count, memberId: Type.Optional(Type.Union([Uuid, Type.Null()])) }), { minItems: 1, maxItems: 100 }), note: Type.Optional(Txt(1000)) }),
      response: errors(400, 401, 403, 404, 422),
    },
  }, async (req, reply) => reply.status(201).send(await recordElection(ctx, currentUser(req), req.params.id, req.body)));

  // ---- members and the pipeline
  app.get('/api/party/members', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Members and people on the pipeline of the branches you read (phones masked)', querystring: Type.Object({ branchId: Type.Optional(Uuid), status: Type.Optional(literal(MEMBER_STATUSES)) }), response: errors(400, 401, 403) },
  }, async (req) => listMembers(ctx, currentUser(req), req.query));
  app.post('/api/party/members', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Register an application (入党申请) or a member transferred in', body: MemberBody, response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req, reply) => reply.status(201).send(await registerMember(ctx, currentUser(req), req.body)));
  app.get('/api/party/members/:id', { config: { policy: STAFF }, schema: { tags, summary: 'A member\'s record with the pipeline history', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) } },
    async (req) => memberDetail(ctx, currentUser(req), req.params.id));
  app.post('/api/party/members/:id/steps', {
    config: { policy: STAFF },
    schema: { tags, summary: 'A dated pipeline step; refused with the rule named (409) when a time rule is not met', params: Type.Object({ id: Uuid }), body: StepBody, response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req) => takeStep(ctx, currentUser(req), req.params.id, req.body));
  app.post('/api/party/members/:id/birthday-talks', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Record a political-birthday talk', params: Type.Object({ id: Uuid }), body: Type.Object({ on: BusinessDate(), note: Type.Optional(Txt(1000)) }), response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req, reply) => reply.status(201).send(await recordBirthdayTalk(ctx, currentUser(req), req.params.id, req.body)));
  app.get('/api/party/me', { config: { policy: STAFF }, schema: { tags, summary: 'My own party record (member: null when none is linked)', response: errors(401, 403) } },
    async (req) => myRecord(ctx, currentUser(req)));
  app.get('/api/party/reminders', { config: { policy: STAFF }, schema: { tags, summary: 'Term alerts, political-birthday talks due, probation ending, evaluation due date', response: errors(401, 403) } },
    async (req) => reminders(ctx, currentUser(req)));

  // ---- meetings
  app.get('/api/party/meetings', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Meetings of a year', querystring: Type.Object({ orgId: Type.Optional(Uuid), year: Type.Optional(Year) }), response: errors(400, 401, 403) },
  }, async (req) => listMeetings(ctx, currentUser(req), req.query));
  app.get('/api/party/meetings/compliance', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Missed meeting frequencies per organization for a year', querystring: Type.Object({ year: Type.Optional(Year) }), response: errors(400, 401, 403) },
  }, async (req) => meetingCompliance(ctx, currentUser(req), req.query.year ?? Number(ctx.today().slice(0, 4))));
  app.get('/api/party/meetings/roster', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Who should attend a meeting of this kind (the attendance list)', querystring: Type.Object({ orgId: Uuid, kind: literal(MEETING_KINDS) }), response: errors(400, 401, 403, 404, 422) },
  }, async (req) => meetingRoster(ctx, currentUser(req), req.query.orgId, req.query.kind));
  app.post('/api/party/meetings', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Schedule a meeting; with `hold`, record it as held at once (attendance, minutes, resolutions; quorum judged)', body: ScheduleBody, response: errors(400, 401, 403, 404, 422) },
  }, async (req, reply) => reply.status(201).send(await scheduleMeeting(ctx, currentUser(req), req.body)));
  app.get('/api/party/meetings/:id', { config: { policy: STAFF }, schema: { tags, summary: 'A meeting with attendance', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404) } },
    async (req) => meetingDetail(ctx, currentUser(req), req.params.id));
  app.post('/api/party/meetings/:id/hold', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Record a scheduled meeting as held', params: Type.Object({ id: Uuid }), body: HoldBody, response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req) => holdMeeting(ctx, currentUser(req), req.params.id, req.body));
  app.post('/api/party/meetings/:id/cancel', { config: { policy: STAFF }, schema: { tags, summary: 'Cancel a scheduled meeting', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404, 409) } },
    async (req) => cancelMeeting(ctx, currentUser(req), req.params.id));
  app.get('/api/party/meetings/:id/record', {
    config: { policy: STAFF },
    schema: { tags, summary: 'The printable meeting record (A4 HTML)', params: Type.Object({ id: Uuid }), response: errors(400, 401, 403, 404, 409) },
  }, async (req, reply) => {
    const user = currentUser(req);
    const m = await meetingDetail(ctx, user, req.params.id);
    if (m.status !== 'held') throw notFound('Meeting record', '会议记录（会议尚未召开）');
    const html = renderMeetingRecord({
      centerName: await centerName(ctx, user.centerId), orgName: m.orgName, kind: m.kind, title: m.title, heldOn: m.heldOn!, place: m.place, chair: m.chair, recorder: m.recorder,
      topic: m.topic, minutes: m.minutes, expected: m.expected ?? 0, present: m.present ?? 0, quorumOk: m.quorumOk === true, quorumChecks: m.quorumChecks,
      attendance: m.attendance, resolutions: m.resolutions,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  // ---- democratic evaluation
  app.get('/api/party/evaluations', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Every branch\'s evaluation of a year', querystring: Type.Object({ year: Year }), response: errors(400, 401, 403) },
  }, async (req) => evaluationsOfYear(ctx, currentUser(req), req.query.year));
  app.get('/api/party/evaluations/:branchId/:year', {
    config: { policy: STAFF },
    schema: { tags, summary: 'A branch\'s evaluation: roster, grades allowed per member, cap', params: Type.Object({ branchId: Uuid, year: Year }), response: errors(400, 401, 403, 404, 422) },
  }, async (req) => evaluationView(ctx, currentUser(req), req.params.branchId, req.params.year));
  app.put('/api/party/evaluations/:branchId/:year', {
    config: { policy: STAFF },
    schema: {
      tags, summary: 'Save grades (draft) or submit them; every rule checked (excellent ≤ 15 %, deputy-division not excellent, probationary not graded)',
      params: Type.Object({ branchId: Uuid, year: Year }),
      body: Type.Object({ grades: Type.Array(Type.Object({ memberId: Uuid, grade: literal(GRADES), note: Type.Optional(Txt(500)) }), { maxItems: 500 }), submit: Type.Optional(Type.Boolean()) }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req) => saveGrades(ctx, currentUser(req), req.params.branchId, req.params.year, req.body));
  app.get('/api/party/evaluations/:branchId/:year/summary', {
    config: { policy: STAFF },
    schema: { tags, summary: 'The printable evaluation summary (A4 HTML)', params: Type.Object({ branchId: Uuid, year: Year }), response: errors(400, 401, 403, 404) },
  }, async (req, reply) => {
    const user = currentUser(req);
    const v = await evaluationView(ctx, user, req.params.branchId, req.params.year);
    return reply.type('text/html; charset=utf-8').send(renderEvaluationSummary({ ...v, centerName: await centerName(ctx, user.centerId) }));
  });

  // ---- dues
  app.get('/api/party/dues', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Dues of a half-year per member (paid or not)', querystring: Type.Object({ period: Type.Optional(Period('^\\d{4}H[12]$')), branchId: Type.Optional(Uuid) }), response: errors(400, 401, 403) },
  }, async (req) => listDues(ctx, currentUser(req), req.query));
  app.get('/api/party/dues/behind', { config: { policy: STAFF }, schema: { tags, summary: 'Members behind with dues, with the half-years owed', response: errors(401, 403) } },
    async (req) => duesBehind(ctx, currentUser(req)));
  app.post('/api/party/dues', {
    config: { policy: STAFF },
    schema: {
      tags, summary: 'Record one member\'s dues of a half-year (amount, paid on, receipt number, deposit)',
      body: Type.Object({ memberId: Uuid, period: BusinessPeriod('^\\d{4}H[12]$'), amount: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }), paidOn: BusinessDate(), receiptNo: Text(50, 1), depositedOn: Type.Optional(Type.Union([BusinessDate(), Type.Null()])), bankSlipNo: Type.Optional(Txt(50)) }),
      response: errors(400, 401, 403, 404, 409, 422),
    },
  }, async (req, reply) => reply.status(201).send(await recordDues(ctx, currentUser(req), req.body)));
  app.post('/api/party/dues/deposit', {
    config: { policy: STAFF },
    schema: { tags, summary: 'Mark collected dues as paid into the dues account (bank slip)', body: Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 500 }), depositedOn: BusinessDate(), bankSlipNo: Text(50, 1) }), response: errors(400, 401, 403, 404, 409, 422) },
  }, async (req) => depositDues(ctx, currentUser(req), req.body));

  // ---- disclosure
  app.get('/api/party/disclosures', { config: { policy: STAFF }, schema: { tags, summary: 'Disclosure items (internal and public dates)', querystring: Type.Object({ orgId: Type.Optional(Uuid) }), response: errors(400, 401, 403, 404) } },
    async (req) => listDisclosures(ctx, currentUser(req), req.query.orgId));
  app.post('/api/party/disclosures', { config: { policy: STAFF }, schema: { tags, summary: 'A disclosure item: party-internal first, then public', body: DisclosureBody, response: errors(400, 401, 403, 404, 422) } },
    async (req, reply) => reply.status(201).send(await saveDisclosure(ctx, currentUser(req), req.body)));
  app.put('/api/party/disclosures/:id', { config: { policy: STAFF }, schema: { tags, summary: 'Update a disclosure item (e.g. its public date)', params: Type.Object({ id: Uuid }), body: DisclosureBody, response: errors(400, 401, 403, 404, 422) } },
    async (req) => saveDisclosure(ctx, currentUser(req), req.body, req.params.id));
  app.get('/api/public/party/disclosures', { config: { policy: 'public' }, schema: { tags, summary: 'Publicly disclosed items (public date reached)', response: errors() } },
    async () => publicDisclosures(ctx));

  // ---- exports
  const xlsx = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  app.get('/api/party/export/members.xlsx', { config: { policy: STAFF }, schema: { tags, summary: 'Members (Excel)', response: errors(401, 403) } },
    async (req, reply) => reply.header('content-type', XLSX).header('content-disposition', xlsx('党员名册.xlsx')).send(await membersWorkbook(ctx, currentUser(req))));
  app.get('/api/party/export/meetings.xlsx', { config: { policy: STAFF }, schema: { tags, summary: 'Meetings of a year (Excel)', querystring: Type.Object({ year: Year }), response: errors(400, 401, 403) } },
    async (req, reply) => reply.header('content-type', XLSX).header('content-disposition', xlsx(`${req.query.year}年党组织会议.xlsx`)).send(await meetingsWorkbook(ctx, currentUser(req), req.query.year)));
  app.get('/api/party/export/dues.xlsx', { config: { policy: STAFF }, schema: { tags, summary: 'Dues of a year (Excel)', querystring: Type.Object({ year: Year }), response: errors(400, 401, 403) } },
    async (req, reply) => reply.header('content-type', XLSX).header('content-disposition', xlsx(`${req.query.year}年党费收缴.xlsx`)).send(await duesWorkbook(ctx, currentUser(req), req.query.year)));
}
