#!/usr/bin/env bash
# dedup_cli_test.sh SIMCHECK [SEEDS_DIR]: `simcheck dedup` and `simcheck
# cluster` end to end, on a JSONL corpus built from the sample articles
# (SEEDS_DIR, default: the seeds folder next to this script's folder) with
# an exact copy (case and spaces changed), near copies (one sentence added)
# and malformed lines. Checks exact outputs (kept lines byte for byte, CSV
# rows), messages and exit codes (0 ok, 1 usage, 2 no input). Needs only
# bash, coreutils and awk. Prints "N passed, M failed"; exits non-zero on
# any failure.
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 SIMCHECK [SEEDS_DIR]" >&2
  exit 2
fi
SIMCHECK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SEEDS=${2:-$(dirname "$0")/../seeds}
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/simcheck-dedup.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

# expect_same_file GOT WANT WHAT: byte for byte.
expect_same_file() {
  if [ -f "$1" ] && [ "$(cksum <"$1")" = "$(cksum <"$2")" ]; then ok; else
    ko "$3: $1 differs from the expected bytes ($(wc -c <"$1" 2>/dev/null || echo missing) vs $(wc -c <"$2") bytes)"
    if [ -f "$1" ]; then
      awk 'NR == FNR { want[FNR] = $0; n = FNR; next }
           { if (!(FNR in want) || want[FNR] != $0) { print "    first differing line " FNR ": got " substr($0, 1, 120); bad = 1; exit } }
           END { if (!bad && FNR < n) print "    missing lines from " FNR + 1 }' "$2" "$1" >&2
    fi
    show
  fi
}

# json_text FILE: FILE's bytes as the inside of a JSON string, escaped as
# simcheck writes them (\\, \", \n, \r, \t; the sample texts hold no other
# control characters).
json_text() {
  local nl=0
  if [ -s "$1" ] && [ -z "$(tail -c 1 "$1")" ]; then nl=1; fi
  awk -v nl="$nl" 'BEGIN { ORS = "" }
    { gsub(/\\/, "&&"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); if (NR > 1) print "\\n"; print }
    END { if (nl) print "\\n" }' "$1"
}

# ---------------------------------------------------------------------------
# The corpus.
articles=()
for f in "$SEEDS"/[0-9][0-9][0-9]_*.txt; do articles+=("$f"); done
if [ "${#articles[@]}" -ne 5 ]; then
  echo "dedup_cli_test: want the five sample articles in $SEEDS, found ${#articles[@]}" >&2
  exit 2
fi
R=$TMP/raw
mkdir -p "$R"
for i in 0 1 2 3 4; do cp "${articles[$i]}" "$R/s$i.txt"; done
# Exact copy of s0: upper case, every space doubled (same normalized text).
tr '[:lower:]' '[:upper:]' <"$R/s0.txt" | awk '{ gsub(/ /, "  "); print }' >"$R/e0.txt"
# Near copies: one sentence added.
{ cat "$R/s2.txt"; printf ' This sentence was added to make a near copy of the report.\n'; } >"$R/n1.txt"
{ cat "$R/s4.txt"; printf '\nOne more closing line, added to this copy of the opinion piece only.'; } >"$R/n4.txt"

C=$TMP/corpus.jsonl
{
  printf '{"id": "s0", "text": "%s"}\n' "$(json_text "$R/s0.txt")"                                      # 1
  printf '{"id": "s1", "lang": "en", "text": "%s", "tags": ["a", {"b": "]"}]}\n' "$(json_text "$R/s1.txt")" # 2
  printf '{"id": "e0", "text": "%s"}\n' "$(json_text "$R/e0.txt")"                                      # 3
  printf '{"id": "s2", "text": "%s", "meta": {"n": 1}}\n' "$(json_text "$R/s2.txt")"                    # 4
  printf '{"id": "bad1", "text": 42}\n'                                                                  # 5
  printf '{"id": "s3", "text": "%s"}\n' "$(json_text "$R/s3.txt")"                                      # 6
  printf '{"id": "n1", "text": "%s"}\n' "$(json_text "$R/n1.txt")"                                      # 7
  printf '{"id": 4, "text": "%s"}\n' "$(json_text "$R/s4.txt")"                                         # 8
  printf 'not json at all\n'                                                                             # 9
  printf '{"id": "empty", "text": ""}\n'                                                                 # 10
  printf '{"id": "punct", "text": "... !!! ???"}\n'                                                      # 11
  printf '{"text": "%s"}\n' "$(json_text "$R/n4.txt")"                                                  # 12
} >"$C"
lines() { awk -v want=" $1 " 'index(want, " " FNR " ") > 0' "$C"; } # lines "1 2 4": those lines of the corpus

# Documents 0..7: s0 s1 e0 s2 s3 n1 4 C:12. Clusters at 0.8: {s0, e0},
# {s2, n1}, {4, C:12}, numbered 1, 2, 3 by first member.
lines "1 2 4 6 8" >"$TMP/want_first.jsonl"
lines "2 3 6 7 12" >"$TMP/want_longest.jsonl"
SUMMARY="simcheck dedup: 8 documents read, 4 skipped; 3 clusters; 3 removed (1 exact copy), 5 kept; "

