/**
 * Centers and departments by id, as every notice and case view shows them. No route edits
 * them (they are the installation's set-up), yet a change made in the database must show:
 * each row is re-read at most once a second.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/index.js';
import { notFound } from '../errors.js';
import { centers, departments } from './schema.js';
import { TtlCache } from '../ttlCache.js';

export type CenterRow = typeof centers.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;

const centerCache = new TtlCache<CenterRow>(1000);
const departmentCache = new TtlCache<DepartmentRow>(1000);

export const centerById = (db: Queryable, id: string) => centerCache.get(id, async () => {
  const [row] = await db.select().from(centers).where(eq(centers.id, id));
  if (!row) throw notFound('Center', '服务中心');
  return row;
});

export const departmentById = (db: Queryable, id: string) => departmentCache.get(id, async () => {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound('Department', '部门');
  return row;
});
