#!/usr/bin/env python3
"""Probe: word correspondences learned from the corpus itself, folded in.

A rewrite corpus teaches its own synonyms: across the pairs that are
clearly rewrites of each other, a word of one side that the other lacks
keeps meeting the same word on the other side ("lord" / "yahweh",
"bullocks" / "bulls"). This takes the seed pairs from a pairs CSV (mutual
best partners scoring at least MIN_SCORE), counts for every word u of one
side missing from the other how often each word v of the other side, also
missing from the first, stands beside it, and keeps the pairs whose Dice
coefficient 2 n(u,v) / (n(u) + n(v)) is at least MIN_DICE over at least
MIN_N seed pairs, each word in one pair at most (strongest first). It then
writes a copy of the task with u written as v in every document, for
`simcheck matrix` and score.py to measure. Nothing here is in the engine:
see bench/RESULTS.md ("Probe, not kept: synonyms learned from the corpus").

    bench/quality/lexicon_probe.py TASK_DIR OUT_DIR MIN_N MIN_DICE MIN_SCORE PAIRS_CSV
"""
import collections
import csv
import os
import re
import shutil
import sys

WORD = re.compile(r"[A-Za-z]+")


def words(path):
    with open(path, encoding="utf-8") as f:
        return {w.lower() for w in WORD.findall(f.read())}


def seed_pairs(pairs_csv, min_score):
    best = {}
    with open(pairs_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b, s = r["a"].split("docs/", 1)[1], r["b"].split("docs/", 1)[1], float(r["score"])
            for q, o in ((a, b), (b, a)):
                if q not in best or s > best[q][0]:
                    best[q] = (s, o)
    return [(q, o) for q, (s, o) in best.items() if q < o and best.get(o, (0, ""))[1] == q and s >= min_score]


def learn(task, seeds, min_n, min_dice):
    alone, together = collections.Counter(), collections.Counter()
    for a, b in seeds:
        wa, wb = words(f"{task}/docs/{a}"), words(f"{task}/docs/{b}")
        for x, y in ((wa, wb), (wb, wa)):
            only_x, only_y = x - y, y - x
            alone.update(only_x)
            for u in only_x:
                for v in only_y:
                    together[(u, v)] += 1
    ranked = sorted(((2 * n / (alone[u] + alone[v]), n, u, v) for (u, v), n in together.items() if n >= min_n),
                    reverse=True)
    mapping, used = {}, set()
    for dice, _, u, v in ranked:
        if dice < min_dice:
            break
        if u not in used and v not in used:
            used.update((u, v))
            mapping[u] = v
    return mapping


def rewrite_task(task, out, mapping):
    def sub(m):
        w = m.group(0)
        v = mapping.get(w.lower())
        if v is None:
            return w
        return v.capitalize() if w[0].isupper() else v

    shutil.rmtree(out, ignore_errors=True)
    for root, _, files in os.walk(f"{task}/docs"):
        for name in files:
            src = os.path.join(root, name)
            dst = os.path.join(out, "docs", os.path.relpath(src, f"{task}/docs"))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
                g.write(WORD.sub(sub, f.read()))
    shutil.copytree(f"{task}/truth", f"{out}/truth")
    for name in os.listdir(task):
        if os.path.isfile(f"{task}/{name}"):
            shutil.copy(f"{task}/{name}", f"{out}/{name}")


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    task, out = sys.argv[1], sys.argv[2]
    min_n, min_dice, min_score = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    seeds = seed_pairs(sys.argv[6], min_score)
    mapping = learn(task, seeds, min_n, min_dice)
    rewrite_task(task, out, mapping)
    print(f"{len(seeds)} seed pairs, {len(mapping)} correspondences:", file=sys.stderr)
    print(", ".join(f"{u}->{v}" for u, v in mapping.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
