#!/usr/bin/env python3
"""Independent human paraphrases: the same headword defined by two dictionaries.

  dict-gcide-wn   Debian bookworm packages dict-gcide 0.48.5+nmu2 (GCIDE, whose
                  core is Webster's Revised Unabridged Dictionary, 1913) and
                  dict-wn 1:3.0-37 (Princeton WordNet 3.0 glosses). Headwords
                  that have exactly one sense in WordNet and exactly one
                  definition in GCIDE, tagged [1913 Webster] or
                  [Webster 1913 Suppl.] (GCIDE entries taken from WordNet or
                  edited later are skipped), with the same part of speech.
                  docs/web1913/<id>.txt = the Webster definition,
                  docs/wordnet/<id>.txt = the WordNet gloss (no examples, no
                  synonym list; capitalized WordNet headwords, i.e.
                  proper nouns, skipped); the headword (and simple inflections) is cut
                  out of both. Pairs sharing a run of 5 identical words
                  (copied, not rewritten) are dropped, and so are definitions
                  under 4 words, pure cross-references, and duplicates.
                  Truth: web1913/X <-> wordnet/X, retrieval both ways + pairs.

    build_task.py PKG_DIR OUT_DIR [--seed SEED] [--n N]

PKG_DIR holds the .deb files (apt-get download dict-gcide dict-wn).
"""
import argparse
import glob
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict, Counter

