#!/usr/bin/env bash
# matrix_seeds.sh: wall time and peak memory of `simcheck matrix seeds/`, in
# the default table format and with --format csv.
#
#   bench/matrix_seeds.sh [RUNS] [SIMCHECK]
#     RUNS      timed runs per format [20]; the median, min and max are printed
#     SIMCHECK  the binary [build/simcheck, relative to the repository root]
#
# Runs from the repository root so that the command is literally
# `build/simcheck matrix seeds/`. Output goes to /dev/null. Each format gets
# 2 untimed warm-up runs (page cache, dynamic loader), then RUNS runs timed
# with bash's $EPOCHREALTIME (microseconds, no extra process), then 5 runs
# under /usr/bin/time -v for "Maximum resident set size" (apt-get install -y
# time). For scale, the same timing of /bin/true shows what starting any
# process costs here; a row with OPENBLAS_NUM_THREADS=1 (through env(1))
# shows the share of OpenBLAS's thread pool.
set -euo pipefail

runs=${1:-20}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bin=${2:-build/simcheck}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "matrix_seeds.sh: RUNS must be a positive integer" >&2; exit 2; }
[[ -x $bin ]] || { echo "matrix_seeds.sh: $bin not found: build first" >&2; exit 1; }
[[ -d seeds ]] || { echo "matrix_seeds.sh: no seeds/ in $root" >&2; exit 1; }
have_time=1
[[ -x /usr/bin/time ]] || { have_time=0; echo "matrix_seeds.sh: /usr/bin/time missing (apt-get install -y time): no RSS" >&2; }

usec() { local t=${EPOCHREALTIME/./}; echo "$((10#$t))"; }

# Prints "median min max" of the numbers on stdin.
stats() { sort -n | awk '{ v[NR] = $1 } END {
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  print m, v[1], v[NR] }'; }

# time_cmd LABEL CMD...: RUNS timed runs, one line of results.
time_cmd() {
  local label=$1; shift
  local i t0 t1 samples=()
  for i in 1 2; do "$@" > /dev/null; done
  for ((i = 0; i < runs; i++)); do
    t0=$(usec)
    "$@" > /dev/null
    t1=$(usec)
    samples+=($((t1 - t0)))
  done
  read -r med lo hi < <(printf '%s\n' "${samples[@]}" | stats)
  local rss="-"
  if ((have_time)); then
    local r=()
    for i in 1 2 3 4 5; do
      r+=($(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'))
    done
    read -r rmed rlo rhi < <(printf '%s\n' "${r[@]}" | stats)
    rss="$rmed ($rlo..$rhi)"
  fi
  awk -v l="$label" -v m="$med" -v lo="$lo" -v hi="$hi" -v rss="$rss" 'BEGIN {
    printf "| %-42s | %8.2f | %8.2f | %8.2f | %6.0f%% | %-22s |\n", l, m / 1000, lo / 1000, hi / 1000,
      100 * (hi - lo) / m, rss }'
}

echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
if git rev-parse --git-dir > /dev/null 2>&1; then
  echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- engine include || echo ' (engine/ or include/ modified)')"
else
  echo "commit:  (not a git checkout)"
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo "inputs:  $(ls seeds | wc -l) files in seeds/, $(cat seeds/* | wc -c) bytes"
echo "runs:    $runs timed (+2 warm-up) per command; RSS from 5 runs of /usr/bin/time -v"
echo
echo "| command                                    | med (ms) | min (ms) | max (ms) | spread | peak RSS KB med (min..max) |"
echo "|--------------------------------------------|---------:|---------:|---------:|-------:|------------------------|"
time_cmd "$bin matrix seeds/" "$bin" matrix seeds/
time_cmd "$bin matrix seeds/ --format csv" "$bin" matrix seeds/ --format csv
# OpenBLAS starts one thread per core and its idle threads spin on
# sched_yield; this row shows what that costs on a small corpus.
time_cmd "OPENBLAS_NUM_THREADS=1 (same, table)" env OPENBLAS_NUM_THREADS=1 "$bin" matrix seeds/
time_cmd "/bin/true (process start, for scale)" /bin/true
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
