#!/usr/bin/env bash
# The main job on the shipped sample corpus: set up, build, parse every sample cable.
# (Each step is printed; safe to re-run.)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "1/3 setup (Debian packages)"; bash scripts/setup.sh
step "2/3 build";                   bash scripts/build.sh
CB=build/cablebase
step "3/3 parse the sample corpus (samples/) into samples.jsonl"
set +e
$CB parse --jsonl samples/ > samples.jsonl
rc=$?
set -e
echo "$(wc -l < samples.jsonl) cables parsed (exit status $rc); first record's header fields:"
head -n 1 samples.jsonl | python3 -c 'import json,sys; r=json.loads(sys.stdin.readline()); print({k: r[k] for k in ("reference_id","created","originator","classification","tags","subject")})'
