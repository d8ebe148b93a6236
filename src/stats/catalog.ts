/**
 * Catalog-level ratios (seeds: 即办件占比, 进驻率, 网上可办率, 最多跑一次, 接件与受理): shares of
 * the published items of the centers in scope, and received vs accepted cases of the period
 * from the rollups. Shares are computed at read time with the one rounding rule.
 */
import type ExcelJS from 'exceljs';
import { and, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { serviceItems, serviceItemVersions } from '../catalog/schema.js';
import { isPublic, publishedJoin } from '../catalog/public.js';
import type { GuideData } from '../catalog/types.js';
import { percent } from '../core/rounding.js';
import { staffReport } from './service.js';

type ItemFacts = Pick<GuideData, 'caseKind' | 'entryMode' | 'onlineDepth' | 'maxVisits'>;

/** Handled in the center: a resident department window or the comprehensive window. */
export const IN_CENTER = new Set(['resident', 'comprehensive']);

export function catalogRatios(items: readonly ItemFacts[], received: number, accepted: number) {
  const n = items.length;
  const count = (f: (i: ItemFacts) => boolean) => items.filter(f).length;
  const share = (k: number) => ({ count: k, percent: percent(k, n) });
  return {
    items: n,
    immediate: share(count((i) => i.caseKind === 'immediate')),
    inCenter: share(count((i) => IN_CENTER.has(i.entryMode))),
    onlineCapable: share(count((i) => i.onlineDepth >= 3)),
    atMostOnce: share(count((i) => i.maxVisits <= 1)),
    received, accepted, acceptedPercent: percent(accepted, received),
  };
}

export async function catalogReport(ctx: AppContext, user: SessionUser, q: { from: string; to: string; centerId?: string }) {
  const report = await staffReport(ctx, user, { from: q.from, to: q.to, groupBy: 'none', centerId: q.centerId });
  const centers = q.centerId ? [q.centerId] : user.centerScope;
  const items = centers.length
    ? (await ctx.db.select({ data: serviceItemVersions.data }).from(serviceItems).innerJoin(serviceItemVersions, publishedJoin)
      .where(and(isPublic, inArray(serviceItems.centerId, centers)))).map((r) => r.data as GuideData)
    : [];
  return { from: q.from, to: q.to, ...catalogRatios(items, report.total.received, report.total.accepted) };
}

export function addCatalogSheet(wb: ExcelJS.Workbook, r: Awaited<ReturnType<typeof catalogReport>>) {
  const ws = wb.addWorksheet('事项目录指标');
  ws.columns = [{ header: '指标', key: 'k', width: 24 }, { header: '数量', key: 'n', width: 10 }, { header: '占比（%）', key: 'p', width: 12 }, { header: '口径', key: 'd', width: 60 }];
  ws.getRow(1).font = { bold: true };
  ws.addRow({ k: '已发布事项', n: r.items, d: '本中心及下级中心已发布、可受理的事项' });
  ws.addRow({ k: '即办件', n: r.immediate.count, p: r.immediate.percent, d: '办件类型为即办的事项 ÷ 已发布事项' });
  ws.addRow({ k: '进驻中心办理', n: r.inCenter.count, p: r.inCenter.percent, d: '进驻窗口或综合窗口受理的事项 ÷ 已发布事项' });
  ws.addRow({ k: '网上可办（网办深度≥3）', n: r.onlineCapable.count, p: r.onlineCapable.percent, d: '网办深度三级及以上的事项 ÷ 已发布事项' });
  ws.addRow({ k: '最多跑一次', n: r.atMostOnce.count, p: r.atMostOnce.percent, d: '到现场次数不超过1次的事项 ÷ 已发布事项' });
  ws.addRow({ k: '收件', n: r.received, d: `统计期内（${r.from} 至 ${r.to}）提交的申请` });
  ws.addRow({ k: '受理', n: r.accepted, p: r.acceptedPercent, d: '统计期内受理的办件；占比 = 受理 ÷ 收件' });
}
