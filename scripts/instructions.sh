#!/usr/bin/env bash
# Counts the instructions kalka executes (valgrind's callgrind) on two fixed inputs: a 2 MB
# article file checked on one core, and a one-line file (start-up). Unlike time, the count does
# not move with the machine's load, so two builds compare to a fraction of a percent: use it to
# show that a change costs no speed, or to find what it costs (callgrind_annotate on the .out).
#
#   scripts/instructions.sh [BINARY ...]   (default: a fresh release build)
#
# Needs valgrind (`apt-get install valgrind`). No timing is asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
if [ $# -eq 0 ]; then
    swift build -c release --product kalka >/dev/null
    set -- .build/release/kalka
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The inputs: the clean fixtures and the sample article, repeated to 2 MB; one line.
cat Tests/Fixtures/clean/*.txt examples/sample-article.txt > "$work/seed.txt"
: > "$work/article.txt"
while [ "$(stat -c %s "$work/article.txt")" -lt 2000000 ]; do cat "$work/seed.txt" >> "$work/article.txt"; printf '\n\n' >> "$work/article.txt"; done
head -c 2000000 "$work/article.txt" > "$work/2mb.txt"
echo "The minister met the mayor of Kiev on Monday." > "$work/one-line.txt"

count() {  # BINARY INPUT -> instructions
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$1" check --format json --jobs 1 --fail-on never "$2" \
        >/dev/null 2>"$work/err"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/err"
}

first_article=""
first_start=""
for binary in "$@"; do
    # Valgrind cannot read the DWARF of Swift release binaries; a copy without it keeps the symbols.
    strip --strip-debug -o "$work/kalka" "$binary"
    article=$(count "$work/kalka" "$work/2mb.txt")
    start=$(count "$work/kalka" "$work/one-line.txt")
    : "${first_article:=$article}" "${first_start:=$start}"
    awk -v b="$binary" -v a="$article" -v s="$start" -v fa="$first_article" -v fs="$first_start" 'BEGIN {
        printf "%s\n  2 MB check, one core: %6.1f M instructions (%+.2f %% against the first)\n", b, a / 1e6, (a / fa - 1) * 100
        printf "  one-line file:        %6.1f M instructions (%+.2f %% against the first)\n", s / 1e6, (s / fs - 1) * 100
    }'
done
