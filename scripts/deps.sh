#!/usr/bin/env bash
# Installs the Debian packages simcheck builds and tests with, if missing.
# Usage: scripts/deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail
pkgs=(pkg-config libxxhash-dev libsodium-dev libopenblas-dev libutf8proc-dev libstemmer-dev)
# The browser test (tests/browser) drives Debian's Chromium through
# chromedriver from Python 3's standard library.
[ "${1:-}" = "--test" ] && pkgs+=(g++ python3 chromium chromium-driver)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "simcheck: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "simcheck: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
