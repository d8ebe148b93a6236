import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { DateOnly, Id, Int } from './formats.js';

/** The Fastify instance every capability's routes register on. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageZh: Type.String(),
    details: Type.Optional(Type.Unknown()),
    /** The request's id (also the x-request-id header and `reqId` in the logs). */
    requestId: Type.Optional(Type.String()),
  }),
}, { $id: 'ErrorBody' });

/** Shared formats (src/core/formats.ts): a real calendar date in range, and a row id. */
export const IsoDate = DateOnly();
export const Uuid = Id();

/** Standard error responses for the OpenAPI document. */
export const errors = (...codes: number[]): Record<number, TSchema> =>
  Object.fromEntries(codes.map((c) => [c, Type.Ref('ErrorBody')]));

export const Paging = {
  page: Type.Optional(Int({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Int({ minimum: 1, maximum: 200, default: 20 })),
};
