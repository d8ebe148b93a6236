#!/usr/bin/env bash
# Every test: type-check, import rules, unit + integration on PGlite, integration on PostgreSQL, browser tests.
# Ends with one line "N passed, N failed" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=.tmp/test-results; rm -rf "$OUT"; mkdir -p "$OUT"
status=0

echo "== type-check"
if npx tsc --noEmit -p tsconfig.json; then echo '{"numPassedTests":1,"numFailedTests":0}' > "$OUT/typecheck.json"; else echo '{"numPassedTests":0,"numFailedTests":1}' > "$OUT/typecheck.json"; status=1; fi

echo "== import rules (dependency-cruiser: .dependency-cruiser.cjs)"
if npm run --silent lint:deps; then echo '{"numPassedTests":1,"numFailedTests":0}' > "$OUT/deps.json"; else echo '{"numPassedTests":0,"numFailedTests":1}' > "$OUT/deps.json"; status=1; fi

echo "== unit + integration (PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile="$OUT/pglite.json" || status=1

echo "== integration (PostgreSQL)"
started_pg=0
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  eval "$(bash scripts/pg-test-server.sh start)" && started_pg=1
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL=$TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile="$OUT/postgres.json" int.test || status=1
else
  echo "PostgreSQL not installed: skipped (CI installs it)"; [ -n "${CI:-}" ] && status=1
fi
[ "$started_pg" = 1 ] && bash scripts/pg-test-server.sh stop

echo "== browser (Chromium)"
if [ -x /usr/bin/chromium ]; then
  npm run --silent build:web >/dev/null && env -u TEST_DATABASE_URL npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile="$OUT/e2e.json" || status=1
else
  echo "/usr/bin/chromium missing: browser tests skipped (CI installs it)"; [ -n "${CI:-}" ] && status=1
fi

node scripts/sum-results.mjs "$OUT"/*.json || status=1
exit $status
