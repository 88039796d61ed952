#!/usr/bin/env bash
# cli_test.sh SIMCHECK SEEDS_DIR: the simcheck command line, end to end.
# Checks exact messages and exit codes (0 ok, 1 usage, 2 no input) on the
# sample corpus and on bad inputs made in a temporary folder. Needs only
# bash, coreutils and awk. Prints "N passed, M failed"; exits non-zero on
# any failure.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 SIMCHECK SEEDS_DIR" >&2
  exit 2
fi
SIMCHECK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: some runs change folder
SEEDS=$2
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/simcheck-cli.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
# shellcheck source=cli_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

csv_rows() { awk 'NR > 1' "$TMP/out" | wc -l | tr -d ' '; }

# The CSV contract (DESIGN.md): a,b,score,verdict, then one column per metric
# in sc_metric order, then the rewrite's note. `chars` joined in commit
# ee2c887, `note` in the seventeenth session; a new column is a deliberate
# change of this line.
HEADER='a,b,score,verdict,jaccard,containment_ab,containment_ba,minhash,simhash,cosine,chars,words,facts,rewrite,note'

# ---------------------------------------------------------------------------
# The sample corpus: `simcheck matrix seeds/ --format csv`.
seeds_parent=$(cd "$(dirname "$SEEDS")" && pwd)
seeds_name=$(basename "$SEEDS")
cmd="simcheck matrix $seeds_name/ --format csv (in $seeds_parent)"
(cd "$seeds_parent" && "$SIMCHECK" matrix "$seeds_name/" --format csv) >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "seeds: matrix"
expect_eq "$(head -n 1 "$TMP/out")" "$HEADER" "seeds: CSV header"
expect_eq "$(csv_rows)" 10 "seeds: 10 pairs of 5 documents"
extra=$(awk -F, 'NR > 1 { print $1; print $2 }' "$TMP/out" | grep -v '/[0-9][0-9][0-9]_[0-9a-f]*\.txt$' | sort -u | tr '\n' ' ')
expect_eq "$extra" "" "seeds: every document is one of the sample articles"
# Highest score (first maximum) is 000 with 001, verdict rewrite.
top=$(awk -F, 'NR > 1 && (best == "" || $3 + 0 > max) { max = $3 + 0; best = $0 } END { print best }' "$TMP/out")
top_pair=$(echo "$top" | awk -F, '{ a = $1; b = $2; sub(/.*\//, "", a); sub(/.*\//, "", b);
  a = substr(a, 1, 3); b = substr(b, 1, 3); if (a > b) { t = a; a = b; b = t } print a "/" b }')
top_verdict=$(echo "$top" | awk -F, '{ print $4 }')
expect_eq "$top_pair" "000/001" "seeds: highest-scoring pair"
expect_eq "$top_verdict" "rewrite" "seeds: verdict of the highest-scoring pair (000/001)"
v24=$(awk -F, 'NR > 1 { a = $1; b = $2; sub(/.*\//, "", a); sub(/.*\//, "", b);
  a = substr(a, 1, 3); b = substr(b, 1, 3);
  if ((a == "002" && b == "004") || (a == "004" && b == "002")) print $4 }' "$TMP/out")
case "$v24" in
  overlap | contains) ok ;;
  *) ko "seeds: 002/004 verdict is '$v24', want overlap or contains" ;;
