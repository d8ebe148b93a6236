/**
 * The import rules of Banshi (`npm run lint:deps`, and a step of scripts/test-all.sh).
 * docs/architecture.md ("Module map") explains the layout; each rule says why it exists.
 *
 * The layers:
 * - src/core: what every capability stands on (database, clock, calendar, auth, audit, outbox…);
 * - src/<capability>: one folder per capability (catalog, cases, supervision, …);
 * - src/*.ts: the composition layer — app.ts (routes), compose.ts (hooks and ports),
 *   jobs.ts (background jobs), schema.ts (tables), server.ts and cli.ts. Only it may name
 *   every capability.
 *
 * Capabilities follow one another in ORDER below; each imports only those before it.
 *
 * A capability's public surface — what another capability may import — is:
 * - `schema.ts` (its tables: others read them in queries and point foreign keys at them) and
 *   `types.ts` (its types and labels), always;
 * - `demo.ts`, for src/demo only (the demo seeder calls each module's own seeding);
 * - the files listed in PUBLIC below, each exported on purpose for others.
 * Anything else is private to its folder. Tests (`*.test.ts`) may set up a scene through any
 * module and are left out of the boundary rules (not of the circle rule).
 */

/** Per capability, the files (path under its folder, without `.ts`) it exports for the others. */
const PUBLIC = {
  cases: [
    'repo', 'service', 'view', 'machine', 'settings', 'issue',
    'hooks', // the CaseChange type a hook receives
    'ports', // the CaseEnginePorts a module plugs in (types; installed by src/compose.ts)
    'effects', // assertOwnFiles: an upload may be attached only by the one who uploaded it
    'documents/format', 'documents/frame', 'documents/html', 'documents/circular', // the printed-document kit
    'documents/decision', // the decision's wording by the item's legal nature (an e-licence records its verdict)
    'joint/parts',
  ],
  catalog: ['public', 'rules', 'service', 'fourEyes', 'settings'],
  duty: ['common', 'hours'],
  feedback: ['excel'],
  fees: ['excel', 'service'],
  filings: ['service'],
  hall: ['excel'],
  notify: ['templates'],
  things: ['demoBundle', 'bundleRules'], // the demo's bundle case (src/demo/cases.ts); the bundle's light rule, shared with supervision
  supervision: ['accountability', 'anomalies/staffing', 'bus', 'scope', 'settings', 'things'],
};

const TESTS = '\\.test\\.ts$';

/**
 * The capabilities in the order they follow one another: each may import only those before it
 * (and core). So no two folders import each other, and a new module, placed after what it uses,
 * cannot pull an earlier one into a loop. What an earlier module needs from a later one is handed
 * in by src/compose.ts (the case engine's ports, the supervision board's sections).
 * demo comes last: it seeds every module.
 */
const ORDER = ['catalog', 'notify', 'cases', 'licences', 'things', 'filings', 'party', 'agency', 'hall', 'supervision', 'fees', 'duty', 'assessment', 'feedback', 'stats', 'demo'];

/**
 * Known exceptions to ORDER, each a debt with its way out (none today: the `counters` table
 * catalog and cases both number with now lives in src/core/counters).
 */
const ORDER_EXCEPTIONS = {};

const layerRules = ORDER.map((cap, i) => ({
  name: `order-${cap}`,
  severity: 'error',
  comment:
    `${cap} may import only the capabilities before it in ORDER (${ORDER.slice(0, i).join(', ') || 'none'}), so that no two ` +
    'folders import each other: a loop between folders ties their changes, tests and load order together even when no ' +
    'file circle shows. Need something from a later module? Take it as a port installed by src/compose.ts.',
  from: { path: `^src/${cap}/`, pathNot: TESTS },
  to: { path: `^src/(${ORDER.slice(i + 1).join('|') || '(?!)'})/`, pathNot: ORDER_EXCEPTIONS[cap] ?? [] },
}));

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const publicFiles = Object.entries(PUBLIC).flatMap(([cap, files]) => files.map((f) => `^src/${cap}/${esc(f)}\\.ts$`));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No module may reach itself through its imports (src and web). A circle makes the load order decide what ' +
        'is defined (the case engine once had to wrap its hooks in arrows for that), and every module that joins ' +
        'it can no longer be read, tested or changed on its own. Type-only imports count too: they tie the files ' +
        'together just the same. Break a circle by moving the shared piece to its own file, or by handing it in ' +
        'at start-up (src/compose.ts).',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'core-names-no-capability',
      severity: 'error',
      comment:
        'src/core is what every capability stands on; if it imports one, every capability depends on that one ' +
        'and on everything it imports. What core needs from a capability is handed in by the composition layer ' +
        '(a parameter, a port, or a type filled by declaration merging as the notice-template names).',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'capability-names-no-composition',
      severity: 'error',
      comment:
        'The composition layer (src/*.ts) imports every capability; a capability importing it imports all the ' +
        'others and closes a circle. Take what you need as a parameter or a port instead.',
      from: { path: '^src/[^/]+/', pathNot: TESTS },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'cases-imports-nothing-that-follows-it',
      severity: 'error',
      comment:
        'The case engine is followed by supervision, statistics, fees, filings, hall, feedback, assessment…: it ' +
        'must not know them, or every new module joins one big circle. What it asks of them (hooks, clock ' +
        'settings, payment due, the negative filing) comes through src/cases/ports.ts, installed by ' +
        'src/compose.ts. It may use core, the catalog (the items it handles) and the notice wording.',
      from: { path: '^src/cases/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/(core|cases|catalog)/', '^src/notify/templates\\.ts$'] },
    },
    {
      name: 'capability-public-surface',
      severity: 'error',
      comment:
        'A capability imports another only through what that one exports for others: schema.ts, types.ts and ' +
        'the files listed in PUBLIC in this file (demo.ts for src/demo only). Everything else may change without ' +
        'a look outside its folder. To export a file, add it to PUBLIC with the reason.',
      from: { path: '^src/([^/]+)/', pathNot: ['^src/core/', TESTS] },
      to: {
        path: '^src/(?!core/)[^/]+/',
        pathNot: [
          '^src/$1/',
          '^src/.+/(schema|types)\\.ts$',
          '^src/[^/]+/demo\\.ts$', // only src/demo gets here: see demo-files-for-the-demo-only
          ...publicFiles,
        ],
      },
    },
    ...layerRules,
    {
      name: 'capability-has-a-place-in-the-order',
      severity: 'error',
      comment: 'Every folder under src is core or a capability listed in ORDER above, so the order rules cover it. Add a new one there, after what it uses.',
      from: { path: `^src/(?!(${['core', ...ORDER].join('|')})/)[^/]+/` },
      to: {},
    },
    {
      name: 'demo-files-for-the-demo-only',
      severity: 'error',
      comment: "A module's demo.ts seeds showcase data; only the demo seeder (src/demo) calls it, never product code.",
      from: { path: '^src/(?!demo/)([^/]+)/', pathNot: TESTS },
      to: { path: '^src/[^/]+/demo\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      // vite/client: a type reference vite resolves itself.
      to: { couldNotResolve: true, pathNot: '^vite/client$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are kept in the graph (a type-only circle is still a circle).
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
