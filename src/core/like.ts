/**
 * A user's search text inside a LIKE / ILIKE pattern: `%`, `_` and the escape character itself
 * match literally (PostgreSQL's default LIKE escape is the backslash), so `q=%` finds names that
 * contain a percent sign instead of listing everything.
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` with the text escaped. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
