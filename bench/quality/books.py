#!/usr/bin/env python3
"""Whole books: the chapter task's chapters joined into one document per book
and translation (KJV_<Book>.txt, WEB_<Book>.txt; 39 x 2 for the Old
Testament), for rewrite detection on book-length documents.

    books.py build TASK_DIR OUT_DIR     # TASK_DIR: .../tasks/bible-chapter-ot
    books.py score PAIRS.csv            # a,b,score CSV of OUT_DIR's documents

score prints how many books have their other translation as best partner,
the lowest score of a true pair (same book, other translation), the highest
of any other pair, and the best F1 of the pairs across translations
(bench/quality/pair_f1.py)."""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pair_f1 import best_f1  # noqa: E402

NAME = re.compile(r"^(KJV|WEB)_(.+)_(\d+)\.txt$")


def build(task_dir, out_dir):
    docs = os.path.join(task_dir, "docs")
    chapters = {}
    for name in os.listdir(docs):
        m = NAME.match(name)
        if m:
            chapters.setdefault((m.group(1), m.group(2)), []).append((int(m.group(3)), name))
    os.makedirs(out_dir, exist_ok=True)
    for (tr, book), chs in sorted(chapters.items()):
        with open(os.path.join(out_dir, "%s_%s.txt" % (tr, book)), "w", encoding="utf-8") as out:
            for _, name in sorted(chs):
                with open(os.path.join(docs, name), encoding="utf-8") as f:
                    text = f.read()
                out.write(text if text.endswith("\n") else text + "\n")
    print("%d books" % len(chapters))


def split(path):
    tr, book = os.path.basename(path)[:-4].split("_", 1)
    return tr, book


def score(pairs_csv):
    best = {}
    true_scores, other_scores, cross = [], [], []
    books = set()
    with open(pairs_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            (ta, ba), (tb, bb), s = split(r["a"]), split(r["b"]), float(r["score"])
            books.update([(ta, ba), (tb, bb)])
            truth = ba == bb and ta != tb
            (true_scores if truth else other_scores).append(s)
            if ta != tb:
                cross.append((s, truth))
                for x, y in (((ta, ba), bb), ((tb, bb), ba)):
                    if s > best.get(x, (-1.0, None))[0]:
                        best[x] = (s, y)
    top1 = sum(1 for (tr, book), (s, other) in best.items() if other == book)
    n_truth = len({b for _, b in books})
    f1, at = best_f1(cross, n_truth)
    print("top-1 %d/%d  lowest true %.4f  highest other %.4f  cross best F1 %.4f (at %.4f)" % (
        top1, len(books), min(true_scores), max(other_scores), f1, at))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)
