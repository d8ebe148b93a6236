/**
 * Demo fees (npm start with the demo cases): the county center's treasury account, and a
 * 不动产转移登记 case filed and decided through the engine today, its 缴款通知书 issued
 * (80 元 registration + one extra certificate 10 元 = 90 元) and not yet paid — so `window1`
 * finds it waiting for payment, records the bank receipt and hands the result over.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { rows } from '../core/db/index.js';
import { actingUser } from '../core/auth/service.js';
import type { GuideData } from '../catalog/types.js';
import { actOnCase, createCase } from '../cases/service.js';
import { loadCase } from '../cases/repo.js';
import type { CaseAction } from '../cases/types.js';
import { issueNotice, putTreasury } from './service.js';

export async function seedFeeDemo(ctx: AppContext, origin: string): Promise<string | null> {
  const [admin, window1, coord, handler, chief] = await Promise.all(['admin', 'window1', 'zr_coord', 'zr_handler', 'zr_chief'].map((u) => actingUser(ctx, u)));
  await putTreasury(ctx, admin, { name: '清渭县财政局非税收入汇缴结算户', bank: '中国农业银行清渭县支行', accountNo: '27-365101040001234' });
  const [item] = await rows<{ code: string; data: GuideData }>(ctx.db, sql`
    select i.code, v.data from service_items i join service_item_versions v on v.item_id = i.id and v.version = i.published_version where v.data->>'name' = '不动产转移登记'`);
  if (!item) return null;
  const created = await createCase(ctx, window1, {
    itemCode: item.code, channel: 'window', applicant: { kind: 'person', name: '韩晓东', idNumber: '620524198611200037', phone: '13909381230' },
  }, { origin });
  const act = async (user: typeof admin, action: CaseAction, body: Record<string, unknown> = {}) => {
    const row = await loadCase(ctx.db, created.id);
    await actOnCase(ctx, user, created.id, action, { version: row.version, ...body }, origin);
  };
  await act(window1, 'accept', { provided: item.data.materials.filter((m) => m.required === 'required' && m.source !== 'sharing').map((m) => m.id) });
  await act(coord, 'assign', { userId: handler.id });
  await act(handler, 'completeStep', { opinion: '登簿审核通过，权属清楚无抵押' });
  await act(handler, 'completeStep', { opinion: '已缮证（2本）' });
  await act(coord, 'completeStep', { opinion: '复核无误' });
  await act(chief, 'decide', { outcome: 'approved' });
  await act(window1, 'markResultReady');
  await issueNotice(ctx, window1, created.id, [1, 0, 2], origin);
  return created.caseNo;
}
