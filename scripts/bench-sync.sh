#!/usr/bin/env bash
# First sync of N leads (default 10,000) with the real binaries: leadrelay-server serve on a seeded
# store, then `leadrelay sync` under /usr/bin/time (wall time, peak RSS), then a sync with nothing
# new; beside it, the floor: a bulk insert of the same rows into SQLite in one transaction.
# Usage: scripts/bench-sync.sh [N] [debug|release]   (SCRATCH=.build-release to build elsewhere)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
config=${2:-debug}
cd "$root"
work=$(mktemp -d /tmp/leadrelay-bench.XXXXXX)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
scratch=(--scratch-path "${SCRATCH:-.build}")
swift build -c "$config" "${scratch[@]}" --product leadrelay >/dev/null
swift build -c "$config" "${scratch[@]}" --product leadrelay-server >/dev/null
bin=$(swift build -c "$config" "${scratch[@]}" --show-bin-path)
LEADRELAY_BENCH_DB="$work/server.sqlite" LEADRELAY_BENCH_LEADS="$count" \
  swift test --disable-xctest --filter BenchmarkSeedTests >/dev/null
port=$((20000 + RANDOM % 20000))
"$bin/leadrelay-server" serve --db "$work/server.sqlite" --port "$port" --log-level error &
server_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
home="$work/home"
"$bin/leadrelay" login --home "$home" --server "http://127.0.0.1:$port" --token "$(cat "$work/server.sqlite.token")"
/usr/bin/time -f "first sync: %e s wall, %M KiB peak RSS" "$bin/leadrelay" sync --home "$home"
/usr/bin/time -f "sync with nothing new: %e s wall, %M KiB peak RSS (process start included)" "$bin/leadrelay" sync --home "$home"
# The floor: the device's `lead` rows as they are (every column, documents included) inserted into a
# fresh SQLite file with the same table and indexes (copied from the device's schema), WAL, one
# transaction, one prepared statement.
python3 - "$home/leadrelay.sqlite" "$work/floor.sqlite" <<'PY'
import sqlite3, sys, time
source = sqlite3.connect(sys.argv[1])
schema = [row[0] for row in source.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'lead' AND sql IS NOT NULL ORDER BY type DESC")]
rows = source.execute("SELECT * FROM lead").fetchall()
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
for statement in schema:
    db.execute(statement)
placeholders = ", ".join("?" * len(rows[0]))
start = time.time()
db.execute("BEGIN")
db.executemany(f"INSERT INTO lead VALUES ({placeholders})", rows)
db.execute("COMMIT")
print(f"floor: bulk insert of {len(rows)} rows into SQLite: {time.time() - start:.3f} s")
PY
