/**
 * Demo rows for the duty module: A/B posts and badges in the county hall, this month's
 * attendance so far (a few late arrivals and one absence), this month's published leader
 * schedule (today's leader on the portal), next month's plans (two departments not yet
 * submitted) and one patrol with a finding to rectify.
 */
import { trackDeadline } from '../core/deadlines/track.js';
import { PATROL_RECTIFY_DUE } from './deadlines.js';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { users } from '../core/auth/schema.js';
import { centers, windows } from '../core/org/schema.js';
import { calendarFor } from '../core/calendar/service.js';
import { dateInZone } from '../core/now.js';
import { attendance, badges, dutySettings, leaderDutyDays, leaderDutyPlans, leaderDutySchedules, patrolFindings, patrols, staffAssignments, type PostKind } from './schema.js';
import { daysOfMonth, nextMonth, previousMonth, weeksOfMonth } from './leaderRules.js';
import { hoursOn } from './hours.js';
import { DEFAULT_SETTINGS, type MissRecipient } from './settings.js';

const TZ = 'Asia/Shanghai';
/** window number → [A, B, supplementary…] usernames */
const POSTS: Record<number, string[]> = {
  1: ['window1', 'window2'], 2: ['window2', 'window1'], 3: ['window3', 'window4'], 4: ['window4', 'window3'], 5: ['window5', 'window6'], 6: ['window6', 'window5'],
  11: ['coord1', 'chief1', 'handler1'], 12: ['sc_coord', 'sc_chief', 'sc_handler'], 13: ['zr_coord', 'zr_chief', 'zr_handler'], 14: ['zj_coord', 'zj_chief', 'zj_handler'],
  15: ['rs_coord', 'rs_chief', 'rs_handler'], 16: ['ga_coord', 'ga_chief', 'ga_handler'], 17: ['wj_coord', 'wj_chief', 'wj_handler'], 18: ['sw_coord', 'sw_chief', 'sw_handler'], 19: ['hb_coord', 'hb_chief', 'hb_handler'],
};
const KINDS: PostKind[] = ['A', 'B', 'supplementary'];
/** Local wall time on a day → instant (the demo center is in UTC+8, no DST). */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

