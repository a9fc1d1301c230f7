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

# Sections published as separate records (issue 11; tests/testdata/parts/README.md). 06NEWDELHI5266
# (paul-mathieu text, CRLF lines) is a two-section cable published whole: its page marker
# `NEW DELHI 00005266  002 OF 002` (line 111) is where section 2 began. Cablegate published some such
# sections as records of their own; these split it there.
# part1: the cable up to the marker (lines 1-109): its own classification line says SECTION 01 OF 02.
derive_part1() {
  sed -n '1,109p' "$1"
}
# part2: section 2 as Cablegate published separate sections: the alx layout with the caption's
# debris in the published ID (06SCTION02OF02NEWDELHI5266; lines written for the test), the routing
# header of the cable (lines 2-30) with the section's own transmission number (#5266/02), the
# section's classification line (written for the test: SECTION 02 OF 02), then lines 114-176.
derive_part2() {
  printf '06SCTION02OF02NEWDELHI5266\r\nPOLLING DATA SHOWS STRONG SUPPORT FOR SONIA GANDHI\r\n'
  printf 'Thu Jul 27 00:00:00 +0530 2006\r\nCONFIDENTIAL\r\nEmbassy New Delhi\r\n'
  sed -n '2,30p' "$1" | sed -e 's|#5266/01 2080615|#5266/02 2080615|'
  printf 'CONFIDENTIAL SECTION 02 OF 02 NEW DELHI 005266 \r\n \r\n'
  sed -n '114,176p' "$1"
}
# part2_revised: part2 re-released with one paragraph written for the test: a second version of
# section 2 (never of section 1).
derive_part2_revised() {
  derive_part2 "$1"
  printf '\r\n\r\n1. (C) WRITTEN FOR THE TEST, not a real paragraph: a second release of section 2 of 06NEWDELHI5266.\r\n'
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
    derive:part1|derive:part2|derive:part2_revised)
      shared_missing "$extra" && exit 1
      "derive_${src#derive:}" "$CABLEBASE_SHARED_DIR/$extra" > "$dir/$dest" ;;
    derive:hostile)
      shared_missing "$extra" && exit 1
      derive_hostile "$CABLEBASE_SHARED_DIR/$extra" > "$dir/$dest" ;;
    *)
      shared_missing "$src" && exit 1
      cp "$CABLEBASE_SHARED_DIR/$src" "$dir/$dest" ;;
  esac
done < "$list"
