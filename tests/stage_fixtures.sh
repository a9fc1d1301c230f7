#!/usr/bin/env bash
# Stages a named set of test fixtures into DIR: copies the real cables it lists from the shared folder
# (scripts/shared.sh) and writes the variants the tests derive from them. The sets are the lists
# tests/testdata/SET.files, one file a line: `DEST SOURCE`, SOURCE being a path in the shared folder
# (corpus/html/chillicoder__cablegate/08LONDON1115.html), `repo:PATH` (a file of this repository
# written for the tests), or `derive:NAME SOURCE` (a variant made below from a shared file).
# Usage: tests/stage_fixtures.sh SET DIR. Exit status 0 staged; 1 with the reason on stderr when the
# shared folder or a listed file is missing (the C++ tests then skip, or fail in CI: shared_files.h).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/scripts/shared.sh"
[ $# -eq 2 ] || { echo "usage: tests/stage_fixtures.sh SET DIR" >&2; exit 2; }
list="$ROOT/tests/testdata/$1.files"
dir="$2"
[ -f "$list" ] || { echo "no fixture set '$1' ($list)" >&2; exit 2; }
if shared_missing corpus; then exit 1; fi

# hostile_10MADRID9999 (tests/testdata/server/README.md): the alx layout of 10MADRID49 (its first 13
# lines, renumbered to the fictitious 10MADRID9999, one section) followed by a text written for the
# test whose subject and paragraphs are full of markup.
derive_hostile() {
  head -n 13 "$1" | sed -e '1s/.*/10MADRID9999/' \
    -e '2s/.*/<script>alert("title")<\/script> HOSTILE FIXTURE/' \
    -e 's/^VZCZCXRO2082$/VZCZCXRO2083/' -e 's/^RR RUEHDBU .*/RR RUEHDBU/' \
    -e 's/#0049\/01 0191734/#9999 0191735/' -e 's/191734Z/191735Z/' -e 's/WASHDC 1693/WASHDC 1694/' \
    -e 's/SECTION 01 OF 02 MADRID 000049/MADRID 009999/'
  # Written for the test (not from any cable):
  cat <<'TEXT'
 
SIPDIS 
 
E.O. 12958: DECL: 01/19/2020 
TAGS: PREL SP
SUBJECT: <SCRIPT>ALERT("XSS")</SCRIPT> & <IMG SRC=X ONERROR=ALERT(2)> 
 
REF: A. MADRID 49 B. MADRID 8888 
 
Classified By: Ambassador Alan D. Solomont for reasons 1.4 (b) and (d) 
 
1. (C) A paragraph with markup that must stay text: </pre><b>bold</b> 
<a href="javascript:alert(3)">link</a> and an ampersand &amp; entity. 
 
2. (U) The cable is a test fixture derived from 10MADRID49; only the 
subject and these paragraphs differ. 
SOLOMONT
TEXT
}

# 10MADRID49_revised (tests/testdata/server/README.md): the alx text of 10MADRID49 plus one
# paragraph written for the test, so that 10MADRID49 has a second version to list and diff (issue 11:
# the page and the alx text are one version since `created` follows the DTG).
derive_revised() {
  cat "$1"
  printf '\n\n1. (C) WRITTEN FOR THE TEST, not a real paragraph: a second rendering of 10MADRID49 whose text differs, so that the archive holds two versions to diff.\n'
}

mkdir -p "$dir"
while read -r dest src extra; do
  case "$dest" in ''|'#'*) continue ;; esac
  mkdir -p "$dir/$(dirname "$dest")"
  case "$src" in
    repo:*) cp "$ROOT/${src#repo:}" "$dir/$dest" ;;
    derive:revised)
      shared_missing "$extra" && exit 1
      derive_revised "$CABLEBASE_SHARED_DIR/$extra" > "$dir/$dest" ;;
    derive:hostile)
      shared_missing "$extra" && exit 1
      derive_hostile "$CABLEBASE_SHARED_DIR/$extra" > "$dir/$dest" ;;
    *)
      shared_missing "$src" && exit 1
      cp "$CABLEBASE_SHARED_DIR/$src" "$dir/$dest" ;;
  esac
done < "$list"
