#!/usr/bin/env bash
# run.sh: the competitor baselines and the I/O floor side by side on one
# JSONL corpus; prints a table (median wall time, CPU time, peak RSS).
#
#   bench/baselines/run.sh [--runs N] [--threshold T] [--only LIST]
#                          [--add NAME CMD]... [--out DIR] CORPUS.jsonl
#
#   --runs N       timed runs per tool [3]; a tool whose first run takes
#                  longer than --repeat-below seconds [60] runs once
#
# Rows: cat and xxhsum (XXH64, XXH3) of the file: the I/O and hashing floor;
# sklearn-cosine: TfidfVectorizer + linear_kernel, the full cosine matrix
# (tfidf_cosine.py); sklearn-dense: the same matrix as one dense BLAS product
# of the densified TF-IDF matrix (tfidf_cosine.py --dense), what a user who
# knows numpy would write; sklearn-nn: NearestNeighbors radius search
# (tfidf_nn.py).
#   --threshold T  cosine threshold of the scikit-learn baselines [0.8]
#   --only LIST    comma-separated subset of: cat, xxh64, xxh3, sklearn-cosine,
#                  sklearn-dense, sklearn-nn [all]
#   --add NAME CMD one more row; CMD is run by sh with {} replaced by the
#                  corpus path, e.g. --add simcheck-dedup
#                  'build-scale/simcheck dedup {} --threshold 0.8 -o /dev/null'
#   --out DIR      raw /usr/bin/time output and per-run TSV
#                  [/tmp/simcheck-scale/results/CORPUS-NAME.DATE]
#
# Every command runs as its own process under GNU time (/usr/bin/time -v),
# exec'd from sh so that the figures are the tool's own: wall time from
# process start (interpreter start-up and imports included), user + system
# CPU, maximum resident set size. Runs are interleaved (run 1 of every tool,
# then run 2, ...) so that a slow phase of a shared machine spreads over all
# tools. The corpus is read once beforehand, so every tool starts with it in
# the page cache (warm cache). A Python baseline that would exceed its memory
# or time budget exits with status 3 and a "SKIP: reason" line; the table
# shows the reason instead of figures.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
py=/usr/bin/python3   # Debian's python3 with python3-sklearn, not a pyenv shim
runs=3 threshold=0.8 only="cat,xxh64,xxh3,sklearn-cosine,sklearn-dense,sklearn-nn" out= repeat_below=60
extra_names=() extra_cmds=()
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --add) extra_names+=("$2"); extra_cmds+=("$3"); shift 3 ;;
    --out) out=$2; shift 2 ;;
    --repeat-below) repeat_below=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 1 ;;
    *) break ;;
  esac
done
(($# == 1)) || { echo "usage: run.sh [--runs N] [--threshold T] [--only LIST] [--add NAME CMD] [--out DIR] CORPUS.jsonl" >&2; exit 1; }
corpus=$1
[[ -r $corpus ]] || { echo "run.sh: cannot read $corpus" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
command -v xxhsum >/dev/null || { echo "run.sh: xxhsum missing (apt-get install xxhash)" >&2; exit 2; }
$py -c 'import sklearn, numpy, scipy' 2>/dev/null ||
  { echo "run.sh: $py lacks scikit-learn (apt-get install python3-sklearn python3-numpy python3-scipy)" >&2; exit 2; }

q=$(printf '%q' "$corpus")
names=() cmds=()
add() { if [[ ,$only, == *,$1,* ]]; then names+=("$1"); cmds+=("$2"); fi; }
add cat "exec cat $q > /dev/null"
add xxh64 "exec xxhsum -H1 $q > /dev/null"
add xxh3 "exec xxhsum -H3 $q > /dev/null"
add sklearn-cosine "exec $py $here/tfidf_cosine.py --threshold $threshold $q"
add sklearn-dense "exec $py $here/tfidf_cosine.py --dense --threshold $threshold $q"
add sklearn-nn "exec $py $here/tfidf_nn.py --threshold $threshold $q"
for i in "${!extra_names[@]}"; do
  names+=("${extra_names[$i]}")
  cmds+=("exec ${extra_cmds[$i]//\{\}/$q}")
done

docs=$(wc -l < "$corpus")
bytes=$(wc -c < "$corpus")
: "${out:=/tmp/simcheck-scale/results/$(basename "$corpus" .jsonl).$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
tsv=$out/runs.tsv
printf 'tool\trun\tstatus\twall_s\tcpu_s\tpeak_kb\n' > "$tsv"
cat "$corpus" > /dev/null   # warm the page cache

declare -A skip note
for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    name=${names[$i]}
    [[ -z ${skip[$name]:-} ]] || continue
    base=$out/$name.$r
    set +e
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$base.time" sh -c "${cmds[$i]}" > "$base.out" 2> "$base.err"
    status=$?
    t1=$EPOCHREALTIME
    set -e
    # GNU time's wall clock has 10 ms resolution; bash's EPOCHREALTIME has
    # 1 us (and adds the ~1 ms of starting time and sh).
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$base.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$base.time")
    printf '%s\t%d\t%d\t%s\t%s\t%s\n' "$name" "$r" "$status" "$wall" "$cpu" "$rss" >> "$tsv"
    if ((status == 3)) && grep -q '^SKIP:' "$base.out"; then
      skip[$name]=1; note[$name]=$(grep -m1 '^SKIP:' "$base.out" | sed 's/^SKIP: //')
    elif ((status != 0)); then
      skip[$name]=1; note[$name]="failed (exit $status), see $base.err"
    else
      note[$name]=$(grep -m1 '^docs=' "$base.out" || true)
      if ((r == 1)) && awk -v w="$wall" -v lim="$repeat_below" 'BEGIN { exit !(w > lim) }'; then skip[$name]=1; fi
    fi
    printf 'run %d %-22s exit %d wall %7.3f s  cpu %6.2f s  peak %6.0f MB\n' "$r" "$name" "$status" "$wall" "$cpu" \
      "$(awk -v k="$rss" 'BEGIN { print k * 1024 / 1e6 }')" >&2
  done
done

for t in "${names[@]}"; do printf '%s\t%s\n' "$t" "${note[$t]:-}"; done > "$out/notes.tsv"
printf '\ncorpus %s: %s documents, %s bytes; %s, %s cores, %s\n' "$corpus" "$docs" "$bytes" \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf 'wall and CPU: median of successful runs (min-max); peak: median max RSS, MB = 10^6 bytes\n'
awk -F'\t' -v order="$(IFS=,; echo "${names[*]}")" -v notes_file="$out/notes.tsv" '
function median(list,    n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function mn(list,    n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
function mx(list,    n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
FILENAME == notes_file { nt[$1] = $2; next }
FNR == 1 { next }
$3 == 0 { w[$1] = w[$1] " " $4; c[$1] = c[$1] " " $5; k[$1] = k[$1] " " $6; n[$1]++ }
END {
  printf "%-22s %4s %22s %9s %9s  %s\n", "tool", "runs", "wall s (min-max)", "cpu s", "peak MB", "note"
  m = split(order, names, ",")
  for (i = 1; i <= m; i++) {
    t = names[i]
    if (n[t]) printf "%-22s %4d %8.3f (%.3f-%.3f) %9.2f %9.0f  %s\n", t, n[t], median(w[t]), mn(w[t]), mx(w[t]), median(c[t]), median(k[t]) * 1024 / 1e6, nt[t]
    else printf "%-22s %4d %22s %9s %9s  %s\n", t, 0, "-", "-", "-", nt[t]
  }
}' "$out/notes.tsv" "$tsv"
echo "raw: $out" >&2
