#!/usr/bin/env python3
"""Probe two changes to the facts factor on a simcheck pairs CSV, without
building them into the engine.

The rewrite score is multiplied by 0.8 + 0.2 x facts (engine/score.c), where
facts is (shared + 1) / (fewer + 1) over the names and numbers of the side
with fewer of them. This script approximates the engine's facts (numbers,
and capitalized words that do not start a sentence), works out the facts
agreement a variant would give, and rescales each pair whose score is its
rewrite score by the ratio of the two factors:

  idf      a fact counts by its corpus IDF, scaled to 1 for a fact seen in
           one document, so that a missing common name ("LORD" / "Yahweh")
           costs less than a missing rare one;
  initial  a capitalized word that starts a sentence counts as a name too
           if the corpus never writes it in lower case ("Noah did ...").

    bench/quality/facts_probe.py TASK_DIR PAIRS_CSV OUT_CSV idf|initial

Score OUT_CSV with ../shared/eval-dev/score.py. The approximation cancels
out in part: both the old and the new agreement come from this script.
"""
import csv
import glob
import math
import os
import re
import sys

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def facts(text, names_at_start):
    out = set()
    for sentence in SENTENCE_END.split(text):
        for i, w in enumerate(WORD.findall(sentence)):
            if w[0].isdigit():
                out.add(w.replace(",", ""))
            elif w[0].isupper() and (i > 0 or w.lower() in names_at_start):
                out.add(w.lower())
    return out


def agreement(short, other, weight):
    shared = sum(weight(w) for w in short if w in other)
    return (shared + 1) / (sum(weight(w) for w in short) + 1)


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("idf", "initial"):
        sys.exit(__doc__)
    task_dir, pairs, out, mode = sys.argv[1:]
    docs_dir = os.path.join(task_dir, "docs")
    texts = {}
    for f in glob.glob(os.path.join(docs_dir, "**", "*.txt"), recursive=True):
        with open(f, encoding="utf-8") as fh:
            texts[os.path.relpath(f, docs_dir)] = fh.read()

    old = {k: facts(t, set()) for k, t in texts.items()}
    if mode == "initial":
        lower = set()
        for t in texts.values():
            lower.update(re.findall(r"\b[a-z][a-z'-]*", t))
        starts = set()
        for t in texts.values():
            starts.update(w.lower() for w in re.findall(r"\b[A-Z][A-Za-z'-]*", t))
        new = {k: facts(t, starts - lower) for k, t in texts.items()}
        weight = lambda w: 1.0
    else:
        new = old
        n = len(texts)
        df = {}
        for s in old.values():
            for w in s:
                df[w] = df.get(w, 0) + 1
        top = math.log((1 + n) / 2) + 1
        weight = lambda w: (math.log((1 + n) / (1 + df.get(w, 0))) + 1) / top

    def factor(table, a, b, wt):
        fa, fb = table[a], table[b]
        short, other = (fa, fb) if len(fa) < len(fb) else (fb, fa)
        return 0.8 + 0.2 * agreement(short, other, wt)

    with open(pairs, newline="") as fin, open(out, "w", newline="") as fout:
        rows = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=rows.fieldnames)
        writer.writeheader()
        for r in rows:
            a = os.path.relpath(r["a"], docs_dir) if os.path.isabs(r["a"]) else r["a"].split("docs/")[-1]
            b = os.path.relpath(r["b"], docs_dir) if os.path.isabs(r["b"]) else r["b"].split("docs/")[-1]
            score, rewrite = float(r["score"]), float(r["rewrite"])
            if abs(score - rewrite) < 1e-4 and a in texts and b in texts:
                ratio = factor(new, a, b, weight) / factor(old, a, b, lambda w: 1.0)
                r["score"] = "%.4f" % min(1.0, rewrite * ratio)
            writer.writerow(r)


if __name__ == "__main__":
    main()
