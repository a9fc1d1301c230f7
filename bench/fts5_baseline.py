#!/usr/bin/env python3
# bench/fts5_baseline.py: the bare FTS5 insert of a CSV dump's text — the store's own limit (issue 6).
"""Time a bare SQLite FTS5 insert of the same text cablebase ingests, as the rate to compare with.

Stage 1 (untimed): the dump's rows go into a staging table raw(id, subject, body) — subject from the
`SUBJECT:` line, body = the text column (FORMAT.md §1.4).
Stage 2 (timed): one transaction `INSERT INTO fts(rowid, subject, body) SELECT ... FROM raw` into an
empty FTS5 table with the store's tokenizer and configuration (src/store/schema.cc)
in a fresh database file. Nothing else: no parsing, no other tables, no triggers.
Prints `fts5_insert rows=N seconds=S rows_per_s=R mb_per_s=M db_bytes=B` (MB = 10^6 bytes of text).
Stdlib only. Usage: bench/fts5_baseline.py CABLES.CSV WORKDIR
"""

import os
import re
import sqlite3
import sys
import time

# One quoted field of the dump: `\x` escapes any character (`\"`, `\'`, `\\`), FORMAT.md §1.4.
FIELD = r'"([^"\\]*(?:\\.[^"\\]*)*)"'
ROW = re.compile(r"^" + ",".join([FIELD] * 8) + r"\n", re.S | re.M)
UNESCAPE = re.compile(r"\\(.)", re.S)
SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*[:.]\s*(.*)$", re.M | re.I)


def rows(path, chunk=64 << 20):
    """Yields (id, text) per row, reading `chunk` characters at a time."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        buf = ""
        while True:
            more = f.read(chunk)
            buf += more
            pos = 0
            while True:
                m = ROW.match(buf, pos)
                if not m:
                    break
                yield int(m.group(1)), UNESCAPE.sub(r"\1", m.group(8))
                pos = m.end()
            buf = buf[pos:]
            if not more:
                break


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    csv_path, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    staging, target = os.path.join(work, "fts5_staging.db"), os.path.join(work, "fts5_only.db")
    for p in (staging, target):
        if os.path.exists(p):
            os.remove(p)

    t0 = time.perf_counter()
    db = sqlite3.connect(staging)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE TABLE raw(id INTEGER PRIMARY KEY, subject TEXT, body TEXT)")
    n, text_bytes = 0, 0
    batch = []
    for rid, text in rows(csv_path):
        m = SUBJECT.search(text)
        subject = m.group(1).strip() if m else None
        batch.append((rid, subject, text))
        n += 1
        text_bytes += len(text.encode("utf-8"))
        if len(batch) >= 5000:
            db.executemany("INSERT INTO raw VALUES (?, ?, ?)", batch)
            batch = []
    db.executemany("INSERT INTO raw VALUES (?, ?, ?)", batch)
    db.commit()
    db.close()
    print("fts5_staging rows=%d seconds=%.1f" % (n, time.perf_counter() - t0), flush=True)

    db = sqlite3.connect(target, isolation_level=None)
    # The same durability settings for both sides are up to the caller; WAL + NORMAL is SQLite's
    # usual bulk-load setting and what an ingest would reasonably use.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(subject, body, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    # The store's own FTS5 configuration (src/store/schema.cc, schema version 2).
    db.execute("INSERT INTO fts(fts, rank) VALUES('hashsize', 67108864)")
    db.execute("ATTACH DATABASE ? AS s", (staging,))
    # Read the staging table once so the timed insert does not measure a cold page cache.
    db.execute("SELECT sum(length(body)) FROM s.raw").fetchone()
    t1 = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO fts(rowid, subject, body) SELECT id, subject, body FROM s.raw")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - t1
    db.close()
    size = os.path.getsize(target)
    print("fts5_insert rows=%d seconds=%.2f rows_per_s=%.0f mb_per_s=%.1f text_mb=%.1f db_bytes=%d" %
          (n, seconds, n / seconds, text_bytes / 1e6 / seconds, text_bytes / 1e6, size))
    os.remove(staging)


if __name__ == "__main__":
    main()
