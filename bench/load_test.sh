#!/usr/bin/env bash
# Load test of `cablebase serve` with wrk: 50 connections, loopback only, bounded in time.
# Usage: bench/load_test.sh [path/to/cablebase] [corpus-dir] [seconds]
#   defaults: build/cablebase, the shared folder's corpus/ (scripts/shared.sh; without it the run is
#   skipped, or fails in CI), 20 s per
#   scenario (capped at 30). Builds an archive of the corpus, serves it on a free 127.0.0.1 port,
#   runs wrk against a mix of API requests, prints p50/p99 latency, requests/s and the error count
#   (non-2xx answers + socket errors), then stops the server. Needs wrk (apt-get install wrk).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$(realpath "${1:-$ROOT/build/cablebase}")"
. "$ROOT/scripts/shared.sh"
CORPUS="${2:-$CABLEBASE_SHARED_DIR/corpus}"
if [ ! -d "$CORPUS" ]; then
  echo "load_test: skipped: no corpus at $CORPUS (give one, or set CABLEBASE_SHARED)"
  in_ci && exit 2
  exit 0
fi
SECONDS_PER_RUN="${3:-20}"
((SECONDS_PER_RUN > 30)) && SECONDS_PER_RUN=30
command -v wrk > /dev/null || { echo "load_test: wrk is not installed (apt-get install wrk)"; exit 2; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2> /dev/null && wait "$SERVER_PID" 2> /dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== corpus: $CORPUS"
"$BIN" ingest "$CORPUS" --db "$WORK/load.db" 2>&1 | tail -1
"$BIN" serve --db "$WORK/load.db" --port 0 --host 127.0.0.1 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$WORK/serve.out" || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "load_test: the server did not start"; cat "$WORK/serve.err"; exit 2; }
echo "== server: $URL (archive $(du -h "$WORK/load.db" | cut -f1))"

# A wrk script cycling through a fixed mix of API requests (search with/without facets, phrase,
# filters, a record, refs, stats) and counting non-2xx answers.
cat > "$WORK/mix.lua" <<'LUA'
local paths = {
  "/api/search?q=iran&limit=20",
  "/api/search?q=iran+nuclear&facets=1",
  "/api/search?q=%22prime+minister%22&limit=20",
  "/api/search?q=tag:PREL+origin:moscow&facets=1",
  "/api/search?q=from:2008-01+to:2008-12&sort=date",
  "/api/search?q=minist*+-economy&limit=10",
  "/api/facets?q=tag:PGOV",
  "/api/cables/08LONDON1350",
  "/api/cables/06MADRID1914/refs?depth=2",
  "/api/stats",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local bad = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

run() {
  local name="$1" target="$2" script="${3:-}"
  echo "== $name: wrk -t2 -c50 -d${SECONDS_PER_RUN}s $target"
  if [ -n "$script" ]; then
    wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$script" "$target" | grep RESULT
  else
    wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$WORK/one.lua" "$target" | grep RESULT
  fi
}
# One-path runs reuse the summary printer of the mix.
sed -e '/^local paths/,/^end$/d' -e 's/^local bad = 0$//' "$WORK/mix.lua" > "$WORK/one.lua"

run "API mix (10 endpoints)" "$URL" "$WORK/mix.lua"
run "search with facets" "$URL/api/search?q=iran+nuclear&facets=1"
run "cable record" "$URL/api/cables/08LONDON1350"