esac
bad_verdicts=$(awk -F, 'NR > 1 && ($4 == "unrelated" || $4 == "duplicate" || $4 == "near-duplicate") {
  a = $1; b = $2; sub(/.*\//, "", a); sub(/.*\//, "", b); printf "%s/%s=%s ", a, b, $4 }' "$TMP/out")
expect_eq "$bad_verdicts" "" "seeds: rows with verdict unrelated, duplicate or near-duplicate"
expect_err_empty "seeds: no warnings"

# The same on the five articles named one by one (independent of what
# else the folder holds).
articles=()
for f in "$SEEDS"/[0-9][0-9][0-9]_*.txt; do articles+=("$f"); done
expect_eq "${#articles[@]}" 5 "seeds: five sample articles"
run matrix --format csv "${articles[@]}"
expect_rc 0 "articles: matrix"
expect_eq "$(csv_rows)" 10 "articles: 10 pairs"
# Scores within [0,1]; figures have 6 decimals, as in the JSON (at four,
# scores that differ in the fifth place print as ties, and whoever ranks by
# the CSV loses that order); a < b in input order. The last column is the note.
bad_rows=$(awk -F, 'NR > 1 { for (i = 3; i < NF; i++) if (i != 4 && ($i !~ /^[01]\.[0-9][0-9][0-9][0-9][0-9][0-9]$/ || $i + 0 > 1)) { print NR; break } }' "$TMP/out")
expect_eq "$bad_rows" "" "articles: every figure is a number in [0,1] with 6 decimals"
sorted=$(awk -F, 'NR > 2 && $3 + 0 > prev + 0 { print NR } { if (NR > 1) prev = $3 }' "$TMP/out")
expect_eq "$sorted" "" "articles: rows sorted by descending score"
run matrix --format csv --min-score 1 "${articles[@]}"
expect_rc 0 "articles: --min-score 1"
expect_eq "$(cat "$TMP/out")" "$HEADER" "articles: --min-score 1 leaves the header only"
run matrix --format csv --top=1 "${articles[@]}"
expect_rc 0 "articles: --top=1"
rows=$(csv_rows)
if [ "$rows" -ge 3 ] && [ "$rows" -le 5 ]; then ok; else ko "articles: --top 1 gives $rows rows, want 3..5"; fi
run matrix "${articles[@]}"
expect_rc 0 "articles: table"
expect_out_has "5 documents, 10 pairs listed" "articles: table heading"
expect_out_has "verdicts: 1 rewrite, 3 overlap, 6 related" "articles: verdict tally (hand-checked: 000/001 rewrite, 002-004 overlap)"

expect_out_line "score         000    001    002    003    004" "articles: the grid's header"
# No grid: a line says why (before, the grid vanished without a word, and
# --metric with it). The five seeds' grid needs 45 columns.
COLUMNS=44 run matrix "${articles[@]}"
expect_out_line "(no grid of score: it needs 45 columns, the output has 44)" "COLUMNS=44: the grid does not fit"
COLUMNS=45 run matrix --metric jaccard "${articles[@]}"
expect_out_line "jaccard       000    001    002    003    004" "COLUMNS=45: the grid fits"
# The pair list fits the width: label columns as wide as the labels, and
# the figures that fit (before: 86 columns whatever the terminal).
COLUMNS=80 run matrix "${articles[@]}"
expect_eq "$(awk 'length($0) > 80' "$TMP/out")" "" "COLUMNS=80: no line wider"
expect_out_line "  a   b   score  verdict jaccard  cosine rewrite cont_ab cont_ba" "COLUMNS=80: the pair list's header"
expect_out_line "  000 001 0.462  rewrite   0.009   0.531   0.462   0.014   0.021" "COLUMNS=80: the best pair (hand-checked figures above)"
COLUMNS=60 run matrix "${articles[@]}"
expect_eq "$(awk 'length($0) > 60' "$TMP/out")" "" "COLUMNS=60: no line wider"
expect_out_line "  (4 of 5 figures fit 60 columns; all: --format csv)" "COLUMNS=60: the figures left out are counted"
# A long path keeps its end, the file's name, within the width (before: it
# was printed whole, and a checkout in a longer folder passed the width).
long=$TMP/$(printf 'folder-%.0s' {1..12})
mkdir -p "$long"
cp "${articles[0]}" "${articles[1]}" "$long"/
cp "${articles[0]}" "$long"/copy-of-000.txt
COLUMNS=80 run matrix -q "$long"
expect_eq "$(awk 'length($0) > 80' "$TMP/out")" "" "long paths at COLUMNS=80: no line wider"
expect_out_line "  000         491 words   24 sentences  ...lder-folder-/000_1ce837c5094b7fea.txt" \
  "long paths: the end of the path, cut to 80 columns"
expect_out_line "  copy-of-    491 words   24 sentences  ...folder-folder-folder-/copy-of-000.txt" \
  "long paths: a shorter name keeps more of its folder"
expect_out_line "  (long names shown by their ends; whole: --format csv)" "long paths: the cut is said"
COLUMNS=80 run compare "$long"/000_*.txt "$long"/001_*.txt
expect_out_line "a  ...-folder-folder-folder-/000_1ce837c5094b7fea.txt  (491 words, 24 sentences)" \
  "compare, long paths: a's line fits 80 columns"
expect_out_line "b  ...-folder-folder-folder-/001_cc0f0e039f5820f7.txt  (333 words, 19 sentences)" \
  "compare, long paths: b's line fits 80 columns"
# Wide characters take two columns: a path of them is cut by columns, not
# by characters or bytes (79 here: one more would make 81).
wide=$TMP/$(printf '漢字%.0s' {1..30})
mkdir -p "$wide"
cp "${articles[0]}" "${articles[1]}" "$wide"/
COLUMNS=80 run matrix -q "$wide"
expect_out_line "  000    491 words   24 sentences  ...漢字漢字漢字漢字/000_1ce837c5094b7fea.txt" \
  "wide characters: the path cut to 79 columns"
COLUMNS=1000 run matrix -q "$SEEDS"
expect_eq "$(grep -c "long names shown" "$TMP/out")" 0 "paths that fit: no word of a cut"
thirteen=$TMP/thirteen
mkdir -p "$thirteen"
for i in $(seq -w 1 13); do echo "Note $i about the harbour, the tide and boat number $i." >"$thirteen/n$i.txt"; done
run matrix -q "$thirteen"
expect_out_line "(no grid of score: 13 documents, more than the 12 it shows)" "13 documents: no grid, and why"

# At a terminal the table lists 50 documents and 50 pairs and counts the
# rest; redirected, every row. 60 short texts: 1770 pairs.
many=$TMP/many
mkdir -p "$many"
for i in $(seq -w 1 60); do echo "Note $i about the harbour, the tide and boat number $i." >"$many/n$i.txt"; done
if have_pty; then
  script -qc "$SIMCHECK matrix $many" /dev/null >"$TMP/out" 2>&1
  expect_out_has "60 documents, 1770 pairs listed" "terminal table: heading counts every pair"
  expect_out_has "  ... and 10 more documents" "terminal table: documents beyond 50 counted"
  expect_out_has "  ... and 1720 more pairs scoring" "terminal table: pairs beyond 50 counted"
else
  echo "note: no pseudo-terminal here: the terminal-only table checks are skipped" >&2
  ok
fi
# A long run at a terminal is never silent: the analysis counts its
# chunks (2048 documents each), then every stage names itself; the CSV is
# the one a redirected run writes (ids do not depend on the chunks).
if have_pty; then
  for i in $(seq 1 2100); do echo "{\"id\": \"r$i\", \"text\": \"Record $i: boat $((i % 97)) left the harbour at tide $((i % 13)).\"}"; done >"$TMP/long.jsonl"
  script -qc "$SIMCHECK matrix --top 2 --format csv $TMP/long.jsonl >$TMP/long.tty.csv" /dev/null >"$TMP/out" 2>&1
  expect_out_has "analysing documents 0% (0 of 2100)" "terminal progress: analysis starts at 0"
  expect_out_has "analysing documents 97% (2048 of 2100)" "terminal progress: analysis counts its chunks"
  expect_out_has "weighing the terms of 2100 documents..." "terminal progress: build stage"
  expect_out_has "finding candidate pairs among 2100 documents..." "terminal progress: candidate stage"
  expect_out_has "scoring pairs 100%" "terminal progress: scoring ends at 100%"
  run matrix --top 2 --format csv "$TMP/long.jsonl"
  expect_eq "$(cat "$TMP/out")" "$(cat "$TMP/long.tty.csv")" "terminal progress: same CSV as a redirected run"
  expect_eq "$(wc -c <"$TMP/err" | tr -d ' ')" 0 "terminal progress: none when stderr is redirected"
  script -qc "$SIMCHECK matrix --top 2 --format csv $TMP/long.jsonl >$TMP/long.tty.csv" /dev/null >"$TMP/tty"
  expect_eq "$(tail -c 4 "$TMP/tty" | od -An -c | tr -d ' ')" '\r033[K' "terminal progress: the line is cleared at the end"
  script -qc "$SIMCHECK matrix -q --top 2 --format csv $TMP/long.jsonl >$TMP/long.tty.csv" /dev/null >"$TMP/tty"
  expect_eq "$(wc -c <"$TMP/tty" | tr -d ' ')" 0 "terminal progress: none with -q"
  # dedup reads in batches and counts them, then names its cluster stage.
  script -qc "$SIMCHECK dedup -o $TMP/long.kept.jsonl $TMP/long.jsonl" /dev/null >"$TMP/tty"
  tr '\r' '\n' <"$TMP/tty" | sed 's/^\x1b\[K//' >"$TMP/out"
  expect_out_line "simcheck dedup: 2100 documents read (0 MB)" "terminal progress: dedup counts what it read"
  expect_out_line "simcheck dedup: 2100 documents read, finding clusters..." "terminal progress: dedup's cluster stage"
else
  ok
fi
run matrix "$many"
expect_rc 0 "redirected table"
lines=$(grep -c '^  n[0-9][0-9] *n[0-9][0-9] ' "$TMP/out")
expect_eq "$lines" "1770" "redirected table: every pair listed"

# The five articles as JSON Lines records (DESIGN: a and b are the JSONL
# ids): the same ten pairs with the same figures, ids for names; a
# malformed line is reported with its number and skipped.
JL=$TMP/articles.jsonl
python3 - "$JL" "${articles[@]}" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for i, path in enumerate(sys.argv[2:], 1):
        out.write(json.dumps({"id": "art%d" % i, "text": open(path, encoding="utf-8").read()}) + "\n")
        if i == 2:
            out.write('{"id": "broken", "text": \n')
PY
run matrix --format csv "${articles[@]}"
by_file=$(awk -F, 'NR > 1 { print $3, $4 }' "$TMP/out" | sort | tr '\n' ' ')
run matrix --format csv "$JL"
expect_rc 0 "jsonl: matrix"
expect_eq "$(csv_rows)" 10 "jsonl: 10 pairs of 5 records"
names=$(awk -F, 'NR > 1 { print $1; print $2 }' "$TMP/out" | sort -u | tr '\n' ' ')
expect_eq "$names" "art1 art2 art3 art4 art5 " "jsonl: documents named by their ids"
by_record=$(awk -F, 'NR > 1 { print $3, $4 }' "$TMP/out" | sort | tr '\n' ' ')
expect_eq "$by_record" "$by_file" "jsonl: the same scores and verdicts as the files"
expect_err_has "$JL:3: skipped" "jsonl: the malformed line is reported with its number"
# A folder holding a JSONL shard: its records are documents, as when it is
# named itself; with --jsonl every file of a folder is read as JSON Lines.
mkdir "$TMP/shards" && cp "$JL" "$TMP/shards/" && printf 'Zebra stripes run fast today.\n' > "$TMP/shards/z.txt"
run matrix --format csv "$TMP/shards"
expect_rc 0 "jsonl in a folder: matrix"
expect_eq "$(awk -F, 'NR > 1 { print $1; print $2 }' "$TMP/out" | sed 's|.*/||' | sort -u | tr '\n' ' ')" \
  "art1 art2 art3 art4 art5 z.txt " "jsonl in a folder: the records and the text file"
run matrix --format csv --jsonl "$TMP/shards"
expect_rc 0 "--jsonl DIR: matrix"
expect_eq "$(csv_rows)" 10 "--jsonl DIR: the records' 10 pairs"
expect_err_line "simcheck: warning: $TMP/shards/z.txt:1: skipped: not a JSON object" "--jsonl DIR: the text file is no JSON"

# HTML: a page and the same text written plainly are one text (markup,
# script, style and comment dropped, references decoded) unless --html no.
H=$TMP/html
mkdir -p "$H"
cat >"$H/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Harbour report</title><style>p { color: red; }</style>
<script>var x = "<p>not text</p>";</script></head>
<body><h1>Tide tables &amp; channel depths</h1>
<p>The crew measured the depth of the north chan<b>nel</b> at dawn&nbsp;and noted the current.</p>
<!-- a comment <p>hidden</p> -->
<ul><li>Wind: west, 12 knots</li><li>Caf&eacute; on the pier &#8212; closed</li></ul>
<p>They returned when the tide turned, before noon.</p></body></html>
HTML
printf 'Harbour report\n\nTide tables & channel depths\n\nThe crew measured the depth of the north channel at dawn and noted the current.\n\nWind: west, 12 knots\nCaf\xc3\xa9 on the pier \xe2\x80\x94 closed\n\nThey returned when the tide turned, before noon.\n' >"$H/plain.txt"
run matrix --format csv "$H/page.html" "$H/plain.txt"
expect_rc 0 "html: matrix"
expect_eq "$(awk -F, 'NR == 2 { print $3, $4, $5 }' "$TMP/out")" "1.000000 duplicate 1.000000" "html: the page's visible text is the plain text, line breaks aside"
run matrix --format csv --html no "$H/page.html" "$H/plain.txt"
expect_eq "$(awk -F, 'NR == 2 { print ($5 < 0.5) }' "$TMP/out")" "1" "html: --html no reads the markup as text"
run compare "$H/page.html" "$H/plain.txt"
expect_out_has "a 151+32  Tide tables & channel depths" "html: compare shows the visible text at the markup's offsets"
if grep -q '<h1>\|&amp;\|<b>' "$TMP/out"; then ko "html: compare shows markup"; show; else ok; fi
run compare --format html "$H/page.html" "$H/plain.txt"
expect_out_has '"text": "Harbour report\n\nTide tables \u0026 channel depths\n\nThe crew' "html: the compare page shows the page's visible text"
if grep -q 'u003ch1\|<h1>Tide' "$TMP/out"; then ko "html: the compare page embeds markup"; else ok; fi
run matrix --html maybe "$H/page.html" "$H/plain.txt"
expect_rc 1 "html: bad --html value"
expect_err_has "simcheck matrix: --html: 'maybe' is not auto, yes or no" "html: bad --html value message"

# ---------------------------------------------------------------------------
# Bad inputs next to two good files.
IN=$TMP/in
mkdir -p "$IN"
cp "${articles[0]}" "$IN/good1.txt"
cp "${articles[2]}" "$IN/good2.txt"
G1=$IN/good1.txt
G2=$IN/good2.txt
: >"$IN/empty.txt"
printf 'abc\0def and more words after the NUL byte\n' >"$IN/binary.dat"
printf 'Caf\351 ol\351 and several more words to read here.\n' >"$IN/latin1.txt"
printf 'One bad byte \377 in this otherwise fine sentence of words.\n' >"$IN/onebad.txt"
ln -s "$IN/nowhere.txt" "$IN/dangling.txt"
printf '... --- !!! ???\n' >"$IN/nowords.txt"
mkdir -p "$IN/emptydir" "$IN/quietdir"
: >"$IN/quietdir/empty.txt"
printf 'hidden words here\n' >"$IN/quietdir/.hidden.txt"

# bad_input PATH WARNING WHAT ROWS: the good files are still compared.
bad_input() {
  run matrix --format csv "$G1" "$G2" "$1"
  expect_rc 0 "$3"
  if [ -n "$2" ]; then expect_err_line "$2" "$3"; fi
  expect_eq "$(csv_rows)" "$4" "$3: rows"
  if grep -Fq -- "$G1,$G2," "$TMP/out"; then ok; else
    ko "$3: no row for the two good files"
    show
  fi
}
bad_input "$IN/missing.txt" "simcheck: warning: $IN/missing.txt: skipped: No such file or directory" "missing path" 1
bad_input "$IN/empty.txt" "simcheck: warning: $IN/empty.txt: skipped: empty file" "empty file" 1
bad_input "$IN/binary.dat" "simcheck: warning: $IN/binary.dat: skipped: binary file (NUL byte at offset 3)" "binary file" 1
bad_input "$IN/latin1.txt" "simcheck: warning: $IN/latin1.txt: 2 invalid UTF-8 sequences replaced by U+FFFD" "invalid UTF-8 (2)" 3
bad_input "$IN/onebad.txt" "simcheck: warning: $IN/onebad.txt: 1 invalid UTF-8 sequence replaced by U+FFFD" "invalid UTF-8 (1)" 3
bad_input "$IN/dangling.txt" "simcheck: warning: $IN/dangling.txt: skipped: dangling symbolic link" "dangling symlink" 1
bad_input "$IN/nowords.txt" "simcheck: warning: $IN/nowords.txt: skipped: no words in the text" "text without words" 1
bad_input "$IN/quietdir" "simcheck: warning: $IN/quietdir/empty.txt: skipped: empty file" "directory of an empty file" 1
if grep -Fq -- ".hidden" "$TMP/err" "$TMP/out"; then ko "directory of an empty file: the hidden file was read"; else ok; fi
bad_input "$IN/emptydir" "simcheck: warning: $IN/emptydir: no files to read in this directory" "directory with no files" 1

# All of them at once: every warning, still exit 0.
run matrix --format csv "$G1" "$IN/missing.txt" "$IN/empty.txt" "$IN/binary.dat" "$IN/dangling.txt" "$G2"
expect_rc 0 "all bad inputs together"
expect_eq "$(grep -c '^simcheck: warning: ' "$TMP/err")" 4 "all bad inputs together: four warnings"
expect_eq "$(csv_rows)" 1 "all bad inputs together: rows"

# -q silences warnings.
run matrix -q --format csv "$G1" "$G2" "$IN/missing.txt" "$IN/binary.dat"
expect_rc 0 "--quiet"
expect_err_empty "--quiet: no warnings"

# Nothing readable: exit 2.
run matrix "$IN/missing.txt" "$IN/empty.txt" "$IN/binary.dat"
expect_rc 2 "nothing readable"
expect_err_line "simcheck matrix: no document could be read" "nothing readable"
expect_err_line "simcheck: warning: $IN/missing.txt: skipped: No such file or directory" "nothing readable"
expect_out_empty "nothing readable"
run matrix "$IN/emptydir"
expect_rc 2 "empty directory alone"
expect_err_line "simcheck matrix: no document could be read" "empty directory alone"
expect_err_line "simcheck: warning: $IN/emptydir: no files to read in this directory" "empty directory alone"

# One document: no pairs, a note, exit 0.
run matrix --format csv "$G1"
expect_rc 0 "one document"
expect_err_line "simcheck matrix: only one document: no pairs to compare" "one document"
expect_eq "$(cat "$TMP/out")" "$HEADER" "one document: header only"

# Two documents: one pair, and sizes in the singular where they are one.
mkdir -p "$TMP/two"
printf "Walking daily protects the heart.\n" > "$TMP/two/a.txt"
printf "Daily walks protect your heart. So say doctors.\n" > "$TMP/two/b.txt"
run matrix "$TMP/two"
expect_rc 0 "two documents"
expect_out_line "2 documents, 1 pair listed" "two documents: one pair in the singular"
expect_out_line "  a      5 words    1 sentence   $TMP/two/a.txt" "two documents: one sentence in the singular"
expect_out_line "  b      8 words    2 sentences  $TMP/two/b.txt" "two documents: columns line up"

# ---------------------------------------------------------------------------
usage_error "simcheck matrix: no PATH given" "no PATH" matrix
expect_err_line "Try 'simcheck matrix --help'." "no PATH: hint"
usage_error "simcheck matrix: no PATH given" "options but no PATH" matrix --format csv
usage_error "simcheck matrix: unknown option '--bogus'" "unknown option" matrix --bogus "$G1"
usage_error "simcheck matrix: --format: 'xml' is not one of table, csv, json, html" "--format xml" matrix --format xml "$G1"
usage_error "simcheck matrix: --format needs a value" "--format without value" matrix "$G1" --format
usage_error "simcheck matrix: --top: 'abc' is not a whole number from 1 to 1000000" "--top abc" matrix --top abc "$G1"
usage_error "simcheck matrix: --top: '0' is not a whole number from 1 to 1000000" "--top=0" matrix --top=0 "$G1"
usage_error "simcheck matrix: --top: '3x' is not a whole number from 1 to 1000000" "--top 3x" matrix --top 3x "$G1"
usage_error "simcheck matrix: --top: ' 5' is not a whole number from 1 to 1000000" "--top ' 5'" matrix --top " 5" "$G1"
usage_error "simcheck matrix: --top: '+5' is not a whole number from 1 to 1000000" "--top +5" matrix --top +5 "$G1"
usage_error "simcheck matrix: --rewrite: ' 0.5' is not a number from 0 to 1" "--rewrite ' 0.5'" matrix --rewrite " 0.5" "$G1"
usage_error "simcheck matrix: --jsonl takes no value" "--jsonl=1" matrix --jsonl=1 "$G1"
usage_error "simcheck matrix: --help takes no value" "--help=3" matrix --help=3
usage_error "simcheck cluster: --version takes no value" "--version=3" cluster --version=3
run matrix --rewrite 1e-400 --format csv "$G1" "$G2"
expect_rc 0 "--rewrite 1e-400: a number near 0 (underflow), not an error"
usage_error "simcheck matrix: --min-score: '2' is not a number from 0 to 1" "--min-score 2" matrix --min-score 2 "$G1"
usage_error "simcheck matrix: --metric: 'speed' is not a metric (see --help)" "--metric speed" matrix --metric speed "$G1"
usage_error "simcheck matrix: --shingle: '17' is not a whole number from 1 to 16" "--shingle 17" matrix --shingle 17 "$G1"
usage_error "simcheck matrix: --num-perm: '7' is not a whole number from 8 to 4096" "--num-perm 7" matrix --num-perm 7 "$G1"
usage_error "simcheck: unknown command 'frobnicate'" "unknown command" frobnicate "$G1"
run
expect_rc 1 "no command"
expect_err_has "Usage: simcheck COMMAND" "no command: usage on stderr"
expect_out_empty "no command"

# Key files: a bad one is an input error (exit 2); a good one is used.
printf 'not a key\n' >"$TMP/bad.key"
run matrix --key-file "$TMP/bad.key" "$G1" "$G2"
expect_rc 2 "bad key file"
expect_err_line "simcheck: $TMP/bad.key: a key file holds exactly 32 raw bytes or 64 hex digits" "bad key file"
run matrix --key-file "$TMP/none.key" "$G1" "$G2"
expect_rc 2 "missing key file"
expect_err_line "simcheck: $TMP/none.key: cannot read key file: No such file or directory" "missing key file"
printf '%s\n' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f >"$TMP/good.key"
run matrix --format json --key-file "$TMP/good.key" "$G1" "$G2"
expect_rc 0 "good key file"
expect_out_has '"key": "custom"' "good key file: recorded as custom"

# ---------------------------------------------------------------------------
# Help and version.
run --help
expect_rc 0 "--help"
expect_out_line "Usage: simcheck COMMAND [OPTIONS] PATH..." "--help"
run matrix --help
expect_rc 0 "matrix --help"
expect_out_line "Usage: simcheck matrix [OPTIONS] PATH..." "matrix --help"
expect_out_has "--format F" "matrix --help lists --format"
expect_out_has "--threads N" "matrix --help lists the common options"
for m in $(echo "$HEADER" | cut -d, -f5- | tr , ' '); do  # every metric column is documented
  expect_out_has "$m" "matrix --help names the metric $m"
done
# Every help fits an 80-column terminal.
for c in "" matrix compare cluster dedup; do
  run $c --help
  wide=$(awk 'length($0) > 80 { print NR ": " $0 }' "$TMP/out")
  expect_eq "$wide" "" "simcheck $c --help fits 80 columns"
done
run --version
expect_rc 0 "--version"
expect_eq "$(cat "$TMP/out")" "simcheck 0.1.0" "--version"
# DESIGN.md: --version and --help on every command.
run matrix --version
expect_rc 0 "matrix --version"
expect_eq "$(cat "$TMP/out")" "simcheck 0.1.0" "matrix --version"

# ---------------------------------------------------------------------------
# JSON report.
run matrix --format json "$G1" "$G2"
expect_rc 0 "json"
expect_out_has '"documents": [' "json: documents"
expect_out_has '"parameters": {' "json: parameters"
expect_out_has '"pairs": [' "json: pairs"
expect_out_has '"simcheck": "0.1.0"' "json: version"
expect_eq "$(grep -o '"id": [0-9]*' "$TMP/out" | tr '\n' ' ')" '"id": 0 "id": 1 ' "json: document ids"
expect_eq "$(grep -c '"a_id": 0, "b_id": 1' "$TMP/out")" 1 "json: one pair"
balance=$(awk '{ o += gsub(/[{[]/, "&"); c += gsub(/[]}]/, "&") } END { print o - c }' "$TMP/out")
expect_eq "$balance" 0 "json: brackets balance"

# Standard input as "-".
run_stdin "$G1" matrix --format csv - "$G2"
expect_rc 0 "stdin"
expect_eq "$(awk -F, 'NR == 2 { print $1 "," $2 }' "$TMP/out")" "-,$G2" "stdin: the pair names '-'"
run_stdin "$G1" matrix --format csv "$G1" -
expect_eq "$(awk -F, 'NR == 2 { print $4 "," $3 }' "$TMP/out")" "duplicate,1.000000" "stdin: same text as a file is a duplicate"
run_stdin /dev/null matrix --format csv - "$G1" "$G2"
expect_rc 0 "empty stdin"
expect_err_line "simcheck: warning: -: skipped: empty file" "empty stdin"
expect_eq "$(csv_rows)" 1 "empty stdin: rows"
printf 'ab\0cd' >"$TMP/nul.bin"
run_stdin "$TMP/nul.bin" matrix --format csv - "$G1" "$G2"
expect_rc 0 "binary stdin"
expect_err_line "simcheck: warning: -: skipped: binary file (NUL byte at offset 2)" "binary stdin"
# A device that never ends is read up to its first NUL, not to memory's end
# (a timeout, so that the old behaviour fails instead of hanging the suite).
cmd="simcheck matrix --format csv /dev/zero $G1 $G2"
timeout 30 "$SIMCHECK" matrix --format csv /dev/zero "$G1" "$G2" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "/dev/zero"
expect_err_line "simcheck: warning: /dev/zero: skipped: binary file (NUL byte at offset 0)" "/dev/zero"
expect_eq "$(csv_rows)" 1 "/dev/zero: rows"

# Table labels in terminal columns: names in two-byte and wide characters
# are not cut inside a character, pad to the same columns as ASCII ones, and
# 8-column labels keep a space between them in the grid.
L=$TMP/labels
mkdir "$L"
for n in abcdefgh abcdefgz ééé 日本語; do printf 'Notes on the harbour, the boats and the storms of %s.\n' "$n" >"$L/$n.txt"; done
printf 'Notes on the harbour, the boats and the storms in the long winter.\n' >"$L/日本語日本語.txt"
run matrix "$L"
expect_rc 0 "labels: matrix"
if python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/out" 2>/dev/null; then ok; else
  ko "labels: the table is not valid UTF-8"; show; fi
expect_out_line "score      abcdefgh abcdefgz      ééé   日本語 日本語日" "labels: grid header"
expect_out_line "  日本語日     13 words    1 sentence   $L/日本語日本語.txt" "labels: a wide name cut at 8 columns"
expect_out_line "  ééé          11 words    1 sentence   $L/ééé.txt" "labels: two-byte characters count one column"

# Directories: hidden entries skipped, files in byte order of names,
# recursion into subfolders.
D=$TMP/tree
mkdir -p "$D/sub" "$D/.hiddendir"
printf 'Bravo text about river boats and their cargo.\n' >"$D/b.txt"
printf 'Alpha ten text about mountain goats and cheese.\n' >"$D/a10.txt"
printf 'Capital B text about winter roads and salt.\n' >"$D/B.txt"
printf 'Alpha two text about desert wells and camels.\n' >"$D/a2.txt"
printf 'Charlie text in a sub folder about city parks.\n' >"$D/sub/c.txt"
cp "$G1" "$D/.hidden.txt"
cp "$G1" "$D/.hiddendir/visible.txt"
run matrix --format json "$D"
expect_rc 0 "directory"
names=$(grep -o '"id": [0-9]*, "name": "[^"]*"' "$TMP/out" | sed 's/.*"name": "//; s/"$//' | sed "s|^$D/||" | tr '\n' ' ')
expect_eq "$names" "B.txt a10.txt a2.txt b.txt sub/c.txt " "directory: documents in sorted order, hidden ones skipped"
run matrix --format csv "$D/"
expect_rc 0 "directory with a trailing slash"
expect_eq "$(csv_rows)" 10 "directory with a trailing slash: rows"
if grep -Fq -- "$D//" "$TMP/out"; then ko "directory with a trailing slash: doubled slash in names"; else ok; fi

# .simcheckignore: glob patterns, one a line, for that directory only.
I=$TMP/ignore
mkdir -p "$I/sub"
printf "# the description, not a document\n*.md\r\nskip?.txt\n" >"$I/.simcheckignore"
printf "Keep this text about harbour cranes.\n" >"$I/keep.txt"
printf "Another kept text about river locks.\n" >"$I/a.txt"
printf "A readme that is not a document.\n" >"$I/README.md"
printf "Skipped by the pattern skip-question-mark.\n" >"$I/skip1.txt"
printf "Kept: the pattern wants one character.\n" >"$I/skip10.txt"
printf "Kept: patterns do not apply in sub folders.\n" >"$I/sub/notes.md"
run matrix --format json "$I"
expect_rc 0 ".simcheckignore"
names=$(grep -o '"id": [0-9]*, "name": "[^"]*"' "$TMP/out" | sed 's/.*"name": "//; s/"$//' | sed "s|^$I/||" | tr '\n' ' ')
expect_eq "$names" "a.txt keep.txt skip10.txt sub/notes.md " ".simcheckignore: documents read"

# simcheck compare A B: one pair in detail.
cp "$G1" "$TMP/copy.txt"
run compare "$G1" "$TMP/copy.txt"
expect_rc 0 "compare"
expect_out_line "verdict  duplicate, score 1.000" "compare: duplicate"
run compare --format json "$G1" "$G2"
expect_rc 0 "compare json"
expect_out_has '"verdict": "' "compare json: verdict"
expect_out_has '"sentences": [' "compare json: sentences"
# A warning about the second document names the second document.
printf 'Another text with a bad \377 byte in it.\n' >"$TMP/bad-b.txt"
run compare "$G1" "$TMP/bad-b.txt"
expect_rc 0 "compare with invalid UTF-8 in B"
expect_err_line "simcheck: warning: $TMP/bad-b.txt: 1 invalid UTF-8 sequence replaced by U+FFFD" "compare: B's warning names B"
# An overlap verdict names the passages that make it.
COLUMNS=1000 run compare "$SEEDS"/002_*.txt "$SEEDS"/004_*.txt
expect_rc 0 "compare 002 004"
expect_out_line "  - made by 7 shared passages of 177 words in all; the longest, 37 words, at a bytes 5480+237, b bytes 854+237" "compare 002 004: passages named"
# At 80 columns nothing is wider: reasons wrap under their first word,
# excerpts are cut to the width (before: lines of 84 to 144 columns).
COLUMNS=80 run compare "$SEEDS"/000_*.txt "$SEEDS"/001_*.txt
expect_eq "$(python3 -c 'import sys; print(sum(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$TMP/out")" 0 \
  "compare at COLUMNS=80: no line wider"
expect_out_line "  - rewrite score 0.505 >= 0.44: sentence by sentence 59% of a's content and 69%" "compare at 80: a reason wrapped"
expect_out_line "    of b's are matched; 70% of the shorter side's keep their order" "compare at 80: its second line"
# Wide characters take two columns in passages, excerpts and facts (before:
# counted one each, so a Japanese pair's passages took 153 columns at 80).
printf '東京の天気は今日とても良いです。明日は雨が降るかもしれません。私たちは公園で長い時間散歩しました。子供たちは川のそばで遊んでいました。2026年に東京タワーへ行きました。' >"$TMP/ja_a.txt"
printf '今日の東京の天気はとても良いです。明日は雨が降るかもしれません。私たちは公園で長い時間散歩をしました。子供たちは川のそばで楽しく遊んでいました。' >"$TMP/ja_b.txt"
COLUMNS=80 run compare "$TMP/ja_a.txt" "$TMP/ja_b.txt"
expect_rc 0 "compare, Japanese"
expect_eq "$(python3 -c 'import sys, unicodedata
w = lambda l: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
print(sum(w(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$TMP/out")" 0 \
  "compare, Japanese at COLUMNS=80: no line wider (wide characters two columns)"
expect_out_line "  とても良いです。明日は雨が降るかもし  | とても良いです。明日は雨が降るかもし" \
  "compare, Japanese: a passage's first line, 18 characters (36 columns) a side in 37"
# The rewrite reason quotes both sentence coverages, as the figures print them.
run compare "$SEEDS"/000_*.txt "$SEEDS"/001_*.txt
expect_rc 0 "compare 000 001"
cov=$(awk '/sentence coverage a/ { for (i = 1; i <= NF; i++) if ($i == "a") a = $(i + 1); else if ($i == "b") b = $(i + 1)
  sub(/,$/, "", a); printf "%.0f%% of a'"'"'s content and %.0f%% of b'"'"'s", 100 * a, 100 * b }' "$TMP/out")
expect_out_has "sentence by sentence $cov are matched" "compare 000 001: the reason quotes both coverages"
expect_out_line "  - 100% of the names and numbers of the side with fewer are in the other" "compare 000 001: the facts reason says whose share it is"
# The facts each side lacks, by hand: Noah opens a sentence (not a name),
# 70,000 is seventy thousand, and Jacob's names Jacob.
printf "Noah met Shem in Paris. He paid 70,000 coins to Jacob's son.\n" > "$TMP/facts-a.txt"
printf "Noah met Ham in London. He paid seventy thousand coins to Jacob.\n" > "$TMP/facts-b.txt"
run compare "$TMP/facts-a.txt" "$TMP/facts-b.txt"
expect_rc 0 "compare facts"
expect_out_line "  names and numbers only in a: Shem, Paris" "compare: a's facts that b lacks"
expect_out_line "  names and numbers only in b: Ham, London" "compare: b's facts that a lacks"
# Hand-written paraphrases of modern English (tests/paraphrase/README.md):
# each is a rewrite of its source, and the sample articles that quote the
# same speech as seeds/000 are only on the same topic as its rewrite.
PARA=$(cd "$(dirname "${BASH_SOURCE[0]}")/paraphrase" && pwd)
run compare "$PARA/bsd.txt" "$PARA/bsd-rewrite.txt"
expect_out_line "verdict  rewrite, score 0.633" "compare: a licence and its paraphrase"
# The licence's shouted disclaimer and clause numbers are no names or figures.
expect_out_line "  names and numbers only in b: three, First, Second, Third" "compare: the paraphrase's facts"
expect_eq "$(grep -c 'only in a' "$TMP/out")" 0 "compare: the licence has no facts its paraphrase lacks"
run compare "$SEEDS"/000_*.txt "$PARA/000-rewrite.txt"
expect_out_line "verdict  rewrite, score 0.774" "compare: an article and a second rewrite of it"
# partner_verdicts NAME: from the CSV in $TMP/out, "ABC:verdict " for each
# pair with the document NAME, ABC the first three letters of the other.
partner_verdicts() {
  awk -F, -v n="$1" '$1 ~ n || $2 ~ n { a = $1 ~ n ? $2 : $1; sub(/.*\//, "", a); print substr(a, 1, 3) ":" $4 }' "$TMP/out" |
    sort | tr '\n' ' '
}
mkdir "$TMP/para" && cp "$SEEDS"/0*.txt "$PARA/000-rewrite.txt" "$TMP/para/"
run matrix --format csv "$TMP/para"
expect_eq "$(partner_verdicts 000-rewrite)" "000:rewrite 001:overlap 002:related 003:related 004:related " "matrix: the second rewrite of 000 against each sample article"
# Summaries written by hand: four sentences of seeds/000, two of the BSD
# licence. Each is a rewrite of its source noted as a summary; the articles
# that only quote the same speech stay related.
run compare "$SEEDS"/000_*.txt "$PARA/000-summary.txt"
expect_out_line "verdict  rewrite (summary), score 0.640" "compare: an article and a summary of it"
run compare "$PARA/bsd.txt" "$PARA/bsd-summary.txt"
expect_out_line "verdict  rewrite (summary), score 0.555" "compare: a licence and a summary of it"
# The rewrite of 000 quoted between two other articles: its counterparts lie
# in one part of the longer text, so it is a passage within it, no summary.
cat "$SEEDS"/002_*.txt "$PARA/000-rewrite.txt" "$SEEDS"/003_*.txt > "$TMP/quoting.txt"
COLUMNS=1000 run compare "$SEEDS"/000_*.txt "$TMP/quoting.txt"
expect_out_line "verdict  rewrite (within), score 0.571" "compare: a rewrite quoted inside a longer text"
expect_out_line "  - one side is much shorter, its sentences' counterparts lie in 7% of the other's (< 50%) and it has 127% as many words as that part (>= 60%): a passage of it, rewritten" "compare: where the counterparts lie, and the passage's length"
run compare --format json "$SEEDS"/000_*.txt "$TMP/quoting.txt"
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["figures"]; print(d["summary"], d["within"], round(f["extent"], 3), round(f["compression"], 3))' "$TMP/out")" "False True 0.07 1.272" "compare --format json: within, not summary, and the two figures that decide it"
mkdir "$TMP/summary" && cp "$SEEDS"/0*.txt "$PARA/000-summary.txt" "$TMP/summary/"
run matrix --format csv "$TMP/summary"
expect_eq "$(partner_verdicts 000-summary)" "000:rewrite 001:rewrite 002:related 003:related 004:related " "matrix: the summary of 000 against each sample article"
# The CSV's note names the summary's side: the summary is a (000-summary
# sorts before 000_...); 000 and 001 are a rewrite of one size, no note.
notes=$(awk -F, 'NR > 1 && $15 != "" { a = $1; b = $2; sub(/.*\//, "", a); sub(/.*\//, "", b); print substr(a, 1, 3) "/" substr(b, 1, 3) ":" $15 }' "$TMP/out" | sort | tr '\n' ' ')
expect_eq "$notes" "000/000:a summarizes b 000/001:a summarizes b " "matrix csv: the summary's note"
run matrix --format csv "$SEEDS"/000_*.txt "$TMP/quoting.txt"
expect_eq "$(awk -F, 'NR == 2 { print $4 ":" $15 }' "$TMP/out")" "rewrite:a within b" "matrix csv: the note of a rewrite within a longer text"
printf "Walking daily protects the heart.\n" > "$TMP/one-sentence.txt"
run compare "$TMP/one-sentence.txt" "$TMP/facts-b.txt"
expect_out_line "a  $TMP/one-sentence.txt  (5 words, 1 sentence)" "compare: one sentence in the singular"
expect_out_line "b  $TMP/facts-b.txt  (12 words, 2 sentences)" "compare: sizes in the header"
run compare "$TMP/facts-a.txt" "$TMP/facts-a.txt"
if grep -q "names and numbers only in" "$TMP/out"; then ko "compare: a copy lacks no facts"; show; else ok; fi
printf '<html><body><p>The crew met <b>Jos&eacute;</b> at the pier.</p></body></html>\n' > "$TMP/facts-c.html"
run compare "$TMP/facts-c.html" "$TMP/facts-b.txt"
expect_out_line "  names and numbers only in a: José" "compare: an HTML side's missing facts as visible text"
# Their offsets in the JSON end with the name, not after the closing tag;
# a sentence's slice ends with its full stop, not after "</p>".
run compare --format json "$TMP/facts-c.html" "$TMP/facts-b.txt"
expect_out_line '  "missing_facts": {"a": [{"offset": 31, "length": 11, "text": "Jos&eacute;"}], "b": [{"offset": 9, "length": 3, "text": "Ham"}, {"offset": 16, "length": 6, "text": "London"}, {"offset": 32, "length": 16, "text": "seventy thousand"}, {"offset": 58, "length": 5, "text": "Jacob"}]},' "compare json: an HTML fact's slice ends with the name"
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["sentences"][0]["a_text"] if d["sentences"] else "none")' "$TMP/out")" "The crew met <b>Jos&eacute;</b> at the pier." "compare json: an HTML sentence's slice ends with its full stop"
run compare --format json "$TMP/facts-a.txt" "$TMP/facts-b.txt"
expect_out_line '  "missing_facts": {"a": [{"offset": 9, "length": 4, "text": "Shem"}, {"offset": 17, "length": 5, "text": "Paris"}], "b": [{"offset": 9, "length": 3, "text": "Ham"}, {"offset": 16, "length": 6, "text": "London"}]},' "compare json: missing facts with offsets"
# A long list is cut to the width (100 columns off a terminal) and counts
# the rest: items shown plus "and K more" is the JSON list's length.
run compare "$SEEDS"/002_*.txt "$SEEDS"/004_*.txt
line=$(grep "^  names and numbers only in a: " "$TMP/out")
shown=$(printf '%s\n' "${line#*: }" | sed 's/ and [0-9]* more$//' | awk -F', ' '{ print NF }')
more=$(printf '%s\n' "$line" | sed -n 's/.* and \([0-9]*\) more$/\1/p')
run compare --format json "$SEEDS"/002_*.txt "$SEEDS"/004_*.txt
listed=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["missing_facts"]["a"]))' "$TMP/out")
if [ "${#line}" -le 100 ] && [ -n "$more" ] && [ $((shown + more)) -eq "$listed" ]; then ok; else
  ko "compare: missing facts cut to 100 columns with the rest counted ($line; json $listed)"; fi
usage_error "simcheck compare: compare takes two documents, A and B" "compare with one file" compare "$G1"
usage_error "simcheck compare: more than two documents given" "compare with three files" compare "$G1" "$G2" "$G1"
usage_error "simcheck compare: --format: 'csv' is not one of text, json, html" "compare --format csv" compare --format csv "$G1" "$G2"
# "--" ends the options, as in the other commands: a file named like one.
cp "$G1" "$TMP/-dash.txt"
(cd "$TMP" && "$SIMCHECK" compare --format json -- -dash.txt "$G1" >"$TMP/out" 2>"$TMP/err")
rc=$?
cmd="simcheck compare --format json -- -dash.txt G1"
expect_rc 0 "compare -- -dash.txt"
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["a"], d["verdict"])' "$TMP/out")" "-dash.txt duplicate" "compare -- -dash.txt: the file is read"
usage_error "simcheck compare: more than two documents given" "compare -- with three files" compare -- "$G1" "$G2" "$G1"
usage_error "simcheck compare: standard input (-) can be only one of A and B" "compare - -" compare - -
run compare "$IN/missing.txt" "$G1"
expect_rc 2 "compare with a missing file"
expect_err_line "simcheck compare: $IN/missing.txt: no document could be read" "compare with a missing file"
usage_error "simcheck compare: $D: holds 5 documents; A and B are one each ('simcheck matrix' compares them all)" "compare with a directory" compare "$D" "$G1"
run compare --help
expect_rc 0 "compare --help"
expect_out_line "Usage: simcheck compare [OPTIONS] A B" "compare --help"

