#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan, folder build-fuzz) and runs each for a
# bounded time on its seed corpus (scripts/fuzz_seeds.sh): a crash, leak or UB report fails the run.
# Called by .ci/run; fuzz/README.md gives the long-campaign command.
#
#   bash scripts/fuzz_smoke.sh [SECONDS_PER_TARGET]     (default 20)
# Skipped (exit 0 with a note) when clang or libFuzzer's runtime is missing, unless CI is set.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_TARGET="${1:-20}"
BUILD="${CABLEBASE_FUZZ_BUILD:-$ROOT/build-fuzz}"
TARGETS=(read_fuzz parse_fuzz query_fuzz http_fuzz draft_fuzz)

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz_smoke: clang++ or libFuzzer (libclang-rt-dev) missing" >&2
  if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then exit 1; fi
  exit 0
fi
t0=$(date +%s)
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCABLEBASE_BUILD_FUZZ=ON -DCABLEBASE_SANITIZE=ON -DCABLEBASE_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j"${JOBS:-2}" --target "${TARGETS[@]}"
echo "fuzz_smoke: build $(( $(date +%s) - t0 )) s"
bash "$ROOT/scripts/fuzz_seeds.sh" "$BUILD/seeds" >/dev/null
export CABLEBASE_FUZZ_CABLES="$BUILD/seeds/cables"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
declare -A SEEDS=([read_fuzz]=read [parse_fuzz]=parse [query_fuzz]=query [http_fuzz]=http [draft_fuzz]=draft)
failed=0
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"
  mkdir -p "$work" "$BUILD/artifacts"
  args=(-max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=25 -rss_limit_mb=2560
        -artifact_prefix="$BUILD/artifacts/$t-" -print_final_stats=1)
  [ -f "$ROOT/fuzz/${SEEDS[$t]}.dict" ] && args+=(-dict="$ROOT/fuzz/${SEEDS[$t]}.dict")
  if ! "$BUILD/$t" "${args[@]}" "$work" "$BUILD/seeds/${SEEDS[$t]}" > "$BUILD/$t.log" 2>&1; then
    echo "fuzz_smoke: $t FAILED (log $BUILD/$t.log, input in $BUILD/artifacts/):" >&2
    grep -m5 -E 'ERROR|runtime error|SUMMARY' "$BUILD/$t.log" >&2 || tail -20 "$BUILD/$t.log" >&2
    failed=1
  else
    echo "fuzz_smoke: $t ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$BUILD/$t.log" | grep -o '[0-9]*$') runs)"
  fi
done
echo "fuzz_smoke: total $(( $(date +%s) - t0 )) s"
exit $failed
