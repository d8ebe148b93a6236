/** Route-body shapes for identities: lengths only — the rules themselves run in the services (index.ts), which name the field and say what is wrong in Chinese. */
import { Type } from '@sinclair/typebox';
import { ID_TYPES } from './index.js';
import { Text } from '../formats.js';

export const IdTypeSchema = Type.Union(ID_TYPES.map((x) => Type.Literal(x)), { description: '居民身份证 (default, inferred) / 港澳台居民居住证 / 港澳通行证 / 台湾通行证 / 护照' });

export const CoApplicantBody = Type.Object({
  name: Text(100, 1),
  idNumber: Text(30, 1),
  idType: Type.Optional(IdTypeSchema),
  phone: Type.Optional(Text(20)),
}, { additionalProperties: false });
