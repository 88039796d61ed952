#!/usr/bin/env bash
# gen_text.sh: writes a few hundred MB of English text for the throughput
# benchmark, from text that every Debian machine has: the licences in
# /usr/share/common-licenses/ and the packages' /usr/share/doc/*/copyright.
#
#   bench/gen_text.sh [SIZE] [OUT] [SEED]
#     SIZE  300 (MB, the default), or with a suffix: 50M, 1G, 800K (powers of
#           1000: 300M = 300,000,000 bytes); the output stops at the first
#           paragraph end past SIZE.
#     OUT   output file [/tmp/simcheck-bench/english.txt]; never commit it.
#     SEED  integer seed of the shuffles [1]
#
# The sources are split into paragraphs (blank-line separated) and repeated
# paragraphs are dropped (the GPL is quoted in hundreds of copyright files),
# leaving about 5.7 MB of distinct paragraphs. Each pass over this pool then
# keeps every paragraph with probability 0.9 and writes the kept ones in a
# new seeded random order, until SIZE bytes are written, so a 4 KB window of
# the output is (almost) never repeated verbatim. Same machine, same seed:
# same bytes (the random generator is the awk's: mawk and gawk differ).
#
# bash + coreutils + awk only.
set -euo pipefail

size_arg=${1:-300}
out=${2:-/tmp/simcheck-bench/english.txt}
seed=${3:-1}

case $size_arg in
  *[kK]) bytes=$(( ${size_arg%?} * 1000 )) ;;
  *[mM]) bytes=$(( ${size_arg%?} * 1000 * 1000 )) ;;
  *[gG]) bytes=$(( ${size_arg%?} * 1000 * 1000 * 1000 )) ;;
  *[0-9]) bytes=$(( size_arg * 1000 * 1000 )) ;;
  *) echo "gen_text.sh: bad SIZE '$size_arg' (e.g. 300, 50M, 1G)" >&2; exit 2 ;;
esac
[[ $seed =~ ^[0-9]+$ ]] || { echo "gen_text.sh: SEED must be a non-negative integer" >&2; exit 2; }
(( bytes > 0 )) || { echo "gen_text.sh: SIZE must be positive" >&2; exit 2; }

export LC_ALL=C  # awk's length() counts bytes; sort is bytewise

sources=()
for f in /usr/share/common-licenses/* /usr/share/doc/*/copyright; do
  [[ -f $f && -r $f ]] && sources+=("$f")
done
(( ${#sources[@]} > 0 )) || { echo "gen_text.sh: no source texts found" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT

# Sorted file list, so the pool's order does not depend on the glob's.
printf '%s\n' "${sources[@]}" | sort | tr '\n' '\0' | xargs -0 cat -- | tr -d '\r\000' |
  awk -v target="$bytes" -v seed="$seed" '
    BEGIN { RS = "" }                      # paragraph mode
    !($0 in seen) { seen[$0] = 1; para[++n] = $0; pool += length($0) + 2 }
    END {
      if (n == 0) exit 1
      written = 0
      for (pass = 1; written < target; pass++) {
        srand(seed * 100003 + pass)
        m = 0
        for (i = 1; i <= n; i++) if (rand() < 0.9) idx[++m] = i
        for (i = m; i > 1; i--) {           # Fisher-Yates
          j = int(rand() * i) + 1
          t = idx[i]; idx[i] = idx[j]; idx[j] = t
        }
        for (i = 1; i <= m && written < target; i++) {
          printf "%s\n\n", para[idx[i]]
          written += length(para[idx[i]]) + 2
        }
      }
      printf "gen_text.sh: %d distinct paragraphs (%d bytes) from the sources, %d passes, %d bytes written\n",
        n, pool, pass - 1, written > "/dev/stderr"
    }' > "$tmp"

mv "$tmp" "$out"
trap - EXIT
echo "gen_text.sh: wrote $out ($(wc -c < "$out") bytes, ${#sources[@]} source files, seed $seed)" >&2
