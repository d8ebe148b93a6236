#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the test suite (trust auth, loopback only) and prints its URL.
# Usage: eval "$(bash scripts/pg-test-server.sh start)"; ...; bash scripts/pg-test-server.sh stop
set -euo pipefail
PGPORT=${BANSHI_TEST_PGPORT:-54329}
PGDIR=${BANSHI_TEST_PGDIR:-/tmp/banshi-pg-test}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "echo 'no PostgreSQL binaries found' >&2"; exit 0; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-start}" in
  start)
    if ! as_pg "$BIN/pg_ctl -D $PGDIR status" >/dev/null 2>&1; then
      rm -rf "$PGDIR"; mkdir -p "$PGDIR"
      [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
      as_pg "$BIN/initdb -D $PGDIR -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
      as_pg "$BIN/pg_ctl -D $PGDIR -l $PGDIR/log -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w start" >/dev/null
    fi
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D $PGDIR -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
