#!/usr/bin/env bash
# Screenshots of the editor report of the sample article, for humans: a phone-width and a
# desktop view of the summary, and of the article with its findings highlighted.
# Output: screenshots/ (git-ignored). Needs headless Chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "report-screenshots: no chromium on PATH (Debian: apt-get install chromium)" >&2
    exit 2
fi
swift build --product kalka >/dev/null
mkdir -p screenshots
report="$PWD/screenshots/sample-report.html"
.build/debug/kalka report --isolated -o "$report" examples/sample-article.txt examples/sample-article.md
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() { # name width height fragment
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" \
        --virtual-time-budget=3000 --window-size="$2,$3" --screenshot="$PWD/screenshots/$1.png" "file://$report$4" 2>/dev/null
    echo "screenshots/$1.png"
}
shoot phone-summary 390 2400 ""
shoot desktop-summary 1280 1600 ""
# The fragment opens the most suspicious documents in place and shows the calque filter at work.
shoot phone-document 390 6000 "#open=all"
shoot desktop-document 1280 5000 "#open=all&category=calque,name-spelling,garbled-clause"
