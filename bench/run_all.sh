#!/usr/bin/env bash
# bench/run_all.sh: generate the benchmark corpus and run the four benchmarks of issue 6, printing figures.
#
#   bash bench/run_all.sh            # N=251287 cables (~1.7 GB) in bench/out/
#   N=20000 bash bench/run_all.sh    # a quick run
#
# Environment: N (cables, default 251287), SEED (1), BUILD (build dir, default build-bench),
# OUT (default bench/out), REPEAT (timed runs per query, default 5), CABLEBASE_SHARED (the shared folder
# with corpus/, default ../shared). Each part prints "skipped: <why>" when what it needs is missing.
# bench/README.md explains how to read the output.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-251287}
SEED=${SEED:-1}
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/out}
REPEAT=${REPEAT:-5}
. "$ROOT/scripts/shared.sh"
SHARED=$CABLEBASE_SHARED_DIR
CSV=$OUT/cables_$N.csv
TRUTH=$OUT/truth_$N.tsv
DB=$OUT/cables_$N.db
CB=$BUILD/cablebase
mkdir -p "$OUT"

section() { printf '\n=== %s ===\n' "$*"; }
skipped() { echo "skipped: $*"; }
# A subcommand exists when `cablebase --help` lists it under "Subcommands:".
# (The help is read whole first: `grep -q` stopping early would kill the pipeline under pipefail.)
has_command() {
  [ -x "$CB" ] || return 1
  local help
  help=$("$CB" --help 2>/dev/null)
  printf '%s\n' "$help" | sed -n '/^Subcommands:/,$p' | grep -E "^  $1 " >/dev/null
}

section "machine"
echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cores:     $(nproc)"
echo "cpu:       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "ram:       $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other work on the machine skews every figure)"
echo "disk:      $(df -h "$OUT" | awk 'NR==2 {print $4 " free on " $1}')"
echo "git:       $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"

section "build ($BUILD, Release, benchmarks on)"
if ! command -v cmake >/dev/null; then
  skipped "cmake not installed"
else
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCABLEBASE_BUILD_BENCH=ON \
    >"$OUT/cmake.log" 2>&1 || echo "cmake failed: see $OUT/cmake.log"
  for t in cablebase parse_bench ingest_bench search_bench; do
    if ninja -C "$BUILD" -t targets all 2>/dev/null | grep -q "^$t:"; then
      cmake --build "$BUILD" --target "$t" >"$OUT/build_$t.log" 2>&1 \
        && echo "built $t" || echo "build of $t failed: see $OUT/build_$t.log"
    fi
  done
fi

section "corpus: bench/synth N=$N seed=$SEED"
if [ -s "$CSV" ] && [ -s "$TRUTH" ] && [ "$(wc -l <"$TRUTH")" -eq $((N + 1)) ]; then
  echo "reusing $CSV (delete it to regenerate)"
else
  if shared_missing corpus; then
    echo "skipped: bench/synth builds the corpus on the shared folder's real cables"
    in_ci && exit 2
    exit 0
  fi
  start=$(date +%s.%N)
  python3 "$ROOT/bench/synth" --n "$N" --seed "$SEED" --corpus "$SHARED/corpus" --out "$CSV" \
    --truth "$TRUTH" || { echo "synth failed"; exit 2; }
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "synth wall: %.1f s\n", e - s}'
fi
CSV_BYTES=$(stat -c %s "$CSV")
echo "input:     $CSV"
echo "           $N cables, $CSV_BYTES bytes ($((CSV_BYTES / 1000000)) MB), $(awk -F'\t' 'NR>1 && $3!="" {n+=split($3,a,",")} END {print n}' "$TRUTH") references"

section "1. parse throughput per input form (target: text/CSV >= 300 MB/s per core)"
if [ -x "$BUILD/parse_bench" ]; then
  CABLEBASE_SHARED="$SHARED" CABLEBASE_BENCH_CSV="$CSV" CABLEBASE_BENCH_CSV_MB=${PARSE_MB:-32} \
    "$BUILD/parse_bench" --benchmark_counters_tabular=true 2>&1 | grep -v '^\*\*\*WARNING'
