#!/usr/bin/env bash
# Builds the test configuration (Debug, AddressSanitizer + UndefinedBehavior-
# Sanitizer, -Werror under CI) in build-test/ and runs the ctest suite
# without the `slow` label. Installs missing Debian packages first.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/deps.sh --test
werror=OFF
[ -n "${CI:-}" ] && werror=ON
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug "-DSC_SANITIZE=address;undefined" -DSC_WERROR=$werror >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
ctest --output-on-failure -LE slow -j"$(nproc)"