# The task layout's writers and the 5-shingle test, shared with the Debian tasks.
from debian_tasks import shingles, words, write, write_csv, write_lines

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def load_dictd(deb, name, tmp):
    """(index lines, dict text) of a dictd database inside a .deb."""
    d = os.path.join(tmp, name)
    subprocess.run(["dpkg-deb", "-x", deb, d], check=True)
    base = os.path.join(d, "usr/share/dictd", name)
    with gzip.open(base + ".dict.dz", "rb") as f:
        data = f.read()
    idx = []
    with open(base + ".index", encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                idx.append((parts[0], b64(parts[1]), b64(parts[2])))
    return idx, data


def flat(s):
    return " ".join(s.split())


# ------------------------------------------------------------------ WordNet
WN_SENSE = re.compile(r"^\s+(?:(n|v|adj|adv)\s+)?(\d+):\s?(.*)$")


def parse_wn(idx, data):
    """headword -> (pos, gloss) for headwords with exactly one sense."""
    out = {}
    seen = set()
    for h, o, l in idx:
        if h.startswith("00-") or (o, l) in seen:
            continue
        seen.add((o, l))
        block = data[o:o + l].decode("utf-8", errors="replace").splitlines()
        head = block[0].strip()
        senses = []
        pos = None
        for line in block[1:]:
            m = WN_SENSE.match(line)
            if m:
                if m.group(1):
                    pos = m.group(1)
                senses.append([pos, m.group(3)])
            elif senses:
                senses[-1][1] += " " + line.strip()
        if len(senses) != 1 or head.lower() in out:
            if head.lower() in out and len(senses) >= 1:
                out[head.lower()] = None  # ambiguous
            continue
        p, g = senses[0]
        g = re.sub(r"\[(syn|ant|also|see|pertainym|derivation)[^\]]*\]", "", g)
        g = re.sub(r"\[[^\]]*\]", "", g)
        # gloss = text before the first quoted example
        g = re.split(r';?\s*"', g, maxsplit=1)[0]
        g = flat(g).rstrip(" ;:,")
        if head[:1].isupper():
            out[head.lower()] = None  # proper noun (Webster 1913 rarely has the same sense)
            continue
        out[head.lower()] = (p, g)
    return {k: v for k, v in out.items() if v}


# ------------------------------------------------------------------ GCIDE
GOOD_TAGS = {"[1913 Webster]", "[Webster 1913 Suppl.]"}
TAG_LINE = re.compile(r"^\s*\[[^\]]*(Webster|WordNet|PJC|Century|RDH|AS\b|MW|Chambers|Dict|\+)[^\]]*\]\s*$")
POS_MAP = {"n": "n", "a": "adj", "adv": "adv", "v. t": "v", "v. i": "v", "v. t. & i": "v", "v.t": "v", "v.i": "v"}


def balanced(s):
    return s.count("[") == s.count("]") and s.count("(") == s.count(")") and s.count("\\") % 2 == 0 \
        and s.count("{") == s.count("}")


def parse_gcide_block(text):
    """(headword, pos, definition) of a one-definition GCIDE entry, else None."""
    lines = text.splitlines()
    if not lines or "\\" not in lines[0]:
        return None
    paras, cur = [], []
    for line in lines:
        if line.strip() == "":
            if cur:
                paras.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        paras.append(cur)
    first = paras[0]
    # tag of the first paragraph (last line)
    tag = first[-1].strip()
    if tag not in GOOD_TAGS:
        return None
    # more senses / other definitions with their own tags -> skip
    for p in paras[1:]:
        s = flat(" ".join(p))
        if re.match(r"^\d+\.\s", s) or re.match(r"^\(?[a-z]\)\s", s):
            return None
        if s.startswith("Syn.") or s.startswith("Note:") or s.startswith("{") or s.startswith("--"):
            continue
        # quotation paragraphs end in a tag too; they contain a "--Author" attribution
        if "--" in s:
            continue
        if TAG_LINE.match(p[-1]) and len(p) > 1:
            return None
    body = first[:-1]
    # header: leading lines until brackets balance and the header does not continue
    i = 0
    acc = ""
    while i < len(body):
        acc += " " + body[i].strip()
        i += 1
        if balanced(acc) and not acc.rstrip().endswith(",") and not acc.rstrip().endswith("&"):
            if i < len(body) and body[i].strip().startswith("["):
                continue
            break
    header = flat(acc)
    defi = flat(" ".join(l.strip() for l in body[i:]))
    if not defi or re.match(r"^\d+\.\s", defi):
        return None
    m = re.match(r"^([^\\]+?)\s*\\", header)
    if not m:
        return None
    head = m.group(1).strip()
    # part of speech: first ", xxx." after a pronunciation
    pm = re.search(r"\\\s*(?:\([^)]*\))?,\s*(n|a|adv|v\. ?[ti](?:\. & [ti])?)\.", header)
    pos = POS_MAP.get(pm.group(1).replace("v.t", "v. t").replace("v.i", "v. i")) if pm else None
    # a second headword with another pronunciation in the header is fine; a lone "1." is not
    if "\\" in defi or re.search(r"(^|\s)\d+\.\s", defi):
        return None
    # strip leading domain labels "(Bot.)" and trailing usage labels "[Obs.]"
    defi = re.sub(r"^(\([^)]{1,40}\)\s*)+", "", defi)
    defi = re.sub(r"\s*\[[^\]]{1,30}\]\s*$", "", defi)
    defi = re.split(r"\s\(b\)\s", defi)[0]  # keep sub-sense (a) only
    defi = re.split(r"\s--\s?(?=[A-Z]\S*[*\"`])", defi)[0]  # run-on derivatives "-- Un*scru"pu*lous*ly, adv."
    defi = re.sub(r'\s*"[^"]*"\s*', " ", defi)  # quoted citations
    defi = re.sub(r"\[(ae|oe|AE|OE)\]", r"\1", defi)  # GCIDE ligature escapes
    defi = re.sub(r"\[([a-zA-Z])[^\]\sa-zA-Z]{1,2}\]", r"\1", defi)  # accented letters [e"], [a^]
    defi = re.sub(r"\s*\[[^\]]*\]", "", defi)  # [Written also ...], [R.], [Obs.]
    if re.search(r"[*\[\]]|\bfr\. (Gr|L)\.", defi):
        return None  # header (pronunciation/etymology) leaked into the text
    defi = defi.replace("{", "").replace("}", "")
    defi = re.sub(r"\s*--\s*[A-Z][\w. ]{0,40}$", "", defi)  # trailing "--Author." attribution
    defi = re.sub(r"\s+", " ", defi).strip()
    return head, pos, defi


def parse_gcide(idx, data):
    """headword(lower) -> list of (pos, definition or None) over all its entries."""
    out = defaultdict(list)
    seen = set()
    for h, o, l in idx:
        if h.startswith("00-") or (o, l) in seen:
            continue
        seen.add((o, l))
        text = data[o:o + l].decode("utf-8", errors="replace")
        m = re.match(r"^([^\\\n]+?)\s*\\", text)
        if not m:
            continue
        head = m.group(1).strip().lower()
        r = parse_gcide_block(text)
        if r is None or r[0].lower() != head:
            out[head].append(None)
        else:
            out[head].append((r[1], r[2]))
    return out


def strip_head(text, head):
    """Cut the headword (each of its words, with simple inflections) out of a definition."""
    for w in sorted(set(re.findall(r"[A-Za-z][A-Za-z'-]+", head)), key=len, reverse=True):
        if len(w) < 3:
            continue
        stem = re.escape(w)
        pat = r"\b" + stem + r"(s|es|ed|d|ing|er|ers|ly|'s)?\b"
        text = re.sub(pat, "", text, flags=re.I)
    text = re.sub(r"\s+([,;:.)])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pkgs")
    ap.add_argument("out")
    ap.add_argument("--seed", default="simcheck-dict-v1")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    debs = {n: sorted(glob.glob(os.path.join(args.pkgs, "dict-%s_*.deb" % n))) for n in ("gcide", "wn")}
    for n, d in debs.items():
        if not d:
            sys.exit("dict_tasks: no dict-%s_*.deb in %s" % (n, args.pkgs))
    tmp = tempfile.mkdtemp(prefix="simcheck-dict-", dir=args.out if os.path.isdir(args.out) else None)
    try:
        gi, gd = load_dictd(debs["gcide"][-1], "gcide", tmp)
        wi, wd = load_dictd(debs["wn"][-1], "wn", tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    wn = parse_wn(wi, wd)
    gc = parse_gcide(gi, gd)
    stats = {"sources": [os.path.basename(debs["gcide"][-1]), os.path.basename(debs["wn"][-1])],
             "wn_monosemous": len(wn), "gcide_headwords": len(gc)}
    drop = Counter()
    cands = []
    for h in sorted(wn):
        if h not in gc:
            drop["not_in_gcide"] += 1
            continue
        ents = gc[h]
        if len(ents) != 1 or ents[0] is None:
            drop["gcide_not_single_webster_definition"] += 1
            continue
        gpos, gdef = ents[0]
        wpos, wdef = wn[h]
        if gpos is None or gpos != wpos:
            drop["pos_mismatch_or_unknown"] += 1
            continue
        a, b = strip_head(gdef, h), strip_head(wdef, h)
        if re.match(r"^(See|Same as|Alt\.|Plural|pl\.|imp\.|p\. p\.|of\b|Of\b)", a) or a.lower().startswith("see "):
            drop["cross_reference"] += 1
            continue
        if len(words(a)) < 4 or len(words(b)) < 4:
            drop["under_4_words"] += 1
            continue
        if shingles(a) & shingles(b):
            drop["shared_5_word_run"] += 1
            continue
        cands.append((h, a, b))
    # duplicates (same text on one side)
    ca, cb = Counter(x[1].lower() for x in cands), Counter(x[2].lower() for x in cands)
    kept = [x for x in cands if ca[x[1].lower()] == 1 and cb[x[2].lower()] == 1]
    drop["duplicate_text"] = len(cands) - len(kept)
    stats["dropped"] = dict(drop)
    stats["eligible"] = len(kept)
    rng = random.Random(args.seed)
    rng.shuffle(kept)
    chosen = kept[:args.n]
    t = os.path.join(args.out, "dict-gcide-wn")
    shutil.rmtree(t, ignore_errors=True)
    A, Bs, key = [], [], []
    for i, (h, a, b) in enumerate(chosen):
        id_ = "d%04d" % i
        write(os.path.join(t, "docs", "web1913", id_ + ".txt"), a)
        write(os.path.join(t, "docs", "wordnet", id_ + ".txt"), b)
        A.append("web1913/%s.txt" % id_)
        Bs.append("wordnet/%s.txt" % id_)
        key.append((id_, h))
    os.makedirs(os.path.join(t, "truth"))
    write_lines(os.path.join(t, "docs.txt"), sorted(A + Bs))
    write_lines(os.path.join(t, "truth", "pool_web1913.txt"), A)
    write_lines(os.path.join(t, "truth", "pool_wordnet.txt"), Bs)
    write_csv(os.path.join(t, "truth", "retrieval_wordnet2web1913.csv"), ["query", "target"], zip(Bs, A))
    write_csv(os.path.join(t, "truth", "retrieval_web1913to_wordnet.csv"), ["query", "target"], zip(A, Bs))
    write_csv(os.path.join(t, "truth", "pairs_same_headword.csv"), ["a", "b"], zip(A, Bs))
    write_csv(os.path.join(t, "truth", "headwords.csv"), ["id", "headword"], key)
    spec = {
        "name": "dict-gcide-wn", "split": "generalization",
        "description": "Definitions of the same headword written independently by two dictionaries: "
                       "Webster 1913 (from Debian dict-gcide 0.48.5+nmu2, only [1913 Webster]/[Webster 1913 "
                       "Suppl.] definitions) vs Princeton WordNet 3.0 glosses (Debian dict-wn 1:3.0-37). "
                       "%d headwords sampled (seed %r) that have one sense in WordNet and one definition in "
                       "GCIDE with the same part of speech; headword cut out of both texts; pairs sharing a "
                       "5-word run dropped; web1913/X <-> wordnet/X." % (len(chosen), args.seed),
        "docs_dir": "docs", "doc_list": "docs.txt",
        "retrieval": [
            {"name": "wordnet->web1913", "truth": "truth/retrieval_wordnet2web1913.csv",
             "pool": "truth/pool_web1913.txt", "primary": True},
            {"name": "web1913->wordnet", "truth": "truth/retrieval_web1913to_wordnet.csv",
             "pool": "truth/pool_wordnet.txt"}],
        "pairs": [{"name": "same-headword", "truth": "truth/pairs_same_headword.csv",
                   "between": ["truth/pool_web1913.txt", "truth/pool_wordnet.txt"]}],
        "compare": {"between": ["truth/pool_web1913.txt", "truth/pool_wordnet.txt"]}}
    with open(os.path.join(t, "task.json"), "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")
    stats["docs_per_side"] = len(chosen)
    with open(os.path.join(args.out, "build-stats-dict-gcide-wn.json"), "w") as f:
        json.dump(stats, f, indent=2)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
