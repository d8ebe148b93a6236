/**
 * Admin side of things: drafts, versions and the lifecycle. The lifecycle is the catalog's
 * own table (draft → submitted → reviewed → published; suspend, resume, abolish), so a thing
 * is reviewed and published exactly like an item; every change is one transaction with its
 * audit event.
 */
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Queryable, Tx } from '../core/db/index.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../core/errors.js';
import { appendAudit } from '../core/audit/audit.js';
import type { SessionUser } from '../core/auth/policy.js';
import { departments } from '../core/org/schema.js';
import { containsPattern } from '../core/like.js';
import { ITEM_TRANSITIONS, allowedItemActions, displayStatus, type ItemAction, type Problem } from '../catalog/rules.js';
import { FOUR_EYES_MESSAGE, fourEyesBlocks } from '../catalog/fourEyes.js';
import { catalogSettingsFor } from '../catalog/settings.js';
import { things, thingVersions } from './schema.js';
import { validateThing } from './rules.js';
import { loadMembers } from './members.js';
import type { ThingData } from './types.js';

type ThingRow = typeof things.$inferSelect;
type VersionRow = typeof thingVersions.$inferSelect;
type Actor = Pick<SessionUser, 'id' | 'role' | 'centerId' | 'departmentId'>;

const DEPARTMENT_EDITORS = ['coordinator', 'chiefRep', 'leader'];
const NONE = '00000000-0000-0000-0000-000000000000';

// ---- Scope: the center's management office, and the lead department's staff -----------

function scopeFilter(user: SessionUser): SQL {
  if (user.role === 'centerAdmin') return eq(things.centerId, user.centerId ?? NONE);
  return eq(things.leadDepartmentId, user.departmentId ?? NONE);
}

function mayRead(user: Actor, t: Pick<ThingRow, 'centerId' | 'leadDepartmentId'>) {
  return user.role === 'centerAdmin' ? t.centerId === user.centerId : t.leadDepartmentId === user.departmentId;
}

function mayEdit(user: Actor, t: Pick<ThingRow, 'centerId' | 'leadDepartmentId'>) {
  return user.role === 'centerAdmin' ? t.centerId === user.centerId : DEPARTMENT_EDITORS.includes(user.role) && t.leadDepartmentId === user.departmentId;
}

function assertCanEdit(user: Actor, t: Pick<ThingRow, 'centerId' | 'leadDepartmentId'>) {
  if (!mayEdit(user, t)) throw forbidden('You may not edit this thing', '无权编辑该一件事');
}

const invalid = (problems: Problem[]) =>
  unprocessable('thing_invalid', `The thing is not complete: ${problems.map((p) => p.message).join('; ')}`, `一件事信息不完整：${problems.map((p) => p.messageZh).join('；')}`, problems);

// ---- Reading -------------------------------------------------------------------------

export interface ThingListQuery { q?: string; page: number; pageSize: number }

