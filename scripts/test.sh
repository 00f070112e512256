#!/usr/bin/env bash
# The one test command (README, .ci/run): import arrows, swift-format lint, a build of every target and test with
# no warnings in our own code, then the whole Swift Testing suite.
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
swift test --disable-xctest "$@"
