import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Named sequences: case numbers per center and day, document numbers per center, kind and
 * year, catalog item codes per prefix. In core because several capabilities number things
 * and none should import another's tables to do it.
 */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  n: integer('n').notNull(),
});
