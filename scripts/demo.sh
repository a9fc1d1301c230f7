#!/usr/bin/env bash
# The main job on the shipped real sample corpus: set up, build, ingest samples/ into an embedded
# SQLite archive (cablebase.db), search it, read a cable, follow its references, then serve the
# archive in the browser. Every step is printed; safe to re-run (re-ingest changes nothing).
# Set CABLEBASE_DEMO_NO_SERVE=1 to stop before starting the server.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Prints the command as it can be pasted into a shell (quoted), runs it, and says when it failed
# (the demo goes on: every step shows something on its own).
run() {
  local line='$' a
  for a in "$@"; do
    if [[ "$a" =~ ^[A-Za-z0-9_./:=,+-]+$ ]]; then line+=" $a"; else line+=" '${a//\'/\'\\\'\'}'"; fi
  done
  printf '%s\n' "$line"
  "$@" || echo "(exit status $?)"
}
CB=build/cablebase
DB=cablebase.db

step "1/6 setup: Debian packages";   bash scripts/setup.sh
step "2/6 build (the CLI)";          CABLEBASE_TARGET=cablebase bash scripts/build.sh
step "3/6 ingest the sample corpus (samples/: 159 real cables, 1966-2010, HTML/text/CSV)"
run $CB ingest samples/ --db $DB
step "4/6 what the archive holds"
run $CB stats --db $DB
step "5/6 search, read, follow"
run $CB search 'hamas visit tag:PREL from:2006-02 to:2006-02' --db $DB
run $CB search '"human rights" class:secret' --limit 5 --db $DB
run $CB search 'nuclear* AND (iran OR iraq)' --sort -date --limit 5 --facets --db $DB
run $CB search 'tag:PREL origin:moscow' --facets --db $DB
run $CB show 06MOSCOW1637 --db $DB
run $CB refs 06MOSCOW1637 --direction both --depth 2 --db $DB
if [ "${CABLEBASE_DEMO_NO_SERVE:-}" = "1" ]; then exit 0; fi
step "6/6 serve the archive (JSON API + web UI); Ctrl-C to stop"
exec $CB serve --db $DB --host 127.0.0.1 --port "${PORT:-8080}"
