// Every table of every capability, for drizzle (queries) and drizzle-kit (migrations).
export * from '../org/schema.js';
export * from '../auth/schema.js';
export * from '../audit/schema.js';
export * from '../calendar/schema.js';
export * from '../files/schema.js';
export * from '../outbox/schema.js';
export * from '../../catalog/schema.js';
export * from '../../cases/schema.js';
export * from '../../filings/schema.js';
export * from '../../agency/schema.js';
export * from '../../cases/joint/schema.js';
export * from '../../stats/schema.js';
export * from '../../supervision/schema.js';
export * from '../../duty/schema.js';
export * from '../../party/schema.js';
export * from '../../feedback/schema.js';
export * from '../../hall/schema.js';
