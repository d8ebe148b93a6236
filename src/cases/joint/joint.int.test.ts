import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { act, must, upload } from '../../../test/cases.js';

/** 建筑工程施工许可: lead 住建 ZJ, participants ZR (5 wd), GA (10 wd), HB (10 wd); key project; overdue default deemedApproved. */
const PERMIT = '62052400ZJ-XK-0001';
/** 商品房预售许可: a promised (not key-project) item of the same department. */
const PRESALE = '62052400ZJ-XK-0002';
/** 企业开办一件事: lead SC, participants GA, SW, RS (1 wd each); overdue default none. */
const STARTUP = '62052400SC-XK-0007';
const PERMIT_MATERIALS = ['application', 'construction-contract', 'drawing-review', 'fire-design', 'funding-pledge'];

const company = (itemCode: string, name = '清渭县宏远建设有限公司') => ({
  itemCode, channel: 'window', applicant: { kind: 'organization', name, idNumber: '91620524MA7ABCDE16', phone: '13800002222' },
});

let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};
const setNow = (iso: string) => t.anon.post('/api/test/clock', { now: iso });
const sweep = async () => (await t.anon.post('/api/test/sweep')).body.changed['joint-overdue-defaults'] as number;
const part = (view: any, deptId: string) => view.participants.find((p: any) => p.department.id === deptId);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' }); // Monday 09:00 in Shanghai
  const names = ['window1', 'admin', 'super1', 'zj_coord', 'zj_handler', 'zj_leader', 'zr_coord', 'ga_coord', 'ga_handler', 'hb_chief', 'sc_coord', 'sc_handler', 'sc_chief', 'sw_coord', 'rs_coord', 'rs_leader', 'town_admin'];
  for (const n of names) c[n] = await t.login(n);
  for (const n of names) ids[n] = (await c[n].get('/api/auth/me')).body.user.id;
  const depts = (await t.ctx.db.execute(sql`select short_code, id from departments`)) as unknown as { rows: { short_code: string; id: string }[] };
  for (const d of depts.rows) ids[d.short_code] = d.id;
});
afterAll(async () => { await t?.close(); });

/** The lead's own steps up to the sign-off (分办 → two handler steps → 复核). */
async function leadHandles(caseId: string) {
  await must(c.zj_coord, caseId, 'assign', { userId: ids.zj_handler });
  await must(c.zj_handler, caseId, 'completeStep', { opinion: '施工许可条件符合' });
  await must(c.zj_handler, caseId, 'completeStep', { opinion: '并联意见已汇总' });
  await must(c.zj_coord, caseId, 'completeStep', { opinion: '复核同意' });
}

async function acceptedPermit(provided = PERMIT_MATERIALS) {
  const created = await c.window1.post('/api/cases', company(PERMIT));
  expect(created.status).toBe(201);
  return { id: created.body.id as string, view: await must(c.window1, created.body.id, 'accept', { provided }) };
}

