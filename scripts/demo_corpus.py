#!/usr/bin/env python3
"""Writes a small corpus of GENERATED telegrams for the demo when no real cables are at hand.

usage: scripts/demo_corpus.py OUTDIR     (writes OUTDIR/cables.csv and OUTDIR/rerelease.csv)

The cables follow the telegram format (docs/cable_format.md; rows of the full-release CSV dump:
8 quoted columns id, created, reference ID, origin, classification, references, header, text) but
every word of their text is made here: each subject and paragraph says it is a generated
demonstration cable. Real cables are never copied into the repository (issue 10); the demo reads
real ones from ../shared/ when it is there.

What the demo needs from them, and how it is made:
- search and facets: five posts, 2008-2010, four classifications, TAGS (PREL, ECON, PHUM, ENRG,
  KNNP, PGOV + the country code), topics whose words the demo searches ("human rights", "nuclear",
  "Iran", "Iraq", "visit");
- a reference graph with resolved links: every cable after the first of its post cites one or two
  earlier cables of the set by their REF form ("MOSCOW 112", "STATE 2005"), and some cite a cable
  outside the set (an unresolved link); 10MOSCOW772 ends a chain of the four Moscow cables of 2010;
- versions: rerelease.csv holds 09PARIS425 again with a corrected paragraph, so the archive keeps
  two versions of it (`cablebase show 09PARIS425 --versions`).
Same output on every run (no randomness, no clock).
"""
import os
import sys

POSTS = [
    # (post as in the ID and classification line, FM line, origin as published, country TAG)
    ("MOSCOW", "AMEMBASSY MOSCOW", "Embassy Moscow", "RS"),
    ("PARIS", "AMEMBASSY PARIS", "Embassy Paris", "FR"),
    ("ANKARA", "AMEMBASSY ANKARA", "Embassy Ankara", "TU"),
    ("NAIROBI", "AMEMBASSY NAIROBI", "Embassy Nairobi", "KE"),
    ("STATE", "SECSTATE WASHDC", "Secretary of State", "XX"),
]
TOPICS = [
    # (subject words, TAGS, the topic sentence)
    ("HUMAN RIGHTS DIALOGUE", ["PHUM", "PREL"],
     "the annual human rights dialogue and the visit of a ministry delegation"),
    ("NUCLEAR ENERGY TALKS", ["ENRG", "KNNP"],
     "nuclear energy cooperation and what the ministry said about Iran and Iraq"),
    ("TRADE MINISTER VISIT", ["ECON", "PREL"],
     "the visit of the trade minister and the tariff schedule for next year"),
    ("ELECTION PREPARATIONS", ["PGOV", "PREL"],
     "preparations for the regional elections and the observers' visit"),
]
CLASSES = ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "CONFIDENTIAL//NOFORN"]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MARK = {"UNCLASSIFIED": "U", "CONFIDENTIAL": "C", "SECRET": "S", "CONFIDENTIAL//NOFORN": "C/NF"}
RERELEASED = "09PARIS425"  # the cable released twice
SIGNERS = {"MOSCOW": "SAMPLE", "PARIS": "EXAMPLE", "ANKARA": "DEMO", "NAIROBI": "PLACEHOLDER",
           "STATE": "GENERATED"}


def classification_line(cls, post, serial):
    word = "UNCLAS" if cls == "UNCLASSIFIED" else cls.split("//")[0]
    caveat = " NOFORN" if cls.endswith("NOFORN") else ""
    if word != "UNCLAS":
        word = " ".join(word)  # letter-spaced, as most cables write it
    return f"{word}{caveat} {post} {serial:06d}"


