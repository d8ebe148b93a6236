// Every table of every capability, for drizzle-kit (migrations: drizzle.config.ts). Kept at the
// top of src, beside the composition place, because it lists capabilities: src/core names none
// of them (its typed database is not tied to this list; no code uses drizzle's relational queries).
export * from './core/org/schema.js';
export * from './core/auth/schema.js';
export * from './core/audit/schema.js';
export * from './core/calendar/schema.js';
export * from './core/deadlines/schema.js';
export * from './core/files/schema.js';
export * from './core/outbox/schema.js';
export * from './core/counters/schema.js';
export * from './catalog/schema.js';
export * from './cases/schema.js';
export * from './filings/schema.js';
export * from './agency/schema.js';
export * from './cases/joint/schema.js';
export * from './stats/schema.js';
export * from './supervision/schema.js';
export * from './duty/schema.js';
export * from './party/schema.js';
export * from './feedback/schema.js';
export * from './hall/schema.js';
export * from './assessment/schema.js';
export * from './fees/schema.js';
export * from './cases/paperwork/schema.js';
export * from './cases/documents/schema.js';
export * from './supervision/report/schema.js';
export * from './things/schema.js';
export * from './licences/schema.js';
