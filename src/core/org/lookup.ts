/**
 * Centers and departments by id, as every notice and case view shows them. No route edits
 * them (they are the installation's set-up), yet a change made in the database must show:
 * each row is re-read at most once a second. Wall-clock time: a cache lifetime, not domain time.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/index.js';
import { notFound } from '../errors.js';
import { centers, departments } from './schema.js';

export type CenterRow = typeof centers.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

const TTL_MS = 1000;
const cached = new Map<string, { row: unknown; readAt: number }>();

async function lookup<T>(key: string, read: () => Promise<T | undefined>, what: [string, string]): Promise<T> {
  const hit = cached.get(key);
  if (hit && performance.now() - hit.readAt < TTL_MS) return hit.row as T;
  const readAt = performance.now();
  const row = await read();
  if (!row) throw notFound(...what);
  if (cached.size > 5000) cached.clear();
  cached.set(key, { row, readAt });
  return row;
}

export const centerById = (db: Queryable, id: string) =>
  lookup<CenterRow>(`c:${id}`, async () => (await db.select().from(centers).where(eq(centers.id, id)))[0], ['Center', '服务中心']);

export const departmentById = (db: Queryable, id: string) =>
  lookup<DepartmentRow>(`d:${id}`, async () => (await db.select().from(departments).where(eq(departments.id, id)))[0], ['Department', '部门']);