export async function listThings(ctx: AppContext, user: SessionUser, q: ThingListQuery) {
  const conds: SQL[] = [scopeFilter(user)];
  if (q.q) conds.push(or(ilike(things.name, containsPattern(q.q)), ilike(things.code, containsPattern(q.q)))!);
  const where = and(...conds);
  const [list, [{ total }]] = await Promise.all([
    ctx.db.select({ t: things, leadName: departments.name }).from(things).innerJoin(departments, eq(departments.id, things.leadDepartmentId))
      .where(where).orderBy(asc(things.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(things).where(where),
  ]);
  return {
    items: list.map(({ t, leadName }) => ({
      id: t.id, code: t.code, name: t.name, lifeEvent: t.lifeEvent, status: displayStatus(t.status, t.availability),
      latestVersion: t.latestVersion, publishedVersion: t.publishedVersion, leadDepartment: { id: t.leadDepartmentId, name: leadName },
      updatedAt: new Date(t.updatedAt).toISOString(),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

async function loadThing(db: Queryable, id: string, forUpdate = false): Promise<ThingRow> {
  const query = db.select().from(things).where(eq(things.id, id));
  const [t] = forUpdate ? await query.for('update') : await query;
  if (!t) throw notFound('Thing', '一件事');
  return t;
}

async function loadVersion(db: Queryable, thingId: string, version: number): Promise<VersionRow> {
  const [v] = await db.select().from(thingVersions).where(and(eq(thingVersions.thingId, thingId), eq(thingVersions.version, version)));
  if (!v) throw notFound('Thing version', '一件事版本');
  return v;
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export async function getThing(ctx: AppContext, user: SessionUser, id: string) {
  const t = await loadThing(ctx.db, id);
  if (!mayRead(user, t)) throw forbidden('This thing belongs to another department or center', '该一件事属于其他部门或中心');
  return thingDetail(ctx.db, user, t);
}

async function thingDetail(db: Queryable, user: Actor, t: ThingRow) {
  const versions = await db.select().from(thingVersions).where(eq(thingVersions.thingId, t.id)).orderBy(desc(thingVersions.version));
  const latest = versions[0]!;
  const members = await loadMembers(db, t.centerId, latest.data.items.map((i) => i.itemCode));
  const canEdit = mayEdit(user, t);
  const state = { versionStatus: t.status, availability: t.availability, hasPublished: t.publishedVersion !== null };
  const allowedActions = canEdit ? allowedItemActions(state, user.role === 'centerAdmin') : [];
  const { secondReviewer } = await catalogSettingsFor(db, t.centerId);
  return {
    id: t.id, code: t.code, status: displayStatus(t.status, t.availability), availability: t.availability,
    latestVersion: t.latestVersion, publishedVersion: t.publishedVersion,
    latest: {
      version: latest.version, status: latest.status, data: latest.data, createdAt: iso(latest.createdAt)!, submittedAt: iso(latest.submittedAt),
      editedBy: latest.editedBy ?? latest.createdBy, submittedBy: latest.submittedBy, reviewedBy: latest.reviewedBy, publishedBy: latest.publishedBy,
      reviewedAt: iso(latest.reviewedAt), reviewNote: latest.reviewNote, publishedAt: iso(latest.publishedAt),
    },
    // What would stop it being submitted or published now, so the editor sees it before trying.
    problems: validateThing(latest.data, members),
    versions: versions.map((v) => ({ version: v.version, status: v.status, createdAt: iso(v.createdAt)!, publishedAt: iso(v.publishedAt), reviewNote: v.reviewNote })),
    allowedActions,
    // The catalog's four eyes hold for things too: the editor shows why review or publish is disabled.
    fourEyes: { secondReviewer, blockedActions: allowedActions.filter((a) => fourEyesBlocks(a, latest, user.id, secondReviewer)) },
    canEdit,
  };
}

// ---- Writing -------------------------------------------------------------------------

/** The lead department, which fixes the thing's center. */
async function leadOf(db: Queryable, departmentId: string) {
  const [d] = await db.select({ id: departments.id, centerId: departments.centerId }).from(departments).where(eq(departments.id, departmentId));
  if (!d) throw invalid([{ field: 'leadDepartmentId', message: 'Unknown department', messageZh: '牵头部门不存在' }]);
  return d;
}

export interface CreateThingOptions { status?: 'draft' | 'published'; audit?: boolean }

/** Creates a thing with version 1: a draft, or published directly (the demo seed, checked all the same). */
export async function createThing(tx: Tx, actor: Actor, code: string, data: ThingData, at: Date, opts: CreateThingOptions = {}) {
  const lead = await leadOf(tx, data.leadDepartmentId);
  assertCanEdit(actor, { centerId: lead.centerId, leadDepartmentId: lead.id });
  const [dup] = await tx.select({ id: things.id }).from(things).where(eq(things.code, code));
  if (dup) throw conflict('duplicate_code', `Thing code ${code} exists`, `一件事编码${code}已存在`);
  const status = opts.status ?? 'draft';
  if (status === 'published') {
    const problems = validateThing(data, await loadMembers(tx, lead.centerId, data.items.map((i) => i.itemCode)));
    if (problems.length) throw invalid(problems);
  }
  const now = at.toISOString();
  const [t] = await tx.insert(things).values({
    centerId: lead.centerId, code, leadDepartmentId: lead.id, status, latestVersion: 1, publishedVersion: status === 'published' ? 1 : null,
    name: data.name, lifeEvent: data.lifeEvent, updatedAt: now,
  }).returning();
  await tx.insert(thingVersions).values({ thingId: t!.id, version: 1, status, data, createdBy: actor.id, editedBy: actor.id, createdAt: now, publishedAt: status === 'published' ? now : null });
  if (opts.audit !== false) {
    await appendAudit(tx, { actorId: actor.id, actorRole: actor.role, action: 'thing.create', entityType: 'thing', entityId: t!.id, after: { code, status, data }, at });
  }
  return t!;
}

export async function createThingForUser(ctx: AppContext, user: SessionUser, code: string, data: ThingData) {
  return ctx.db.transaction(async (tx) => thingDetail(tx, user, await createThing(tx, user, code, data, ctx.now())));
}

/** Edits the draft in place; a submitted, reviewed or published version is never changed — a new draft version starts. */
export async function updateThing(ctx: AppContext, user: SessionUser, id: string, data: ThingData, baseVersion: number) {
  return ctx.db.transaction(async (tx) => {
    const t = await loadThing(tx, id, true);
    assertCanEdit(user, t);
    if (t.availability === 'abolished') throw conflict('invalid_transition', 'An abolished thing cannot be edited', '已废止的一件事不能编辑');
    if (baseVersion !== t.latestVersion) {
      throw conflict('version_conflict', `The thing changed meanwhile (now version ${t.latestVersion})`, `一件事已被他人修改（当前版本${t.latestVersion}），请刷新后重试`);
    }
    const lead = await leadOf(tx, data.leadDepartmentId);
    if (lead.centerId !== t.centerId) throw invalid([{ field: 'leadDepartmentId', message: 'The lead department belongs to the thing\'s center', messageZh: '牵头部门须属于本中心' }]);
    // A department may not hand the thing to another department (it would lose it from its own scope mid-edit).
    if (user.role !== 'centerAdmin' && lead.id !== t.leadDepartmentId) throw forbidden('Only the center may change the lead department', '仅管理办公室可变更牵头部门');
    const latest = await loadVersion(tx, id, t.latestVersion);
    const now = ctx.now().toISOString();
    let version = t.latestVersion;
    if (latest.status === 'draft') {
      await tx.update(thingVersions).set({ data, editedBy: user.id }).where(and(eq(thingVersions.thingId, id), eq(thingVersions.version, version)));
    } else {
      if (latest.status !== 'published') {
        await tx.update(thingVersions).set({ status: 'superseded' }).where(and(eq(thingVersions.thingId, id), eq(thingVersions.version, version)));
      }
      version += 1;
      await tx.insert(thingVersions).values({ thingId: id, version, status: 'draft', data, createdBy: user.id, editedBy: user.id, createdAt: now });
    }
    // The list columns follow the public version while one exists.
    const listed = t.publishedVersion ? {} : { name: data.name, lifeEvent: data.lifeEvent, leadDepartmentId: lead.id };
    const [updated] = await tx.update(things).set({ status: 'draft', latestVersion: version, updatedAt: now, ...listed }).where(eq(things.id, id)).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: 'thing.edit', entityType: 'thing', entityId: id,
      before: { version: latest.version, status: latest.status, data: latest.data }, after: { version, status: 'draft', data }, at: ctx.now(),
    });
    return thingDetail(tx, user, updated!);
  });
}

/** submit, review, reject, publish, suspend, resume, abolish: the catalog's transition table. */
export async function actOnThing(ctx: AppContext, user: SessionUser, id: string, action: ItemAction, note?: string) {
  return ctx.db.transaction(async (tx) => {
    const t = await loadThing(tx, id, true);
    assertCanEdit(user, t);
    const tr = ITEM_TRANSITIONS[action];
    if (tr.centerOnly && user.role !== 'centerAdmin') throw forbidden('Only the center management office may do this', '仅管理办公室可执行此操作');
    const state = { versionStatus: t.status, availability: t.availability, hasPublished: t.publishedVersion !== null };
    if (!tr.from(state)) {
      const status = displayStatus(t.status, t.availability);
      throw conflict('invalid_transition', `Cannot ${action} a thing that is ${status}`, '当前状态下不能执行该操作', { action, status });
    }
    if (action === 'reject' && !note?.trim()) {
      throw unprocessable('note_required', 'Say what must be corrected', '退回修改须填写意见', [{ field: 'note', message: 'required', messageZh: '必填' }]);
    }
    const latest = await loadVersion(tx, id, t.latestVersion);
    const { secondReviewer } = await catalogSettingsFor(tx, t.centerId);
    if (fourEyesBlocks(action, latest, user.id, secondReviewer)) {
      throw new AppError(403, 'four_eyes', FOUR_EYES_MESSAGE.en, FOUR_EYES_MESSAGE.zh, { action, rule: 'secondReviewer' });
    }
    if (tr.validates) {
      // Checked against the items as published now: an item withdrawn since the draft blocks it.
      const problems = validateThing(latest.data, await loadMembers(tx, t.centerId, latest.data.items.map((i) => i.itemCode)));
      if (problems.length) throw invalid(problems);
    }
    const now = ctx.now().toISOString();
    const set: Partial<ThingRow> = { updatedAt: now };
    if (tr.to.versionStatus) {
      set.status = tr.to.versionStatus;
      const vset: Partial<VersionRow> = { status: tr.to.versionStatus };
      if (action === 'submit') Object.assign(vset, { submittedAt: now, submittedBy: user.id });
      if (action === 'review' || action === 'reject') Object.assign(vset, { reviewedAt: now, reviewedBy: user.id, reviewNote: note ?? null });
      if (action === 'publish') {
        Object.assign(vset, { publishedAt: now, publishedBy: user.id });
        if (t.publishedVersion) {
          await tx.update(thingVersions).set({ status: 'superseded' }).where(and(eq(thingVersions.thingId, id), eq(thingVersions.version, t.publishedVersion)));
        }
        Object.assign(set, { publishedVersion: t.latestVersion, name: latest.data.name, lifeEvent: latest.data.lifeEvent, leadDepartmentId: latest.data.leadDepartmentId });
      }
      await tx.update(thingVersions).set(vset).where(and(eq(thingVersions.thingId, id), eq(thingVersions.version, t.latestVersion)));
    }
    if (tr.to.availability) set.availability = tr.to.availability;
    const [updated] = await tx.update(things).set(set).where(eq(things.id, id)).returning();
    await appendAudit(tx, {
      actorId: user.id, actorRole: user.role, action: `thing.${action}`, entityType: 'thing', entityId: id,
      before: { status: t.status, availability: t.availability, version: t.latestVersion },
      after: {
        status: updated!.status, availability: updated!.availability, version: updated!.latestVersion, note: note ?? null,
        ...(action === 'review' || action === 'publish' ? { secondReviewer, editedBy: latest.editedBy ?? latest.createdBy, submittedBy: latest.submittedBy } : {}),
      }, at: ctx.now(),
    });
    return thingDetail(tx, user, updated!);
  });
}
