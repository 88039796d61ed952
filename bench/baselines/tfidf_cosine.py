#!/usr/bin/python3
"""Baseline (a): scikit-learn TfidfVectorizer + the full dense cosine matrix
(linear_kernel on L2-normalized TF-IDF rows), then every pair at or above a
threshold.

  tfidf_cosine.py [--threshold 0.8] [--dense] [--max-gb 20] [-o pairs.csv] CORPUS.jsonl

linear_kernel on the sparse TF-IDF matrix is a scipy sparse x sparse product
(single-threaded) whose output is dense anyway, since every two documents
share common words. --dense instead densifies the TF-IDF matrix (float32)
and computes the same matrix with one BLAS GEMM (OpenBLAS, all cores).

The n x n matrix is float64 (what linear_kernel returns; float32 with
--dense): n^2 * 8 (or 4) bytes, plus a boolean mask of n^2 bytes and, with
--dense, the n x vocabulary matrix. If that is above --max-gb the run is
skipped (exit 3, reason on stdout) before anything is computed. Prints one
line: docs, pairs found; phase times on stderr.
"""
import argparse
import sys

from common import SKIP_EXIT, log, read_jsonl, write_pairs

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("--threshold", type=float, default=0.8)
ap.add_argument("--max-gb", type=float, default=20.0)
ap.add_argument("--dense", action="store_true")
ap.add_argument("-o", "--output")
args = ap.parse_args()

import numpy as np  # noqa: E402  (imports are part of what is timed)
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics.pairwise import linear_kernel  # noqa: E402

log("imports done")
ids, texts = read_jsonl(args.corpus)
n = len(ids)
cell = 4 if args.dense else 8
need_gb = n * n * (cell + 1) / 1e9
if need_gb > args.max_gb:
    print(f"SKIP: full cosine matrix of {n} docs needs ~{need_gb:.0f} GB (n^2 x {cell}-byte floats "
          f"+ n^2 mask) > {args.max_gb:g} GB")
    sys.exit(SKIP_EXIT)
log(f"read {n} docs")
X = TfidfVectorizer(dtype=np.float32 if args.dense else np.float64).fit_transform(texts)
del texts
log(f"tf-idf {X.shape[0]} x {X.shape[1]}, {X.nnz} non-zeros")
if args.dense:
    if (n * n * (cell + 1) + n * X.shape[1] * 4) / 1e9 > args.max_gb:
        print(f"SKIP: dense TF-IDF matrix {n} x {X.shape[1]} does not fit in {args.max_gb:g} GB with the result")
        sys.exit(SKIP_EXIT)
    D = X.toarray()
    S = D @ D.T
    del D
else:
    S = linear_kernel(X, X)
log("cosine matrix")
rows, cols = np.nonzero(S >= args.threshold)
keep = rows < cols
rows, cols = rows[keep], cols[keep]
sims = S[rows, cols]
log(f"{len(rows)} pairs >= {args.threshold}")
if args.output:
    write_pairs(args.output, ids, rows, cols, sims)
    log(f"wrote {args.output}")
print(f"docs={n} pairs={len(rows)} threshold={args.threshold}")
