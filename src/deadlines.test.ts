import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { DEADLINES } from './deadlines.js';

const SRC = import.meta.dirname;

/** `table.column` of every registered deadline column (tracked, derived, engine). */
function registered(): Set<string> {
  const out = new Set<string>();
  for (const d of DEADLINES) {
    const t = getTableName(d.table);
    const cols = d.way === 'engine' ? d.columns : [d.column, ...(d.derived ?? []).map((x) => x.column)];
    for (const c of cols) out.add(`${t}.${c.name}`);
  }
  return out;
}

/** Date columns named like a deadline: `due`, `*_due`, `*_by` (the registry's own tables aside). */
function deadlineLikeColumns(): string[] {
  const own = new Set(['working_deadlines', 'deadline_moves']);
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable) && !own.has(getTableName(v))).flatMap((t) =>
    Object.values(getTableColumns(t)).filter((c) => c.getSQLType() === 'date' && /(^|_)(due)$|_by$/.test(c.name)).map((c) => `${getTableName(t)}.${c.name}`));
}

/**
 * Files that count working days without storing the result as a tracked deadline: pure rules
 * (the caller stores through the registry), the case engine (its own recalculation), the
 * calendar itself and its read-only routes. A new file that counts working days must store
 * through `setWorkingDeadline`/`trackDeadline(s)` or be added here with its reason.
 */
const COUNTS_WITHOUT_STORING: Record<string, string> = {
  'core/calendar/calendar.ts': 'the calendar',
  'core/calendar/routes.ts': 'GET /api/calendar/add: nothing stored',
  'core/clock/clock.ts': 'the case clock (engine)',
  'core/deadlines/track.ts': 'the registry itself',
  'core/deadlines/recalc.ts': 'the registry itself',
  'cases/intake.ts': 'case engine (src/cases/recalc.ts)',
  'cases/service.ts': 'case engine: accept_by',
  'cases/joint/parts.ts': 'case engine: joint parts (syncParts)',
  'supervision/ladder.ts': 'pure rule; stored by supervision/steps.ts with trackDeadlinesSql',
  'feedback/rules.ts': 'pure rules; stored by feedback/complaints.ts and evaluations.ts',
  'assessment/rules.ts': 'pure rules',
  'calendarPreview.ts': 'the preview of a calendar change: nothing stored',
  'things/rules.ts': 'pure rules: a thing\'s plan is dated when asked, never stored',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the stored working-day deadline registry (src/deadlines.ts)', () => {
  it('registers every date column named like a deadline', () => {
    const cols = deadlineLikeColumns();
    expect(cols.length).toBeGreaterThan(8);
    const known = registered();
    expect(cols.filter((c) => !known.has(c))).toEqual([]);
  });

  it('has one kind per tracked deadline, each on a uuid id of its own table', () => {
    const tracked = DEADLINES.filter((d) => d.way === 'tracked');
    expect(new Set(tracked.map((d) => d.kind)).size).toBe(tracked.length);
    for (const d of tracked) {
      expect(getTableColumns(d.table)[Object.keys(getTableColumns(d.table)).find((k) => getTableColumns(d.table)[k] === d.id)!]).toBe(d.id);
      expect(d.id.getSQLType()).toBe('uuid');
      expect(d.column.getSQLType()).toBe('date');
    }
  });

  it('every file that counts working days stores through the registry or says why not', () => {
    const offenders = sources(SRC).filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      if (!/\.addWorkingDays(Num)?\(|\bdueAfter\(|\banswerDue\(|\bextendedDue\(/.test(text)) return false;
      const rel = path.relative(SRC, f);
      if (rel in COUNTS_WITHOUT_STORING) return false;
      return !/\b(setWorkingDeadline|trackDeadline|trackDeadlinesSql)\(/.test(text);
    }).map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
