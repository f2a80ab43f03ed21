#!/usr/bin/env bash
# Makes sure the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth) is running and has
# the `test` database the persistence tests use. Starts the Debian cluster when it is down.
set -euo pipefail

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}

ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }

if ! ready; then
  echo "PostgreSQL is not answering on $PG_HOST:$PG_PORT; starting it."
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do
    ready && break
    sleep 1
  done
fi
if ! ready; then
  echo "PostgreSQL did not start on $PG_HOST:$PG_PORT." >&2
  exit 1
fi

if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -c "CREATE DATABASE test"
fi
echo "PostgreSQL is ready on $PG_HOST:$PG_PORT."
