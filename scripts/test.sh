#!/usr/bin/env bash
# The one test command (README, .ci/run): import arrows, swift-format lint, a build of every target and test with
# no warnings in our own code, then the whole Swift Testing suite. The PostgreSQL suites run against a
# throwaway cluster started here (scripts/postgres-cluster.sh; installs the `postgresql` package when
# run as root and it is missing) and stopped at the end; LEADRELAY_SKIP_POSTGRES=1 skips them, and
# LEADRELAY_TEST_POSTGRES_URL=postgres://… uses a server you run instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/check-imports.sh
swift format lint --strict --recursive Sources Tests
mkdir -p .build
swift build --build-tests 2>&1 | tee .build/test-build.log
if grep -E "^$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" .build/test-build.log; then
  echo "test: the warnings above are in our own code; fix them" >&2
  exit 1
fi
if [ -z "${LEADRELAY_TEST_POSTGRES_URL:-}" ] && [ "${LEADRELAY_SKIP_POSTGRES:-0}" != 1 ]; then
  cluster=$(mktemp -u /tmp/leadrelay-pg.XXXXXX)
  trap 'scripts/postgres-cluster.sh stop "$cluster"' EXIT
  LEADRELAY_TEST_POSTGRES_URL=$(scripts/postgres-cluster.sh start "$cluster")
  export LEADRELAY_TEST_POSTGRES_URL
  echo "test: PostgreSQL suites on a throwaway cluster in $cluster"
fi
swift test --disable-xctest "$@"
