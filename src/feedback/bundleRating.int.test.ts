/**
 * 好差评 of a 一件事 bundle as a whole (issue 24): once, by its applicant, after its results are
 * ready; a bad one goes to the lead department's rectification like a bad case rating; the
 * statistics count it per thing. Bundles are written straight into their tables
 * (test/bundles.ts) around a real case filed through the case API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { LOW_INCOME, upload, walkIn } from '../../test/cases.js';
import { insertBundle, thingByCode, type ThingRow } from '../../test/bundles.js';
import { users } from '../core/auth/schema.js';
import { outbox } from '../core/outbox/schema.js';
import { workingDeadlines } from '../core/deadlines/schema.js';
import { auditEvents } from '../core/audit/schema.js';
import { evaluations } from './schema.js';

let t: TestApp;
let citizen1: Client, citizen3: Client, window1: Client, coordMZ: Client, leaderMZ: Client, admin: Client;
let thing: ThingRow;
const ids: Record<string, string> = {};
let caseId: string;
let ready: string, running: string, windowBundle: string, other: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-10-09T02:00:00Z' });
  [citizen1, citizen3, window1, coordMZ, leaderMZ, admin] = await Promise.all(['citizen1', 'citizen3', 'window1', 'coord1', 'leader1', 'admin'].map((u) => t.login(u)));
  for (const u of await t.ctx.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
  thing = await thingByCode(t.ctx.db, 'marriage'); // lead department: 民政局 (coord1, leader1)
  const filed = await window1.post('/api/cases', walkIn(LOW_INCOME, '王立军'));
  expect(filed.status).toBe(201);
  caseId = filed.body.id;
  const part = (c: string | null) => [{ itemCode: 'marriage', itemName: '内地居民结婚登记', departmentId: thing.leadDepartmentId, state: 'resultReady' as const, caseId: c }];
  const base = { thing, submittedBy: ids.citizen1!, applicantUserId: ids.citizen1, filedOn: '2026-09-28', promisedWorkingDays: 5, sumWorkingDays: 9 };
  ready = (await insertBundle(t.ctx.db, { ...base, no: 'YJS-R-READY', state: 'resultReady', endedOn: '2026-10-09', parts: part(caseId) })).id;
  running = (await insertBundle(t.ctx.db, { ...base, no: 'YJS-R-RUN', state: 'running', parts: [] })).id;
  windowBundle = (await insertBundle(t.ctx.db, { ...base, no: 'YJS-R-WIN', state: 'completed', channel: 'window', applicantUserId: null, submittedBy: ids.window1!, endedOn: '2026-10-08' })).id;
  other = (await insertBundle(t.ctx.db, { ...base, no: 'YJS-R-OTHER', state: 'resultReady', applicantUserId: ids.citizen3, endedOn: '2026-10-09', parts: [] })).id;
});
afterAll(async () => { await t?.close(); });

describe('rating a bundle as a whole', () => {
  it('is for its own applicant only: another applicant, staff and anonymous are refused', async () => {
    expect((await citizen3.post(`/api/bundles/${ready}/rating`, { grade: 5 })).status).toBe(404);
    expect((await citizen1.post(`/api/bundles/${windowBundle}/rating`, { grade: 5 })).status).toBe(404); // filed at the window, no account
    expect((await window1.post(`/api/bundles/${ready}/rating`, { grade: 5 })).status).toBe(403);
    expect((await t.anon.post(`/api/bundles/${ready}/rating`, { grade: 5 })).status).toBe(401);
    expect((await citizen1.get(`/api/bundles/${other}/rating`)).status).toBe(404);
  });

  it('waits for the results: a running bundle is not rateable', async () => {
    const view = await citizen1.get(`/api/bundles/${running}/rating`);
    expect(view.body).toMatchObject({ rateable: false, rating: null });
    const res = await citizen1.post(`/api/bundles/${running}/rating`, { grade: 4 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('bundle_not_ready');
  });

  it('validates the body: grade 1–5, a comment for a bad grade, the channel’s sub-scores', async () => {
    expect((await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 6 })).status).toBe(400);
    expect((await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 2 })).status).toBe(422);
    expect((await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 4, scores: { attitude: 5 } })).status).toBe(400); // a window sub-score on an online bundle
    expect((await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 4, extra: 1 })).status).toBe(400);
    expect((await citizen1.post('/api/bundles/not-a-uuid/rating', { grade: 4 })).status).toBe(400);
    expect((await citizen1.get(`/api/bundles/${ready}/rating`)).body).toMatchObject({ rateable: true, rating: null, scoreKeys: ['efficiency', 'guideAccuracy', 'convenience', 'platform'] });
  });

  it('takes one bad rating, puts it on the lead department’s rectification and tells its managers', async () => {
    const res = await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 2, comment: '三个部门来回跑', scores: { efficiency: 2 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bundleId: ready, grade: 2, state: 'assigned' });
    expect(res.body.rectifyDue).toMatch(/^2026-10-/);
    const [row] = await t.ctx.db.select().from(evaluations).where(eq(evaluations.bundleId, ready));
    expect(row).toMatchObject({ stage: 'bundle', caseId, departmentId: thing.leadDepartmentId, raterUserId: ids.citizen1, channel: 'portal' });
    const tracked = await t.ctx.db.select().from(workingDeadlines).where(eq(workingDeadlines.rowId, row!.id));
    expect(tracked).toHaveLength(1);
    const notices = await t.ctx.db.select().from(outbox).where(and(eq(outbox.template, 'feedback.badReview'), eq(outbox.channel, 'inApp')));
    const mine = notices.filter((n) => (n.payload as { evaluationId: string }).evaluationId === row!.id);
    expect(mine.map((n) => n.recipientUserId)).toEqual(expect.arrayContaining([ids.coord1, ids.leader1]));
    expect(mine[0]!.payload).toMatchObject({ caseNo: 'YJS-R-READY', itemName: '公民婚育一件事' });
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'feedback.rateBundle'), eq(auditEvents.entityId, row!.id)));
    expect(audit).toHaveLength(1);
    expect((await citizen1.get(`/api/bundles/${ready}/rating`)).body).toMatchObject({ rateable: false, rating: { grade: 2, gradeLabel: '不满意', comment: '三个部门来回跑' } });
  });

  it('is given once only', async () => {
    const again = await citizen1.post(`/api/bundles/${ready}/rating`, { grade: 5 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
  });

  it('runs the bad-review flow of the lead department unchanged, and leaves the case’s own rating free', async () => {
    const list = await coordMZ.get('/api/feedback/evaluations?bad=true');
    const e = list.body.items.find((x: { caseId: string; stage: string }) => x.caseId === caseId && x.stage === 'bundle');
    expect(e).toBeDefined();
    const verify = await coordMZ.post(`/api/feedback/evaluations/${e.id}/actions/verify`, { version: e.version, finding: 'substantiated', reason: '各部门未共享材料，核实属实' });
    expect(verify.status).toBe(200);
    expect(verify.body.state).toBe('rectifying');
    expect((await leaderMZ.get(`/api/feedback/evaluations/${e.id}`)).body.state).toBe('rectifying');
    // The part's case keeps its own completion rating free: the bundle's row has its own stage
    // (我的办件 and the invitation job look for the case's `completion` rating).
    const ofCase = await coordMZ.get(`/api/feedback/evaluations?caseId=${caseId}`);
    expect(ofCase.body.items.map((i: { stage: string }) => i.stage)).toEqual(['bundle']);
  });

  it('is counted per thing in the statistics: rated and 好评率', async () => {
    const res = await admin.get('/api/stats/things?from=2026-10-01&to=2026-10-09');
    expect(res.status).toBe(200);
    const line = res.body.things.find((l: { thingCode: string }) => l.thingCode === 'marriage');
    expect(line.rating).toMatchObject({ rated: 1, good: 0, bad: 1, goodRate: 0 });
    expect(res.body.total.rating.rated).toBeGreaterThanOrEqual(1);
    // The thing's rating is not the item's: the per-item summary of the case it is filed on leaves it out.
    const byItem = await t.anon.get(`/api/public/feedback/summary?groupBy=item&itemCode=${encodeURIComponent(LOW_INCOME)}`);
    expect(byItem.status).toBe(200);
    expect(byItem.body.items.reduce((n: number, i: { rated: number }) => n + i.rated, 0)).toBe(0);
  });
});

describe('with the runtime: a bundle filed through POST /api/bundles', () => {
  it('is on the board while running, then rateable once its result is ready', async () => {
    const answers = { fertility: 'no', move: 'no' };
    const plan = (await t.anon.post('/api/public/things/marriage/plan', { answers })).body;
    const formData: Record<string, unknown> = {};
    for (const f of plan.fields) formData[f.key] = f.kind === 'idNumber' ? '620524199005122336' : f.kind === 'phone' ? '13919385566' : f.kind === 'date' ? '2026-10-01' : '测试';
    const materials = [];
    for (const m of plan.materials.filter((x: { handIn: string }) => x.handIn === 'applicant')) materials.push({ key: m.key, fileId: (await upload(citizen1)).body.id });
    const filed = await citizen1.post('/api/bundles', { thingCode: 'marriage', answers, formData, materials, channel: 'online' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const bundle = filed.body as { id: string; bundleNo: string; parts: { caseId: string }[] };
    const super1 = await t.login('super1');
    const listed = await super1.get('/api/supervision/things');
    expect(listed.body.items.find((b: { bundleNo: string }) => b.bundleNo === bundle.bundleNo)).toMatchObject({ light: expect.stringMatching(/^(green|yellow)$/), partCount: 1, partsEnded: 0 });
    expect((await citizen1.post(`/api/bundles/${bundle.id}/rating`, { grade: 5 })).status).toBe(409);

    // 结婚登记 is 即办: accepted, decided and its result made at the window → the bundle's result is ready.
    const caseOf = bundle.parts[0]!.caseId;
    for (const [action, body] of [['accept', {}], ['decide', { outcome: 'approved' }], ['markResultReady', {}]] as const) {
      const cur = await window1.get(`/api/cases/${caseOf}`);
      const res = await window1.post(`/api/cases/${caseOf}/actions/${action}`, { version: cur.body.version, ...body });
      expect(res.status, `${action} ${JSON.stringify(res.body)}`).toBe(200);
    }
    expect((await citizen1.get(`/api/bundles/${bundle.id}`)).body.state).toBe('resultReady');
    expect((await super1.get('/api/supervision/things')).body.items.map((b: { bundleNo: string }) => b.bundleNo)).not.toContain(bundle.bundleNo);
    expect((await citizen1.get(`/api/bundles/${bundle.id}/rating`)).body).toMatchObject({ rateable: true });
    const rated = await citizen1.post(`/api/bundles/${bundle.id}/rating`, { grade: 5, comment: '一次办好' });
    expect(rated.status).toBe(201);
    expect(rated.body.state).toBe('rated');
    const [row] = await t.ctx.db.select().from(evaluations).where(eq(evaluations.bundleId, bundle.id));
    expect(row).toMatchObject({ caseId: caseOf, stage: 'bundle', departmentId: thing.leadDepartmentId, rectifyDue: null });
  });
});
