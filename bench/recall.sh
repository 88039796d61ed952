#!/usr/bin/env bash
# recall.sh: recall and precision of candidate near-duplicate pairs against
# the exact reference written by sc_bruteforce (bench/SCALE.md).
#
#   bench/recall.sh [--score COL|none] [--clusters] [--missed FILE]
#                   [--thresholds "0.5 0.7 0.8 0.9"] TRUTH.csv CANDIDATES.csv
#
#   TRUTH.csv       sc_bruteforce output: header a,b,jaccard; every pair with
#                   exact word 5-shingle Jaccard >= 0.5 (or its --threshold).
#   CANDIDATES.csv  CSV with a header row. Two layouts:
#     pairs (default)  columns a and b (ids as in the JSONL), in any order
#                      and column position, plus optionally a similarity
#                      column; any other columns are ignored. `simcheck
#                      matrix --format csv` output fits as is.
#     --clusters       columns id and cluster: every two ids with the same
#                      cluster value form a candidate pair (the transitive
#                      closure that a dedup reports). A representative
#                      column, if present, names one more member of the
#                      cluster, so both `simcheck cluster --format csv`
#                      (id,cluster,size,representative) and the CSV of
#                      `simcheck dedup --removed` (id,cluster,representative,
#                      similarity; the kept document is not a row) fit.
#   --score COL     similarity column of CANDIDATES used to place a pair at
#                   each threshold: a candidate counts at threshold t when
#                   COL >= t. Default: jaccard if the header has it, else
#                   score, else none. "none": every candidate counts at
#                   every threshold (a dedup run at one threshold).
#   --missed FILE   writes the truth pairs (at the lowest threshold) that no
#                   candidate found, as a,b,jaccard
#
# Per threshold t: truth = truth pairs with jaccard >= t; found = candidates
# at t that are truth pairs at t; recall = found / truth; precision = found /
# candidates at t. A candidate whose true Jaccard is below t (or below the
# reference's own threshold, so absent from TRUTH) is a false positive at t.
# Pairs are unordered; a pair listed twice counts once; a pair of an id with
# itself is ignored. Ids are compared as bytes; CSV fields may be quoted.
set -euo pipefail

score=auto
clusters=0
missed=
thresholds="0.5 0.7 0.8 0.9"
while (($#)); do
  case $1 in
    --score) score=${2:?--score needs a column name}; shift 2 ;;
    --clusters) clusters=1; shift ;;
    --missed) missed=${2:?--missed needs a file}; shift 2 ;;
    --thresholds) thresholds=${2:?--thresholds needs a list}; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "recall.sh: unknown option $1" >&2; exit 1 ;;
    *) break ;;
  esac
