#!/usr/bin/env python3
"""How much of a chapter task's pair F1 is lost to parallel passages.

The Old Testament tells some passages twice (2 Kings 18-20 and Isaiah 36-39,
Ezra 2 and Nehemiah 7, Psalms 14 and 53, Samuel/Kings and Chronicles). The
chapter task counts the KJV of one and the WEB of the other as a false
pair, yet they are translations of nearly the same text: a scorer that
reads them right scores them as high as true pairs.

A cross pair (KJV x, WEB y), x != y, is called parallel here when chapters
x and y repeat each other within one translation: at least MIN_SHARE of
the shorter chapter's word trigrams (lower case, as written) occur in the
other, in the KJV or in the WEB. This uses the texts only, not simcheck.
The script prints the best F1 of the cross pairs as score.py computes it
(recall over all truth pairs) and again with the parallel pairs left out of
the evaluation (neither true nor false), and lists the parallel pairs that
score above the best threshold.

    bench/quality/parallels.py TASK_DIR PAIRS_CSV [MIN_SHARE]

TASK_DIR is a chapter task (e.g. /tmp/simcheck-dev/tasks/bible-chapter-ot),
PAIRS_CSV a `simcheck matrix --format csv` output on its docs (or any CSV
with columns a, b, score), MIN_SHARE defaults to 0.25.
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict

from pair_f1 import best_f1


def trigrams(text):
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def parallel_chapters(docs, names, min_share):
    """Unordered chapter keys (book_chapter, without the translation prefix)
    that repeat each other within this translation."""
    grams = {}
    for n in names:
        with open(os.path.join(docs, n), encoding="utf-8") as f:
            grams[n] = trigrams(f.read())
    index = defaultdict(list)
    for n, g in grams.items():
        for t in g:
            index[t].append(n)
    shared = defaultdict(int)
    for holders in index.values():
        if len(holders) > 20:  # formula phrases, not a parallel
            continue
        for i, x in enumerate(holders):
            for y in holders[i + 1:]:
                shared[(x, y) if x < y else (y, x)] += 1
    found = set()
    for (x, y), k in shared.items():
        if k >= min_share * max(1, min(len(grams[x]), len(grams[y]))):
            found.add(frozenset((x.split("_", 1)[1], y.split("_", 1)[1])))
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    task_dir, pairs_csv = sys.argv[1], sys.argv[2]
    min_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
    task = json.load(open(os.path.join(task_dir, "task.json")))
    block = next(p for p in task["pairs"] if "between" in p)
    docs = os.path.join(task_dir, task["docs_dir"])
    pools = [[ln.strip() for ln in open(os.path.join(task_dir, p)) if ln.strip()] for p in block["between"]]
    sides = [set(p) for p in pools]
    truth = {frozenset((r["a"], r["b"])) for r in csv.DictReader(open(os.path.join(task_dir, block["truth"])))}
    parallel = parallel_chapters(docs, pools[0], min_share) | parallel_chapters(docs, pools[1], min_share)

    items, kept, above = [], [], []
    for r in csv.DictReader(open(pairs_csv)):
        a, b = os.path.basename(r["a"]), os.path.basename(r["b"])
        if not ((a in sides[0] and b in sides[1]) or (a in sides[1] and b in sides[0])):
            continue
        s, true = float(r["score"]), frozenset((a, b)) in truth
        items.append((s, true))
        is_parallel = not true and frozenset((a.split("_", 1)[1], b.split("_", 1)[1])) in parallel
        if is_parallel:
            above.append((s, a, b))
        else:
            kept.append((s, true))
    f1, th = best_f1(items, len(truth))
    f1_kept, th_kept = best_f1(kept, len(truth))
    above = sorted((x for x in above if x[0] >= th), reverse=True)
    print(f"parallel chapter pairs (trigram share >= {min_share}): {len(parallel)}")
    print(f"cross pairs: best F1 {f1:.4f} at {th:.4f}")
    print(f"without the {len(items) - len(kept)} parallel cross pairs listed: best F1 {f1_kept:.4f} at {th_kept:.4f}")
    print(f"parallel cross pairs at or above {th:.4f}: {len(above)}")
    for s, a, b in above:
        print(f"  {s:.4f}  {a}  {b}")


if __name__ == "__main__":
    main()
