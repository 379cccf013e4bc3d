#!/usr/bin/env bash
# Runs the workspace server's API tests against a real PostgreSQL: starts a throw-away cluster in a
# temporary folder (as the postgres user), creates a role and a database, runs the suite, stops.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
port=${PGTEST_PORT:-54329}
dir=$(mktemp -d /tmp/suitability-pg.XXXXXX)
chown postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT

as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE suitability LOGIN PASSWORD 'suitability' CREATEROLE;
CREATE DATABASE suitability OWNER suitability;
SQL

export SUITABILITY_TEST_DATABASE_URL="postgres://suitability:suitability@127.0.0.1:$port/suitability"
npx vitest run src/server "$@"
