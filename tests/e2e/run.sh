#!/usr/bin/env bash
# End-to-end UI tests: installs Debian's Chromium and playwright-core if missing, builds an archive of
# the fixture sets "samples" and "server" (tests/testdata/*.files: real cables staged from the shared
# folder by tests/stage_fixtures.sh), serves it on a free loopback port, runs ui.test.mjs, stops the
# server. Usage: tests/e2e/run.sh [path/to/cablebase]   (default: build/cablebase)
# Screenshots: tests/e2e/screenshots/ (or $SCREENSHOT_DIR). Exit status: the tests'; without the
# shared folder 77 (a skip, said why) outside CI and 2 in CI (CI=true).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="$(realpath "${1:-$ROOT/build/cablebase}")"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
. "$ROOT/scripts/shared.sh"
if shared_missing corpus; then
  if in_ci; then echo "e2e: FAILED: the UI tests need the shared folder's real cables" >&2; exit 2; fi
  echo "e2e: skipped: the UI tests need the shared folder's real cables"; exit 77
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "== e2e: installing chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "== e2e: installing nodejs and npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "== e2e: installing playwright-core (no browser download)"
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== e2e: staging the fixture sets samples and server from $CABLEBASE_SHARED_DIR"
bash "$ROOT/tests/stage_fixtures.sh" samples "$WORK/samples"
bash "$ROOT/tests/stage_fixtures.sh" server "$WORK/server"
echo "== e2e: ingesting them"
"$BIN" ingest "$WORK/samples" "$WORK/server" --db "$WORK/e2e.db" > "$WORK/ingest.log" 2>&1 ||
  { cat "$WORK/ingest.log"; exit 2; }
tail -1 "$WORK/ingest.log"

"$BIN" serve --db "$WORK/e2e.db" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]\+/' "$WORK/serve.out" || true)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2> /dev/null || { cat "$WORK/serve.err"; exit 2; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "e2e: the server did not start"; cat "$WORK/serve.err"; exit 2; }
echo "== e2e: server at $URL"

export CABLEBASE_URL="$URL"
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$HERE/screenshots}"
cd "$HERE"
set +e
timeout 600 node --test --test-concurrency=1 ui.test.mjs
rc=$?
set -e
echo "== e2e: screenshots in $SCREENSHOT_DIR"
exit $rc
