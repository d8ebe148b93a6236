import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import {
  CASE_KINDS, ENTRY_MODES, ITEM_LEVELS, ITEM_TYPES, LIMIT_UNITS, OVERDUE_DEFAULTS, SERVED_PARTIES, SPECIAL_PROCEDURES, type GuideData,
} from './types.js';

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[]);
const Text = (max = 4000) => Type.String({ maxLength: max });

const Limit = Type.Object({ value: Type.Integer({ minimum: 0, maximum: 3650 }), unit: oneOf(LIMIT_UNITS) });

const MaterialSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  required: oneOf(['required', 'optional', 'conditional'] as const),
  condition: Type.Optional(Text(500)),
  major: Type.Boolean(),
  copies: Type.Integer({ minimum: 0, maximum: 99 }),
  form: oneOf(['paper', 'electronic', 'both'] as const),
  source: oneOf(['applicant', 'sharing'] as const),
  sourceAgency: Type.Optional(Text(200)),
  sample: Type.Optional(Text(2000)),
  note: Type.Optional(Text(1000)),
});

/** Request schema of a guide (one item version); mirrors `GuideData` in types.ts. */
export const GuideSchema = Type.Object({
  name: Type.String({ maxLength: 200 }),
  type: oneOf(ITEM_TYPES),
  theme: Text(100),
  servedParty: oneOf(SERVED_PARTIES),
  departmentId: Type.String({ format: 'uuid' }),
  entryMode: oneOf(ENTRY_MODES),
  notEnteredReason: Type.Optional(Text(1000)),
  windowNames: Type.Array(Text(100), { maxItems: 20 }),
  responsiblePerson: Text(100),
  legalBasis: Text(),
  statutoryLimit: Limit,
  promisedLimit: Limit,
  caseKind: oneOf(CASE_KINDS),
  conditions: Text(),
  reviewStandard: Text(),
  procedure: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: oneOf(['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'] as const),
    workingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  }), { maxItems: 30 }),
  specialProcedures: Type.Array(oneOf(SPECIAL_PROCEDURES), { maxItems: 10 }),
  jointParticipants: Type.Array(Type.Object({
    departmentId: Type.String({ format: 'uuid' }),
    subLimitWorkingDays: Type.Integer({ minimum: 1, maximum: 365 }),
    task: Text(500),
  }), { maxItems: 20 }),
  maxVisits: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
  onlineDepth: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]),
  conditionalAcceptance: Type.Boolean(),
  owedWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  owedOverdue: Type.Optional(Text(500)),
  appointmentAllowed: Type.Boolean(),
  deliveryModes: Type.Array(oneOf(['pickup', 'post'] as const), { maxItems: 2 }),
  overdueDefault: oneOf(OVERDUE_DEFAULTS),
  materials: Type.Array(MaterialSchema, { maxItems: 60 }),
  fees: Type.Object({ free: Type.Boolean(), items: Type.Array(Type.Object({ name: Text(200), standard: Text(500), basis: Text(1000) }), { maxItems: 20 }), payBeforeDelivery: Type.Optional(Type.Boolean()) }),
  result: Type.Object({ name: Text(200), type: oneOf(['certificate', 'approval', 'other'] as const), sample: Type.Optional(Text(2000)) }),
  contact: Type.Object({ address: Text(300), hours: Text(300), phone: Text(50), complaintPhone: Text(50) }),
  keyProject: Type.Optional(Type.Boolean()),
  level: Type.Optional(oneOf(ITEM_LEVELS)),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
  keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 })),
  coApplicants: Type.Optional(Type.Object({ min: Type.Integer({ minimum: 0, maximum: 9 }), max: Type.Integer({ minimum: 1, maximum: 9 }), label: Text(40) }, { additionalProperties: false })),
}, { additionalProperties: false });

// Compile-time check that the schema and the domain type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<Static<typeof GuideSchema>, GuideData> = true;
void _same;