done
(($# == 2)) || { echo "usage: recall.sh [--score COL|none] [--clusters] [--missed FILE] [--thresholds LIST] TRUTH.csv CANDIDATES.csv" >&2; exit 1; }
truth=$1 cand=$2
for f in "$truth" "$cand"; do [[ -r $f ]] || { echo "recall.sh: cannot read $f" >&2; exit 2; }; done

export LC_ALL=C
awk -v score="$score" -v clusters="$clusters" -v missed="$missed" -v ths="$thresholds" '
# Splits a CSV record into f[1..n] (RFC 4180 quotes; no embedded newlines).
function csvsplit(line, f,    n, i, c, q, cur) {
  n = 0; cur = ""; q = 0
  sub(/\r$/, "", line)
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (q) {
      if (c == "\"") {
        if (substr(line, i + 1, 1) == "\"") { cur = cur "\""; i++ } else q = 0
      } else cur = cur c
    } else if (c == "\"") q = 1
    else if (c == ",") { f[++n] = cur; cur = "" }
    else cur = cur c
  }
  f[++n] = cur
  return n
}
function key(x, y) { return x < y ? x SUBSEP y : y SUBSEP x }
function fail(msg) { print "recall.sh: " msg > "/dev/stderr"; err = 1; exit 1 }
BEGIN {
  nt = split(ths, T, " ")
  if (nt == 0) fail("no thresholds")
  lowest = T[1] + 0
  for (i = 2; i <= nt; i++) if (T[i] + 0 < lowest) lowest = T[i] + 0
}
FNR == 1 {
  file++
  delete col
  n = csvsplit($0, h)
  for (i = 1; i <= n; i++) col[h[i]] = i
  if (file == 1) {
    if (!("a" in col) || !("b" in col) || !("jaccard" in col)) fail(FILENAME ": expected header a,b,jaccard")
    ta = col["a"]; tb = col["b"]; tj = col["jaccard"]
  } else if (clusters) {
    if (!("id" in col) || !("cluster" in col)) fail(FILENAME ": --clusters expects columns id and cluster")
    ci = col["id"]; cc = col["cluster"]; sc = 0; cr = ("representative" in col) ? col["representative"] : 0
  } else {
    if (!("a" in col) || !("b" in col)) fail(FILENAME ": expected columns a and b in the header")
    ca = col["a"]; cb = col["b"]
    if (score == "auto") score = ("jaccard" in col) ? "jaccard" : (("score" in col) ? "score" : "none")
    if (score != "none" && !(score in col)) fail(FILENAME ": no column " score)
    sc = score == "none" ? 0 : col[score]
  }
  next
}
file == 1 {
  csvsplit($0, f)
  if (f[ta] == f[tb]) next
  k = key(f[ta], f[tb])
  if (!(k in truthj)) { truthj[k] = f[tj] + 0; ntruth++ }
  next
}
clusters {
  csvsplit($0, f)
  if (!((f[cc], f[ci]) in member)) { member[f[cc], f[ci]] = 1; members[f[cc]] = members[f[cc]] SUBSEP f[ci] }
  if (cr && f[cr] != "" && !((f[cc], f[cr]) in member)) { member[f[cc], f[cr]] = 1; members[f[cc]] = members[f[cc]] SUBSEP f[cr] }
  next
}
{
  csvsplit($0, f)
  if (f[ca] == f[cb]) next
  k = key(f[ca], f[cb])
  s = sc ? f[sc] + 0 : 2
  if (!(k in cands) || s > cands[k]) cands[k] = s
}
END {
  if (err) exit 1
  if (clusters) {
    for (c in members) {
      m = split(substr(members[c], 2), ids, SUBSEP)
      if (m > 5000) { print "recall.sh: cluster " c " has " m " members; pairs expanded anyway" > "/dev/stderr" }
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (ids[i] != ids[j]) cands[key(ids[i], ids[j])] = 2
    }
  }
  ncand = 0; for (k in cands) ncand++
  printf "truth: %d pairs (jaccard >= reference threshold), candidates: %d distinct pairs, score column: %s\n", ntruth, ncand, clusters ? "none (clusters)" : score
  printf "%-9s %9s %11s %9s %8s %9s\n", "threshold", "truth", "candidates", "found", "recall", "precision"
  for (i = 1; i <= nt; i++) {
    t = T[i] + 0
    tt = 0; cc_ = 0; hit = 0
    for (k in truthj) if (truthj[k] >= t) tt++
    for (k in cands) if (cands[k] >= t) { cc_++; if ((k in truthj) && truthj[k] >= t) hit++ }
    printf "%-9s %9d %11d %9d %8s %9s\n", T[i], tt, cc_, hit, tt ? sprintf("%.4f", hit / tt) : "-", cc_ ? sprintf("%.4f", hit / cc_) : "-"
  }
  if (missed != "") {
    print "a,b,jaccard" > missed
    for (k in truthj) if (truthj[k] >= lowest && !((k in cands) && cands[k] >= lowest)) {
      split(k, p, SUBSEP); printf "%s,%s,%.6f\n", p[1], p[2], truthj[k] > missed
    }
    close(missed)
  }
}' "$truth" "$cand"
if [[ -n $missed ]]; then
  { head -n 1 "$missed"; tail -n +2 "$missed" | sort; } > "$missed.tmp.$$" && mv "$missed.tmp.$$" "$missed"
fi
