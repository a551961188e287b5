#!/usr/bin/env bash
# Measures kalka's throughput: one large generated English file, and a directory of 1,000 small
# files, against ICU's own word + sentence breaking over the same bytes (the floor).
#
#   scripts/bench.sh [SIZE_MB]     (default 50)
#   KALKA_BIN=path scripts/bench.sh 20   measures that binary instead (to compare two builds)
#
# Builds a release binary, generates the inputs under bench-data/ (git-ignored) from the clean
# fixtures and the sample article, and prints MB/s. No timing is asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
data=bench-data
mkdir -p "$data/small"

if [ -n "${KALKA_BIN:-}" ]; then
    kalka=$KALKA_BIN
else
    swift build -c release --product kalka >/dev/null
    kalka=.build/release/kalka
fi

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

# 1,000 small files, each one fixture or the sample article.
if [ "$(ls "$data/small" | wc -l)" -ne 1000 ]; then
    rm -f "$data/small"/*
    sources=(Tests/Fixtures/clean/*.txt examples/sample-article.txt examples/sample-article.md examples/sample-article.html)
    for i in $(seq -w 0 999); do
        src=${sources[$((10#$i % ${#sources[@]}))]}
        cp "$src" "$data/small/doc-$i.${src##*.}"
    done
fi

echo "== one large file ($(du -h "$big" | cut -f1)), one core"
"$kalka" bench --repetitions 3 "$big" | tee "$data/bench.out"
# The figure to watch: the whole pass against ICU's own breaking of the same bytes.
floor=$(sed -n 's/^ICU floor.*(\([0-9.]*\) s)$/\1/p' "$data/bench.out")
whole=$(sed -n 's/^kalka whole pass.*(\([0-9.]*\) s)$/\1/p' "$data/bench.out")
awk -v floor="$floor" -v whole="$whole" 'BEGIN { if (floor > 0) printf "whole pass: %.1f× the ICU floor\n", whole / floor }'

echo
echo "== the same file through 'kalka check' (whole process: read, lint, JSON output)"
start=$(date +%s.%N)
"$kalka" check --format json --fail-on never "$big" > /dev/null
end=$(date +%s.%N)
echo "$(du -b "$big" | cut -f1) $start $end" | awk '{ printf "%.1f MB/s (%.2f s)\n", $1 / 1e6 / ($3 - $2), $3 - $2 }'

small_bytes=$(cat "$data/small"/* | wc -c)
for jobs in 1 2; do
    echo
    echo "== 1,000 small files ($((small_bytes / 1000)) kB), --jobs $jobs"
    start=$(date +%s.%N)
    "$kalka" check --format json --fail-on never --jobs "$jobs" "$data/small" > /dev/null
    end=$(date +%s.%N)
    echo "$small_bytes $start $end" | awk '{ printf "%.1f MB/s, %.0f files/s (%.2f s)\n", $1 / 1e6 / ($3 - $2), 1000 / ($3 - $2), $3 - $2 }'
done