def make_cable(n, year, month, day, post_i, serial, cites, outside, topic_i, cls):
    post, fm, origin, country = POSTS[post_i]
    subject_words, tags, sentence = TOPICS[topic_i]
    yy = year % 100
    dtg = f"{day:02d}{(8 + n) % 24:02d}{(n * 7) % 60:02d}Z {MONTHS[month - 1]} {yy:02d}"
    ref_id = f"{yy:02d}{post}{serial}"
    to = "SECSTATE WASHDC" if post != "STATE" else "AMEMBASSY MOSCOW"
    header = (f"{'P' if n % 3 == 0 else 'R'} {dtg}\nFM {fm}\nTO {to} {1000 + n:04d}\n"
              f"INFO {POSTS[(post_i + 1) % len(POSTS)][1]} {2000 + n:04d}")
    refs = []
    for label, (cited_post, cited_serial) in zip("ABC", cites + ([outside] if outside else [])):
        refs.append(f"{label}. {cited_post} {cited_serial}")
    tag_line = " ".join(tags + ([country] if country != "XX" else []))
    mark = MARK[cls]
    decl = f"{month:02d}/{day:02d}/{year + 10}"
    lines = [classification_line(cls, post, serial), "", "SIPDIS", "",
             "E.O. 12958: N/A" if cls == "UNCLASSIFIED" else f"E.O. 12958: DECL: {decl}",
             f"TAGS: {tag_line}",
             f"SUBJECT: GENERATED DEMO CABLE {n}: {subject_words}", ""]
    if refs:
        lines += ["REF: " + " ".join(refs), ""]
    if cls != "UNCLASSIFIED":
        lines += [f"Classified By: Demo Officer {SIGNERS[post].title()} for reasons 1.4 (b) and (d)",
                  ""]
    paras = [
        f"SUMMARY: This is generated demonstration cable number {n}, written by cablebase's "
        f"scripts/demo_corpus.py; it is not a real telegram. It reports on {sentence}. END SUMMARY.",
        f"The generated post {post.title()} notes that {sentence} will continue. "
        "Every sentence here is made up so the demo can show search, facets and references.",
    ]
    if refs:
        paras.append("As reported in reftel, the earlier generated cable covered the same topic; "
                     "this one follows it up.")
    paras.append("COMMENT: A demonstration comment. END COMMENT.")
    for i, p in enumerate(paras, 1):
        lines += [f"{i}. ({mark}) {p}", ""]
    lines.append(SIGNERS[post])
    text = "\n".join(lines) + "\n"
    created = f"{month}/{day}/{year} {(8 + n) % 24}:{(n * 7) % 60:02d}"
    references = ",".join(f"{yy:02d}{p}{s}" for p, s in cites)
    return ref_id, [str(n), created, ref_id, origin, cls, references, header, text]


def csv_row(fields):
    # The full-release dump's quoting: every field in double quotes; the generated text has none.
    assert not any('"' in f or "\\" in f for f in fields)
    return ",".join(f'"{f}"' for f in fields) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rows, last = [], {}  # last: post index → [(post, serial) of its cables so far]
    n = 0
    for year in (2008, 2009, 2010):
        for month in (2, 5, 9, 11):
            for post_i in range(len(POSTS)):
                n += 1
                post = POSTS[post_i][0]
                serial = 100 + 12 * n + post_i if post != "STATE" else 2000 + 5 * n
                earlier = [c for c in last.get(post_i, []) if c[2] == year]
                cites = [(post, earlier[-1][1])] if earlier else []
                state = [c for c in last.get(4, []) if c[2] == year]
                if post != "STATE" and state and n % 2 == 0:
                    cites.append(("STATE", state[-1][1]))
                outside = (post, 7) if n % 5 == 0 else None  # a cable not in the set
                cls = CLASSES[(n + n // 4) % len(CLASSES)]  # not tied to the topic
                ref_id, row = make_cable(n, year, month, 3 + (n % 25), post_i, serial,
                                         cites, outside, n % len(TOPICS), cls)
                rows.append(row)
                last.setdefault(post_i, []).append((post, serial, year))
    with open(os.path.join(out, "cables.csv"), "w") as f:
        f.writelines(csv_row(r) for r in rows)
    # The second release of one cable: the same ID with its second paragraph corrected.
    again = next(r for r in rows if r[2] == RERELEASED)
    corrected = list(again)
    corrected[0] = str(len(rows) + 1)
    corrected[7] = corrected[7].replace("will continue.", "will continue (corrected in a second "
                                        "generated release).")
    assert corrected[7] != again[7]
    with open(os.path.join(out, "rerelease.csv"), "w") as f:
        f.write(csv_row(corrected))
    print(f"{len(rows)} generated cables in {out}/cables.csv, one re-released in "
          f"{out}/rerelease.csv")


if __name__ == "__main__":
    main()
