#!/usr/bin/env bash
# Renders `leadrelay-server report quality --html` (or `report funnel`) in headless Chromium (Debian's `chromium`
# package: apt-get install -y chromium) and saves a PNG, to check what a manager will see.
#
#   scripts/report-screenshot.sh [--report quality|funnel] [--db STORE.sqlite] [--out report.png]
#                                [--width 1000] [--height 2100]
#
# With --db, the page is that store's report (quality unless --report funnel). Without it, the page comes from the
# Olist hand-off simulation test (8,000 real MQLs routed to the 22 real sales reps and judged by
# their real outcomes), which writes it when LEADRELAY_SIMULATION_HTML is set.
# The PNG is a check, not an artefact: do not commit it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
db=""
report=quality
out=""
width=1000
height=2100
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --report) report=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --width) width=$2; shift 2 ;;
    --height) height=$2; shift 2 ;;
    *) echo "report-screenshot: unknown argument $1" >&2; exit 64 ;;
  esac
done
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "report-screenshot: no chromium; install it with: apt-get install -y chromium" >&2
  exit 1
fi
case "$report" in quality|funnel) ;; *) echo "report-screenshot: --report is quality or funnel" >&2; exit 64 ;; esac
out=${out:-"$root/.build/report-$report.png"}
mkdir -p .build "$(dirname "$out")"
html="$root/.build/report-$report.html"
rm -f "$html"
if [ -n "$db" ]; then
  swift build --product leadrelay-server >/dev/null
  "$(swift build --show-bin-path)/leadrelay-server" report "$report" --db "$db" --html "$html"
else
  LEADRELAY_SIMULATION_HTML="$html" LEADRELAY_SIMULATION_REPORT="$report" swift test --disable-xctest --filter HandoffSimulationTests
fi
[ -s "$html" ] || { echo "report-screenshot: no HTML was written to $html" >&2; exit 1; }
# Chromium captures exactly the window: --height must cover the page (more reps, taller page).
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$width,$height" --screenshot="$out" "file://$html" 2>/dev/null
echo "report-screenshot: wrote $out (from $html)"
