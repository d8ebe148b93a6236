import { and, eq, ilike, inArray, or, sql, desc, asc, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import type { SessionUser } from '../core/auth/policy.js';
import { centers, departments } from '../core/org/schema.js';
import { users } from '../core/auth/schema.js';
import { serviceItems, serviceItemVersions } from './schema.js';
import { counters } from '../core/counters/schema.js';
import { containsPattern, escapeLike } from '../core/like.js';
import {
  ITEM_TRANSITIONS, allowedItemActions, applyLevelDefaults, buildItemCode, displayStatus, itemCodeProblems, validateGuide,
  type ItemAction, type Problem,
} from './rules.js';
import type { GuideData } from './types.js';
import { FOUR_EYES_MESSAGE, SECOND_PERSON_ACTIONS, fourEyesBlocks } from './fourEyes.js';
import { catalogSettingsFor } from './settings.js';

type ItemRow = typeof serviceItems.$inferSelect;
type VersionRow = typeof serviceItemVersions.$inferSelect;
type Actor = Pick<SessionUser, 'id' | 'role' | 'centerId' | 'departmentId'>;

const DEPARTMENT_EDITORS = ['coordinator', 'chiefRep', 'leader'];

// ---- Scope -----------------------------------------------------------------------------

/** Center admins manage their center's catalog; department staff their own department's items. */
function scopeFilter(user: SessionUser): SQL {
  if (user.role === 'centerAdmin') return eq(serviceItems.centerId, user.centerId ?? '');
  return eq(serviceItems.departmentId, user.departmentId ?? '00000000-0000-0000-0000-000000000000');
}

function assertCanRead(user: SessionUser, item: ItemRow) {
  const ok = user.role === 'centerAdmin' ? item.centerId === user.centerId : item.departmentId === user.departmentId;
  if (!ok) throw forbidden('This item belongs to another department or center', '该事项属于其他部门或中心');
}

function assertCanEdit(user: Actor, item: Pick<ItemRow, 'centerId' | 'departmentId'>) {
  const ok = user.role === 'centerAdmin'
    ? item.centerId === user.centerId
    : DEPARTMENT_EDITORS.includes(user.role) && item.departmentId === user.departmentId;
  if (!ok) throw forbidden('You may not edit this item', '无权编辑该事项');
}

// ---- Reading ---------------------------------------------------------------------------

export interface AdminListQuery { q?: string; status?: string; department?: string; page: number; pageSize: number }

export async function listItems(ctx: AppContext, user: SessionUser, q: AdminListQuery) {
  const conds: SQL[] = [scopeFilter(user)];
  if (q.q) conds.push(or(ilike(serviceItems.name, containsPattern(q.q)), ilike(serviceItems.code, containsPattern(q.q)))!);
  if (q.department) conds.push(eq(serviceItems.departmentId, q.department));
  if (q.status === 'suspended' || q.status === 'abolished') conds.push(eq(serviceItems.availability, q.status));
  else if (q.status) conds.push(and(eq(serviceItems.status, q.status as ItemRow['status']), eq(serviceItems.availability, 'active'))!);
  const where = and(...conds);
  const [list, [{ total }]] = await Promise.all([
    ctx.db.select({ item: serviceItems, departmentName: departments.name }).from(serviceItems)
      .innerJoin(departments, eq(departments.id, serviceItems.departmentId))
      .where(where).orderBy(asc(serviceItems.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(serviceItems).where(where),
  ]);
  return {
    items: list.map(({ item, departmentName }) => ({
      id: item.id, code: item.code, name: item.name, status: displayStatus(item.status, item.availability),
      latestVersion: item.latestVersion, publishedVersion: item.publishedVersion,
      department: { id: item.departmentId, name: departmentName }, updatedAt: new Date(item.updatedAt).toISOString(),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

async function loadItem(db: Queryable, id: string, forUpdate = false): Promise<ItemRow> {
  const query = db.select().from(serviceItems).where(eq(serviceItems.id, id));
  const [item] = forUpdate ? await query.for('update') : await query;
  if (!item) throw notFound('Service item', '事项');
  return item;
}

async function loadVersion(db: Queryable, itemId: string, version: number): Promise<VersionRow> {
  const [v] = await db.select().from(serviceItemVersions)
    .where(and(eq(serviceItemVersions.itemId, itemId), eq(serviceItemVersions.version, version)));
  if (!v) throw notFound('Item version', '事项版本');
  return v;
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

type Names = Map<string, string>;

/** Who had a hand in a version, by name: the history a second reviewer reads before signing. */
function handsView(v: VersionRow, names: Names) {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    editedBy: person(v.editedBy ?? v.createdBy), submittedBy: person(v.submittedBy),
    reviewedBy: person(v.reviewedBy), publishedBy: person(v.publishedBy),
  };
}

async function namesOf(db: Queryable, versions: VersionRow[]): Promise<Names> {
  const ids = [...new Set(versions.flatMap((v) => [v.createdBy, v.editedBy, v.submittedBy, v.reviewedBy, v.publishedBy]).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function versionView(v: VersionRow, names: Names = new Map()) {
  return {
    version: v.version, status: v.status, data: v.data, createdAt: iso(v.createdAt)!, submittedAt: iso(v.submittedAt),
    reviewedAt: iso(v.reviewedAt), reviewNote: v.reviewNote, publishedAt: iso(v.publishedAt), ...handsView(v, names),
  };
}

export async function getItemDetail(ctx: AppContext, user: SessionUser, id: string) {
  const item = await loadItem(ctx.db, id);
  assertCanRead(user, item);
  return itemDetail(ctx.db, user, item);
}

async function itemDetail(db: Queryable, user: Actor, item: ItemRow) {
  const versions = await db.select().from(serviceItemVersions).where(eq(serviceItemVersions.itemId, item.id)).orderBy(desc(serviceItemVersions.version));
  const [dept] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, item.departmentId));
  const latest = versions[0];
  const lifecycle = { versionStatus: item.status, availability: item.availability, hasPublished: item.publishedVersion !== null };
  let canEdit = true;
  try { assertCanEdit(user, item); } catch { canEdit = false; }
  const names = await namesOf(db, versions);
  const { secondReviewer } = await catalogSettingsFor(db, item.centerId);
  const allowedActions = canEdit ? allowedItemActions(lifecycle, user.role === 'centerAdmin') : [];
  return {
    id: item.id, code: item.code, status: displayStatus(item.status, item.availability), availability: item.availability,
    latestVersion: item.latestVersion, publishedVersion: item.publishedVersion,
    department: { id: item.departmentId, name: dept?.name ?? '' },
    latest: versionView(latest, names),
    versions: versions.map((v) => ({ version: v.version, status: v.status, createdAt: iso(v.createdAt)!, publishedAt: iso(v.publishedAt), reviewNote: v.reviewNote, ...handsView(v, names) })),
    allowedActions,
    /** The allowed actions this user may not take because they edited or submitted the version (shown disabled, with the rule). */
    fourEyes: { secondReviewer, blockedActions: allowedActions.filter((a) => fourEyesBlocks(a, latest, user.id, secondReviewer)) },
    canEdit,
  };
}

export async function getItemVersion(ctx: AppContext, user: SessionUser, id: string, version: number) {
  const item = await loadItem(ctx.db, id);
  assertCanRead(user, item);
  const v = await loadVersion(ctx.db, id, version);
  return versionView(v, await namesOf(ctx.db, [v]));
}

// ---- Writing ---------------------------------------------------------------------------

async function departmentOf(db: Queryable, departmentId: string) {
  const [d] = await db.select({ id: departments.id, centerId: departments.centerId, shortCode: departments.shortCode, divisionCode: centers.divisionCode })
    .from(departments).innerJoin(centers, eq(centers.id, departments.centerId)).where(eq(departments.id, departmentId));
  if (!d) throw unprocessable('item_invalid', 'Unknown department', '部门不存在', [{ field: 'departmentId', message: 'Unknown department', messageZh: '部门不存在' }]);
  return d;
}

async function assertDepartmentsExist(db: Queryable, data: GuideData) {
  for (const [i, j] of data.jointParticipants.entries()) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, j.departmentId));
    if (!d) throw invalid([{ field: `jointParticipants.${i}.departmentId`, message: 'Unknown department', messageZh: '协办部门不存在' }]);
  }
}

const invalid = (problems: Problem[]) =>
  unprocessable('item_invalid', `The item is not complete: ${problems.map((p) => p.message).join('; ')}`, `事项信息不完整：${problems.map((p) => p.messageZh).join('；')}`, problems);

/**
 * The next free number of a code prefix. Two items created at once would read the same maximum:
 * locking the prefix's counter row first (an upsert that changes nothing) makes the second wait
 * until the first commits, and then read the maximum again.
 */
async function nextSeq(tx: Tx, prefix: string): Promise<number> {
  await tx.execute(sql`insert into ${counters} (key, n) values (${`itemCode:${prefix}`}, 0) on conflict (key) do update set n = ${counters.n}`);
  const [r] = await tx.select({ max: sql<string | null>`max(substring(${serviceItems.code} from '(\\d{4})$'))` })
    .from(serviceItems).where(ilike(serviceItems.code, `${escapeLike(prefix)}%`));
  return Number(r?.max ?? 0) + 1;
}

function denormalized(data: GuideData) {
  return {
    name: data.name, type: data.type, theme: data.theme, servedParty: data.servedParty, caseKind: data.caseKind,
    aliases: data.aliases ?? [], keywords: data.keywords ?? [],
  };
}

export interface CreateOptions { status?: 'draft' | 'published'; audit?: boolean }

/** Creates an item with version 1 (a draft, or published directly for demo and trusted imports). */
export async function createItem(tx: Tx, actor: Actor, input: GuideData, at: Date, code?: string, opts: CreateOptions = {}) {
  const data = applyLevelDefaults(input);
  const dept = await departmentOf(tx, data.departmentId);
  assertCanEdit(actor, { centerId: dept.centerId, departmentId: dept.id });
  await assertDepartmentsExist(tx, data);
  if (code) {
    const problems = itemCodeProblems(code, data.type, dept.shortCode);
    if (problems.length) throw invalid(problems);
    const [dup] = await tx.select({ id: serviceItems.id }).from(serviceItems).where(eq(serviceItems.code, code));
    if (dup) throw conflict('duplicate_code', `Item code ${code} exists`, `事项编码${code}已存在`);
  } else {
    const prefix = buildItemCode(dept.divisionCode, dept.shortCode, data.type, 0).slice(0, -4);
    code = `${prefix}${String(await nextSeq(tx, prefix)).padStart(4, '0')}`;
  }
  const status = opts.status ?? 'draft';
  if (status === 'published') {
    const problems = validateGuide(data);
    if (problems.length) throw invalid(problems);
  }
  const now = at.toISOString();
  const [item] = await tx.insert(serviceItems).values({
    centerId: dept.centerId, code, departmentId: dept.id, status, latestVersion: 1,
    publishedVersion: status === 'published' ? 1 : null, ...denormalized(data), updatedAt: now,
  }).returning();
  await tx.insert(serviceItemVersions).values({
    itemId: item.id, version: 1, status, data, createdBy: actor.id, editedBy: actor.id, createdAt: now,
    publishedAt: status === 'published' ? now : null, publishedBy: status === 'published' ? actor.id : null,
  });
  if (opts.audit !== false) {
    await appendAudit(tx, { actorId: actor.id, actorRole: actor.role, action: 'catalog.create', entityType: 'serviceItem', entityId: item.id, after: { code, status, data }, at });
  }
  return item;
}

export async function createItemForUser(ctx: AppContext, user: SessionUser, data: GuideData, code?: string) {
  return ctx.db.transaction(async (tx) => {
    const item = await createItem(tx, user, data, ctx.now(), code);
    return itemDetail(tx, user, item);
  });
}

/** Edits the draft in place; a submitted, reviewed or published version is never changed — a new draft version starts. */
export async function updateItem(tx: Tx, actor: Actor, id: string, input: GuideData, baseVersion: number, at: Date) {
  const data = applyLevelDefaults(input);
  const item = await loadItem(tx, id, true);
  assertCanEdit(actor, item);
  if (item.availability === 'abolished') throw conflict('invalid_transition', 'An abolished item cannot be edited', '已废止的事项不能编辑');
  if (baseVersion !== item.latestVersion) {
    throw conflict('version_conflict', `The item changed meanwhile (now version ${item.latestVersion})`, `事项已被他人修改（当前版本${item.latestVersion}），请刷新后重试`);
  }
  if (data.departmentId !== item.departmentId) {
    throw invalid([{ field: 'departmentId', message: 'An item cannot move to another department; create a new item', messageZh: '事项不能变更实施部门，请新建事项' }]);
  }
  await assertDepartmentsExist(tx, data);
  const latest = await loadVersion(tx, id, item.latestVersion);
  const now = at.toISOString();
  let version = item.latestVersion;
  if (latest.status === 'draft') {
    await tx.update(serviceItemVersions).set({ data, editedBy: actor.id }).where(and(eq(serviceItemVersions.itemId, id), eq(serviceItemVersions.version, version)));
  } else {
    if (latest.status !== 'published') {
      await tx.update(serviceItemVersions).set({ status: 'superseded' }).where(and(eq(serviceItemVersions.itemId, id), eq(serviceItemVersions.version, version)));
    }
    version += 1;
    await tx.insert(serviceItemVersions).values({ itemId: id, version, status: 'draft', data, createdBy: actor.id, editedBy: actor.id, createdAt: now });
  }
  // Search columns follow the public version while one exists.
  const searchable = item.publishedVersion ? {} : denormalized(data);
  const [updated] = await tx.update(serviceItems).set({ status: 'draft', latestVersion: version, updatedAt: now, ...searchable }).where(eq(serviceItems.id, id)).returning();
  await appendAudit(tx, {
    actorId: actor.id, actorRole: actor.role, action: 'catalog.edit', entityType: 'serviceItem', entityId: id,
    before: { version: latest.version, status: latest.status, data: latest.data }, after: { version, status: 'draft', data }, at,
  });
  return updated;
}

export async function updateItemForUser(ctx: AppContext, user: SessionUser, id: string, data: GuideData, baseVersion: number) {
  return ctx.db.transaction(async (tx) => itemDetail(tx, user, await updateItem(tx, user, id, data, baseVersion, ctx.now())));
}

export async function actOnItem(ctx: AppContext, user: SessionUser, id: string, action: ItemAction, note?: string) {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItem(tx, id, true);
    assertCanEdit(user, item);
    const t = ITEM_TRANSITIONS[action];
    if (t.centerOnly && user.role !== 'centerAdmin') throw forbidden('Only the center management office may do this', '仅管理办公室可执行此操作');
    const state = { versionStatus: item.status, availability: item.availability, hasPublished: item.publishedVersion !== null };
    if (!t.from(state)) {
      throw conflict('invalid_transition', `Cannot ${action} an item that is ${displayStatus(item.status, item.availability)}`, `当前状态下不能执行该操作`, { action, status: displayStatus(item.status, item.availability) });
    }
    if (action === 'reject' && !note?.trim()) {
      throw unprocessable('note_required', 'Say what must be corrected', '退回修改须填写意见', [{ field: 'note', message: 'required', messageZh: '必填' }]);
    }
    const latest = await loadVersion(tx, id, item.latestVersion);
    const { secondReviewer } = await catalogSettingsFor(tx, item.centerId);
    if (fourEyesBlocks(action, latest, user.id, secondReviewer)) {
      throw new AppError(403, 'four_eyes', FOUR_EYES_MESSAGE.en, FOUR_EYES_MESSAGE.zh, { action, rule: 'secondReviewer' });
    }
    if (t.validates) {
      const problems = validateGuide(latest.data);
      if (problems.length) throw invalid(problems);
    }
    const now = ctx.now().toISOString();
    const itemSet: Partial<ItemRow> = { updatedAt: now };
    if (t.to.versionStatus) {
      itemSet.status = t.to.versionStatus;
      const versionSet: Partial<VersionRow> = { status: t.to.versionStatus };
      if (action === 'submit') Object.assign(versionSet, { submittedAt: now, submittedBy: user.id });
      if (action === 'review' || action === 'reject') Object.assign(versionSet, { reviewedAt: now, reviewedBy: user.id, reviewNote: note ?? null });
      if (action === 'publish') {
        Object.assign(versionSet, { publishedAt: now, publishedBy: user.id });
        if (item.publishedVersion) {
          await tx.update(serviceItemVersions).set({ status: 'superseded' })
            .where(and(eq(serviceItemVersions.itemId, id), eq(serviceItemVersions.version, item.publishedVersion)));
        }
        Object.assign(itemSet, { publishedVersion: item.latestVersion, ...denormalized(latest.data) });
      }
      await tx.update(serviceItemVersions).set(versionSet).where(and(eq(serviceItemVersions.itemId, id), eq(serviceItemVersions.version, item.latestVersion)));
    }
    if (t.to.availability) itemSet.availability = t.to.availability;
    const [updated] = await tx.update(serviceItems).set(itemSet).where(eq(serviceItems.id, id)).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: `catalog.${action}`, entityType: 'serviceItem', entityId: id,
      before: { status: item.status, availability: item.availability, version: item.latestVersion },
      after: {
        status: updated.status, availability: updated.availability, version: updated.latestVersion, note: note ?? null,
        ...(SECOND_PERSON_ACTIONS.includes(action) ? { secondReviewer, editedBy: latest.editedBy ?? latest.createdBy, submittedBy: latest.submittedBy,
          reviewedBy: action === 'review' ? user.id : latest.reviewedBy } : {}),
      }, at: ctx.now(),
    });
    return itemDetail(tx, user, updated);
  });
}

