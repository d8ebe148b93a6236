import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, Int, Pattern, Text } from '../core/formats.js';
import {
  CASE_KINDS, ENTRY_MODES, ITEM_LEVELS, ITEM_TYPES, LIMIT_UNITS, OVERDUE_DEFAULTS, SERVED_PARTIES, SPECIAL_PROCEDURES, type GuideData,
} from './types.js';

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[]);
const Txt = (max = 4000) => Text(max);

const Limit = Type.Object({ value: Int({ minimum: 0, maximum: 3650 }), unit: oneOf(LIMIT_UNITS) });

const MaterialSchema = Type.Object({
  id: Pattern('^[A-Za-z0-9_-]+$', { minLength: 1, maxLength: 64 }),
  name: Text(200, 1),
  required: oneOf(['required', 'optional', 'conditional'] as const),
  condition: Type.Optional(Txt(500)),
  major: Type.Boolean(),
  copies: Int({ minimum: 0, maximum: 99 }),
  form: oneOf(['paper', 'electronic', 'both'] as const),
  source: oneOf(['applicant', 'sharing'] as const),
  sourceAgency: Type.Optional(Txt(200)),
  licenceType: Type.Optional(Txt(100)),
  sample: Type.Optional(Txt(2000)),
  note: Type.Optional(Txt(1000)),
});

/** Request schema of a guide (one item version); mirrors `GuideData` in types.ts. */
export const GuideSchema = Type.Object({
  name: Text(200),
  type: oneOf(ITEM_TYPES),
  theme: Txt(100),
  servedParty: oneOf(SERVED_PARTIES),
  departmentId: Id(),
  entryMode: oneOf(ENTRY_MODES),
  notEnteredReason: Type.Optional(Txt(1000)),
  windowNames: Type.Array(Txt(100), { maxItems: 20 }),
  responsiblePerson: Txt(100),
  legalBasis: Txt(),
  statutoryLimit: Limit,
  promisedLimit: Limit,
  caseKind: oneOf(CASE_KINDS),
  conditions: Txt(),
  reviewStandard: Txt(),
  procedure: Type.Array(Type.Object({
    name: Text(100, 1),
    role: oneOf(['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] as const),
    workingDays: Type.Optional(Int({ minimum: 0, maximum: 365 })),
  }), { maxItems: 30 }),
  specialProcedures: Type.Array(oneOf(SPECIAL_PROCEDURES), { maxItems: 10 }),
  jointParticipants: Type.Array(Type.Object({
    departmentId: Id(),
    subLimitWorkingDays: Int({ minimum: 1, maximum: 365 }),
    task: Txt(500),
  }), { maxItems: 20 }),
  maxVisits: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
  onlineDepth: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]),
  conditionalAcceptance: Type.Boolean(),
  owedWorkingDays: Type.Optional(Int({ minimum: 1, maximum: 60 })),
  owedOverdue: Type.Optional(Txt(500)),
  appointmentAllowed: Type.Boolean(),
  deliveryModes: Type.Array(oneOf(['pickup', 'post'] as const), { maxItems: 2 }),
  overdueDefault: oneOf(OVERDUE_DEFAULTS),
  materials: Type.Array(MaterialSchema, { maxItems: 60 }),
  fees: Type.Object({ free: Type.Boolean(), items: Type.Array(Type.Object({ name: Txt(200), standard: Txt(500), basis: Txt(1000) }), { maxItems: 20 }), payBeforeDelivery: Type.Optional(Type.Boolean()) }),
  result: Type.Object({ name: Txt(200), type: oneOf(['certificate', 'approval', 'other'] as const), sample: Type.Optional(Txt(2000)), supersedes: Type.Optional(Txt(100)), revokes: Type.Optional(Txt(100)) }),
  contact: Type.Object({ address: Txt(300), hours: Txt(300), phone: Txt(50), complaintPhone: Txt(50) }),
  keyProject: Type.Optional(Type.Boolean()),
  level: Type.Optional(oneOf(ITEM_LEVELS)),
  aliases: Type.Optional(Type.Array(Text(40, 1), { maxItems: 20 })),
  keywords: Type.Optional(Type.Array(Text(40, 1), { maxItems: 30 })),
  coApplicants: Type.Optional(Type.Object({ min: Type.Integer({ minimum: 0, maximum: 9 }), max: Type.Integer({ minimum: 1, maximum: 9 }), label: Text(40) }, { additionalProperties: false })),
}, { additionalProperties: false });

// Compile-time check that the schema and the domain type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<Static<typeof GuideSchema>, GuideData> = true;
void _same;
