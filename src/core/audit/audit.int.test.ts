import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/index.js';
import { seedDemo } from '../../demo/seed.js';
import { sealAll, verifyAuditChain } from './seal.js';
import { startTestApp } from '../../../test/harness.js';

const run = promisify(execFile);

async function cli(dataDir: string) {
  try {
    const r = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('audit chain', () => {
  it('records state changes and refuses updates to audit rows', async () => {
    const t = await startTestApp();
    try {
      const admin = await t.login('admin');
      await admin.post('/api/calendar/overrides', { date: '2026-12-24', kind: 'localClosure', note: '停电检修' });
      const rows = (await t.ctx.db.execute(sql`select action, actor_role from audit_events order by id`)) as unknown as { rows: { action: string }[] };
      expect(rows.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['demo.seed', 'auth.login', 'calendar.override.set']));
      await expect(t.ctx.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
      await sealAll(t.ctx.db);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
    } finally {
      await t.close();
    }
  });

  it('`banshi audit verify` passes on an intact chain and names the first altered row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-audit-'));
    const db = await openDatabase({ dataDir: dir });
    await seedDemo(db.db, new Date('2026-03-02T01:00:00Z'));
    await db.db.transaction(async (tx) => {
      const { appendAudit } = await import('./audit.js');
      for (let i = 0; i < 3; i++) await appendAudit(tx, { actorId: null, actorRole: 'system', action: `test.${i}`, entityType: 't', entityId: String(i), after: { i }, at: new Date() });
    });
    await db.close();
    const ok = await cli(dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('audit chain OK: 4 rows');

    const db2 = await openDatabase({ dataDir: dir });
    // Someone with enough rights switches the trigger off and edits history.
    await db2.db.execute(sql`alter table audit_events disable trigger audit_events_no_change`);
    await db2.db.execute(sql`update audit_events set after = '{"i": 99}' where action = 'test.1'`);
    const [{ id }] = ((await db2.db.execute(sql`select id from audit_events where action = 'test.1'`)) as unknown as { rows: { id: number }[] }).rows;
    await db2.close();
    const broken = await cli(dir);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at row id ${id}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
