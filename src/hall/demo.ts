/**
 * Demo hall: the county hall's queue categories (通办、企业开办、工程建设、不动产登记、人社医保、
 * 专业窗口 — from the seeds' window kinds, 001 篇十二) and the town center's two, the windows
 * that serve them in order of preference, a lunchtime extended-hours day and a weekend
 * service day, and a few tickets waiting today.
 */
import type { Tx } from '../core/db/index.js';
import { calendarFor } from '../core/calendar/service.js';
import { windows } from '../core/org/schema.js';
import { hallCategories, hallServiceDays, hallTicketCounters, hallTickets, hallWindowCategories } from './schema.js';
import { addDays, ticketNumber } from './rules.js';

interface DemoCategory { centerKey: string; prefix: string; name: string; windows: number[]; capacity: number; waiting?: number }

const CATEGORIES: DemoCategory[] = [
  { centerKey: 'county', prefix: 'A', name: '综合受理（通办）', windows: [1, 2, 3], capacity: 6, waiting: 4 },
  { centerKey: 'county', prefix: 'B', name: '企业开办', windows: [4, 12, 18], capacity: 4, waiting: 2 },
  { centerKey: 'county', prefix: 'C', name: '工程建设项目审批', windows: [5, 14], capacity: 2 },
  { centerKey: 'county', prefix: 'D', name: '不动产登记', windows: [6, 13], capacity: 4, waiting: 1 },
  { centerKey: 'county', prefix: 'E', name: '人社医保', windows: [15], capacity: 4 },
  { centerKey: 'county', prefix: 'F', name: '其他专业事项', windows: [11, 16, 17, 19, 1, 2], capacity: 2 },
  { centerKey: 'town1', prefix: 'A', name: '综合受理', windows: [1], capacity: 3 },
  { centerKey: 'town1', prefix: 'B', name: '社保民政', windows: [2, 1], capacity: 3 },
];

export async function seedHallDemo(tx: Tx, centerIds: Map<string, string>, now: Date, today: string) {
  const winRows = await tx.select({ id: windows.id, centerId: windows.centerId, number: windows.number }).from(windows);
  const winId = (centerId: string, n: number) => winRows.find((w) => w.centerId === centerId && w.number === n)?.id;
  const ranks: { windowId: string; categoryId: string; rank: number }[] = [];
  const nextRank = new Map<string, number>();
  for (const [i, c] of CATEGORIES.entries()) {
    const centerId = centerIds.get(c.centerKey)!;
    const [cat] = await tx.insert(hallCategories).values({ centerId, prefix: c.prefix, name: c.name, slotCapacity: c.capacity, sortOrder: i, createdAt: now.toISOString() }).returning();
    for (const n of c.windows) {
      const windowId = winId(centerId, n);
      if (!windowId) continue;
      const rank = nextRank.get(windowId) ?? 0;
      nextRank.set(windowId, rank + 1);
      ranks.push({ windowId, categoryId: cat.id, rank });
    }
    for (let seq = 1; seq <= (c.waiting ?? 0); seq++) {
      const at = new Date(now.getTime() - (c.waiting! - seq + 1) * 4 * 60_000).toISOString();
      await tx.insert(hallTickets).values({
        centerId, categoryId: cat.id, takenCategoryId: cat.id, day: today, seq, number: ticketNumber(c.prefix, seq), state: 'waiting',
        priority: seq === 2 && c.prefix === 'A' ? 1 : 0, priorityGroup: seq === 2 && c.prefix === 'A' ? 'elderly' : null, channel: 'kiosk', queuedAt: at, takenAt: at,
      });
    }
    if (c.waiting) await tx.insert(hallTicketCounters).values({ categoryId: cat.id, day: today, last: c.waiting });
  }
  if (ranks.length) await tx.insert(hallWindowCategories).values(ranks);

  // 延时服务 on the next working day (lunchtime opening), 周末服务 on the next rest day.
  const county = centerIds.get('county')!;
  const calendar = await calendarFor(tx, county);
  let extended: string | null = null;
  let weekend: string | null = null;
  for (let i = 1; i <= 7 && (!extended || !weekend); i++) {
    const d = addDays(today, i);
    if (calendar.isWorkingDay(d)) extended ??= d;
    else weekend ??= d;
  }
  if (extended) await tx.insert(hallServiceDays).values({ centerId: county, day: extended, kind: 'extended', sessions: [{ start: '12:00', end: '13:30' }], note: '午间延时服务' });
  if (weekend) await tx.insert(hallServiceDays).values({ centerId: county, day: weekend, kind: 'weekend', sessions: [{ start: '09:00', end: '12:00' }], note: '周末值班服务（不动产、企业开办）' });
}