# check_removed FILE ROWS WHAT: the CSV header, then rows "id,cluster,rep"
# (ROWS, one per line) with their similarity: 1.0000 for the exact copy,
# 0.95..0.9999 for the near copies.
check_removed() {
  local f=$1 rows=$2 what=$3
  expect_eq "$(head -n 1 "$f")" "id,cluster,representative,similarity" "$what: removed CSV header"
  expect_eq "$(awk -F, 'NR > 1 { print $1 "," $2 "," $3 }' "$f")" "$rows" "$what: removed rows"
  local sims
  sims=$(awk -F, 'NR > 1 { print $4 }' "$f" | tr '\n' ' ')
  local bad
  bad=$(awk -F, 'NR > 1 && !(($1 == "e0" || $1 == "s0") ? $4 == "1.0000" : $4 ~ /^0\.9[5-9][0-9][0-9]$/) { print $1 }' "$f")
  expect_eq "$bad" "" "$what: similarities ($sims)"
}

# ---------------------------------------------------------------------------
# dedup, keep first.
run dedup "$C" -o "$TMP/kept.jsonl" --removed "$TMP/removed.csv"
expect_rc 0 "dedup"
expect_out_empty "dedup -o: nothing on stdout"
expect_same_file "$TMP/kept.jsonl" "$TMP/want_first.jsonl" "dedup: kept records are the original lines"
check_removed "$TMP/removed.csv" "e0,1,s0
n1,2,s2
$C:12,3,4" "dedup"
expect_err_prefix "$SUMMARY" "dedup: summary"
expect_err_line "simcheck: warning: $C:5: skipped: \"text\" is not a string" "dedup: non-string text"
expect_err_line "simcheck: warning: $C:9: skipped: not a JSON object" "dedup: not JSON"
expect_err_line "simcheck: warning: $C:10 (id empty): skipped: empty text" "dedup: empty text"
expect_err_line "simcheck: warning: $C:11 (id punct): skipped: no words in the text" "dedup: text without words"
expect_eq "$(awk 'index($0, "simcheck: warning: ") == 1' "$TMP/err" | wc -l | tr -d ' ')" 4 "dedup: four warnings"
expect_eq "$(awk 'END { print NR }' "$TMP/err")" 5 "dedup: four warnings and the summary, nothing else"
summary=$(awk 'index($0, "simcheck dedup: ") == 1' "$TMP/err")
case "$summary" in
  *"candidate pairs (LSH 13 bands x 7 rows), "*" verified; "*" s") ok ;;
  *) ko "dedup: summary tail: '$summary'" ;;
esac

# Kept documents on standard output by default, and with -o -.
run dedup "$C"
expect_rc 0 "dedup to stdout"
expect_same_file "$TMP/out" "$TMP/want_first.jsonl" "dedup to stdout"
run dedup -q "$C" -o -
expect_rc 0 "dedup -q -o -"
expect_same_file "$TMP/out" "$TMP/want_first.jsonl" "dedup -o -"
if [ ! -s "$TMP/err" ]; then ok; else
  ko "dedup -q: stderr should be empty"
  show
fi

# keep longest: the uppercase copy (spaces doubled) and the near copies win.
run dedup --keep longest "$C" -o "$TMP/kept_long.jsonl" --removed "$TMP/removed_long.csv"
expect_rc 0 "dedup --keep longest"
expect_same_file "$TMP/kept_long.jsonl" "$TMP/want_longest.jsonl" "dedup --keep longest: kept lines"
check_removed "$TMP/removed_long.csv" "s0,1,e0
s2,2,n1
4,3,$C:12" "dedup --keep longest"
run dedup --keep=longest "$C"
expect_same_file "$TMP/out" "$TMP/want_longest.jsonl" "dedup --keep=longest"

# A threshold above the near copies' Jaccard: only the exact copy goes.
run dedup --threshold 0.995 "$C" -o "$TMP/kept_995.jsonl" --removed "$TMP/removed_995.csv"
expect_rc 0 "dedup --threshold 0.995"
lines "1 2 4 6 7 8 12" >"$TMP/want_995.jsonl"
expect_same_file "$TMP/kept_995.jsonl" "$TMP/want_995.jsonl" "dedup --threshold 0.995: kept lines"
check_removed "$TMP/removed_995.csv" "e0,1,s0" "dedup --threshold 0.995"
expect_err_prefix "simcheck dedup: 8 documents read, 4 skipped; 1 cluster; 1 removed (1 exact copy), 7 kept; " \
  "dedup --threshold 0.995: summary"

# Thread counts: identical outputs.
run dedup --threads 1 "$C" -o "$TMP/kept_t1.jsonl" --removed "$TMP/removed_t1.csv"
expect_rc 0 "dedup --threads 1"
run dedup --threads 2 "$C" -o "$TMP/kept_t2.jsonl" --removed "$TMP/removed_t2.csv"
expect_rc 0 "dedup --threads 2"
expect_same_file "$TMP/kept_t2.jsonl" "$TMP/kept_t1.jsonl" "threads 1 and 2: kept"
expect_same_file "$TMP/removed_t2.csv" "$TMP/removed_t1.csv" "threads 1 and 2: removed"
expect_same_file "$TMP/kept_t1.jsonl" "$TMP/want_first.jsonl" "threads 1: kept"

# Custom field names, and --jsonl for a file not named *.jsonl.
awk '{ gsub(/"id": /, "\"name\": "); gsub(/"text": /, "\"body\": "); print }' "$C" >"$TMP/corpus.data"
run dedup --jsonl --id-field name --text-field body "$TMP/corpus.data" --removed "$TMP/removed_fields.csv"
expect_rc 0 "dedup --id-field/--text-field"
check_removed "$TMP/removed_fields.csv" "e0,1,s0
n1,2,s2
$TMP/corpus.data:12,3,4" "dedup --id-field/--text-field"
expect_err_line "simcheck: warning: $TMP/corpus.data:5: skipped: \"body\" is not a string" "custom text field: reason"
expect_eq "$(awk 'END { print NR }' "$TMP/out")" 5 "custom fields: five kept lines"