describe('joint case with deemed consent (overdue default deemedApproved)', () => {
  let id: string;

  it('accepts once: every participant gets its part at the same time, with the joint acceptance notice', async () => {
    await setNow('2026-03-02T01:00:00Z');
    const { id: caseId, view } = await acceptedPermit();
    id = caseId;
    expect(view.documents.map((d: any) => d.kind)).toEqual(['receipt', 'jointAcceptance', 'handlingNotice']);
    expect(view.clock).toMatchObject({ acceptedOn: '2026-03-02', promisedDue: '2026-03-18' });
    expect(view.participants.map((p: any) => [p.department.id, p.subDue, p.state, p.light])).toEqual([
      [ids.ZR, '2026-03-09', 'pending', 'green'], [ids.GA, '2026-03-16', 'pending', 'green'], [ids.HB, '2026-03-16', 'pending', 'green'],
    ]);
    expect(part(view, ids.ZR)).toMatchObject({ task: '建设工程规划许可核验（规划核实）', opinion: null, deemed: false, escalated: false, deemOn: '2026-03-10' });
    const notice = await c.window1.get(`/api/cases/${id}/documents/${view.documents[1].id}`);
    expect(notice.body).toContain('联办受理通知书');
    expect(notice.body).toContain('消防设计审查');
    expect(notice.body).toContain('2026年3月9日');
    expect(notice.body).toContain('2026年3月18日');
    // Participants' coordinators were told in the same transaction.
    const told = (await t.ctx.db.execute(sql`select recipient_user_id from outbox where template = 'case.jointTask' and payload->>'caseId' = ${id}`)) as unknown as { rows: { recipient_user_id: string }[] };
    expect(told.rows.map((r) => r.recipient_user_id).sort()).toEqual([ids.zr_coord, ids.ga_coord, await idOf('hb_coord')].sort());
  });

  it('participant staff read the case and see their sub-task on their worklist; other departments do not', async () => {
    const list = await c.ga_coord.get('/api/cases');
    const row = list.body.items.find((r: any) => r.id === id);
    expect(row).toMatchObject({ keyProject: true, part: { task: '消防设计审查', subDue: '2026-03-16', state: 'pending' }, light: 'green' });
    const view = await c.ga_coord.get(`/api/cases/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.allowedActions.sort()).toEqual(['assignPart', 'giveOpinion']);
    expect((await c.sc_coord.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await c.sc_coord.get('/api/cases')).body.items.map((r: any) => r.id)).not.toContain(id);
    // A participant acts only on its part.
    expect((await act(c.ga_coord, id, 'assign', { userId: ids.ga_handler })).status).toBe(403);
    const version = (await c.ga_coord.get(`/api/cases/${id}`)).body.version;
    expect((await c.sc_coord.post(`/api/cases/${id}/actions/giveOpinion`, { version, opinion: 'agree', text: '' })).status).toBe(403);
  });

  it('two participants give their opinions (their own chain, documents attached)', async () => {
    await must(c.ga_coord, id, 'assignPart', { userId: ids.ga_handler });
    expect((await c.ga_handler.get('/api/cases?assignee=me')).body.items.map((r: any) => r.id)).toContain(id);
    const file = await upload(c.ga_handler);
    const given = await must(c.ga_handler, id, 'giveOpinion', { opinion: 'agree', text: '消防设计符合规范', files: [file.body.id] });
    expect(part(given, ids.GA)).toMatchObject({ state: 'answered', opinion: { value: 'agree', files: [file.body.id] }, light: 'green' });
    expect((await act(c.ga_coord, id, 'giveOpinion', { opinion: 'agree', text: '' })).body.error.code).toBe('opinion_given');
    // The lead reads the participant's documents; a stranger does not.
    expect((await c.zj_leader.get(`/api/files/${file.body.id}`)).status).toBe(200);
    expect((await c.sc_coord.get(`/api/files/${file.body.id}`)).status).toBe(403);
    const noReason = await act(c.hb_chief, id, 'giveOpinion', { opinion: 'agreeWithConditions', text: ' ' });
    expect([noReason.status, noReason.body.error.code]).toEqual([422, 'opinion_text_required']);
    await must(c.hb_chief, id, 'giveOpinion', { opinion: 'agreeWithConditions', text: '施工期间落实扬尘污染防治措施' });
    expect((await c.ga_coord.get('/api/cases')).body.items.map((r: any) => r.id)).not.toContain(id);
  });

  it('the lead cannot decide while a participant has neither opinion nor deemed consent', async () => {
    await leadHandles(id);
    const refused = await act(c.zj_leader, id, 'decide', { outcome: 'approved' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'joint_opinions_pending']);
    expect((await c.zj_leader.get(`/api/cases/${id}`)).body.allowedActions).not.toContain('decide');
  });

  it('deems consent on the first working day after the sub-due day, once, charged to the department', async () => {
    await setNow('2026-03-09T09:00:00Z'); // the sub-due day itself, 17:00 in Shanghai
    expect(await sweep()).toBe(0);
    expect(part((await c.zj_leader.get(`/api/cases/${id}`)).body, ids.ZR)).toMatchObject({ state: 'pending', deemed: false, light: 'yellow' });
    await setNow('2026-03-09T17:00:00Z'); // Tue 01:00 in Shanghai: the boundary day
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const view = (await c.zj_leader.get(`/api/cases/${id}`)).body;
    // Deemed after its last day: the part shows it ran out (red), and counts as agreeing.
    expect(part(view, ids.ZR)).toMatchObject({ state: 'deemed', deemed: true, deemedOn: '2026-03-10', opinion: { value: 'agree' }, light: 'red' });
    const deemed = view.events.filter((e: any) => e.action === 'deemConsent');
    expect(deemed).toHaveLength(1);
    expect(deemed[0]).toMatchObject({ label: '逾期视为同意（缺席默认）', data: { chargedTo: ids.ZR, subDue: '2026-03-09', overdueDefault: 'deemedApproved', on: '2026-03-10' } });
    const audit = (await t.ctx.db.execute(sql`select count(*)::int as n from audit_events where action = 'case.deemConsent' and entity_id = ${id}`)) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0].n).toBe(1);
    expect((await act(c.zr_coord, id, 'giveOpinion', { opinion: 'agree', text: '' })).body.error.code).toBe('part_deemed');
  });

  it('the lead decides once every part is settled', async () => {
    const decided = await must(c.zj_leader, id, 'decide', { outcome: 'approved' });
    expect(decided.state).toBe('decided');
    expect(decided.participants.every((p: any) => p.state !== 'pending')).toBe(true);
    // Decided: the parts are closed and off the worklists; acting on them is a wrong state.
    const late = await act(c.ga_coord, id, 'giveOpinion', { opinion: 'agree', text: '' });
    expect([late.status, late.body.error.code]).toEqual([409, 'invalid_transition']);
    const open = (await t.ctx.db.execute(sql`select count(*)::int as n from case_participants where case_id = ${id} and open`)) as unknown as { rows: { n: number }[] };
    expect(open.rows[0].n).toBe(0);
  });
});

async function idOf(username: string) {
  const r = (await t.ctx.db.execute(sql`select id from users where username = ${username}`)) as unknown as { rows: { id: string }[] };
  return r.rows[0].id;
}

describe('joint case with overdue default none: escalation', () => {
  it('escalates the silent participant, tells its leaders and the supervisors, and refuses the decision', async () => {
    await setNow('2026-03-11T01:00:00Z'); // Wed
    const created = await c.window1.post('/api/cases', company(STARTUP, '清渭县新禾商贸有限公司'));
    const view = await must(c.window1, created.body.id, 'accept', { provided: await requiredOf(created.body.id) });
    const id = created.body.id;
    expect(view.overdueDefault).toBe('none');
    expect(view.participants.map((p: any) => p.subDue)).toEqual(['2026-03-12', '2026-03-12', '2026-03-12']);
    await must(c.ga_coord, id, 'giveOpinion', { opinion: 'agree', text: '' });
    await must(c.sw_coord, id, 'giveOpinion', { opinion: 'disagree', text: '经营范围涉及前置许可，须先取得许可' });
    await must(c.sc_coord, id, 'assign', { userId: ids.sc_handler });
    await must(c.sc_handler, id, 'completeStep', { opinion: '登记信息已推送' });
    await must(c.sc_coord, id, 'completeStep', { opinion: '复核' });
    await setNow('2026-03-13T01:00:00Z'); // Fri: first working day after the sub-due day
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const after = (await c.sc_chief.get(`/api/cases/${id}`)).body;
    expect(part(after, ids.RS)).toMatchObject({ state: 'escalated', escalated: true, escalatedOn: '2026-03-13', deemed: false, opinion: null, light: 'red' });
    expect(after.events.filter((e: any) => e.action === 'escalatePart')).toHaveLength(1);
    const notices = (await t.ctx.db.execute(sql`select recipient_user_id from outbox where template = 'case.jointEscalated' and payload->>'caseId' = ${id}`)) as unknown as { rows: { recipient_user_id: string }[] };
    expect(notices.rows.map((r) => r.recipient_user_id).sort()).toEqual([ids.rs_leader, ids.super1].sort());
    const refused = await act(c.sc_chief, id, 'decide', { outcome: 'approved' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'joint_part_escalated']);
    // Still open on the participant's worklist: it owes its opinion; a late one unblocks the lead.
    expect((await c.rs_coord.get('/api/cases')).body.items.find((r: any) => r.id === id)).toMatchObject({ light: 'red', part: { state: 'escalated' } });
    const late = await must(c.rs_coord, id, 'giveOpinion', { opinion: 'agree', text: '' });
    expect(late.events.at(-1).data).toMatchObject({ late: true, afterEscalation: true });
    expect((await must(c.sc_chief, id, 'decide', { outcome: 'denied', reasons: '税务部门不同意：须先取得前置许可' })).state).toBe('decided');
  });
});

/** Every required material of the case's item that the applicant supplies (not by data sharing). */
async function requiredOf(caseId: string): Promise<string[]> {
  const v = (await c.window1.get(`/api/cases/${caseId}`)).body;
  return v.materials.filter((m: any) => m.required === 'required' && m.source !== 'sharing').map((m: any) => m.materialId);
}

describe('pauses of the whole case pause every part', () => {
  it('a special procedure shifts the sub-due dates, and its end fixes them', async () => {
    await setNow('2026-03-16T01:00:00Z'); // Mon
    const { id, view } = await acceptedPermit();
    expect(part(view, ids.ZR).subDue).toBe('2026-03-23');
    await must(c.zj_coord, id, 'assign', { userId: ids.zj_handler });
    await setNow('2026-03-17T01:00:00Z');
    const paused = await must(c.zj_handler, id, 'suspend', { reason: '专家评审', procedure: 'expertReview', plannedWorkingDays: 3 });
    // Paused (Mar 17, Mar 20]: three working days, projected.
    expect(part(paused, ids.ZR).subDue).toBe('2026-03-26');
    expect(paused.clock.promisedDue).toBe('2026-04-07'); // Apr 4–6: 清明 holiday
    await setNow('2026-03-19T01:00:00Z');
    const resumed = await must(c.zj_handler, id, 'resume');
    // Paused (Mar 17, Mar 19]: two working days.
    expect(resumed.participants.map((p: any) => p.subDue)).toEqual(['2026-03-25', '2026-04-01', '2026-04-01']);
    expect(part(resumed, ids.ZR).deemOn).toBe('2026-03-26');
    expect(resumed.clock.promisedDue).toBe('2026-04-03');
    // Without the pause ZR's default would have applied on Mar 24; now it waits for Mar 26.
    await setNow('2026-03-25T01:00:00Z');
    expect(await sweep()).toBe(0);
    await setNow('2026-03-26T01:00:00Z');
    expect(await sweep()).toBe(1);
    expect(part((await c.zj_coord.get(`/api/cases/${id}`)).body, ids.ZR)).toMatchObject({ deemed: true, deemedOn: '2026-03-26' });
  });
});

describe('joint review meeting (联审会议)', () => {
  it('is called, its attendance and opinions recorded; an absent participant is treated by the overdue default', async () => {
    await setNow('2026-03-30T01:00:00Z');
    const { id } = await acceptedPermit();
    await must(c.ga_coord, id, 'giveOpinion', { opinion: 'agree', text: '' });
    expect((await act(c.zj_coord, id, 'callMeeting', { at: '2026-03-20T02:00:00Z', place: '三楼联审会议室', agenda: '并联审查', invitees: [ids.ZJ, ids.ZR, ids.GA, ids.HB] })).body.error.code).toBe('meeting_in_past');
    expect((await act(c.zj_coord, id, 'callMeeting', { at: '2026-04-01T02:00:00Z', place: '三楼联审会议室', agenda: '并联审查', invitees: [ids.ZJ, ids.SC] })).body.error.code).toBe('invalid_invitee');
    const called = await must(c.zj_coord, id, 'callMeeting', { at: '2026-04-01T02:00:00Z', place: '三楼联审会议室', agenda: '施工许可并联审查', invitees: [ids.ZJ, ids.ZR, ids.GA, ids.HB] });
    expect(called.meetings).toHaveLength(1);
    // The panel names who called it: the lead department, and the person.
    expect(called.meetings[0].calledBy).toEqual({ side: 'lead', label: '牵头部门', department: { id: ids.ZJ, name: expect.any(String) }, person: { id: ids.zj_coord, displayName: expect.any(String) } });
    expect(called.allowedActions).not.toContain('callMeeting');
    expect((await act(c.zj_coord, id, 'callMeeting', { at: '2026-04-02T02:00:00Z', place: 'x', agenda: '', invitees: [ids.ZR] })).body.error.code).toBe('meeting_open');
    const record = { attended: [ids.ZJ, ids.ZR, ids.GA], minutes: '会议听取了各部门审查意见', opinions: [{ departmentId: ids.ZR, opinion: 'agree', text: '规划核实通过' }] };
    expect((await act(c.zj_coord, id, 'recordMeeting', record)).body.error.code).toBe('meeting_not_held');
    await setNow('2026-04-01T06:00:00Z');
    const recorded = await must(c.zj_coord, id, 'recordMeeting', record);
    expect(recorded.meetings[0]).toMatchObject({ held: true, minutes: '会议听取了各部门审查意见' });
    expect(recorded.meetings[0].attended.map((d: any) => d.id)).toEqual([ids.ZJ, ids.ZR, ids.GA]);
    expect(part(recorded, ids.ZR)).toMatchObject({ state: 'answered', opinion: { value: 'agree', text: '规划核实通过' } });
    expect(part(recorded, ids.GA)).toMatchObject({ state: 'answered', opinion: { value: 'agree', text: '' } });
    expect(part(recorded, ids.HB)).toMatchObject({ state: 'deemed', deemed: true, deemedOn: '2026-04-01' });
    expect(recorded.events.at(-1).data.defaults).toEqual([{ departmentId: ids.HB, applied: 'deemed', chargedTo: ids.HB, overdueDefault: 'deemedApproved' }]);
    expect(recorded.allowedActions).toContain('callMeeting');
  });

  it('an item with overdue default none escalates the absent participant', async () => {
    const created = await c.window1.post('/api/cases', company(STARTUP, '清渭县远山物流有限公司'));
    const id = created.body.id;
    await must(c.window1, id, 'accept', { provided: await requiredOf(id) });
    await must(c.sc_coord, id, 'callMeeting', { at: '2026-04-01T07:00:00Z', place: '企业开办专区', agenda: '联审', invitees: [ids.GA, ids.RS] });
    await setNow('2026-04-01T08:00:00Z');
    const recorded = await must(c.sc_coord, id, 'recordMeeting', { attended: [ids.GA], minutes: '公安出席', opinions: [{ departmentId: ids.GA, opinion: 'agree', text: '' }] });
    expect(part(recorded, ids.RS)).toMatchObject({ state: 'escalated', escalated: true, deemed: false });
    expect(part(recorded, ids.SW)).toMatchObject({ state: 'pending' });
  });

  it('the center calls it too (seed 001): its management office, for its own center only; the lead is told', async () => {
    await setNow('2026-04-02T01:00:00Z');
    const { id } = await acceptedPermit();
    await must(c.zj_coord, id, 'assign', { userId: ids.zj_handler });
    const seen = await c.admin.get(`/api/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual(expect.arrayContaining(['callMeeting']));
    const body = { at: '2026-04-03T02:00:00Z', place: '中心二楼联审会议室', agenda: '中心组织并联审查', invitees: [ids.ZR, ids.GA, ids.HB] };
    // Another center's office, the supervisor and the window may not.
    const direct = (who: Client, action: string, b: object) => who.post(`/api/cases/${id}/actions/${action}`, { version: seen.body.version, ...b });
    expect((await direct(c.town_admin, 'callMeeting', body)).status).toBe(403);
    expect((await direct(c.super1, 'callMeeting', body)).status).toBe(403);
    expect((await direct(c.window1, 'callMeeting', body)).status).toBe(403);
    const called = await must(c.admin, id, 'callMeeting', body);
    expect(called.meetings).toHaveLength(1);
    expect(called.events.at(-1)).toMatchObject({ action: 'callMeeting', data: { calledBy: 'center', invitees: body.invitees } });
    // The panel names the center's management office and the person; the lead's coordinator reads the same.
    const caller = { side: 'center', label: '中心管理办公室', department: null, person: { id: ids.admin, displayName: expect.any(String) } };
    expect(called.meetings[0].calledBy).toEqual(caller);
    expect((await c.zj_coord.get(`/api/cases/${id}`)).body.meetings[0].calledBy).toEqual(caller);
    const told = (await t.ctx.db.execute(sql`select recipient_user_id, payload from outbox where template = 'case.jointMeeting' and payload->>'caseId' = ${id}`)) as unknown as { rows: { recipient_user_id: string; payload: any }[] };
    // The invited participants' coordinators and the lead's coordinator of the case (not invited, it decides).
    expect(told.rows.map((r) => r.recipient_user_id).sort()).toEqual([ids.zr_coord, ids.ga_coord, await idOf('hb_coord'), ids.zj_coord].sort());
    expect(told.rows.every((r) => r.payload.calledBy === 'center')).toBe(true);
    const audit = (await t.ctx.db.execute(sql`select actor_role, after from audit_events where action = 'case.callMeeting' and entity_id = ${id}`)) as unknown as { rows: { actor_role: string; after: any }[] };
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_role: 'centerAdmin', after: { calledBy: 'center' } });
    // The center records what it called; the lead may too, the other center may not.
    await setNow('2026-04-03T06:00:00Z');
    const record = { attended: [ids.ZR, ids.GA, ids.HB], minutes: '中心组织会审，各部门同意', opinions: [{ departmentId: ids.ZR, opinion: 'agree', text: '' }] };
    expect((await direct(c.town_admin, 'recordMeeting', record)).status).toBe(403);
    const recorded = await must(c.admin, id, 'recordMeeting', record);
    expect(recorded.meetings[0]).toMatchObject({ held: true, minutes: '中心组织会审，各部门同意' });
  });
});

