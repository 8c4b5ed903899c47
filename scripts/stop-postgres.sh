#!/usr/bin/env bash
# Stops the server scripts/start-postgres.sh started and removes its folder.
set -euo pipefail
dir="${POLICYLEDGER_PG_DIR:-/tmp/policyledger-pg}"
[ -d "$dir/data" ] || exit 0
for bin in /usr/lib/postgresql/*/bin; do
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir/data -m fast -w stop" >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  break
done
rm -rf "$dir"