# ---------------------------------------------------------------------------
# Standard input: the same kept output; ids and warnings say "-".
# (TMPDIR set to a folder of its own, to see that the copy of standard
# input is removed.)
mkdir -p "$TMP/spool"
cmd="simcheck dedup --jsonl - -o $TMP/kept_stdin.jsonl --removed $TMP/removed_stdin.csv < $C"
TMPDIR=$TMP/spool "$SIMCHECK" dedup --jsonl - -o "$TMP/kept_stdin.jsonl" --removed "$TMP/removed_stdin.csv" \
  <"$C" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "dedup --jsonl -"
expect_same_file "$TMP/kept_stdin.jsonl" "$TMP/want_first.jsonl" "dedup --jsonl -: kept lines"
check_removed "$TMP/removed_stdin.csv" "e0,1,s0
n1,2,s2
-:12,3,4" "dedup --jsonl -"
expect_err_prefix "$SUMMARY" "dedup --jsonl -: summary"
expect_err_line "simcheck: warning: -:5: skipped: \"text\" is not a string" "dedup --jsonl -: warning names '-'"
expect_err_line "simcheck: warning: -:9: skipped: not a JSON object" "dedup --jsonl -: warning names '-' (line 9)"
expect_eq "$(ls -A "$TMP/spool" | tr '\n' ' ')" "" "dedup --jsonl -: the copy of standard input is removed"

# ---------------------------------------------------------------------------
# cluster.
run cluster --format csv "$C"
expect_rc 0 "cluster --format csv"
expect_eq "$(cat "$TMP/out")" "id,cluster,size,representative
s0,1,2,s0
e0,1,2,s0
s2,2,2,s2
n1,2,2,s2
4,3,2,4
$C:12,3,2,4" "cluster --format csv"
expect_err_prefix "simcheck cluster: 8 documents read, 4 skipped; 3 clusters; 3 removed (1 exact copy), 5 kept; " \
  "cluster: summary"
# Long paths keep their ends within the width (before: printed whole).
long=$TMP/$(printf 'folder-%.0s' {1..12})
mkdir -p "$long"
cp "$SEEDS"/000_*.txt "$long"/
cp "$SEEDS"/000_*.txt "$long"/copy-of-000.txt
COLUMNS=80 run cluster "$long"
expect_rc 0 "cluster, long paths"
expect_eq "$(cat "$TMP/out")" "cluster 1: 2 documents, representative ...older-folder-/000_1ce837c5094b7fea.txt
  * ...folder-folder-folder-folder-/000_1ce837c5094b7fea.txt  (similarity 1.000)
    ...lder-folder-folder-folder-/copy-of-000.txt  (similarity 1.000, same text)" "cluster, long paths: 80 columns"
expect_err_prefix "simcheck cluster: 2 documents read, 0 skipped; 1 cluster; 1 removed (1 exact copy), 1 kept; 0 candidate pairs" \
  "cluster: one of each is singular"
run cluster --format csv --keep longest "$C"
expect_rc 0 "cluster --keep longest"
expect_eq "$(cat "$TMP/out")" "id,cluster,size,representative
s0,1,2,e0
e0,1,2,e0
s2,2,2,n1
n1,2,2,n1
4,3,2,$C:12
$C:12,3,2,$C:12" "cluster --format csv --keep longest"
run cluster --format csv --threads 1 "$C"
cp "$TMP/out" "$TMP/cluster_t1.csv"
run cluster --format csv --threads 2 "$C"
expect_same_file "$TMP/out" "$TMP/cluster_t1.csv" "cluster: threads 1 and 2"
run cluster --format csv --threshold 0.999 "$C"
expect_rc 0 "cluster --threshold 0.999"
expect_eq "$(cat "$TMP/out")" "id,cluster,size,representative
s0,1,2,s0
e0,1,2,s0" "cluster --threshold 0.999: only the exact copy"
run cluster "$C"
expect_rc 0 "cluster (table)"
if has_line "$TMP/out" "cluster 1: 2 documents, representative s0" &&
  has_line "$TMP/out" "cluster 3: 2 documents, representative 4"; then ok; else
  ko "cluster (table): cluster headings"
  show
fi
run cluster --format json "$C"
expect_rc 0 "cluster --format json"
balance=$(awk '{ o += gsub(/[{[]/, "&"); c += gsub(/[]}]/, "&") } END { print o - c }' "$TMP/out")
expect_eq "$balance" 0 "cluster --format json: brackets balance"
expect_eq "$(awk '{ n += gsub(/"cluster": /, "&") } END { print n }' "$TMP/out")" 3 "cluster --format json: three clusters"
printf '{"id": "a", "text": "one lonely document with some words"}\n{"id": "b", "text": "another one about other things"}\n' >"$TMP/two.jsonl"
run cluster --format csv "$TMP/two.jsonl"
expect_rc 0 "cluster without clusters"
expect_eq "$(cat "$TMP/out")" "id,cluster,size,representative" "cluster without clusters: header only"