describe('the API document', () => {
  it('lists the joint actions and their bodies', async () => {
    const doc = await t.anon.get('/api/docs/json');
    expect(doc.status).toBe(200);
    const raw = JSON.stringify(doc.body);
    for (const a of ['assignPart', 'giveOpinion', 'callMeeting', 'recordMeeting', 'appointCoordinator', 'agreeWithConditions', 'invitees']) expect(raw).toContain(a);
    expect(raw).toContain('/api/cases/{id}/appointees');
  });
});

describe('green channel (绿色通道)', () => {
  it('sorts key projects first on every worklist, with consistent keyset pages', async () => {
    await setNow('2026-04-02T01:00:00Z');
    // A promised case with an earlier due date than any key project.
    const plain = await c.window1.post('/api/cases', company(PRESALE, '清渭县安居置业有限公司'));
    await must(c.window1, plain.body.id, 'accept', { provided: await requiredOf(plain.body.id) });
    const all = (await c.zj_coord.get('/api/cases?limit=200')).body.items;
    const firstPlain = all.findIndex((r: any) => !r.keyProject);
    expect(firstPlain).toBeGreaterThan(0);
    expect(all.slice(firstPlain).every((r: any) => !r.keyProject)).toBe(true);
    // …even a key project due later than the plain case.
    const plainDue = all.find((r: any) => r.id === plain.body.id).promisedDue;
    expect(all.some((r: any) => r.keyProject && r.promisedDue > plainDue)).toBe(true);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await c.zj_coord.get(`/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      paged.push(...page.items.map((r: any) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((r: any) => r.id));
    // Participants' worklists page the same way across their own cases and their parts.
    const gaAll = (await c.ga_coord.get('/api/cases?state=all&limit=200')).body.items.map((r: any) => r.id);
    const gaPaged: string[] = [];
    cursor = null;
    do {
      const page: any = (await c.ga_coord.get(`/api/cases?state=all&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body;
      gaPaged.push(...page.items.map((r: any) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(gaPaged).toEqual(gaAll);
    expect((await c.zj_coord.get('/api/cases?cursor=bm9wZQ')).status).toBe(400);
  });

  it('the center appoints a coordinator who reads the case and supplies for the applicant', async () => {
    const created = await c.window1.post('/api/cases', company(PERMIT, '清渭县城投集团'));
    const id = created.body.id;
    await must(c.window1, id, 'acceptConditional', { owed: ['funding-pledge'], provided: PERMIT_MATERIALS.filter((m) => m !== 'funding-pledge') });
    expect((await c.sc_handler.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await act(c.zj_coord, id, 'appointCoordinator', { userId: ids.sc_handler })).status).toBe(403);
    expect((await act(c.admin, id, 'appointCoordinator', { userId: '00000000-0000-4000-8000-000000000001' })).body.error.code).toBe('invalid_appointee');
    const appointees = await c.admin.get(`/api/cases/${id}/appointees`);
    expect(appointees.body.users.map((u: any) => u.id)).toEqual(expect.arrayContaining([ids.sc_handler, ids.window1]));
    expect(appointees.body.users.map((u: any) => u.id)).not.toContain(ids.super1);
    expect((await c.zj_coord.get(`/api/cases/${id}/appointees`)).status).toBe(403);
    const appointed = await must(c.admin, id, 'appointCoordinator', { userId: ids.sc_handler });
    expect(appointed.greenCoordinator).toEqual({ id: ids.sc_handler, displayName: expect.any(String) });
    const seen = await c.sc_handler.get(`/api/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual(['supply']);
    const file = await upload(c.sc_handler);
    const supplied = await must(c.sc_handler, id, 'supply', { materials: [{ materialId: 'funding-pledge', fileId: file.body.id }] });
    expect(supplied.materials.find((m: any) => m.materialId === 'funding-pledge')).toMatchObject({ provided: true, owed: false });
    // Not a key project: no green channel.
    const plain = await c.window1.post('/api/cases', company(PRESALE, '清渭县兴业地产有限公司'));
    expect((await act(c.admin, plain.body.id, 'appointCoordinator', { userId: ids.sc_handler })).body.error.code).toBe('not_key_project');
  });
});
