/**
 * Demo feedback (npm start): ratings of the demo's completed cases through the SMS-link
 * path, one bad review under rectification, complaints in each state, 首问 records and a
 * banner — all written through the module's own services, so audit rows and notices are real.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { actingUser } from '../core/auth/service.js';
import { users } from '../core/auth/schema.js';
import { cases } from '../cases/schema.js';
import { invitations } from './schema.js';
import { signLink } from './rules.js';
import { linkSecret } from './settings.js';
import { actOnEvaluation, rate } from './evaluations.js';
import { actOnComplaint, createComplaint } from './complaints.js';
import { closeFirstAsk, recordFirstAsk, recordPraise } from './records.js';

const RATINGS: Record<string, { grade: number; comment: string; scores: Record<string, number> }> = {
  张伟: { grade: 5, comment: '窗口一次办好，非常满意', scores: { efficiency: 5, level: 5, attitude: 5 } },
  李德明: { grade: 4, comment: '办理顺利', scores: { efficiency: 4, level: 5, attitude: 4 } },
  吴静: { grade: 2, comment: '取号后等候时间太长，窗口没有说明原因', scores: { efficiency: 2, attitude: 3 } },
};

export async function seedFeedbackDemo(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  const secret = await linkSecret(ctx.db, now);
  const done = await ctx.db.select({ id: cases.id, name: cases.applicantName, departmentId: cases.departmentId }).from(cases)
    .where(and(eq(cases.state, 'completed'), inArray(cases.applicantName, Object.keys(RATINGS))));
  const admin = await actingUser(ctx, 'admin');
  const coord = await actingUser(ctx, 'coord1');
  const window1 = await actingUser(ctx, 'window1');
  for (const c of done) {
    const [inv] = await ctx.db.insert(invitations).values({ caseId: c.id, stage: 'completion', sentAt: now.toISOString(), expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() }).returning();
    const r = RATINGS[c.name];
    const rated = await rate(ctx, null, { token: signLink(secret, { t: 'rate', inv: inv.id, exp: now.getTime() + 7 * 86_400_000 }), grade: r.grade, comment: r.comment, scores: r.scores });
    if (r.grade <= 2) await actOnEvaluation(ctx, coord, rated.id, 'verify', { version: 1, finding: 'substantiated', reason: '经查看叫号记录，当日上午窗口人员临时离岗未安排A/B岗顶替，情况属实' });
  }
  const mz = coord.departmentId!;
  const phone = { channel: 'phone' as const, complainantName: '钱多多', complainantPhone: '13700001234' };
  await createComplaint(ctx, admin, { ...phone, category: 'other', content: '对法院民事判决不服，要求中心督促改判' })
    .then((c) => actOnComplaint(ctx, admin, c.id, 'exclude', { version: 1, reason: 'otherProcedure', reply: '该事项属于应当通过诉讼途径解决的事项，请依法向上一级人民法院提起上诉。' }));
  await createComplaint(ctx, admin, { ...phone, complainantName: '孙丽', complainantPhone: '13700005678', category: 'multipleVisits', departmentId: mz, content: '办理低保审核前后跑了三次，每次都被告知缺不同材料' })
    .then((c) => actOnComplaint(ctx, admin, c.id, 'accept', { version: 1 }));
  await createComplaint(ctx, admin, { channel: 'hotline12345', externalRef: '12345-DEMO-0031', complainantName: '周强', complainantPhone: '13700009012', category: 'attitude', departmentId: mz, content: '窗口工作人员态度生硬，不耐烦' })
    .then(async (c) => {
      const a = await actOnComplaint(ctx, admin, c.id, 'accept', { version: 1 });
      await actOnComplaint(ctx, coord, c.id, 'resolve', { version: a.version, finding: 'substantiated', result: '经核查属实，已对当事工作人员批评教育并当面向您致歉。', unitNotice: '请加强窗口服务规范培训' });
    });
  const open = await recordFirstAsk(ctx, window1, { kind: 'question', askerName: '孙老汉', matter: '咨询城乡居民养老保险待遇资格认证' });
  await closeFirstAsk(ctx, window1, open.id, { outcome: 'referredOutside', toUnit: '县人社局社保中心（县城南大街12号，电话0938-6821234）', guidance: '已告知地址和电话，并写在便民卡上' });
  await recordFirstAsk(ctx, window1, { kind: 'complaint', askerName: '何阿姨', askerPhone: '13800007777', matter: '反映停车场收费问题' });
  const [w1] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'window1'));
  await recordPraise(ctx, admin, { kind: 'banner', userId: w1.id, fromName: '张伟', note: '热情服务 一次办好', receivedOn: ctx.today() });
}
