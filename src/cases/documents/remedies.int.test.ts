/**
 * The remedy bodies (复议机关, 人民法院) on issued adverse notices come from the center's
 * settings (the demo county: 清渭县人民政府 / 清渭县人民法院), are inherited by the centers
 * below, and fall back to the generic wording when cleared.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { LOW_INCOME, must, walkIn } from '../../../test/cases.js';

let t: TestApp;
let admin: Client;
let window1: Client;
let townAdmin: Client;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T01:00:00Z' });
  [admin, window1, townAdmin] = await Promise.all([t.login('admin'), t.login('window1'), t.login('town_admin')]);
});
afterAll(async () => { await t?.close(); });

/** The text of a refusal notice issued now. */
async function refusalText() {
  const a = (await window1.post('/api/cases', walkIn(LOW_INCOME))).body;
  const refused = await must(window1, a.id, 'refuse', { reasons: '申请人户籍不在本县' });
  const doc = refused.documents.find((d: { kind: string }) => d.kind === 'refusal');
  return String((await window1.get(`/api/cases/${a.id}/documents/${doc.id}`)).body).replace(/<[^>]+>/g, '');
}

describe('remedy bodies on adverse notices', () => {
  it('the demo county names its review body and court; the notice prints them', async () => {
    const got = (await admin.get('/api/documents/remedies')).body;
    expect(got).toEqual({ own: { reviewBody: '清渭县人民政府', court: '清渭县人民法院' }, printed: { reviewBody: '清渭县人民政府', court: '清渭县人民法院' } });
    const text = await refusalText();
    expect(text).toContain('60日内依法向清渭县人民政府申请行政复议');
    expect(text).toContain('6个月内依法向清渭县人民法院提起行政诉讼');
  });

  it('a town center below inherits them until it names its own', async () => {
    expect((await townAdmin.get('/api/documents/remedies')).body).toEqual({ own: { reviewBody: null, court: null }, printed: { reviewBody: '清渭县人民政府', court: '清渭县人民法院' } });
  });

  it('only the management office sets them, audited; cleared, the notice falls back to the generic wording', async () => {
    expect((await window1.put('/api/documents/remedies', { reviewBody: '', court: '' })).status).toBe(403);
    expect((await admin.put('/api/documents/remedies', { reviewBody: 'x'.repeat(61), court: '' })).status).toBe(400);
    // Full names only; a court is a court.
    const notCourt = await admin.put('/api/documents/remedies', { reviewBody: '清渭县人民政府', court: '清渭县人民政府' });
    expect(notCourt.status).toBe(422);
    expect(notCourt.body.error.details).toEqual([{ field: 'body.court', message: expect.any(String) }]);
    expect((await admin.put('/api/documents/remedies', { reviewBody: 'abc', court: '' })).status).toBe(422);
    const cleared = await admin.put('/api/documents/remedies', { reviewBody: ' ', court: '' });
    expect(cleared.status).toBe(200);
    // Review body: the county's people's government named from the county-level center; the court is never guessed.
    expect(cleared.body.printed).toEqual({ reviewBody: '清渭县人民政府', court: null });
    const text = await refusalText();
    expect(text).toContain('6个月内依法向人民法院提起行政诉讼');
    expect(text).not.toContain('清渭县人民法院');
    const rows = (await t.ctx.db.execute(sql`select actor_role, after from audit_events where action = 'documents.remedies.set'`)) as unknown as { rows: { actor_role: string; after: unknown }[] };
    expect(rows.rows).toEqual([{ actor_role: 'centerAdmin', after: { reviewBody: null, court: null } }]);
    await admin.put('/api/documents/remedies', { reviewBody: '天水市人民政府', court: '天水市麦积区人民法院' });
    const renamed = await refusalText();
    expect(renamed).toContain('依法向天水市人民政府申请行政复议');
    expect(renamed).toContain('依法向天水市麦积区人民法院提起行政诉讼');
  });
});
