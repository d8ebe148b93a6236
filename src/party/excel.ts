/** Excel exports (exceljs): members, meetings of a year, dues of a year. Phones masked as in every list. */
import ExcelJS from 'exceljs';
import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { loadAccess } from './access.js';
import { listMembers } from './members.js';
import { partyDues, partyMeetings } from './schema.js';
import { isoDate } from './rules/dates.js';
import { FREQUENCY_LABELS, MEETING_KIND_LABELS } from './types.js';
import { FREQUENCIES } from './rules/meetings.js';

async function book(sheet: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banshi 办事';
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function membersWorkbook(ctx: AppContext, user: SessionUser) {
  const { items } = await listMembers(ctx, user, {});
  return book('党员名册', [
    { header: '姓名', key: 'name', width: 10 }, { header: '性别', key: 'gender', width: 6 }, { header: '所在支部', key: 'branchName', width: 22 },
    { header: '党小组', key: 'groupName', width: 14 }, { header: '身份', key: 'statusLabel', width: 14 }, { header: '职务', key: 'post', width: 18 },
    { header: '副处级以上', key: 'deputy', width: 10 }, { header: '申请入党', key: 'appliedOn', width: 12 }, { header: '确定积极分子', key: 'activistOn', width: 12 },
    { header: '列为发展对象', key: 'targetOn', width: 12 }, { header: '入党（预备）', key: 'probationOn', width: 12 }, { header: '转正', key: 'fullOn', width: 12 },
    { header: '预备期满', key: 'probationEndsOn', width: 12 }, { header: '联系电话', key: 'phone', width: 14 },
  ], items.map((m) => ({ ...m, groupName: m.groupName ?? '', deputy: m.deputyDivision ? '是' : '' })));
}

export async function meetingsWorkbook(ctx: AppContext, user: SessionUser, year: number) {
  const a = await loadAccess(ctx.db, user);
  const names = new Map(a.readable.map((o) => [o.id, o.name]));
  const rows = a.readable.length ? await ctx.db.select().from(partyMeetings).where(and(
    inArray(partyMeetings.orgId, a.readable.map((o) => o.id)), gte(partyMeetings.scheduledOn, isoDate(year, 1, 1)), lte(partyMeetings.scheduledOn, isoDate(year, 12, 31)),
  )).orderBy(asc(partyMeetings.scheduledOn)) : [];
  const status = { scheduled: '未召开', held: '已召开', cancelled: '已取消' } as const;
  return book(`${year}年会议`, [
    { header: '党组织', key: 'org', width: 22 }, { header: '会议类型', key: 'kind', width: 14 }, { header: '频次要求', key: 'freq', width: 10 },
    { header: '会议名称', key: 'title', width: 30 }, { header: '计划日期', key: 'scheduledOn', width: 12 }, { header: '召开日期', key: 'heldOn', width: 12 },
    { header: '状态', key: 'status', width: 8 }, { header: '应到', key: 'expected', width: 6 }, { header: '实到', key: 'present', width: 6 },
    { header: '到会人数符合规定', key: 'quorum', width: 14 }, { header: '议题', key: 'topic', width: 30 },
  ], rows.map((m) => ({
    org: names.get(m.orgId), kind: MEETING_KIND_LABELS[m.kind], freq: FREQUENCY_LABELS[FREQUENCIES[m.kind]], title: m.title, scheduledOn: m.scheduledOn,
    heldOn: m.heldOn ?? '', status: status[m.status], expected: m.expected ?? '', present: m.present ?? '', quorum: m.quorumOk === null ? '' : m.quorumOk ? '是' : '否', topic: m.topic,
  })));
}

export async function duesWorkbook(ctx: AppContext, user: SessionUser, year: number) {
  const { items } = await listMembers(ctx, user, {});
  const ids = items.map((m) => m.id);
  const paid = ids.length ? await ctx.db.select().from(partyDues).where(and(inArray(partyDues.memberId, ids), inArray(partyDues.period, [`${year}H1`, `${year}H2`]))) : [];
  const rows = items.filter((m) => ['probationary', 'full', 'retired'].includes(m.status)).map((m) => {
    const h = (p: string) => paid.find((d) => d.memberId === m.id && d.period === `${year}${p}`);
    const h1 = h('H1');
    const h2 = h('H2');
    return {
      name: m.name, branchName: m.branchName, h1: h1 ? h1.amountCents / 100 : '', h1On: h1?.paidOn ?? '', h1Receipt: h1?.receiptNo ?? '', h1Deposit: h1?.depositedOn ?? '',
      h2: h2 ? h2.amountCents / 100 : '', h2On: h2?.paidOn ?? '', h2Receipt: h2?.receiptNo ?? '', h2Deposit: h2?.depositedOn ?? '',
    };
  });
  return book(`${year}年党费`, [
    { header: '姓名', key: 'name', width: 10 }, { header: '所在支部', key: 'branchName', width: 22 },
    { header: '上半年金额（元）', key: 'h1', width: 14 }, { header: '上半年缴纳日期', key: 'h1On', width: 14 }, { header: '上半年收据号', key: 'h1Receipt', width: 16 }, { header: '上半年上缴日期', key: 'h1Deposit', width: 14 },
    { header: '下半年金额（元）', key: 'h2', width: 14 }, { header: '下半年缴纳日期', key: 'h2On', width: 14 }, { header: '下半年收据号', key: 'h2Receipt', width: 16 }, { header: '下半年上缴日期', key: 'h2Deposit', width: 14 },
  ], rows);
}
