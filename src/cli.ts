/**
 * Banshi command line: `npm run banshi -- <command>`.
 *   audit verify      check the audit hash chain; exit 1 naming the first broken row
 *   db migrate        apply migrations and exit
 *   demo seed         load demo data into an empty database
 *   user passwd NAME [--must-change]  set a user's password (read from BANSHI_NEW_PASSWORD; the
 *                     password rule applies); clears the must-change flag unless --must-change
 */
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { sealAll, verifyAuditChain } from './core/audit/seal.js';
import { seedDemo } from './demo/seed.js';
import { compose } from './compose.js';
import { setPasswordByOperator } from './core/auth/accounts.js';
import { passwordProblem } from './core/auth/passwordRules.js';

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
        const pw = process.env.BANSHI_NEW_PASSWORD ?? '';
        const name = args[2];
        if (!name || !pw) {
          console.error('usage: BANSHI_NEW_PASSWORD=... banshi user passwd USERNAME [--must-change]');
          return 2;
        }
        const problem = passwordProblem(pw, name);
        if (problem) {
          console.error(`password refused: ${problem.message}`);
          return 2;
        }
        const done = await setPasswordByOperator(database.db, name, pw, args.includes('--must-change'), new Date());
        console.log(done ? 'password changed; the user\'s sessions ended' : 'no such user');
        return done ? 0 : 1;
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
