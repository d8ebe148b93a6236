import { getTableName, sql, type Column } from 'drizzle-orm';

/**
 * A column of the outer query, always written `"table"."column"`. Drizzle writes a bare
 * column of a single-table select list unqualified, and inside a subquery an unqualified
 * name resolves to the subquery's own table first: `(select sum(l.points) from
 * assessment_lines l where l.subject_id = "subject_id")` compares the line with itself.
 * Every correlated subquery names its outer columns through this (src/core/db/outer.test.ts
 * fails on one that does not).
 */
export const outer = (c: Column) => sql`${sql.identifier(getTableName(c.table))}.${sql.identifier(c.name)}`;
