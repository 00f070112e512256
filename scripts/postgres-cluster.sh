#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: `start DIR` creates a cluster in DIR (which must
# not exist), owned by a non-root user (the Debian package's `postgres` user when run as root, as
# PostgreSQL refuses to run as root), listening on 127.0.0.1 at a free port with trust
# authentication, and prints its URL (postgres://USER@127.0.0.1:PORT/postgres); `stop DIR` stops it
# and removes DIR. Installs the `postgresql` package first when pg_ctl is missing and we are root.
set -euo pipefail

bin_dir() {
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  dir=${2:?usage: postgres-cluster.sh start DIR}
  if ! bin=$(bin_dir); then
    if [ "$(id -u)" = 0 ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update >&2 && apt-get install -y postgresql >&2
      bin=$(bin_dir)
    else
      echo "postgres-cluster: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
      exit 1
    fi
  fi
  owner=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bin/initdb" -D "$dir/data" -U "$owner" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://$owner@127.0.0.1:$port/postgres"
  ;;
stop)
  dir=${2:?usage: postgres-cluster.sh stop DIR}
  if bin=$(bin_dir) && [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres-cluster.sh start DIR | stop DIR" >&2
  exit 2
  ;;
esac
