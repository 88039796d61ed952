#!/usr/bin/env python3
"""Verdicts and ranking on hand-written modern English (see README.md here).

Builds the audit corpus in a temporary directory from texts/ (24 sources in
8 genres, each with a paraphrase, a summary and a same-topic text written
by hand), near_edits.json (a near-copy of each source: four editor's
changes) and, for the first source of each genre, the source's paraphrase
set between two unrelated passages of its genre (`embedded`). Then runs
`simcheck matrix --format json` over all 128 texts and prints:

  - per kind of pair, how many get the expected verdict and the scores;
  - the separation of the 48 true rewrites (source with paraphrase, source
    with summary) from every pair of different sources and every pair with
    a same-topic text: the lowest true score, the highest false one, best
    F1 over thresholds; with --baselines the same for scikit-learn TF-IDF
    cosine (character 3-5-grams within word bounds, character 3-5-grams,
    words), fitted on the 128 texts.

    bench/quality/audit/audit.py --simcheck build/simcheck [--baselines]
        [--keep DIR]
"""
import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("src", "near", "para", "summary", "topic", "embedded")

# Expected labels per kind of pair (the label is the verdict with the
# table's note: "rewrite (summary)", "rewrite (within)").
EXPECTED = {
    "src-para": {"rewrite"},
    "src-summary": {"rewrite (summary)"},
    "para-summary": {"rewrite (summary)", "related"},
    "src-near": {"near-duplicate"},
    "src-topic": {"related", "unrelated"},
    "src-embedded": {"rewrite (within)"},
    "near-para": {"rewrite"},
    "near-summary": {"rewrite (summary)"},
    "near-embedded": {"rewrite (within)"},
    "para-embedded": {"contains", "near-duplicate"},
    "summary-embedded": {"rewrite (within)", "rewrite (summary)", "related"},
    "topic-*": {"related", "unrelated"},
    "other source, same genre": {"related", "unrelated"},
    "other genre": {"related", "unrelated"},
}


def build(out):
    texts = os.path.join(HERE, "texts")
    edits = json.load(open(os.path.join(HERE, "near_edits.json"), encoding="utf-8"))
    for name in sorted(os.listdir(texts)):
        if re.match(r"\w+_\d_(src|para|summary|topic)\.txt$", name):
            shutil.copy(os.path.join(texts, name), os.path.join(out, name))
    for source, changes in edits.items():
        text = open(os.path.join(texts, source + "_src.txt"), encoding="utf-8").read()
        for old, new in changes:
            if old not in text:
                sys.exit("audit: %s: edit %r not in the source" % (source, old))
            text = text.replace(old, new, 1)
        open(os.path.join(out, source + "_near.txt"), "w", encoding="utf-8").write(text)
    for name in sorted(os.listdir(texts)):
        m = re.match(r"(\w+_\d)_before\.txt$", name)
        if m:
            part = lambda kind: open(os.path.join(texts, "%s_%s.txt" % (m.group(1), kind)), encoding="utf-8").read()
            with open(os.path.join(out, m.group(1) + "_embedded.txt"), "w", encoding="utf-8") as f:
                f.write(part("before") + "\n" + part("para") + "\n" + part("after"))


def parse(name):
    m = re.match(r"(\w+?)_(\d)_(\w+)\.txt$", os.path.basename(name))
    return m.group(1), int(m.group(2)), m.group(3)


def kind_of(a, b):
    (ga, na, ka), (gb, nb, kb) = parse(a), parse(b)
    if (ga, na) != (gb, nb):
        return "other source, same genre" if ga == gb else "other genre"
    ks = sorted((ka, kb), key=KINDS.index)
    if "topic" in ks and ks[0] != "src":
        return "topic-*"
    return "-".join(ks)


def label(p):
    if p["verdict"] == "rewrite" and p["summary"]:
        return "rewrite (summary)"
    if p["verdict"] == "rewrite" and p["within"]:
        return "rewrite (within)"
    return p["verdict"]


def separation(scores):
    """scores: [(score, is_true)] -> (lowest true, highest false, best F1)."""
    pos = [s for s, t in scores if t]
    neg = [s for s, t in scores if not t]
    best = 0.0
    for th in sorted(set(pos)):
        tp = sum(s >= th for s in pos)
        fp = sum(s >= th for s in neg)
        best = max(best, 2 * tp / (2 * tp + fp + len(pos) - tp))
    return min(pos), max(neg), best


def judged(a, b):
    """Whether the pair counts in the separation, and if so whether true."""
    k = kind_of(a, b)
    if k in ("src-para", "src-summary"):
        return True, True
    if k in ("other source, same genre", "other genre", "src-topic", "topic-*"):
        return "embedded" not in (parse(a)[2], parse(b)[2]), False
    return False, False


def baselines(corpus):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity
    names = sorted(os.listdir(corpus))
    docs = [open(os.path.join(corpus, n), encoding="utf-8").read() for n in names]
    systems = {
        "scikit-learn char_wb 3-5": TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
        "scikit-learn char 3-5": TfidfVectorizer(analyzer="char", ngram_range=(3, 5), sublinear_tf=True),
        "scikit-learn words": TfidfVectorizer(sublinear_tf=True, stop_words="english"),
    }
    for system, vec in systems.items():
        sim = cosine_similarity(vec.fit_transform(docs))
        scores = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                use, true = judged(names[i], names[j])
                if use:
                    scores.append((sim[i, j], true))
        print("%-26s lowest true %.3f, highest false %.3f, best F1 %.4f" % ((system,) + separation(scores)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--simcheck", required=True)
    ap.add_argument("--baselines", action="store_true")
    ap.add_argument("--keep", help="build the corpus here (an empty or new directory) and keep it")
    a = ap.parse_args()
    tmp = None
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        corpus = a.keep
    else:
        tmp = tempfile.mkdtemp(prefix="simcheck-audit-")
        corpus = tmp
    try:
        build(corpus)
        out = subprocess.run([a.simcheck, "matrix", "--format", "json", "-q", corpus], check=True,
                             capture_output=True, text=True).stdout
        pairs = json.loads(out)["pairs"]
        by_kind = collections.defaultdict(list)
        scores = []
        for p in pairs:
            by_kind[kind_of(p["a"], p["b"])].append(p)
            use, true = judged(p["a"], p["b"])
            if use:
                scores.append((p["score"], true))
        print("%-26s %5s %5s  %-23s %s" % ("kind", "pairs", "right", "score median/min/max", "labels"))
        for k, want in EXPECTED.items():
            ps = by_kind[k]
            if not ps:
                continue
            s = [p["score"] for p in ps]
            right = sum(label(p) in want for p in ps)
            labels = collections.Counter(label(p) for p in ps)
            print("%-26s %5d %5d  %.3f/%.3f/%.3f     %s" % (k, len(ps), right, statistics.median(s), min(s), max(s),
                                                         ", ".join("%s %d" % kv for kv in labels.most_common())))
        print()
        print("%-26s lowest true %.3f, highest false %.3f, best F1 %.4f" % (("simcheck",) + separation(scores)))
        if a.baselines:
            baselines(corpus)
    finally:
        if tmp:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
