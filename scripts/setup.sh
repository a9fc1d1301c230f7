#!/usr/bin/env bash
# Installs what cablebase needs to build and test, from Debian packages (idempotent; needs root or sudo).
set -euo pipefail
PKGS=(g++ cmake ninja-build pkg-config libsqlite3-dev sqlite3 libxml2-dev libpoppler-cpp-dev libssl-dev nlohmann-json3-dev
      libcli11-dev libcpp-httplib-dev libgtest-dev libbenchmark-dev python3 ccache
      wrk     # wrk: the HTTP load test of bench/load_test.sh (bench/run_all.sh)
      clang libclang-rt-dev)  # libFuzzer + sanitizers: scripts/fuzz_smoke.sh (.ci/run), fuzz/README.md
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "== setup: all build packages present"
fi
