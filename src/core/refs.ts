/**
 * References a request names (a staff member, a window, a department, a center) must point at
 * rows that exist — and, where a center is given, at rows of that center. Checked by the service
 * before it writes, so the answer is a 422 naming the field rather than a foreign-key error (or,
 * for columns without a foreign key, a dangling id stored for good).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from './db/index.js';
import { unprocessable } from './errors.js';
import { centers, departments, windows } from './org/schema.js';
import { users } from './auth/schema.js';

const TABLES = { user: users, department: departments, window: windows, center: centers } as const;
const LABELS: Record<keyof typeof TABLES, string> = { user: '人员', department: '部门', window: '窗口', center: '中心' };

export interface Ref {
  /** The request field, e.g. "body.staffId". */
  field: string;
  kind: keyof typeof TABLES;
  id: string | null | undefined;
  /** When set, the row must belong to this center (centers: be this center). */
  centerId?: string | null;
}

/** Throws 422 `reference_not_found` naming every field whose row is missing or out of the center. */
export async function requireRefs(q: Queryable, refs: Ref[]): Promise<void> {
  const bad: Ref[] = [];
  for (const r of refs) {
    if (!r.id) continue;
    if (!(await exists(q, r))) bad.push(r);
  }
  if (!bad.length) return;
  const fields = bad.map((r) => r.field).join(', ');
  throw unprocessable('reference_not_found', `No such record: ${fields}`, `所选${bad.map((r) => LABELS[r.kind]).join('、')}不存在或不属于本中心`,
    bad.map((r) => ({ field: r.field, message: r.centerId ? 'not found in this center' : 'not found' })));
}

async function exists(q: Queryable, r: Ref): Promise<boolean> {
  if (r.kind === 'center') {
    const [c] = await q.select({ id: centers.id }).from(centers).where(eq(centers.id, r.id!));
    return !!c && (!r.centerId || c.id === r.centerId);
  }
  const t = TABLES[r.kind] as typeof departments;
  const cond = r.centerId ? and(eq(t.id, r.id!), eq(t.centerId, r.centerId)) : eq(t.id, r.id!);
  const [row] = await q.select({ id: t.id }).from(t).where(cond);
  return !!row;
}

/** Ids among `ids` that are not rows of `kind` (for lists: leader ids of a plan, invitees …). */
export async function missingIds(q: Queryable, kind: keyof typeof TABLES, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const t = TABLES[kind] as typeof departments;
  const found = new Set((await q.select({ id: t.id }).from(t).where(inArray(t.id, ids))).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
