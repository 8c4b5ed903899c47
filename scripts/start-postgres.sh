#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the ledger's storage tests, and prints the line that
# exports its connection string. Idempotent: a server it started before (and still running) is reused.
#
#   eval "$(bash scripts/start-postgres.sh)"     # sets POLICYLEDGER_TEST_PG
#   bash scripts/stop-postgres.sh                 # stops it and removes its folder
#
# Installs Debian's postgresql when no server binaries are found (needs root). The cluster lives in a temporary
# folder ($POLICYLEDGER_PG_DIR, default /tmp/policyledger-pg), trusts local connections, listens only on loopback.
# $POLICYLEDGER_PG_SHARED_BUFFERS sets the server's shared_buffers (default: PostgreSQL's 128MB, enough for tests;
# the load benchmark's million-item ledger takes about 2 GB, and a server for it is given as much: docs/web.md).
set -euo pipefail

dir="${POLICYLEDGER_PG_DIR:-/tmp/policyledger-pg}"
database="${POLICYLEDGER_PG_DATABASE:-policyledger_test}"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

if ! bin="$(find_bin)"; then
  if [ "$(id -u)" != 0 ]; then
    echo "start-postgres: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "start-postgres: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)" || { echo "start-postgres: no initdb after installing postgresql" >&2; exit 1; }
fi

# initdb and postgres refuse to run as root: run them as the postgres user (created by the Debian package).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

connection() {
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=$database;Pooling=true;Timeout=15"
}

# Reuse a running server of ours.
if [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  echo "export POLICYLEDGER_TEST_PG='$(connection "$(cat "$dir/port")")'"
  exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null 2>"$dir/initdb.err" \
  || as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null \
  || { cat "$dir/initdb.err" >&2; exit 1; }

# A free port: ask the kernel for one.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=${POLICYLEDGER_PG_SHARED_BUFFERS:-128MB}" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "$port" > "$dir/port"
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "CREATE DATABASE $database" >/dev/null
echo "start-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, folder $dir" >&2
echo "export POLICYLEDGER_TEST_PG='$(connection "$port")'"