export async function seedDuty(tx: Tx, now: Date) {
  const [county] = await tx.select().from(centers).where(eq(centers.level, 'county'));
  if (!county) return;
  const today = dateInZone(now, TZ);
  const month = today.slice(0, 7);
  const first = `${month}-01`;
  const names = [...new Set(Object.values(POSTS).flat())];
  const people = new Map((await tx.select().from(users).where(inArray(users.username, [...names, 'admin', ...leaders.map((l) => l[1])]))).map((u) => [u.username, u]));
  const wins = new Map((await tx.select().from(windows).where(eq(windows.centerId, county.id))).map((w) => [w.number, w]));
  const createdAt = now.toISOString();
  let badgeNo = 1;
  for (const [num, holders] of Object.entries(POSTS)) {
    const w = wins.get(Number(num));
    if (!w) continue;
    await tx.insert(staffAssignments).values(holders.map((u, i) => ({ centerId: county.id, windowId: w.id, departmentId: w.departmentId, userId: people.get(u)!.id, post: KINDS[i], fromDate: '2025-01-02', createdAt })));
  }
  for (const u of names) {
    await tx.insert(badges).values({ userId: people.get(u)!.id, centerId: county.id, number: `QW${String(badgeNo++).padStart(4, '0')}`, title: '', issuedOn: '2025-01-02' });
  }
  // Attendance: every working day of this month up to today (today: signed in only, if the day has begun).
  const cal = await calendarFor(tx, county.id);
  const nowTime = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const rowsOut: (typeof attendance.$inferInsert)[] = [];
  daysOfMonth(month).filter((d) => d <= today && cal.isWorkingDay(d)).forEach((d, di) => {
    const end = hoursOn(d, DEFAULT_SETTINGS).at(-1)!.to;
    names.forEach((u, ui) => {
      if ((ui + di) % 17 === 5) return; // now and then someone is absent
      const inAt = (ui + di) % 11 === 3 ? '09:12' : `08:${String(40 + ((ui * 7 + di) % 19)).padStart(2, '0')}`;
      if (d === today && nowTime < inAt) return;
      const id = people.get(u)!.id;
      rowsOut.push({ userId: id, centerId: county.id, day: d, signInAt: at(d, inAt).toISOString(), signInBy: id, signOutAt: d === today ? null : at(d, (ui + di) % 13 === 4 ? '17:05' : end).toISOString(), signOutBy: d === today ? null : id });
    });
  });
  if (rowsOut.length) await tx.insert(attendance).values(rowsOut);
  // Leader duty: this month published (today's leader on the portal), next month partly planned.
  const admin = people.get('admin')!;
  // Seed 001's rule: each unit head sits half a day every week; 3 missed sittings go to the
  // county's leaders and the discipline commission (named here as the demo county's).
  await tx.insert(dutySettings).values({ centerId: county.id, data: { ...DEFAULT_SETTINGS, missRecipients: DEMO_RECIPIENTS }, updatedAt: createdAt, updatedBy: admin.id });
  const weeks = weeksOfMonth(month, (d) => cal.isWorkingDay(d));
  for (const [i, [, username]] of leaders.entries()) {
    const leader = people.get(username);
    if (!leader?.departmentId || !weeks.length) continue;
    const [plan] = await tx.insert(leaderDutyPlans).values({ centerId: county.id, departmentId: leader.departmentId, month, submittedAt: at(`${previousMonth(month)}-0${1 + (i % 9)}`, '10:00').toISOString(), submittedOn: `${previousMonth(month)}-0${1 + (i % 9)}`, submittedBy: leader.id }).returning();
    // One sitting a week; in today's week the first leader sits today (the portal shows a leader).
    const days = weeks.map((w) => w.days[(i + Math.max(0, w.days.indexOf(today))) % w.days.length]);
    await tx.insert(leaderDutyDays).values(days.map((day) => {
      const past = day < today;
      return { planId: plan.id, centerId: county.id, departmentId: leader.departmentId!, month, day, leaderId: leader.id, status: past ? 'done' as const : 'planned' as const, signInAt: past ? at(day, '08:50').toISOString() : null, signOutAt: past ? at(day, '12:00').toISOString() : null, log: past ? [{ at: at(day, '11:00').toISOString(), text: '现场审签本单位窗口许可事项3件，接待群众咨询2人次。' }] : [] };
    }));
  }
  await tx.insert(leaderDutySchedules).values({ centerId: county.id, month, publishedAt: at(`${previousMonth(month)}-20`, '09:00').toISOString(), publishedBy: admin.id });
  const coming = weeksOfMonth(nextMonth(month), (d) => cal.isWorkingDay(d));
  for (const [i, [, username]] of leaders.slice(0, 7).entries()) {
    const leader = people.get(username);
    if (!leader?.departmentId || !coming.length) continue;
    const [plan] = await tx.insert(leaderDutyPlans).values({ centerId: county.id, departmentId: leader.departmentId, month: nextMonth(month), submittedAt: now.toISOString(), submittedOn: today, submittedBy: leader.id }).returning();
    await tx.insert(leaderDutyDays).values(coming.map((w) => ({ planId: plan.id, centerId: county.id, departmentId: leader.departmentId!, month: nextMonth(month), day: w.days[(i * 3) % w.days.length], leaderId: leader.id })));
  }
  // One patrol this morning (or the last working day): two windows fine, one to rectify.
  const pday = today >= first ? today : first;
  const [p] = await tx.insert(patrols).values({ centerId: county.id, kind: 'scheduled', session: 'morning', day: pday, patrolledAt: at(pday, '10:00').toISOString(), patrollerId: admin.id, note: '上午定时巡查' }).returning();
  const w1 = wins.get(1)!, w11 = wins.get(11)!, w12 = wins.get(12)!;
  const due = cal.addWorkingDays(pday, DEFAULT_SETTINGS.rectifyWorkingDays).date;
  const findings = await tx.insert(patrolFindings).values([
    { patrolId: p.id, centerId: county.id, windowId: w1.id, departmentId: w1.departmentId, day: pday, grade: 'good', failedChecks: [], note: '', photoFileIds: [], rectification: 'none' },
    { patrolId: p.id, centerId: county.id, windowId: w11.id, departmentId: w11.departmentId, day: pday, grade: 'good', failedChecks: [], note: '', photoFileIds: [], rectification: 'none' },
    { patrolId: p.id, centerId: county.id, windowId: w12.id, departmentId: w12.departmentId, day: pday, grade: 'fair', failedChecks: ['tidiness', 'badge'], note: '桌面资料堆放，一名工作人员未佩戴胸牌', photoFileIds: [], rectifyDue: due, rectification: 'open' },
  ]).returning();
  await trackDeadline(tx, PATROL_RECTIFY_DUE, { rowId: findings[2]!.id, centerId: county.id, startOn: pday, workingDays: DEFAULT_SETTINGS.rectifyWorkingDays, due });
}

const DEMO_RECIPIENTS: MissRecipient[] = [
  { kind: 'organisation', name: '中共清渭县委、清渭县人民政府主要领导' },
  { kind: 'organisation', name: '清渭县纪委监委' },
  { kind: 'role', role: 'supervisor' },
];

const leaders: [string, string][] = [['MZ', 'leader1'], ['SC', 'sc_leader'], ['ZR', 'zr_leader'], ['ZJ', 'zj_leader'], ['RS', 'rs_leader'], ['GA', 'ga_leader'], ['WJ', 'wj_leader'], ['SW', 'sw_leader'], ['HB', 'hb_leader']];
