#!/usr/bin/env bash
# The benchmark suite in one command: builds the gated `leadrelay-bench` target in release and runs
# it from the package root (it reads ../shared/data/x-education-leads/Leads.csv). Prints each figure
# as it is measured, then the whole table as Markdown (the form BENCHMARKS.md records).
# `scripts/bench.sh --quick` syncs and pulls 20,000 leads instead of 100,000 for the large first sync.
# `scripts/bench.sh --only sync` runs only some rows (`--only pipeline|sync|server|verdicts|hostile`, repeatable;
# `verdicts` is the verdict rows of `server` alone; `hostile` the pull latency among idle and slow
# clients and the server memory under unauthenticated 4 MiB bodies, also part of `server`);
# `--server` is `--only server`: pulls/s against a plain Hummingbird route, verdicts/s, the first
# pull of 100,000 leads with the server's peak memory.
# `--pipeline` is `--only pipeline`: the import, scoring and evaluation rows.
# `--only handoff`: `route` of 100,000 MQLs to 20 reps and an SLA round escalating all of them.
# `--only stores`: SQLite beside PostgreSQL with one and with two `serve` processes (first pull,
# no-change pulls/s at 200 reps, verdicts/s); it runs on LEADRELAY_BENCH_POSTGRES_URL, or on a
# throwaway cluster started here with its data on /dev/shm (scripts/postgres-cluster.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export LEADRELAY_BENCHMARKS=1
# Its own build folder: the gated manifest never invalidates the main .build.
swift build -c release --scratch-path .build-bench --product leadrelay-bench
echo "machine: $(nproc) cores; $(uname -srm); $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ -z "${LEADRELAY_BENCH_POSTGRES_URL:-}" ] && { ! grep -q -- "--only" <<<"$*" || grep -q -- "--only stores" <<<"$*"; }; then
  base=/tmp; [ -d /dev/shm ] && base=/dev/shm
  cluster=$(mktemp -u "$base/leadrelay-bench-pg.XXXXXX")
  trap 'scripts/postgres-cluster.sh stop "$cluster"' EXIT
  LEADRELAY_BENCH_POSTGRES_URL=$(scripts/postgres-cluster.sh start "$cluster")
  export LEADRELAY_BENCH_POSTGRES_URL
fi
"$(swift build -c release --scratch-path .build-bench --show-bin-path)/leadrelay-bench" "$@"
