/**
 * The remedy bodies a center's adverse notices name (复议机关, 人民法院): its own settings, else
 * the nearest center above it with settings, field by field. Without any, the review body
 * falls back to the county's people's government (行政复议法 第二十四条: the government at the
 * department's level hears it), named from the county-level center; the court is never
 * guessed (administrative cases are often heard by a designated court elsewhere).
 */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../core/db/index.js';
import type { SessionUser } from '../../core/auth/policy.js';
import { appendAudit } from '../../core/audit/audit.js';
import { centerById, type CenterRow } from '../../core/org/lookup.js';
import { forbidden, unprocessable } from '../../core/errors.js';
import { remedySettings } from './schema.js';
import { remedyNameProblem, type RemedyBodies } from './decision.js';

/** The center and the centers above it, nearest first (a few hops at most). */
async function chainOf(db: Queryable, centerId: string): Promise<CenterRow[]> {
  const chain = [await centerById(db, centerId)];
  while (chain.length < 6 && chain[chain.length - 1].parentId) chain.push(await centerById(db, chain[chain.length - 1].parentId!));
  return chain;
}

/** 清渭县政务服务中心 → 清渭县人民政府 (the county-level center of the chain), or null. */
export function countyGovernment(chain: readonly Pick<CenterRow, 'level' | 'name'>[]): string | null {
  const county = chain.find((c) => c.level === 'county');
  const name = county ? /^(.+?[县区市旗])/.exec(county.name)?.[1] : undefined;
  return name ? `${name}人民政府` : null;
}

export async function ownRemedySettings(db: Queryable, centerId: string) {
  const [row] = await db.select().from(remedySettings).where(eq(remedySettings.centerId, centerId));
  return { reviewBody: row?.reviewBody ?? null, court: row?.court ?? null };
}

/** What the notices of this center print. */
export async function remedyBodiesFor(db: Queryable, centerId: string): Promise<Required<RemedyBodies>> {
  const chain = await chainOf(db, centerId);
  let reviewBody: string | null = null;
  let court: string | null = null;
  for (const c of chain) {
    const own = await ownRemedySettings(db, c.id);
    reviewBody ??= own.reviewBody;
    court ??= own.court;
    if (reviewBody && court) break;
  }
  return { reviewBody: reviewBody ?? countyGovernment(chain), court };
}

/** The center's management office names them; blank clears a name (the generic wording returns). */
export async function putRemedySettings(tx: Tx, user: SessionUser, input: { reviewBody: string; court: string }, at: Date) {
  if (user.role !== 'centerAdmin' || !user.centerId) throw forbidden('Only the center’s management office sets this', '仅中心管理办公室可以设置');
  const problems = (['reviewBody', 'court'] as const).flatMap((f) => {
    const p = remedyNameProblem(f, input[f]);
    return p ? [{ field: `body.${f}`, message: p === 'not_a_court' ? 'not a court’s name' : 'not a full name' }] : [];
  });
  if (problems.length) throw unprocessable('remedy_name', 'Name the review body and the court in full (a court’s name ends with “court”)', '请填写复议机关、人民法院的全称（人民法院名称以“法院”结尾）', problems);
  const before = await ownRemedySettings(tx, user.centerId);
  const values = { reviewBody: input.reviewBody.trim() || null, court: input.court.trim() || null, updatedAt: at.toISOString(), updatedBy: user.id };
  await tx.insert(remedySettings).values({ centerId: user.centerId, ...values }).onConflictDoUpdate({ target: remedySettings.centerId, set: values });
  await appendAudit(tx, { actorId: user.id, actorRole: user.role, action: 'documents.remedies.set', entityType: 'remedySettings', entityId: user.centerId, before, after: { reviewBody: values.reviewBody, court: values.court }, at });
}
