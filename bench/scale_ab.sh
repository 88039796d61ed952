#!/usr/bin/env bash
# Times `simcheck cluster` or `simcheck dedup` on one corpus with one or
# more simcheck binaries, runs interleaved (run 1 of every binary, then run
# 2, ...), under GNU time. Prints one line per run (wall s, user s, sys s,
# peak KB, load averages, UTC time) and per binary the medians: wall, CPU
# (user + sys), user, peak MB.
#
#   bench/scale_ab.sh cluster|dedup CORPUS RUNS BINARY...
#
# cluster: `BINARY cluster --format csv --threshold 0.8 CORPUS > out`;
# dedup:   `BINARY dedup --threshold 0.8 CORPUS -o kept.jsonl`.
# Outputs and each binary's summary line (stderr) go to $OUT (default
# /tmp/simcheck-ab), named after the binary's path.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,13p' "$0"; exit 1; }
cmd=$1 corpus=$2 runs=$3
shift 3
out=${OUT:-/tmp/simcheck-ab}
mkdir -p "$out"
tag() { echo "$1" | tr '/' '_'; }
for b in "$@"; do : >"$out/$(tag "$b").$cmd.runs"; done
for ((i = 1; i <= runs; i++)); do
  for b in "$@"; do
    t=$(tag "$b")
    load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')
    at=$(date -u +%H:%M:%S)
    if [ "$cmd" = cluster ]; then
      /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$b" cluster --format csv --threshold 0.8 "$corpus" \
        >"$out/$t.cluster.csv" 2>"$out/$t.cluster.err"
    else
      /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$b" dedup --threshold 0.8 "$corpus" \
        -o "$out/$t.kept.jsonl" 2>"$out/$t.dedup.err"
    fi
    line="$(tail -n 1 "$out/time") load=$load at=$at"
    echo "$b run $i: $line"
    echo "$line" >>"$out/$t.$cmd.runs"
  done
done
for b in "$@"; do
  sort -n -k1,1 "$out/$(tag "$b").$cmd.runs" | awk -v b="$b" '
    { w[NR] = $1; c[NR] = $2 + $3; u[NR] = $2; m[NR] = $4 }
    function med(a, n,   i, j, t, s) {  # median of a[1..n] (copy sorted)
      for (i = 1; i <= n; i++) s[i] = a[i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
      return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
    }
    END { printf "%s: median of %d: wall %.2f s (%.2f-%.2f), CPU %.2f s, user %.2f s, peak %.1f MB\n",
          b, NR, med(w, NR), w[1], w[NR], med(c, NR), med(u, NR), med(m, NR) / 1000 }'
done
