#!/usr/bin/env python3
"""Tasks of another kind than the development set: Debian package descriptions.

simcheck's defaults were tuned on Bible translations. These tasks, in the
layout of ../shared/eval-dev (scored by its score.py), check that they carry
over to modern technical English:

  deb-summary  2000 packages: short/<pkg>.txt, the one-line synopsis, and
               long/<pkg>.txt, the long description; truth short/X <-> long/X
               (retrieval both ways and pairs). Only long descriptions of 3
               sentences or more that do not hold the synopsis verbatim, at
               most one package per source package and per name stem.
  deb-family   400 pairs of binary packages of one source package whose long
               descriptions differ but overlap (a shared paragraph of 5 words
               or more, or 20% of the smaller side's word 5-shingles), among
               1200 distractors, one per other source; truth = the pairs.

Input: Debian bookworm main's Translation-en and amd64 Packages from
/var/lib/apt/lists (run `apt-get -o Acquire::Languages=en update` first;
bench/quality/run.sh does with DEBIAN=1). The archive changes with point
releases, so figures hold for the snapshot they were measured on.

    debian_tasks.py OUT_DIR [--seed SEED]     (default seed simcheck-deb-v1)
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import defaultdict

N_SUMMARY = 2000
N_FAMILY = 400
N_DISTRACT = 1200
LISTS = "/var/lib/apt/lists"


def apt_list(pattern):
    """The text of one apt list file (compressed as apt keeps it)."""
    paths = sorted(glob.glob(os.path.join(LISTS, pattern)))
    if not paths:
        sys.exit("debian_tasks: no %s in %s (apt-get -o Acquire::Languages=en update)" % (pattern, LISTS))
    out = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", paths[0]], check=True, capture_output=True)
    return out.stdout.decode("utf-8", errors="replace")


def stanzas(text):
    cur = []
    for line in text.splitlines():
        if line.strip() == "":
            if cur:
                yield cur
            cur = []
        else:
            cur.append(line)
    if cur:
        yield cur

def parse_translation(text):
    out = {}
    for st in stanzas(text):
        pkg = short = None
        long_lines = []
        in_desc = False
        for line in st:
            if line.startswith("Package:"):
                pkg = line.split(":", 1)[1].strip()
                in_desc = False
            elif line.startswith("Description-en:"):
                short = line.split(":", 1)[1].strip()
                in_desc = True
            elif in_desc and line.startswith(" "):
                body = line[1:]
                long_lines.append("" if body.strip() == "." else body)
            else:
                in_desc = False
        if pkg and short is not None and pkg not in out:
            # collapse runs of blank lines, strip leading/trailing blanks
            text = "\n".join(long_lines).strip("\n")
            text = re.sub(r"\n{3,}", "\n\n", text)
            out[pkg] = (short, text)
    return out


def parse_sources(text):
    src = {}
    for st in stanzas(text):
        pkg = s = None
        for line in st:
            if line.startswith("Package:"):
                pkg = line.split(":", 1)[1].strip()
            elif line.startswith("Source:"):
                s = line.split(":", 1)[1].strip().split(" ")[0]
        if pkg:
            src.setdefault(pkg, s or pkg)
    return src


SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(*\-])")


def n_sentences(text):
    flat = " ".join(text.split())
    return sum(1 for s in SENT_SPLIT.split(flat) if len(s.split()) >= 3)


def norm(s):
    return " ".join(s.lower().split())


SUFFIX = re.compile(r"(-(dev|doc|docs|dbg|dbgsym|common|data|bin|utils|tools|examples|plugins?|perl|java|"
                    r"cil|ocaml|python|tcl|ruby|gtk\d*|qt\d*|runtime|headers|static|udeb|l10n|locales?))+$")


def stem(pkg):
    s = pkg
    for _ in range(3):
        s2 = SUFFIX.sub("", s)
        s2 = re.sub(r"[-.]?\d+([.\-]\d+)*[a-z]?$", "", s2)  # trailing soname/version (libfoo1, libfoo-2.0)
        s2 = re.sub(r"^(python3?|golang|node|r-cran|r-bioc|libghc|ruby|php|lua|elpa|fonts?)-", "", s2)
        if s2 == s or not s2:
            break
        s = s2
    if s.startswith("lib") and len(s) > 4:
        s = s[3:]
    return s or pkg


def words(t):
    return re.findall(r"[a-z0-9]+", t.lower())


def shingles(t, k=5):
    w = words(t)
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def paragraphs(t):
    return {norm(p) for p in t.split("\n\n") if len(p.split()) >= 5}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_task(t, spec):
    with open(os.path.join(t, "task.json"), "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(l + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", default="simcheck-deb-v1")
    args = ap.parse_args()
    OUT, SEED = args.out, args.seed
    desc = parse_translation(apt_list("*_dists_bookworm_main_i18n_Translation-en*"))
    src = parse_sources(apt_list("*_dists_bookworm_main_binary-amd64_Packages*"))
    pkgs = sorted(p for p in desc if p in src)
    stats = {"translation_en_packages": len(desc), "in_amd64_Packages": len(pkgs)}

    # ------------------------------------------------------------ deb-summary
    eligible = []
    drop = defaultdict(int)
    for p in pkgs:
        short, long = desc[p]
        if not long.strip() or not short.strip():
            drop["empty"] += 1
            continue
        if n_sentences(long) < 3:
            drop["under_3_sentences"] += 1
            continue
        if norm(short) in norm(long):
            drop["short_verbatim_in_long"] += 1
            continue
        eligible.append(p)
    stats["summary_eligible"] = len(eligible)
    stats["summary_dropped"] = dict(drop)
    rng = random.Random(SEED)
    order = eligible[:]
    rng.shuffle(order)
    seen_src, seen_stem, seen_long, seen_short = set(), set(), set(), set()
    chosen = []
    skip = defaultdict(int)
    for p in order:
        short, long = desc[p]
        if src[p] in seen_src:
            skip["same_source"] += 1
            continue
        if stem(p) in seen_stem:
            skip["same_stem"] += 1
            continue
        if norm(long) in seen_long:
            skip["duplicate_long"] += 1
            continue
        if norm(short) in seen_short:
            skip["duplicate_short"] += 1
            continue
        seen_src.add(src[p]); seen_stem.add(stem(p)); seen_long.add(norm(long)); seen_short.add(norm(short))
        chosen.append(p)
        if len(chosen) == N_SUMMARY:
            break
    stats["summary_skipped_while_sampling"] = dict(skip)
    chosen.sort()
    t = os.path.join(OUT, "deb-summary")
    shutil.rmtree(t, ignore_errors=True)
    for p in chosen:
        short, long = desc[p]
        write(os.path.join(t, "docs", "short", p + ".txt"), short)
        write(os.path.join(t, "docs", "long", p + ".txt"), long)
    os.makedirs(os.path.join(t, "truth"))
    S = ["short/%s.txt" % p for p in chosen]
    L = ["long/%s.txt" % p for p in chosen]
    write_lines(os.path.join(t, "docs.txt"), sorted(L + S))
    write_lines(os.path.join(t, "truth", "pool_short.txt"), S)
    write_lines(os.path.join(t, "truth", "pool_long.txt"), L)
    write_csv(os.path.join(t, "truth", "retrieval_short2long.csv"), ["query", "target"], zip(S, L))
    write_csv(os.path.join(t, "truth", "retrieval_long2short.csv"), ["query", "target"], zip(L, S))
    write_csv(os.path.join(t, "truth", "pairs_same_pkg.csv"), ["a", "b"], zip(S, L))
    write_task(t, {
        "name": "deb-summary", "split": "generalization",
        "description": "Debian bookworm main package descriptions: %d packages sampled (seed %r) whose long "
                       "description has >= 3 sentences and does not contain the short one verbatim, at most "
                       "one per source package and per name stem; short/<pkg>.txt is the one-line synopsis, "
                       "long/<pkg>.txt the long description; truth short/X <-> long/X." % (len(chosen), SEED),
        "docs_dir": "docs", "doc_list": "docs.txt",
        "retrieval": [
            {"name": "short->long", "truth": "truth/retrieval_short2long.csv", "pool": "truth/pool_long.txt",
             "primary": True},
            {"name": "long->short", "truth": "truth/retrieval_long2short.csv", "pool": "truth/pool_short.txt"}],
        "pairs": [{"name": "same-package", "truth": "truth/pairs_same_pkg.csv",
                   "between": ["truth/pool_short.txt", "truth/pool_long.txt"]}],
        "compare": {"between": ["truth/pool_short.txt", "truth/pool_long.txt"]}})
    stats["summary_docs_per_side"] = len(chosen)

    # ------------------------------------------------------------ deb-family
    by_src = defaultdict(list)
    for p in pkgs:
        if desc[p][1].strip():
            by_src[src[p]].append(p)
    cand_pairs = {}
    for s, ps in by_src.items():
        if len(ps) < 2:
            continue
        opts = []
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                a, b = ps[i], ps[j]
                la, lb = desc[a][1], desc[b][1]
                if norm(la) == norm(lb):
                    continue
                pa, pb = paragraphs(la), paragraphs(lb)
                sa, sb = shingles(la), shingles(lb)
                if not sa or not sb:
                    continue
                inter = len(sa & sb)
                jac = inter / len(sa | sb)
                shared_par = len(pa & pb)
                # "overlapping": share a paragraph or >= 20% of the smaller side's 5-shingles
                if shared_par == 0 and inter < 0.2 * min(len(sa), len(sb)):
                    continue
                opts.append((a, b, jac, inter / len(sa), inter / len(sb), shared_par))
        if opts:
            cand_pairs[s] = opts
    stats["family_sources_with_candidate_pairs"] = len(cand_pairs)
    rng = random.Random(SEED + "-family")
    srcs = sorted(cand_pairs)
    rng.shuffle(srcs)
    fam = []
    for s in srcs[:N_FAMILY]:
        fam.append((s,) + rng.choice(sorted(cand_pairs[s])))
    used_src = set(srcs[:N_FAMILY])
    others = sorted(s for s in by_src if s not in used_src)
    rng.shuffle(others)
    distract = []
    fam_long = {norm(desc[x][1]) for f_ in fam for x in f_[1:3]}
    for s in others:
        p = rng.choice(sorted(by_src[s]))
        if norm(desc[p][1]) in fam_long:
            continue
        distract.append(p)
        if len(distract) == N_DISTRACT:
            break
    t = os.path.join(OUT, "deb-family")
    shutil.rmtree(t, ignore_errors=True)
    docs = []
    for f_ in fam:
        for x in f_[1:3]:
            write(os.path.join(t, "docs", x + ".txt"), desc[x][1])
            docs.append(x + ".txt")
    for x in distract:
        write(os.path.join(t, "docs", x + ".txt"), desc[x][1])
        docs.append(x + ".txt")
    os.makedirs(os.path.join(t, "truth"))
    write_lines(os.path.join(t, "docs.txt"), sorted(docs))
    write_lines(os.path.join(t, "truth", "pool_all.txt"), sorted(docs))
    pairs = [(f_[1] + ".txt", f_[2] + ".txt") for f_ in fam]
    write_csv(os.path.join(t, "truth", "pairs_family.csv"), ["a", "b"], pairs)
    write_csv(os.path.join(t, "truth", "retrieval_family.csv"), ["query", "target"],
              pairs + [(b, a) for a, b in pairs])
    write_csv(os.path.join(t, "truth", "family_info.csv"),
              ["source", "a", "b", "jaccard5", "cont_a", "cont_b", "shared_paragraphs"],
              [(f_[0], f_[1] + ".txt", f_[2] + ".txt", "%.4f" % f_[3], "%.4f" % f_[4], "%.4f" % f_[5], f_[6])
               for f_ in fam])
    write_task(t, {
        "name": "deb-family", "split": "generalization",
        "description": "%d pairs of binary packages of one source package (one pair per source, seed %r) "
                       "whose long descriptions differ but overlap (a shared paragraph of >= 5 words or >= 20%% "
                       "of the smaller side's word 5-shingles), and %d distractor packages, one per other "
                       "source; one folder; truth = the family pairs." % (len(fam), SEED, len(distract)),
        "docs_dir": "docs", "doc_list": "docs.txt",
        "retrieval": [{"name": "sibling", "truth": "truth/retrieval_family.csv", "pool": "truth/pool_all.txt",
                       "primary": True}],
        "pairs": [{"name": "family", "truth": "truth/pairs_family.csv", "primary": True}],
        "compare": "all"})
    stats["family_pairs"] = len(fam)
    stats["family_distractors"] = len(distract)
    with open(os.path.join(OUT, "build-stats.json"), "w") as f:
        json.dump(stats, f, indent=2)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
