#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on 127.0.0.1:$PGPORT in $1 (initialised on first use) and prints its URL.
# Runs the server as the "postgres" OS user, since PostgreSQL refuses to run as root.
set -euo pipefail
dir=${1:?usage: start-postgres.sh DIR}
port=${PGPORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
if [ ! -f "$dir/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir" -U yardstick --auth=trust -E UTF8 >/dev/null
fi
if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "postgres://yardstick@127.0.0.1:$port/postgres"
