#!/usr/bin/env bash
# Streams a generated JSON Lines archive through `kalka check --input-format jsonl --format jsonl`
# and prints its throughput on one and two jobs beside `kalka check` of the same articles as
# files, and the peak memory of each. One record in the middle of the archive is broken on
# purpose: the run must report it as an error line and every other record as usual. No timing
# is asserted anywhere.
#
#   scripts/bench-archive.sh [SIZE_MB] [TEXTS_DIR]
#       SIZE_MB     the archive's size (default 1000: 1 GB)
#       TEXTS_DIR   articles to fill it with, one per .txt file, cycled (default: the
#                   repository's clean fixtures and sample article; e.g. the small files of
#                   ../shared/tools/realtext-bench-corpus OUT 20 1000, in OUT.d)
#   KALKA_BIN=path ...   measures that binary instead of a fresh release build
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1000}
texts=${2:-}
if [ -n "${KALKA_BIN:-}" ]; then
    kalka=$(realpath "$KALKA_BIN")
else
    swift build -c release --product kalka >/dev/null
    kalka=$PWD/.build/release/kalka
fi
data=bench-data/archive-${size_mb}mb
mkdir -p "$data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -s "$data/archive.jsonl" ]; then
    rm -rf "$data/files"
    python3 - "$size_mb" "$data" "$texts" <<'PY'
import json, os, sys, glob
size_mb, out, texts = int(sys.argv[1]), sys.argv[2], sys.argv[3]
paths = sorted(glob.glob(os.path.join(texts, "*.txt"))) if texts else sorted(glob.glob("Tests/Fixtures/clean/*.txt")) + ["examples/sample-article.txt"]
articles = [open(p, encoding="utf-8").read() for p in paths]
os.makedirs(os.path.join(out, "files"), exist_ok=True)
target, written, index = size_mb * 1_000_000, 0, 0
with open(os.path.join(out, "archive.jsonl"), "w", encoding="utf-8") as archive:
    while written < target:
        text = articles[index % len(articles)]
        line = json.dumps({"id": f"doc-{index:07d}", "source": "bench", "text": text}, ensure_ascii=False) + "\n"
        archive.write(line)
        # The same article as a file, in folders of 1,000.
        folder = os.path.join(out, "files", f"{index // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc-{index:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(line.encode("utf-8"))
        index += 1
    print(f"{index} records, {written / 1e6:.0f} MB", file=sys.stderr)
PY
fi
archive=$data/archive.jsonl
records=$(wc -l < "$archive")
# The broken record: the middle line's text replaced by a number.
middle=$(( (records + 1) / 2 ))
awk -v m="$middle" 'NR == m { print "{\"id\": \"broken\", \"text\": 0}"; next } { print }' "$archive" > "$work/archive.jsonl"
bytes=$(stat -c %s "$work/archive.jsonl")

measure() { /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" > "$work/out" 2>/dev/null || true; tail -n 1 "$work/time" | awk '{ printf "%.2f %.2f %d\n", $1 + $2, $3, $4 }'; }
echo "== $records records, $(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }') (one broken on purpose, line $middle)"
for jobs in 1 2; do
    read -r cpu wall rss < <(measure "$kalka" check --isolated --input-format jsonl --format jsonl --fail-on never --jobs "$jobs" "$work/archive.jsonl")
    lines=$(wc -l < "$work/out")
    errors=$(grep -c '"error": ' "$work/out" || true)
    bad=$(sed -n "${middle}p" "$work/out" | grep -c '"id": "broken", "error": ' || true)
    awk -v c="$cpu" -v w="$wall" -v r="$rss" -v b="$bytes" -v j="$jobs" -v l="$lines" -v e="$errors" -v k="$bad" 'BEGIN {
        printf "records, --jobs %d: %6.1f s wall %6.1f s CPU %6.1f MB/s  peak %4.0f MB  %d lines, %d error%s%s\n",
            j, w, c, b / 1e6 / w, r / 1024, l, e, e == 1 ? "" : "s", k == 1 ? " (the broken record, in its place)" : " (BROKEN RECORD NOT REPORTED IN PLACE)" }'
    read -r cpu wall rss < <(measure "$kalka" check --isolated --format json --fail-on never --jobs "$jobs" "$data/files")
    awk -v c="$cpu" -v w="$wall" -v r="$rss" -v b="$bytes" -v j="$jobs" 'BEGIN {
        printf "files,   --jobs %d: %6.1f s wall %6.1f s CPU %6.1f MB/s  peak %4.0f MB\n", j, w, c, b / 1e6 / w, r / 1024 }'
done
