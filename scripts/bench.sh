#!/usr/bin/env bash
# Measures kalka's speed against ICU's own word + sentence breaking of the same bytes (the floor
# no linter on ICU can beat), and prints the figures the project tracks:
#   - the whole `kalka check --format json --jobs 1` (read, segment, rules, JSON out): its CPU
#     time (user + sys) as a multiple of the floor's, and its peak memory;
#   - 1,000 small files (the same text, cut up) on two cores: wall time, and whether the output
#     is identical to one job's;
#   - start-up: `kalka check` of a one-line file (median of 11 runs);
#   - `kalka bench`'s phases (segmenting, rules, slowest rules) for where the time goes.
# Each figure is the median of RUNS runs (default 5). No timing is asserted anywhere.
#
#   scripts/bench.sh [SIZE_MB]           a corpus generated from the repository's own texts
#                                        (default 20 MB), under bench-data/ (git-ignored)
#   scripts/bench.sh --corpus FILE DIR   a corpus of your own: one large FILE and a directory
#                                        DIR of small files (e.g. made by
#                                        ../shared/tools/realtext-bench-corpus OUT 20 1000:
#                                        --corpus OUT OUT.d)
#   KALKA_BIN=path ...                   measures that binary instead of a fresh release build
#   RUNS=N ...                           medians of N runs
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
data=bench-data
mkdir -p "$data"

if [ -n "${KALKA_BIN:-}" ]; then
    kalka=$(realpath "$KALKA_BIN")
else
    swift build -c release --product kalka >/dev/null
    kalka=$PWD/.build/release/kalka
fi

if [ "${1:-}" = "--corpus" ]; then
    big=${2:?--corpus FILE DIR}
    small=${3:?--corpus FILE DIR}
else
    size_mb=${1:-20}
    # One large file: the clean fixtures and the sample article, repeated to the size asked for.
    big="$data/large-${size_mb}mb.txt"
    if [ ! -s "$big" ]; then
        seed=$(mktemp)
        cat Tests/Fixtures/clean/*.txt examples/sample-article.txt > "$seed"
        : > "$big"
        target=$((size_mb * 1000000))
        while [ "$(stat -c %s "$big")" -lt "$target" ]; do
            for _ in $(seq 50); do cat "$seed"; printf '\n\n'; done >> "$big"
        done
        rm -f "$seed"
    fi
    # 1,000 small files: the large file cut at paragraph breaks into 1,000 pieces.
    small="$data/small-${size_mb}mb"
    if [ ! -d "$small" ] || [ "$(ls "$small" | wc -l)" -ne 1000 ]; then
        rm -rf "$small"
        mkdir -p "$small"
        awk -v dir="$small" -v total="$(stat -c %s "$big")" '
            BEGIN { RS = "\n\n"; per = total / 1000; n = 0; size = 0 }
            { file = sprintf("%s/doc-%03d.txt", dir, n); printf "%s\n\n", $0 >> file; size += length($0) + 2
              if (size >= per * (n + 1) && n < 999) { close(file); n++ } }' "$big"
    fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# CPU seconds (user + sys), wall seconds and peak KB of one command, on one line.
measure() { /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true; awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' "$work/time"; }

bytes=$(stat -c %s "$big")
echo "== $(basename "$big"): $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), ${runs} runs each (medians)"
: > "$work/floor"; : > "$work/cpu"; : > "$work/rss"
for _ in $(seq "$runs"); do
    # The floor and the pass in the same run, one after the other: load hits both alike.
    "$kalka" bench --repetitions 1 --rules 0 "$big" | sed -n 's/^ICU floor.*(\([0-9.]*\) s)$/\1/p' >> "$work/floor"
    read -r cpu _ rss < <(measure "$kalka" check --format json --jobs 1 --fail-on never "$big")
    echo "$cpu" >> "$work/cpu"
    echo "$rss" >> "$work/rss"
done
floor=$(median < "$work/floor"); cpu=$(median < "$work/cpu"); rss=$(median < "$work/rss")
awk -v f="$floor" -v c="$cpu" -v b="$bytes" -v r="$rss" 'BEGIN {
    printf "ICU floor (word + sentence breaking, one core)   %.3f s CPU  %6.1f MB/s\n", f, b / 1e6 / f
    printf "kalka check --format json --jobs 1              %.3f s CPU  %6.1f MB/s\n", c, b / 1e6 / c
    printf "whole check: %.1f× the ICU floor; peak memory %.0f MB\n", c / f, r / 1024 }'

echo
count=$(ls "$small" | wc -l)
small_bytes=$(cat "$small"/* | wc -c)
: > "$work/wall"
for _ in $(seq "$runs"); do
    read -r _ wall _ < <(measure "$kalka" check --format json --fail-on never --jobs 2 "$small")
    echo "$wall" >> "$work/wall"
done
"$kalka" check --format json --fail-on never --jobs 1 "$small" > "$work/one.json" || true
"$kalka" check --format json --fail-on never --jobs 2 "$small" > "$work/two.json" || true
same=$(cmp -s "$work/one.json" "$work/two.json" && echo "identical to --jobs 1" || echo "DIFFERENT from --jobs 1")
awk -v w="$(median < "$work/wall")" -v n="$count" -v b="$small_bytes" -v s="$same" 'BEGIN {
    printf "%d small files (%.1f MB), --jobs 2: %.2f s wall, %.0f files/s; output %s\n", n, b / 1e6, w, n / w, s }'

echo
echo "The minister met the mayor of Kiev on Monday." > "$work/one-line.txt"
: > "$work/start"
for _ in $(seq 11); do
    # date in nanoseconds: /usr/bin/time rounds to 10 ms.
    start=$(date +%s%N)
    "$kalka" check --format json "$work/one-line.txt" > /dev/null || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 ))e-6" >> "$work/start"
done
awk -v s="$(median < "$work/start")" 'BEGIN { printf "start-up (check of a one-line file): %.0f ms wall\n", s * 1000 }'

echo
echo "== where the time goes (kalka bench, one core, best of 3)"
"$kalka" bench --repetitions 3 "$big"
