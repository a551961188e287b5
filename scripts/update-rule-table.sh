#!/usr/bin/env bash
# Regenerates the rule table in README.md from the rule registry (a test checks they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product kalka >/dev/null
table=$(.build/debug/kalka rules --markdown)
awk -v table="$table" '
    /<!-- rules:start -->/ { print; print table; skipping = 1; next }
    /<!-- rules:end -->/ { skipping = 0 }
    !skipping { print }
' README.md > README.md.new
mv README.md.new README.md
