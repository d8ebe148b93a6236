import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';

/**
 * The database as the code sees it. Queries name their tables (query builders and `sql`),
 * never drizzle's relational `db.query.*`, so the type is not tied to the list of tables
 * (src/schema.ts), which would make src/core depend on every capability.
 */
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;
