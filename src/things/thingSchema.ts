import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, Pattern, Text } from '../core/formats.js';
import { FIELD_KINDS, LIFE_EVENTS, type ThingData } from './types.js';

const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[]);
/** Keys of questions, fields and shared materials: a word (validated again by the rules). */
export const Key = Pattern('^[A-Za-z][A-Za-z0-9_-]*$', { minLength: 1, maxLength: 40 });
/** Item codes as the catalog writes them (62052400SC-XK-0003). */
const ItemCode = Text(40, 1);
const Value = Text(40, 1);

const QuestionSchema = Type.Object({
  key: Key,
  text: Text(200),
  kind: oneOf(['yesNo', 'choice'] as const),
  options: Type.Optional(Type.Array(Type.Object({ value: Value, label: Text(100, 1) }, { additionalProperties: false }), { maxItems: 20 })),
  help: Type.Optional(Text(500)),
}, { additionalProperties: false });

const FieldSchema = Type.Object({
  key: Key,
  label: Text(100, 1),
  kind: oneOf(FIELD_KINDS),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Text(100, 1), { maxItems: 50 })),
  group: Type.Optional(Text(40)),
}, { additionalProperties: false });

const ThingItemSchema = Type.Object({
  itemCode: ItemCode,
  when: Type.Optional(Type.Array(Type.Object({ question: Key, in: Type.Array(Value, { maxItems: 20 }) }, { additionalProperties: false }), { maxItems: 10 })),
  after: Type.Array(ItemCode, { maxItems: 30 }),
  fields: Type.Array(FieldSchema, { maxItems: 60 }),
  shares: Type.Array(Type.Object({ materialId: Pattern('^[A-Za-z0-9_-]+$', { minLength: 1, maxLength: 64 }), key: Key }, { additionalProperties: false }), { maxItems: 60 }),
}, { additionalProperties: false });

/** Request schema of a thing version; mirrors `ThingData` in types.ts. */
export const ThingSchema = Type.Object({
  name: Text(200),
  lifeEvent: oneOf(LIFE_EVENTS),
  servedParty: oneOf(['person', 'organization'] as const),
  leadDepartmentId: Id(),
  summary: Text(2000),
  basis: Text(2000),
  questions: Type.Array(QuestionSchema, { maxItems: 20 }),
  items: Type.Array(ThingItemSchema, { maxItems: 30 }),
  sharedMaterials: Type.Array(Type.Object({
    key: Key,
    name: Text(200),
    sharingSource: Type.Optional(Text(200)),
    producedBy: Type.Optional(ItemCode),
    note: Type.Optional(Text(500)),
  }, { additionalProperties: false }), { maxItems: 60 }),
  contact: Type.Object({ address: Text(300), hours: Text(300), phone: Text(50) }, { additionalProperties: false }),
}, { additionalProperties: false });

/** The applicant's answers: question key → option value. */
export const AnswersSchema = Type.Record(Pattern('^[A-Za-z][A-Za-z0-9_-]{0,39}$', { maxLength: 40 }), Value, { maxProperties: 40, additionalProperties: false });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<Static<typeof ThingSchema>, ThingData> = true;
void _same;
