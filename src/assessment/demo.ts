/**
 * Demo assessment: the default 100-point schemes (window, department, staff; monthly) published
 * and this month so far computed from the demo facts (attendance, patrols, demo cases and
 * their reviews when loaded), so `npm start` shows a ranking, lines and their evidence; the
 * admin can freeze and publish it.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { centers } from '../core/org/schema.js';
import { DEFAULT_SCHEMES, SUBJECT_LABELS, SUBJECT_TYPES } from './rules.js';
import { computePeriod, createPeriod, createScheme, publishScheme } from './service.js';

export async function seedAssessmentDemo(ctx: AppContext): Promise<void> {
  const [county] = await ctx.db.select().from(centers).where(eq(centers.level, 'county'));
  const [admin] = await ctx.db.select().from(users).where(and(eq(users.username, 'admin'), eq(users.centerId, county.id)));
  if (!county || !admin) return;
  const actor: SessionUser = {
    id: admin.id, username: admin.username, displayName: admin.displayName, role: 'centerAdmin', centerId: county.id, centerScope: [county.id],
    departmentId: null, windowId: null, applicantKind: null, sessionId: 'demo', csrfToken: 'demo',
  };
  for (const type of SUBJECT_TYPES) {
    const s = await createScheme(ctx, actor, { code: `${type}-month`, name: `${SUBJECT_LABELS[type]}月度考核办法`, subjectType: type, periodKind: 'month', body: DEFAULT_SCHEMES[type] });
    await publishScheme(ctx, actor, s.id);
  }
  const p = await createPeriod(ctx, actor, { kind: 'month', key: ctx.today().slice(0, 7) });
  await computePeriod(ctx, actor, p.id);
}