else
  skipped "$BUILD/parse_bench not built (needs Google Benchmark and -DCABLEBASE_BUILD_BENCH=ON)"
fi

# Issue 12 (speed helper's section): real Cablegate pages, whole process, the folder passed PASSES
# times in one process. The Python peer cablemap reads 250 pages/s on this machine (issue 12).
# PARSE_BEFORE=<an older cablebase> times it in the same run for a before/after ratio.
section "1b. parse Cablegate HTML pages, whole process (target: >= 2,500 cables/s = 10x the peer's 250/s)"
HTML_DIR=$SHARED/corpus/html
if [ -x "$CB" ] && [ -d "$HTML_DIR" ]; then
  PASSES=${PASSES:-3}
  html_args=(); for _ in $(seq "$PASSES"); do html_args+=("$HTML_DIR"); done
  time_parse() {  # prints: cables wall_s cpu_s
    local t0 t1 n cpu
    t0=$(date +%s.%N)
    n=$( { /usr/bin/time -f '%U %S' -o "$OUT/parse_time.txt" "$1" parse --jsonl "${html_args[@]}" | wc -l; } 2>/dev/null )
    t1=$(date +%s.%N)
    cpu=$(awk '{print $1 + $2}' "$OUT/parse_time.txt")
    echo "$n $(echo "$t1 - $t0" | bc) $cpu"
  }
  for bin in ${PARSE_BEFORE:+"$PARSE_BEFORE"} "$CB"; do
    read -r n wall cpu < <(time_parse "$bin")
    awk -v b="$bin" -v n="$n" -v w="$wall" -v c="$cpu" 'BEGIN {
      printf "%s: %d cables in %.2f s wall (%.0f cables/s = %.1fx the peer), %.2f s CPU (%.0f cables/s per core = %.1fx)\n",
             b, n, w, n / w, n / w / 250, c, n / c, n / c / 250 }'
  done
else
  skipped "$CB not built or no $HTML_DIR"
fi

section "2. ingest N=$N (targets: <= 100 s at 251,287, >= 0.8x bare FTS5 rate, peak RSS <= 1 GB)"
INGEST_OK=0
if has_command ingest; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  /usr/bin/time -v "$CB" ingest "$CSV" --db "$DB" >"$OUT/ingest.out" 2>"$OUT/ingest.err"
  rc=$?
  tail -5 "$OUT/ingest.out"
  grep -v '^\s' "$OUT/ingest.err" | grep -v 'Command being timed' | head -5
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$OUT/ingest.err")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/ingest.err")
  db_bytes=$(( $(stat -c %s "$DB" 2>/dev/null || echo 0) + $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) ))
  echo "exit:      $rc"
  if [ -n "$wall" ]; then
    awk -v w="$wall" -v n="$N" -v b="$CSV_BYTES" -v r="$rss_kb" -v d="$db_bytes" 'BEGIN {
      printf "wall:      %.1f s\nrate:      %.0f cables/s, %.1f MB/s\npeak RSS:  %.0f MB\ndb size:   %.0f MB\n",
             w, n / w, b / 1e6 / w, r / 1024, d / 1e6 }'
    INGEST_RATE=$(awk -v w="$wall" -v n="$N" 'BEGIN {print n / w}')
    [ "$rc" -eq 0 ] && INGEST_OK=1
  fi
  if has_command stats; then
    "$CB" stats --db "$DB" 2>&1 | head -12
    # The counts are stored by the ingest (store/stats_cache.h): `stats` reads them back.
    for i in 1 2 3 4 5; do /usr/bin/time -f '%e %U %S' "$CB" stats --db "$DB" > /dev/null 2>> "$OUT/stats.times"; done
    w=$(awk '{print $1 * 1000}' "$OUT/stats.times" | sort -n | sed -n 3p)
    c=$(awk '{print ($2 + $3) * 1000}' "$OUT/stats.times" | sort -n | sed -n 3p)
    awk -v w="$w" -v c="$c" 'BEGIN { printf "cablebase stats: p50 %.0f ms wall, %.0f ms CPU (target <= 20 ms) %s\n",
      w, c, w <= 20 ? "met" : "MISSED (wall; on a loaded machine see CPU)" }'
    rm -f "$OUT/stats.times"
  fi
