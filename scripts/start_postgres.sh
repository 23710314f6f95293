#!/usr/bin/env bash
# Start the local PostgreSQL cluster for the tests and print its URL on stdout.
#
# Run as root (CI and the developer machines are root):
#   export HYGIE_TEST_POSTGRES_URL=$(bash scripts/start_postgres.sh)
#   .venv/bin/pytest -m postgres tests/store
# It starts cluster $PG_VERSION/$PG_CLUSTER (default 15/main) if it is down, then
# creates the role `hygie` (password `hygie`) and the database `hygie_test` if missing.
# Idempotent. Messages go to stderr so that stdout is only the URL.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
ROLE=hygie
PASSWORD=hygie
DATABASE=hygie_test

say() { echo "start_postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null; then
  say "pg_ctlcluster not found: install PostgreSQL (apt-get install postgresql)"
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  say "run me as root (I start the cluster and use the postgres account)"
  exit 1
fi

if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
  say "starting cluster $PG_VERSION/$PG_CLUSTER"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { say "PostgreSQL is not ready"; exit 1; }

psql_postgres() {
  runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"
}

if [ "$(psql_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  say "creating role $ROLE"
  psql_postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
  say "creating database $DATABASE"
  psql_postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PG_PORT/$DATABASE"
