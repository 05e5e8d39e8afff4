#!/usr/bin/env bash
# Makes a PostgreSQL server available for tests and benchmarks, and prints its URL as the last line.
#
# - With DATABASE_URL already set, it only checks that the server answers and prints that URL.
# - Otherwise it installs PostgreSQL 15 from Debian's packages if missing (needs root, as on CI),
#   starts the default cluster on 127.0.0.1:5432, and creates the role and database below.
# Idempotent and safe to call from several processes at once (they queue on a lock).
set -euo pipefail

role=sessions_api
password=sessions_api
database=sessions_api
url="postgres://${role}:${password}@127.0.0.1:5432/${database}"

log() { echo "ensure-postgres: $*" >&2; }

if [ -n "${DATABASE_URL:-}" ]; then
  pg_isready -d "$DATABASE_URL" -t 10 >/dev/null || { log "DATABASE_URL is set but its server does not answer"; exit 1; }
  echo "$DATABASE_URL"
  exit 0
fi

exec 9>/tmp/sessions-api-ensure-postgres.lock
flock 9

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "needs root to run: $*  (or set DATABASE_URL to a PostgreSQL server you run yourself)"
    exit 1
  fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q postgresql >/dev/null 2>&1; then
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q postgresql >/dev/null
  fi
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -t 1 >/dev/null 2>&1; then
  log "starting PostgreSQL ${version}"
  # the server must not inherit the lock, or it would hold it for as long as it runs
  as_root pg_ctlcluster "$version" main start 9>&-
  for _ in $(seq 1 60); do
    pg_isready -h 127.0.0.1 -p 5432 -t 1 >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
pg_isready -h 127.0.0.1 -p 5432 -t 5 >/dev/null || { log "PostgreSQL did not start"; exit 1; }

# from /, which the postgres user can read (psql warns when it cannot enter the caller's directory)
psql_admin() { (cd / && as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""); }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '${role}'")" != "1" ]; then
  psql_admin "CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${password}'"
fi
# lets the benchmark finish the checkpoint a million-row load starts before it measures (PostgreSQL 15+)
if [ "$(psql_admin "SELECT 1 FROM pg_roles g WHERE g.rolname = 'pg_checkpoint' AND NOT EXISTS (
    SELECT 1 FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member WHERE m.roleid = g.oid AND u.rolname = '${role}')")" = "1" ]; then
  psql_admin "GRANT pg_checkpoint TO ${role}"
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '${database}'")" != "1" ]; then
  psql_admin "CREATE DATABASE ${database} OWNER ${role}"
fi
echo "$url"
