#!/usr/bin/env bash
# Fails when the compiler warns about kalka's own code (Sources/, Tests/, Plugins/); warnings
# inside dependencies (.build/checkouts) do not count.
#
#   scripts/check-warnings.sh BUILD_LOG   reads the output of a build that compiled everything
#   scripts/check-warnings.sh             builds from scratch in .build/warnings-check first
#
# An incremental build repeats no warning for a file it does not recompile, so the log must come
# from a clean build (CI's first build on a fresh clone is one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ $# -ge 1 ]; then
    log=$1
else
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    rm -rf .build/warnings-check
    swift build --build-tests --scratch-path .build/warnings-check >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
own=$(grep -E "^$root/(Sources|Tests|Plugins)/[^:]+:[0-9]+:[0-9]+: warning:" "$log" | sort -u || true)
if [ -n "$own" ]; then
    echo "kalka's own code has compiler warnings:" >&2
    echo "$own" >&2
    exit 1
fi
echo "no compiler warning in Sources/, Tests/ or Plugins/"