# One file given twice, or by name and inside its directory: read once.
# Before, it became two documents of one name ("a,a,1.000000,duplicate").
mkdir "$TMP/twice"
cp "$SEEDS"/000_*.txt "$TMP/twice/a.txt"
cp "$SEEDS"/001_*.txt "$TMP/twice/b.txt"
run matrix --format csv "$TMP/twice/a.txt" "$TMP/twice" "$TMP/twice/a.txt"
expect_rc 0 "matrix with a file given twice"
expect_eq "$(tail -n +2 "$TMP/out" | cut -d, -f1,2 | tr '\n' ' ')" "$TMP/twice/a.txt,$TMP/twice/b.txt " \
  "matrix with a file given twice: one pair"
expect_err_line "simcheck: warning: $TMP/twice/a.txt: skipped: read before (given twice)" \
  "matrix with a file given twice: warned"
# Standard input twice: before, the second read found it empty and was
# warned about as "empty file".
run_stdin "$TMP/twice/b.txt" matrix --format csv - - "$TMP/twice/a.txt"
expect_rc 0 "matrix - - FILE"
expect_err_line "simcheck: warning: -: skipped: read before (given twice)" "matrix - -: warned as given twice"
expect_eq "$(grep -c 'empty' "$TMP/err")" 0 "matrix - -: not called empty"
# Control characters in a file name reach no terminal raw: an escape
# sequence there recoloured or rewrote the screen. Each is shown as '?'.
mkdir "$TMP/ctl"
cp "$SEEDS"/000_*.txt "$TMP/ctl/"$'x\e[31mRED\e[0m.txt'
cp "$SEEDS"/001_*.txt "$TMP/ctl/plain.txt"
run matrix -q "$TMP/ctl"
expect_out_line "  x        491 words   24 sentences  $TMP/ctl/x?[31mRED?[0m.txt" "matrix table: control characters in a name"
run cluster -q "$TMP/ctl" "$TMP/ctl/"$'x\e[31mRED\e[0m.txt' "$SEEDS"/000_*.txt
if grep -q $'\e' "$TMP/out"; then ko "cluster table: an escape character in the output"; show; else ok; fi
run compare "$TMP/ctl/plain.txt" "$TMP/ctl/"$'x\e[31mRED\e[0m.txt'
expect_out_line "b  $TMP/ctl/x?[31mRED?[0m.txt  (491 words, 24 sentences)" "compare: control characters in a name"
# ... nor through a warning: a binary file whose name clears the screen.
printf '\000binary' >"$TMP/ctl/"$'b\e[2Jin.txt'
run matrix --format csv "$TMP/ctl"
expect_err_line "simcheck: warning: $TMP/ctl/b?[2Jin.txt: skipped: binary file (NUL byte at offset 0)" "matrix: a warning names a file without its control characters"
run dedup -o /dev/null "$TMP/ctl"
expect_err_line "simcheck: warning: $TMP/ctl/b?[2Jin.txt: skipped: binary file, NUL byte at offset 0" "dedup: a warning names a file without its control characters"
rm "$TMP/ctl/"$'b\e[2Jin.txt'
# cluster's HTML page stays valid UTF-8 whatever a name holds.
cp "$SEEDS"/000_*.txt "$TMP/ctl/"$'j\xff\xfe.txt'
run cluster -q --format html "$TMP/ctl"
expect_eq "$(python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); d.decode("utf-8"); print(d.count(b"&#xFFFD;"))' "$TMP/out")" "4" \
  "cluster --format html: bytes that are not UTF-8 and control characters as U+FFFD"
# Output that cannot be written fails the run, --help and --version too.
cmd="simcheck --help >/dev/full"
"$SIMCHECK" --help >/dev/full 2>"$TMP/err"
rc=$?
expect_rc 2 "--help to a full disk"
expect_err_line "simcheck: cannot write to standard output: No space left on device" "--help to a full disk"
cmd="simcheck matrix --help >/dev/full"
"$SIMCHECK" matrix --help >/dev/full 2>"$TMP/err"
rc=$?
expect_rc 2 "matrix --help to a full disk"

# ---------------------------------------------------------------------------
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
