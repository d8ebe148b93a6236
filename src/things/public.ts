/**
 * The portal's side of things: the list by life event, one thing's guide (一次告知) and the
 * plan for one applicant's answers (which items, one material list, one form, the promised
 * total and the day it would end if filed today, in the center's calendar).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { notFound, unprocessable } from '../core/errors.js';
import { centers, departments } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { things, thingVersions } from './schema.js';
import {
  MAX_TOTAL_WORKING_DAYS, answerProblems, chooseItems, chosenPredecessors, mergeFields, mergeMaterials, optionsOf, schedule, totals, type Answers,
} from './rules.js';
import { loadMembers, type Member } from './members.js';
import { LIFE_EVENTS, LIFE_EVENT_LABELS, lifeEventParty, type ThingData, type ThingItem } from './types.js';

const isPublicThing = and(isNotNull(things.publishedVersion), eq(things.availability, 'active'))!;
const publishedJoin = and(eq(thingVersions.thingId, things.id), eq(thingVersions.version, things.publishedVersion));

/** The items of the thing whose item is still published (one suspended since is left out). */
const available = (items: readonly ThingItem[], members: ReadonlyMap<string, Member>) => items.filter((i) => members.has(i.itemCode));

function summary(data: ThingData, members: ReadonlyMap<string, Member>) {
  const items = available(data.items, members);
  const t = totals(data.items, items, members);
  return {
    itemCount: items.length,
    departments: [...new Set(items.map((i) => members.get(i.itemCode)!.departmentName))],
    promisedWorkingDays: t.promisedWorkingDays, sumWorkingDays: t.sumWorkingDays,
  };
}

/** Every life event (个人 then 企业), each with its published things. */
export async function listPublicThings(ctx: AppContext) {
  const rows = await ctx.db.select({ code: things.code, centerId: things.centerId, data: thingVersions.data })
    .from(things).innerJoin(thingVersions, publishedJoin).where(isPublicThing).orderBy(asc(things.code));
  const members = new Map<string, Map<string, Member>>();
  for (const centerId of new Set(rows.map((r) => r.centerId))) {
    members.set(centerId, await loadMembers(ctx.db, centerId, rows.filter((r) => r.centerId === centerId).flatMap((r) => r.data.items.map((i) => i.itemCode))));
  }
  const listed = rows.map((r) => ({
    code: r.code, name: r.data.name, summary: r.data.summary, lifeEvent: r.data.lifeEvent, servedParty: r.data.servedParty,
    ...summary(r.data, members.get(r.centerId)!),
  }));
  return {
    groups: LIFE_EVENTS.map((e) => ({
      lifeEvent: e, label: LIFE_EVENT_LABELS[e], party: lifeEventParty(e), things: listed.filter((t) => t.lifeEvent === e),
    })),
  };
}

async function loadPublished(ctx: AppContext, code: string) {
  const [r] = await ctx.db.select({ t: things, data: thingVersions.data, center: centers, leadName: departments.name })
    .from(things).innerJoin(thingVersions, publishedJoin).innerJoin(centers, eq(centers.id, things.centerId))
    .innerJoin(departments, eq(departments.id, things.leadDepartmentId))
    .where(and(eq(things.code, code), isPublicThing));
  if (!r) throw notFound('Thing', '一件事');
  const members = await loadMembers(ctx.db, r.t.centerId, r.data.items.map((i) => i.itemCode));
  return { ...r, members };
}

const itemView = (i: ThingItem, m: Member) => ({
  code: m.code, name: m.name, department: { id: m.departmentId, name: m.departmentName },
  promisedLimit: m.promisedLimit, caseKind: m.guide.caseKind, result: m.guide.result.name, after: i.after, when: i.when ?? [],
});

/** 一次告知: the questionnaire, every item with its department, and the full material list and form. */
export async function getPublicThing(ctx: AppContext, code: string) {
  const { t, data, center, leadName, members } = await loadPublished(ctx, code);
  const items = available(data.items, members);
  const tot = totals(data.items, items, members);
  return {
    code: t.code, version: t.publishedVersion!, name: data.name, summary: data.summary, basis: data.basis,
    lifeEvent: data.lifeEvent, lifeEventLabel: LIFE_EVENT_LABELS[data.lifeEvent], servedParty: data.servedParty,
    leadDepartment: { id: t.leadDepartmentId, name: leadName },
    questions: data.questions.map((q) => ({ ...q, options: optionsOf(q) })),
    items: items.map((i) => itemView(i, members.get(i.itemCode)!)),
    // Items of the thing that are not open for applications now (suspended or abolished since).
    unavailable: data.items.filter((i) => !members.has(i.itemCode)).map((i) => i.itemCode),
    materials: mergeMaterials(items, members, data.sharedMaterials),
    fields: mergeFields(items),
    // When every item is chosen: the longest the thing can take, and what the items take one by one.
    promisedWorkingDays: tot.promisedWorkingDays, sumWorkingDays: tot.sumWorkingDays, criticalPath: tot.criticalPath,
    contact: data.contact,
    center: { id: center.id, name: center.name, address: center.address, hours: center.hours, phone: center.phone },
  };
}

/** The applicant's answers → what they file, hand in and fill in, and when it ends if filed today. */
export async function planThing(ctx: AppContext, code: string, answers: Answers) {
  const { t, data, members } = await loadPublished(ctx, code);
  const problems = answerProblems(data.questions, answers);
  if (problems.length) {
    throw unprocessable('answers_invalid', `Answer the questions: ${problems.map((p) => p.message).join('; ')}`, `请完整回答问题：${problems.map((p) => p.messageZh).join('；')}`, problems);
  }
  const chosen = available(chooseItems(data.items, answers), members);
  const codes = chosen.map((i) => i.itemCode);
  const tot = totals(data.items, chosen, members);
  // Items republished with longer limits since the thing was checked: never date beyond the calendar.
  if (tot.promisedWorkingDays > MAX_TOTAL_WORKING_DAYS) {
    throw unprocessable('thing_too_long', 'The items now promise more than a plan can date', '所含事项的承诺时限过长，无法测算办结日期');
  }
  const calendar = await calendarFor(ctx.db, t.centerId);
  const filedOn = ctx.today();
  const dated = schedule(calendar, filedOn, codes, chosenPredecessors(data.items, new Set(codes)), members);
  const byCode = new Map(dated.items.map((d) => [d.code, d]));
  return {
    code: t.code, version: t.publishedVersion!, name: data.name, answers,
    items: chosen.map((i) => {
      const d = byCode.get(i.itemCode)!;
      return { ...itemView(i, members.get(i.itemCode)!), waitsFor: d.waitsFor, startsOn: d.startsOn, endsOn: d.endsOn };
    }),
    materials: mergeMaterials(chosen, members, data.sharedMaterials),
    fields: mergeFields(chosen),
    promisedWorkingDays: tot.promisedWorkingDays, sumWorkingDays: tot.sumWorkingDays, criticalPath: tot.criticalPath,
    filedOn, startsOn: dated.startsOn, endsOn: dated.endsOn, workingDays: dated.workingDays,
    // A date in a year without the State Council's arrangement: counted Monday to Friday.
    fallback: dated.fallback,
  };
}