# ---------------------------------------------------------------------------
# Directories of text files: kept documents as {"id": PATH, "text": TEXT}.
D=$TMP/tree
mkdir -p "$D/sub"
cp "$R/s0.txt" "$D/a.txt"
cp "$R/s1.txt" "$D/b.txt"
cp "$R/e0.txt" "$D/c.txt"
cp "$R/s2.txt" "$D/sub/d.txt"
cp "$R/s3.txt" "$D/.hidden.txt"
{
  printf '{"id": "%s", "text": "%s"}\n' "$D/a.txt" "$(json_text "$D/a.txt")"
  printf '{"id": "%s", "text": "%s"}\n' "$D/b.txt" "$(json_text "$D/b.txt")"
  printf '{"id": "%s", "text": "%s"}\n' "$D/sub/d.txt" "$(json_text "$D/sub/d.txt")"
} >"$TMP/want_dir.jsonl"
run dedup "$D" -o "$TMP/kept_dir.jsonl" --removed "$TMP/removed_dir.csv"
expect_rc 0 "dedup DIR"
expect_same_file "$TMP/kept_dir.jsonl" "$TMP/want_dir.jsonl" "dedup DIR: kept documents as JSON lines"
expect_eq "$(cat "$TMP/removed_dir.csv")" "id,cluster,representative,similarity
$D/c.txt,1,$D/a.txt,1.0000" "dedup DIR: removed"
expect_err_prefix "simcheck dedup: 4 documents read, 0 skipped; 1 cluster; 1 removed (1 exact copy), 3 kept; " \
  "dedup DIR: summary"
# A text file on standard input is named "-".
run_stdin "$D/c.txt" dedup - "$D/b.txt" "$D/a.txt"
expect_rc 0 "dedup - (text)"
{
  printf '{"id": "-", "text": "%s"}\n' "$(json_text "$D/c.txt")"
  printf '{"id": "%s", "text": "%s"}\n' "$D/b.txt" "$(json_text "$D/b.txt")"
} >"$TMP/want_stdin_text.jsonl"
expect_same_file "$TMP/out" "$TMP/want_stdin_text.jsonl" "dedup - (text on standard input): kept documents"
# JSONL and text inputs together, in the order given.
run dedup "$D/b.txt" "$C" -o "$TMP/kept_mixed.jsonl"
expect_rc 0 "dedup FILE JSONL"
{
  printf '{"id": "%s", "text": "%s"}\n' "$D/b.txt" "$(json_text "$D/b.txt")"
  lines "1 4 6 8"
} >"$TMP/want_mixed.jsonl"
expect_same_file "$TMP/kept_mixed.jsonl" "$TMP/want_mixed.jsonl" "dedup FILE JSONL: b.txt keeps, s1 goes as its copy"

# ---------------------------------------------------------------------------
# Outputs: an existing file is replaced by rename (new inode, no temporary
# left); /dev/null stays a device.
printf 'old content\n' >"$TMP/existing.jsonl"
printf 'old,csv\n' >"$TMP/existing.csv"
inode_before=$(ls -i "$TMP/existing.jsonl" | awk '{ print $1 }')
run dedup "$C" -o "$TMP/existing.jsonl" --removed "$TMP/existing.csv"
expect_rc 0 "dedup -o EXISTING"
expect_same_file "$TMP/existing.jsonl" "$TMP/want_first.jsonl" "dedup -o EXISTING: replaced"
expect_eq "$(head -n 1 "$TMP/existing.csv")" "id,cluster,representative,similarity" "dedup --removed EXISTING: replaced"
inode_after=$(ls -i "$TMP/existing.jsonl" | awk '{ print $1 }')
if [ "$inode_before" != "$inode_after" ]; then ok; else ko "dedup -o EXISTING: written in place (same inode), not renamed"; fi
leftovers=$(ls -a "$TMP" | awk '/\.tmp/' | tr '\n' ' ')
expect_eq "$leftovers" "" "dedup -o: no temporary file left"

run dedup "$C" -o /dev/null --removed /dev/null
expect_rc 0 "dedup -o /dev/null"
if [ -c /dev/null ]; then ok; else ko "dedup -o /dev/null: /dev/null is no longer a character device"; fi
expect_eq "$(ls -a /dev | awk '/^null\.tmp/' | tr '\n' ' ')" "" "dedup -o /dev/null: no temporary file in /dev"
expect_err_prefix "$SUMMARY" "dedup -o /dev/null: summary"

# An output that cannot be written: exit 2, the message names it.
run dedup "$C" -o "$TMP/no/such/dir/kept.jsonl"
expect_rc 2 "dedup -o into a missing folder"
expect_err_line "simcheck dedup: $TMP/no/such/dir/kept.jsonl: cannot write the kept documents: No such file or directory" "dedup -o into a missing folder"

# Invalid UTF-8 is reported by cluster and dedup as by matrix, once.
printf 'caf\xe9 au lait, with more words here to read \xff\n' >"$TMP/latin1.txt"
run cluster "$TMP/latin1.txt" "$SEEDS"
expect_rc 0 "cluster: invalid UTF-8"
expect_err_line "simcheck: warning: $TMP/latin1.txt: 2 invalid UTF-8 sequences replaced by U+FFFD" "cluster: invalid UTF-8"
run dedup "$TMP/latin1.txt" "$SEEDS" -o "$TMP/latin1-kept.jsonl"
expect_eq "$(grep -c 'invalid UTF-8' "$TMP/err")" 1 "dedup: invalid UTF-8 reported once (two passes over the inputs)"

