import { FormatRegistry } from '@sinclair/typebox';

// Fastify's Ajv knows these formats; TypeBox's own checker (used outside routes) needs telling.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (v) => UUID.test(v));
