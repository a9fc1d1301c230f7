#!/usr/bin/env python3
# bench/query_times.py: latency percentiles of `cablebase search` and `cablebase refs`, and rg baselines.
"""Times the CLI as a user runs it (process start + open + query + print), wall clock.

  query_times.py search  CABLEBASE DB CSV TRUTH [--repeat R]   33 fixed queries, with and without
                                                              --facets; `rg -c` baseline per word query
  query_times.py refs    CABLEBASE DB TRUTH [--repeat R]      `refs ID --depth 2` over 50 cited cables

The queries are fixed (the kinds issue 6 lists); the two that need a cable ID (ref:, citedby:) take the
most-cited generated cable from TRUTH (bench/synth --truth), so they hit on any N. Each command runs
once untimed (warm cache), then R times; percentiles are nearest-rank over all timed runs of a mode.
Stdlib only.
"""

import argparse
import collections
import shutil
import resource
import subprocess
import sys
import time

# (kind, query, rg pattern or None). rg gets the word(s) case-insensitively, as FTS5 matches them.
QUERIES = [
    ("word-common", "government", "government"),
    ("word-common", "minister", "minister"),
    ("word-common", "security", "security"),
    ("word-common", "embassy", "embassy"),
    ("word-common", "president", "president"),
    ("word-common", "election", "election"),
    ("word-rare", "abramovich", "abramovich"),
    ("word-rare", "trawlers", "trawlers"),
    ("word-rare", "isobar", "isobar"),
    ("word-rare", "anthropogenic", "anthropogenic"),
    ("word-rare", "kimberley", "kimberley"),
    ("word-rare", "marange", "marange"),
    ("phrase", '"human rights"', "human rights"),
    ("phrase", '"prime minister"', "prime minister"),
    ("phrase", '"nuclear program"', "nuclear program"),
    ("phrase", '"foreign minister"', "foreign minister"),
    ("boolean", "hamas OR fatah", None),
    ("boolean", "iran -nuclear", None),
    ("boolean", "(russia OR ukraine) gas", None),
    ("boolean", "election NOT fraud", None),
    ("filter", "tag:PREL", None),
    ("filter", "origin:moscow", None),
    ("filter", "class:secret", None),
    ("filter", "caveat:noforn", None),
    ("date", "from:2008-01 to:2008-03", None),
    ("date", "from:2009 to:2009", None),
    ("date", "election from:2009-01 to:2009-06", None),
    ("tags", "tag:PGOV election", None),
    ("tags", "tag:KNNP tag:IR", None),
    ("tags", "tag:PREL origin:moscow from:2009", None),
    ("ref", "ref:{cited}", None),
    ("ref", "citedby:{citing}", None),
    ("ref", "ref:{cited} tag:PREL", None),
]


def percentile(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


CPU = []  # CPU ms (user + system) of every timed run, in order: on a shared machine the wall
          # time includes waiting for a core; the CPU time is what the process itself cost.


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - t) * 1000.0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000.0)
    return wall, r.returncode, r.stderr.decode(errors="replace")


def timed_runs(cmd, n):
    """n wall times of cmd and their CPU times."""
    walls = [timed(cmd)[0] for _ in range(n)]
    return walls, CPU[-n:]


def read_truth(path):
    """(most cited inside ID, a cable that cites inside ones, [citing IDs with inside refs])."""
    cited, citing = collections.Counter(), []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[2]:
                continue
            ins = [x[:-3] for x in parts[2].split(",") if x.endswith(":in")]
            cited.update(ins)
            if ins:
                citing.append(parts[1])
    top = min(cited.items(), key=lambda kv: (-kv[1], kv[0]))[0] if cited else "06MOSCOW1637"
    return top, (citing[len(citing) // 2] if citing else "06MOSCOW1637"), citing


def report(label, times, target=None, cpu=None):
    print("%-28s n=%-5d p50=%8.1f ms  p95=%8.1f ms  p99=%8.1f ms%s" % (
        label, len(times), percentile(times, 50), percentile(times, 95), percentile(times, 99),
        ("   target " + target) if target else ""))
    if cpu:
        print("%-28s        cpu p50=%6.1f ms  p95=%8.1f ms  p99=%8.1f ms  (user+sys of the process)" % (
            "", percentile(cpu, 50), percentile(cpu, 95), percentile(cpu, 99)))


def run_search(a):
    cited, citing, _ = read_truth(a.truth)
    rg = shutil.which("rg")
    by_mode = {False: [], True: []}
    cpu_mode = {False: [], True: []}
    errors = 0
    print("%-12s %-40s %10s %10s %10s %8s" % ("kind", "query", "ms", "ms facets", "rg ms", "rg/ms"))
    for kind, q, pattern in QUERIES:
        q = q.format(cited=cited, citing=citing)
        med = {}
        for facets in (False, True):
            cmd = [a.cablebase, "search", q, "--db", a.db, "--limit", "20"] + (["--facets"] if facets else [])
            _, rc, err = timed(cmd)
            if rc not in (0, 1):
                errors += 1
                print("  error (exit %d) for %s: %s" % (rc, " ".join(cmd[1:]), err.strip()[:200]))
            ts, cpu = timed_runs(cmd, a.repeat)
            by_mode[facets].extend(ts)
            cpu_mode[facets].extend(cpu)
            med[facets] = percentile(ts, 50)
        rg_ms = ""
        ratio = ""
        if pattern and rg:
            rcmd = [rg, "-c", "-i", "-F", pattern, a.csv]
            timed(rcmd)
            rts = [timed(rcmd)[0] for _ in range(max(1, min(3, a.repeat)))]
            r = percentile(rts, 50)
            rg_ms, ratio = "%.1f" % r, "%.1fx" % (r / med[False])
        print("%-12s %-40s %10.1f %10.1f %10s %8s" % (kind, q[:40], med[False], med[True], rg_ms, ratio))
    if not rg:
        print("rg baseline skipped: ripgrep not installed")
    report("search", by_mode[False], "p50 <= 10 ms, p99 <= 40 ms (issue 12)", cpu_mode[False])
    report("search --facets", by_mode[True], "p50 <= 15 ms, p99 <= 50 ms (issue 12)", cpu_mode[True])
    if errors:
        print("search: %d queries failed" % errors)
    return 1 if errors else 0


def run_refs(a):
    _, _, citing = read_truth(a.truth)
    step = max(1, len(citing) // 50)
    ids = citing[::step][:50]
    times, cpus, errors = [], [], 0
    for rid in ids:
        cmd = [a.cablebase, "refs", rid, "--db", a.db, "--depth", "2"]
        _, rc, err = timed(cmd)
        if rc not in (0, 1):
            errors += 1
            if errors <= 3:
                print("  error (exit %d) for %s: %s" % (rc, rid, err.strip()[:200]))
        ts, cpu = timed_runs(cmd, a.repeat)
        times.extend(ts)
        cpus.extend(cpu)
    report("refs --depth 2 (%d IDs)" % len(ids), times, "p99 <= 15 ms (issue 12)", cpus)
    return 1 if errors else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("search")
    s.add_argument("cablebase")
    s.add_argument("db")
    s.add_argument("csv")
    s.add_argument("truth")
    s.add_argument("--repeat", type=int, default=5)
    r = sub.add_parser("refs")
    r.add_argument("cablebase")
    r.add_argument("db")
    r.add_argument("truth")
    r.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    sys.exit(run_search(a) if a.what == "search" else run_refs(a))


if __name__ == "__main__":
    main()