# A repeated JSONL id: the second record is named by where it is, with a
# warning, so that the removed list and the reports stay unambiguous.
{ sed -n 1p "$C"; sed -n 1p "$C" | sed 's/"id": "s0"/"id": "s1"/'; sed -n 2p "$C"; } >"$TMP/repeat.jsonl"
run dedup "$TMP/repeat.jsonl" -o "$TMP/repeat-kept.jsonl" --removed "$TMP/repeat-removed.csv"
expect_rc 0 "dedup: repeated id"
expect_err_line "simcheck: warning: $TMP/repeat.jsonl:3: id \"s1\" is used before; named $TMP/repeat.jsonl:3" "dedup: repeated id"
expect_eq "$(awk -F, 'NR > 1 { print $1 "," $3 }' "$TMP/repeat-removed.csv")" "s1,s0" "dedup: repeated id: the copy s1 removed for s0"
run matrix --format csv "$TMP/repeat.jsonl"
expect_err_line "simcheck: warning: $TMP/repeat.jsonl:3: id \"s1\" is used before; named $TMP/repeat.jsonl:3" "matrix: repeated id"
expect_eq "$(awk -F, 'NR > 1 { print $1 " " $2 }' "$TMP/out" | sort | tr '\n' ';')" "s0 $TMP/repeat.jsonl:3;s0 s1;s1 $TMP/repeat.jsonl:3;" "matrix: repeated id: three names"

# 2,000 distinct ids (the set of ids seen grows past its first size) and
# one repeat at the end: one warning, for that one.
python3 -c '
import json
for i in range(2000): print(json.dumps({"id": "r%d" % i, "text": "record %d of the many, with words %d" % (i, i * 7)}))
print(json.dumps({"id": "r5", "text": "the repeat, a text of its own"}))' >"$TMP/many.jsonl"
run cluster "$TMP/many.jsonl"
expect_rc 0 "cluster: 2,001 records"
expect_eq "$(grep -c 'is used before' "$TMP/err")" 1 "cluster: 2,001 records: one repeated id"
expect_err_line "simcheck: warning: $TMP/many.jsonl:2001: id \"r5\" is used before; named $TMP/many.jsonl:2001" "cluster: 2,001 records: the repeat"

# A write that fails half-way (a file size limit of 20 KiB: room for the
# sketch store's spill file, not for the 27 KB of kept seeds): exit 2, the
# reason named, no temporary file left, and no list of removed documents
# beside kept ones that were never written.
mkdir "$TMP/limited"
# The signal the limit raises is ignored by simcheck itself, so the write
# fails and is reported (it ended the process before, leaving the file).
cmd="simcheck dedup SEEDS -o $TMP/limited/kept.jsonl --removed $TMP/limited/removed.csv (ulimit -f 20)"
(ulimit -f 20; "$SIMCHECK" dedup "$SEEDS" -o "$TMP/limited/kept.jsonl" --removed "$TMP/limited/removed.csv" -q) \
  >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "dedup -o past the file size limit"
expect_err_line "simcheck dedup: $TMP/limited/kept.jsonl: cannot write the kept documents: File too large" \
  "dedup -o past the file size limit"
expect_eq "$(ls -A "$TMP/limited" | tr '\n' ' ')" "" "dedup -o past the file size limit: nothing left in the folder"

# Interrupted while writing the kept documents: the temporary file goes
# with the run (SIGTERM as soon as it exists; 30,000 records to write).
python3 -c '
import json, random
random.seed(1)
w = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi".split()
for i in range(30000):
    print(json.dumps({"id": "r%d" % i, "text": " ".join(random.choice(w) for _ in range(40))}))' >"$TMP/big.jsonl"
mkdir "$TMP/interrupted"
cmd="simcheck dedup big.jsonl -o kept.jsonl, SIGTERM while writing"
"$SIMCHECK" dedup -q "$TMP/big.jsonl" -o "$TMP/interrupted/kept.jsonl" 2>"$TMP/err" &
pid=$!
while ! ls "$TMP/interrupted"/kept.jsonl.tmp.* >/dev/null 2>&1 && kill -0 "$pid" 2>/dev/null; do :; done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ]; then
  echo "note: dedup finished before the signal; the interruption check is skipped" >&2
  ok
else
  expect_rc 143 "dedup -o interrupted by SIGTERM"
  expect_eq "$(ls -A "$TMP/interrupted" | tr '\n' ' ')" "" "dedup -o interrupted: no temporary file left"
fi
rm -f "$TMP/big.jsonl"

# ---------------------------------------------------------------------------
usage_error "simcheck dedup: --threshold: '1.5' is not a number from 0 to 1" "--threshold 1.5" \
  dedup --threshold 1.5 "$C" -o "$TMP/never.jsonl"
expect_err_line "Try 'simcheck dedup --help'." "--threshold 1.5: hint"
if [ ! -e "$TMP/never.jsonl" ]; then ok; else ko "--threshold 1.5: the output file was created"; fi
usage_error "simcheck dedup: --threshold: '1' must be above 0 and below 1" "--threshold 1" dedup --threshold 1 "$C"
usage_error "simcheck dedup: --threshold: '0' must be above 0 and below 1" "--threshold 0" dedup --threshold 0 "$C"
# Below what the permutations serve: it was "parameter out of range", exit 2.
usage_error "simcheck cluster: --threshold: 0.02 is below 0.0232, the lowest 128 permutations find with probability 0.95 (more with --num-perm)" \
  "--threshold 0.02" cluster --threshold 0.02 "$C"
