import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Int, Text } from '../core/formats.js';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import '../core/formats.js';
import { badRequest } from '../core/errors.js';
import { SPECIAL_PROCEDURES } from '../catalog/types.js';
import { OPINIONS, type CaseAction } from './types.js';

const Txt = (max = 2000) => Text(max, 1);
const Ids = Type.Array(Text(64, 1), { maxItems: 60 });
const Uuid = Id();
const Opinion = Type.Union(OPINIONS.map((o) => Type.Literal(o)), { description: 'agree | agreeWithConditions | disagree' });
/** An opinion's text: the conditions (附条件同意) or the reasons (不同意); optional for a plain agree. */
const OpinionText = Text(4000);
const DeptIds = (min: number) => Type.Array(Uuid, { minItems: min, maxItems: 30 });
const MaterialFiles = Type.Array(Type.Object({ materialId: Text(64, 1), fileId: Uuid }), { maxItems: 60 });
/** 免证办: materials taken from the applicant's e-licences, with their consent. */
const MaterialLicences = Type.Array(Type.Object({ materialId: Text(64, 1), licenceId: Uuid, consent: Type.Literal(true) }), { maxItems: 60 });

/** The body of each case action (besides `version`). */
export const ACTION_BODIES = {
  accept: Type.Object({ provided: Type.Optional(Ids) }),
  notifySupplement: Type.Object({ missing: Type.Array(Text(64, 1), { minItems: 1, maxItems: 60 }), note: Text(2000), provided: Type.Optional(Ids) }),
  supply: Type.Object({ materials: Type.Optional(MaterialFiles), licences: Type.Optional(MaterialLicences), provided: Type.Optional(Ids) }),
  acceptConditional: Type.Object({ owed: Type.Array(Text(64, 1), { minItems: 1, maxItems: 60 }), provided: Type.Optional(Ids) }),
  return: Type.Object({ reasons: Txt(), redirectTo: Txt(200) }),
  refuse: Type.Object({ reasons: Txt() }),
  assign: Type.Object({ userId: Uuid }),
  handOver: Type.Object({ toUserId: Uuid, note: Text(1000) }),
  completeStep: Type.Object({ opinion: Txt() }),
  suspend: Type.Object({
    reason: Txt(), procedure: Type.Union(SPECIAL_PROCEDURES.map((p) => Type.Literal(p))),
    plannedWorkingDays: Int({ minimum: 1, maximum: 365 }),
  }),
  resume: Type.Object({}),
  requestExtension: Type.Object({ workingDays: Int({ minimum: 1, maximum: 60 }), reason: Txt() }),
  approveExtension: Type.Object({}),
  rejectExtension: Type.Object({ reason: Txt() }),
  decide: Type.Object({ outcome: Type.Union([Type.Literal('approved'), Type.Literal('denied')]), reasons: Type.Optional(Text(4000)) }),
  markResultReady: Type.Object({}),
  deliver: Type.Object({ mode: Type.Union([Type.Literal('pickup'), Type.Literal('post')]), trackingNo: Type.Optional(Text(60)) }),
  complete: Type.Object({}),
  withdraw: Type.Object({ reason: Type.Optional(Text(1000)) }),
  reportUp: Type.Object({ authority: Txt(200), reference: Text(100) }),
  recordReply: Type.Object({
    outcome: Type.Union([Type.Literal('approved'), Type.Literal('denied')]), replyOn: DateOnly(),
    reference: Text(100), note: Text(2000),
  }),
  assignPart: Type.Object({ userId: Uuid }),
  giveOpinion: Type.Object({ opinion: Opinion, text: OpinionText, files: Type.Optional(Type.Array(Uuid, { maxItems: 20, description: 'uploaded file ids (your own uploads)' })) }),
  callMeeting: Type.Object({
    at: DateTime({ description: 'when the meeting is held' }), place: Txt(200), agenda: Text(2000),
    invitees: Type.Array(Uuid, { minItems: 1, maxItems: 30, description: 'department ids: the lead and/or participants' }),
  }),
  recordMeeting: Type.Object({
    attended: DeptIds(0), minutes: Txt(8000),
    opinions: Type.Array(Type.Object({ departmentId: Uuid, opinion: Opinion, text: OpinionText }), { maxItems: 30 }),
  }),
  appointCoordinator: Type.Object({ userId: Uuid }),
} satisfies Record<CaseAction, TSchema>;

export type ActionBody<A extends CaseAction> = Static<(typeof ACTION_BODIES)[A]>;

const checkers = Object.fromEntries(Object.entries(ACTION_BODIES).map(([k, s]) => [k, TypeCompiler.Compile(s)]));

/** Validates an action's body against its schema; errors name the field like Fastify's do. */
export function parseActionBody<A extends CaseAction>(action: A, body: Record<string, unknown>): ActionBody<A> {
  const { version: _v, ...rest } = body;
  const checker = checkers[action];
  if (checker.Check(rest)) return rest as ActionBody<A>;
  const details = [...checker.Errors(rest)].slice(0, 10).map((e) => ({ field: `body${e.path.replace(/\//g, '.')}`, message: e.message }));
  const fields = details.map((d) => d.field).join(', ');
  throw badRequest('validation_failed', `Invalid request: ${fields}`, `请求参数不合法：${fields}`, details);
}
