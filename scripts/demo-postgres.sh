#!/usr/bin/env bash
# The demo on PostgreSQL in one command: starts a throwaway PostgreSQL 15 cluster
# (scripts/postgres-cluster.sh; installs the `postgresql` package first when run as root and it is
# missing), runs `swift run leadrelay-demo --database URL` with any extra demo options, and stops
# the cluster at the end. Use `leadrelay-demo --database postgres://…` directly for a server of
# your own.
set -euo pipefail
cd "$(dirname "$0")/.."
cluster=$(mktemp -u /tmp/leadrelay-demo-pg.XXXXXX)
trap 'scripts/postgres-cluster.sh stop "$cluster"' EXIT
url=$(scripts/postgres-cluster.sh start "$cluster")
swift run leadrelay-demo --database "$url" "$@"
