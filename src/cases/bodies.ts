import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import '../core/formats.js';
import { badRequest } from '../core/errors.js';
import { SPECIAL_PROCEDURES } from '../catalog/types.js';
import { OPINIONS, type CaseAction } from './types.js';

const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max });
const Ids = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 60 });
const Uuid = Type.String({ format: 'uuid' });
const Opinion = Type.Union(OPINIONS.map((o) => Type.Literal(o)), { description: 'agree | agreeWithConditions | disagree' });
/** An opinion's text: the conditions (附条件同意) or the reasons (不同意); optional for a plain agree. */
const OpinionText = Type.String({ maxLength: 4000 });
const DeptIds = (min: number) => Type.Array(Uuid, { minItems: min, maxItems: 30 });
const MaterialFiles = Type.Array(Type.Object({ materialId: Type.String({ minLength: 1, maxLength: 64 }), fileId: Uuid }), { maxItems: 60 });

/** The body of each case action (besides `version`). */
export const ACTION_BODIES = {
  accept: Type.Object({ provided: Type.Optional(Ids) }),
  notifySupplement: Type.Object({ missing: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 60 }), note: Type.String({ maxLength: 2000 }), provided: Type.Optional(Ids) }),
  supply: Type.Object({ materials: Type.Optional(MaterialFiles), provided: Type.Optional(Ids) }),
  acceptConditional: Type.Object({ owed: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 60 }), provided: Type.Optional(Ids) }),
  return: Type.Object({ reasons: Text(), redirectTo: Text(200) }),
  refuse: Type.Object({ reasons: Text() }),
  assign: Type.Object({ userId: Uuid }),
  handOver: Type.Object({ toUserId: Uuid, note: Type.String({ maxLength: 1000 }) }),
  completeStep: Type.Object({ opinion: Text() }),
  suspend: Type.Object({
    reason: Text(), procedure: Type.Union(SPECIAL_PROCEDURES.map((p) => Type.Literal(p))),
    plannedWorkingDays: Type.Integer({ minimum: 1, maximum: 365 }),
  }),
  resume: Type.Object({}),
  requestExtension: Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Text() }),
  approveExtension: Type.Object({}),
  rejectExtension: Type.Object({ reason: Text() }),
  decide: Type.Object({ outcome: Type.Union([Type.Literal('approved'), Type.Literal('denied')]), reasons: Type.Optional(Type.String({ maxLength: 4000 })) }),
  markResultReady: Type.Object({}),
  deliver: Type.Object({ mode: Type.Union([Type.Literal('pickup'), Type.Literal('post')]), trackingNo: Type.Optional(Type.String({ maxLength: 60 })) }),
  complete: Type.Object({}),
  withdraw: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }),
  reportUp: Type.Object({ authority: Text(200), reference: Type.String({ maxLength: 100 }) }),
  recordReply: Type.Object({
    outcome: Type.Union([Type.Literal('approved'), Type.Literal('denied')]), replyOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    reference: Type.String({ maxLength: 100 }), note: Type.String({ maxLength: 2000 }),
  }),
  assignPart: Type.Object({ userId: Uuid }),
  giveOpinion: Type.Object({ opinion: Opinion, text: OpinionText, files: Type.Optional(Type.Array(Uuid, { maxItems: 20, description: 'uploaded file ids (your own uploads)' })) }),
  callMeeting: Type.Object({
    at: Type.String({ format: 'date-time', description: 'when the meeting is held' }), place: Text(200), agenda: Type.String({ maxLength: 2000 }),
    invitees: Type.Array(Uuid, { minItems: 1, maxItems: 30, description: 'department ids: the lead and/or participants' }),
  }),
  recordMeeting: Type.Object({
    attended: DeptIds(0), minutes: Text(8000),
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
