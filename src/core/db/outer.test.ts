import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { outer } from './outer.js';
import { assessmentResults } from '../../assessment/schema.js';

const SRC = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The `sql` tagged templates of a file: their text with each `${…}` kept as written. */
export function sqlTemplates(text: string): string[] {
  const out: string[] = [];
  const start = /\bsql(?:<[^`>]*(?:<[^`>]*>[^`>]*)*>)?`/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    let i = m.index + m[0].length;
    let body = '';
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') { body += text.slice(i, i + 2); i += 2; continue; }
      if (text[i] === '$' && text[i + 1] === '{') {
        let depth = 1, j = i + 2;
        while (j < text.length && depth) { if (text[j] === '{') depth++; else if (text[j] === '}') depth--; j++; }
        body += text.slice(i, j);
        i = j;
        continue;
      }
      body += text[i++];
    }
    out.push(body);
  }
  return out;
}

/** `${table.column}` interpolations that sit inside a `(select …)` of the template. */
export function unqualifiedInSubqueries(template: string, tables: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const stack: boolean[] = [];
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '(') stack.push(/^\(\s*select\b/i.test(template.slice(i, i + 20)));
    else if (ch === ')') stack.pop();
    else if (ch === '$' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      const expr = template.slice(i + 2, end).trim();
      const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(expr);
      if (m && tables.has(m[1]!) && stack.includes(true)) found.push(expr);
      i = end;
    }
  }
  return found;
}

describe('correlated subqueries name their outer columns with the table', () => {
  it('outer() renders "table"."column" where a bare column renders unqualified', () => {
    const db = drizzle({ connection: {} } as never);
    const bare = db.select({ x: sql`(select 1 from t where t.a = ${assessmentResults.subjectId})` }).from(assessmentResults).toSQL().sql;
    const qualified = db.select({ x: sql`(select 1 from t where t.a = ${outer(assessmentResults.subjectId)})` }).from(assessmentResults).toSQL().sql;
    expect(bare).toContain('t.a = "subject_id"');
    expect(qualified).toContain('t.a = "assessment_results"."subject_id"');
  });

  it('the scanner finds a bare column inside a subquery and ignores one outside', () => {
    const tables = new Set(['cases']);
    expect(unqualifiedInSubqueries('(select name from departments d where d.id = ${cases.departmentId})', tables)).toEqual(['cases.departmentId']);
    expect(unqualifiedInSubqueries('${cases.promisedDue} >= ${t} and (select 1 from x where x.id = ${outer(cases.id)})', tables)).toEqual([]);
    expect(sqlTemplates('const a = sql<string | null>`(select ${x.y} from z)`;')).toEqual(['(select ${x.y} from z)']);
  });

  it('no sql template in src/ puts a bare ${table.column} inside a subquery', () => {
    const files = sources(SRC);
    const tables = new Set(files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]!)));
    expect(tables.size).toBeGreaterThan(50);
    const offenders = files.flatMap((f) => sqlTemplates(fs.readFileSync(f, 'utf8'))
      .flatMap((t) => unqualifiedInSubqueries(t, tables).map((c) => `${path.relative(SRC, f)}: ${c}`)));
    expect(offenders).toEqual([]);
  });
});
