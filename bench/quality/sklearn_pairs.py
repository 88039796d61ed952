#!/usr/bin/python3
"""The lexical baseline of the development tasks, timed end to end beside
simcheck by bench/quality/run.sh: scikit-learn TfidfVectorizer over
character 3-5-grams (or word 1-2-grams), cosine of every pair, each
document's K best partners written as a pairs CSV (a,b,score) that
../shared/eval-dev/score.py scores like `simcheck matrix --format csv`.

    sklearn_pairs.py DOCS_DIR OUT.csv [--analyzer char|word] [--top K]
"""
import argparse
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--analyzer", default="char", choices=["char", "word"])
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    paths = []
    for root, dirs, files in os.walk(args.docs):
        dirs.sort()
        paths += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    if args.analyzer == "char":
        vec = TfidfVectorizer(analyzer="char", ngram_range=(3, 5), sublinear_tf=True)
    else:
        vec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    x = vec.fit_transform(texts)
    sims = (x @ x.T).toarray()
    np.fill_diagonal(sims, -1.0)
    k = min(args.top, len(paths) - 1)
    top = np.argpartition(-sims, k, axis=1)[:, :k]
    seen = set()
    rel = [os.path.relpath(p, args.docs) for p in paths]
    with open(args.out, "w") as f:
        f.write("a,b,score\n")
        for i in range(len(paths)):
            for j in top[i]:
                a, b = (i, j) if i < j else (j, i)
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                f.write(f"{rel[a]},{rel[b]},{sims[a, b]:.6f}\n")


if __name__ == "__main__":
    sys.exit(main())
