#!/usr/bin/python3
"""Probes for two ideas issue 5 asked to keep only if they measurably help,
run on a development task before writing them in C:

  probe.py lsa     SIMCHECK TASK_DIR OUT_DIR [--k 100 300]
      Latent semantic analysis: scikit-learn TF-IDF (English stop words,
      sublinear tf, min_df 2) and randomized truncated SVD (LAPACK through
      numpy); adds each pair's LSA cosine to simcheck's own candidate pairs
      and writes blends of it with simcheck's score, plus LSA alone over
      every pair, as pairs CSVs.
  probe.py wordnet SIMCHECK TASK_DIR OUT_DIR
      WordNet (Debian wordnet-base): rewrites every document with each
      content word's base form (the exception lists and detachment rules of
      WordNet's morphy), then also with one canonical synonym (the
      alphabetically first lemma of the word's first sense); runs simcheck
      on each and writes its pairs CSV.

Every CSV is then scored with ../shared/eval-dev/score.py (bench/quality/run.sh
does this for probe output too: PROBE=1). Results: bench/RESULTS.md section 5.
"""
import csv
import os
import re
import subprocess
import sys

import numpy as np

WORDNET = "/usr/share/wordnet/"
POS = ("noun", "verb", "adj", "adv")


def doc_paths(docs):
    out = []
    for root, dirs, files in os.walk(docs):
        dirs.sort()
        out += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
    return out


def simcheck_pairs(simcheck, docs, out):
    with open(out, "w") as f:
        subprocess.run([simcheck, "matrix", "--top", "10", "--format", "csv", "-q", docs], stdout=f, check=True)


def probe_lsa(simcheck, task, out_dir, ks):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    docs = os.path.join(task, "docs")
    paths = doc_paths(docs)
    index = {os.path.realpath(p): i for i, p in enumerate(paths)}
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(
        [open(p, encoding="utf-8", errors="replace").read() for p in paths])
    base = os.path.join(out_dir, "simcheck.csv")
    simcheck_pairs(simcheck, docs, base)
    rows = list(csv.DictReader(open(base)))
    for k in ks:
        z = TruncatedSVD(k, algorithm="randomized", n_iter=5, random_state=0).fit_transform(x)
        z /= np.linalg.norm(z, axis=1, keepdims=True) + 1e-12
        blends = {"lsa-alone-on-candidates": lambda s, l: l, "score+0.3lsa": lambda s, l: (s + 0.3 * l) / 1.3,
                  "mean(score,lsa)": lambda s, l: 0.5 * (s + l)}
        for name, f in blends.items():
            with open(os.path.join(out_dir, "lsa%d-%s.csv" % (k, name)), "w", newline="") as out:
                w = csv.writer(out)
                w.writerow(["a", "b", "score"])
                for r in rows:
                    i, j = index[os.path.realpath(r["a"])], index[os.path.realpath(r["b"])]
                    w.writerow([r["a"], r["b"], "%.5f" % f(float(r["score"]), max(0.0, float(z[i] @ z[j])))])
        sims = z @ z.T  # LSA alone over every pair: each document's 10 best partners
        np.fill_diagonal(sims, -1)
        top = np.argpartition(-sims, 10, axis=1)[:, :10]
        with open(os.path.join(out_dir, "lsa%d-alone.csv" % k), "w", newline="") as out:
            w = csv.writer(out)
            w.writerow(["a", "b", "score"])
            for i in range(len(paths)):
                for j in top[i]:
                    w.writerow([paths[i], paths[j], "%.5f" % max(0.0, sims[i, j])])


def wordnet_tables():
    exc, first_sense, lemmas = {}, {}, {}
    for pos in POS:
        for line in open(WORDNET + pos + ".exc"):
            p = line.split()
            exc.setdefault(p[0], p[1])
        for line in open(WORDNET + "index." + pos):
            if line.startswith(" "):
                continue
            p = line.split()
            first_sense.setdefault(p[0], (pos, p[4 + int(p[3]) + 2]))
        for line in open(WORDNET + "data." + pos):
            if line.startswith(" "):
                continue
            p = line.split()
            lemmas[(pos, p[0])] = [p[4 + 2 * i].lower() for i in range(int(p[3], 16))]
    return exc, first_sense, lemmas


def probe_wordnet(simcheck, task, out_dir):
    exc, first_sense, lemmas = wordnet_tables()
    rules = [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("er", ""), ("est", ""), ("est", "e")]

    def base(w):
        if w in exc:
            return exc[w]
        if w in first_sense:
            return w
        for suffix, repl in rules:
            if w.endswith(suffix) and w[:-len(suffix)] + repl in first_sense:
                return w[:-len(suffix)] + repl
        return w

    def synonym(w):
        b = base(w)
        return min(lemmas[first_sense[b]]).replace("_", " ") if b in first_sense else b

    docs = os.path.join(task, "docs")
    simcheck_pairs(simcheck, docs, os.path.join(out_dir, "simcheck.csv"))
    for name, f in (("base", base), ("synonym", synonym)):
        tree = os.path.join(out_dir, "wordnet-" + name, "docs")
        for p in doc_paths(docs):
            q = os.path.join(tree, os.path.relpath(p, docs))
            os.makedirs(os.path.dirname(q), exist_ok=True)
            text = open(p, encoding="utf-8", errors="replace").read()

            def fix(m):
                w = m.group(0)
                r = f(w.lower()) if len(w) > 2 else w.lower()
                return r.capitalize() if w[0].isupper() else r
            open(q, "w", encoding="utf-8").write(re.sub(r"[A-Za-z]+", fix, text))
        simcheck_pairs(simcheck, tree, os.path.join(out_dir, "wordnet-%s.csv" % name))


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in ("lsa", "wordnet"):
        sys.exit(__doc__)
    what, simcheck, task, out_dir = sys.argv[1:5]
    os.makedirs(out_dir, exist_ok=True)
    if what == "lsa":
        ks = [int(k) for k in sys.argv[6:]] if sys.argv[5:6] == ["--k"] else [100, 300]
        probe_lsa(simcheck, task, out_dir, ks)
    else:
        probe_wordnet(simcheck, task, out_dir)


if __name__ == "__main__":
    main()
