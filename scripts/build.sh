#!/usr/bin/env bash
# Configures and builds cablebase into build/ (Release with debug info). Extra args go to cmake's
# configure step (e.g. -DCABLEBASE_BUILD_BENCH=ON); CABLEBASE_TARGET=cablebase builds only the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)" ${CABLEBASE_TARGET:+--target "$CABLEBASE_TARGET"}
