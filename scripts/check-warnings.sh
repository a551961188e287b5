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
given_log=${1:+$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")}
cd "$(dirname "$0")/.."
# The physical path: the compiler names files by it, even in a checkout behind a symbolic link.
root=$(pwd -P)
if [ -n "$given_log" ]; then
    log=$given_log
else
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    rm -rf .build/warnings-check
    swift build --build-tests --scratch-path .build/warnings-check >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
own=$(awk -v root="$root/" 'index($0, root) == 1 && $0 ~ /:[0-9]+:[0-9]+: warning:/ {
    if (substr($0, length(root) + 1) ~ /^(Sources|Tests|Plugins)\//) print
}' "$log" | sort -u)
if [ -n "$own" ]; then
    echo "kalka's own code has compiler warnings:" >&2
    echo "$own" >&2
    exit 1
fi
echo "no compiler warning in Sources/, Tests/ or Plugins/"
