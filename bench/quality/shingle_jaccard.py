#!/usr/bin/python3
"""Exact word 3-shingle Jaccard over every pair of a development task: the
plain baseline that ../shared/eval-dev/README.md quotes (0.975 best F1 on
chapters across translations), which beats simcheck there.

    bench/quality/shingle_jaccard.py TASK_DIR OUT.csv [K]

Words are runs of \\w in lower case; each document's set of K-word shingles
(K = 3) goes into a sparse 0/1 matrix, whose product with its transpose
gives every pair's intersection at once. Writes a,b,score for each pair
that shares a shingle; score it with ../shared/eval-dev/score.py. Needs
numpy and scipy (Debian python3-scipy; bench/quality/run.sh's
python3-sklearn brings both); run it with /usr/bin/python3.
Results: bench/RESULTS.md section 5, fourteenth session.
"""
import re
import sys

import numpy as np
import scipy.sparse as sp


def main():
    task, out = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    docs = [l.strip() for l in open(task + "/docs.txt", encoding="utf-8") if l.strip()]
    vocab, rows, cols = {}, [], []
    for i, d in enumerate(docs):
        words = re.findall(r"\w+", open(task + "/docs/" + d, encoding="utf-8").read().lower())
        for s in {tuple(words[j:j + k]) for j in range(len(words) - k + 1)}:
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
    m = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(docs), len(vocab)))
    size = np.asarray(m.sum(1)).ravel()
    inter = (m @ m.T).tocoo()
    with open(out, "w", encoding="utf-8") as f:
        f.write("a,b,score\n")
        for a, b, v in zip(inter.row, inter.col, inter.data):
            if a < b:
                f.write(f"{docs[a]},{docs[b]},{v / (size[a] + size[b] - v):.6f}\n")


if __name__ == "__main__":
    main()
