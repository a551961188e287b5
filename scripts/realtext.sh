#!/usr/bin/env bash
# Measures kalka on real articles: the annotated machine-translated set and the professional-English
# controls in ../shared/realtext (private texts, never copied into this repository), scored by
# ../shared/tools/realtext-score.
#
#   scripts/realtext.sh [--no-build] [--bin PATH] [realtext-score options, e.g. --verbose --by-rule]
#
# Prints per-group recall and precision on each set, and the false alarms (warning or worse) per
# 5,000 words of the professional set. The figures the tests guard are in
# Tests/kalkaTests/RealTextTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${KALKA_REALTEXT:-../shared}
build=1
kalka=.build/release/kalka
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --bin) kalka=$2; shift ;;
        *) args+=("$1") ;;
    esac
    shift
done
if [ ! -x "$root/tools/realtext-score" ] || [ ! -d "$root/realtext/mt" ]; then
    echo "realtext.sh: no real-text sets at $root/realtext (set KALKA_REALTEXT to the folder holding realtext/ and tools/)" >&2
    exit 2
fi
[ "$build" = 1 ] && swift build -c release --product kalka >/dev/null
kalka=$(cd "$(dirname "$kalka")" && pwd)/$(basename "$kalka")
score="$root/tools/realtext-score"

echo "== machine-translated articles ($root/realtext/mt)"
"$score" "$kalka" --docs "$root/realtext/mt" "${args[@]+"${args[@]}"}"
echo
echo "== professional English ($root/realtext/clean): every finding outside an annotation is a false alarm"
"$score" "$kalka" --docs "$root/realtext/clean" "${args[@]+"${args[@]}"}"
