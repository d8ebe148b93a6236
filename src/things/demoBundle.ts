/**
 * The demo's 一件事 in progress (issue 24): 王立军 (citizen1) filed 新生儿出生一件事 online two
 * working days ago, with a social security card and the 生育登记 not yet done. Filed and moved
 * through the engine itself, with the demo's walked-back clock: the 出生医学证明 was handled by
 * the 卫健委 and its result made yesterday, which started the 出生登记 (waiting at the window
 * today); the 生育登记 (即办) has its result and waits to be handed over with the others; the
 * 医保参保 and the 社保卡 still wait for their predecessors. Called by src/demo/cases.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { makeContext } from '../core/context.js';
import { SettableClock } from '../core/now.js';
import type { SessionUser } from '../core/auth/policy.js';
import { users } from '../core/auth/schema.js';
import { actingUser } from '../core/auth/service.js';
import { storeFile } from '../core/files/service.js';
import { actOnCase } from '../cases/service.js';
import { caseFacts, itemVersionOf, loadCase } from '../cases/repo.js';
import { allowedActions } from '../cases/machine.js';
import type { CaseAction } from '../cases/types.js';
import { fileBundle } from './bundleFile.js';
import { planThing } from './public.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const FORM: Record<string, string> = {
  childName: '王小禾', childSex: '女', birthDate: '', hospital: '清渭县人民医院', motherName: '李晓梅', motherId: '620524199203150020',
  fatherName: '王立军', fatherId: '620524199005122336', phone: '13919385566', hukouAddress: '清渭县城关镇东关街12号',
  mailAddress: '清渭县城关镇东关街12号', childOrder: '一孩',
};
const FORWARD: CaseAction[] = ['markResultReady', 'decide', 'assign', 'completeStep', 'accept'];

async function staffOf(ctx: AppContext, departmentId: string): Promise<SessionUser[]> {
  const found = await ctx.db.select({ username: users.username }).from(users)
    .where(and(eq(users.departmentId, departmentId), inArray(users.role, ['coordinator', 'handler', 'chiefRep']))).orderBy(users.username);
  return Promise.all(found.map((u) => actingUser(ctx, u.username)));
}

/** Moves a case to its result with whoever may act, a few minutes apart. */
async function toResult(ctx: AppContext, clock: SettableClock, id: string, window: SessionUser, origin: string) {
  const row0 = await loadCase(ctx.db, id);
  const staff = [window, ...(await staffOf(ctx, row0.departmentId))];
  const handler = staff.find((u) => u.role === 'handler');
  for (let guard = 0; guard < 12; guard++) {
    const row = await loadCase(ctx.db, id);
    if (row.state === 'resultReady') return;
    const guide = await itemVersionOf(ctx.db, row);
    const facts = caseFacts(row, guide);
    // Assigned once, to the department's handler; then the steps in turn.
    const wanted = FORWARD.filter((a) => a !== 'assign' || row.assigneeId === null);
    const next = wanted.flatMap((action) => staff.filter((u) => allowedActions(facts, u).includes(action)).map((u) => ({ action, u })))[0];
    if (!next) throw new Error(`demo bundle: nobody may move ${row.itemName} on from ${row.state}`);
    const body = next.action === 'accept' ? { provided: guide.materials.map((m) => m.id) } : next.action === 'assign' ? { userId: handler!.id }
      : next.action === 'completeStep' ? { opinion: '核对分娩信息无误' } : next.action === 'decide' ? { outcome: 'approved' } : {};
    clock.freeze(new Date(clock.now().getTime() + 11 * 60_000));
    await actOnCase(ctx, next.u, id, next.action, { version: row.version, ...body }, origin);
  }
  throw new Error(`demo bundle: ${id} did not reach its result`);
}

/** `dayAt(n)`: 09:30 on the working day n working days before today (the demo's own rule). */
export async function seedBundleDemo(ctx: AppContext, dayAt: (n: number) => Date, origin: string): Promise<void> {
  const clock = new SettableClock();
  const past = makeContext(ctx.config, ctx.database, clock);
  clock.freeze(dayAt(2));
  const [citizen, window] = await Promise.all([actingUser(past, 'citizen1'), actingUser(past, 'window1')]);
  const answers = { socialCard: 'yes', birthRegistered: 'no' };
  const plan = await planThing(past, 'newborn', answers);
  // Born five days before the parents applied.
  const born = new Date(clock.now().getTime() - 5 * 86_400_000).toISOString().slice(0, 10);
  const formData = Object.fromEntries(plan.fields.map((f) => [f.key, f.key === 'birthDate' ? born : FORM[f.key] ?? '']));
  const materials = [];
  for (const m of plan.materials.filter((x) => x.handIn === 'applicant' && x.required === 'required')) {
    materials.push({ key: m.key, fileId: (await storeFile(past, citizen, `${m.name}.pdf`, PDF)).id });
  }
  const b = await fileBundle(past, citizen, { thingCode: 'newborn', answers, formData, materials, channel: 'online' }, origin);
  const first = (name: string) => b.parts.find((p) => p.itemName === name)?.caseId;
  const cert = first('出生医学证明首次签发');
  const fertility = first('生育登记');
  if (!cert || !fertility) throw new Error('demo bundle: the newborn thing no longer starts with 出生医学证明 and 生育登记');
  await toResult(past, clock, fertility, window, origin);
  // Yesterday the 卫健委 signed the certificate and made it: that started the 出生登记.
  clock.freeze(dayAt(1));
  await toResult(past, clock, cert, window, origin);
}
