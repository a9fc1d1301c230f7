# Sourced by every script that reads real cables: the one place a shell script finds the team's
# shared folder (issue 10: real cables are read from ../shared/, never copied into the repository).
# The C++ tests find it the same way (tests/shared_files.h).
#
#   . "$ROOT/scripts/shared.sh"          # ROOT: the checkout's top directory
#   "$CABLEBASE_SHARED_DIR/corpus"       # $CABLEBASE_SHARED, else `shared` beside the checkout
#   shared_missing corpus || …           # true (0) when the folder lacks corpus/, with the reason on stderr
#   in_ci                                # true when CI=true or CI=1: a missing shared folder is then an error
CABLEBASE_SHARED_DIR="${CABLEBASE_SHARED:-${ROOT:?scripts/shared.sh needs ROOT}/../shared}"
CABLEBASE_SHARED_DIR="${CABLEBASE_SHARED_DIR%/}"

in_ci() { [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; }

# shared_missing REL: 0 (and a message on stderr naming the path) when $CABLEBASE_SHARED_DIR/REL does
# not exist, 1 when it does.
shared_missing() {
  [ -e "$CABLEBASE_SHARED_DIR/$1" ] && return 1
  echo "shared folder: $CABLEBASE_SHARED_DIR/$1 not found (real cables are read from the shared" \
       "folder: set CABLEBASE_SHARED, or check out the project beside ../shared)" >&2
  return 0
}
