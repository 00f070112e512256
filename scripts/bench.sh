#!/usr/bin/env bash
# The benchmark suite in one command: builds the gated `leadrelay-bench` target in release and runs
# it from the package root (it reads ../shared/data/x-education-leads/Leads.csv). Prints each figure
# as it is measured, then the whole table as Markdown (the form BENCHMARKS.md records).
# `scripts/bench.sh --quick` syncs 20,000 leads instead of 100,000 for the large first sync;
# `scripts/bench.sh --pipeline` runs only the import, scoring and evaluation rows.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export LEADRELAY_BENCHMARKS=1
# Its own build folder: the gated manifest never invalidates the main .build.
swift build -c release --scratch-path .build-bench --product leadrelay-bench
echo "machine: $(nproc) cores; $(uname -srm); $(date -u '+%Y-%m-%d %H:%M UTC')"
"$(swift build -c release --scratch-path .build-bench --show-bin-path)/leadrelay-bench" "$@"
