#!/usr/bin/env bash
# Generates the seed corpora of the fuzz targets (fuzz/README.md) into OUT (default build-fuzz/seeds)
# from the shared folder (scripts/shared.sh) and the repository's docs. Nothing it writes is
# committed: real cables stay in the shared folder.
#
#   bash scripts/fuzz_seeds.sh [OUT]
# CABLEBASE_BIN (default build/cablebase, else the main checkout's) gives draft_fuzz records of real
# cables (`cablebase parse --json`); without it draft_fuzz starts from docs/draft_example.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/scripts/shared.sh"
OUT="${1:-$ROOT/build-fuzz/seeds}"
rm -rf "$OUT"
mkdir -p "$OUT"/{read,parse,query,http,draft} "$OUT/cables"
MAX=65536   # bytes kept of each seed (libFuzzer's -max_len of fuzz_smoke.sh and the long command)

python3 - "$CABLEBASE_SHARED_DIR" "$OUT" "$MAX" "$ROOT" <<'PY'
import hashlib, os, re, sys, random
shared, out, cap, root = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
random.seed(14)
# InputFormat numbering (include/cablebase/cable.h): 0 auto, 1 html, 2 text, 3 csv, 4 pdf, 5 plusd,
# 6 frus, 7 cfpf-gt, 8 foia-text, 9 aad. read_fuzz's byte 1 picks a name (0 "fuzz", 1 .html, 2 .txt,
# 3 .csv, 4 .pdf, 5 .xml, 6 .gt, 7 .alx).
forms = {  # folder -> (forced format, name byte)
    'corpus/html': (1, 1), 'corpus/text': (2, 2), 'corpus/csv': (3, 3),
    'corpus-more/cablegate-pdf': (4, 4), 'corpus-more/plusd-html': (5, 1),
    'corpus-more/frus-tei': (6, 5), 'corpus-more/cfpf-gt': (7, 6), 'corpus-more/foia-text': (8, 2),
}
def write(folder, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, folder, name), 'wb') as f:
        f.write(data)
def files(rel):
    top = os.path.join(shared, rel)
    found = []
    for d, _, fs in os.walk(top):
        found += [os.path.join(d, f) for f in fs if f not in ('MANIFEST.tsv', 'README.md')]
    return sorted(found)
cables = 0
for rel, (fmt, name) in forms.items():
    fs = files(rel)
    pick = fs if len(fs) <= 40 else random.sample(fs, 40)
    for p in pick:
        data = open(p, 'rb').read()[:cap - 2]
        write('read', bytes([0, name]) + data)      # detection
        write('read', bytes([fmt, name]) + data)    # the reader forced
        if fmt in (2, 8):
            write('parse', b'\x00' + data[:cap - 1])
        if cables < 12 and fmt in (1, 2):
            os.symlink(p, os.path.join(out, 'cables', '%02d-%s' % (cables, os.path.basename(p))))
            cables += 1
# AAD records: no corpus folder; the AAD reader's own shape written here (not a real record).
write('read', bytes([9, 2]) + b'Message Text\n\nUNCLASSIFIED\nPAGE 01 STATE 000001\n\n'
      b'Message Attributes\nDraft Date: 01 JAN 1975\nMessage Number: 1975STATE000001\n')
# Queries: every `...` example of the query language's documentation.
doc = open(os.path.join(root, 'docs/query_language.md'), encoding='utf-8').read()
for q in set(re.findall(r'`([^`\n]{1,200})`', doc)):
    write('query', bytes([random.randrange(64)]) + q.encode())
# HTTP requests (written for the fuzzer): each route with typical parameters.
for r in ['/api/search?q=harbour&limit=3&offset=1&sort=-date&facets=1',
          '/api/search?q=tag%3APREL+origin%3Aatlantis', '/api/facets?q=class:secret',
          '/api/stats', '/api/health', '/api/glossary', '/api/openapi.json',
          '/api/export?q=harbour&format=csv', '/api/export?q=&format=graphml',
          '/api/export?q=x&format=jsonl', '/api/cables/06ATLANTIS42',
          '/api/cables/06ATLANTIS42/versions?records=1', '/api/cables/06ATLANTIS42/audit',
          '/api/cables/06ATLANTIS42/versions/1/diff/1',
          '/api/cables/07UTOPIA99/refs?direction=both&depth=2', '/', '/search?q=x',
          '/browse/2006', '/cable/06ATLANTIS42/diff', '/graph/07UTOPIA99',
          '/static/app.js', '/static/glossary_data.js', '/static/..%2F..%2Fetc%2Fpasswd']:
    write('http', r.encode() + b'\nAccept: application/json\n')
PY
cp "$ROOT/docs/draft_example.json" "$OUT/draft/"
BIN="${CABLEBASE_BIN:-}"
[ -z "$BIN" ] && for b in "$ROOT/build/cablebase" "$ROOT/../main/build/cablebase"; do
  [ -x "$b" ] && { BIN="$b"; break; }
done
if [ -n "$BIN" ]; then
  n=0
  for f in "$OUT"/cables/*; do
    "$BIN" parse "$f" > "$OUT/draft/record-$n.json" 2>/dev/null || true
    n=$((n + 1))
  done
fi
for d in "$OUT"/*/; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
