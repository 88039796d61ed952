#!/usr/bin/python3
"""Baseline (b): scikit-learn TfidfVectorizer + NearestNeighbors(metric=
'cosine', algorithm='brute') radius search: every pair with cosine distance
at most 1 - threshold (cosine similarity >= threshold). Brute force is what
scikit-learn uses for sparse input and the cosine metric; distances are
computed in chunks of working_memory, so memory stays bounded where (a)
needs the whole n x n matrix.

  tfidf_nn.py [--threshold 0.8] [--max-seconds 600] [-o pairs.csv] CORPUS.jsonl

Time guard: the first max(200, n/100) queries are timed; if the extrapolated
search time is above --max-seconds the run is skipped (exit 3, reason and
the estimate on stdout).
"""
import argparse
import sys
import time

from common import SKIP_EXIT, log, read_jsonl, write_pairs

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("--threshold", type=float, default=0.8)
ap.add_argument("--max-seconds", type=float, default=600.0)
ap.add_argument("-o", "--output")
args = ap.parse_args()

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.neighbors import NearestNeighbors  # noqa: E402

log("imports done")
ids, texts = read_jsonl(args.corpus)
n = len(ids)
log(f"read {n} docs")
X = TfidfVectorizer().fit_transform(texts)
del texts
log(f"tf-idf {X.shape[0]} x {X.shape[1]}, {X.nnz} non-zeros")
radius = 1.0 - args.threshold
nn = NearestNeighbors(metric="cosine", algorithm="brute", radius=radius).fit(X)

probe = min(n, max(200, n // 100))
t = time.monotonic()
dist0, ind0 = nn.radius_neighbors(X[:probe], return_distance=True)
dt = time.monotonic() - t
est = dt * n / probe
log(f"probe: {probe} queries in {dt:.2f} s, all {n} estimated at {est:.0f} s")
if est > args.max_seconds:
    print(f"SKIP: radius search over {n} docs estimated at {est:.0f} s "
          f"({probe} queries took {dt:.1f} s) > {args.max_seconds:g} s")
    sys.exit(SKIP_EXIT)
if probe < n:
    dist1, ind1 = nn.radius_neighbors(X[probe:], return_distance=True)
    dist = list(dist0) + list(dist1)
    ind = list(ind0) + list(ind1)
else:
    dist, ind = dist0, ind0
log("radius search")
rows, cols, sims = [], [], []
for i in range(n):
    for j, d in zip(ind[i], dist[i]):
        if i < j:
            rows.append(i)
            cols.append(int(j))
            sims.append(1.0 - d)
log(f"{len(rows)} pairs >= {args.threshold}")
if args.output:
    write_pairs(args.output, ids, rows, cols, np.asarray(sims))
    log(f"wrote {args.output}")
print(f"docs={n} pairs={len(rows)} threshold={args.threshold}")
