#!/usr/bin/env bash
# Load test of `cablebase serve` with wrk: 50 connections, loopback only, bounded in time.
# Usage: bench/load_test.sh [path/to/cablebase] [corpus-dir | archive.db] [seconds]
#   defaults: build/cablebase, the shared folder's corpus/ (scripts/shared.sh; without it the run is
#   skipped, or fails in CI), 20 s per
#   scenario (capped at 30). Builds an archive of the corpus (or serves the given archive as it is:
#   bench/run_all.sh passes the Cablegate-scale one), serves it on a free 127.0.0.1 port,
#   runs wrk against a mix of API requests, prints p50/p99 latency, requests/s and the error count
#   (non-2xx answers + socket errors) next to the targets of issue 12, then stops the server.
#   Scenarios: the mix (answers kept per archive generation, the default), the same mix with
#   `--cache-entries 0` (every search computed), one search with facets, one record; then
#   GET /api/stats timed alone, and 1,000 idle connections held while the mix runs.
#   Needs wrk (apt-get install wrk; scripts/setup.sh installs it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$(realpath "${1:-$ROOT/build/cablebase}")"
. "$ROOT/scripts/shared.sh"
CORPUS="${2:-$CABLEBASE_SHARED_DIR/corpus}"
ARCHIVE=""
if [ -f "$CORPUS" ] && [ "${CORPUS%.db}" != "$CORPUS" ]; then
  ARCHIVE="$(realpath "$CORPUS")"
elif [ ! -d "$CORPUS" ]; then
  echo "load_test: skipped: no corpus at $CORPUS (give one, or set CABLEBASE_SHARED)"
  in_ci && exit 2
  exit 0
fi
SECONDS_PER_RUN="${3:-20}"
((SECONDS_PER_RUN > 30)) && SECONDS_PER_RUN=30
command -v wrk > /dev/null || { echo "load_test: wrk is not installed (apt-get install wrk)"; exit 2; }

WORK="$(mktemp -d)"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$ARCHIVE" ]; then
  DBFILE="$ARCHIVE"
  echo "== archive: $DBFILE ($(du -h "$DBFILE" | cut -f1))"
else
  echo "== corpus: $CORPUS"
  DBFILE="$WORK/load.db"
  "$BIN" ingest "$CORPUS" --db "$DBFILE" 2>&1 | tail -1
fi
URL=""
# start_server [serve options...]: serves $DBFILE on a free port, sets URL.
start_server() {
  "$BIN" serve --db "$DBFILE" --port 0 --host 127.0.0.1 "$@" > "$WORK/serve.out" 2> "$WORK/serve.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 100); do
    URL="$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$WORK/serve.out" || true)"
    [ -n "$URL" ] && break
    sleep 0.1
  done
  [ -n "$URL" ] || { echo "load_test: the server did not start"; cat "$WORK/serve.err"; exit 2; }
  echo "== server: $URL ($*)"
}

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
  "/api/cables/RECORD_ID",
  "/api/cables/REFS_ID/refs?depth=2",
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

# check RESULT-line: the figures next to the targets of issue 12.
check() {
  echo "$1"
  echo "$1" | awk '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    errors = v["non2xx"] + v["socket_errors"]
    e = "met"; if (errors > 0) e = "MISSED"
    p = "met"; if (v["p99_ms"] + 0 > 50) p = "MISSED"
    r = "met"; if (v["rps"] + 0 < 400) r = "MISSED"
    printf "   targets: errors %d (0) %s | p99 %.1f ms (<= 50) %s | %.0f req/s (>= 400) %s\n",
      errors, e, v["p99_ms"], p, v["rps"], r }'
}

run() {
  local name="$1" target="$2" script="${3:-$WORK/one.lua}"
  echo "== $name: wrk -t2 -c50 -d${SECONDS_PER_RUN}s $target"
  check "$(wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$script" "$target" | grep RESULT)"
}
# One-path runs reuse the summary printer of the mix.
sed -e '/^local paths/,/^end$/d' -e 's/^local bad = 0$//' "$WORK/mix.lua" > "$WORK/one.lua"

start_server
# The record and the graph of the mix: cables of the dev corpus when the archive has them, else
# (a bench/synth archive has other IDs) a cable in the middle of the archive and one that cites.
RECORD_ID=08LONDON1350
REFS_ID=06MADRID1914
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/cables/$RECORD_ID")" != 200 ]; then
  RECORD_ID=$(sqlite3 -readonly "$DBFILE" \
    "SELECT reference_id FROM cables WHERE id >= (SELECT max(id) / 2 FROM cables) ORDER BY id LIMIT 1")
  REFS_ID=$(sqlite3 -readonly "$DBFILE" \
    "SELECT citing_id FROM refs WHERE cited_id IN (SELECT reference_id FROM cables) LIMIT 1 OFFSET 1000")
fi
echo "== record $RECORD_ID, graph of $REFS_ID"
sed -i -e "s/RECORD_ID/$RECORD_ID/" -e "s/REFS_ID/$REFS_ID/" "$WORK/mix.lua"
# GET /api/stats alone: the first answer reads the counts the last ingest stored (or computes
# them), later ones come from the server's copy for this archive generation.
for i in $(seq 1 21); do
  curl -s -o /dev/null -w '%{time_total}\n' "$URL/api/stats"
done > "$WORK/stats.times"
first=$(head -1 "$WORK/stats.times")
tail -n +2 "$WORK/stats.times" | sort -n | awk -v first="$first" '{t[NR] = $1 * 1000} END {
  printf "== GET /api/stats: first %.1f ms, then p50 %.1f ms, max %.1f ms (target <= 20 ms) %s\n",
  first * 1000, t[int((NR + 1) / 2)], t[NR], (first * 1000 <= 20 && t[NR] <= 20) ? "met" : "MISSED" }'
run "API mix (10 endpoints)" "$URL" "$WORK/mix.lua"
run "search with facets" "$URL/api/search?q=iran+nuclear&facets=1"
run "cable record" "$URL/api/cables/$RECORD_ID"

# 1,000 connections that send nothing, held open while the mix runs again (they must not take
# workers: event_server.h).
python3 - "$URL" 1000 "$((SECONDS_PER_RUN + 5))" <<'PY' &
import socket, sys, time
# The server closes a connection idle for 5 s: a fresh 1,000 every 4 s keeps 1,000 held.
host, port = sys.argv[1].split("//")[1].split(":")
deadline = time.time() + float(sys.argv[3])
held, first = [], True
while time.time() < deadline:
    fresh = []
    for _ in range(int(sys.argv[2])):
        try:
            fresh.append(socket.create_connection((host, int(port))))
        except OSError:
            break
    for s in held:
        s.close()
    held = fresh
    if first:
        print(f"== holding {len(held)} idle connections (renewed every 4 s)", flush=True)
        first = False
    time.sleep(4)
PY
IDLE_PID=$!
sleep 2
run "API mix with 1,000 idle connections held" "$URL" "$WORK/mix.lua"
kill "$IDLE_PID" 2> /dev/null || true
wait "$IDLE_PID" 2> /dev/null || true
stop_server

start_server --cache-entries 0
run "API mix, no answer cache (--cache-entries 0: every search computed)" "$URL" "$WORK/mix.lua"
stop_server
