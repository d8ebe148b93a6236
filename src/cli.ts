/**
 * Banshi command line: `npm run banshi -- <command>`.
 *   audit verify      check the audit hash chain; exit 1 naming the first broken row
 *   db migrate        apply migrations and exit
 *   demo seed         load demo data into an empty database
 *   user passwd NAME  set a user's password (read from BANSHI_NEW_PASSWORD)
 */
import { eq } from 'drizzle-orm';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { sealAll, verifyAuditChain } from './core/audit/seal.js';
import { seedDemo } from './demo/seed.js';
import { users } from './core/auth/schema.js';
import { hashPassword } from './core/auth/password.js';
import { compose } from './compose.js';

async function main(args: string[]): Promise<number> {
  const config = loadConfig();
  compose(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const cmd = args.slice(0, 2).join(' ');
    switch (cmd) {
      case 'audit verify': {
        // Seal what is ready first (the running server's sealer may be a second behind), then check every seal.
        const sealed = await sealAll(database.db);
        const r = await verifyAuditChain(database.db);
        if (r.ok) {
          const pending = r.pending ? `; ${r.pending} rows of transactions still running not yet sealed` : '';
          console.log(`audit chain OK: ${r.checked} rows verified (${sealed} sealed now${pending})`);
          return 0;
        }
        console.error(`audit chain BROKEN at row id ${r.brokenAt}: ${r.reason} (${r.checked} rows before it verified)`);
        return 1;
      }
      case 'db migrate':
        console.log(`migrations applied (${database.kind})`);
        return 0;
      case 'demo seed':
        console.log((await seedDemo(database.db, new Date())) ? 'demo data loaded' : 'database not empty: nothing loaded');
        return 0;
      case 'user passwd': {
        const pw = process.env.BANSHI_NEW_PASSWORD;
        if (!args[2] || !pw || pw.length < 8) {
          console.error('usage: BANSHI_NEW_PASSWORD=... banshi user passwd USERNAME (at least 8 characters)');
          return 2;
        }
        const updated = await database.db.update(users).set({ passwordHash: await hashPassword(pw) }).where(eq(users.username, args[2])).returning({ id: users.id });
        console.log(updated.length ? 'password changed' : 'no such user');
        return updated.length ? 0 : 1;
      }
      default:
        console.error('usage: banshi audit verify | db migrate | demo seed | user passwd USERNAME');
        return 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