run cluster -q --format csv --threshold 0.02 --num-perm 256 "$C"
expect_rc 0 "--threshold 0.02 with 256 permutations"
usage_error "simcheck dedup: --threshold: 'abc' is not a number from 0 to 1" "--threshold abc" dedup --threshold abc "$C"
usage_error "simcheck dedup: --threshold needs a value" "--threshold without value" dedup "$C" --threshold
usage_error "simcheck dedup: --keep: 'x' is not one of first, longest" "--keep x" dedup --keep x "$C"
usage_error "simcheck cluster: --keep: 'x' is not one of first, longest" "cluster --keep x" cluster --keep x "$C"
usage_error "simcheck cluster: --threshold: '1.5' is not a number from 0 to 1" "cluster --threshold 1.5" \
  cluster --threshold 1.5 "$C"
usage_error "simcheck cluster: --format: 'xml' is not one of table, csv, json, html" "cluster --format xml" \
  cluster --format xml "$C"
usage_error "simcheck dedup: unknown option '--format'" "dedup --format" dedup --format csv "$C"
usage_error "simcheck cluster: unknown option '-o'" "cluster -o" cluster -o "$TMP/x" "$C"
# Verdict thresholds are matrix's and compare's: before, cluster and dedup
# took them, listed them in --help and ignored them.
usage_error "simcheck cluster: unknown option '--rewrite'" "cluster --rewrite" cluster --rewrite 0.5 "$C"
usage_error "simcheck dedup: unknown option '--near-duplicate'" "dedup --near-duplicate" dedup --near-duplicate 0.5 "$C"
run cluster --help
expect_eq "$(grep -c -- '--rewrite\|--near-duplicate\|--related' "$TMP/out")" 0 "cluster --help: no verdict thresholds"
# An empty JSONL file is warned about as matrix words it.
: >"$TMP/empty.jsonl"
run cluster "$TMP/empty.jsonl" "$C"
expect_rc 0 "cluster EMPTY.jsonl CORPUS"
expect_err_line "simcheck: warning: $TMP/empty.jsonl: no records to read in this file" "cluster EMPTY.jsonl: the warning"
usage_error "simcheck dedup: no PATH given" "dedup without PATH" dedup -o "$TMP/never.jsonl"
usage_error "simcheck cluster: no PATH given" "cluster without PATH" cluster --format csv

# No document could be read: exit 2.
run dedup "$TMP/missing.jsonl" -o "$TMP/never.jsonl"
expect_rc 2 "dedup: missing input"
expect_err_line "simcheck dedup: no document could be read" "dedup: missing input"
expect_err_line "simcheck: warning: $TMP/missing.jsonl: skipped: No such file or directory" "dedup: missing input warning"
expect_out_empty "dedup: missing input"
if [ ! -e "$TMP/never.jsonl" ]; then ok; else ko "dedup: missing input: the output file was created"; fi
printf 'garbage\n{"id": "x"}\n{"id": "y", "text": ""}\n' >"$TMP/bad.jsonl"
run dedup "$TMP/bad.jsonl"
expect_rc 2 "dedup: only bad lines"
expect_err_line "simcheck dedup: no document could be read" "dedup: only bad lines"
expect_err_line "simcheck: warning: $TMP/bad.jsonl:1: skipped: not a JSON object" "dedup: only bad lines (1)"
expect_err_line "simcheck: warning: $TMP/bad.jsonl:2: skipped: no \"text\" field" "dedup: only bad lines (2)"
run cluster "$TMP/missing.jsonl"
expect_rc 2 "cluster: missing input"
expect_err_line "simcheck cluster: no document could be read" "cluster: missing input"
run_stdin /dev/null dedup --jsonl -
expect_rc 2 "dedup: empty standard input"
expect_err_line "simcheck dedup: no document could be read" "dedup: empty standard input"

# Help.
run dedup --help
expect_rc 0 "dedup --help"
if has_line "$TMP/out" "Usage: simcheck dedup [OPTIONS] PATH...|FILE.jsonl"; then ok; else
  ko "dedup --help: usage line"
  show
fi
run cluster --help
expect_rc 0 "cluster --help"
if has_line "$TMP/out" "Usage: simcheck cluster [OPTIONS] PATH...|FILE.jsonl"; then ok; else
  ko "cluster --help: usage line"
  show
fi

# cluster --format html: one self-contained page, names escaped, no script.
run cluster "$C" --format html -q
expect_rc 0 "cluster --format html"
if has_line "$TMP/out" "<h1>Near-duplicate clusters</h1>"; then ok; else
  ko "cluster --format html: heading"
  show
fi
if awk 'index($0, "<script") || index($0, "http://") || index($0, "https://") {bad=1} END {exit bad}' "$TMP/out"; then ok; else
  ko "cluster --format html: no script and no network reference"
fi

# The cluster table at a terminal lists 50 clusters and counts the rest;
# redirected, all. 60 clusters: each text twice, the copy with one word
# added at the end.
P=$TMP/pairs.jsonl
for i in $(seq 1 60); do
  t="Record $i of the survey: the crew measured the depth of channel $i at dawn, noted the current, the wind, the colour of the water and the birds on the bank of channel $i before the tide turned."
  printf '{"id": "r%d", "text": "%s"}\n{"id": "r%dcopy", "text": "%s again"}\n' "$i" "$t" "$i" "$t"
