import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../core/db/index.js';
import { centers, departments, windows } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { hashPassword } from '../core/auth/password.js';
import { appendAudit } from '../core/audit/audit.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { createItem } from '../catalog/service.js';
import { buildItemCode } from '../catalog/rules.js';
import type { GuideData } from '../catalog/types.js';
import { agencyPoints } from '../agency/schema.js';
import { seedPartyDemo } from '../party/demo.js';
import * as demo from './data/index.js';
import { seedDuty } from '../duty/demo.js';
import { seedHallDemo } from '../hall/demo.js';
import { seedThingsDemo } from '../things/demo.js';
import { seedRemedyDemo } from '../cases/demo.js';
import { dateInZone } from '../core/now.js';

export const DEMO_PASSWORD = 'banshi123';

/** Loads the demo center into an empty database; does nothing when any center exists. */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(centers));
  if (n > 0) return false;
  // Every demo account has the same password: hash it once (argon2 is deliberately slow).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const centerIds = await seedCenters(tx);
    const deptIds = await seedDepartments(tx, centerIds);
    const windowIds = await seedWindows(tx, centerIds, deptIds);
    const adminId = await seedUsers(tx, { centerIds, deptIds, windowIds, passwordHash, now });
    await seedItems(tx, deptIds, centerIds, adminId, now);
    await seedAgencyPoints(tx, centerIds, now);
    await seedDuty(tx, now);
    await seedPartyDemo(tx, centerIds.get('county')!, now);
    await seedRemedyDemo(tx, centerIds.get('county')!, now);
    await seedHallDemo(tx, centerIds, now, dateInZone(now, process.env.BANSHI_TZ ?? 'Asia/Shanghai'));
    // 一件事一次办 (issue 24): its extra departments and items, then the things over the catalog.
    await seedThingsDemo(tx, centerIds.get('county')!, adminId, now);
    await appendAudit(tx, { actorId: null, actorRole: 'system', action: 'demo.seed', entityType: 'system', entityId: 'demo', after: { items: demo.items.length, users: demo.users.length }, at: now });
  });
  return true;
}

async function seedCenters(tx: Tx) {
  const ids = new Map<string, { id: string; path: string }>();
  for (const c of demo.centers) {
    const id = crypto.randomUUID();
    const parent = c.parentKey ? ids.get(c.parentKey) : undefined;
    const path = parent ? `${parent.path}/${id}` : id;
    await tx.insert(centers).values({
      id, parentId: parent?.id ?? null, level: c.level, name: c.name, divisionCode: c.divisionCode, address: c.address,
      phone: c.phone, complaintPhone: c.complaintPhone, hours: c.hours, path,
    });
    ids.set(c.key, { id, path });
  }
  return new Map([...ids].map(([k, v]) => [k, v.id]));
}

async function seedDepartments(tx: Tx, centerIds: Map<string, string>) {
  const ids = new Map<string, string>();
  for (const d of demo.departments) {
    const [row] = await tx.insert(departments).values({ centerId: centerIds.get(d.centerKey)!, name: d.name, shortCode: d.shortCode, phone: d.phone }).returning({ id: departments.id });
    ids.set(d.key, row.id);
  }
  return ids;
}

async function seedWindows(tx: Tx, centerIds: Map<string, string>, deptIds: Map<string, string>) {
  const ids = new Map<string, string>();
  for (const w of demo.windows) {
    const [row] = await tx.insert(windows).values({
      centerId: centerIds.get(w.centerKey)!, number: w.number, name: w.name, kind: w.kind, departmentId: w.departmentKey ? deptIds.get(w.departmentKey)! : null,
    }).returning({ id: windows.id });
    ids.set(`${w.centerKey}#${w.number}`, row.id);
  }
  return ids;
}

interface UserSeed { centerIds: Map<string, string>; deptIds: Map<string, string>; windowIds: Map<string, string>; passwordHash: string; now: Date }

async function seedUsers(tx: Tx, s: UserSeed): Promise<string> {
  let adminId = '';
  for (const u of demo.users) {
    const [row] = await tx.insert(users).values({
      username: u.username, passwordHash: s.passwordHash, displayName: u.displayName, role: u.role,
      centerId: u.centerKey ? s.centerIds.get(u.centerKey)! : null,
      departmentId: u.departmentKey ? s.deptIds.get(u.departmentKey)! : null,
      windowId: u.centerKey && u.windowNumber ? s.windowIds.get(`${u.centerKey}#${u.windowNumber}`) ?? null : null,
      applicantKind: u.applicantKind ?? null, idNumber: u.idNumber ?? null, phone: u.phone ?? null, createdAt: s.now,
    }).returning({ id: users.id });
    if (u.username === 'admin') adminId = row.id;
  }
  return adminId;
}

async function seedItems(tx: Tx, deptIds: Map<string, string>, centerIds: Map<string, string>, adminId: string, now: Date) {
  const county = demo.centers.find((c) => c.level === 'county')!;
  const actor = { id: adminId, role: 'centerAdmin' as const, centerId: null as string | null, departmentId: null };
  for (const item of demo.items) {
    // acceptedAt documents where the demo accepts an item; the guide itself carries `level` (村级 items go through the agency points).
    const { dept, seq, joint, status = 'published', acceptedAt: _acceptedAt, ...rest } = item;
    const data: GuideData = {
      ...rest,
      departmentId: deptIds.get(dept)!,
      jointParticipants: (joint ?? []).map((j) => ({ departmentId: deptIds.get(j.dept)!, subLimitWorkingDays: j.subLimitWorkingDays, task: j.task })),
    };
    const deptRow = demo.departments.find((d) => d.key === dept)!;
    actor.centerId = centerIds.get(deptRow.centerKey)!;
    const code = buildItemCode(county.divisionCode.slice(0, 6), deptRow.shortCode, data.type, seq);
    const created = await createItem(tx, actor, data, now, code, { status: status === 'published' ? 'published' : 'draft', audit: false });
    if (status === 'submitted') {
      await tx.update(serviceItems).set({ status: 'submitted' }).where(sql`${serviceItems.id} = ${created.id}`);
      await tx.update(serviceItemVersions).set({ status: 'submitted', submittedAt: now.toISOString() }).where(sql`${serviceItemVersions.itemId} = ${created.id}`);
    }
  }
}

async function seedAgencyPoints(tx: Tx, centerIds: Map<string, string>, now: Date) {
  for (const p of demo.agencyPoints) {
    await tx.insert(agencyPoints).values({ centerId: centerIds.get(p.centerKey)!, handoverCenterId: centerIds.get(p.handoverCenterKey)!, createdAt: now.toISOString() });
  }
}

/** The demo accounts as the login page lists them. */
export function demoAccounts() {
  return demo.users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName, note: u.note }));
}
