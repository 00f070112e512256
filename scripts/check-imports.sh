#!/usr/bin/env bash
# Checks every `import` in Sources/<Target>/ against scripts/allowed-imports.txt (the arrows of
# ARCHITECTURE.md). SwiftPM does not enforce them on Linux, so CI runs this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
table="$root/scripts/allowed-imports.txt"
always="Foundation FoundationEssentials Dispatch Synchronization _Concurrency Testing Glibc Darwin"
status=0
for dir in "$root"/Sources/*/; do
  target=$(basename "$dir")
  line=$(grep -E "^$target:" "$table" || true)
  if [ -z "$line" ]; then
    echo "check-imports: target $target is not in scripts/allowed-imports.txt" >&2
    status=1
    continue
  fi
  allowed=" ${line#*:} $always "
  while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    lineno=${rest%%:*}
    module=$(echo "${rest#*:}" | sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]+((struct|class|enum|protocol|func|var|let|typealias)[[:space:]]+)?([A-Za-z0-9_]+).*/\7/')
    if [[ "$allowed" != *" $module "* ]]; then
      echo "${file#$root/}:$lineno: $target may not import $module (see scripts/allowed-imports.txt)" >&2
      status=1
    fi
  done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]' "$dir" --include='*.swift' || true)
done
[ $status -eq 0 ] && echo "check-imports: every target imports only what its arrows allow"
exit $status