done >"$P"
run cluster "$P" -q
expect_rc 0 "cluster table, redirected"
expect_eq "$(grep -c '^cluster [0-9]*: 2 documents' "$TMP/out")" "60" "cluster table, redirected: all 60 clusters"
if have_pty; then
  script -qc "$SIMCHECK cluster $P -q" /dev/null >"$TMP/out" 2>&1
  expect_eq "$(grep -ac '^cluster [0-9]*: 2 documents' "$TMP/out")" "50" "cluster table at a terminal: 50 clusters"
  if grep -aq '^\.\.\. and 10 more clusters' "$TMP/out"; then ok; else
    ko "cluster table at a terminal: the rest counted"
    show
  fi
else
  echo "note: no pseudo-terminal here: the terminal-only table checks are skipped" >&2
  ok
fi

# ---------------------------------------------------------------------------
# Inputs read twice (the first pass sketches, the second writes the kept
# ones). Pipes and FIFOs are copied once: before, the second pass found
# them empty and wrote the kept records with no text (a FIFO hung).
S1=$(ls "$SEEDS"/000_*.txt) S2=$(ls "$SEEDS"/001_*.txt)
cmd="simcheck dedup <(cat 000) <(cat 001) -o kept.jsonl"
"$SIMCHECK" dedup -q <(cat "$S1") <(cat "$S2") -o "$TMP/piped.jsonl" 2>"$TMP/err"
rc=$?
expect_rc 0 "dedup of two pipes"
expect_eq "$(python3 -c 'import json,sys; print(" ".join(str(len(json.loads(l)["text"].encode())) for l in open(sys.argv[1])))' "$TMP/piped.jsonl")" \
  "$(wc -c <"$S1") $(wc -c <"$S2")" "dedup of two pipes: each kept text whole"
mkfifo "$TMP/fifo"
(cat "$S1" >"$TMP/fifo" &)
cmd="simcheck dedup FIFO 001 -o kept.jsonl"
timeout 60 "$SIMCHECK" dedup -q "$TMP/fifo" "$S2" -o "$TMP/fifo.jsonl" 2>"$TMP/err"
rc=$?
expect_rc 0 "dedup of a FIFO"
expect_eq "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$TMP/fifo.jsonl")" \
  "$TMP/fifo $S2" "dedup of a FIFO: named as given"
expect_eq "$(python3 -c 'import json,sys; print(len(json.loads(open(sys.argv[1]).readline())["text"].encode()))' "$TMP/fifo.jsonl")" \
  "$(wc -c <"$S1")" "dedup of a FIFO: its text whole"
# A FIFO named *.jsonl is read as JSON Lines by its name, copy or not.
mkfifo "$TMP/records.jsonl"
(cat "$C" >"$TMP/records.jsonl" &)
cmd="simcheck dedup FIFO.jsonl -o kept.jsonl"
timeout 60 "$SIMCHECK" dedup -q "$TMP/records.jsonl" -o "$TMP/fifo_records.jsonl" 2>"$TMP/err"
rc=$?
expect_rc 0 "dedup of a FIFO named *.jsonl"
expect_same_file "$TMP/fifo_records.jsonl" "$TMP/want_first.jsonl" "dedup of a FIFO named *.jsonl: the kept records"
cmd="simcheck dedup --jsonl <(cat corpus.jsonl) -o kept.jsonl"
"$SIMCHECK" dedup -q --jsonl <(cat "$C") -o "$TMP/piped_records.jsonl" 2>"$TMP/err"
rc=$?
expect_rc 0 "dedup --jsonl of a pipe"
expect_same_file "$TMP/piped_records.jsonl" "$TMP/want_first.jsonl" "dedup --jsonl of a pipe: the kept records"
# Warnings about records read from a copy name the input as given.
printf '{"id":"a","text":"one two three four five six"}\n{"id":"a","text":"seven eight nine ten eleven"}\n' >"$TMP/repeat.jsonl"
run_stdin "$TMP/repeat.jsonl" dedup --jsonl - -o /dev/null
expect_rc 0 "dedup of records on standard input with a repeated id"
expect_err_line 'simcheck: warning: -:2: id "a" is used before; named -:2' "dedup -: the repeat named -:LINE"
# Standard input's copy is unlinked at once: none is left, even when killed.
mkdir "$TMP/tmpdir"
(cat "$C"; sleep 3) | TMPDIR=$TMP/tmpdir "$SIMCHECK" dedup -q --jsonl - -o "$TMP/killed.jsonl" 2>/dev/null &
pid=$! # the pipeline's last command: simcheck
sleep 1
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
expect_eq "$(ls -A "$TMP/tmpdir" | tr '\n' ' ')" "" "dedup -: no copy of standard input left behind"

# The output inside a folder that is read: before, the second pass read
# the output's temporary file as a document and every later kept document
# shifted onto the next one's text.
mkdir "$TMP/outside"
cp "$SEEDS"/002_*.txt "$TMP/outside/a.txt"
cp "$SEEDS"/002_*.txt "$TMP/outside/c.txt"
cp "$SEEDS"/004_*.txt "$TMP/outside/d.txt"
run dedup -q "$TMP/outside" -o "$TMP/outside/b.jsonl"
expect_rc 0 "dedup DIR -o DIR/kept.jsonl"
expect_eq "$(python3 -c 'import json,sys,os; print(" ".join(os.path.basename(json.loads(l)["id"]) for l in open(sys.argv[1])))' "$TMP/outside/b.jsonl")" \
  "a.txt d.txt" "dedup DIR -o DIR/kept.jsonl: the kept documents, not the output"