else
  skipped "'cablebase ingest' not available in $CB"
fi

echo "--- bare FTS5 insert of the same text (bench/fts5_baseline.py)"
FTS_OUT=$(python3 "$ROOT/bench/fts5_baseline.py" "$CSV" "$OUT" 2>&1)
echo "$FTS_OUT"
FTS_RATE=$(echo "$FTS_OUT" | sed -n 's/.*fts5_insert .*rows_per_s=\([0-9.]*\).*/\1/p')
rm -f "$OUT/fts5_only.db" "$OUT/fts5_only.db-wal" "$OUT/fts5_only.db-shm"
if [ "$INGEST_OK" = 1 ] && [ -n "$FTS_RATE" ]; then
  awk -v a="$INGEST_RATE" -v b="$FTS_RATE" 'BEGIN {
    printf "ingest / bare FTS5 rate: %.2f (target >= 0.85, issue 12)\n", a / b }'
fi
if [ -x "$BUILD/ingest_bench" ]; then
  echo "--- $BUILD/ingest_bench (the store's own benchmark)"
  CABLEBASE_BENCH_CSV="$CSV" timeout 1800 "$BUILD/ingest_bench" 2>&1 | grep -v '^\*\*\*WARNING' | tail -30
fi

section "3. search N=$N (targets, issue 12: p50 <= 10 ms, p99 <= 40 ms; with facets p50 <= 15 ms, p99 <= 50 ms; rare word <= 5 ms; word queries >= 50x faster than rg)"
if ! command -v rg >/dev/null; then
  echo "installing ripgrep for the baseline"
  (apt-get install -y ripgrep >/dev/null 2>&1 || sudo -n apt-get install -y ripgrep >/dev/null 2>&1) \
    || echo "could not install ripgrep: rg baselines will be skipped"
fi
if [ "$INGEST_OK" != 1 ]; then
  skipped "no archive (ingest did not run or failed)"
elif ! has_command search; then
  skipped "'cablebase search' not available"
else
  python3 "$ROOT/bench/query_times.py" search "$CB" "$DB" "$CSV" "$TRUTH" --repeat "$REPEAT"
  if [ -x "$BUILD/search_bench" ]; then
    echo "--- $BUILD/search_bench (in-process)"
    CABLEBASE_BENCH_DB="$DB" timeout 900 "$BUILD/search_bench" 2>&1 | grep -v '^\*\*\*WARNING' | tail -40
  fi
  if [ -f "$ROOT/bench/load_test.sh" ]; then
    echo "--- bench/load_test.sh (HTTP, on this archive; targets: 0 errors, p99 <= 50 ms, >= 400 req/s)"
    if command -v wrk >/dev/null; then
      timeout 900 bash "$ROOT/bench/load_test.sh" "$CB" "$DB" "${LOAD_SECONDS:-20}" 2>&1 | tail -40
    else
      skipped "wrk not installed (scripts/setup.sh installs it)"
    fi
  fi
fi

section "4. reference graph: refs --depth 2 (target: p99 <= 15 ms, issue 12)"
if [ "$INGEST_OK" != 1 ]; then
  skipped "no archive (ingest did not run or failed)"
elif ! has_command refs; then
  skipped "'cablebase refs' not available"
else
  python3 "$ROOT/bench/query_times.py" refs "$CB" "$DB" "$TRUTH" --repeat "$REPEAT"
fi

section "done"
echo "outputs in $OUT (delete $CSV and $DB to free $(du -sh "$OUT" | cut -f1))"
