#!/usr/bin/env python3
"""Rewrite quality in small corpora: random subsets of a development task.

The development tasks hold 1,858 to 4,000 documents; a user often compares
twenty. Corpus statistics (IDF, the candidates) change with the corpus, so
this draws REPS random subsets of K truth pairs (2 K documents), runs
`simcheck matrix --format csv` on each, and prints the mean over subsets of
the best F1 of the cross-translation pairs, P@1 from the WEB side (its best
partner across) and F1 at THRESHOLD (default 0.44, the rewrite default).
Subset r is drawn with seed r, so two engines see the same subsets.

    bench/quality/subsets.py TASK_DIR K REPS SIMCHECK [THRESHOLD]

TASK_DIR: e.g. /tmp/simcheck-dev/tasks/bible-verse-ot.
"""
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile

from pair_f1 import best_f1


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    task, k, reps, simcheck = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    threshold = float(sys.argv[5]) if len(sys.argv) > 5 else 0.44
    truth_file = next(f for f in sorted(os.listdir(os.path.join(task, "truth"))) if f.startswith("pairs_"))
    truth = [(r["a"], r["b"]) for r in csv.DictReader(open(os.path.join(task, "truth", truth_file)))]
    f1s, p1s, f1t = [], [], []
    for rep in range(reps):
        subset = random.Random(rep).sample(truth, k)
        want = {frozenset(p) for p in subset}
        with tempfile.TemporaryDirectory() as d:
            for pair in subset:
                for rel in pair:
                    os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
                    shutil.copy(os.path.join(task, "docs", rel), os.path.join(d, rel))
            out = subprocess.run([simcheck, "matrix", "--format", "csv", "-q", d], capture_output=True, text=True,
                                 check=True).stdout
            items, best = [], {}
            for r in csv.DictReader(out.splitlines()):
                a, b = os.path.relpath(r["a"], d), os.path.relpath(r["b"], d)
                if a[:3].lower() == b[:3].lower():
                    continue  # one translation (verses: kjv/..., chapters: KJV_...)
                s, true = float(r["score"]), frozenset((a, b)) in want
                items.append((s, true))
                for q, o in ((a, b), (b, a)):
                    if q.lower().startswith("web") and (q not in best or s > best[q][0]):
                        best[q] = (s, frozenset((q, o)) in want)
        f1s.append(best_f1(items, k)[0])
        p1s.append(sum(hit for _, hit in best.values()) / k)
        tp = sum(1 for s, t in items if s >= threshold and t)
        fp = sum(1 for s, t in items if s >= threshold and not t)
        f1t.append(2 * tp / (2 * tp + fp + (k - tp)))
    n = len(f1s)
    print(f"{os.path.basename(task)}: {reps} subsets of {k} pairs: best F1 {sum(f1s) / n:.4f}, "
          f"P@1 {sum(p1s) / n:.4f}, F1@{threshold:g} {sum(f1t) / n:.4f}")


if __name__ == "__main__":
    main()
