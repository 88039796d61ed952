#!/usr/bin/env python3
"""Does simcheck say *how* two texts are alike? A corpus of known kinds.

The development tasks score rewrites only. This builds, from the chapter task
(../shared/eval-dev, Old Testament, KJV and WEB), one corpus where every pair
of a known kind has its own base chapter, and reports the verdict simcheck
gives each kind:

  duplicate       the WEB chapter rewrapped at 64 columns, paragraphs joined
  near-duplicate  the WEB chapter with 3% of its words deleted or replaced
  contains        the WEB chapter between two chapters of other books
  rewrite         the KJV of the WEB chapter
  summary         the KJV of the WEB chapter, two verses in five kept
                  (expected: rewrite, marked summary)
  rewrite within  the KJV of the WEB chapter between two longer chapters of
                  other books (a paraphrased quotation; expected: rewrite,
                  marked within)
  overlap         another book's chapter with three verses of the WEB chapter
                  copied into its middle
  next chapter    the WEB chapter and the next one of its book (expected:
                  no copy or rewrite verdict: related, unrelated, or overlap
                  where the two share a formula of 12 words or more, as
                  Leviticus's "Yahweh spoke to Moses, saying, Speak to...")

Bases and fillers are distinct chapters of books without parallel passages
(no Samuel, Kings, Chronicles, Ezra, Nehemiah, Psalms, Isaiah, Jeremiah,
Exodus), so the pairs outside the design should be `related` or
`unrelated`; those that are not are counted and the strongest listed.
Documents are named doc0000.txt... in random order (names give nothing
away).

  bench/quality/kinds.py --simcheck build/simcheck [--per-kind 20] [--seed 1]
      [--task /tmp/simcheck-dev/tasks/bible-chapter-ot] [--keep DIR]
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap

EXCLUDED = {"1Sam", "2Sam", "1Kgs", "2Kgs", "1Chr", "2Chr", "Ezra", "Neh", "Ps", "Isa", "Jer", "Exod"}
KINDS = ["duplicate", "near-duplicate", "contains", "rewrite", "summary", "rewrite within", "overlap",
         "next chapter"]
# Verdicts counted right for each kind.
EXPECTED = {"summary": {"rewrite (summary)"}, "rewrite within": {"rewrite (within)"},
            "next chapter": {"related", "overlap", "unrelated"}}


def load_chapters(docs):
    """{(book, chapter): {"KJV": [verses], "WEB": [verses]}}"""
    chapters = collections.defaultdict(dict)
    for name in os.listdir(docs):
        m = re.fullmatch(r"(KJV|WEB)_(\w+)_(\d+)\.txt", name)
        if not m:
            continue
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            verses = [v for v in f.read().split("\n") if v.strip()]
        chapters[(m.group(2), int(m.group(3)))][m.group(1)] = verses
    return {k: v for k, v in chapters.items() if len(v) == 2}


def near_copy(verses, rng, rate=0.03):
    words = " ".join(verses).split()
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 2:
            continue  # deleted
        out.append(rng.choice(words) if r < rate else w)
    return " ".join(out)


def build(chapters, per_kind, rng):
    usable = sorted(k for k in chapters if k[0] not in EXCLUDED and 12 <= len(chapters[k]["WEB"]) <= 60)
    rng.shuffle(usable)
    taken = set()

    def take(pred=lambda k: True):
        for k in usable:
            if k not in taken and pred(k):
                taken.add(k)
                return k
        sys.exit("kinds: not enough chapters for --per-kind %d" % per_kind)

    docs, pairs, labels = [], [], []  # docs: text; pairs: (i, j, kind, label)

    def add(text):
        docs.append(text)
        return len(docs) - 1

    for kind in KINDS:
        for _ in range(per_kind):
            if kind == "next chapter":
                base = take(lambda k: (k[0], k[1] + 1) in chapters and (k[0], k[1] + 1) not in taken
                            and (k[0], k[1] + 1) in usable)
                nxt = (base[0], base[1] + 1)
                taken.add(nxt)
                web = chapters[base]["WEB"]
                other = "\n".join(chapters[nxt]["WEB"])
            else:
                base = take()
                web = chapters[base]["WEB"]
            kjv = chapters[base]["KJV"]
            extra = ""
            if kind == "duplicate":
                other = textwrap.fill(" ".join(web), 64, break_long_words=False, break_on_hyphens=False)
            elif kind == "near-duplicate":
                other = near_copy(web, rng)
            elif kind in ("contains", "rewrite within"):
                # Fillers of at least 0.6 times the chapter's words, so that
                # it is under half the container (else near-duplicate, rightly).
                words = lambda verses: sum(len(v.split()) for v in verses)
                long_enough = lambda k: k[0] != base[0] and words(chapters[k]["WEB"]) >= 0.6 * words(web)
                f1, f2 = take(long_enough), take(long_enough)
                extra = " with %s %d, %s %d" % (f1 + f2)
                inside = web if kind == "contains" else kjv
                other = "\n".join(chapters[f1]["WEB"] + inside + chapters[f2]["WEB"])
            elif kind == "rewrite":
                other = "\n".join(kjv)
            elif kind == "summary":
                other = "\n".join(v for i, v in enumerate(kjv) if i % 5 in (0, 2))
            elif kind == "overlap":
                f = take(lambda k: k[0] != base[0] and len(chapters[k]["WEB"]) >= 20)
                extra = " in %s %d" % f
                at = rng.randrange(len(web) - 3)
                host = chapters[f]["WEB"]
                mid = len(host) // 2
                other = "\n".join(host[:mid] + web[at:at + 3] + host[mid:])
            pairs.append((add("\n".join(web)), add(other), kind, "%s %d" % base))
            labels.extend(["WEB %s %d" % base, "%s of %s %d%s" % (kind, base[0], base[1], extra)])
    return docs, pairs, labels


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--simcheck", required=True)
    ap.add_argument("--task", default="/tmp/simcheck-dev/tasks/bible-chapter-ot")
    ap.add_argument("--per-kind", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="write the corpus here and keep it")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs, pairs, labels = build(load_chapters(os.path.join(args.task, "docs")), args.per_kind, rng)
    order = list(range(len(docs)))
    rng.shuffle(order)
    name = {d: "doc%04d.txt" % pos for pos, d in enumerate(order)}
    out = args.keep or tempfile.mkdtemp(prefix="simcheck-kinds-")
    os.makedirs(out, exist_ok=True)
    for d, text in enumerate(docs):
        with open(os.path.join(out, name[d]), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    try:
        run = subprocess.run([args.simcheck, "matrix", out, "--format", "json", "-q"], check=True,
                             capture_output=True, text=True)
    finally:
        if not args.keep:
            shutil.rmtree(out)
    got = {}
    for p in json.loads(run.stdout)["pairs"]:
        a, b = os.path.basename(p["a"]), os.path.basename(p["b"])
        got[frozenset((a, b))] = p

    def verdict(p):
        if not p:
            return "unlisted"
        if p["verdict"] == "rewrite" and (p["summary"] or p.get("within")):
            return "rewrite (%s)" % ("summary" if p["summary"] else "within")
        return p["verdict"]

    by_name = {name[d]: labels[d] for d in range(len(docs))}
    designed = set()
    print("%-14s %3s  %-31s %5s  %-34s %s" % ("kind", "n", "expected", "right", "verdicts given",
                                               "score median (min-max)"))
    for kind in KINDS:
        keys = [frozenset((name[i], name[j])) for i, j, k, _ in pairs if k == kind]
        designed.update(keys)
        want = EXPECTED.get(kind, {kind})
        given = collections.Counter(verdict(got.get(key)) for key in keys)
        right = sum(n for v, n in given.items() if v in want)
        scores = [got[key]["score"] for key in keys if key in got] or [0.0]
        print("%-14s %3d  %-31s %5d  %-34s %.3f (%.3f-%.3f)" % (
            kind, len(keys), " or ".join(sorted(want)), right,
            ", ".join("%s %d" % kv for kv in given.most_common()),
            statistics.median(scores), min(scores), max(scores)))
        extents = [got[key]["extent"] for key in keys if key in got and got[key]["verdict"] == "rewrite"
                   and (got[key]["summary"] or got[key]["within"])]
        if extents:
            print("    extent (share of the longer side holding the shorter's counterparts): "
                  "median %.2f (%.2f-%.2f)" % (statistics.median(extents), min(extents), max(extents)))
        for key, (i, j, k, label) in zip(keys, [q for q in pairs if q[2] == kind]):
            if verdict(got.get(key)) not in want:
                print("    %-18s %.3f  %s" % (verdict(got.get(key)), got[key]["score"] if key in got else 0, label))
    others = [p for key, p in got.items() if key not in designed]
    given = collections.Counter(verdict(p) for p in others)
    print("other pairs    %d: %s" % (len(others), ", ".join("%s %d" % kv for kv in given.most_common())))
    strong = sorted((p for p in others if p["verdict"] not in ("related", "unrelated", "overlap")),
                    key=lambda p: -p["score"])
    for p in strong:
        print("    %-18s %.3f  %s / %s" % (verdict(p), p["score"], by_name[os.path.basename(p["a"])],
                                          by_name[os.path.basename(p["b"])]))

if __name__ == "__main__":
    main()