# One file for both outputs would lose the kept documents.
usage_error "simcheck dedup: --removed: '$TMP/both' is where the kept documents go too (-o)" "dedup -o F --removed F" \
  dedup "$C" -o "$TMP/both" --removed "$TMP/both"
usage_error "simcheck dedup: --removed: '-' is where the kept documents go too (-o, standard output by default)" \
  "dedup --removed - without -o" dedup "$C" --removed -
# One file by two names, and standard output by a second name: before, the
# names were compared as strings, and the removed list replaced the kept
# documents (exit 0).
usage_error "simcheck dedup: --removed: '$TMP/same.x' is where the kept documents go too (-o)" "dedup -o D/./F --removed D/F" \
  dedup "$C" -o "$TMP/./same.x" --removed "$TMP/same.x"
if [ ! -e "$TMP/same.x" ]; then ok; else ko "dedup -o D/./F --removed D/F: a file was written"; fi
cmd="simcheck dedup CORPUS -o /dev/stdout --removed - | cat"
"$SIMCHECK" dedup "$C" -o /dev/stdout --removed - 2>"$TMP/err" | cat >"$TMP/out"
rc=${PIPESTATUS[0]}
expect_rc 1 "dedup -o /dev/stdout --removed - into a pipe"
expect_err_line "simcheck dedup: --removed: '-' is where the kept documents go too (-o)" "dedup -o /dev/stdout --removed -"
expect_out_empty "dedup -o /dev/stdout --removed -"
# An output that is an input: before, --removed replaced the corpus with
# the CSV (exit 0). The input is left as it was.
cp "$C" "$TMP/victim.jsonl"
run dedup "$TMP/victim.jsonl" -o "$TMP/victim-kept.jsonl" --removed "$TMP/victim.jsonl"
expect_rc 1 "dedup --removed INPUT"
expect_err_line "simcheck dedup: --removed: '$TMP/victim.jsonl' is one of the inputs; dedup does not overwrite what it reads" \
  "dedup --removed INPUT"
expect_same_file "$TMP/victim.jsonl" "$C" "dedup --removed INPUT: the input is intact"
if [ ! -e "$TMP/victim-kept.jsonl" ]; then ok; else ko "dedup --removed INPUT: the kept documents were written"; fi
run dedup "$TMP/victim.jsonl" -o "$TMP/victim.jsonl"
expect_rc 1 "dedup -o INPUT"
expect_err_line "simcheck dedup: -o: '$TMP/victim.jsonl' is one of the inputs; dedup does not overwrite what it reads" \
  "dedup -o INPUT"
expect_same_file "$TMP/victim.jsonl" "$C" "dedup -o INPUT: the input is intact"
# A file inside a folder that is read is an input too.
run dedup "$TMP/outside" --removed "$TMP/outside/d.txt" -o /dev/null
expect_rc 1 "dedup DIR --removed DIR/FILE"
expect_err_line "simcheck dedup: --removed: '$TMP/outside/d.txt' is one of the inputs; dedup does not overwrite what it reads" \
  "dedup DIR --removed DIR/FILE"
# One output that cannot be written: neither lands. Before, the kept
# documents were renamed into place, the message gave no reason and the
# summary still counted the documents kept.
mkdir "$TMP/both-or-none"
run dedup "$C" -o "$TMP/both-or-none/kept.jsonl" --removed "$TMP/no/such/dir/removed.csv"
expect_rc 2 "dedup --removed into a missing folder"
expect_err_line "simcheck dedup: $TMP/no/such/dir/removed.csv: cannot write the removed list: No such file or directory" \
  "dedup --removed into a missing folder"
expect_eq "$(grep -c ' kept; ' "$TMP/err")" 0 "dedup --removed into a missing folder: no summary of what was not written"
expect_eq "$(ls -A "$TMP/both-or-none" | tr '\n' ' ')" "" "dedup --removed into a missing folder: no kept documents either"
# A replaced file keeps its permissions: before, a 0600 file became 0644.
printf 'old\n' >"$TMP/private.jsonl"
chmod 600 "$TMP/private.jsonl"
run dedup -q "$C" -o "$TMP/private.jsonl"
expect_rc 0 "dedup -o PRIVATE"
expect_eq "$(stat -c %a "$TMP/private.jsonl")" "600" "dedup -o PRIVATE: still 0600"
expect_same_file "$TMP/private.jsonl" "$TMP/want_first.jsonl" "dedup -o PRIVATE: replaced"
# A byte order mark before the first record: before, that record was
# skipped as "not a JSON object". The kept line is written without it.
{ printf '\357\273\277'; cat "$C"; } >"$TMP/bom.jsonl"
run dedup -q "$TMP/bom.jsonl"
expect_rc 0 "dedup FILE-WITH-BOM.jsonl"
expect_same_file "$TMP/out" "$TMP/want_first.jsonl" "dedup FILE-WITH-BOM.jsonl: the same kept lines, the mark dropped"
# A closed standard output: before, the shingle store took descriptor 1 and
# the report went into it, exit 0.
cmd="simcheck cluster CORPUS >&-"
"$SIMCHECK" cluster -q "$C" >&- 2>"$TMP/err"
rc=$?
expect_rc 2 "cluster with standard output closed"
expect_err_line "simcheck cluster: cannot write the clusters to standard output" "cluster with standard output closed"
cmd="simcheck dedup CORPUS >&-"
"$SIMCHECK" dedup -q "$C" >&- 2>"$TMP/err"
rc=$?
expect_rc 2 "dedup with standard output closed"

# ---------------------------------------------------------------------------
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
